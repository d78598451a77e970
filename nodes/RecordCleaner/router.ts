/**
 * Record Cleaner: one operation ("clean"), so the node has no Operation parameter and the router reads
 * it with that default. A router all the same, so every node has the same shape and a second operation
 * is one more case.
 */
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { unsupportedOperation } from '../shared/errors';
import * as clean from './actions/clean.operation';
import { properties } from './description';

export function route(ctx: IExecuteFunctions): INodeExecutionData[][] {
	const operation = ctx.getNodeParameter('operation', 0, 'clean') as string;
	switch (operation) {
		case 'clean':
			return clean.execute(ctx, properties);
		default:
			throw unsupportedOperation(ctx.getNode(), operation);
	}
}
