/**
 * Node versions: behaviour changes by adding a version, never by changing one (STYLE.md habit 12).
 * The nodes use n8n's version arrays (`version: [1, 1.1]`, `defaultVersion`) rather than
 * `VersionedNodeType`: one description per node, parameters gated with `@version` display options
 * (`fromVersion`), and every behaviour that differs between versions decided here, by the first version
 * that has it (`BEHAVIOUR_SINCE`, read with `hasBehaviour`). A workflow saved with an older version keeps
 * its `typeVersion`, so it keeps the old behaviour. How to add a version: CONTRIBUTING.md "Node folder shape".
 */
import type { IDisplayOptions, INode } from 'n8n-workflow';

import { PRIVACY_DEFAULT_VERSION } from './privacy';

/**
 * Each behaviour that differs between node versions, with the first version that has it. Add a row for
 * a new behaviour (with a new version); never change a row: existing workflows depend on it.
 */
export const BEHAVIOUR_SINCE = {
	/** Identifying columns are removed from items by default (nodes/shared/privacy.ts decides it with this same version). */
	removeIdentifyingData: PRIVACY_DEFAULT_VERSION,
	/**
	 * Deadline Monitor 1.3 (issue 21 §1): a due date the holiday calendar cannot decide is marked as the earliest
	 * possible one (`dueDateKnown`, `statusCertain`) in the case, the grouped mail and the KPIs; extra closed days
	 * and the school's own days on the built-in calendar.
	 */
	calendarValidity: 1.3,
	/** Toeleiding Triage 1.3 (issue 21 §4): the 8-week deadline can count school weeks with the Deadline Monitor's clock. */
	schoolWeekDeadline: 1.3,
	/** Deadline Monitor: "Alert Only on Status Change" counts an alert as sent once Confirm Delivery confirmed it (the outbox, issue 23). */
	deliveryOutbox: 1.3,
	/**
	 * Cross-Region Settlement 1.3 (issue 24 §2): each statement item carries the statement as a formatted xlsx
	 * (binary), and the words for the document (`documentTitle`, `amountLabel`, `isInvoice`): an own share is
	 * information, not a bill.
	 */
	statementFile: 1.3,
} as const;

export type VersionedBehaviour = keyof typeof BEHAVIOUR_SINCE;

/** Whether the node as saved in the workflow (its `typeVersion`) has `behaviour`. */
export function hasBehaviour(node: Pick<INode, 'typeVersion'>, behaviour: VersionedBehaviour): boolean {
	return node.typeVersion >= BEHAVIOUR_SINCE[behaviour];
}

/** Display options that show a parameter from node version `since` on (n8n's `@version` gating). */
export function fromVersion(since: number): IDisplayOptions {
	return { show: { '@version': [{ _cnd: { gte: since } }] } };
}

/** Display options that show a parameter only before node version `until` (the old behaviour's parameter). */
export function beforeVersion(until: number): IDisplayOptions {
	return { show: { '@version': [{ _cnd: { lt: until } }] } };
}
