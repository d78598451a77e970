/**
 * Worked examples: one per preset and per financing form, with the expected cents computed by hand
 * (the arithmetic is written next to each expectation).
 */
import { InvalidFieldError } from '../../../domain/primitives/errors';
import { PolicyChoiceRequiredError } from '../../../domain/policies/classify';
import { calculateSettlement, DEFAULT_DELIVERY_FIELDS, findContradictions, makePseudonymiser, parsePeriod, shareOfYear } from '../../../domain/settlement';
import { buildPolicy } from '../../../domain/policies/build';
import { assertNoPersonalData, SYNTHETIC_BSNS, SYNTHETIC_PUPIL_NAMES } from '../../helpers/privacy';
import { amounts, records, row, run, PSEUDONYM_FIXTURE } from './helpers';

describe('function financing (functiebekostiging)', () => {
	it('Amersfoort OSJ: residents only — 6 fte × € 80.000 × 3/12 = € 120.000,00, all own share; outsiders referred, not billed', () => {
		const r = run({
			preset: 'amersfoort_osj',
			period: '2026-Q1',
			financingParty: '0307',
			params: { fte: 6, yearlyCostPerFte: 8_000_000 },
			rows: [row('A1', '0307'), row('A2', 'Amersfoort'), row('A3', '0327'), row('A4', '0344'), row('A5', 'GM0200')],
		});
		expect(r.totalCostCents).toBe(12_000_000); // 6 × 8.000.000 × 3 / 12
		expect(amounts(r)).toEqual({ OWN: 12_000_000, TOTAL: 12_000_000 });
		expect(r.statements).toHaveLength(0);
		expect(r.referrals.map((x) => [x.municipalityCode, x.pupils, x.amountCents])).toEqual([
			['0200', 1, 0],
			['0344', 1, 0],
		]);
		expect(r.ownShare.lines.map((l) => l.amountCents).sort()).toEqual([4_000_000, 4_000_000, 4_000_000]); // 12.000.000 / 3 pupils
		expect(r.summary).toMatchObject({ recordsIn: 5, recordsResident: 3, recordsReferred: 2, recordsSettled: 0, balanced: true });
		expect(r.totalBasis).toBe('Functiebekostiging (taakgericht): 6 fte × € 80.000,00 per fte per jaar × 3/12 jaar (periode 2026-Q1) = € 120.000,00');
	});

	it('Amsterdam SJSO 2026: Ouder-Amstel is a member since 2022 (S4 §4.2.4), Amstelveen settled — € 45.000 over 7 pupils by largest remainder', () => {
		const r = run({
			preset: 'amsterdam_sjso',
			period: 'Q1 2026',
			financingParty: '0363',
			params: { fte: 2, yearlyCostPerFte: 9_000_000 },
			rows: [
				row('S1', '0363'), // resident
				row('S2', '0384', { arrangement: 'groep' }), // Diemen: resident
				row('S3', '0437'), // Ouder-Amstel individual: resident (member from 1 January 2022)
				row('S4', '0437', { arrangement: 'groepsaanbod' }), // Ouder-Amstel group: resident
				row('S5', '0362'), // Amstelveen individual: settle
				row('S6', '0362', { arrangement: 'extra ondersteuning' }), // Amstelveen: settle
				row('S7', '0363', { arrangement: 'group' }), // resident
			],
		});
		// total 2 × 9.000.000 × 3/12 = 4.500.000; units own 5 (S1,S2,S3,S4,S7), 0362: 2 → 7
		// own 4.500.000×5/7 = 3.214.285,71 → 3.214.285 r .71; 0362 ×2/7 = 1.285.714,29 → 1.285.714 r .29
		// floors sum 4.499.999: the one cent left goes to the largest remainder (own share)
		expect(amounts(r)).toEqual({ '0362': 1_285_714, OWN: 3_214_286, TOTAL: 4_500_000 });
		expect(r.statements.find((s) => s.municipalityCode === '0362')!.lines.map((l) => l.amountCents)).toEqual([642_857, 642_857]);
		expect(r.summary).toMatchObject({ recordsSettled: 2, recordsResident: 5, recordsCovered: 0, recordsReferred: 0, pupilsSettled: 2, balanced: true });
		expect(r.statements[0].basis).toBe(
			'Functiebekostiging (taakgericht): € 45.000,00 verdeeld naar rato van het aantal leerlingen: 2 van 7 leerlingen = € 12.857,14 (grootste-restmethode, afgerond op centen; bij gelijke rest eerst het eigen aandeel, dan de laagste gemeentecode).',
		);
	});

	it('Amsterdam SJSO 2021-Q2 (general provision, Amsterdam and Diemen): Ouder-Amstel individual settled, group covered — € 45.000 over 7 pupils', () => {
		const r = run({
			preset: 'amsterdam_sjso',
			period: '2021-Q2',
			financingParty: '0363',
			params: { fte: 2, yearlyCostPerFte: 9_000_000 },
			rows: [row('S1', '0363'), row('S2', '0384', { arrangement: 'groep' }), row('S3', '0437'), row('S4', '0437', { arrangement: 'groepsaanbod' }), row('S5', '0362'), row('S6', '0362', { arrangement: 'extra ondersteuning' }), row('S7', '0363', { arrangement: 'group' })],
		});
		// units own 4 (S1,S2,S4 covered,S7), 0362: 2, 0437: 1 → 7
		// own 4.500.000×4/7 = 2.571.428,57 → 2.571.428 r .57; 0362 ×2/7 = 1.285.714,29 → 1.285.714; 0437 ×1/7 = 642.857,14 → 642.857
		// floors sum 4.499.999: the one cent left goes to the largest remainder (own share)
		expect(amounts(r)).toEqual({ '0362': 1_285_714, '0437': 642_857, OWN: 2_571_429, TOTAL: 4_500_000 });
		expect(r.summary).toMatchObject({ recordsSettled: 3, recordsResident: 3, recordsCovered: 1, recordsReferred: 0, pupilsSettled: 3, balanced: true });
	});

	it('Hengelo/Borne/Hof van Twente: by hours; group open, class places settled, individual help referred', () => {
		const r = run({
			preset: 'hengelo_borne_hvt',
			period: '2026-Q2',
			financingParty: 'Hengelo',
			params: { fte: 1.5, yearlyCostPerFte: 7_500_000, allocationKey: 'hours' },
			rows: [
				row('H1', '0164', { uren: 10 }),
				row('H2', 'Borne', { uren: '5', arrangement: 'groep' }),
				row('H3', '0153', { uren: '4,0', arrangement: 'groep' }), // Enschede, group: covered
				row('H4', '0153', { uren: 6 }), // Enschede, individual: referred
				row('H5', '0141', { uren: 8, arrangement: 'onderwijs-zorgklas' }), // Almelo, class: settle
				row('H6', '0150', { uren: '3', arrangement: 'klas' }), // Deventer, class: settle
			],
		});
		// total 1,5 × 7.500.000 × 3/12 = 2.812.500; hours own 10+5+4 = 19, Almelo 8, Deventer 3 → 30 (referred 6 h not in the base)
		// own 2.812.500×19/30 = 1.781.250; Almelo ×8/30 = 750.000; Deventer ×3/30 = 281.250
		expect(amounts(r)).toEqual({ '0141': 750_000, '0150': 281_250, OWN: 1_781_250, TOTAL: 2_812_500 });
		expect(r.referrals).toHaveLength(1);
		expect(r.referrals[0]).toMatchObject({ municipalityCode: '0153', pupils: 1, hours: 6, amountCents: 0 });
		expect(r.ownShare).toMatchObject({ municipalityCode: '0164', municipalityName: 'Hengelo (O.)', hours: 19 });
	});

	it('Utrecht zml pilot: no distinction by residence — 2 fte × € 70.000 × 3/12 = € 35.000,00 all own share', () => {
		const r = run({
			preset: 'utrecht_zml',
			period: '2026-Q3',
			financingParty: '0344',
			params: { fte: 2, yearlyCostPerFte: 7_000_000 },
			rows: [row('U1', '0344'), row('U2', '0321'), row('U3', '0307')],
		});
		expect(amounts(r)).toEqual({ OWN: 3_500_000, TOTAL: 3_500_000 });
		expect(r.summary).toMatchObject({ recordsResident: 1, recordsCovered: 2, recordsSettled: 0 });
		// 3.500.000 / 3 = 1.166.666,67 → floors 1.166.666 ×3 = 3.499.998, 2 cents left by pupil pseudonym order
		expect(r.ownShare.lines.map((l) => l.amountCents).sort()).toEqual([1_166_666, 1_166_667, 1_166_667]);
	});

	it('Regio Utrecht bovenregionaal: boundaries do not hinder help — outsiders covered', () => {
		const r = run({
			preset: 'regio_utrecht_bovenregionaal',
			period: '2026',
			financingParty: '0344',
			params: { fte: 1, yearlyCostPerFte: 6_000_001 },
			rows: [row('R1', 'Houten'), row('R2', 'Zeist'), row('R3', 'Amersfoort')],
		});
		// a whole year: 1 × 6.000.001 × 12/12 = 6.000.001
		expect(amounts(r)).toEqual({ OWN: 6_000_001, TOTAL: 6_000_001 });
		expect(r.summary).toMatchObject({ recordsResident: 2, recordsCovered: 1 });
	});

	it('uses days over the year for a period that is not whole months', () => {
		const p = parsePeriod('2026-01-15/2026-02-14', 'period');
		expect(shareOfYear(p)).toEqual({ numerator: 31, denominator: 365, text: '31/365' });
		const r = run({ preset: 'utrecht_zml', period: '2026-01-15/2026-02-14', financingParty: '0344', params: { fte: 1, yearlyCostPerFte: 7_300_000 }, rows: [row('U1', '0344', { periode: '2026-02-01' })] });
		expect(r.totalCostCents).toBe(620_000); // 7.300.000 × 31 / 365 = 620.000
	});
});

