/**
 * What the Toeleiding Triage node shows the user, at node level: the outputs (one per route, defined in
 * parameters.ts) and the assembled parameters. The Triage operation's parameters live in
 * `actions/triage.operation.ts` (one operation, so no Operation selector); the node's identity (name, icon,
 * versions, credentials) stays in the node class, where the strict lint reads it.
 */
import type { INodeProperties } from 'n8n-workflow';

import * as triage from './actions/triage.operation';

/** One output per route (defined in parameters.ts, which the operation shares). */
export { OUTPUTS_EXPRESSION } from './parameters';

/** Every parameter of the node, in the order the editor shows them. */
export const properties: INodeProperties[] = [...triage.description];
