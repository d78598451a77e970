/**
 * Cross-Region Settlement: one operation per run, chosen by the "Operation" parameter.
 * An operation this version does not know is an error, never a silent fallback.
 */
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { unsupportedOperation } from '../shared/errors';
import * as calculate from './actions/calculate.operation';
import * as reconcile from './actions/reconcile.operation';
import { properties } from './description';

export async function route(ctx: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const operation = ctx.getNodeParameter('operation', 0, 'calculate') as string;
	switch (operation) {
		case 'calculate':
			return await calculate.execute(ctx, properties);
		case 'reconcile':
			return reconcile.execute(ctx, properties);
		default:
			throw unsupportedOperation(ctx.getNode(), operation);
	}
}
