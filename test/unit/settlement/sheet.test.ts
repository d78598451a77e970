/**
 * The statement sheet (domain/settlement/sheet.ts, issue 12): Dutch (or English) headers, period and both
 * municipalities on every row, the basis of calculation in words, pseudonyms only, and a total row that
 * equals the statement amount to the cent (property test over random records, policies and forms).
 */
import fc from 'fast-check';

import { buildPolicy } from '../../../domain/policies/build';
import type { FinancingForm, PresetId } from '../../../domain/policies/types';
import {
	calculateSettlement,
	formatPeriodText,
	makePseudonymiser,
	parsePeriod,
	SHEET_HEADERS,
	statementSheetRows,
	TOTAL_LABEL,
	type DeliveryRecord,
	type Language,
	type SettlementResult,
	type SheetRow,
} from '../../../domain/settlement';
import { assertNoPersonalData, SYNTHETIC_BSNS, SYNTHETIC_PUPIL_NAMES } from '../../helpers/privacy';
import { PSEUDONYM_FIXTURE, row, run } from './helpers';

const sheetOf = (r: SettlementResult, language: Language, useRecordCost = false) => (s: SettlementResult['statements'][number]) =>
	statementSheetRows(s, { period: r.period, financingForm: r.financingForm, allocationKey: r.allocationKey, financingParty: r.financingParty, useRecordCost, language });

/** Cents of the amount column (euros with two decimals). */
const cents = (row: SheetRow, language: Language) => Math.round(Number(row[SHEET_HEADERS[language].amount]) * 100);

function amsterdam(language: Language): SettlementResult {
	return run({
		preset: 'amsterdam_sjso',
		period: '2026-Q1',
		financingParty: '0363',
		params: { fte: 2, yearlyCostPerFte: 9_000_000, language },
		rows: [row('S1', '0363'), row('S3', '0437'), row('S5', '0362'), row('S6', '0362', { arrangement: 'extra ondersteuning' }), row('S8', '0362', { arrangement: 'onderwijs-zorgklas' })],
	});
}

describe('statement sheet', () => {
	it('Dutch by default: headers, period in words, paying and pre-financing municipality, rule and basis in words, total row', () => {
		const r = amsterdam('nl');
		const s = r.statements.find((x) => x.municipalityCode === '0362')!;
		const rows = sheetOf(r, 'nl')(s);
		expect(Object.keys(rows[0])).toEqual([
			'Periode',
			'Betalende gemeente',
			'Voorfinancierende gemeente',
			'Leerling (pseudoniem)',
			'Woongemeente',
			'School',
			'Arrangement',
			'Regel',
			'Registraties',
			'Uren',
			'Berekening',
			'Bedrag (€)',
		]);
		expect(rows).toHaveLength(s.lines.length + 1);
		for (const x of rows) {
			expect(x.Periode).toBe('1 januari 2026 t/m 31 maart 2026 (2026-Q1)');
			expect(x['Betalende gemeente']).toBe('Amstelveen (0362)');
			expect(x['Voorfinancierende gemeente']).toBe('Amsterdam (0363)');
		}
		const lines = rows.slice(0, -1);
		for (const x of lines) {
			expect(String(x['Leerling (pseudoniem)'])).toMatch(/^P-[A-Z2-7]{12}$/);
			expect(x.Woongemeente).toBe('Amstelveen (0362)');
			expect(String(x.Regel)).toMatch(/^POL-OUTSIDER-[A-Z-]+: De leerling woont elders; /);
			expect(x.Berekening).toBe('Aandeel naar rato: 1 van 3 leerlingen op deze verrekening (zie totaalregel)');
		}
		expect(lines.map((x) => x.Arrangement).sort()).toEqual(['individueel', 'individueel', 'onderwijs-zorgklas']);
		const total = rows[rows.length - 1];
		expect(total['Leerling (pseudoniem)']).toBe('Totaal');
		expect(total.Regel).toBe('3 leerling(en)');
		expect(total.Berekening).toBe(s.basis);
		expect(String(total.Berekening)).toMatch(/^Functiebekostiging \(taakgericht\): € 45\.000,00 verdeeld naar rato van het aantal leerlingen: 3 van 5 leerlingen = € 27\.000,00/);
		expect(total['Bedrag (€)']).toBe(27_000);
		expect(lines.reduce((a, x) => a + cents(x, 'nl'), 0)).toBe(2_700_000);
	});

	it('English when the statement language is English', () => {
		const r = amsterdam('en');
		const rows = sheetOf(r, 'en')(r.statements[0]);
		expect(Object.keys(rows[0])).toEqual(Object.values(SHEET_HEADERS.en));
		expect(rows[0].Period).toBe('1 January 2026 to 31 March 2026 (2026-Q1)');
		expect(rows[0]['Pre-financing municipality']).toBe('Amsterdam (0363)');
		expect(rows[rows.length - 1]['Pupil (pseudonym)']).toBe(TOTAL_LABEL.en);
		expect(JSON.stringify(rows)).not.toMatch(/leerling|Periode|Totaal/);
	});

	it('pseudonymous references only: no pupil number, BSN or name from the records reaches the sheet', () => {
		const r = run({
			preset: 'amsterdam_sjso',
			period: '2026-Q1',
			financingParty: '0363',
			params: { fte: 1, yearlyCostPerFte: 9_000_000 },
			rows: [row(SYNTHETIC_BSNS[1], '0362'), row(SYNTHETIC_PUPIL_NAMES[0], '0362'), row('LL-1234', '0437')],
		});
		const all = [...r.statements, r.ownShare, ...r.referrals].flatMap(sheetOf(r, 'nl'));
		assertNoPersonalData(all, 'statement sheet');
		expect(JSON.stringify(all)).not.toContain('LL-1234');
	});

	it('formats a single-day period as one date', () => {
		expect(formatPeriodText(parsePeriod('2026-03-05', 'p'), 'nl')).toBe('5 maart 2026');
		expect(formatPeriodText(parsePeriod('2026-H2', 'p'), 'nl')).toBe('1 juli 2026 t/m 31 december 2026');
	});
});

