/**
 * Issue 21 §2 in the real engine: a region policy's membership and rules are functions of the settlement period
 * (domain/policies/timeline.ts), for Calculate and Reconcile alike. Every amount is worked out by hand in the
 * comments (largest remainder to the cent; a tie goes to the own share first, then the lowest code).
 * Requires `n8n-node build`.
 */
import type { IDataObject } from 'n8n-workflow';

import { loadWorkflow, runWorkflow } from '../../helpers/engine';
import { assertNoPersonalData } from '../../helpers/privacy';

const fixture = (name: string) => loadWorkflow(`test/engine/settlement/fixtures/${name}.workflow.json`);
const credentials = { pseudonymisationKeyApi: { key: 'engine-test-phrase-0123456789', keyId: '2026-1' } };
const amountsOf = (items: IDataObject[]) => Object.fromEntries(items.map((i) => [`${i.kind}:${i.municipalityCode}`, i.amountCents]));
const hintsOf = (r: Awaited<ReturnType<typeof runWorkflow>>) => (r.taskData('Settlement')?.hints ?? []).map((h) => h.message);

/** Amsterdam SJSO, 1 fte × € 80.000 × 3/12 = € 20.000,00 (2.000.000 cents) per quarter, split by pupils. */
const AMSTERDAM = (second: string): IDataObject[] => [
	{ leerling: 'Noor Testkind', school: '12AB', woongemeente: '0363', arrangement: 'individueel' },
	{ leerling: 'Daan Proefleerling', school: '12AB', woongemeente: second, arrangement: 'individueel' },
	{ leerling: 'Sem Voorbeeldink', school: '12AB', woongemeente: '0362', arrangement: 'individueel' },
];

function withPeriod(name: string, period: string, extra: IDataObject = {}) {
	const wf = fixture(name);
	Object.assign(wf.nodes[1].parameters, { period, ...extra });
	return wf;
}

describe('Amsterdam SJSO by date (S4 §4.2.4)', () => {
	it('2022-Q1: a Uithoorn pupil (0451) is a resident — Uithoorn takes part from 1 January 2022 — and is not billed', async () => {
		const run = await runWorkflow(fixture('calculate.amsterdam-2022-q1-uithoorn-member'), { input: AMSTERDAM('0451'), credentials });
		expect(run.error).toBeUndefined();
		// units: own share 2 (Amsterdam, Uithoorn), Amstelveen 1 → own 2.000.000 × 2/3 = 1.333.333,33; Amstelveen 666.666,67
		// floors 1.333.333 + 666.666 = 1.999.999: the cent left goes to the largest remainder (Amstelveen, ,67)
		expect(amountsOf(run.json('Settlement', 0))).toEqual({ 'statement:0362': 666_667, 'own_share:0363': 1_333_333 });
		const [summary] = run.json('Settlement', 2);
		expect(summary).toMatchObject({ recordsResident: 2, recordsSettled: 1, recordsCovered: 0, totalCostCents: 2_000_000, balanced: true });
		const dates = summary.policyDates as IDataObject;
		expect(dates.asOf).toEqual({ from: '2022-01-01', to: '2022-03-31' });
		expect(dates.participatingMunicipalities).toEqual([
			{ code: '0363', source: 'S4 §4.2.4' },
			{ code: '0384', source: 'S4 §4.2.4 "Toekomst"' },
			{ code: '0451', source: 'S4 §4.2.4 "Toekomst"' },
			{ code: '0437', source: 'S4 §4.2.4 "Toekomst"' },
		]);
		// The seed documents the treatment of pupils from elsewhere up to 31 July 2021: said, and the parameter named.
		expect(dates.notices).toEqual([expect.stringMatching(/^S4 §4\.2\.4 documents the treatment of pupils living elsewhere .* only up to 31 July 2021; 2022-01-01 to 2022-03-31 lies outside it\..*"Pupils Living Elsewhere" \(outsiders\)/)]);
		expect(hintsOf(run)).toEqual(dates.notices);
		assertNoPersonalData(run.output('Settlement'), 'settlement output');
	});

	it('confirming the treatment of pupils from elsewhere for the date removes the notice', async () => {
		const run = await runWorkflow(withPeriod('calculate.amsterdam-2022-q1-uithoorn-member', '2022-Q1', { outsiders: 'group_open_individual_settled' }), { input: AMSTERDAM('0451'), credentials });
		expect(((run.json('Settlement', 2)[0].policyDates as IDataObject).notices as string[]).length).toBe(0);
		expect(hintsOf(run)).toEqual([]);
	});

	it('2021-Q2 (general provision, Amsterdam and Diemen): the Uithoorn pupil is from elsewhere and settled', async () => {
		const run = await runWorkflow(withPeriod('calculate.amsterdam-2022-q1-uithoorn-member', '2021-Q2'), { input: AMSTERDAM('0451'), credentials });
		expect(run.error).toBeUndefined();
		// units 1 each: 2.000.000 / 3 = 666.666,67 → floors 666.666 × 3 = 1.999.998; two cents on equal remainders:
		// the own share first, then the lowest code (0362 before 0451)
		expect(amountsOf(run.json('Settlement', 0))).toEqual({ 'statement:0362': 666_667, 'statement:0451': 666_666, 'own_share:0363': 666_667 });
		expect((run.json('Settlement', 2)[0].policyDates as IDataObject).notices).toEqual([]);
	});

	it('2021-Q4 (the new agreement is for Amsterdam alone until 2022): a Diemen pupil is from elsewhere too', async () => {
		const run = await runWorkflow(withPeriod('calculate.amsterdam-2022-q1-uithoorn-member', '2021-Q4'), { input: [...AMSTERDAM('0384').slice(0, 2), { leerling: 'Sem Voorbeeldink', school: '12AB', woongemeente: 'Uithoorn', arrangement: 'individueel' }], credentials });
		// units 1 each (Amsterdam own share, Diemen, Uithoorn): own 666.667, then the lowest code 0384 666.667, 0451 666.666
		expect(amountsOf(run.json('Settlement', 0))).toEqual({ 'statement:0384': 666_667, 'statement:0451': 666_666, 'own_share:0363': 666_667 });
		expect(((run.json('Settlement', 2)[0].policyDates as IDataObject).participatingMunicipalities as IDataObject[]).map((m) => m.code)).toEqual(['0363']);
	});

	it('a period across a change (2021-Q3: Diemen leaves and SJSO becomes an individual provision on 1 August) is refused: split it', async () => {
		const run = await runWorkflow(withPeriod('calculate.amsterdam-2022-q1-uithoorn-member', '2021-Q3'), { input: AMSTERDAM('0451'), credentials });
		expect(run.error?.message).toBe(
			'The region policy "Amsterdam en Diemen — specialistische jeugdhulp in het speciaal onderwijs (SJSO)" changes on 1 August 2021, inside the period 2021-07-01 to 2021-09-30: its membership or rules differ before and after',
		);
		expect(run.error?.description).toBe('Split the period at 2021-08-01: apply the policy to 2021-07-01–2021-07-31 and to 2021-08-01–2021-09-30 separately (for a settlement: two runs).');
	});
});