describe('population financing (populatiebekostiging)', () => {
	it('Almere OJA: all pupils during school time — lump sum € 100.000 all own share', () => {
		const r = run({
			preset: 'almere_oja',
			period: '2026-Q1',
			financingParty: '0034',
			params: { lumpSum: 10_000_000 },
			rows: [row('L1', '0034'), row('L2', '0034'), row('L3', 'Zeewolde'), row('L4', '0303')],
		});
		expect(amounts(r)).toEqual({ OWN: 10_000_000, TOTAL: 10_000_000 });
		expect(r.summary).toMatchObject({ recordsResident: 2, recordsCovered: 2, recordsReferred: 0 });
		expect(r.totalBasis).toBe('Populatiebekostiging (taakgericht, lumpsum): lumpsum € 100.000,00 voor periode 2026-Q1');
	});

	it('Enschede OJA: residents only, group offer open — outsider individual help referred to Hengelo', () => {
		const r = run({
			preset: 'enschede_oja',
			period: '2026-Q1',
			financingParty: '0153',
			params: { lumpSum: 3_000_000 },
			rows: [row('E1', '0153'), row('E2', '0153', { arrangement: 'groep' }), row('E3', '0164', { arrangement: 'groep' }), row('E4', '0164')],
		});
		expect(amounts(r)).toEqual({ OWN: 3_000_000, TOTAL: 3_000_000 });
		expect(r.referrals.map((x) => [x.municipalityCode, x.pupils])).toEqual([['0164', 1]]);
		expect(r.summary.notSettled).toEqual([
			{ reason: 'woont in de financierende regio (eigen aandeel)', records: 2 },
			{ reason: 'woont elders, maar valt onder de regionale afspraak (eigen aandeel)', records: 1 },
			{ reason: 'woont elders en heeft een individuele beschikking van de woongemeente nodig (niet verrekend, doorverwezen)', records: 1 },
		]);
	});

	it('Zuid-Limburg: only the 13 participating municipalities — Heerlen is referred', () => {
		const r = run({
			preset: 'zuid_limburg',
			period: '2026-Q4',
			financingParty: '0935',
			params: { lumpSum: 1_000_001 },
			rows: [row('Z1', 'Maastricht'), row('Z2', '0917'), row('Z3', 'Sittard-Geleen')],
		});
		expect(amounts(r)).toEqual({ OWN: 1_000_001, TOTAL: 1_000_001 });
		expect(r.referrals.map((x) => x.municipalityCode)).toEqual(['0917']);
		expect(r.ownShare.lines.map((l) => l.amountCents).sort()).toEqual([500_000, 500_001]); // 1.000.001 / 2
	});

	it('custom pre-finance and settle: lump sum € 10.000 by pupils over 3 municipalities', () => {
		const r = run({
			preset: 'custom',
			edits: { participatingMunicipalities: ['0307'], outsiders: 'prefinance_settle' },
			period: '2026-Q1',
			financingParty: '0307',
			params: { financingForm: 'population', lumpSum: 1_000_000 },
			rows: [row('C1', '0307'), row('C2', '0344'), row('C3', '0344'), row('C4', '0200'), row('C5', '0200'), row('C6', '0200')],
		});
		// 1.000.000 / 6 pupils = 166.666,67; own 1 → 166.666 r .67; Utrecht 2 → 333.333 r .33; Apeldoorn 3 → 500.000 r 0
		// floors 999.999; one cent to the largest remainder (own share)
		expect(amounts(r)).toEqual({ '0200': 500_000, '0344': 333_333, OWN: 166_667, TOTAL: 1_000_000 });
	});
});

