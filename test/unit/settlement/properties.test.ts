/**
 * Invariants of the settlement, checked with fast-check over random delivery records, policies and forms:
 * - billed + own share = total cost; every statement's lines add up to its amount (no cent created or lost);
 * - permuting the input order changes nothing;
 * - a pupil living inside the financing region is never billed to another municipality; a billed pupil is
 *   billed to the municipality they live in (woonplaatsbeginsel);
 * - records in = settled + resident + covered + referred + rejected (nothing silently dropped);
 * - refusing any subset of the records never changes a municipality's amount silently: it is identical,
 *   or the result and every statement say the basis is incomplete (issue 11 §4).
 */
import fc from 'fast-check';

import { buildPolicy } from '../../../domain/policies/build';
import type { FinancingForm, OutsiderTreatment, PresetId } from '../../../domain/policies/types';
import { calculateSettlement, IncompleteBasisError, makePseudonymiser, parsePeriod, type DeliveryRecord, type RejectedRecord, type SettlementParams } from '../../../domain/settlement';
import { PSEUDONYM_FIXTURE } from './helpers';

const CODES = ['0307', '0327', '0344', '0363', '0384', '0437', '0362', '0153', '0164', '0147', '0200', '0034', '0935', '0917'];
const NAMES: Record<string, string> = Object.fromEntries(CODES.map((c) => [c, `Gemeente ${c}`]));
const PRESETS: PresetId[] = ['amersfoort_osj', 'enschede_oja', 'hengelo_borne_hvt', 'almere_oja', 'amsterdam_sjso', 'utrecht_zml', 'zuid_limburg', 'regio_utrecht_bovenregionaal'];
const OUTSIDERS: OutsiderTreatment[] = ['covered', 'residents_only', 'group_open_individual_beschikking', 'group_open_individual_settled', 'prefinance_settle'];
const FORMS: FinancingForm[] = ['function', 'population', 'pxq', 'output'];
const period = parsePeriod('2026-Q1', 'period');
const pseudonymise = makePseudonymiser(PSEUDONYM_FIXTURE);

const recordArb = fc.record({
	pupil: fc.integer({ min: 1, max: 60 }),
	code: fc.constantFrom(...CODES),
	arrangement: fc.constantFrom('group' as const, 'individual' as const, 'class' as const),
	hours: fc.integer({ min: 0, max: 4000 }).map((h) => h / 4),
	product: fc.constantFrom('', 'A', 'B'),
});

const scenarioArb = fc.record({
	preset: fc.constantFrom<PresetId | 'custom'>(...PRESETS, 'custom'),
	outsiders: fc.option(fc.constantFrom(...OUTSIDERS), { nil: undefined }),
	form: fc.constantFrom(...FORMS),
	key: fc.constantFrom('pupils' as const, 'hours' as const),
	total: fc.integer({ min: 0, max: 500_000_000 }),
	fte: fc.integer({ min: 0, max: 400 }).map((f) => f / 10),
	rows: fc.array(recordArb, { maxLength: 80 }),
	rejected: fc.integer({ min: 0, max: 5 }),
	/** Sometimes a financing municipality outside the participating list (the region = both). */
	financing: fc.option(fc.constantFrom(...CODES), { nil: undefined }),
});

type Scenario = typeof scenarioArb extends fc.Arbitrary<infer T> ? T : never;

