/**
 * Node versions: behaviour changes by adding a version, never by changing one (STYLE.md habit 12).
 * The nodes use n8n's version arrays (`version: [1, 1.1]`, `defaultVersion`) rather than `VersionedNodeType`:
 * one description per node. Each node has **one version table** (`nodes/<Node>/versions.ts`): every behaviour
 * and every parameter that differs between its versions, with the first version that has it. The table is the
 * only place a version number is compared: operations ask `VERSIONS.has(ctx.getNode(), 'behaviour')`, and
 * parameters get their `@version` display options from `VERSIONS.shownFrom(...)` / `VERSIONS.shownBefore(...)`.
 * A workflow saved with an older version keeps its `typeVersion`, so it keeps the old behaviour.
 * How to add a version: CONTRIBUTING.md "Add a node version".
 */
import type { DisplayCondition, INode } from 'n8n-workflow';

/** One node's version table: behaviour (or parameter) name → the first node version that has it. */
export class VersionTable<B extends string> {
	/**
	 * @param versions the node's versions, as in its `<Node>.node.ts` (a test checks they agree)
	 * @param since each behaviour with its first version; add a row with a new version, never change a row
	 */
	constructor(
		readonly versions: readonly number[],
		readonly since: Readonly<Record<B, number>>,
	) {}

	/** Whether the node as saved in the workflow (its `typeVersion`) has `behaviour`. */
	has(node: Pick<INode, 'typeVersion'>, behaviour: B): boolean {
		return node.typeVersion >= this.since[behaviour];
	}

	/** A `displayOptions.show` condition: the parameter is shown from the version that brings `behaviour` on. */
	shownFrom(behaviour: B): { '@version': DisplayCondition[] } {
		return { '@version': [{ _cnd: { gte: this.since[behaviour] } }] };
	}

	/** A `displayOptions.show` condition: the parameter is shown only before the version that brings `behaviour` (the old behaviour's parameter). */
	shownBefore(behaviour: B): { '@version': DisplayCondition[] } {
		return { '@version': [{ _cnd: { lt: this.since[behaviour] } }] };
	}
}

/**
 * A node's version table as the shared layers see it: they ask only about their own behaviour, which every node
 * using them lists — `removeIdentifyingData` (`nodes/shared/privacy.ts`), `columnMapping` (`nodes/shared/columns.ts`).
 */
export type VersionsWith<B extends string> = Pick<VersionTable<B>, 'has' | 'shownFrom' | 'shownBefore'>;
