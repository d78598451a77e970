/**
 * "Alert Only on Status Change" against the shared memory (issue 10): one claim round per run.
 *
 * 1. read this node's rows from the Data Table `jeugdhulp_alert_memory` (created on first use);
 *    when there are none yet, import the memory an older version kept in static data (once);
 * 2. production runs insert a claim for every case whose status differs from the remembered one,
 *    read the rows back and alert only the claims they won (domain/deadlines `winningClaims`),
 *    then prune history no run can still need; manual runs only compare (they change nothing);
 * 3. static data is never written again, so a queue-mode worker never saves the workflow's static
 *    data over what a trigger in the same workflow keeps there.
 */
import { IExecuteFunctions } from 'n8n-workflow';

import { claimsToMake, latestStatuses, migrationObservations, Observation, rowsToPrune, winningClaims } from '../../domain/deadlines';
import { deleteClaims, insertClaims, openAlertMemory, readClaims } from '../shared/store';

/** Where version 1 of this option kept its memory (node static data); read once for the migration. */
export const LEGACY_STATIC_KEY = 'deadlineMonitorAlerts';

/** Whether a case's observed status is to be alerted by this run (each case reference answers true at most once). */
export type ChangedFn = (caseRef: string, status: string) => boolean;

/** The memory scope of this node: workflow id and node id (both stable across renames), never personal data. */
export function memoryScope(ctx: IExecuteFunctions): string {
	return `${ctx.getWorkflow().id ?? ''}:${ctx.getNode().id}`;
}

/**
 * Run the claim round for `observed` and return the per-case answer.
 * @param remember false for manual runs: compare with the memory, change nothing
 * @param maxCases bound on remembered cases (oldest forgotten first, after the grace period)
 * @param now epoch ms, for pruning
 */
export async function claimAlerts(
	ctx: IExecuteFunctions,
	observed: Observation[],
	{ remember, maxCases, now }: { remember: boolean; maxCases: number; now: number },
): Promise<ChangedFn> {
	const table = await openAlertMemory(ctx);
	const scope = memoryScope(ctx);
	let rows = await readClaims(table, scope);
	if (rows.length === 0) {
		const legacy = migrationObservations(ctx.getWorkflowStaticData('node')[LEGACY_STATIC_KEY]);
		if (legacy.length && remember) {
			await insertClaims(table, scope, legacy);
			rows = await readClaims(table, scope);
		} else if (legacy.length) {
			// a manual run before any production run: compare with the old memory, import nothing
			rows = legacy.map((o, i) => ({ id: -legacy.length + i, caseRef: o.caseRef, status: o.status, createdAt: 0 }));
		}
	}

	if (!remember) {
		const latest = latestStatuses(rows);
		return (caseRef, status) => latest.get(caseRef)?.status !== status;
	}

	const mine = await insertClaims(table, scope, claimsToMake(observed, rows));
	const after = mine.length ? await readClaims(table, scope) : rows;
	const won = winningClaims(mine, after);
	const prune = rowsToPrune(after, now, maxCases);
	if (prune.length) await deleteClaims(table, prune);
	const claimed = new Map(mine.map((c) => [c.caseRef, c.status]));
	return (caseRef, status) => {
		const first = won.has(caseRef) && claimed.get(caseRef) === status;
		won.delete(caseRef);
		return first;
	};
}
