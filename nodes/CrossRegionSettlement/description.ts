/**
 * What the Cross-Region Settlement node shows the user, at node level: the outputs, the operation selector
 * and the assembled parameters. Each operation's own parameters live in `actions/<operation>.operation.ts`;
 * the node's identity (name, icon, versions, credentials) stays in the node class, where the strict lint reads it.
 */
import type { ExpressionString, INodeProperties } from 'n8n-workflow';

import * as calculate from './actions/calculate.operation';
import * as reconcile from './actions/reconcile.operation';

/** Three named outputs per operation (names depend on the operation). */
export const OUTPUTS_EXPRESSION: ExpressionString =
	'={{ ($parameter.operation ?? "calculate") === "reconcile"' +
	' ? [{ type: "main", displayName: "Differences" }, { type: "main", displayName: "Matched" }, { type: "main", displayName: "Summary" }]' +
	' : [{ type: "main", displayName: "Statements" }, { type: "main", displayName: "Referrals" }, { type: "main", displayName: "Summary" }] }}' as ExpressionString;

const operationProperty: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	options: [
		{
			name: 'Calculate',
			value: 'calculate',
			description: 'Who pays for pupils living elsewhere (verrekening): one statement per paying municipality, to the cent',
			action: 'Calculate the settlement per municipality',
		},
		{
			name: 'Reconcile Invoices',
			value: 'reconcile',
			description: 'Match invoices sent or received against the statements of a calculation',
			action: 'Reconcile invoices against the settlement',
		},
	],
	default: 'calculate',
	description: 'What to do with the incoming items',
};

/** Every parameter of the node, in the order the editor shows them. */
export const properties: INodeProperties[] = [operationProperty, ...calculate.description, ...reconcile.description];
