/**
 * The alert outbox (domain/deadlines/outbox.ts, node version 1.3, issue 23), run against a model store
 * that serialises writes (ids increase with insertion, a read sees every earlier row), with runs
 * interleaved step by step in every order fast-check picks and a mail step that may fail:
 * - every alert is eventually sent and confirmed, once a run's mail step works;
 * - an unconfirmed alert is sent again by a later run (past "Resend Unconfirmed After");
 * - a confirmed alert is never sent again; runs started together send each alert once.
 */
import fc from 'fast-check';

import { interleave } from '../../helpers/interleave';

import { CLAIM_GRACE_MS, Observation, OutboxRow, outboxRowsToPrune, planClaims, wonClaims } from '../../../domain/deadlines';

const MAILED = new Set(['overdue', 'due_soon']);
const RESEND_MS = 10 * 60_000;
const T0 = Date.UTC(2026, 10, 30, 7);

/** One scope of the outbox table: append with increasing ids, delete by id, read all. */
class ModelStore {
	rows: OutboxRow[] = [];
	private nextId = 1;
	insert(rows: Array<{ caseRef: string; status: string; claim: number }>, now: number): OutboxRow[] {
		const added = rows.map((r) => ({ id: this.nextId++, ...r, createdAt: now }));
		this.rows.push(...added);
		return added;
	}
	read(): OutboxRow[] {
		return this.rows.map((r) => ({ ...r }));
	}
	delete(ids: number[]) {
		const gone = new Set(ids);
		this.rows = this.rows.filter((r) => !gone.has(r.id));
	}
}

/** What reached the zorgteams: one entry per alert mailed (case and status). */
type Inbox = Observation[];

/**
 * One production run: Check Cases (read, claim, read back, prune) → Send Email → Confirm Delivery, one
 * database round trip or mail step per yield. `mailFails`: the mail server refuses, nothing is sent and the
 * run stops before Confirm Delivery.
 */
function* run(store: ModelStore, observed: Observation[], now: number, inbox: Inbox, mailFails = false): Generator<void> {
	const before = store.read();
	yield;
	const plan = planClaims(observed, before, { now, resendAfterMs: RESEND_MS, confirmed: MAILED });
	const inserted = store.insert(plan.claims.map((c) => ({ caseRef: c.caseRef, status: c.status, claim: 0 })), now);
	yield;
	const after = store.read();
	const won = wonClaims(inserted.map((row, i) => ({ row, expected: plan.claims[i].expected })), after);
	store.delete(outboxRowsToPrune(after, now, 1000));
	yield;
	const mail = [...won.values()].filter((r) => MAILED.has(r.status));
	if (mailFails) return;
	inbox.push(...mail.map((r) => ({ caseRef: r.caseRef, status: r.status })));
	yield;
	store.insert(mail.map((r) => ({ caseRef: r.caseRef, status: r.status, claim: r.id })), now);
}

const STATUSES = ['overdue', 'due_soon', 'on_track', 'met'];
const caseRef = fc.integer({ min: 1, max: 6 }).map((n) => `C-${n}`);
const observationsArb = fc.uniqueArray(fc.record({ caseRef, status: fc.constantFrom(...STATUSES) }), { selector: (o) => o.caseRef, maxLength: 6 });
const scheduleArb = fc.array(fc.nat(), { minLength: 1, maxLength: 60 });
const key = (o: Observation) => `${o.caseRef}:${o.status}`;
const mailedOf = (observed: Observation[]) => observed.filter((o) => MAILED.has(o.status)).map(key).sort();

describe('alert outbox: an alert counts once its mail went out', () => {
	it('runs started together, some failing at the mail step: no alert twice; later runs send the failed ones once; then none', () => {
		fc.assert(
			fc.property(observationsArb, fc.array(fc.boolean(), { minLength: 1, maxLength: 4 }), scheduleArb, (observed, failing, schedule) => {
				const store = new ModelStore();
				const inbox: Inbox = [];
				interleave(failing.map((fails) => run(store, observed, T0, inbox, fails)), schedule);
				// runs started together: each alert at most once
				expect(new Set(inbox.map(key)).size).toBe(inbox.length);
				const sentFirst = inbox.length;
				// a run past "Resend Unconfirmed After", mail working: exactly what did not go out yet
				interleave([run(store, observed, T0 + RESEND_MS, inbox)], [0]);
				expect(inbox.map(key).sort()).toEqual(mailedOf(observed));
				expect(inbox.length - sentFirst).toBe(mailedOf(observed).length - sentFirst);
				// once confirmed, never sent again, however much later
				interleave([run(store, observed, T0 + 2 * RESEND_MS, inbox), run(store, observed, T0 + 30 * CLAIM_GRACE_MS, inbox)], [0]);
				expect(inbox.map(key).sort()).toEqual(mailedOf(observed));
			}),
			{ numRuns: 1500 },
		);
	});

	it('runs while the alerts of a failed run are young leave them alone (it may still be sending); later runs together re-send each once', () => {
		fc.assert(
			fc.property(observationsArb, scheduleArb, scheduleArb, (observed, early, late) => {
				const store = new ModelStore();
				const inbox: Inbox = [];
				interleave([run(store, observed, T0, inbox, true)], [0]); // run A claims, then its mail step fails
				// a minute later two runs start: A's claims are unconfirmed but younger than "Resend Unconfirmed After"
				interleave([run(store, observed, T0 + 60_000, inbox), run(store, observed, T0 + 60_000, inbox)], early);
				expect(inbox).toEqual([]);
				interleave([run(store, observed, T0 + RESEND_MS + 1, inbox), run(store, observed, T0 + RESEND_MS + 1, inbox)], late);
				expect(inbox.map(key).sort()).toEqual(mailedOf(observed));
			}),
			{ numRuns: 800 },
		);
	});

	it('statuses that change between runs: each new status alerted once, the old unconfirmed one is not sent after it changed', () => {
		fc.assert(
			fc.property(observationsArb, fc.array(fc.constantFrom(...STATUSES), { minLength: 6, maxLength: 6 }), fc.boolean(), scheduleArb, (observed, next, firstFails, schedule) => {
				const store = new ModelStore();
				const inbox: Inbox = [];
				interleave([run(store, observed, T0, inbox, firstFails)], [0]);
				const changed = observed.map((o, i) => ({ ...o, status: next[i] }));
				const sentBefore = inbox.length;
				interleave([run(store, changed, T0 + RESEND_MS, inbox), run(store, changed, T0 + RESEND_MS, inbox)], schedule);
				expect(inbox.slice(sentBefore).map(key).sort()).toEqual(
					changed.filter((o, i) => MAILED.has(o.status) && (o.status !== observed[i].status || firstFails)).map(key).sort(),
				);
			}),
			{ numRuns: 800 },
		);
	});

	it('this test can fail: confirming on the claim instead of after the mail (version 1.2) loses a failed alert for good', () => {
		const store = new ModelStore();
		const inbox: Inbox = [];
		const observed = [{ caseRef: 'C-1', status: 'overdue' }];
		// a run that confirms at once, then fails at the mail step
		const [claim] = store.insert([{ caseRef: 'C-1', status: 'overdue', claim: 0 }], T0);
		store.insert([{ caseRef: 'C-1', status: 'overdue', claim: claim.id }], T0);
		interleave([run(store, observed, T0 + RESEND_MS, inbox)], [0]);
		expect(inbox).toEqual([]);
	});
});

