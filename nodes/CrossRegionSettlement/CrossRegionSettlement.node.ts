import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { executeCalculate } from './calculate.operation';
import { pseudonymisationKeyTest } from '../shared/credentialTests';
import { OUTPUTS_EXPRESSION, properties } from './description';
import { identifyingDataProperties } from '../shared/privacy';
import { executeReconcile } from './reconcile.operation';

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
		const operation = this.getNodeParameter('operation', 0, 'calculate') as string;
		return operation === 'reconcile' ? executeReconcile(this) : executeCalculate(this);
	}
}
