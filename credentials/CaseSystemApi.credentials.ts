import type { IAuthenticateGeneric, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

/**
 * The case system (casusregistratie) in which help requests are registered. Usable from n8n's HTTP
 * Request node via "Predefined Credential Type" → "Jeugdhulp Case System API": the request gets the
 * X-API-Key header or an Authorization: Bearer header, depending on the chosen authentication.
 */
export class CaseSystemApi implements ICredentialType {
	name = 'caseSystemApi';

	displayName = 'Jeugdhulp Case System API';

	icon = { light: 'file:caseSystemApi.svg', dark: 'file:caseSystemApi.dark.svg' } as const;

	documentationUrl = 'https://github.com/jeugdhulp-onderwijs/n8n-nodes-jeugdhulp-onderwijs/blob/main/docs/toeleiding-triage.md#case-system-credential';

	properties: INodeProperties[] = [
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'https://casussysteem.example.nl',
			description: 'Address of the case system, without a trailing slash; cases are posted to {Base URL}/api/cases',
		},
		{
			displayName: 'Authentication',
			name: 'authentication',
			type: 'options',
			options: [
				{ name: 'API Key', value: 'apiKey', description: 'Send the key in the X-API-Key header' },
				{ name: 'Bearer Token', value: 'bearerToken', description: 'Send the token as Authorization: Bearer' },
			],
			default: 'apiKey',
			description: 'How the case system expects requests to be authenticated',
		},
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			displayOptions: { show: { authentication: ['apiKey'] } },
			description: 'The API key issued by the case system (sent as header X-API-Key)',
		},
		{
			displayName: 'Token',
			name: 'token',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			displayOptions: { show: { authentication: ['bearerToken'] } },
			description: 'The bearer token issued by the case system (sent as Authorization: Bearer)',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				'X-API-Key': '={{ $credentials.authentication === "apiKey" ? $credentials.apiKey : undefined }}',
				Authorization: '={{ $credentials.authentication === "bearerToken" ? "Bearer " + $credentials.token : undefined }}',
			},
		},
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{ $credentials.baseUrl.replace(/\\/+$/, "") }}',
			url: '/api/health',
			method: 'GET',
		},
	};
}
