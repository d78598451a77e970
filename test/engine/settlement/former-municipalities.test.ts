/**
 * Cross-Region Settlement and municipalities that no longer exist (issue 11 §3), in the real engine:
 * the legal successor pays, and the statement line shows the municipality the record named.
 * Requires `n8n-node build` (the harness loads dist/).
 */
import type { IDataObject } from 'n8n-workflow';

import { loadWorkflow, runWorkflow } from '../../helpers/engine';
import { assertNoPersonalData } from '../../helpers/privacy';

const fixture = (name: string) => loadWorkflow(`test/engine/settlement/fixtures/${name}.workflow.json`);
const credentials = { pseudonymisationKeyApi: { key: 'engine-test-phrase-0123456789', keyId: '2026-1' } };

/** Holland Rijnland, Leiden pre-finances and settles, PxQ at € 75,00 per hour (the fixture's default tariff). */
const RECORDS: IDataObject[] = [
	{ leerling: 'W1', woongemeente: 'Weesp', arrangement: 'individueel', uren: 4 }, // 30000 → Amsterdam
	{ leerling: 'W2', woongemeente: '0457', arrangement: 'individueel', uren: 2 }, // 15000 → Amsterdam
	{ leerling: 'W2', woongemeente: 'Amsterdam', arrangement: 'individueel', uren: 1 }, // 7500, same pupil and line
	{ leerling: 'A1', woongemeente: '0363', arrangement: 'individueel', uren: 2 }, // 15000 → Amsterdam
	{ leerling: 'L1', woongemeente: 'Leiden', arrangement: 'individueel', uren: 10 }, // 75000 own share
];

describe('Cross-Region Settlement: former municipalities', () => {
	it('bills a Weesp pupil to Amsterdam (the legal successor); the line shows Weesp and the note', async () => {
		const run = await runWorkflow(fixture('calculate.pxq-holland-rijnland'), { input: RECORDS, credentials });
		expect(run.error).toBeUndefined();
		const statements = run.json('Settlement', 0);
		expect(Object.fromEntries(statements.map((s) => [`${s.kind}:${s.municipalityCode}`, s.amountCents]))).toEqual({ 'statement:0363': 67_500, 'own_share:0546': 75_000 });
		const amsterdam = statements.find((s) => s.municipalityCode === '0363')!;
		expect(amsterdam.municipalityName).toBe('Amsterdam');
		const lines = amsterdam.lines as IDataObject[];
		expect(lines).toHaveLength(3);
		const withWeesp = lines.filter((l) => l.originalResidence !== undefined);
		expect(withWeesp.map((l) => [l.residenceCode, l.originalResidence, l.residenceNote, l.amountCents]).sort((a, b) => Number(b[3]) - Number(a[3]))).toEqual([
			['0363', 'Weesp (0457)', 'Weesp (0457) is since 24 March 2022 part of Amsterdam (0363)', 30_000],
			['0363', 'Weesp (0457)', 'Weesp (0457) is since 24 March 2022 part of Amsterdam (0363)', 22_500],
		]);
		const plain = lines.find((l) => l.originalResidence === undefined)!;
		expect(plain).toMatchObject({ residenceCode: '0363', amountCents: 15_000 });
		expect(plain).not.toHaveProperty('residenceNote');
		expect(run.json('Settlement', 2)[0]).toMatchObject({ recordsIn: 5, recordsRejected: 0 });
		assertNoPersonalData(run.output('Settlement'), 'settlement output');
	});

	it('writes the note in Dutch by default', async () => {
		const wf = fixture('calculate.pxq-holland-rijnland');
		delete (wf.nodes[1].parameters.options as Record<string, unknown>).language;
		const run = await runWorkflow(wf, { input: [RECORDS[0]], credentials });
		const [amsterdam] = run.json('Settlement', 0).filter((s) => s.municipalityCode === '0363');
		expect((amsterdam.lines as IDataObject[])[0]).toMatchObject({ originalResidence: 'Weesp (0457)', residenceNote: 'Weesp (0457) is sinds 24 maart 2022 onderdeel van Amsterdam (0363)' });
	});

	it('a pupil of a split municipality is an item error naming the successors, never billed to one of them', async () => {
		const input = [{ leerling: 'H1', school: '12AB', woongemeente: 'Haaren', arrangement: 'individueel', uren: 2 }, { leerling: 'A1', school: '12AB', woongemeente: 'Amstelveen', arrangement: 'individueel', uren: 2 }];
		const run = await runWorkflow(fixture('calculate.bad-input.error-output'), { input, credentials });
		const [statements, , , errors] = run.output('Settlement');
		expect(statements.map((s) => s.json.municipalityCode)).not.toContain('0855');
		expect(errors.map((e) => [(e.json.details as IDataObject).code, e.pairedItem])).toEqual([['split_municipality', { item: 0 }]]);
		expect(errors[0].json.error).toBe(
			'Field "woongemeente" names Haaren (0788), which no longer exists: since 1 January 2021 it is divided over Boxtel (0757), Oisterwijk (0824), Tilburg (0855) and Vught (0865) (item 1)',
		);
		assertNoPersonalData(errors.map((e) => e.json.error));
	});

	it('Reconcile Invoices: an invoice naming a former municipality counts for its successor', async () => {
		const run = await runWorkflow(fixture('reconcile.bad-invoice.continue'), {
			input: [
				{ kind: 'statement', municipalityCode: '0363', municipalityName: 'Amsterdam', period: '2026-Q1', amountCents: 10_000 },
				{ factuurnummer: 'W-1', gemeente: 'Weesp', periode: '2026-Q1', bedrag: '100,00' },
			],
		});
		expect(run.error).toBeUndefined();
		expect(run.json('Reconcile', 1).map((m) => [m.status, m.municipalityCode, m.invoiceNumbers])).toEqual([['matched', '0363', 'W-1']]);
	});

	it('Reconcile Invoices: an invoice naming a split municipality asks to correct the invoice, naming the successors', async () => {
		const run = await runWorkflow(fixture('reconcile.bad-invoice.continue'), {
			input: [
				{ kind: 'statement', municipalityCode: '0855', municipalityName: 'Tilburg', period: '2026-Q1', amountCents: 10_000 },
				{ factuurnummer: 'H-1', gemeente: 'Haaren', periode: '2026-Q1', bedrag: '100,00' },
			],
		});
		expect(run.error).toBeUndefined();
		const errors = run.json('Reconcile', 3);
		expect(errors.map((e) => (e.details as IDataObject).code)).toEqual(['split_municipality']);
		const hint = (errors[0].details as IDataObject).hint;
		expect(hint).toBe(
			'An invoice cannot be matched to a municipality that was split: correct the municipality on the invoice row to the successor that sent it (Boxtel (0757), Oisterwijk (0824), Tilburg (0855) and Vught (0865)).',
		);
		expect(hint).not.toMatch(/pupil/);
	});

	it('Calculate keeps the residence wording for a split municipality', async () => {
		const input = [{ leerling: 'H1', school: '12AB', woongemeente: 'Haaren', arrangement: 'individueel', uren: 2 }];
		const run = await runWorkflow(fixture('calculate.bad-input.error-output'), { input, credentials });
		const errors = run.output('Settlement')[3];
		expect((errors[0].json.details as IDataObject).hint).toMatch(/^Fill in the municipality where the pupil lives now \(one of 0757, 0824, 0855, 0865/);
	});
});
