/**
 * "Alert Only on Status Change": which cases this run alerts.
 *
 * With the "Jeugdhulp Shared Memory API" credential (issue 10) — one claim round per run:
 * 1. read this node's rows from the Data Table `jeugdhulp_alert_memory` (created on first use);
 *    when there are none yet, import the memory this option kept in static data before (once);
 * 2. production runs insert a claim for every case whose status differs from the remembered one,
 *    read the rows back and alert only the claims they won (domain/deadlines `winningClaims`),
 *    then prune history no run can still need; manual runs only compare (they change nothing);
 * 3. static data is never written, so a queue-mode worker never saves the workflow's static data
 *    over what a trigger in the same workflow keeps there.
 *
 * Without the credential: the memory stays in the node's static data, as before — correct for one
 * n8n process running one execution at a time only; the node then says so in an execution hint.
 */
import { IDataObject, IExecuteFunctions, sleep } from 'n8n-workflow';

import {
	AlertMemory,
	ClaimRow,
	claimsToMake,
	latestStatuses,
	migrationObservations,
	Observation,
	rowsToPrune,
	winningClaims,
} from '../../domain/deadlines';
import { hasSharedMemory, SharedTable, StoredRow, TableSpec } from '../shared/store';

/** Where the option kept its memory without shared memory (node static data); also the source of the one-time import. */
export const LEGACY_STATIC_KEY = 'deadlineMonitorAlerts';

/** The Data Table of the shared alert memory: one row per (node, case, status change), pseudonymous references only. */
export const ALERT_MEMORY_TABLE: TableSpec = {
	name: 'jeugdhulp_alert_memory',
	columns: [
		{ name: 'scope', type: 'string' },
		{ name: 'caseRef', type: 'string' },
		{ name: 'status', type: 'string' },
	],
};

/** Whether a case's observed status is to be alerted by this run (each case reference answers true at most once). */
export type ChangedFn = (caseRef: string, status: string) => boolean;

export interface AlertOnceResult {
	changed: ChangedFn;
	/** True when the memory is the node's static data (no shared-memory credential). */
	local: boolean;
	/** Call after routing every item: stores the static-data memory (local only). */
	finish(): void;
}

/** The memory scope of this node: workflow id and node id (both stable across renames), never personal data. */
export function memoryScope(ctx: IExecuteFunctions): string {
	return `${ctx.getWorkflow().id ?? ''}:${ctx.getNode().id}`;
}

function toClaim(row: StoredRow): ClaimRow {
	return { id: row.id, caseRef: String(row.caseRef), status: String(row.status), createdAt: row.createdAt };
}

/** Static-data memory (no credential): the behaviour of earlier versions. */
function localMemory(ctx: IExecuteFunctions, remember: boolean, maxCases: number): AlertOnceResult {
	const staticData = ctx.getWorkflowStaticData('node');
	const memory = new AlertMemory(staticData[LEGACY_STATIC_KEY], maxCases);
	return {
		changed: (caseRef, status) => (remember ? memory.observe(caseRef, status) : memory.peek(caseRef, status)),
		local: true,
		finish: () => {
			if (remember) staticData[LEGACY_STATIC_KEY] = memory.toState() as unknown as IDataObject;
		},
	};
}

const nothingToFinish = () => undefined;

/**
 * Pause (ms) between inserting this run's claims and reading them back. On PostgreSQL a row id is taken
 * before its transaction commits; a concurrent claim with a lower id is only missed by the read-back if
 * that insert is still uncommitted this long after ours committed. The pause turns a window of
 * milliseconds into "an insert that takes longer than this", once per run and only when a run claims.
 */
export const CLAIM_SETTLE_MS = 750;

/**
 * Decide which of the `observed` cases this run alerts.
 * @param remember false for manual runs: compare with the memory, change nothing
 * @param maxCases bound on remembered cases (the case seen longest ago is forgotten first)
 * @param now epoch ms, for pruning
 */
export async function claimAlerts(
	ctx: IExecuteFunctions,
	observed: Observation[],
	{ remember, maxCases, now }: { remember: boolean; maxCases: number; now: number },
): Promise<AlertOnceResult> {
	if (!hasSharedMemory(ctx)) return localMemory(ctx, remember, maxCases);

	const table = await SharedTable.open(ctx, ALERT_MEMORY_TABLE);
	const scope = memoryScope(ctx);
	let rows = (await table.rows({ scope })).map(toClaim);
	if (rows.length === 0) {
		const legacy = migrationObservations(ctx.getWorkflowStaticData('node')[LEGACY_STATIC_KEY]);
		if (legacy.length && remember) {
			await table.insertMany(legacy.map((o) => ({ scope, ...o })));
			rows = (await table.rows({ scope })).map(toClaim);
		} else if (legacy.length) {
			// a manual run before any production run: compare with the old memory, import nothing
			rows = legacy.map((o, i) => ({ id: i - legacy.length, caseRef: o.caseRef, status: o.status, createdAt: 0 }));
		}
	}

	if (!remember) {
		const latest = latestStatuses(rows);
		return { changed: (caseRef, status) => latest.get(caseRef)?.status !== status, local: false, finish: nothingToFinish };
	}

	const mine = (await table.insert(claimsToMake(observed, rows).map((o) => ({ scope, ...o })))).map(toClaim);
	if (mine.length) await sleep(CLAIM_SETTLE_MS);
	const after = mine.length ? (await table.rows({ scope })).map(toClaim) : rows;
	const won = winningClaims(mine, after);
	const prune = rowsToPrune(after, now, maxCases);
	if (prune.length) await table.delete(prune);
	const claimed = new Map(mine.map((c) => [c.caseRef, c.status]));
	return {
		changed: (caseRef, status) => {
			const first = won.has(caseRef) && claimed.get(caseRef) === status;
			won.delete(caseRef);
			return first;
		},
		local: false,
		finish: nothingToFinish,
	};
}
