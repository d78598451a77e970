import { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription, NodeConnectionTypes } from 'n8n-workflow';

import { pseudonymisationKeyTest } from '../shared/credentialTests';
import { identifyingDataProperties } from '../shared/privacy';
import { OUTPUTS_EXPRESSION, properties, SUBTITLE } from './description';
import { route } from './router';
import { VERSIONS } from './versions';

/** Toeleiding Triage: the shell. Parameters in description.ts, the operation in actions/. */
export class ToeleidingTriage implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Toeleiding Triage',
		name: 'toeleidingTriage',
		icon: { light: 'file:toeleidingTriage.svg', dark: 'file:toeleidingTriage.dark.svg' },
		group: ['transform'],
		// 1.1: identifying columns are removed from the items by default (nodes/shared/privacy.ts)
		// 1.2: every input column shown (Input Columns)
		// 1.3: the 8-week deadline can count school weeks (Deadline Counting), with the Deadline Monitor's clock
		version: [1, 1.1, 1.2, 1.3],
		defaultVersion: 1.3,
		subtitle: SUBTITLE,
		description: 'Route each youth care request (aanmelding) to one route, name who pays and why, with region policy presets',
		defaults: { name: 'Toeleiding Triage' },
		// Not offered to n8n's AI Agent: it reads BSNs, names or free text, which an agent would send through its
		// language model, usually outside the organisation (docs/privacy.md "AI agents", issue 23). Present but not
		// true: n8n's strict lint wants the property, n8n-workflow's type has no `false` (undefined means "not a tool").
		usableAsTool: undefined,
		inputs: [NodeConnectionTypes.Main],
		outputs: OUTPUTS_EXPRESSION,
		credentials: [
			{
				name: 'pseudonymisationKeyApi',
				required: true,
				testedBy: 'pseudonymisationKeyTest',
				displayOptions: { show: { pseudonymiseBsn: [true] } },
			},
		],
		properties: [...properties, ...identifyingDataProperties(VERSIONS)],
	};

	methods = { credentialTest: { pseudonymisationKeyTest } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await route(this);
	}
}
