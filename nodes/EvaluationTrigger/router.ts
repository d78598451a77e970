/**
 * Semiannual Evaluation Trigger: the router of a trigger node. The node's `trigger()` (not `execute()`)
 * calls it; it switches on the operation like every router, and each operation's `execute` returns
 * the ITriggerResponse. One operation ("watchMoments"), so the node has no Operation parameter and the
 * router reads it with that default.
 */
import type { ITriggerFunctions, ITriggerResponse } from 'n8n-workflow';

import { unsupportedOperation } from '../shared/errors';
import * as watchMoments from './actions/watchMoments.operation';

export async function route(ctx: ITriggerFunctions): Promise<ITriggerResponse> {
	const operation = ctx.getNodeParameter('operation', 'watchMoments') as string;
	switch (operation) {
		case 'watchMoments':
			return await watchMoments.execute(ctx);
		default:
			throw unsupportedOperation(ctx.getNode(), operation);
	}
}
