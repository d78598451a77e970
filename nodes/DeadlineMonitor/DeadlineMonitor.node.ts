import { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription, NodeConnectionTypes } from 'n8n-workflow';

import { identifyingDataProperties } from '../shared/privacy';
import { notForConfirm, OUTPUTS_EXPRESSION, properties } from './description';
import { route } from './router';
import { VERSIONS } from './versions';

/** Deadline Monitor: the shell. Parameters in description.ts and parameters.ts, operations in actions/. */
export class DeadlineMonitor implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Deadline Monitor',
		name: 'deadlineMonitor',
		icon: { light: 'file:deadlineMonitor.svg', dark: 'file:deadlineMonitor.dark.svg' },
		group: ['transform'],
		// 1.1: identifying columns are removed from the items by default (nodes/shared/privacy.ts)
		// 1.2: every input column shown (Input Columns); grouped items on each status output they concern
		// 1.3: due dates the holiday calendar cannot decide are marked (dueDateKnown, statusCertain); extra closed days
		// 1.3: Alert Only on Status Change counts an alert as sent once the operation Confirm Delivery confirmed it (issue 23)
		version: [1, 1.1, 1.2, 1.3],
		defaultVersion: 1.3,
		subtitle: '={{ ($parameter["operation"] === "calculateKpis" ? "KPIs: " : "Check: ") + ($parameter["rule"] === "thuiszitter" ? "Thuiszitter rule" : "8-week norm") }}',
		description: 'Watch the 8-week start norm and the thuiszitter 3-month rule per case, route by status, alert zorgteams, and report KPIs',
		defaults: { name: 'Deadline Monitor' },
		// Offered to n8n's AI Agent (pseudonymous case data only), but the tool variant never changes the alert memory:
		// docs/privacy.md "AI agents" (nodes/shared/aiTool.ts).
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: OUTPUTS_EXPRESSION,
		credentials: [
			{
				// "Alert Only on Status Change" keeps its memory in n8n's Data Tables through this credential (nodes/shared/store.ts);
				// Confirm Delivery (version 1.3) writes its confirmations there. (Confirm Delivery has no alertOnce parameter.)
				name: 'sharedMemoryApi',
				required: false,
				displayOptions: { show: { operation: ['checkCases', 'confirmDelivery'] }, hide: { alertOnce: [false] } },
			},
		],
		properties: [...properties, ...identifyingDataProperties(VERSIONS).map(notForConfirm)],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await route(this);
	}
}
