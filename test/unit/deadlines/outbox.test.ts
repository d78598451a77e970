/**
 * The alert outbox (domain/deadlines/outbox.ts, node version 1.3, issue 23), run against a model store in
 * which an insert takes its ids at once but commits (becomes visible) only after a delay fast-check picks —
 * a slow transaction on PostgreSQL — while reads see committed rows only and moving the head is one atomic
 * compare-and-set. Runs are interleaved step by step in every order fast-check picks, and a mail step may fail:
 * - runs that overlap never send an alert twice, whatever the commit delays (issue 23 part 2);
 * - every alert is eventually sent and confirmed, once a run's mail step works;
 * - an unconfirmed alert is sent again by a later run (past "Resend Unconfirmed After");
 * - a confirmed alert is never sent again.
 */
import fc from 'fast-check';

import { interleave } from '../../helpers/interleave';

import {
	CLAIM_GRACE_MS,
	claimMark,
	claimsToMake,
	confirmationMark,
	ClaimRow,
	firstHead,
	HEAD,
	nextHead,
	Observation,
	OutboxNewRow,
	OutboxRow,
	outboxHead,
	outboxRowsToPrune,
	packRows,
	planClaims,
	unpackRows,
	winningClaims,
} from '../../../domain/deadlines';

const MAILED = new Set(['overdue', 'due_soon']);
const RESEND_MS = 10 * 60_000;
const T0 = Date.UTC(2026, 10, 30, 7);
const HEAD_ATTEMPTS = 4;
/** Attempts so far in this file: each attempt's claim token. */
let attempts = 0;


/** One scope of the outbox table: ids taken at insert, rows visible once committed; head moved by compare-and-set. */
class ModelStore {
	rows: OutboxRow[] = [];
	private nextId = 1;
	/** Take ids now; the rows become visible when the returned commit() runs. */
	begin(rows: OutboxNewRow[], now: number): { rows: OutboxRow[]; commit: () => void } {
		const added = rows.map((r) => ({ id: this.nextId++, ...r, createdAt: now }));
		return { rows: added, commit: () => this.rows.push(...added.map((r) => ({ ...r }))) };
	}
	read(): OutboxRow[] {
		return this.rows.map((r) => ({ ...r }));
	}
	delete(ids: number[]) {
		const gone = new Set(ids);
		this.rows = this.rows.filter((r) => !gone.has(r.id));
	}
	/** One DELETE … WHERE claim = mark (a lost attempt's claims). */
	deleteMarked(mark: number) {
		this.rows = this.rows.filter((r) => r.claim !== mark);
	}
	/** One UPDATE … WHERE status = from on the committed head rows. */
	moveHead(from: string, to: string): boolean {
		const heads = this.rows.filter((r) => r.claim === HEAD && r.status === from);
		for (const r of heads) r.status = to;
		return heads.length > 0;
	}
}

/** An insert as the node sees it: the request returns once the rows committed, `delay` steps after it started. */
function* insert(store: ModelStore, rows: OutboxNewRow[], now: number, delay: number): Generator<void, OutboxRow[]> {
	const pending = store.begin(rows, now);
	for (let i = 0; i < delay; i++) yield;
	pending.commit();
	return pending.rows;
}

/** What reached the zorgteams: one entry per alert mailed (case and status). */
type Inbox = Observation[];

interface RunOptions {
	mailFails?: boolean;
	/** Steps each insert of this run waits before it commits. */
	delay?: number;
	/** Steps the insert of the scope's first head waits before it commits (a first production run only). */
	headDelay?: number;
	token?: string;
	/** Claims and confirmations packed this many to a row (the node: PACKED_PER_ROW). */
	perRow?: number;
}

/**
 * One production run as nodes/DeadlineMonitor/outbox.ts does it: Check Cases (read; first run: add the head;
 * plan; insert claims; move the head; lost: delete, read again, plan again) → Send Email → Confirm Delivery, one
 * database round trip or mail step per yield. `mailFails`: the mail server refuses, nothing is sent and the run
 * stops before Confirm Delivery.
 */
