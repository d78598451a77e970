import { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription, NodeConnectionTypes } from 'n8n-workflow';

import { pseudonymisationKeyTest } from '../shared/credentialTests';
import { identifyingDataProperties } from '../shared/privacy';
import { OUTPUTS_EXPRESSION, properties, SUBTITLE } from './description';
import { route } from './router';
import { VERSIONS } from './versions';

/** Cross-Region Settlement (verrekening): the shell. Parameters in description.ts, operations in actions/. */
export class CrossRegionSettlement implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Cross-Region Settlement',
		name: 'crossRegionSettlement',
		icon: { light: 'file:crossRegionSettlement.svg', dark: 'file:crossRegionSettlement.dark.svg' },
		group: ['transform'],
		// 1.1: identifying columns are removed from the items by default (nodes/shared/privacy.ts)
		// 1.2: every input and invoice column shown (Input Columns, Invoice Columns)
		// 1.3: each statement carries its formatted xlsx file and says whether it is an invoice (statementFile.ts)
		version: [1, 1.1, 1.2, 1.3, 1.4],
		defaultVersion: 1.4,
		subtitle: SUBTITLE,
		description: 'Settle youth care for pupils living in another municipality (verrekening): statements per paying municipality to the cent, and invoice reconciliation',
		defaults: { name: 'Cross-Region Settlement' },
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
				displayOptions: { show: { operation: ['calculate'] } },
			},
		],
		properties: [...properties, ...identifyingDataProperties(VERSIONS)],
	};

	methods = { credentialTest: { pseudonymisationKeyTest } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await route(this);
	}
}