describe('Rotterdam (S4 §4.3): lots (percelen) of the inkoopmodel', () => {
	// The region chose: pupils from elsewhere pre-financed and settled; the financing is decided (per lot).
	const edits = { outsiders: 'prefinance_settle' as const, financingDecided: true };

	it('a tariff per lot (PxQ, product = lot): hours × the lot’s tariff per record', () => {
		const r = run({
			preset: 'rotterdam_oza',
			edits,
			period: '2026-Q1',
			financingParty: '0599',
			params: { financingForm: 'pxq', tariffs: { P1: 8_000, P7: 9_550 } },
			rows: [
				row('R1', '0599', { product: 'P1', uren: 10 }), // Rotterdam: 10 h × € 80,00 = € 800,00 (own share)
				row('R2', '0502', { product: 'P7', uren: 4 }), // Capelle a/d IJssel: 4 h × € 95,50 = € 382,00 (own share)
				row('R4', '1992', { product: 'P1', uren: 1 }), // Voorne aan Zee (former Brielle): 1 h × € 80,00 = € 80,00 (own share)
				row('R3', '0606', { product: 'P1', uren: '2,5' }), // Schiedam: 2,5 h × € 80,00 = € 200,00
				row('R3', '0606', { product: 'P7', uren: '1,25' }), // Schiedam: 1,25 h × € 95,50 = € 119,375 → € 119,38 (half away from zero)
			],
		});
		// own 80.000 + 38.200 + 8.000 = 126.200; Schiedam 20.000 + 11.938 = 31.938; total 158.138
		expect(amounts(r)).toEqual({ '0606': 31_938, OWN: 126_200, TOTAL: 158_138 });
		expect(r.statements[0].lines[0]).toMatchObject({ ruleId: 'POL-OUTSIDER-PREFINANCE', records: 2, hours: 3.75, amountCents: 31_938 });
	});

	it('a budget per lot (population, lump sum per lot): each lot’s budget over the pupils with records in that lot', () => {
		const r = run({
			preset: 'rotterdam_oza',
			edits,
			period: '2026-Q1',
			financingParty: '0599',
			params: { financingForm: 'population', lotBudgets: { P1: 100_000, P7: 50_000 } },
			rows: [
				row('A', '0599', { product: 'P1' }), // Rotterdam
				row('B', '0502', { product: 'P1' }), // Capelle: in both lots
				row('B', '0502', { product: 'P7' }),
				row('C', '0606', { product: 'P1' }), // Schiedam
				row('D', '0606', { product: 'P7' }), // Schiedam
			],
		});
		// P1 € 1.000,00 over 3 pupils: own 2 (A, B) → 66.666,67 → 66.666 r .67; Schiedam 1 (C) → 33.333 r .33;
		//    floors 99.999, one cent to the largest remainder (own) → own 66.667, Schiedam 33.333
		// P7 € 500,00 over 2 pupils: own 1 (B) 25.000, Schiedam 1 (D) 25.000
		// own 66.667 + 25.000 = 91.667; Schiedam 33.333 + 25.000 = 58.333; total 150.000
		expect(amounts(r)).toEqual({ '0606': 58_333, OWN: 91_667, TOTAL: 150_000 });
		const schiedam = r.statements[0];
		expect(schiedam.basis).toBe(
			'Populatiebekostiging (taakgericht, lumpsum), budget per perceel verdeeld naar rato van het aantal leerlingen: perceel P1: 1 van 3 leerlingen van € 1.000,00 = € 333,33; perceel P7: 1 van 2 leerlingen van € 500,00 = € 250,00; totaal € 583,33 (grootste-restmethode, afgerond op centen; bij gelijke rest eerst het eigen aandeel, dan de laagste gemeentecode).',
		);
		expect(schiedam.lines.map((l) => l.amountCents).sort()).toEqual([25_000, 33_333]);
		// own share: A and B share P1's 66.667 (33.333,5 each: one gets the tie cent), B adds P7's 25.000
		expect(r.ownShare.lines.map((l) => l.amountCents).sort()).toEqual([33_333, 58_334].sort());
		expect(r.totalBasis).toBe('Populatiebekostiging (taakgericht, lumpsum): budget per perceel voor periode 2026-Q1 (P1 € 1.000,00; P7 € 500,00) = € 1.500,00');
	});

	it('lot and product codes match trimmed, with spaces collapsed and case ignored; the record carries the code as configured', () => {
		const period = parsePeriod('2026-Q1', 'period');
		const lots = records([row('A', '0599', { product: 'p1 ' }), row('B', '0599', { product: ' p  7' })], { period, financingForm: 'population', allocationKey: 'pupils', lotBudgets: { P1: 100, 'P 7': 50 } });
		expect(lots.map((r) => r.product)).toEqual(['P1', 'P 7']);
		// PxQ: "p1" takes P1's € 80,00, not the default € 10,00 — 2 h × € 80,00 = € 160,00
		const r = run({
			preset: 'rotterdam_oza',
			edits,
			period: '2026-Q1',
			financingParty: '0599',
			params: { financingForm: 'pxq', tariffs: { '': 1_000, P1: 8_000 } },
			rows: [row('R1', '0599', { product: 'p1', uren: 2 })],
		});
		expect(amounts(r)).toEqual({ OWN: 16_000, TOTAL: 16_000 });
	});

	it('a record naming a lot without a budget is an item error naming the column', () => {
		const period = parsePeriod('2026-Q1', 'period');
		expect(() => records([row('A', '0599', { product: 'P9' })], { period, financingForm: 'population', allocationKey: 'pupils', lotBudgets: { P1: 100 } })).toThrow(
			'Field "product" names a lot that has no budget: received a text of 2 characters (not shown for privacy)',
		);
		expect(() => records([row('A', '0599')], { period, financingForm: 'population', allocationKey: 'pupils', lotBudgets: { P1: 100 } })).toThrow(/is empty: with a budget per lot every record names its lot/);
	});

	it('the financing the seed leaves open is never settled on a default: an error naming the parameter', () => {
		let err: unknown;
		try {
			run({ preset: 'rotterdam_oza', edits: { outsiders: 'prefinance_settle' }, period: '2026-Q1', financingParty: '0599', params: { financingForm: 'pxq', tariffs: { '': 8_000 } }, rows: [row('A', '0599', { uren: 1 })] });
		} catch (e) {
			err = e;
		}
		expect(err).toBeInstanceOf(PolicyChoiceRequiredError);
		expect((err as PolicyChoiceRequiredError).message).toBe(
			'The region policy "Rotterdam — onderwijs-zorgarrangementen (zorgonderwijsspecialist met mandaat)" does not fix the financing of the arrangement (S4 §4.3.3 names an inkoopmodel with seven lots (percelen) but not whether a lot is paid per tariff or as a budget), and no choice was made',
		);
		expect((err as PolicyChoiceRequiredError).hint).toMatch(/Financing Decided by the Region/);
	});

	it('a pupil living elsewhere without a choice is an error saying the seed does not say', () => {
		expect(() =>
			run({ preset: 'rotterdam_oza', edits: { financingDecided: true }, period: '2026-Q1', financingParty: '0599', params: { financingForm: 'pxq', tariffs: { '': 8_000 } }, rows: [row('A', '0606', { uren: 1 })] }),
		).toThrow(/does not fix how pupils living outside the participating municipalities are treated \(S4 §4\.3 does not say/);
	});
});

describe('the Twente pilots in development (S4 §3.3–3.5): settled only on the region’s explicit choices', () => {
	it('Oldenzaal/Losser/Dinkelland with the region’s choices: 1,5 fte × € 80.000 × 3/12 = € 30.000,00 over 5 pupils', () => {
		const r = run({
			preset: 'oldenzaal_losser_dinkelland',
			edits: { outsiders: 'prefinance_settle', financingDecided: true },
			period: '2026-Q1',
			financingParty: '0173',
			params: { financingForm: 'function', fte: 1.5, yearlyCostPerFte: 8_000_000 },
			rows: [row('O1', '0173'), row('O2', '0173'), row('L1', '0168'), row('D1', '1774'), row('T1', '0183')],
		});
		// 1,5 × 8.000.000 × 3/12 = 3.000.000 cents; 5 pupils → 600.000 each; own share 4 (Oldenzaal 2, Losser, Dinkelland), Tubbergen 1
		expect(amounts(r)).toEqual({ '0183': 600_000, OWN: 2_400_000, TOTAL: 3_000_000 });
	});

	it('Almelo with the region’s choices (fte per school, residents only): 2 fte × € 90.000 × 3/12 = € 45.000,00, a Wierden pupil referred', () => {
		const r = run({
			preset: 'almelo_pilot',
			edits: { outsiders: 'residents_only', financingDecided: true },
			period: '2026-Q1',
			financingParty: '0141',
			params: { financingForm: 'function', fte: 2, yearlyCostPerFte: 9_000_000 },
			rows: [row('A1', '0141'), row('A2', '0141'), row('W1', '0189')],
		});
		// 2 × 9.000.000 × 3/12 = 4.500.000 cents, all own share (2 Almelo pupils); Wierden referred, not billed
		expect(amounts(r)).toEqual({ OWN: 4_500_000, TOTAL: 4_500_000 });
		expect(r.referrals.map((x) => [x.municipalityCode, x.pupils, x.amountCents])).toEqual([['0189', 1, 0]]);
	});

	it('Hellendoorn with the region’s choices (lump sum, pre-finance and settle): € 12.000,00 over 3 pupils, Raalte billed € 4.000,00', () => {
		const r = run({
			preset: 'hellendoorn_elimschool',
			edits: { outsiders: 'prefinance_settle', financingDecided: true },
			period: '2026-Q1',
			financingParty: '0163',
			params: { financingForm: 'population', lumpSum: 1_200_000 },
			rows: [row('H1', '0163'), row('H2', '0163'), row('R1', '0177')],
		});
		// 1.200.000 / 3 pupils = 400.000 each: own share 2 × 400.000, Raalte (0177) 400.000
		expect(amounts(r)).toEqual({ '0177': 400_000, OWN: 800_000, TOTAL: 1_200_000 });
	});

	it.each(['almelo_pilot', 'hellendoorn_elimschool', 'oldenzaal_losser_dinkelland'] as const)('%s: without the financing decided the settlement stops, citing the seed', (preset) => {
		const home = { almelo_pilot: '0141', hellendoorn_elimschool: '0163', oldenzaal_losser_dinkelland: '0173' }[preset];
		expect(() => run({ preset, period: '2026-Q1', financingParty: home, params: { financingForm: 'function', fte: 1, yearlyCostPerFte: 100_000 }, rows: [row('X', home)] })).toThrow(
			/does not fix the financing of the arrangement \(S4 §3\.[345] does not fix the financing of the pilot yet\)/,
		);
	});

	it('a group offer for a pupil from elsewhere needs the group-offer choice too', () => {
		const base = { preset: 'hellendoorn_elimschool' as const, period: '2026-Q1', financingParty: '0163', params: { financingForm: 'function' as const, fte: 1, yearlyCostPerFte: 100_000 }, rows: [row('G', '0183', { arrangement: 'groep' })] };
		expect(() => run({ ...base, edits: { outsiders: 'residents_only', financingDecided: true } })).toThrow(/does not fix whether the group offer is open/);
		const r = run({ ...base, edits: { outsiders: 'residents_only', financingDecided: true, groupOfferOpenToAll: true } });
		expect(r.summary.recordsCovered).toBe(1);
	});
});

describe('ties in the largest-remainder split (issue 11 §5)', () => {
	it('€ 10,00 by pupils over Zaanstad, Haarlem and an Amsterdam pupil: the own share gets the tie cent', () => {
		const r = run({
			preset: 'amsterdam_sjso',
			period: '2026-Q1',
			financingParty: '0363',
			params: { financingForm: 'population', lumpSum: 1_000 },
			rows: [row('T1', '0479'), row('T2', '0392'), row('T3', '0363')],
		});
		// 1000 / 3 = 333⅓ for each party; floors 333 × 3 = 999; one cent left; all three remainders are ⅓ (equal):
		// the own share first (it is not invoiced to anyone), then the lowest code — here nobody else gets one.
		expect(amounts(r)).toEqual({ '0392': 333, '0479': 333, OWN: 334, TOTAL: 1_000 });
		// € 10,01: two cents left → the own share, then Haarlem (0392 < 0479)
		const r2 = run({ preset: 'amsterdam_sjso', period: '2026-Q1', financingParty: '0363', params: { financingForm: 'population', lumpSum: 1_001 }, rows: [row('T1', '0479'), row('T2', '0392'), row('T3', '0363')] });
		expect(amounts(r2)).toEqual({ '0392': 334, '0479': 333, OWN: 334, TOTAL: 1_001 });
		expect(r.statements[0].basis).toContain('bij gelijke rest eerst het eigen aandeel, dan de laagste gemeentecode');
	});
});

describe('refused records under a shared amount (issue 11 §4)', () => {
	const policy = buildPolicy('amsterdam_sjso');
	const period = parsePeriod('2026-Q1', 'period');
	const ctx = { period, financingForm: 'population' as const, allocationKey: 'pupils' as const };
	const base = {
		policy,
		period,
		financingForm: 'population' as const,
		allocationKey: 'pupils' as const,
		lumpSum: 20_000,
		financingParty: { code: '0363', name: 'Amsterdam' },
		pseudonymise: makePseudonymiser(PSEUDONYM_FIXTURE),
	};
	const valid = records([row('H1', '0392')], ctx);
	const refused = [{ index: 1, code: 'unknown_municipality', field: 'woongemeente' }];
	it('stops by default, naming the refused item and the amount', () => {
		expect(() => calculateSettlement(valid, base, refused)).toThrow('1 of 2 delivery records were refused: item 2 (column "woongemeente": unknown_municipality); so the basis for splitting the shared amount of €200.00 is incomplete');
	});
	it('allocating over the valid records marks everything provisional: up to half of € 200,00 may move', () => {
		const r = calculateSettlement(valid, { ...base, refusedRecords: 'allocate_valid' }, refused);
		// 20000 split over 1 valid pupil + 1 refused record (at most one more pupil): 10000 may move
		expect(amounts(r)).toEqual({ '0392': 20_000, OWN: 0, TOTAL: 20_000 });
		expect(r.summary).toMatchObject({ balanced: false, sumsAddUp: true, complete: false, basisComplete: false, affectedCents: 10_000 });
		expect(r.statements[0].basis.startsWith('VOORLOPIG — verdeelbasis onvolledig: 1 van 2 registratie(s) geweigerd')).toBe(true);
		expect(r.ownShare.basis.startsWith('VOORLOPIG')).toBe(true);
	});
	it('by hours the whole amount may move (the refused hours are unknown)', () => {
		const hours = records([row('H1', '0392', { uren: 4 })], { ...ctx, allocationKey: 'hours' });
		const r = calculateSettlement(hours, { ...base, allocationKey: 'hours', refusedRecords: 'allocate_valid' }, refused);
		expect(r.summary.affectedCents).toBe(20_000);
		expect(r.summary.basisNote).toContain('het hele bedrag van € 200,00');
	});
	it('PxQ: nobody else’s amount moves; statements say records are missing, the sums stay balanced', () => {
		const pxqCtx = { period, financingForm: 'pxq' as const, allocationKey: 'pupils' as const, tariffs: { '': 5_000 } };
		const pxq = records([row('H1', '0392', { uren: 2 })], pxqCtx);
		const r = calculateSettlement(pxq, { ...base, financingForm: 'pxq', tariffs: { '': 5_000 } }, refused);
		expect(amounts(r)).toEqual({ '0392': 10_000, OWN: 0, TOTAL: 10_000 });
		expect(r.summary).toMatchObject({ balanced: true, complete: false, basisComplete: true, affectedCents: 0 });
		expect(r.statements[0].basis.startsWith('Let op: 1 van 2 registratie(s) geweigerd')).toBe(true);
	});
});

describe('effort-oriented financing (PxQ)', () => {
	it('Holland Rijnland segment 5 with the region’s choice "pre-finance and settle": hours × tariff per product', () => {
		const r = run({
			preset: 'holland_rijnland_s5',
			edits: { outsiders: 'prefinance_settle' },
			period: '2026-Q1',
			financingParty: 'Leiden',
			params: { financingForm: 'pxq', tariffs: { '': 7_500, GRP: 4_000 } },
			rows: [
				row('R1', '0546', { uren: 10 }), // 10 × 75,00 = 750,00
				row('R2', '0518', { uren: '6,5' }), // Den Haag: 6,5 × 75,00 = 487,50
				row('R2', 'Den Haag', { uren: '2,25', product: 'GRP', arrangement: 'groep' }), // 2,25 × 40,00 = 90,00
				row('R3', '0484', { uren: 3, product: 'GRP' }), // 3 × 40,00 = 120,00
			],
		});
		expect(amounts(r)).toEqual({ '0518': 57_750, OWN: 87_000, TOTAL: 144_750 });
		expect(r.statements[0].lines).toHaveLength(1); // one pupil, two records
		expect(r.statements[0].lines[0]).toMatchObject({ hours: 8.75, records: 2, amountCents: 57_750 });
		expect(r.totalBasis).toBe('Inspanningsgericht (PxQ): 21,75 uur × tarief per product = € 1.447,50');
	});

	it('Holland Rijnland without a choice for pupils from elsewhere is an error naming "outsiders"', () => {
		expect(() => run({ preset: 'holland_rijnland_s5', period: '2026-Q1', financingParty: 'Leiden', params: { financingForm: 'pxq', tariffs: { '': 7_500 } }, rows: [row('R2', '0518', { uren: 1 })] })).toThrow(
			PolicyChoiceRequiredError,
		);
	});

	it('rounds each record half away from zero to a cent', () => {
		const r = run({
			preset: 'custom',
			edits: { participatingMunicipalities: ['0307'], outsiders: 'prefinance_settle' },
			period: '2026-Q1',
			financingParty: '0307',
			params: { financingForm: 'pxq', tariffs: { '': 7_501 } },
			rows: [row('X1', '0344', { uren: '0,5' }), row('X2', '0344', { uren: '1,3333' })],
		});
		// 0,5 × 75,01 = 37,505 → 37,51; 1,3333 × 75,01 = 100,0108 → 100,01
		expect(r.statements[0].lines.map((l) => l.amountCents).sort((a, b) => a - b)).toEqual([3_751, 10_001]);
		expect(amounts(r)).toEqual({ '0344': 13_752, OWN: 0, TOTAL: 13_752 });
	});

	it('uses the cost on each record when told to', () => {
		const r = run({
			preset: 'custom',
			edits: { participatingMunicipalities: ['0307'], outsiders: 'prefinance_settle' },
			period: '2026-Q1',
			financingParty: '0307',
			params: { financingForm: 'pxq', useRecordCost: true },
			rows: [row('X1', '0344', { kosten: '€ 1.234,56' }), row('X2', '0307', { kosten: 100 })],
		});
		expect(amounts(r)).toEqual({ '0344': 123_456, OWN: 10_000, TOTAL: 133_456 });
	});
});

describe('output-oriented financing (fixed price per arrangement)', () => {
	it('custom pre-finance: each record is one arrangement at the product’s fixed price', () => {
		const r = run({
			preset: 'custom',
			edits: { participatingMunicipalities: ['0307'], outsiders: 'prefinance_settle' },
			period: '2026-Q1',
			financingParty: '0307',
			params: { financingForm: 'output', prices: { '': 150_000, OZK: 400_000 } },
			rows: [row('O1', '0307'), row('O2', '0344', { product: 'OZK' }), row('O3', '0344')],
		});
		// own 1.500,00; Utrecht 4.000,00 + 1.500,00 = 5.500,00
		expect(amounts(r)).toEqual({ '0344': 550_000, OWN: 150_000, TOTAL: 700_000 });
		expect(r.statements[0].basis).toBe('Outputgericht (vaste prijs per arrangement): 2 arrangement(en) × vaste prijs per product = € 5.500,00 (zie regels).');
	});

	it('shows the indicative cost of referred pupils without billing it', () => {
		const r = run({
			preset: 'amersfoort_osj',
			period: '2026-Q1',
			financingParty: '0307',
			params: { financingForm: 'output', prices: { '': 150_000 } },
			rows: [row('O1', '0307'), row('O2', '0344')],
		});
		expect(amounts(r)).toEqual({ OWN: 150_000, TOTAL: 150_000 });
		expect(r.referrals[0]).toMatchObject({ municipalityCode: '0344', amountCents: 0, indicativeCents: 150_000 });
		expect(r.summary.referredIndicativeCents).toBe(150_000);
	});
});

describe('statement text in English', () => {
	it('writes the basis in English when asked', () => {
		const r = run({
			preset: 'amsterdam_sjso',
			period: '2026-Q1',
			financingParty: '0363',
			params: { fte: 1, yearlyCostPerFte: 4_000_000, language: 'en' },
			rows: [row('S1', '0363'), row('S3', '0362')], // Amstelveen: from elsewhere (Ouder-Amstel is a member since 2022)
		});
		expect(r.totalBasis).toBe('Function financing (task-oriented): 1 fte × €40,000.00 per fte per year × 3/12 of a year (period 2026-Q1) = €10,000.00');
		expect(r.statements[0].basis).toContain('allocated by pupils served: 1 of 2 pupils = €5,000.00');
	});
});

describe('bad input', () => {
	const period = parsePeriod('2026-Q1', 'period');
	const ctx = { period, financingForm: 'pxq' as const, allocationKey: 'pupils' as const, tariffs: { GRP: 4_000 } };
	const cases: Array<[string, Record<string, unknown>, string, string]> = [
		['unknown municipality code', row('B1', '9999', { uren: 1, product: 'GRP' }), 'woongemeente', 'unknown_municipality'],
		['negative hours', row('B1', '0307', { uren: '-2', product: 'GRP' }), 'uren', 'invalid_number'],
		['a record outside the period', row('B1', '0307', { uren: 1, product: 'GRP', periode: '2026-04-02' }), 'periode', 'outside_period'],
		['a missing tariff for a product', row('B1', '0307', { uren: 1, product: 'IND' }), 'product', 'missing_tariff'],
		['missing hours under PxQ', row('B1', '0307', { product: 'GRP' }), 'uren', 'missing_field'],
		['an unknown arrangement', row('B1', '0307', { uren: 1, product: 'GRP', arrangement: 'weet niet' }), 'arrangement', 'invalid_arrangement'],
		['no pupil reference', { woongemeente: '0307', uren: 1, product: 'GRP' }, 'leerling', 'missing_field'],
		['a malformed period', row('B1', '0307', { uren: 1, product: 'GRP', periode: '2026-Q7' }), 'periode', 'invalid_period'],
	];
	it.each(cases)('%s is an error naming the field', (_what, input, field, code) => {
		let error: unknown;
		try {
			records([input], ctx);
		} catch (e) {
			error = e;
		}
		expect(error).toBeInstanceOf(InvalidFieldError);
		expect((error as InvalidFieldError).field).toBe(field);
		expect((error as InvalidFieldError).code).toBe(code);
		expect((error as Error).message).toContain(`"${field}"`);
		expect((error as InvalidFieldError).hint).toBeTruthy();
	});

	it('never puts a pupil name or BSN in an error', () => {
		for (const pupil of [...SYNTHETIC_PUPIL_NAMES, ...SYNTHETIC_BSNS]) {
			for (const bad of [{ woongemeente: pupil }, { uren: pupil }, { periode: pupil }, { arrangement: pupil }, { product: pupil }]) {
				try {
					records([{ ...row(pupil, '0307', { uren: 1, product: 'GRP' }), ...bad }], ctx);
				} catch (e) {
					assertNoPersonalData((e as Error).message, 'message');
					assertNoPersonalData((e as InvalidFieldError).hint ?? '', 'hint');
				}
			}
		}
	});

	it('flags two records of the same pupil and period with different residence municipalities — all of them', () => {
		const recs = records([row('D1', '0307', { uren: 1, product: 'GRP' }), row('D2', '0344', { uren: 1, product: 'GRP' }), row(' d1 ', '0344', { uren: 2, product: 'GRP' })], ctx);
		const found = findContradictions(recs, DEFAULT_DELIVERY_FIELDS);
		expect([...found.keys()].sort()).toEqual([0, 2]);
		expect(found.get(0)!.field).toBe('woongemeente');
		expect(found.get(0)!.message).toBe('Records for the same pupil and period name different residence municipalities in field "woongemeente" (this record contradicts item 3)');
		expect(found.get(2)!.message).toContain('(this record contradicts item 1)');
		// with the row as the user sees it (Google Sheets row_number: the header is row 1)
		expect(findContradictions(recs, DEFAULT_DELIVERY_FIELDS, (i) => `sheet row ${i + 2}`).get(0)!.message).toContain('(this record contradicts sheet row 4)');
	});

	it('does not flag the same pupil in different periods or with the same municipality', () => {
		const month = { ...ctx, period: parsePeriod('2026-Q1', 'p') };
		const recs = records(
			[row('D1', '0307', { uren: 1, product: 'GRP', periode: '2026-01' }), row('D1', '0344', { uren: 1, product: 'GRP', periode: '2026-02' }), row('D1', '0344', { uren: 1, product: 'GRP', periode: '2026-02' })],
			month,
		);
		expect(findContradictions(recs, DEFAULT_DELIVERY_FIELDS).size).toBe(0);
	});

	it('refuses missing financing parameters naming the parameter', () => {
		const policy = buildPolicy('utrecht_zml');
		const base = { policy, period, allocationKey: 'pupils' as const, financingParty: { code: '0344', name: 'Utrecht' }, pseudonymise: makePseudonymiser(PSEUDONYM_FIXTURE) };
		expect(() => calculateSettlement([], { ...base, financingForm: 'function', yearlyCostPerFte: 100 })).toThrow(expect.objectContaining({ field: 'fte' }));
		expect(() => calculateSettlement([], { ...base, financingForm: 'function', fte: 1 })).toThrow(expect.objectContaining({ field: 'yearlyCostPerFte' }));
		expect(() => calculateSettlement([], { ...base, financingForm: 'population' })).toThrow(expect.objectContaining({ field: 'lumpSum' }));
	});

	it('with nobody served, the whole cost is the own share', () => {
		const policy = buildPolicy('utrecht_zml');
		const r = calculateSettlement([], { policy, period, financingForm: 'population', lumpSum: 5_000, allocationKey: 'pupils', financingParty: { code: '0344', name: 'Utrecht' }, pseudonymise: makePseudonymiser(PSEUDONYM_FIXTURE) });
		expect(r.ownShare.amountCents).toBe(5_000);
		expect(r.summary.balanced).toBe(true);
	});
});

describe('pseudonymous references', () => {
	it('are stable, keyed, and never the reference itself', () => {
		const p = makePseudonymiser(PSEUDONYM_FIXTURE);
		const q = makePseudonymiser('another-key-0123456789');
		expect(p('Noor Testkind')).toMatch(/^P-[A-Z2-7]{12}$/);
		expect(p('Noor Testkind')).toBe(p('  noor   testkind '));
		expect(p('Noor Testkind')).not.toBe(q('Noor Testkind'));
		expect(p('111222333')).not.toContain('111222333');
	});
	it('refuse a short key', () => {
		expect(() => makePseudonymiser('short')).toThrow(/at least 16/);
	});
	it('statements carry pseudonyms only', () => {
		const r = run({ preset: 'amsterdam_sjso', period: '2026-Q1', financingParty: '0363', params: { fte: 1, yearlyCostPerFte: 100_000 }, rows: SYNTHETIC_PUPIL_NAMES.map((n, i) => row(n, i % 2 ? '0437' : '0363')) });
		assertNoPersonalData(r, 'settlement result');
		const r2 = run({ preset: 'amsterdam_sjso', period: '2026-Q1', financingParty: '0363', params: { fte: 1, yearlyCostPerFte: 100_000 }, rows: SYNTHETIC_BSNS.map((n, i) => row(n, i % 2 ? '0437' : '0363')) });
		assertNoPersonalData(r2, 'settlement result');
	});
});

describe('periods', () => {
	it.each([
		['2026-Q1', '2026-Q1'],
		['Q2 2026', '2026-Q2'],
		['2026-K3', '2026-Q3'],
		['2026-03', '2026-03'],
		['3-2026', '2026-03'],
		['2026', '2026'],
		['2026-H2', '2026-H2'],
		['2026-01-01/2026-03-31', '2026-01-01/2026-03-31'],
		['1-1-2026 t/m 31-3-2026', '2026-01-01/2026-03-31'],
		['15-02-2026', '2026-02-15'],
	])('%s → %s', (input, label) => {
		expect(parsePeriod(input, 'p').label).toBe(label);
	});
	it('quarter is exactly 3/12 of a year', () => {
		expect(shareOfYear(parsePeriod('2026-Q4', 'p')).text).toBe('3/12');
		expect(shareOfYear(parsePeriod('2026', 'p')).text).toBe('12/12');
	});
});
