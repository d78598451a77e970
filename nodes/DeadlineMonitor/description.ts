/**
 * What the Deadline Monitor node shows the user, at node level: the outputs, the operation selector and the
 * assembled parameters. The shared clock, field names and options live in parameters.ts; each operation's
 * own parameters in `actions/<operation>.operation.ts`; the node's identity (name, icon, versions,
 * credentials) stays in the node class, where the strict lint reads it.
 */
import { ExpressionString, INodeProperties } from 'n8n-workflow';

import * as calculateKpis from './actions/calculateKpis.operation';
import * as checkCases from './actions/checkCases.operation';
import * as confirmDelivery from './actions/confirmDelivery.operation';
import { clockProperties, inputProperties } from './parameters';

/**
 * Outputs depend on the operation and on "Alert Only on Status Change"; evaluated by n8n with the
 * node's parameters. Parameters left at their default are absent from saved workflows, hence the `??`.
 */
export const OUTPUTS_EXPRESSION: ExpressionString =
	'={{ ((p) => { if ((p.operation ?? "checkCases") === "calculateKpis") return [{ type: "main", displayName: "KPIs" }];' +
	' if (p.operation === "confirmDelivery") return [{ type: "main", displayName: "Confirmed" }];' +
	' const o = [{ type: "main", displayName: "Overdue" }, { type: "main", displayName: "Due Soon" }, { type: "main", displayName: "On Track" }, { type: "main", displayName: "Closed" }];' +
	' if (p.alertOnce === true) o.push({ type: "main", displayName: "Unchanged" }); return o; })($parameter) }}' as ExpressionString;

/**
 * The operation selector. Confirm Delivery (node version 1.3, the outbox of "Alert Only on Status Change",
 * issue 23) is listed for every version: it only confirms what a version 1.3 Check Cases emitted, so in an
 * older workflow it finds nothing to confirm and changes nothing.
 */
const operationProperty: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	options: [
		{
			name: 'Check Cases',
			value: 'checkCases',
			description: 'Per case: deadline, days elapsed and left, status; routed to Overdue, Due Soon, On Track or Closed',
			action: 'Check cases against a deadline norm',
		},
		{
			name: 'Calculate KPIs',
			value: 'calculateKpis',
			description: 'Per school, zorgteam or overall: share started within the norm against a target, mean and median days',
			action: 'Calculate deadline indicators',
		},
		{
			name: 'Confirm Delivery',
			value: 'confirmDelivery',
			description: 'After Send Email: record that the alerts mailed went out, so "Alert Only on Status Change" (version 1.3) counts them as sent',
			action: 'Confirm that alerts were delivered',
		},
	],
	default: 'checkCases',
	description: 'What to do with the incoming cases',
};

/** Hide a parameter for Confirm Delivery (it reads no cases). */
export function notForConfirm(property: INodeProperties): INodeProperties {
	const hide = { ...(property.displayOptions?.hide ?? {}), operation: ['confirmDelivery'] };
	return { ...property, displayOptions: { ...(property.displayOptions ?? {}), hide } };
}

/** Every parameter of the node, in the order the editor shows them. */
export const properties: INodeProperties[] = [
	operationProperty,
	...clockProperties.map(notForConfirm),
	...checkCases.description,
	...calculateKpis.description,
	...confirmDelivery.description,
	...inputProperties.map(notForConfirm),
];
