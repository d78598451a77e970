/**
 * Reconcile Invoices' tolerance per node version (issue 24 §4, units a person expects): *Tolerance (Cents)* up
 * to 1.3, unchanged; *Tolerance* in euros from 1.4, converted to cents exactly. Expected values worked out by
 * hand: expected € 100,00 and invoiced € 101,00 differ by € 1,00 = 100 cents (within a tolerance of € 1,00);
 * € 201,01 against € 200,00 differ by € 1,01 = 101 cents (outside it). Requires `n8n-node build`.
 */
import type { IDataObject } from 'n8n-workflow';

import { loadWorkflow, runWorkflow } from '../../helpers/engine';

/** The fixture with the Reconcile node at `typeVersion` and these parameters. */
function workflow(typeVersion: number, parameters: IDataObject) {
	const wf = loadWorkflow('test/engine/settlement/fixtures/reconcile.tolerance.workflow.json');
	const node = wf.nodes.find((n) => n.name === 'Reconcile')!;
	node.typeVersion = typeVersion;
	node.parameters = { operation: 'reconcile', ...parameters };
	return wf;
}

/** Utrecht: € 1,00 more than expected; Haarlem: € 1,01 more than expected. */
const ONE_EURO_AND_ONE_CENT_OVER: IDataObject[] = [
	{ kind: 'statement', municipalityCode: '0344', municipalityName: 'Utrecht', period: '2026-Q1', amountCents: 10_000 },
	{ kind: 'statement', municipalityCode: '0392', municipalityName: 'Haarlem', period: '2026-Q1', amountCents: 20_000 },
	{ factuurnummer: 'U-1', gemeente: 'Utrecht', periode: '2026-Q1', bedrag: '101,00' },
	{ factuurnummer: 'H-1', gemeente: 'Haarlem', periode: '2026-Q1', bedrag: '201,01' },
];

async function reconcile(typeVersion: number, parameters: IDataObject, input = ONE_EURO_AND_ONE_CENT_OVER) {
	const run = await runWorkflow(workflow(typeVersion, parameters), { input });
	if (run.error) return { error: run.error.message, lines: [], toleranceCents: undefined };
	const lines = [...run.json('Reconcile', 0), ...run.json('Reconcile', 1)]
		.map((l) => [l.municipalityCode, l.status, l.differenceCents])
		.sort((a, b) => String(a[0]).localeCompare(String(b[0])));
	return { error: undefined, lines, toleranceCents: run.json('Reconcile', 2)[0]?.toleranceCents };
}

const ONE_EURO_TOLERATED = [
	['0344', 'matched', 100],
	['0392', 'amount_differs', 101],
];
const NOTHING_TOLERATED = [
	['0344', 'amount_differs', 100],
	['0392', 'amount_differs', 101],
];

describe('Reconcile Invoices: the tolerance per node version', () => {
	it('1.3: Tolerance (Cents) 100 — a difference of € 1,00 matches, € 1,01 does not (unchanged)', async () => {
		expect(await reconcile(1.3, { toleranceCents: 100 })).toEqual({ error: undefined, lines: ONE_EURO_TOLERATED, toleranceCents: 100 });
	});

	it('1.3 reads only Tolerance (Cents): a euro value saved beside it changes nothing', async () => {
		expect(await reconcile(1.3, { toleranceCents: 100, tolerance: 5 })).toEqual({ error: undefined, lines: ONE_EURO_TOLERATED, toleranceCents: 100 });
		expect(await reconcile(1.3, { tolerance: 5 })).toEqual({ error: undefined, lines: NOTHING_TOLERATED, toleranceCents: 0 });
	});

	it('1.4: Tolerance 1.00 (euros) — the same lines as 1.3 with 100 cents', async () => {
		expect(await reconcile(1.4, { tolerance: 1 })).toEqual({ error: undefined, lines: ONE_EURO_TOLERATED, toleranceCents: 100 });
	});

	it('1.4 reads only Tolerance: a cents value saved from an older node is not read', async () => {
		expect(await reconcile(1.4, { toleranceCents: 100 })).toEqual({ error: undefined, lines: NOTHING_TOLERATED, toleranceCents: 0 });
	});

	it('1.4: € 0,29 is exactly 29 cents (no float drift): 29 cents over matches, 30 cents over does not', async () => {
		// 0.29 * 100 is 28.999999999999996 in floating point; truncating it would give 28 and refuse 29 cents
		const input: IDataObject[] = [
			{ kind: 'statement', municipalityCode: '0344', municipalityName: 'Utrecht', period: '2026-Q1', amountCents: 10_000 },
			{ kind: 'statement', municipalityCode: '0392', municipalityName: 'Haarlem', period: '2026-Q1', amountCents: 10_000 },
			{ factuurnummer: 'U-1', gemeente: 'Utrecht', periode: '2026-Q1', bedrag: '100,29' },
			{ factuurnummer: 'H-1', gemeente: 'Haarlem', periode: '2026-Q1', bedrag: '100,30' },
		];
		expect(await reconcile(1.4, { tolerance: 0.29 }, input)).toEqual({
			error: undefined,
			lines: [
				['0344', 'matched', 29],
				['0392', 'amount_differs', 30],
			],
			toleranceCents: 29,
		});
	});

	it('1.4: an expression giving Dutch text ("1,00") is read by the money rules; an emptied field is 0', async () => {
		expect(await reconcile(1.4, { tolerance: '1,00' })).toEqual({ error: undefined, lines: ONE_EURO_TOLERATED, toleranceCents: 100 });
		expect(await reconcile(1.4, { tolerance: null })).toEqual({ error: undefined, lines: NOTHING_TOLERATED, toleranceCents: 0 });
	});

	it('1.4: more than two decimals or a negative tolerance stops the run with a configuration error naming Tolerance', async () => {
		const tooPrecise = await reconcile(1.4, { tolerance: 1.005 });
		expect(tooPrecise.error).toBe('Field "Tolerance" is not a valid amount: the number 1.005 has more than two decimals');
		const negative = await reconcile(1.4, { tolerance: -1 });
		expect(negative.error).toBe('Field "Tolerance" is not a valid amount: it is negative');
	});
});
