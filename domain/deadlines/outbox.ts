/**
 * The alert outbox (node version 1.3, issue 23): a case counts as alerted only once its mail went out.
 *
 * The store holds append-only rows `{ caseRef, status, claim }` with an id the database assigns in
 * increasing order (an n8n Data Table, or the workflow's static data; nodes/DeadlineMonitor/outbox.ts):
 * - a **claim** (`claim` = the attempt's mark, `claimMark`): a run took it on itself to alert `caseRef` with `status`;
 * - a **confirmation** (`claim` = `confirmationMark` of the claim's mark): the mail for that claim went out (the operation
 *   Confirm Delivery, placed after the Send Email node, writes it).
 *
 * A production run decides per observed case (`planClaims`):
 * - its status differs from the latest claim's (or there is none) → claim it (a new alert);
 * - same status, and a claim of that status since the last change was confirmed → unchanged;
 * - same status, unconfirmed, the latest claim younger than `resendAfterMs` → unchanged: a run may still
 *   be sending it (counted as `inFlight`);
 * - same status, unconfirmed and older → claim it again (a re-sent alert): the run that claimed it
 *   failed or stopped before its mail went out.
 * Which run sends (issue 23 part 2: correct whatever the timing): each scope has a **head** row (`claim` -1)
 * whose status is `h:<round>:<run token>`. A run reads the head and the rows, inserts its claims, and only then
 * moves the head from the value it read to the next round (`nextHead`) — one compare-and-set statement in the
 * database (nodes/shared/store.ts `updateWhere`). If the head moved, the run lost: it sends nothing (its claims
 * stay unconfirmed: sent later if nobody confirms them). Only one run per round sends, and the winner read every
 * claim of the round before it: that round's winner inserted (committed) them before it moved the head the
 * winner saw. No pause, no assumption about when ids are assigned or commits land — except once: the first
 * production runs of a scope each add a head, and should one of those inserts commit only after another run
 * read the heads, both can win that first round (docs/running-at-scale.md).
 * So, under any interleaving of runs, delayed commits and failures of the send step (property-tested in
 * test/unit/deadlines/outbox.test.ts): no alert is sent twice by runs that overlap; every alert is eventually
 * confirmed once a run's mail goes out; an unconfirmed alert is re-sent by a later run after `resendAfterMs`; a
 * confirmed one is never sent again. What it gives up: a run still sending after `resendAfterMs` can be
 * overtaken by a re-send, and a run that loses the head because another run moved it sends nothing now (its
 * alerts follow after `resendAfterMs`) — a zorgteam gets an alert twice or late, never none. Statuses outside
 * `confirmed` (not mailed: On Track, Closed) count as delivered when claimed, as in version 1.2.
 */
import { CLAIM_GRACE_MS, ClaimRow, Observation } from './alertMemory';

/**
 * A row of the outbox as read back from the store. Its `claim` column says what the row is:
 * - `HEAD` (-1): the scope's head; `caseRef` empty, `status` the head value (`h:<round>:<token>`);
 * - an even number ≤ -2 (`claimMark`): a claim, marked with the claiming attempt's token;
 * - an odd number ≤ -3 (`confirmationMark`): the confirmation of the claim of the same `caseRef` with that mark + 1;
 * - 0: a claim written before the marks (2026-12, version 1.3 as first released), confirmed by id:
 * - a positive number: the confirmation of the claim with that id (idem).
 * A claim or confirmation row with an empty `caseRef` holds many, of one attempt (`packRows`).
 * Why marks and not ids: a run can then insert its claims in bulk without reading their ids back (n8n's Data
 * Table API inserts row by row, one statement each, when it has to return ids; in bulk, 800 values a statement,
 * when it returns a count: 25,000 claims took 34 s one way and about a second the other), and Confirm Delivery
 * names the claim it confirms by case and mark. A mark is unique per attempt (a random whole number below 2^47,
 * safe in n8n's number columns, double precision), and an attempt claims each case once, so case and mark name
 * one claim.
 */