function setup(s: Scenario): { records: DeliveryRecord[]; params: SettlementParams; rejected: RejectedRecord[] } {
	const edits = s.preset === 'custom' ? { participatingMunicipalities: ['0307', '0327'], outsiders: s.outsiders ?? 'prefinance_settle' } : s.outsiders ? { outsiders: s.outsiders } : {};
	const policy = buildPolicy(s.preset, { mergedMembers: 'successor', ...edits });
	// one residence per pupil (contradictions are rejected before the calculation)
	const residence = new Map<number, string>();
	const records: DeliveryRecord[] = s.rows.map((r, i) => {
		if (!residence.has(r.pupil)) residence.set(r.pupil, r.code);
		const code = residence.get(r.pupil)!;
		return { index: i, pupilRef: `pupil-${r.pupil}`, school: '12AB', residenceCode: code, residenceName: NAMES[code], period, hours: r.hours, arrangement: r.arrangement, product: r.product };
	});
	const rejected = Array.from({ length: s.rejected }, (_v, i) => ({ index: records.length + i, code: 'unknown_municipality' }));
	const financingCode = s.financing ?? policy.financingMunicipality ?? policy.participatingMunicipalities[0] ?? '0307';
	return {
		records,
		rejected,
		params: {
			policy,
			period,
			financingForm: s.form,
			allocationKey: s.key,
			fte: s.fte,
			yearlyCostPerFte: s.total,
			lumpSum: s.total,
			tariffs: { '': 7_500, A: 4_321, B: 9_999 },
			prices: { '': 150_000, A: 12_345 },
			financingParty: { code: financingCode, name: NAMES[financingCode] ?? financingCode },
			pseudonymise,
			refusedRecords: 'allocate_valid',
		},
	};
}


