/**
 * What the Record Cleaner shows the user, at node level: the assembled parameters. The Clean operation's
 * parameters live in `actions/clean.operation.ts` (one operation, so no Operation selector); the node's
 * identity (name, icon, versions, outputs) stays in the node class, where the strict lint reads it.
 */
import { INodeProperties } from 'n8n-workflow';

import * as clean from './actions/clean.operation';

/** Every parameter of the node, in the order the editor shows them. */
export const properties: INodeProperties[] = [...clean.description];