export interface OutboxRow extends ClaimRow {
	claim: number;
}

/** `claim` of the head row; its `caseRef` is empty and its `status` the head value (`h:<round>:<token>`). */
export const HEAD = -1;

/** Tokens of claiming attempts are whole numbers from 1 up to (not including) this. */
export const CLAIM_TOKEN_LIMIT = 2 ** 47;

/**
 * The `claim` value of the claims an attempt inserts: -2 × `token`.
 * @param token a whole number, 1 ≤ token < `CLAIM_TOKEN_LIMIT`, random per attempt
 * @throws RangeError for any other token
 */
export function claimMark(token: number): number {
	if (!Number.isInteger(token) || token < 1 || token >= CLAIM_TOKEN_LIMIT) throw new RangeError(`claim token out of range: ${token}`);
	return -2 * token;
}

/**
 * The `claim` value of the confirmation of a claim whose `claim` value is `mark` (a `claimMark`: mark − 1); for a
 * claim written before the marks, pass its id: the confirmation carries the id (positive).
 */
export function confirmationMark(markOrId: number): number {
	return markOrId > 0 ? markOrId : markOrId - 1;
}

/** Whether a row is a claim (marked, or written before the marks). */
function isClaim(row: OutboxRow): boolean {
	return row.claim === 0 || (row.claim <= -2 && row.claim % 2 === 0);
}

/** The key under which a marked confirmation names its claim, and a marked claim is looked up. */
function markKey(caseRef: string, mark: number): string {
	return `${mark}\u0000${caseRef}`;
}

/** How many claims (or confirmations) of one attempt go in one packed row. */
export const PACKED_PER_ROW = 400;

/** A row to insert into the outbox. */
export interface OutboxNewRow {
	caseRef: string;
	status: string;
	claim: number;
}

/**
 * The claims (or confirmations) of one attempt, `perRow` to a row: `caseRef` empty and `status` the JSON list
 * `[[caseRef, status], …]`, `claim` the mark (`claimMark`, or `confirmationMark` of it). Why: n8n's Data Table API
 * hands back at most 250 rows a request, so a memory of 60,000 cases kept a row per claim took 380 requests to
 * read (about 18 s a weekly run in `npm run bench:workflows`); packed, 400 a row, one. A case reference is never
 * empty (alert once requires one; domain/deadlines/cases.ts), so an empty one marks a packed row.
 * @param entries the cases and statuses, each case once
 * @param claim the `claim` value of every row
 */
export function packRows(entries: Observation[], claim: number, perRow = PACKED_PER_ROW): OutboxNewRow[] {
	const rows: OutboxNewRow[] = [];
	for (let i = 0; i < entries.length; i += perRow) {
		const list: Array<[string, string]> = [];
		for (let j = i; j < Math.min(entries.length, i + perRow); j++) list.push([entries[j].caseRef, entries[j].status]);
		rows.push({ caseRef: '', status: JSON.stringify(list), claim });
	}
	return rows;
}

/**
 * The rows with every packed row (`packRows`) read as one row per claim or confirmation, each with its row's
 * id, `claim` and `createdAt`; other rows as they are. A packed row whose list cannot be read (edited by hand)
 * counts as no rows: its cases are alerted again (twice rather than never).
 */
export function unpackRows(rows: OutboxRow[]): OutboxRow[] {
	const out: OutboxRow[] = [];
	for (const row of rows) {
		if (row.caseRef !== '' || row.claim === HEAD) {
			out.push(row);
			continue;
		}
		let list: unknown;
		try {
			list = JSON.parse(row.status);
		} catch {
			continue;
		}
		if (!Array.isArray(list)) continue;
		for (const entry of list) {
			if (Array.isArray(entry) && typeof entry[0] === 'string' && entry[0] !== '' && typeof entry[1] === 'string') {
				out.push({ id: row.id, caseRef: entry[0], status: entry[1], claim: row.claim, createdAt: row.createdAt });
			}
		}
	}
	return out;
}