describe('alert outbox: details', () => {
	const claim = (id: number, caseRef: string, status: string, createdAt = T0): OutboxRow => ({ id, caseRef, status, claim: 0, createdAt });
	const confirmation = (id: number, of: OutboxRow): OutboxRow => ({ id, caseRef: of.caseRef, status: of.status, claim: of.id, createdAt: of.createdAt });
	const opts = { now: T0 + RESEND_MS, resendAfterMs: RESEND_MS, confirmed: MAILED };

	it('a claim wins only when the claim before it is the one it expected (new status or re-send alike)', () => {
		const a = claim(1, 'C-1', 'due_soon');
		const b = claim(2, 'C-1', 'due_soon');
		const c = claim(3, 'C-1', 'due_soon');
		expect([...wonClaims([{ row: b, expected: 1 }], [a, b, c]).keys()]).toEqual(['C-1']);
		expect([...wonClaims([{ row: c, expected: 1 }], [a, b, c]).keys()]).toEqual([]);
		expect([...wonClaims([{ row: a, expected: 0 }], [a, b]).keys()]).toEqual(['C-1']);
		// confirmations are not claims: they never stand between two claims
		expect([...wonClaims([{ row: c, expected: 1 }], [a, confirmation(2, a), c]).keys()]).toEqual(['C-1']);
	});

	it('plans: unconfirmed and old → re-send; unconfirmed and young → in flight; confirmed, or not a mailed status → nothing', () => {
		const old = T0 - RESEND_MS;
		const rows = [claim(1, 'C-1', 'overdue', old), claim(2, 'C-2', 'overdue', T0), claim(3, 'C-3', 'overdue', old), claim(5, 'C-4', 'on_track', old)];
		rows.push(confirmation(4, rows[2]));
		const plan = planClaims(
			['C-1', 'C-2', 'C-3', 'C-4'].map((caseRef) => ({ caseRef, status: caseRef === 'C-4' ? 'on_track' : 'overdue' })),
			rows,
			{ ...opts, now: T0 + 1 },
		);
		expect(plan.claims).toEqual([{ caseRef: 'C-1', status: 'overdue', expected: 1, resend: true }]);
		expect(plan.inFlight).toBe(1);
		expect(plan.resent).toBe(1);
	});

	it('a confirmed claim of the same status before a later (losing) claim still counts as delivered', () => {
		const won = claim(1, 'C-1', 'overdue', T0 - 2 * RESEND_MS);
		const lost = claim(2, 'C-1', 'overdue', T0 - 2 * RESEND_MS);
		const plan = planClaims([{ caseRef: 'C-1', status: 'overdue' }], [won, lost, confirmation(3, won)], opts);
		expect(plan.claims).toEqual([]);
	});

	it('pruning keeps the latest claim and the confirmed one that decides it, and drops confirmations of pruned claims', () => {
		const long = T0 - 3 * CLAIM_GRACE_MS;
		const first = claim(1, 'C-1', 'due_soon', long);
		const won = claim(2, 'C-1', 'overdue', long);
		const lost = claim(3, 'C-1', 'overdue', long);
		const rows = [first, confirmation(4, first), won, lost, confirmation(5, won)];
		// history: the due-soon claim and its confirmation go; the confirmed overdue claim stays beside the latest
		expect(outboxRowsToPrune(rows, T0, 10).sort((a, b) => a - b)).toEqual([1, 4]);
		const pruned = rows.filter((r) => ![1, 4].includes(r.id));
		expect(planClaims([{ caseRef: 'C-1', status: 'overdue' }], pruned, opts).claims).toEqual([]);
	});
});
