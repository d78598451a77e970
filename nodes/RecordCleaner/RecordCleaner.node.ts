import { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription, NodeConnectionTypes } from 'n8n-workflow';

import { identifyingDataProperties } from '../shared/privacy';
import { properties } from './description';
import { route } from './router';
import { VERSIONS } from './versions';

/** Jeugdhulp Record Cleaner: the shell. Parameters in description.ts, the operation in actions/. */
export class RecordCleaner implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Jeugdhulp Record Cleaner',
		name: 'recordCleaner',
		icon: { light: 'file:recordCleaner.svg', dark: 'file:recordCleaner.dark.svg' },
		group: ['transform'],
		// 1.1: identifying columns are removed from the items by default (nodes/shared/privacy.ts)
		version: [1, 1.1],
		defaultVersion: 1.1,
		subtitle: '={{ ($parameter["rules"].rule || []).length + " field(s)" }}',
		description:
			'Make messy spreadsheet rows usable: Dutch dates, municipality names to CBS codes, BRIN school codes, BSN checks',
		defaults: { name: 'Record Cleaner' },
		// Not offered to n8n's AI Agent: it reads BSNs, names or free text, which an agent would send through its
		// language model, usually outside the organisation (docs/privacy.md "AI agents", issue 23). Present but not
		// true: n8n's strict lint wants the property, n8n-workflow's type has no `false` (undefined means "not a tool").
		usableAsTool: undefined,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main, NodeConnectionTypes.Main],
		outputNames: ['Cleaned', 'Empty Rows'],
		properties: [...properties, ...identifyingDataProperties(VERSIONS)],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await route(this);
	}
}