describe('property: sum of the sheet rows = total row = statement amount, to the cent', () => {
	const CODES = ['0307', '0327', '0344', '0363', '0384', '0437', '0362', '0153', '0164', '0200'];
	const PRESETS: PresetId[] = ['amersfoort_osj', 'enschede_oja', 'hengelo_borne_hvt', 'amsterdam_sjso', 'utrecht_zml'];
	const FORMS: FinancingForm[] = ['function', 'population', 'pxq', 'output'];
	const period = parsePeriod('2026-Q2', 'period');
	const pseudonymise = makePseudonymiser(PSEUDONYM_FIXTURE);
	const scenario = fc.record({
		preset: fc.constantFrom(...PRESETS),
		form: fc.constantFrom(...FORMS),
		key: fc.constantFrom('pupils' as const, 'hours' as const),
		total: fc.integer({ min: 0, max: 500_000_000 }),
		fte: fc.integer({ min: 0, max: 400 }).map((f) => f / 10),
		useRecordCost: fc.boolean(),
		language: fc.constantFrom<Language>('nl', 'en'),
		rows: fc.array(
			fc.record({
				pupil: fc.integer({ min: 1, max: 40 }),
				code: fc.constantFrom(...CODES),
				arrangement: fc.constantFrom('group' as const, 'individual' as const, 'class' as const),
				hours: fc.integer({ min: 0, max: 4000 }).map((h) => h / 4),
				cost: fc.integer({ min: 0, max: 10_000_000 }),
				product: fc.constantFrom('', 'A'),
			}),
			{ maxLength: 60 },
		),
	});

	it('holds for every statement, own share and referral', () => {
		fc.assert(
			fc.property(scenario, (s) => {
				const policy = buildPolicy(s.preset, { outsiders: 'prefinance_settle', mergedMembers: 'successor' });
				const residence = new Map<number, string>();
				const records: DeliveryRecord[] = s.rows.map((x, i) => {
					if (!residence.has(x.pupil)) residence.set(x.pupil, x.code);
					const code = residence.get(x.pupil)!;
					return { index: i, pupilRef: `pupil-${x.pupil}`, school: '12AB', residenceCode: code, residenceName: `Gemeente ${code}`, period, hours: x.hours, arrangement: x.arrangement, product: x.product, cost: x.cost };
				});
				const useRecordCost = (s.form === 'pxq' || s.form === 'output') && s.useRecordCost;
				const financing = policy.financingMunicipality ?? policy.participatingMunicipalities[0];
				const r = calculateSettlement(records, {
					policy,
					period,
					financingForm: s.form,
					allocationKey: s.key,
					fte: s.fte,
					yearlyCostPerFte: s.total,
					lumpSum: s.total,
					tariffs: { '': 7_500, A: 4_321 },
					prices: { '': 150_000, A: 12_345 },
					useRecordCost,
					financingParty: { code: financing, name: `Gemeente ${financing}` },
					pseudonymise,
					language: s.language,
				});
				for (const st of [...r.statements, r.ownShare, ...r.referrals]) {
					const rows = sheetOf(r, s.language, useRecordCost)(st);
					const total = rows[rows.length - 1];
					const lines = rows.slice(0, -1);
					expect(total[SHEET_HEADERS[s.language].pupil]).toBe(TOTAL_LABEL[s.language]);
					// one row per pupil line, plus one "no pupil" row when the amount has no pupil to go to
					expect(lines.length - st.lines.length).toBe(st.lines.length === 0 && st.amountCents !== 0 ? 1 : 0);
					expect(lines.reduce((a, x) => a + cents(x, s.language), 0)).toBe(cents(total, s.language));
					expect(cents(total, s.language)).toBe(st.amountCents);
					for (const x of rows) expect(Object.keys(x)).toEqual(Object.values(SHEET_HEADERS[s.language]));
				}
			}),
			{ numRuns: 150 },
		);
	});
});
