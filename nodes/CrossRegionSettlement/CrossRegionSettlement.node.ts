import { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription, NodeConnectionTypes } from 'n8n-workflow';

import { pseudonymisationKeyTest } from '../shared/credentialTests';
import { identifyingDataProperties } from '../shared/privacy';
import { OUTPUTS_EXPRESSION, properties } from './description';
import { route } from './router';

/** Cross-Region Settlement (verrekening): the shell. Parameters in description.ts, operations in actions/. */
export class CrossRegionSettlement implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Cross-Region Settlement',
		name: 'crossRegionSettlement',
		icon: { light: 'file:crossRegionSettlement.svg', dark: 'file:crossRegionSettlement.dark.svg' },
		group: ['transform'],
		// 1.1: identifying columns are removed from the items by default (nodes/shared/privacy.ts)
		version: [1, 1.1],
		defaultVersion: 1.1,
		subtitle: '={{ ($parameter["operation"] ?? "calculate") === "reconcile" ? "Reconcile invoices" : "Calculate: " + ($parameter["financingForm"] ?? "function") }}',
		description: 'Settle youth care for pupils living in another municipality (verrekening): statements per paying municipality to the cent, and invoice reconciliation',
		defaults: { name: 'Cross-Region Settlement' },
		usableAsTool: true,
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
		properties: [...properties, ...identifyingDataProperties()],
	};

	methods = { credentialTest: { pseudonymisationKeyTest } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await route(this);
	}
}
