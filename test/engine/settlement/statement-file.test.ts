/**
 * Cross-Region Settlement node version 1.3 in n8n's real engine (issue 24 §2): each statement item carries its
 * statement as an xlsx file (binary `data`) and the words that say what the document is; version 1.2, the same
 * workflow, is unchanged. Requires `n8n-node build` (the harness loads dist/).
 *
 * Amounts by hand (as settlement.test.ts): Amsterdam SJSO 2026-Q1, 2 fte × € 90.000 × 3/12 = € 45.000,00
 * over 7 pupils; Amstelveen 2 pupils = € 12.857,14 (€ 6.428,57 each), Haarlem 1 = € 6.428,57, Amsterdam's own
 * share 4 = € 25.714,29.
 */
import ExcelJS from 'exceljs';
import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { loadWorkflow, runWorkflow, type WorkflowJson } from '../../helpers/engine';
import { assertNoPersonalData } from '../../helpers/privacy';
import { DELIVERIES } from './deliveries';

const credentials = { pseudonymisationKeyApi: { key: 'engine-test-phrase-0123456789', keyId: '2026-1' } };

/** The Amsterdam SJSO fixture at a node version, with extra parameters. */
function atVersion(typeVersion: number, parameters: INodeParameters = {}): WorkflowJson {
	const wf = loadWorkflow('test/engine/settlement/fixtures/calculate.amsterdam-sjso.workflow.json');
	for (const n of wf.nodes) {
		if (n.name === 'Settlement') {
			n.typeVersion = typeVersion;
			n.parameters = { ...n.parameters, ...parameters };
		}
	}
	return wf;
}

async function sheetOf(item: INodeExecutionData, field = 'data'): Promise<ExcelJS.Worksheet> {
	const binary = item.binary?.[field];
	expect(binary).toBeDefined();
	const wb = new ExcelJS.Workbook();
	await wb.xlsx.load(Buffer.from(binary!.data, 'base64') as unknown as ArrayBuffer);
	return wb.worksheets[0];
}

describe('Cross-Region Settlement 1.3: the statement file', () => {
	it('attaches one xlsx per statement, named for kind, municipality and period, with the amount as its total', async () => {
		const run = await runWorkflow(atVersion(1.3), { input: DELIVERIES, credentials });
		expect(run.error).toBeUndefined();
		const items = run.output('Settlement')[0];
		expect(items.map((i) => [i.json.municipalityCode, i.binary?.data?.fileName, i.binary?.data?.mimeType])).toEqual([
			['0362', 'verrekening-0362-2026-Q1.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
			['0392', 'verrekening-0392-2026-Q1.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
			['0363', 'eigen-aandeel-0363-2026-Q1.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
		]);
		expect(items.map((i) => i.json.fileName)).toEqual(['verrekening-0362-2026-Q1.xlsx', 'verrekening-0392-2026-Q1.xlsx', 'eigen-aandeel-0363-2026-Q1.xlsx']);

		const amstelveen = await sheetOf(items[0]);
		expect(amstelveen.getCell('A1').value).toBe('Verrekening jeugdhulp');
		expect(amstelveen.getCell('B3').value).toBe('Amstelveen (0362)');
		expect(amstelveen.getCell('B4').value).toBe('Amsterdam (0363)');
		expect(amstelveen.getCell('A5').value).toBe('Te betalen bedrag');
		// rows: 1 title, 2–7 block, 8 empty, 9 header, 10–11 the two pupils, 12 total
		expect(amstelveen.views[0]).toMatchObject({ state: 'frozen', ySplit: 9 });
		expect([10, 11].map((r) => amstelveen.getCell(`L${r}`).value)).toEqual([6428.57, 6428.57]);
		expect(amstelveen.getCell('L12').value).toEqual({ formula: 'SUM(L10:L11)', result: 12857.14 });

		const own = await sheetOf(items[2]);
		expect(own.getCell('A1').value).toBe('Eigen aandeel — ter informatie, geen factuur');
		expect(own.getCell('B5').value).toEqual({ formula: 'L14', result: 25714.29 });
		assertNoPersonalData(items.map((i) => i.json), 'statement items');
	});

	it('says on each item what the document is: only a statement to another municipality asks for payment', async () => {
		const run = await runWorkflow(atVersion(1.3), { input: DELIVERIES, credentials });
		expect(run.json('Settlement', 0).map((s) => [s.kind, s.documentTitle, s.amountLabel, s.isInvoice])).toEqual([
			['statement', 'Verrekening jeugdhulp', 'Te betalen bedrag', true],
			['statement', 'Verrekening jeugdhulp', 'Te betalen bedrag', true],
			['own_share', 'Eigen aandeel — ter informatie, geen factuur', 'Eigen aandeel (ter informatie)', false],
		]);
	});

	it('puts the file in another field, or attaches none when switched off (the words stay)', async () => {
		const named = await runWorkflow(atVersion(1.3, { statementFileField: 'verrekening' }), { input: DELIVERIES, credentials });
		expect(named.output('Settlement')[0].map((i) => Object.keys(i.binary ?? {}))).toEqual([['verrekening'], ['verrekening'], ['verrekening']]);
		const off = await runWorkflow(atVersion(1.3, { attachStatementFile: false }), { input: DELIVERIES, credentials });
		expect(off.output('Settlement')[0].map((i) => i.binary)).toEqual([undefined, undefined, undefined]);
		expect(off.json('Settlement', 0).map((s) => s.amountLabel)).toEqual(['Te betalen bedrag', 'Te betalen bedrag', 'Eigen aandeel (ter informatie)']);
	});

	it('attaches no file to line items (Output Format "One Item per Pupil Line")', async () => {
		const run = await runWorkflow(atVersion(1.3, { options: { outputFormat: 'lines' } }), { input: DELIVERIES, credentials });
		const items = run.output('Settlement')[0];
		expect(items.length).toBe(7);
		expect(items.every((i) => i.binary === undefined)).toBe(true);
	});

	it('version 1.2 (a saved workflow) is unchanged: no file, no new fields', async () => {
		const run = await runWorkflow(atVersion(1.2), { input: DELIVERIES, credentials });
		const items = run.output('Settlement')[0];
		expect(items.map((i) => i.binary)).toEqual([undefined, undefined, undefined]);
		for (const i of items) {
			expect(i.json).not.toHaveProperty('documentTitle');
			expect(i.json).not.toHaveProperty('amountLabel');
			expect(i.json).not.toHaveProperty('fileName');
		}
		expect(run.json('Settlement', 0).map((s) => s.amountCents)).toEqual([1_285_714, 642_857, 2_571_429]);
	});
});
