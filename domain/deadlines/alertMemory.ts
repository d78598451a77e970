/**
 * "Alert once per change": remembers the last status per pseudonymous case reference between runs.
 * The state is a plain JSON value (n8n keeps it in the workflow's static data): a list of
 * [caseRef, status] pairs, least recently seen first, bounded to `maxEntries` (oldest evicted).
 * A list, not an object, because object keys that look like integers lose their order in JS.
 */
export interface AlertState {
	version: 1;
	cases: Array<[string, string]>;
}

export function isAlertState(value: unknown): value is AlertState {
	return (
		value !== null &&
		typeof value === 'object' &&
		(value as AlertState).version === 1 &&
		Array.isArray((value as AlertState).cases)
	);
}

export class AlertMemory {
	private readonly statuses: Map<string, string>;

	constructor(stored: unknown, private readonly maxEntries: number) {
		this.statuses = new Map(isAlertState(stored) ? stored.cases.filter((e) => Array.isArray(e) && e.length === 2) : []);
	}

	/** Whether `status` differs from what was remembered for `caseRef` (unknown cases count as changed). Remembers it. */
	observe(caseRef: string, status: string): boolean {
		const previous = this.statuses.get(caseRef);
		// Move to the most recent position on every sighting, so cases still in the list are evicted last.
		this.statuses.delete(caseRef);
		this.statuses.set(caseRef, status);
		return previous !== status;
	}

	/** Whether `status` differs from what is remembered, without remembering it. */
	peek(caseRef: string, status: string): boolean {
		return this.statuses.get(caseRef) !== status;
	}

	get size(): number {
		return this.statuses.size;
	}

	/** The state to store, with the oldest entries evicted beyond `maxEntries`. */
	toState(): AlertState {
		const entries = [...this.statuses.entries()];
		return { version: 1, cases: entries.length > this.maxEntries ? entries.slice(entries.length - this.maxEntries) : entries };
	}
}

/*
 * ---------------------------------------------------------------------------------------------
 * Shared alert memory (issue 10): the decision logic of the claim protocol, pure.
 *
 * The store (an n8n Data Table, see nodes/shared/store.ts) holds append-only claim rows
 * `{ scope, caseRef, status }` with an id the database assigns in increasing order. A run that
 * sees case `caseRef` with status `status`, different from the latest remembered status, inserts
 * a claim row and then reads the case's rows back. Its claim WINS (the run sends the alert) when
 * the row just before its own (the highest id below it) does not exist or has another status;
 * otherwise an earlier claim for the same transition got there first and the case is "unchanged"
 * for this run. Two runs claiming the same transition at the same moment therefore send it once:
 * the one with the lower id wins, the other sees that row as its predecessor.
 *
 * Safe as long as a read issued after a run's insert sees every row with a lower id (true when
 * the database serialises writes, as SQLite does). Where it can still fail: on PostgreSQL an id
 * is taken from a sequence before the inserting transaction commits, so a claim with a LOWER id
 * that commits AFTER another run already read back could make both runs win (a window of
 * microseconds between the sequence step and the commit of a one-row insert).
 * ---------------------------------------------------------------------------------------------
 */

/** One row of the shared memory as read back from the store. */
export interface ClaimRow {
	/** Assigned by the database, increasing in insertion order. */
	id: number;
	caseRef: string;
	status: string;
	/** When the row was inserted (epoch ms). */
	createdAt: number;
}

/** A case and the status one run observed for it. */
export interface Observation {
	caseRef: string;
	status: string;
}

/** Rows of superseded claims are kept at least this long, so a run still deciding always finds its predecessor. */
export const CLAIM_GRACE_MS = 24 * 60 * 60 * 1000;

function groupByCase(rows: ClaimRow[]): Map<string, ClaimRow[]> {
	const byCase = new Map<string, ClaimRow[]>();
	for (const row of rows) {
		const list = byCase.get(row.caseRef);
		if (list) list.push(row);
		else byCase.set(row.caseRef, [row]);
	}
	return byCase;
}

/** The latest remembered status per case (the row with the highest id). */
export function latestStatuses(rows: ClaimRow[]): Map<string, ClaimRow> {
	const latest = new Map<string, ClaimRow>();
	for (const row of rows) {
		const seen = latest.get(row.caseRef);
		if (!seen || row.id > seen.id) latest.set(row.caseRef, row);
	}
	return latest;
}

/** The observations whose status differs from the remembered one (each case once, first observation kept): these need a claim. */
export function claimsToMake(observed: Observation[], rows: ClaimRow[]): Observation[] {
	const latest = latestStatuses(rows);
	const seen = new Set<string>();
	const out: Observation[] = [];
	for (const o of observed) {
		if (seen.has(o.caseRef)) continue;
		seen.add(o.caseRef);
		if (latest.get(o.caseRef)?.status !== o.status) out.push(o);
	}
	return out;
}

/**
 * Which of a run's own claims won, given every row of those cases read back after inserting them.
 * `mine` are the run's claim rows (with the ids the store gave them). A claim whose row is missing
 * from `rows` (pruned by another run) does not win: better one alert too few than one too many.
 * @returns the case references this run alerts.
 */
export function winningClaims(mine: ClaimRow[], rows: ClaimRow[]): Set<string> {
	const byCase = groupByCase(rows);
	const won = new Set<string>();
	for (const claim of mine) {
		const caseRows = byCase.get(claim.caseRef) ?? [];
		if (!caseRows.some((r) => r.id === claim.id)) continue;
		let predecessor: ClaimRow | undefined;
		for (const r of caseRows) if (r.id < claim.id && (!predecessor || r.id > predecessor.id)) predecessor = r;
		if (!predecessor || predecessor.status !== claim.status) won.add(claim.caseRef);
	}
	return won;
}

/**
 * Ids of rows that may be deleted: a row superseded by a newer row of the same case that is itself
 * older than `graceMs` (so no run can still be deciding against it), and all rows of the cases
 * beyond `maxCases` whose latest row is oldest (only when that row is older than `graceMs`).
 */
export function rowsToPrune(rows: ClaimRow[], now: number, maxCases: number, graceMs = CLAIM_GRACE_MS): number[] {
	const byCase = groupByCase(rows);
	const prune = new Set<number>();
	const latest: ClaimRow[] = [];
	for (const caseRows of byCase.values()) {
		caseRows.sort((a, b) => a.id - b.id);
		latest.push(caseRows[caseRows.length - 1]);
		// the newest row that is already past the grace period: everything before it is history
		let settled = -1;
		for (let i = caseRows.length - 1; i >= 0; i--) {
			if (now - caseRows[i].createdAt > graceMs) {
				settled = i;
				break;
			}
		}
		for (let i = 0; i < settled; i++) prune.add(caseRows[i].id);
	}
	if (latest.length > maxCases) {
		latest.sort((a, b) => a.id - b.id);
		for (const row of latest.slice(0, latest.length - maxCases)) {
			if (now - row.createdAt <= graceMs) continue;
			for (const r of byCase.get(row.caseRef) ?? []) prune.add(r.id);
		}
	}
	return [...prune];
}

/**
 * The (caseRef, status) pairs to import from an old static-data memory (version 1), once, when the
 * shared store holds nothing for this node yet. Unrecognised state imports nothing.
 */
export function migrationObservations(stored: unknown): Observation[] {
	if (!isAlertState(stored)) return [];
	return stored.cases
		.filter((e): e is [string, string] => Array.isArray(e) && e.length === 2 && typeof e[0] === 'string' && typeof e[1] === 'string')
		.map(([caseRef, status]) => ({ caseRef, status }));
}
