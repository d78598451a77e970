/**
 * The alert outbox (node version 1.3, issue 23): a case counts as alerted only once its mail went out.
 *
 * The store holds append-only rows `{ caseRef, status, claim }` with an id the database assigns in
 * increasing order (an n8n Data Table, or the workflow's static data; nodes/DeadlineMonitor/outbox.ts):
 * - a **claim** (`claim` 0): a run took it on itself to alert `caseRef` with `status`;
 * - a **confirmation** (`claim` = the id of a claim): the mail for that claim went out (the operation
 *   Confirm Delivery, placed after the Send Email node, writes it).
 *
 * A production run decides per observed case (`planClaims`):
 * - its status differs from the latest claim's (or there is none) → claim it (a new alert);
 * - same status, and a claim of that status since the last change was confirmed → unchanged;
 * - same status, unconfirmed, the latest claim younger than `resendAfterMs` → unchanged: a run may still
 *   be sending it (counted as `inFlight`);
 * - same status, unconfirmed and older → claim it again (a re-sent alert): the run that claimed it
 *   failed or stopped before its mail went out.
 * Every claim names the claim it expected to be the latest one of its case (`expected`, 0 for none).
 * After inserting, a run reads the rows back, and a claim **wins** (the run sends it) when the claim just
 * before it (highest claim id below its own) is exactly the one it expected (`wonClaims`): of runs that
 * claim the same case at the same moment only the lowest id wins, whether the status is new or re-sent.
 *
 * So, under any interleaving of runs and failures of the send step (property-tested in
 * test/unit/deadlines/outbox.test.ts): every alert is eventually confirmed once a run's mail goes out;
 * an unconfirmed alert is re-sent by the next run after `resendAfterMs`; a confirmed one is never sent
 * again. What it gives up: a run still sending after `resendAfterMs` can be overtaken by a re-send (the
 * zorgteam then gets the alert twice — never none). Statuses outside `confirmed` (not mailed: On Track,
 * Closed) count as delivered when claimed, as in version 1.2.
 */
import { CLAIM_GRACE_MS, ClaimRow, Observation } from './alertMemory';

/** A row of the outbox as read back from the store. */
export interface OutboxRow extends ClaimRow {
	/** 0 for a claim; for a confirmation, the id of the claim it confirms. */
	claim: number;
}

/** A claim a run is about to insert. */
export interface PlannedClaim extends Observation {
	/** Id of the claim the run saw as the latest of this case (0: none). */
	expected: number;
	/** True when the status did not change: the earlier claim was never confirmed. */
	resend: boolean;
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

/** Claims (ascending id) per case, and the set of confirmed claim ids. */
export function readOutbox(rows: OutboxRow[]): { claims: Map<string, OutboxRow[]>; confirmedIds: Set<number> } {
	const claims = new Map<string, OutboxRow[]>();
	const confirmedIds = new Set<number>();
	for (const row of [...rows].sort((a, b) => a.id - b.id)) {
		if (row.claim > 0) {
			confirmedIds.add(row.claim);
			continue;
		}
		const list = claims.get(row.caseRef);
		if (list) list.push(row);
		else claims.set(row.caseRef, [row]);
	}
	return { claims, confirmedIds };
}

/**
 * Whether the latest status of a case (its last claim) was delivered: some claim of that status made
 * since the status last changed is confirmed, or the status needs no confirmation.
 */
function delivered(caseClaims: OutboxRow[], confirmedIds: Set<number>, confirmed: ReadonlySet<string>): boolean {
	const status = caseClaims[caseClaims.length - 1].status;
	if (!confirmed.has(status)) return true;
	for (let i = caseClaims.length - 1; i >= 0 && caseClaims[i].status === status; i--) {
		if (confirmedIds.has(caseClaims[i].id)) return true;
	}
	return false;
}

/** Which observed cases this run claims (each case once, its first observation kept). */
export function planClaims(observed: Observation[], rows: OutboxRow[], { now, resendAfterMs, confirmed }: OutboxOptions): OutboxPlan {
	const { claims, confirmedIds } = readOutbox(rows);
	const seen = new Set<string>();
	const plan: OutboxPlan = { claims: [], inFlight: 0, resent: 0 };
	for (const o of observed) {
		if (seen.has(o.caseRef)) continue;
		seen.add(o.caseRef);
		const caseClaims = claims.get(o.caseRef);
		const latest = caseClaims?.[caseClaims.length - 1];
		if (!latest || latest.status !== o.status) {
			plan.claims.push({ ...o, expected: latest?.id ?? 0, resend: false });
		} else if (!delivered(caseClaims!, confirmedIds, confirmed)) {
			if (now - latest.createdAt < resendAfterMs) plan.inFlight++;
			else {
				plan.claims.push({ ...o, expected: latest.id, resend: true });
				plan.resent++;
			}
		}
	}
	return plan;
}

/**
 * Which of a run's inserted claims won, given every row read back after inserting them.
 * `mine` pairs each inserted row with the claim it expected to follow. A claim whose row is missing from
 * `rows` (pruned meanwhile) does not win.
 * @returns the inserted rows that won, by case reference.
 */
export function wonClaims(mine: Array<{ row: OutboxRow; expected: number }>, rows: OutboxRow[]): Map<string, OutboxRow> {
	const { claims } = readOutbox(rows);
	const won = new Map<string, OutboxRow>();
	for (const { row, expected } of mine) {
		const caseClaims = claims.get(row.caseRef) ?? [];
		const at = caseClaims.findIndex((r) => r.id === row.id);
		if (at < 0) continue;
		const predecessor = at > 0 ? caseClaims[at - 1].id : 0;
		if (predecessor === expected) won.set(row.caseRef, row);
	}
	return won;
}

/**
 * Ids of outbox rows that may be deleted. Per case, the rows that decide it are kept: its latest claim and
 * the newest confirmed claim since its status last changed (with its confirmation). Other claims are history,
 * deleted once a later claim of the case is older than `graceMs` (no run can still be deciding against
 * them). Cases beyond `maxCases` whose latest claim is oldest (and older than `graceMs`) are forgotten
 * whole. Confirmations whose claim is gone go too.
 */
export function outboxRowsToPrune(rows: OutboxRow[], now: number, maxCases: number, graceMs = CLAIM_GRACE_MS): number[] {
	const { claims, confirmedIds } = readOutbox(rows);
	const prune = new Set<number>();
	const latest: OutboxRow[] = [];
	for (const caseClaims of claims.values()) {
		const last = caseClaims[caseClaims.length - 1];
		latest.push(last);
		const keep = new Set([last.id]);
		for (let i = caseClaims.length - 1; i >= 0 && caseClaims[i].status === last.status; i--) {
			if (confirmedIds.has(caseClaims[i].id)) {
				keep.add(caseClaims[i].id);
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
		for (let i = 0; i < settled; i++) if (!keep.has(caseClaims[i].id)) prune.add(caseClaims[i].id);
	}
	if (latest.length > maxCases) {
		latest.sort((a, b) => a.id - b.id);
		for (const row of latest.slice(0, latest.length - maxCases)) {
			if (now - row.createdAt <= graceMs) continue;
			for (const r of claims.get(row.caseRef) ?? []) prune.add(r.id);
		}
	}
	const claimIds = new Set(rows.filter((r) => r.claim === 0 && !prune.has(r.id)).map((r) => r.id));
	for (const r of rows) if (r.claim > 0 && !claimIds.has(r.claim)) prune.add(r.id);
	return [...prune];
}
