/**
 * Deadline Monitor: one operation per run, chosen by the "Operation" parameter.
 * An operation this version does not know is an error, never a silent fallback.
 */
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { unsupportedOperation } from '../shared/errors';
import * as calculateKpis from './actions/calculateKpis.operation';
import * as checkCases from './actions/checkCases.operation';
import * as confirmDelivery from './actions/confirmDelivery.operation';
import { properties } from './description';

export async function route(ctx: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const operation = ctx.getNodeParameter('operation', 0, 'checkCases') as string;
	switch (operation) {
		case 'checkCases':
			return await checkCases.execute(ctx, properties);
		case 'calculateKpis':
			return calculateKpis.execute(ctx, properties);
		case 'confirmDelivery':
			return await confirmDelivery.execute(ctx);
		default:
			throw unsupportedOperation(ctx.getNode(), operation);
	}
}