describe('Rotterdam: Brielle merged into Voorne aan Zee (with Hellevoetsluis and Westvoorne) on 1 January 2023', () => {
	/** PxQ € 80,00 per hour, one hour each (8.000 cents), pre-finance and settle. */
	const RECORDS: IDataObject[] = [
		{ leerling: 'Noor Testkind', school: '12AB', woongemeente: 'Rotterdam', arrangement: 'individueel', uren: 2 },
		{ leerling: 'Daan Proefleerling', school: '12AB', woongemeente: 'Brielle', arrangement: 'individueel', uren: 1 },
		{ leerling: 'Sem Voorbeeldink', school: '12AB', woongemeente: 'Hellevoetsluis', arrangement: 'individueel', uren: 1 },
		{ leerling: 'Lotte Fictiefsma', school: '12AB', woongemeente: 'Voorne aan Zee', arrangement: 'individueel', uren: 1 },
		{ leerling: 'Finn Nepstra', school: '12AB', woongemeente: '0606', arrangement: 'individueel', uren: 1 },
	];

	it('from 2023 the merger does not widen the membership by itself: the node stops and asks, naming the parameter', async () => {
		const run = await runWorkflow(fixture('calculate.rotterdam-merged-member'), { input: RECORDS, credentials });
		expect(run.error?.message).toBe(
			'The region policy "Rotterdam — onderwijs-zorgarrangementen (zorgonderwijsspecialist met mandaat)" names Brielle (0501), which since 1 January 2023 is part of Voorne aan Zee (1992); Voorne aan Zee also covers Hellevoetsluis (0530) and Westvoorne (0614). A merger does not widen the membership by itself',
		);
		expect(run.error?.description).toMatch(/^Choose under "Members Changed by a Merger" \(mergedMembers\)/);
	});

	it('"Whole Successor": every Voorne aan Zee pupil is a resident; only Schiedam is billed', async () => {
		const run = await runWorkflow(withPeriod('calculate.rotterdam-merged-member', '2023-Q1', { mergedMembers: 'successor' }), { input: RECORDS, credentials });
		expect(run.error).toBeUndefined();
		// own share: Rotterdam 2 h + Brielle, Hellevoetsluis, Voorne aan Zee 1 h each = 5 h × 8.000 = 40.000; Schiedam 1 h = 8.000
		expect(amountsOf(run.json('Settlement', 0))).toEqual({ 'statement:0606': 8_000, 'own_share:0599': 40_000 });
		expect((run.json('Settlement', 2)[0].policyDates as IDataObject).mergedMembers).toEqual([
			{ former: { code: '0501', name: 'Brielle' }, ended: '2023-01-01', successor: { code: '1992', name: 'Voorne aan Zee' }, alsoCovers: [{ code: '0530', name: 'Hellevoetsluis' }, { code: '0614', name: 'Westvoorne' }], applied: 'successor' },
		]);
	});

	it('"Former Area Only": only the pupil recorded with Brielle is a resident; Hellevoetsluis and Voorne aan Zee are billed to Voorne aan Zee', async () => {
		const run = await runWorkflow(withPeriod('calculate.rotterdam-merged-member', '2023-Q1', { mergedMembers: 'formerArea' }), { input: RECORDS, credentials });
		// own share: Rotterdam 2 h + Brielle 1 h = 24.000; Voorne aan Zee (Hellevoetsluis, Voorne aan Zee) 2 × 8.000 = 16.000; Schiedam 8.000
		expect(amountsOf(run.json('Settlement', 0))).toEqual({ 'statement:0606': 8_000, 'statement:1992': 16_000, 'own_share:0599': 24_000 });
	});

	it('before the merger (2022-Q4) Brielle is the member, nothing is asked: a Hellevoetsluis pupil is billed to its successor', async () => {
		const run = await runWorkflow(withPeriod('calculate.rotterdam-merged-member', '2022-Q4'), { input: RECORDS, credentials });
		expect(run.error).toBeUndefined();
		expect(amountsOf(run.json('Settlement', 0))).toEqual({ 'statement:0606': 8_000, 'statement:1992': 16_000, 'own_share:0599': 24_000 });
		expect(((run.json('Settlement', 2)[0].policyDates as IDataObject).participatingMunicipalities as IDataObject[]).map((m) => m.code)).toContain('0501');
	});
});