/** A claim a run is about to insert. */
export interface PlannedClaim extends Observation {
	/** True when the status did not change: the earlier claim was never confirmed. */
	resend: boolean;
}

/** The scope's head: the value to compare-and-set and its round (undefined when the scope has no head yet). */
export interface OutboxHead {
	value: string;
	round: number;
}

function parseHead(value: string): OutboxHead | undefined {
	const m = /^h:(\d+):/.exec(value);
	return m ? { value, round: Number(m[1]) } : undefined;
}

/**
 * The head of the rows: the head row of the highest round, of several the one with the lowest id. Two first
 * runs of a scope may each add a head (each with its own token): the one committed first has the lower id and
 * stays the head; the other is never moved and goes with pruning.
 */
export function outboxHead(rows: OutboxRow[]): OutboxHead | undefined {
	let head: (OutboxHead & { id: number }) | undefined;
	for (const row of rows) {
		if (row.claim !== HEAD) continue;
		const h = parseHead(row.status);
		if (h && (!head || h.round > head.round || (h.round === head.round && row.id < head.id))) head = { ...h, id: row.id };
	}
	return head && { value: head.value, round: head.round };
}

/** The head a run adds to a scope that has none yet (its first production run); `token` tells runs apart. */
export function firstHead(token: string): string {
	return `h:0:${token}`;
}

/** The value a run moves the head to when it claims after `head`; `token` tells runs apart (no personal data). */
export function nextHead(head: OutboxHead, token: string): string {
	return `h:${head.round + 1}:${token}`;
}

export interface OutboxPlan {
	claims: PlannedClaim[];
	/** Cases whose latest claim is unconfirmed and younger than `resendAfterMs` (another run may be sending it). */
	inFlight: number;
	/** Cases re-sent because their claim was never confirmed. */
	resent: number;
}

export interface OutboxOptions {
	/** Epoch ms. */
	now: number;
	/** An unconfirmed claim younger than this (ms) is left alone; older ones are claimed again. */
	resendAfterMs: number;
	/** The statuses whose alerts need a confirmation (the ones mailed); others count as delivered when claimed. */
	confirmed: ReadonlySet<string>;
}

/** Which claims are confirmed: by id (claims written before the marks) or by case and mark. */
export interface Confirmations {
	has(claim: OutboxRow): boolean;
}

/** Claims (ascending id) per case, and which of them are confirmed; packed rows read as one row per claim (`unpackRows`). */
export function readOutbox(rows: OutboxRow[]): { claims: Map<string, OutboxRow[]>; confirmations: Confirmations } {
	return readEntries(unpackRows(rows));
}

function readEntries(rows: OutboxRow[]): { claims: Map<string, OutboxRow[]>; confirmations: Confirmations } {
	const claims = new Map<string, OutboxRow[]>();
	const ids = new Set<number>();
	const marks = new Set<string>();
	for (const row of [...rows].sort((a, b) => a.id - b.id)) {
		if (row.claim === HEAD) continue;
		if (!isClaim(row)) {
			if (row.claim > 0) ids.add(row.claim);
			else marks.add(markKey(row.caseRef, row.claim + 1));
			continue;
		}
		const list = claims.get(row.caseRef);
		if (list) list.push(row);
		else claims.set(row.caseRef, [row]);
	}
	const confirmations: Confirmations = { has: (c) => (c.claim === 0 ? ids.has(c.id) : marks.has(markKey(c.caseRef, c.claim))) };
	return { claims, confirmations };
}

/**
 * Whether the latest status of a case (its last claim) was delivered: some claim of that status made
 * since the status last changed is confirmed, or the status needs no confirmation.
 */
function delivered(caseClaims: OutboxRow[], confirmations: Confirmations, confirmed: ReadonlySet<string>): boolean {
	const status = caseClaims[caseClaims.length - 1].status;
	if (!confirmed.has(status)) return true;
	for (let i = caseClaims.length - 1; i >= 0 && caseClaims[i].status === status; i--) {
		if (confirmations.has(caseClaims[i])) return true;
	}
	return false;
}

