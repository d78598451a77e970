/**
 * What the Semiannual Evaluation Trigger shows the user, at node level: the assembled parameters. The
 * parameters of its one operation live in `actions/watchMoments.operation.ts` with the logic (no Operation
 * selector); the node's identity (name, icon, version, texts) stays in the node class, where the strict lint reads it.
 */
import { INodeProperties } from 'n8n-workflow';

import * as watchMoments from './actions/watchMoments.operation';

/** Every parameter of the node, in the order the editor shows them. */
export const properties: INodeProperties[] = [...watchMoments.description];