describe('Holland Rijnland: Voorschoten joined the youth-care region on 1 January 2024 (sbjh.nl, 22 March 2023)', () => {
	/** PxQ € 75,00 per hour, 2 hours each (15.000 cents), pre-finance and settle, Leiden pre-finances. */
	const RECORDS: IDataObject[] = [
		{ leerling: 'Noor Testkind', school: '12AB', woongemeente: 'Leiden', arrangement: 'individueel', uren: 2 },
		{ leerling: 'Daan Proefleerling', school: '12AB', woongemeente: 'Voorschoten', arrangement: 'individueel', uren: 2 },
	];

	it('2023-Q4: Voorschoten is from elsewhere and billed € 150,00', async () => {
		const run = await runWorkflow(fixture('calculate.holland-rijnland-voorschoten'), { input: RECORDS, credentials });
		expect(run.error).toBeUndefined();
		expect(amountsOf(run.json('Settlement', 0))).toEqual({ 'statement:0626': 15_000, 'own_share:0546': 15_000 });
	});

	it('2024-Q1: Voorschoten takes part, nobody is billed', async () => {
		const run = await runWorkflow(withPeriod('calculate.holland-rijnland-voorschoten', '2024-Q1'), { input: RECORDS, credentials });
		expect(amountsOf(run.json('Settlement', 0))).toEqual({ 'own_share:0546': 30_000 });
		expect((run.json('Settlement', 2)[0].policyDates as IDataObject).notices).toEqual([]);
	});

	it('2027-Q1: past what S1 documents (to 31 December 2026) and past the registry’s date, both said', async () => {
		const run = await runWorkflow(withPeriod('calculate.holland-rijnland-voorschoten', '2027-Q1'), { input: RECORDS, credentials });
		expect(amountsOf(run.json('Settlement', 0))).toEqual({ 'own_share:0546': 30_000 });
		const notices = (run.json('Settlement', 2)[0].policyDates as IDataObject).notices as string[];
		expect(notices).toEqual([
			expect.stringMatching(/^S1 inputdoel 1 \(1 September 2021 to 31 December 2026\) documents segment 5 .* only from 1 September 2021 to 31 December 2026; 2027-01-01 to 2027-03-31 lies outside it\..*"Participating Municipalities" \(participatingMunicipalities\)/),
			expect.stringMatching(/^The municipality registry is complete up to 31 December 2026; 2027-03-31 lies after it/),
		]);
		expect(hintsOf(run)).toEqual(notices);
	});
});

describe('Reconcile Invoices uses the same dated memberships', () => {
	it('an invoice of Uithoorn for 2022-Q1 under Amsterdam SJSO is unexpected, and the line says Uithoorn took part then', async () => {
		const run = await runWorkflow(fixture('reconcile.member-invoice'), { input: AMSTERDAM('0451'), credentials });
		expect(run.error).toBeUndefined();
		const differences = run.json('Reconcile', 0);
		expect(differences.map((d) => [d.status, d.municipalityCode, d.participatingMunicipality])).toEqual([['unexpected_invoice', '0451', true]]);
		expect(differences[0].message).toMatch(
			/ Let op: Uithoorn nam in deze periode deel aan "Amsterdam en Diemen — specialistische jeugdhulp in het speciaal onderwijs \(SJSO\)"; leerlingen die daar wonen worden niet verrekend als leerlingen van elders\.$/,
		);
		expect(run.json('Reconcile', 1).map((m) => [m.status, m.municipalityCode, m.participatingMunicipality])).toEqual([['matched', '0362', false]]);
	});
});
