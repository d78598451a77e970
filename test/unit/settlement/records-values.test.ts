/**
 * The run's value cache of delivery records (`newRecordValueCache()` on the RecordContext, issue 27): reading
 * records through it gives exactly what reading each record anew gives — the same record, or the same error
 * (code, field, message: the first wrong field) — over random records with wrong values mixed in, under every
 * financing form. And the pupil numbers it gives (`pupilKey`) change nothing downstream: the contradictions
 * and the settlement are the same with them, without them, and with numbers from another run.
 */
import fc from 'fast-check';

import { buildPolicy } from '../../../domain/policies/build';
import type { FinancingForm } from '../../../domain/policies/types';
import {
	calculateSettlement,
	DEFAULT_DELIVERY_FIELDS,
	findContradictions,
	makePseudonymiser,
	newPeriodCache,
	newRecordValueCache,
	parseDeliveryRecord,
	parsePeriod,
	type DeliveryRecord,
	type RecordContext,
} from '../../../domain/settlement';
import { PSEUDONYM_FIXTURE } from './helpers';

const period = parsePeriod('2026-Q1', 'period');

/** Values as cells hold them, good and wrong: texts, numbers, blanks, objects. */
const pupilArb = fc.oneof(
	fc.integer({ min: 1, max: 12 }).map((n) => `L-${n}`),
	fc.integer({ min: 1, max: 12 }).map((n) => ` l-${n}\u200b`),
	fc.integer({ min: 1, max: 12 }).map((n) => 1000 + n),
	fc.constantFrom('', '  ', null, undefined, 1.5, 12345.0, '12345,00', '1.23E+08', '\u0001x', { a: 1 }, -0, 0),
);
const residenceArb = fc.constantFrom('0363', '363', 'GM0363', 'Amsterdam', 363, '0384', 'Diemen', '0457', 'Atlantis', 'Bergen', '', null, '9999', -0, 0, 1.5, { x: 1 }, '0363\u200b');
const periodArb = fc.constantFrom('2026-01', '2026-Q1', '2026-03', '', undefined, '2025-12', 'garbage', 202601, null);
const hoursArb = fc.constantFrom(2, 2.5, 0, -0, '3,5', '1.25', '', undefined, 'abc', -1, '-2', Number.NaN, Number.POSITIVE_INFINITY, '(3)', null, true);
const arrangementArb = fc.constantFrom('groep', 'Groep', 'individueel', 'extra ondersteuning', 'ozk', '', undefined, 'xyz', 5, null, '  ');
const schoolArb = fc.constantFrom('12AB01', '12 ab 01', 'S1', '', undefined, 123, null, '\u200b', { y: 2 });
const productArb = fc.constantFrom('A', 'a', ' A ', 'B', 'P1', 'p1\u200b', '', undefined, 'X', 7, null);
const costArb = fc.constantFrom('100,00', '12.5', 50, '', undefined, 'abc', '1,234', null);

const rowArb = fc.record({ leerling: pupilArb, woongemeente: residenceArb, periode: periodArb, uren: hoursArb, arrangement: arrangementArb, school: schoolArb, product: productArb, kosten: costArb });

const FORMS: FinancingForm[] = ['function', 'population', 'pxq', 'output'];
const contextArb = fc.record({
	form: fc.constantFrom(...FORMS),
	key: fc.constantFrom('pupils' as const, 'hours' as const),
	useRecordCost: fc.boolean(),
	lots: fc.boolean(),
	defaultArrangement: fc.constantFrom(undefined, 'group' as const, 'individual' as const),
});

type Outcome = { record: DeliveryRecord } | { error: { name: string; code: unknown; field: unknown; message: string; hint: unknown } };

function outcome(read: () => DeliveryRecord): Outcome {
	try {
		const record = { ...read() };
		delete record.pupilKey; // the cache's own number: compared below
		return { record };
	} catch (e) {
		const error = e as Error & { code?: unknown; field?: unknown; hint?: unknown };
		return { error: { name: error.name, code: error.code, field: error.field, message: error.message, hint: error.hint } };
	}
}

function contextOf(c: typeof contextArb extends fc.Arbitrary<infer T> ? T : never): RecordContext {
	return {
		period,
		financingForm: c.form,
		allocationKey: c.key,
		useRecordCost: c.useRecordCost,
		tariffs: { '': 7_500, A: 4_321, B: 9_999 },
		prices: { A: 12_345, P1: 500 },
		lotBudgets: c.lots ? { A: 100_000, P1: 50_000 } : undefined,
		defaultArrangement: c.defaultArrangement,
	};
}