function* run(store: ModelStore, observed: Observation[], now: number, inbox: Inbox, { mailFails = false, delay = 0, headDelay = 0, token = 'r', perRow = 2 }: RunOptions = {}): Generator<void> {
	const options = { now, resendAfterMs: RESEND_MS, confirmed: MAILED };
	let rows = store.read();
	yield;
	if (!outboxHead(rows)) {
		// the scope's first production run adds the head; a late commit of THIS insert is the one window left (below)
		yield* insert(store, [{ caseRef: '', status: firstHead(token), claim: HEAD }], now, headDelay);
		rows = store.read();
		yield;
	}
	let plan = planClaims(observed, rows, options);
	let won: OutboxNewRow[] = [];
	for (let attempt = 1; plan.claims.length && attempt <= HEAD_ATTEMPTS; attempt++) {
		// the node takes a random token per attempt; here every attempt of every run gets its own
		const mark = claimMark(++attempts);
		const claims = plan.claims.map((c) => ({ caseRef: c.caseRef, status: c.status, claim: mark }));
		yield* insert(store, packRows(plan.claims, mark, perRow), now, delay); // in bulk, packed: no ids read back
		const head = outboxHead(rows)!;
		if (store.moveHead(head.value, nextHead(head, `${token}${attempt}`))) {
			won = claims;
			break;
		}
		yield;
		store.deleteMarked(mark);
		yield;
		rows = store.read();
		plan = planClaims(observed, rows, options);
		yield;
	}
	store.delete(outboxRowsToPrune(rows, now, 1000));
	yield;
	const mail = won.filter((r) => MAILED.has(r.status));
	if (mailFails) return;
	inbox.push(...mail.map((r) => ({ caseRef: r.caseRef, status: r.status })));
	yield;
	const mark = mail[0]?.claim;
	if (mark !== undefined) yield* insert(store, packRows(mail, confirmationMark(mark), perRow), now, delay);
}

const STATUSES = ['overdue', 'due_soon', 'on_track', 'met'];
const caseRef = fc.integer({ min: 1, max: 6 }).map((n) => `C-${n}`);
const observationsArb = fc.uniqueArray(fc.record({ caseRef, status: fc.constantFrom(...STATUSES) }), { selector: (o) => o.caseRef, maxLength: 6 });
const scheduleArb = fc.array(fc.nat(), { minLength: 1, maxLength: 60 });
const key = (o: Observation) => `${o.caseRef}:${o.status}`;
const mailedOf = (observed: Observation[]) => observed.filter((o) => MAILED.has(o.status)).map(key).sort();

