/**
 * Toeleiding Triage: one operation ("triage"), so the node has no Operation parameter and the router
 * reads it with that default. A router all the same, so every node has the same shape and a second
 * operation is one more case.
 */
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { unsupportedOperation } from '../shared/errors';
import * as triage from './actions/triage.operation';
import { properties } from './description';

export async function route(ctx: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const operation = ctx.getNodeParameter('operation', 0, 'triage') as string;
	switch (operation) {
		case 'triage':
			return await triage.execute(ctx, properties);
		default:
			throw unsupportedOperation(ctx.getNode(), operation);
	}
}
