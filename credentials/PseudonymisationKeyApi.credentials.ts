import type { ICredentialType, INodeProperties } from 'n8n-workflow';

/**
 * The secret key for pseudonymous pupil references on settlement statements (HMAC-SHA256).
 * Keep it the same across periods so a pupil keeps the same reference; never share it with the
 * municipalities that receive the statements. Tested by the Cross-Region Settlement node (key length).
 */
export class PseudonymisationKeyApi implements ICredentialType {
	name = 'pseudonymisationKeyApi';

	displayName = 'Jeugdhulp Pseudonymisation Key API';

	icon = { light: 'file:../nodes/CrossRegionSettlement/crossRegionSettlement.svg', dark: 'file:../nodes/CrossRegionSettlement/crossRegionSettlement.dark.svg' } as const;

	documentationUrl = 'https://github.com/jeugdhulp-onderwijs/n8n-nodes-jeugdhulp-onderwijs/blob/main/docs/cross-region-settlement.md#pseudonymisation-key';

	properties: INodeProperties[] = [
		{
			displayName: 'Key',
			name: 'key',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'Secret key (at least 16 characters, preferably 32 random characters) used to turn pupil references into pseudonymous references (keyed hash, HMAC-SHA256). Keep it secret and keep it the same across periods.',
		},
		{
			displayName: 'Key ID',
			name: 'keyId',
			type: 'string',
			default: '',
			placeholder: 'e.g. 2026-1',
			description: 'Optional label of this key, shown on statements so finance staff know which key made the references (never the key itself)',
		},
	];
}
