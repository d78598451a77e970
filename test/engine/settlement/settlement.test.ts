/**
 * The Cross-Region Settlement node in n8n's real engine: fixtures in ./fixtures, one per scenario.
 * Requires `n8n-node build` (the harness loads dist/).
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { loadWorkflow, runOnce, runWorkflow } from '../../helpers/engine';
import { assertNoPersonalData, SYNTHETIC_PUPIL_NAMES } from '../../helpers/privacy';
import { DELIVERIES } from './deliveries';

const fixture = (name: string) => loadWorkflow(`test/engine/settlement/fixtures/${name}.workflow.json`);
const ENGINE_PHRASE = 'engine-test-phrase-0123456789';
const credentials = { pseudonymisationKeyApi: { key: ENGINE_PHRASE, keyId: '2026-1' } };


const BAD: IDataObject[] = [
	{ leerling: 'Julia Demodijk', school: '34CD', woongemeente: '9999', arrangement: 'individueel' }, // 7 unknown municipality
	{ leerling: '111222333', school: '34CD', woongemeente: '0363', arrangement: 'individueel', uren: '-2' }, // 8 negative hours
	{ leerling: 'Julia Demodijk', school: '34CD', woongemeente: '0363', arrangement: 'individueel', periode: '2026-05-01' }, // 9 outside the period
	{ leerling: 'Julia Demodijk', school: '34CD', woongemeente: '0344', arrangement: 'individueel', periode: '2026-02' }, // 10 contradicts 11
	{ leerling: 'julia demodijk', school: '34CD', woongemeente: '0307', arrangement: 'individueel', periode: '2026-02' }, // 11
];

const amountsOf = (items: IDataObject[]) => Object.fromEntries(items.map((i) => [`${i.kind}:${i.municipalityCode}`, i.amountCents]));
const paired = (items: INodeExecutionData[]) => items.map((i) => (Array.isArray(i.pairedItem) ? i.pairedItem : [i.pairedItem]).map((p) => (p as { item: number }).item));

describe('Cross-Region Settlement in the engine: Calculate', () => {
	it('Amsterdam SJSO: statements per paying municipality, own share, summary — to the cent, paired with their records', async () => {
		const run = await runWorkflow(fixture('calculate.amsterdam-sjso'), { input: DELIVERIES, credentials });
		expect(run.error).toBeUndefined();
		const statements = run.json('Settlement', 0);
		expect(amountsOf(statements)).toEqual({ 'statement:0362': 1_285_714, 'statement:0392': 642_857, 'own_share:0363': 2_571_429 });
		expect(statements.reduce((a, s) => a + (s.amountCents as number), 0)).toBe(4_500_000);
		const amstelveen = statements.find((s) => s.municipalityCode === '0362')!;
		expect(amstelveen).toMatchObject({ municipalityName: 'Amstelveen', period: '2026-Q1', periodStart: '2026-01-01', periodEnd: '2026-03-31', pupils: 2, amount: 12857.14, amountText: '€ 12.857,14', pseudonymKeyId: '2026-1' });
		expect((amstelveen.lines as IDataObject[]).map((l) => l.amountCents)).toEqual([642_857, 642_857]);
		for (const l of amstelveen.lines as IDataObject[]) expect(l.pupil).toMatch(/^P-[A-Z2-7]{12}$/);
		expect(paired(run.output('Settlement')[0])).toEqual([[4, 5], [2], [0, 1, 3, 6]]);
		expect(run.json('Settlement', 1)).toEqual([]); // no referrals under SJSO
		const [summary] = run.json('Settlement', 2);
		expect(summary).toMatchObject({ kind: 'summary', recordsIn: 7, recordsSettled: 3, recordsResident: 3, recordsCovered: 1, recordsReferred: 0, recordsRejected: 0, totalCostCents: 4_500_000, billedCents: 1_928_571, ownShareCents: 2_571_429, balanced: true });
		assertNoPersonalData(run.output('Settlement'), 'settlement output');
	});

	it('offers each statement as Dutch spreadsheet rows with a total row equal to its amount (issue 12)', async () => {
		const run = await runWorkflow(fixture('calculate.amsterdam-sjso'), { input: DELIVERIES, credentials });
		for (const st of run.json('Settlement', 0)) {
			const rows = st.sheetRows as IDataObject[];
			expect(st.periodText).toBe('1 januari 2026 t/m 31 maart 2026');
			expect(Object.keys(rows[0])).toEqual(['Periode', 'Betalende gemeente', 'Voorfinancierende gemeente', 'Leerling (pseudoniem)', 'Woongemeente', 'School', 'Arrangement', 'Regel', 'Registraties', 'Uren', 'Berekening', 'Bedrag (€)']);
			expect(rows.map((r) => r['Leerling (pseudoniem)'])).toEqual([...(st.lines as IDataObject[]).map((l) => l.pupil), 'Totaal']);
			const cents = rows.map((r) => Math.round((r['Bedrag (€)'] as number) * 100));
			expect(cents.slice(0, -1).reduce((a, c) => a + c, 0)).toBe(cents[cents.length - 1]);
			expect(cents[cents.length - 1]).toBe(st.amountCents);
			expect(rows[0]['Voorfinancierende gemeente']).toBe('Amsterdam (0363)');
			expect(rows[0]['Betalende gemeente']).toBe(`${st.municipalityName} (${st.municipalityCode})`);
			expect(rows[rows.length - 1].Berekening).toBe(st.basis);
		}
		assertNoPersonalData(run.json('Settlement', 0).map((s) => s.sheetRows), 'statement sheet');
	});

	it('emits flat pupil lines for a spreadsheet, each paired with its own records', async () => {
		const run = await runWorkflow(fixture('calculate.lines-format'), { input: DELIVERIES, credentials });
		const lines = run.json('Settlement', 0);
		expect(lines).toHaveLength(3);
		expect(lines.every((l) => l.kind === 'statement_line' && typeof l.pupil === 'string' && !('lines' in l) && !('sheetRows' in l))).toBe(true);
		expect(lines.reduce((a, l) => a + (l.amountCents as number), 0)).toBe(1_928_571);
		expect(paired(run.output('Settlement')[0]).flat().sort()).toEqual([2, 4, 5]);
		assertNoPersonalData(lines);
	});

	it('emits 150,000 pupil lines of one statement without exceeding the call stack (issue 27: items were spread as call arguments)', async () => {
		// 150,000 pupils of Amstelveen (not a member): € 45.000,00 = 4,500,000 cents over 150,000 pupils is 30 cents each
		const input = Array.from({ length: 150_000 }, (_, i) => ({ leerling: `L-${i}`, school: '34CD', woongemeente: '0362', arrangement: 'individueel', uren: 1 }));
		// runOnce: a volume test, not replayed at every later version by test/engine/versions (the small lines-format test above is)
		const run = await runOnce(fixture('calculate.lines-format'), { input, credentials });
		expect(run.error).toBeUndefined();
		const lines = run.json('Settlement', 0);
		expect(lines).toHaveLength(150_000);
		expect(lines.every((l) => l.municipalityCode === '0362' && l.amountCents === 30)).toBe(true);
	});

	it('PxQ for Holland Rijnland with the region’s choice, tariffs per product, English text, expression in a parameter', async () => {
		const run = await runWorkflow(fixture('calculate.pxq-holland-rijnland'), {
			input: [
				{ leerling: 'R1', woongemeente: 'Leiden', arrangement: 'individueel', uren: 10 },
				{ leerling: 'R2', woongemeente: 'Den Haag', arrangement: 'individueel', uren: '6,5' },
				{ leerling: 'R2', woongemeente: '0518', arrangement: 'groep', uren: '2,25', product: 'GRP' },
				{ leerling: 'R3', woongemeente: '0484', arrangement: 'individueel', uren: 3, product: 'GRP' },
			],
			credentials,
		});
		expect(run.error).toBeUndefined();
		expect(amountsOf(run.json('Settlement', 0))).toEqual({ 'statement:0518': 57_750, 'own_share:0546': 87_000 });
		expect(run.json('Settlement', 0)[0].amountText).toBe('€577.50');
		// the statement sheet follows the Statement Language
		const sheet = run.json('Settlement', 0)[0].sheetRows as IDataObject[];
		expect(sheet[0]).toMatchObject({ 'Paying municipality': "'s-Gravenhage (0518)", 'Basis of calculation': '8.75 hours × tariff per product' });
		expect(sheet[sheet.length - 1]).toMatchObject({ 'Pupil (pseudonym)': 'Total', 'Amount (€)': 577.5 });
		expect(run.json('Settlement', 2)[0].totalBasis).toBe('Effort-oriented (PxQ): 21.75 hours × tariff per product = €1,447.50');
	});

	it('stops on the first bad record with an error naming the field and the item (On Error: stop)', async () => {
		const run = await runWorkflow(fixture('calculate.bad-input.stop'), { input: [...DELIVERIES, ...BAD], credentials });
		expect(run.error?.message).toBe('Field "woongemeente" does not name a known municipality: received "9999" (item 8)');
		expect((run.error as unknown as { context: { itemIndex: number } }).context.itemIndex).toBe(7);
		assertNoPersonalData(run.error?.message);
	});

	it('stops on contradicting records too, naming both items', async () => {
		const run = await runWorkflow(fixture('calculate.bad-input.stop'), { input: [...DELIVERIES, BAD[3], BAD[4]], credentials });
		expect(run.error?.message).toBe('Records for the same pupil and period name different residence municipalities in field "woongemeente" (this record contradicts item 9) (item 8)');
	});

	it('continues with error items that keep their fields; the summary counts every record (On Error: continue)', async () => {
		const run = await runWorkflow(fixture('calculate.bad-input.continue'), { input: [...DELIVERIES, ...BAD], credentials });
		expect(run.error).toBeUndefined();
		const out = run.output('Settlement')[0];
		const errors = out.filter((i) => i.json.error);
		expect(errors.map((e) => [(e.pairedItem as { item: number }).item, (e.json.details as IDataObject).field, (e.json.details as IDataObject).code])).toEqual([
			[7, 'woongemeente', 'unknown_municipality'],
			[8, 'uren', 'invalid_number'],
			[9, 'periode', 'outside_period'],
			[10, 'woongemeente', 'contradicting_records'],
			[11, 'woongemeente', 'contradicting_records'],
		]);
		expect(errors[0].json).toMatchObject({ leerling: 'Julia Demodijk', woongemeente: '9999' }); // the user's own fields are kept on their own item
		for (const e of errors) assertNoPersonalData(e.json.error, 'error message');
		expect(amountsOf(out.filter((i) => !i.json.error).map((i) => i.json))).toEqual({ 'statement:0362': 1_285_714, 'statement:0392': 642_857, 'own_share:0363': 2_571_429 });
		const [summary] = run.json('Settlement', 2);
		expect(summary).toMatchObject({ recordsIn: 12, recordsRejected: 5, recordsSettled: 3, recordsResident: 3, recordsCovered: 1, rejectedByReason: { unknown_municipality: 1, invalid_number: 1, outside_period: 1, contradicting_records: 2 } });
		// the fixture allocates over the valid records: everything says so (issue 11 §4)
		expect(summary).toMatchObject({ status: 'provisional', balanced: false, sumsAddUp: true, basisComplete: false, affectedCents: 1_875_000 });
		expect(paired(run.output('Settlement')[2])[0]).toHaveLength(12);
	});

	it('sends bad records to the error output (On Error: continue using error output)', async () => {
		const run = await runWorkflow(fixture('calculate.bad-input.error-output'), { input: [...DELIVERIES, ...BAD], credentials });
		expect(run.error).toBeUndefined();
		const outputs = run.output('Settlement');
		expect(outputs).toHaveLength(4);
		expect(outputs[0].every((i) => !i.json.error)).toBe(true);
		expect(outputs[0]).toHaveLength(3);
		expect(outputs[3].map((i) => (i.pairedItem as { item: number }).item)).toEqual([7, 8, 9, 10, 11]);
	});

	describe('a refused record must not move money onto others (issue 11 §4)', () => {
		// Amsterdam SJSO, population financing, lump sum € 200,00 by pupils: one Haarlem pupil (settled) and one refused record.
		const haarlem = { leerling: 'Noor Testkind', school: '12AB', woongemeente: '0392', arrangement: 'individueel' };
		it.each([
			['an unknown code', '9999'],
			['a typo', 'Amsterdm'],
		])('with %s, the default stops the settlement: no statement; every record leaves as an error item, the summary says why', async (_what, residence) => {
			// On Error "Continue (using error output)": n8n would pass the input on through the Statements output if the
			// node threw, so the node itself makes no statement and routes every record to the error output.
			const run = await runWorkflow(fixture('calculate.refused-lump-sum.stop'), { input: [{ leerling: 'Sem Voorbeeldink', school: '12AB', woongemeente: residence, arrangement: 'individueel' }, haarlem], credentials });
			expect(run.error).toBeUndefined();
			const outputs = run.output('Settlement');
			expect(outputs[0]).toHaveLength(0);
			expect(outputs[1]).toHaveLength(0);
			expect(outputs[3].map((i) => [(i.pairedItem as { item: number }).item, (i.json.details as IDataObject).code])).toEqual([
				[0, 'unknown_municipality'],
				[1, 'incomplete_basis'],
			]);
			// the refused record by its row, its column and its error (issue 22 §4); the error item names its own row
			const message = '1 of 2 delivery records were refused: item 1 (column "woongemeente": unknown_municipality); so the basis for splitting the shared amount of €200.00 is incomplete: no statement was made';
			expect(outputs[3][1].json.error).toBe(`${message} (item 2)`);
			expect((outputs[3][1].json.details as IDataObject).hint).toMatch(/Refused Records in a Shared Amount/);
			const [summary] = run.json('Settlement', 2);
			expect(summary).toMatchObject({ kind: 'summary', status: 'stopped', stoppedBecause: message, stoppedCode: 'incomplete_basis', recordsIn: 2, recordsRejected: 1, recordsNotSettled: 1, balanced: false, billedCents: 0 });
			for (const e of outputs[3]) assertNoPersonalData(e.json.error, 'error message');
		});
		it.each([
			['an unknown code', '9999'],
			['a typo', 'Amsterdm'],
		])('with %s and "Allocate Over Valid Records", Haarlem gets 20000 cents marked provisional; balanced is false', async (_what, residence) => {
			const run = await runWorkflow(fixture('calculate.refused-lump-sum.allocate-valid'), { input: [{ leerling: 'Sem Voorbeeldink', school: '12AB', woongemeente: residence, arrangement: 'individueel' }, haarlem], credentials });
			expect(run.error).toBeUndefined();
			const outputs = run.output('Settlement');
			expect(outputs[3].map((i) => (i.pairedItem as { item: number }).item)).toEqual([0]);
			const statements = run.json('Settlement', 0);
			expect(amountsOf(statements)).toEqual({ 'statement:0392': 20_000, 'own_share:0363': 0 });
			const note =
				'VOORLOPIG — verdeelbasis onvolledig: 1 van 2 registratie(s) geweigerd (zie de foutmelding per item); tot € 100,00 van € 200,00 kan anders verdeeld worden. Niet factureren: herstel de geweigerde registraties en bereken opnieuw.';
			for (const st of statements) {
				expect(st).toMatchObject({ status: 'provisional', complete: false, basisComplete: false, recordsRejected: 1, affectedCents: 10_000, basisNote: note });
				expect((st.basis as string).startsWith(note)).toBe(true);
				const sheet = st.sheetRows as IDataObject[];
				expect(String(sheet[sheet.length - 1].Berekening).startsWith(note)).toBe(true); // the sheet says it is provisional
			}
			const [summary] = run.json('Settlement', 2);
			expect(summary).toMatchObject({ status: 'provisional', balanced: false, sumsAddUp: true, complete: false, basisComplete: false, recordsRejected: 1, affectedCents: 10_000, affectedText: '€ 100,00', billedCents: 20_000, totalCostCents: 20_000 });
		});
		it('without refused records the same split is final and balanced', async () => {
			const run = await runWorkflow(fixture('calculate.refused-lump-sum.stop'), { input: [haarlem], credentials });
			expect(run.error).toBeUndefined();
			const [summary] = run.json('Settlement', 2);
			expect(summary).toMatchObject({ status: 'final', balanced: true, complete: true, basisComplete: true, affectedCents: 0, basisNote: null });
		});
	});

	it('ties in the largest-remainder split: own share first, then the lowest code (issue 11 §5)', async () => {
		// € 10,00 by pupils over Zaanstad (0479), Haarlem (0392) and an Amsterdam pupil (own share): each exact share is 333⅓ cents.
		const input = [
			{ leerling: 'Finn Nepstra', school: '12AB', woongemeente: '0479', arrangement: 'individueel' },
			{ leerling: 'Emma Synthema', school: '12AB', woongemeente: '0392', arrangement: 'individueel' },
			{ leerling: 'Levi Oefenhuis', school: '12AB', woongemeente: '0363', arrangement: 'individueel' },
		];
		const run = await runWorkflow(fixture('calculate.tie-own-share-first'), { input, credentials });
		expect(run.error).toBeUndefined();
		expect(amountsOf(run.json('Settlement', 0))).toEqual({ 'statement:0392': 333, 'statement:0479': 333, 'own_share:0363': 334 });
	});

	describe('Rotterdam (S4 §4.3): lots (percelen) of the inkoopmodel', () => {
		const input = [
			{ leerling: 'Noor Testkind', school: '12AB', woongemeente: 'Rotterdam', arrangement: 'individueel', product: 'P1' },
			{ leerling: 'Daan Proefleerling', school: '12AB', woongemeente: 'Capelle aan den IJssel', arrangement: 'individueel', product: 'P1' },
			{ leerling: 'Daan Proefleerling', school: '12AB', woongemeente: '0502', arrangement: 'individueel', product: 'P7' },
			{ leerling: 'Sem Voorbeeldink', school: '34CD', woongemeente: 'Schiedam', arrangement: 'individueel', product: 'P1' },
			{ leerling: 'Lotte Fictiefsma', school: '34CD', woongemeente: '0606', arrangement: 'individueel', product: 'P7' },
		];
		it('a budget per lot: P1 € 1.000,00 over 3 pupils, P7 € 500,00 over 2 — Schiedam € 583,33, own share € 916,67', async () => {
			const run = await runWorkflow(fixture('calculate.rotterdam-budget-per-lot'), { input, credentials });
			expect(run.error).toBeUndefined();
			const statements = run.json('Settlement', 0);
			expect(amountsOf(statements)).toEqual({ 'statement:0606': 58_333, 'own_share:0599': 91_667 });
			expect(statements[0].basis).toContain('perceel P1: 1 van 3 leerlingen van € 1.000,00 = € 333,33; perceel P7: 1 van 2 leerlingen van € 500,00 = € 250,00');
			const [summary] = run.json('Settlement', 2);
			expect(summary).toMatchObject({ policy: 'rotterdam_oza', totalCostCents: 150_000, balanced: true, status: 'final' });
		});
		it('lot codes match trimmed and case ignored: "p1 " and " p7 " settle as P1 and P7', async () => {
			const messy = input.map((r, i) => ({ ...r, product: ['p1 ', ' P1', ' p7 ', 'P1', 'p7'][i] }));
			const run = await runWorkflow(fixture('calculate.rotterdam-budget-per-lot'), { input: messy, credentials });
			expect(run.error).toBeUndefined();
			expect(run.output('Settlement')[3] ?? []).toHaveLength(0);
			const statements = run.json('Settlement', 0);
			expect(amountsOf(statements)).toEqual({ 'statement:0606': 58_333, 'own_share:0599': 91_667 });
			expect(statements[0].basis).toContain('perceel P1: 1 van 3 leerlingen van € 1.000,00 = € 333,33; perceel P7: 1 van 2 leerlingen van € 500,00 = € 250,00');
			const [summary] = run.json('Settlement', 2);
			expect(summary).toMatchObject({ totalCostCents: 150_000, balanced: true, status: 'final' });
		});
		it('two lots that differ only in spaces or case are a configuration error naming both', async () => {
			const wf = fixture('calculate.rotterdam-budget-per-lot');
			const settle = wf.nodes.find((n) => n.name === 'Settlement')!;
			(settle.parameters.lotBudgets as { entries: IDataObject[] }).entries.push({ product: 'p1 ', budget: '1,00' });
			const run = await runWorkflow(wf, { input, credentials });
			expect(run.error?.message).toBe('Budget per Lot: the codes "P1" and "p1" are the same code (spaces and letter case are ignored)');
		});
		it('a pupil from elsewhere without a choice, On Error "Continue (using error output)": no statement, every record an error item saying why', async () => {
			const run = await runWorkflow(fixture('calculate.rotterdam-outsider-unchosen.continue'), { input, credentials });
			expect(run.error).toBeUndefined();
			const outputs = run.output('Settlement');
			expect(outputs[0]).toHaveLength(0);
			expect(outputs[3]).toHaveLength(5);
			expect(outputs[3].every((i) => (i.json.details as IDataObject).code === 'policy_choice_required')).toBe(true);
			expect(outputs[3][0].json.error).toMatch(/S4 §4\.3 does not say how pupils living outside Rotterdam/);
			const [summary] = run.json('Settlement', 2);
			expect(summary).toMatchObject({ status: 'stopped', stoppedCode: 'policy_choice_required', recordsNotSettled: 5, billedCents: 0 });
			expect(summary.hint).toMatch(/Pupils Living Elsewhere/);
		});

		it('without "Financing Decided by the Region" the node stops, citing the seed and naming the parameter', async () => {
			const run = await runWorkflow(fixture('calculate.rotterdam-financing-open'), { input, credentials });
			expect(run.error?.message).toMatch(/does not fix the financing of the arrangement \(S4 §4\.3\.3 names an inkoopmodel with seven lots/);
			expect((run.error as unknown as { description: string }).description).toMatch(/Financing Decided by the Region/);
		});
	});

	it('refuses Holland Rijnland without a choice for pupils from elsewhere, explaining the choice', async () => {
		const run = await runWorkflow(fixture('calculate.policy-choice-required'), { input: [{ leerling: 'R2', woongemeente: '0518', arrangement: 'individueel', uren: 1 }], credentials });
		expect(run.error?.message).toMatch(/leaves open how pupils living outside the region are treated/);
		expect((run.error as unknown as { description: string }).description).toMatch(/Pupils Living Elsewhere/);
	});

	it('refuses a short pseudonymisation key', async () => {
		const run = await runWorkflow(fixture('calculate.amsterdam-sjso'), { input: DELIVERIES, credentials: { pseudonymisationKeyApi: { key: 'short' } } });
		expect(run.error?.message).toMatch(/at least 16 characters/);
	});

	it('never lets a synthetic pupil name through, in any output', async () => {
		const run = await runWorkflow(fixture('calculate.amsterdam-sjso'), { input: SYNTHETIC_PUPIL_NAMES.map((n, i) => ({ leerling: n, woongemeente: i % 2 ? '0392' : '0363', arrangement: 'individueel' })), credentials });
		assertNoPersonalData(run.output('Settlement'));
	});
});

describe('Cross-Region Settlement in the engine: Reconcile Invoices', () => {
	it('matches invoices against the statements of the calculation: differs, missing, unexpected, duplicate', async () => {
		const run = await runWorkflow(fixture('reconcile.after-calculate'), { input: DELIVERIES, credentials });
		expect(run.error).toBeUndefined();
		const differences = run.json('Reconcile', 0);
		expect(differences.map((d) => [d.status, d.municipalityCode, d.differenceCents])).toEqual([
			['duplicate_invoice', '0362', null],
			['amount_differs', '0392', -42_857],
			['unexpected_invoice', '0344', 10_000],
		].sort((a, b) => String(a[1]).localeCompare(String(b[1])) || 0));
		expect(differences.find((d) => d.status === 'amount_differs')!.message).toBe('Bedrag wijkt af: gefactureerd € 6.000,00, verwacht € 6.428,57, verschil -€ 428,57.');
		// what to do, in the message language, for a mail to finance staff (issue 12)
		expect(differences.map((d) => [d.status, d.action])).toEqual([
			['unexpected_invoice', 'Ga na of de factuur bij deze verrekening hoort; zo niet, stuur haar terug.'],
			['duplicate_invoice', 'Betaal de factuur één keer en vraag de gemeente de dubbele in te trekken.'],
			['amount_differs', 'Vraag de gemeente om een creditnota of een aanvullende factuur, of herstel de verrekening als die niet klopt.'],
		]);
		const matched = run.json('Reconcile', 1);
		expect(matched.map((m) => [m.status, m.municipalityCode, m.invoiceNumbers])).toEqual([['matched', '0362', 'VF-2026-0001']]);
		const [summary] = run.json('Reconcile', 2);
		expect(summary).toMatchObject({ statements: 2, invoices: 4, matched: 1, amountDiffers: 1, unexpectedInvoice: 1, duplicateInvoice: 1, missingInvoice: 0, ignoredItems: { own_share: 1 }, toleranceCents: 1 });
		// paired items point at the statement and the invoice rows behind each line
		const differs = run.output('Reconcile')[0].find((i) => i.json.status === 'amount_differs')!;
		expect(paired([differs])[0]).toEqual([1, 4]);
	});

	it('Invoices Checked: Sent words each action for the pre-financing municipality that is owed the money (issue 24 \u00a71)', async () => {
		const wf = fixture('reconcile.after-calculate');
		wf.nodes.find((n) => n.name === 'Reconcile')!.parameters.reconcileOptions = { invoiceDirection: 'sent' };
		const run = await runWorkflow(wf, { input: DELIVERIES, credentials });
		expect(run.error).toBeUndefined();
		const differences = run.json('Reconcile', 0);
		// the same lines as with the default (Received); only the reader's actions change: send or withdraw, never pay or ask for an invoice
		expect(differences.map((d) => [d.status, d.action])).toEqual([
			['unexpected_invoice', 'Ga na of deze factuur bij de verrekening hoort; zo niet, trek haar in met een creditnota.'],
			['duplicate_invoice', 'Trek de dubbele factuur in met een creditnota en laat de gemeente weten dat zij het bedrag \u00e9\u00e9n keer betaalt.'],
			['amount_differs', 'Stuur de gemeente een creditnota of een aanvullende factuur voor het verschil, of herstel de verrekening als die niet klopt.'],
		]);
		for (const d of differences) {
			expect(d.direction).toBe('sent');
			expect(String(d.action)).not.toMatch(/Betaal|Vraag de gemeente/);
		}
		expect(differences[0].directionText).toBe('Gecontroleerd zijn de facturen die wij als voorfinancierende gemeente aan de woongemeenten hebben gestuurd: wij krijgen deze bedragen van hen.');
		expect(run.json('Reconcile', 2)[0]).toMatchObject({ direction: 'sent' });
	});

	it('without the option the invoices are the ones received, worded as before', async () => {
		const run = await runWorkflow(fixture('reconcile.after-calculate'), { input: DELIVERIES, credentials });
		const [summary] = run.json('Reconcile', 2);
		expect(summary).toMatchObject({ direction: 'received', directionText: 'Gecontroleerd zijn de facturen die wij van andere gemeenten hebben ontvangen: wij betalen deze bedragen aan hen.' });
	});

	it('a provisional statement (status from Calculate) is reconciled as not final', async () => {
		const run = await runWorkflow(fixture('reconcile.bad-invoice.continue'), {
			input: [
				{ kind: 'statement', municipalityCode: '0392', municipalityName: 'Haarlem', period: '2026-Q1', amountCents: 20_000, status: 'provisional' },
				{ factuurnummer: 'H-1', gemeente: 'Haarlem', periode: '2026-Q1', bedrag: '200,00' },
			],
		});
		const [line] = run.json('Reconcile', 1);
		expect(line).toMatchObject({ status: 'matched', provisional: true });
		expect(line.message).toMatch(/voorlopige berekening/);
		expect(run.json('Reconcile', 2)[0]).toMatchObject({ provisionalStatements: 1 });
	});

	it('bad invoice rows go to the error output, the rest is reconciled', async () => {
		const run = await runWorkflow(fixture('reconcile.bad-invoice.continue'), {
			input: [
				{ kind: 'statement', municipalityCode: '0344', municipalityName: 'Utrecht', period: '2026-Q1', amountCents: 10_000 },
				{ factuurnummer: 'A-1', gemeente: 'Utrecht', periode: '2026-Q1', bedrag: '100,00' },
				{ factuurnummer: 'A-2', gemeente: 'Utrecht', periode: '2026-Q1', bedrag: 'honderd' },
				{ gemeente: 'Utrecht', periode: '2026-Q1', bedrag: '1,00' },
			],
		});
		const outputs = run.output('Reconcile');
		expect(outputs[1].map((i) => i.json.status)).toEqual(['matched']);
		expect(outputs[3].map((i) => [(i.pairedItem as { item: number }).item, (i.json.details as IDataObject).field])).toEqual([
			[2, 'bedrag'],
			[3, 'factuurnummer'],
		]);
		expect(run.json('Reconcile', 2)[0]).toMatchObject({ rejectedItems: 2, itemsIn: 4 });
	});
});

describe('credential test', () => {
	it('accepts a long key and refuses a short one', async () => {
		const { pseudonymisationKeyTest } = await import('../../../nodes/shared/credentialTests');
		const ctx = {} as never;
		expect(await pseudonymisationKeyTest.call(ctx, { id: '1', name: 'k', type: 'pseudonymisationKeyApi', data: { key: ENGINE_PHRASE } })).toEqual({ status: 'OK', message: 'The key can be used for pseudonymous references' });
		expect((await pseudonymisationKeyTest.call(ctx, { id: '1', name: 'k', type: 'pseudonymisationKeyApi', data: { key: 'short' } })).status).toBe('Error');
	});
});