/** Which observed cases this run claims (each case once, its first observation kept). */
export function planClaims(observed: Observation[], rows: OutboxRow[], { now, resendAfterMs, confirmed }: OutboxOptions): OutboxPlan {
	const { claims, confirmations } = readOutbox(rows);
	const seen = new Set<string>();
	const plan: OutboxPlan = { claims: [], inFlight: 0, resent: 0 };
	for (const o of observed) {
		if (seen.has(o.caseRef)) continue;
		seen.add(o.caseRef);
		const caseClaims = claims.get(o.caseRef);
		const latest = caseClaims?.[caseClaims.length - 1];
		if (!latest || latest.status !== o.status) {
			plan.claims.push({ ...o, resend: false });
		} else if (!delivered(caseClaims!, confirmations, confirmed)) {
			if (now - latest.createdAt < resendAfterMs) plan.inFlight++;
			else {
				plan.claims.push({ ...o, resend: true });
				plan.resent++;
			}
		}
	}
	return plan;
}

/**
 * Ids of outbox rows that may be deleted. Per case, the rows that decide it are kept: its latest claim and
 * the newest confirmed claim since its status last changed (with its confirmation). Other claims are history,
 * deleted once a later claim of the case is older than `graceMs` (no run can still be deciding against
 * them). Cases beyond `maxCases` whose latest claim is oldest (and older than `graceMs`) are forgotten
 * whole. Confirmations whose claim is gone go too, and head rows other than the current head. A packed row
 * (`packRows`) goes when every claim or confirmation in it goes.
 */
export function outboxRowsToPrune(rows: OutboxRow[], now: number, maxCases: number, graceMs = CLAIM_GRACE_MS): number[] {
	// decided per claim and confirmation (a packed row holds many); a row goes when all of its entries go
	const entries = unpackRows(rows);
	const { claims, confirmations } = readEntries(entries);
	const prune = new Set<OutboxRow>();
	const latest: OutboxRow[] = [];
	for (const caseClaims of claims.values()) {
		const last = caseClaims[caseClaims.length - 1];
		latest.push(last);
		const keep = new Set([last]);
		for (let i = caseClaims.length - 1; i >= 0 && caseClaims[i].status === last.status; i--) {
			if (confirmations.has(caseClaims[i])) {
				keep.add(caseClaims[i]);
				break;
			}
		}
		let settled = -1;
		for (let i = caseClaims.length - 1; i >= 0; i--) {
			if (now - caseClaims[i].createdAt > graceMs) {
				settled = i;
				break;
			}
		}
		for (let i = 0; i < settled; i++) if (!keep.has(caseClaims[i])) prune.add(caseClaims[i]);
	}
	if (latest.length > maxCases) {
		latest.sort((a, b) => a.id - b.id);
		for (const row of latest.slice(0, latest.length - maxCases)) {
			if (now - row.createdAt <= graceMs) continue;
			for (const r of claims.get(row.caseRef) ?? []) prune.add(r);
		}
	}
	const head = outboxHead(rows);
	for (const r of entries) if (r.claim === HEAD && r.status !== head?.value) prune.add(r); // a stale head
	const kept = entries.filter((r) => isClaim(r) && !prune.has(r));
	const claimIds = new Set(kept.map((r) => r.id));
	const claimMarks = new Set(kept.map((r) => markKey(r.caseRef, r.claim)));
	for (const r of entries) {
		if (r.claim === HEAD || isClaim(r)) continue;
		if (r.claim > 0 ? !claimIds.has(r.claim) : !claimMarks.has(markKey(r.caseRef, r.claim + 1))) prune.add(r);
	}
	const keepIds = new Set(entries.filter((r) => !prune.has(r)).map((r) => r.id));
	const ids = new Set<number>();
	for (const r of prune) if (!keepIds.has(r.id)) ids.add(r.id);
	// a packed row none of whose entries could be read (unpackRows) is left alone: it decides nothing
	return [...ids];
}