describe('alert outbox: an alert counts once its mail went out', () => {
	it('runs started together, some failing at the mail step, their commits delayed at will: no alert twice; later runs send the failed ones once; then none', () => {
		fc.assert(
			fc.property(observationsArb, fc.array(fc.record({ fails: fc.boolean(), delay: fc.nat(6), perRow: fc.integer({ min: 1, max: 4 }) }), { minLength: 1, maxLength: 4 }), scheduleArb, (observed, runs, schedule) => {
				const store = new ModelStore();
				const inbox: Inbox = [];
				interleave(runs.map(({ fails, delay, perRow }, i) => run(store, observed, T0, inbox, { mailFails: fails, delay, perRow, token: `r${i}-` })), schedule);
				// runs started together: each alert at most once
				expect(new Set(inbox.map(key)).size).toBe(inbox.length);
				const sentFirst = inbox.length;
				// a run past "Resend Unconfirmed After", mail working: exactly what did not go out yet
				interleave([run(store, observed, T0 + RESEND_MS, inbox, { token: 'later' })], [0]);
				expect(inbox.map(key).sort()).toEqual(mailedOf(observed));
				expect(inbox.length - sentFirst).toBe(mailedOf(observed).length - sentFirst);
				// once confirmed, never sent again, however much later
				interleave([run(store, observed, T0 + 2 * RESEND_MS, inbox, { token: 'x' }), run(store, observed, T0 + 30 * CLAIM_GRACE_MS, inbox, { token: 'y' })], [0]);
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
				interleave([run(store, observed, T0, inbox, { mailFails: true })], [0]); // run A claims, then its mail step fails
				// a minute later two runs start: A's claims are unconfirmed but younger than "Resend Unconfirmed After"
				interleave([run(store, observed, T0 + 60_000, inbox, { token: 'b' }), run(store, observed, T0 + 60_000, inbox, { token: 'c', delay: 2 })], early);
				expect(inbox).toEqual([]);
				interleave([run(store, observed, T0 + RESEND_MS + 1, inbox, { token: 'd', delay: 3 }), run(store, observed, T0 + RESEND_MS + 1, inbox, { token: 'e' })], late);
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
				interleave([run(store, observed, T0, inbox, { mailFails: firstFails })], [0]);
				const changed = observed.map((o, i) => ({ ...o, status: next[i] }));
				const sentBefore = inbox.length;
				interleave([run(store, changed, T0 + RESEND_MS, inbox, { token: 'b', delay: 1 }), run(store, changed, T0 + RESEND_MS, inbox, { token: 'c' })], schedule);
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
		const claim = store.begin([{ caseRef: 'C-1', status: 'overdue', claim: 0 }], T0);
		claim.commit();
		store.begin([{ caseRef: 'C-1', status: 'overdue', claim: claim.rows[0].id }], T0).commit();
		interleave([run(store, observed, T0 + RESEND_MS, inbox)], [0]);
		expect(inbox).toEqual([]);
	});

	it('this test can fail: the claim rule of version 1.2 (the lower id wins) sends twice when the lower id commits late; the head does not', () => {
		const observed = [{ caseRef: 'C-1', status: 'overdue' }];
		// version 1.2's protocol (alertMemory.ts): insert a claim, read back, win when the row before it has another status
		const store = new ModelStore();
		const alerts: string[] = [];
		const claimRun = (name: string, delay: number) =>
			(function* () {
				const before = store.read() as ClaimRow[];
				yield;
				const mine = yield* insert(store, claimsToMake(observed, before).map((o) => ({ ...o, claim: 0 })), T0, delay);
				const won = winningClaims(mine, store.read());
				if (won.size) alerts.push(name);
			})();
		// A takes id 1 but commits 3 steps later; B takes id 2, commits at once and reads back before A's commit
		interleave([claimRun('A', 3), claimRun('B', 0)], [0, 1, 0, 1, 1, 1, 0, 0, 0, 0]);
		expect(alerts.sort()).toEqual(['A', 'B']);
		// the outbox's head, same schedule and delays: one run sends
		const outbox = new ModelStore();
		outbox.begin([{ caseRef: '', status: firstHead('setup'), claim: HEAD }], T0).commit();
		const inbox: Inbox = [];
		interleave([run(outbox, observed, T0, inbox, { delay: 3, token: 'a' }), run(outbox, observed, T0, inbox, { token: 'b' })], [0, 1, 0, 1, 1, 1, 0, 0, 0, 0]);
		expect(inbox).toEqual(observed);
	});

	it('the window left: the very first production runs of a node, started together, can both send when a head insert commits late', () => {
		// docs/running-at-scale.md names this window. fast-check finds it (so it is real), and only there:
		// the property above, where the first heads commit at once and every later insert may be late, holds.
		const observed = [{ caseRef: 'C-1', status: 'overdue' }];
		const found = fc.check(
			fc.property(fc.nat(6), fc.nat(6), scheduleArb, (headDelayA, headDelayB, schedule) => {
				const store = new ModelStore();
				const inbox: Inbox = [];
				interleave([run(store, observed, T0, inbox, { headDelay: headDelayA, token: 'a' }), run(store, observed, T0, inbox, { headDelay: headDelayB, token: 'b' })], schedule);
				return inbox.length <= 1;
			}),
			{ numRuns: 5000, seed: 23 },
		);
		expect(found.failed).toBe(true);
	});
});

describe('alert outbox: details', () => {
	const claim = (id: number, caseRef: string, status: string, createdAt = T0): OutboxRow => ({ id, caseRef, status, claim: 0, createdAt });
	const confirmation = (id: number, of: OutboxRow): OutboxRow => ({ id, caseRef: of.caseRef, status: of.status, claim: of.id, createdAt: of.createdAt });
	const opts = { now: T0 + RESEND_MS, resendAfterMs: RESEND_MS, confirmed: MAILED };

	it('the head is the head row of the highest round; head rows are neither claims nor confirmations', () => {
		const head = (id: number, status: string): OutboxRow => ({ id, caseRef: '', status, claim: HEAD, createdAt: T0 });
		const rows = [head(1, firstHead('a')), head(2, 'h:3:b'), claim(3, 'C-1', 'overdue'), head(4, firstHead('c'))];
		expect(outboxHead(rows)).toEqual({ value: 'h:3:b', round: 3 });
		expect(nextHead(outboxHead(rows)!, 'c')).toBe('h:4:c');
		expect(outboxHead([claim(1, 'C-1', 'overdue')])).toBeUndefined();
		// two first heads: the lower id is the head, whatever order they are read in
		expect(outboxHead([head(7, firstHead('late')), head(5, firstHead('early'))])).toEqual({ value: 'h:0:early', round: 0 });
		expect(planClaims([{ caseRef: '', status: 'h:0:a' }], rows, opts).claims).toHaveLength(1); // the head is no claim of case ''
		// stale head rows (a slow first run's) go with pruning; the current one stays
		expect(outboxRowsToPrune(rows, T0, 10).sort()).toEqual([1, 4]);
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
		expect(plan.claims).toEqual([{ caseRef: 'C-1', status: 'overdue', resend: true }]);
		expect(plan.inFlight).toBe(1);
		expect(plan.resent).toBe(1);
	});

	it('a confirmed claim of the same status before a later (losing) claim still counts as delivered', () => {
		const won = claim(1, 'C-1', 'overdue', T0 - 2 * RESEND_MS);
		const lost = claim(2, 'C-1', 'overdue', T0 - 2 * RESEND_MS);
		const plan = planClaims([{ caseRef: 'C-1', status: 'overdue' }], [won, lost, confirmation(3, won)], opts);
		expect(plan.claims).toEqual([]);
	});

	describe('claims named by their mark (inserted in bulk, no ids read back)', () => {
		// hand-made rows: a mark is -2 × token, its confirmation one lower
		const marked = (id: number, caseRef: string, status: string, mark: number, createdAt = T0 - 2 * RESEND_MS): OutboxRow => ({ id, caseRef, status, claim: mark, createdAt });

		it('marks: -2 × token for a claim, one lower for its confirmation; confirmations of id-named claims keep the id', () => {
			expect(claimMark(1)).toBe(-2);
			expect(claimMark(7)).toBe(-14);
			expect(confirmationMark(-14)).toBe(-15);
			expect(confirmationMark(42)).toBe(42);
			expect(claimMark(2 ** 47 - 1)).toBe(-281474976710654); // exact in a double: n8n's number columns
			for (const bad of [0, -1, 1.5, 2 ** 47, Number.NaN]) expect(() => claimMark(bad)).toThrow(RangeError);
		});

		it('a marked claim is confirmed by a confirmation of the same case and mark only', () => {
			const c1 = marked(10, 'C-1', 'overdue', -14);
			const c2 = marked(11, 'C-2', 'overdue', -14);
			const c3 = marked(12, 'C-3', 'overdue', -20);
			// C-1 confirmed; C-2's "confirmation" names mark -20's claim of C-2 (none); C-3's names mark -14 (C-3 has -20)
			const rows = [c1, c2, c3, marked(13, 'C-1', 'overdue', -15), marked(14, 'C-2', 'overdue', -21), marked(15, 'C-3', 'overdue', -15)];
			const plan = planClaims(['C-1', 'C-2', 'C-3'].map((caseRef) => ({ caseRef, status: 'overdue' })), rows, opts);
			expect(plan.claims.map((c) => c.caseRef)).toEqual(['C-2', 'C-3']); // unconfirmed and old: re-sent
			expect(plan.resent).toBe(2);
		});

		it('an outbox written before the marks (claims 0, confirmations by id) reads the same, and new marked claims join it', () => {
			const old = claim(1, 'C-1', 'overdue', T0 - 2 * RESEND_MS);
			const oldUnconfirmed = claim(2, 'C-2', 'overdue', T0 - 2 * RESEND_MS);
			const rows = [old, oldUnconfirmed, confirmation(3, old), marked(4, 'C-3', 'due_soon', -8), marked(5, 'C-3', 'due_soon', -9)];
			const plan = planClaims(
				[
					{ caseRef: 'C-1', status: 'overdue' },
					{ caseRef: 'C-2', status: 'overdue' },
					{ caseRef: 'C-3', status: 'due_soon' },
				],
				rows,
				opts,
			);
			expect(plan.claims).toEqual([{ caseRef: 'C-2', status: 'overdue', resend: true }]);
		});

		it('pruning drops marked history and the confirmations of pruned marked claims, keeps the confirmed latest', () => {
			const long = T0 - 3 * CLAIM_GRACE_MS;
			const rows = [
				marked(1, 'C-1', 'due_soon', -4, long),
				marked(2, 'C-1', 'due_soon', -5, long), // confirms 1
				marked(3, 'C-1', 'overdue', -6, long),
				marked(4, 'C-1', 'overdue', -7, long), // confirms 3
				marked(5, 'C-2', 'overdue', -6, long), // same mark, other case: its own claim
			];
			expect(outboxRowsToPrune(rows, T0, 10).sort((a, b) => a - b)).toEqual([1, 2]);
			const pruned = rows.filter((r) => ![1, 2].includes(r.id));
			const plan = planClaims(
				[
					{ caseRef: 'C-1', status: 'overdue' },
					{ caseRef: 'C-2', status: 'overdue' },
				],
				pruned,
				opts,
			);
			expect(plan.claims).toEqual([{ caseRef: 'C-2', status: 'overdue', resend: true }]); // C-2 was never confirmed
		});
	});

	describe('packed rows: many claims or confirmations of one attempt in a row', () => {
		const packed = (id: number, claim: number, list: Array<[string, string]>, createdAt = T0 - 3 * CLAIM_GRACE_MS): OutboxRow => ({ id, caseRef: '', status: JSON.stringify(list), claim, createdAt });

		it('packs perRow to a row, as [[case, status], …] with an empty case reference, and reads them back one by one', () => {
			const entries = [1, 2, 3, 4, 5].map((n) => ({ caseRef: `C-${n}`, status: n % 2 ? 'overdue' : 'due_soon' }));
			const rows = packRows(entries, -8, 2);
			expect(rows).toEqual([
				{ caseRef: '', status: '[["C-1","overdue"],["C-2","due_soon"]]', claim: -8 },
				{ caseRef: '', status: '[["C-3","overdue"],["C-4","due_soon"]]', claim: -8 },
				{ caseRef: '', status: '[["C-5","overdue"]]', claim: -8 },
			]);
			expect(packRows([], -8)).toEqual([]);
			const read = unpackRows(rows.map((r, i) => ({ ...r, id: 10 + i, createdAt: T0 })));
			expect(read.map((r) => [r.id, r.caseRef, r.status, r.claim])).toEqual([
				[10, 'C-1', 'overdue', -8],
				[10, 'C-2', 'due_soon', -8],
				[11, 'C-3', 'overdue', -8],
				[11, 'C-4', 'due_soon', -8],
				[12, 'C-5', 'overdue', -8],
			]);
		});

		it('a packed list that cannot be read counts as no claims (alerted again: twice rather than never); heads and single rows pass as they are', () => {
			const rows = [packed(1, -8, [['C-1', 'overdue']]), { ...packed(2, -8, []), status: '[["C-2",' }, { ...packed(3, -8, []), status: '{"C-3":1}' }, claim(4, 'C-4', 'overdue')];
			expect(unpackRows(rows).map((r) => r.caseRef)).toEqual(['C-1', 'C-4']);
			const plan = planClaims(['C-1', 'C-2', 'C-4'].map((caseRef) => ({ caseRef, status: 'overdue' })), [...rows, packed(5, -9, [['C-1', 'overdue']])], opts);
			expect(plan.claims.map((c) => c.caseRef)).toEqual(['C-2', 'C-4']); // C-1 claimed and confirmed; C-2 unread; C-4 never confirmed (old)
		});

		it('a packed row is pruned only when every claim in it may go; its confirmations stay while one of their claims stays', () => {
			// attempt -8 claimed C-1 and C-2 (row 1), confirmed both (row 2); a later attempt -10 moved C-1 to overdue (row 3), confirmed (row 4)
			const rows = [
				packed(1, -8, [
					['C-1', 'due_soon'],
					['C-2', 'due_soon'],
				]),
				packed(2, -9, [
					['C-1', 'due_soon'],
					['C-2', 'due_soon'],
				]),
				packed(3, -10, [['C-1', 'overdue']]),
				packed(4, -11, [['C-1', 'overdue']]),
			];
			// C-1's due-soon claim is history, C-2's is its latest: rows 1 and 2 stay
			expect(outboxRowsToPrune(rows, T0, 10)).toEqual([]);
			// C-2 moves on too (attempt -12, confirmed): now all of rows 1 and 2 may go
			const later = [...rows, packed(5, -12, [['C-2', 'overdue']]), packed(6, -13, [['C-2', 'overdue']])];
			expect(outboxRowsToPrune(later, T0, 10).sort((a, b) => a - b)).toEqual([1, 2]);
			const plan = planClaims(
				[
					{ caseRef: 'C-1', status: 'overdue' },
					{ caseRef: 'C-2', status: 'overdue' },
				],
				later.filter((r) => r.id > 2),
				opts,
			);
			expect(plan.claims).toEqual([]);
		});
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
