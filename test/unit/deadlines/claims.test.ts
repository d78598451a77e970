/**
 * The shared alert memory's claim protocol (domain/deadlines/alertMemory.ts), run against a model
 * of a store that serialises writes (ids increase with insertion, a read sees every earlier row):
 * "once means once" under every interleaving of concurrent runs.
 */
import fc from 'fast-check';

import { interleave } from '../../helpers/interleave';

import {
	CLAIM_GRACE_MS,
	ClaimRow,
	claimsToMake,
	migrationObservations,
	Observation,
	rowsToPrune,
	winningClaims,
} from '../../../domain/deadlines';

/** A store like one Data Table scope: append with increasing ids, delete by id, read all. */
class ModelStore {
	rows: ClaimRow[] = [];
	private nextId = 1;
	insert(claims: Observation[], now: number): ClaimRow[] {
		const added = claims.map((c) => ({ id: this.nextId++, caseRef: c.caseRef, status: c.status, createdAt: now }));
		this.rows.push(...added);
		return added;
	}
	read(): ClaimRow[] {
		return this.rows.map((r) => ({ ...r }));
	}
	delete(ids: number[]) {
		const gone = new Set(ids);
		this.rows = this.rows.filter((r) => !gone.has(r.id));
	}
}

/** One run as a sequence of steps against the store (each step is one database round trip). */
function* run(store: ModelStore, observed: Observation[], now: number, maxCases: number, alerts: Observation[]): Generator<void> {
	const before = store.read();
	yield;
	const mine = store.insert(claimsToMake(observed, before), now);
	yield;
	const after = store.read();
	const won = winningClaims(mine, after);
	for (const o of observed) if (won.delete(o.caseRef)) alerts.push(o);
	yield;
	store.delete(rowsToPrune(after, now, maxCases));
}

const STATUSES = ['overdue', 'due_soon', 'on_track', 'closed'];
const caseRef = fc.integer({ min: 1, max: 6 }).map((n) => `C-${n}`);
const observationsArb = fc.uniqueArray(fc.record({ caseRef, status: fc.constantFrom(...STATUSES) }), { selector: (o) => o.caseRef, maxLength: 6 });
const T0 = Date.UTC(2026, 10, 30, 7);

describe('alert claims: once means once', () => {
	it('runs started together on the same data alert each changed case exactly once, in every interleaving', () => {
		fc.assert(
			fc.property(
				observationsArb,
				observationsArb,
				fc.integer({ min: 2, max: 4 }),
				fc.array(fc.nat(), { minLength: 1, maxLength: 40 }),
				(remembered, observed, runCount, schedule) => {
					const store = new ModelStore();
					store.insert(remembered, T0 - 7 * 24 * 3600 * 1000);
					const alerts: Observation[] = [];
					interleave(
						Array.from({ length: runCount }, () => run(store, observed, T0, 1000, alerts)),
						schedule,
					);
					const before = new Map(remembered.map((o) => [o.caseRef, o.status]));
					const expected = observed.filter((o) => before.get(o.caseRef) !== o.status);
					expect(alerts.map((a) => a.caseRef).sort()).toEqual(expected.map((a) => a.caseRef).sort());
					// a later run on unchanged data sends nothing
					const later: Observation[] = [];
					interleave([run(store, observed, T0 + 60_000, 1000, later)], [0]);
					expect(later).toEqual([]);
				},
			),
			{ numRuns: 2000 },
		);
	});

	it('a changed case is alerted once even when runs overlap after pruning old history', () => {
		fc.assert(
			fc.property(
				observationsArb,
				fc.array(fc.nat(), { minLength: 1, maxLength: 40 }),
				fc.constantFrom(...STATUSES),
				(observed, schedule, newStatus) => {
					const store = new ModelStore();
					store.insert(observed, T0 - 3 * CLAIM_GRACE_MS);
					store.insert(observed, T0 - 2 * CLAIM_GRACE_MS); // history older than the grace period
					if (!observed.length) return;
					const changed = observed.map((o, i) => (i === 0 ? { ...o, status: newStatus } : o));
					const alerts: Observation[] = [];
					interleave([run(store, changed, T0, 1000, alerts), run(store, changed, T0, 1000, alerts), run(store, changed, T0, 1000, alerts)], schedule);
					expect(alerts).toEqual(newStatus === observed[0].status ? [] : [changed[0]]);
				},
			),
			{ numRuns: 1000 },
		);
	});

	it('this test can fail: without the read-back (every run trusts its first read) runs alert twice', () => {
		const store = new ModelStore();
		const observed = [{ caseRef: 'C-1', status: 'overdue' }];
		const naive = (alerts: Observation[]) =>
			(function* () {
				const before = store.read();
				yield;
				const todo = claimsToMake(observed, before);
				store.insert(todo, T0);
				alerts.push(...todo);
			})();
		const alerts: Observation[] = [];
		interleave([naive(alerts), naive(alerts)], [0, 1, 0, 1]);
		expect(alerts).toHaveLength(2);
	});
});

describe('alert claims: details', () => {
	const row = (id: number, caseRef: string, status: string, createdAt = T0): ClaimRow => ({ id, caseRef, status, createdAt });

	it('the lower id wins a transition; the later claim sees it as its predecessor', () => {
		const rows = [row(1, 'C-1', 'on_track'), row(5, 'C-1', 'overdue'), row(6, 'C-1', 'overdue')];
		expect([...winningClaims([rows[1]], rows)]).toEqual(['C-1']);
		expect([...winningClaims([rows[2]], rows)]).toEqual([]);
	});

	it('a claim whose row was pruned away does not win', () => {
		expect([...winningClaims([row(5, 'C-1', 'overdue')], [row(6, 'C-1', 'overdue')])]).toEqual([]);
	});

	it('prunes only history superseded by a row past the grace period, and the oldest cases beyond the cap', () => {
		const old = T0 - 2 * CLAIM_GRACE_MS;
		const rows = [row(1, 'C-1', 'a', old), row(2, 'C-1', 'b', old), row(3, 'C-1', 'c', T0), row(4, 'C-2', 'a', old), row(5, 'C-2', 'b', T0)];
		expect(rowsToPrune(rows, T0, 10).sort()).toEqual([1]);
		// cap 1: C-1's latest row (3) is newer than C-2's (5)? no: ids decide — C-1 (3) is the oldest case, but still in grace
		expect(rowsToPrune(rows, T0, 1).sort()).toEqual([1]);
		expect(rowsToPrune(rows, T0 + 2 * CLAIM_GRACE_MS, 1).sort((a, b) => a - b)).toEqual([1, 2, 3, 4]);
	});

	it('imports the static-data memory of version 1 and nothing it does not recognise', () => {
		expect(migrationObservations({ version: 1, cases: [['C-1', 'overdue'], ['bad'], ['C-2', 'due_soon']] })).toEqual([
			{ caseRef: 'C-1', status: 'overdue' },
			{ caseRef: 'C-2', status: 'due_soon' },
		]);
		expect(migrationObservations({ version: 2, cases: [] })).toEqual([]);
		expect(migrationObservations(undefined)).toEqual([]);
	});
});