describe('delivery records: the run value cache', () => {
	it('reads every record as reading it anew does: the same record or the same first error', () => {
		fc.assert(
			fc.property(contextArb, fc.array(rowArb, { maxLength: 60 }), (c, rows) => {
				const plain = contextOf(c);
				const cached: RecordContext = { ...plain, periods: newPeriodCache(), values: newRecordValueCache() };
				const keys = new Map<string, number>();
				rows.forEach((row, i) => {
					const expected = outcome(() => parseDeliveryRecord(row, i, DEFAULT_DELIVERY_FIELDS, plain));
					let key: number | undefined;
					const got = outcome(() => {
						const r = parseDeliveryRecord(row, i, DEFAULT_DELIVERY_FIELDS, cached);
						key = r.pupilKey;
						return r;
					});
					expect(got).toEqual(expected);
					if ('record' in got && key !== undefined) {
						// one number per reference value as it arrived, never another reference's
						const raw = `${typeof row.leerling}:${String(row.leerling)}`;
						if (keys.has(raw)) expect(key).toBe(keys.get(raw));
						for (const [other, k] of keys) if (other !== raw) expect(k).not.toBe(key);
						keys.set(raw, key);
					}
				});
			}),
			{ numRuns: 300 },
		);
	});

	it('a wrong value is not kept: it fails again for every record that has it', () => {
		const ctx: RecordContext = { period, financingForm: 'function', allocationKey: 'pupils', defaultArrangement: 'group', values: newRecordValueCache() };
		const row = { leerling: 'L-1', woongemeente: 'Atlantis', uren: 'abc' };
		for (let i = 0; i < 2; i++) expect(() => parseDeliveryRecord(row, i, DEFAULT_DELIVERY_FIELDS, ctx)).toThrow(/woongemeente/);
		expect(ctx.values?.residences.size).toBe(0);
		const second = { leerling: 'L-1', woongemeente: '0363', uren: 'abc' };
		for (let i = 0; i < 2; i++) expect(() => parseDeliveryRecord(second, i, DEFAULT_DELIVERY_FIELDS, ctx)).toThrow(/uren/);
		expect(ctx.values?.hours.size).toBe(0);
	});

	it('each value keeps its own reading through one cache', () => {
		const ctx: RecordContext = { period, financingForm: 'function', allocationKey: 'pupils', defaultArrangement: 'group', values: newRecordValueCache() };
		const read = (row: Record<string, unknown>) => parseDeliveryRecord(row, 0, DEFAULT_DELIVERY_FIELDS, ctx);
		expect(read({ leerling: 'L-1', woongemeente: '0363', uren: '2,5', arrangement: 'groep', school: '12 ab 01' })).toMatchObject({ residenceCode: '0363', hours: 2.5, arrangement: 'group', school: '12AB01', pupilKey: 0 });
		expect(read({ leerling: 'L-2', woongemeente: '0384', uren: '3', arrangement: 'individueel', school: 'S1' })).toMatchObject({ residenceCode: '0384', hours: 3, arrangement: 'individual', school: 'S1', pupilKey: 1 });
		expect(read({ leerling: 'L-1', woongemeente: '0363', uren: '2,5', arrangement: 'groep', school: '12 ab 01' })).toMatchObject({ residenceCode: '0363', hours: 2.5, arrangement: 'group', school: '12AB01', pupilKey: 0 });
	});
});

describe('pupil numbers downstream (findContradictions, calculateSettlement)', () => {
	const CODES = ['0363', '0384', '0362', '0437', '0394'];
	const recordArb = fc.record({ pupil: fc.integer({ min: 0, max: 15 }), spelling: fc.constantFrom('', ' ', 'upper'), code: fc.constantFrom(...CODES), month: fc.constantFrom(1, 2, 3), arrangement: fc.constantFrom('group' as const, 'individual' as const) });

	it('the same contradictions and settlement with the numbers, without them and with another run’s numbers', () => {
		const policy = buildPolicy('amsterdam_sjso');
		fc.assert(
			fc.property(fc.array(recordArb, { maxLength: 80 }), fc.integer({ min: 0, max: 20 }), (rows, shift) => {
				const spelled = (p: number, s: string) => (s === 'upper' ? `L-${p}`.toUpperCase() : `l-${p}${s}`);
				const refs = new Map<string, number>();
				const withKeys: DeliveryRecord[] = rows.map((r, i) => {
					const pupilRef = spelled(r.pupil, r.spelling);
					if (!refs.has(pupilRef)) refs.set(pupilRef, refs.size);
					const month = parsePeriod(`2026-0${r.month}`, 'period');
					return { index: i, pupilRef, pupilKey: refs.get(pupilRef), school: '', residenceCode: r.code, residenceName: r.code, period: month, hours: 1, arrangement: r.arrangement, product: '' };
				});
				const without = withKeys.map((r) => ({ ...r, pupilKey: undefined }));
				// numbers that name other references (records of another run): looked up by text, the same result
				const clashing = withKeys.map((r) => ({ ...r, pupilKey: (r.pupilKey! + shift) % 3 }));
				const contradictions = (records: DeliveryRecord[]) => [...findContradictions(records, DEFAULT_DELIVERY_FIELDS)].map(([p, e]) => [p, e.message]);
				const expected = contradictions(without);
				expect(contradictions(withKeys)).toEqual(expected);
				expect(contradictions(clashing)).toEqual(expected);
				const settle = (records: DeliveryRecord[]) => {
					const bad = findContradictions(records, DEFAULT_DELIVERY_FIELDS);
					return calculateSettlement(
						records.filter((_r, p) => !bad.has(p)),
						{ policy, period, financingForm: 'function', allocationKey: 'pupils', fte: 2, yearlyCostPerFte: 9_000_000, financingParty: { code: '0363', name: 'Amsterdam' }, pseudonymise: makePseudonymiser(PSEUDONYM_FIXTURE), refusedRecords: 'allocate_valid' },
					);
				};
				const plain = settle(without);
				expect(settle(withKeys)).toEqual(plain);
				expect(settle(clashing)).toEqual(plain);
			}),
			{ numRuns: 200 },
		);
	});
});