describe('settlement invariants (property)', () => {
	it('no cent is created or lost: billed + own share = total, and lines add up to each statement', () => {
		fc.assert(
			fc.property(scenarioArb, (s) => {
				const { records, params, rejected } = setup(s);
				const r = calculateSettlement(records, params, rejected);
				const billed = r.statements.reduce((a, x) => a + x.amountCents, 0);
				expect(billed + r.ownShare.amountCents).toBe(r.totalCostCents);
				expect(r.summary.sumsAddUp).toBe(true);
				// balanced only when nothing was refused from a shared amount
				expect(r.summary.balanced).toBe(r.summary.basisComplete);
				expect(r.summary.basisComplete).toBe(!(s.rejected > 0 && (s.form === 'function' || s.form === 'population')));
				for (const st of [...r.statements, r.ownShare]) {
					expect(Number.isSafeInteger(st.amountCents) && st.amountCents >= 0).toBe(true);
					const served = st.lines.some((l) => (s.key === 'pupils' ? true : l.hours > 0));
					if (st.lines.length > 0 && (served || s.form === 'pxq' || s.form === 'output')) {
						expect(st.lines.reduce((a, l) => a + l.amountCents, 0)).toBe(st.amountCents);
					}
				}
				for (const ref of r.referrals) expect(ref.amountCents).toBe(0);
			}),
			{ numRuns: 300 },
		);
	});

	it('permuting the input order changes nothing', () => {
		fc.assert(
			fc.property(
				scenarioArb.chain((s) => fc.tuple(fc.constant(s), fc.shuffledSubarray(s.rows.map((_r, i) => i), { minLength: s.rows.length, maxLength: s.rows.length }))),
				([s, order]) => {
					const { records, params, rejected } = setup(s);
					const permuted = order.map((i) => records[i]);
					expect(calculateSettlement(permuted, params, rejected)).toEqual(calculateSettlement(records, params, rejected));
				},
			),
			{ numRuns: 200 },
		);
	});

	it('a pupil living inside the financing region is never billed to another municipality; billed pupils pay where they live', () => {
		fc.assert(
			fc.property(scenarioArb, (s) => {
				const { records, params, rejected } = setup(s);
				const region = new Set([...params.policy.participatingMunicipalities, params.financingParty.code]);
				const r = calculateSettlement(records, params, rejected);
				for (const st of r.statements) {
					expect(region.has(st.municipalityCode)).toBe(false);
					for (const l of st.lines) {
						expect(l.residenceCode).toBe(st.municipalityCode);
						expect(region.has(l.residenceCode)).toBe(false);
					}
				}
				for (const ref of r.referrals) expect(region.has(ref.municipalityCode)).toBe(false);
			}),
			{ numRuns: 300 },
		);
	});

	it('nothing is silently dropped: records in = settled + resident + covered + referred + rejected', () => {
		fc.assert(
			fc.property(scenarioArb, (s) => {
				const { records, params, rejected } = setup(s);
				const r = calculateSettlement(records, params, rejected);
				const m = r.summary;
				expect(m.recordsIn).toBe(records.length + rejected.length);
				expect(m.recordsSettled + m.recordsResident + m.recordsCovered + m.recordsReferred + m.recordsRejected).toBe(m.recordsIn);
				const onStatements = [...r.statements, r.ownShare, ...r.referrals].reduce((a, x) => a + x.records, 0);
				expect(onStatements).toBe(records.length);
				const indexes = [...r.statements, r.ownShare, ...r.referrals].flatMap((x) => x.recordIndexes).sort((a, b) => a - b);
				expect(indexes).toEqual(records.map((x) => x.index));
				expect(Object.values(m.recordsByRule).reduce((a, b) => a + b, 0)).toBe(records.length);
			}),
			{ numRuns: 300 },
		);
	});

	it('refusing any subset of records never moves money silently: each amount is identical or flagged', () => {
		const amountsOf = (r: ReturnType<typeof calculateSettlement>): Map<string, number> => {
			const m = new Map<string, number>([['own', r.ownShare.amountCents]]);
			for (const st of r.statements) m.set(st.municipalityCode, st.amountCents);
			return m;
		};
		fc.assert(
			fc.property(
				scenarioArb.chain((s) => fc.tuple(fc.constant(s), fc.subarray(s.rows.map((_r, i) => i)))),
				([s, refusedIndexes]) => {
					const { records, params } = setup({ ...s, rejected: 0 });
					const full = calculateSettlement(records, params, []);
					const refusedSet = new Set(refusedIndexes);
					const kept = records.filter((r) => !refusedSet.has(r.index));
					const refused = refusedIndexes.map((index) => ({ index, code: 'unknown_municipality' }));
					const shared = s.form === 'function' || s.form === 'population';
					// default: a shared amount with refused records stops
					if (shared && refused.length > 0) {
						expect(() => calculateSettlement(kept, { ...params, refusedRecords: undefined }, refused)).toThrow(IncompleteBasisError);
					}
					const partial = calculateSettlement(kept, params, refused);
					const before = amountsOf(full);
					const after = amountsOf(partial);
					const changed = [...new Set([...before.keys(), ...after.keys()])].filter((code) => (before.get(code) ?? 0) !== (after.get(code) ?? 0));
					if (refused.length === 0) expect(changed).toEqual([]);
					if (changed.length > 0) {
						expect(partial.summary.complete).toBe(false);
						expect(partial.summary.basisNote).not.toBeNull();
						for (const st of [...partial.statements, partial.ownShare]) expect(st.basis.startsWith(partial.summary.basisNote!)).toBe(true);
						if (shared) {
							expect(partial.summary.basisComplete).toBe(false);
							expect(partial.summary.balanced).toBe(false);
							expect(partial.summary.affectedCents).toBeGreaterThan(0);
						}
					}
				},
			),
			{
				numRuns: 300,
				// found by a CI run (seed 1482105756): a shared amount of a few cents, one of five pupils refused; the
				// refused share rounds to 0 cents, yet re-rounding moves a cent: affectedCents must be rounded up
				examples: [
					[
						[
							{ preset: 'enschede_oja', outsiders: 'group_open_individual_settled', form: 'function', key: 'pupils', total: 17, fte: 0.4, rejected: 3, financing: '0307', rows: [
								{ pupil: 1, code: '0363', arrangement: 'class', hours: 755.75, product: 'B' },
								{ pupil: 10, code: '0384', arrangement: 'class', hours: 753.75, product: '' },
								{ pupil: 49, code: '0034', arrangement: 'class', hours: 721.5, product: '' },
								{ pupil: 16, code: '0153', arrangement: 'individual', hours: 702.5, product: 'B' },
								{ pupil: 19, code: '0327', arrangement: 'class', hours: 255.25, product: 'B' },
							] },
							[2],
						],
					] as never,
				],
			},
		);
	});
});

describe('IncompleteBasisError', () => {
	it('numbers the refused items from 1, as hints and rowNumber do', () => {
		expect(new IncompleteBasisError([{ index: 0, code: 'unknown_municipality', field: 'woongemeente' }, { index: 4, code: 'invalid_number', field: 'uren' }], 6, 20_000).message).toBe(
			'2 of 6 delivery records were refused: item 1 (column "woongemeente": unknown_municipality), item 5 (column "uren": invalid_number); so the basis for splitting the shared amount of €200.00 is incomplete: no statement was made',
		);
	});
});
