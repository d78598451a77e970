/**
 * Confirm Delivery (node version 1.3, issue 23): placed after the Send Email node, it records that the
 * alerts of the items it receives went out, so that "Alert Only on Status Change" counts them as sent.
 * Alerts a run claimed but never confirmed (the mail server refused, n8n stopped) are sent again by a later
 * run (nodes/DeadlineMonitor/outbox.ts, domain/deadlines/outbox.ts).
 *
 * Nothing to fill in: for each incoming item it follows n8n's paired items back to the Deadline Monitor
 * (Check Cases) item the mail was made from and reads its `delivery` field. Items without one (a case that
 * needs no confirmation, a manual test run) pass through unconfirmed. One output: the incoming items, unchanged.
 * @throws NodeOperationError (configuration) when placed directly after a Deadline Monitor (nothing was
 *   sent yet), or when the claims are in n8n's Data Tables and this node has no shared-memory credential
 */
import { IExecuteFunctions, INodeExecutionData, INodeProperties, NodeOperationError } from 'n8n-workflow';

import { refuseAsAiTool } from '../../shared/aiTool';
import { hasSharedMemory } from '../../shared/store';
import { DELIVERY_FIELD, DeliveryInfo, confirmClaims } from '../outbox';

/** Confirm Delivery has no parameters of its own (only the shared-memory credential, when the Check Cases node has one). */
export const description: INodeProperties[] = [
	{
		displayName:
			'Place this step after the Send Email node that mails the Deadline Monitor\'s alerts. It confirms the alerts whose mail went out; alerts never confirmed are sent again by the next run. Select the same Jeugdhulp Shared Memory credential as the Deadline Monitor (if it has one).',
		name: 'confirmNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { operation: ['confirmDelivery'] } },
	},
];

function isDelivery(value: unknown): value is DeliveryInfo {
	const v = value as DeliveryInfo | undefined;
	return !!v && typeof v === 'object' && typeof v.scope === 'string' && Array.isArray(v.claims) && (v.memory === 'dataTable' || v.memory === 'staticData');
}

/** The Deadline Monitors this node comes after, nearest first (never itself). */
function monitorsBefore(ctx: IExecuteFunctions): string[] {
	const self = ctx.getNode();
	return ctx
		.getParentNodes(self.name)
		.filter((n) => n.type === self.type && n.name !== self.name)
		.map((n) => n.name);
}

/** The `delivery` of the Deadline Monitor item that item `itemIndex` was made from (through paired items). */
function deliveryOf(ctx: IExecuteFunctions, itemIndex: number, monitors: string[]): DeliveryInfo | undefined {
	const proxy = ctx.getWorkflowDataProxy(itemIndex);
	for (const name of monitors) {
		try {
			const source = proxy.$(name).item as INodeExecutionData | undefined;
			const value = source?.json?.[DELIVERY_FIELD];
			if (isDelivery(value)) return value;
		} catch {
			// this monitor's items are not an ancestor of this item: try the next one
		}
	}
	return undefined;
}

export async function execute(ctx: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const node = ctx.getNode();
	refuseAsAiTool(node, 'Confirm Delivery');
	const items = ctx.getInputData();
	const direct = ctx.getParentNodes(node.name, { depth: 1 });
	if (direct.some((n) => n.type === node.type)) {
		throw new NodeOperationError(node, 'Confirm Delivery comes directly after a Deadline Monitor: nothing was sent yet', {
			description: 'Place Confirm Delivery after the Send Email node that mails the alerts (Deadline Monitor → Send Email → Confirm Delivery).',
		});
	}
	const monitors = monitorsBefore(ctx);
	const deliveries: DeliveryInfo[] = [];
	for (let i = 0; i < items.length; i++) {
		const delivery = deliveryOf(ctx, i, monitors);
		if (delivery) deliveries.push(delivery);
	}
	if (deliveries.some((d) => d.memory === 'dataTable') && !hasSharedMemory(ctx)) {
		throw new NodeOperationError(node, 'The alerts to confirm are in n8n\'s Data Tables, but this step has no shared-memory credential', {
			description: 'Select the same "Jeugdhulp Shared Memory API" credential as the Deadline Monitor that checks the cases.',
		});
	}
	const confirmed = deliveries.length ? await confirmClaims(ctx, deliveries, Date.now()) : 0;
	ctx.addExecutionHints({
		type: 'info',
		location: 'outputPane',
		message: `${confirmed} alert(s) confirmed as sent${items.length > deliveries.length ? `; ${items.length - deliveries.length} item(s) had nothing to confirm` : ''}.`,
	});
	return [items.map((item, i) => ({ json: item.json, ...(item.binary ? { binary: item.binary } : {}), pairedItem: { item: i } }))];
}
