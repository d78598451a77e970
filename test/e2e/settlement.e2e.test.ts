/**
 * Cross-Region Settlement in a real n8n: the two example workflows run from their Manual Trigger
 * (`n8n execute`) on the sample data (sample-data/deliveries.xlsx, invoices.xlsx, finance-contacts.csv).
 *
 * - workflows/settlement-quarterly.json: one statement per paying municipality, its xlsx made by the node
 *   (version 1.3), e-mailed to each municipality's finance contact. Asserted: the statements' totals
 *   (hand-computed in scripts/sample-data/settlement.js), the e-mails received (recipients, subjects, Dutch text
 *   and HTML, attachments), the attached spreadsheet opened with exceljs (Dutch headers, period and both
 *   municipalities on every row, pseudonymous pupil lines, a total row equal to the mail's amount, issue 12; a
 *   title block, euro format, frozen bold header and SUM total, issue 24) and opened in LibreOffice Calc,
 *   converted to PDF: its text (amounts with € and two decimals, nothing cut off, the title block) and a
 *   picture of its first page in test/e2e/__screenshots__/. Amsterdam's own share is mailed as information.
 * - workflows/settlement-reconcile.json: invoices reconciled, one e-mail with the differences.
 *
 * The workflows use the runtime's own pseudonymisation-key credential (`pseudonymisation-local`). The
 * runtime made the sample data for its day: deliveries and invoices in the quarter the examples settle on
 * that day (manifest.json `settledQuarter`); the test fixes the period to that quarter, so a run that
 * crosses midnight into another quarter still settles the sample's own. The period in words comes from a
 * hand-written table, not from the code under test.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import ExcelJS from 'exceljs';

import { formatEuro } from '../../domain/money';
import { nodeItems, runError, startRuntime, type E2ERuntime, type Mail } from './runtime';
import { assertNoPersonalData } from '../helpers/privacy';
import { convertWithLibreOffice, drawFirstPage } from './support/libreoffice';

const QUARTERLY = 'jhSettlementQ001';
const RECONCILE = 'jhSettlementR001';
/** The quarter the runtime's sample data holds (set in beforeAll from its manifest.json), e.g. `2026-Q3`. */
let PERIOD = '';
/** That quarter in words, as the mails and the statement write it: `1 juli 2026 t/m 30 september 2026`. */
let WORDS = '';
/** The quarter's first and last day as ISO dates, which the mails must not show. */
let ISO_ENDS: string[] = [];
const QUARTER_WORDS = ['1 januari Y t/m 31 maart Y', '1 april Y t/m 30 juni Y', '1 juli Y t/m 30 september Y', '1 oktober Y t/m 31 december Y'];
const QUARTER_ENDS = ['Y-01-01|Y-03-31', 'Y-04-01|Y-06-30', 'Y-07-01|Y-09-30', 'Y-10-01|Y-12-31'];

let rt: E2ERuntime;

async function prepare(workflowId: string): Promise<void> {
	const wf = await rt.rest('GET', `/workflows/${workflowId}`);
	for (const n of wf.nodes) {
		if (n.type === 'n8n-nodes-jeugdhulp-onderwijs.crossRegionSettlement') {
			if (n.parameters.operation === 'reconcile') continue;
			n.parameters.period = PERIOD;
			// Calculate pseudonymises with the runtime's own key credential, imported with the workflows
			expect(n.credentials?.pseudonymisationKeyApi?.id).toBe('pseudonymisation-local');
		}
	}
	await rt.rest('PATCH', `/workflows/${workflowId}`, { name: wf.name, nodes: wf.nodes, connections: wf.connections, settings: wf.settings, versionId: wf.versionId });
}

beforeAll(async () => {
	rt = await startRuntime();
	PERIOD = (JSON.parse(fs.readFileSync(path.join(rt.dataDir, 'sample-data', 'manifest.json'), 'utf8')) as { settledQuarter: string }).settledQuarter;
	const [year, quarter] = [PERIOD.slice(0, 4), Number(PERIOD.slice(6))];
	WORDS = QUARTER_WORDS[quarter - 1].replace(/Y/g, year);
	ISO_ENDS = QUARTER_ENDS[quarter - 1].replace(/Y/g, year).split('|');
	await prepare(QUARTERLY);
	await prepare(RECONCILE);
});

afterAll(async () => {
	await rt?.stop();
});

/**
 * Attachments as maildev 3 reports them: `filename` (as sent) and `generatedFileName` (as stored).
 * Read directly, because the runtime's `mails()` maps `fileName`, which maildev 3 no longer has.
 */
async function attachmentsOf(mail: Mail): Promise<Array<{ filename: string; generatedFileName: string; contentType: string }>> {
	const r = await fetch(`${rt.urls.inbox}/api/email/${mail.id}`);
	expect(r.ok).toBe(true);
	return ((await r.json()) as { attachments?: Array<{ filename: string; generatedFileName: string; contentType: string }> }).attachments ?? [];
}

async function attachmentBytes(mail: Mail, generatedFileName: string): Promise<Buffer> {
	const r = await fetch(`${rt.urls.inbox}/api/email/${mail.id}/attachment/${encodeURIComponent(generatedFileName)}`);
	expect(r.ok).toBe(true);
	return Buffer.from(await r.arrayBuffer());
}

async function openSheet(bytes: Buffer): Promise<ExcelJS.Worksheet> {
	const wb = new ExcelJS.Workbook();
	await wb.xlsx.load(bytes as unknown as ArrayBuffer);
	return wb.worksheets[0];
}

/**
 * The statement's table as records (header → text): the header is the last frozen row (under the title block),
 * the records run to the row "Totaal" included.
 */
function tableOf(ws: ExcelJS.Worksheet): Array<Record<string, unknown>> {
	const headerRow = (ws.views[0] as { ySplit?: number }).ySplit ?? 1;
	const header: string[] = [];
	ws.getRow(headerRow).eachCell({ includeEmpty: true }, (cell, col) => (header[col] = cell.text));
	const rows: Array<Record<string, unknown>> = [];
	for (let n = headerRow + 1; n <= ws.rowCount; n++) {
		const record: Record<string, unknown> = {};
		ws.getRow(n).eachCell({ includeEmpty: true }, (cell, col) => {
			if (header[col]) record[header[col]] = cell.text;
		});
		rows.push(record);
		if (record['Leerling (pseudoniem)'] === 'Totaal') break;
	}
	return rows;
}

describe('settlement example workflows in the real runtime', () => {
	it('quarterly: one statement per paying municipality, to the cent, e-mailed with an xlsx of pseudonymous lines', async () => {
		expect(rt.workflows.map((w) => w.id)).toEqual(expect.arrayContaining([QUARTERLY, RECONCILE]));
		await rt.clearMails();
		const result = await rt.executeWorkflow(QUARTERLY);
		expect(runError(result)).toBeUndefined();
		expect(result.exitCode).toBe(0);

		// 3 fte × € 92.000 × 3/12 = € 69.000,00 over 30 pupils: € 2.300,00 per pupil
		const statements = nodeItems(result, 'Cross-Region Settlement', 0);
		expect(statements.map((s) => [s.kind, s.municipalityCode, s.pupils, s.amountCents])).toEqual([
			['statement', '0358', 3, 690_000],
			['statement', '0362', 4, 920_000],
			['statement', '0394', 2, 460_000],
			['statement', '0479', 2, 460_000],
			['own_share', '0363', 19, 4_370_000],
		]);
		expect(statements.reduce((a, s) => a + (s.amountCents as number), 0)).toBe(6_900_000);
		const [summary] = nodeItems(result, 'Cross-Region Settlement', 2);
		expect(summary).toMatchObject({ recordsIn: 40, recordsRejected: 0, totalCostCents: 6_900_000, balanced: true });
		assertNoPersonalData(statements);

		const mails = await rt.mails();
		expect(mails.map((m) => m.to[0]).sort()).toEqual([
			'financien.jeugd@aalsmeer.example',
			'financien.jeugd@amstelveen.example',
			'financien.jeugd@amsterdam.example',
			'financien.jeugd@haarlemmermeer.example',
			'financien.jeugd@zaanstad.example',
		]);
		const amstelveen = mails.find((m) => m.to[0] === 'financien.jeugd@amstelveen.example')!;
		expect(amstelveen.subject).toBe(`Verrekening jeugdhulp SJSO ${PERIOD} – Amstelveen – € 9.200,00`);
		// Dutch, in text and HTML: the period in words, the amount, what is attached and how to check it, a real signature
		for (const body of [amstelveen.text ?? '', amstelveen.html ?? '']) {
			expect(body).toContain(WORDS);
			expect(body).toContain('Aantal leerlingen');
			expect(body).toContain(`verrekening-0362-${PERIOD}.xlsx`);
			expect(body).toMatch(/Bedrag \(€\)(<\/em>|')? telt op tot de regel (<em>)?Totaal/);
			expect(body).toContain('Afdeling Financiën Jeugd');
			expect(body).toContain('Gemeente Amsterdam (voorfinancierende gemeente SJSO)');
			expect(body).not.toMatch(new RegExp(`${ISO_ENDS.join('|')}|sent automatically with`));
		}
		expect(amstelveen.html).toContain('<strong>€ 9.200,00</strong>');
		expect(amstelveen.text).toContain(`Functiebekostiging (taakgericht): 3 fte × € 92.000,00 per fte per jaar × 3/12 jaar (periode ${PERIOD}) = € 69.000,00`);
		const mailAmount = /Te betalen bedrag: (€ [\d.]+,\d\d)/.exec(amstelveen.text ?? '')?.[1];
		expect(mailAmount).toBe('€ 9.200,00');
		const files = await attachmentsOf(amstelveen);
		expect(files.map((a) => a.filename)).toEqual([`verrekening-0362-${PERIOD}.xlsx`]);
		const xlsx = await attachmentBytes(amstelveen, files[0].generatedFileName);
		const sheet = await openSheet(xlsx);
		const rows = tableOf(sheet);
		// the sheet on its own: Dutch headers, period, paying and pre-financing municipality on every row, a total row
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
		expect(rows).toHaveLength(5);
		for (const r of rows) {
			expect(r.Periode).toBe(`${WORDS} (${PERIOD})`);
			expect(r['Betalende gemeente']).toBe('Amstelveen (0362)');
			expect(r['Voorfinancierende gemeente']).toBe('Amsterdam (0363)');
		}
		const lines = rows.slice(0, -1);
		const total = rows[rows.length - 1];
		expect(total['Leerling (pseudoniem)']).toBe('Totaal');
		expect(String(total.Berekening)).toMatch(/^Functiebekostiging \(taakgericht\): € 69\.000,00 verdeeld naar rato van het aantal leerlingen: 4 van 30 leerlingen = € 9\.200,00/);
		const cents = (r: Record<string, unknown>) => Math.round(Number(r['Bedrag (€)']) * 100);
		expect(lines.reduce((a, l) => a + cents(l), 0)).toBe(cents(total));
		expect(formatEuro(cents(total), 'nl')).toBe(mailAmount); // total row = the amount in the mail, to the cent
		for (const l of lines) {
			expect(String(l['Leerling (pseudoniem)'])).toMatch(/^P-[A-Z2-7]{12}$/);
			expect(String(l.Regel)).toMatch(/^POL-[A-Z-]+: /);
		}
		expect(rows.some((l) => /LL-\d{4}/.test(JSON.stringify(l)))).toBe(false); // the school's own pupil numbers never leave
		assertNoPersonalData(rows, 'statement sheet');
		for (const m of mails) assertNoPersonalData(`${m.subject}\n${m.text}\n${m.html}`);

		// the sheet finance staff accept (issue 24 §2): title block, euro format on numbers, frozen bold header, SUM total
		expect(sheet.getCell('A1').value).toBe('Verrekening jeugdhulp');
		expect(sheet.getCell('A5').value).toBe('Te betalen bedrag');
		const header = (sheet.views[0] as { ySplit: number }).ySplit;
		expect(sheet.views[0]).toMatchObject({ state: 'frozen' });
		expect(sheet.getRow(header).getCell('L').font.bold).toBe(true);
		const totalRow = header + rows.length;
		expect(sheet.getCell(`L${totalRow}`).value).toEqual({ formula: `SUM(L${header + 1}:L${totalRow - 1})`, result: 9200 });
		expect(sheet.getCell(`L${header + 1}`).numFmt).toBe('[$€-413] #,##0.00;[$€-413] -#,##0.00');
		expect(sheet.pageSetup).toMatchObject({ orientation: 'landscape', fitToWidth: 1 });

		// Amsterdam's own share: information, not a bill (issue 24 §1), in the mail and in the file
		const own = mails.find((m) => m.to[0] === 'financien.jeugd@amsterdam.example')!;
		expect(own.subject).toBe(`Eigen aandeel jeugdhulp SJSO ${PERIOD} – Amsterdam – ter informatie, geen factuur`);
		for (const body of [own.text ?? '', own.html ?? '']) {
			expect(body).not.toMatch(/te betalen/i);
			expect(body).toContain('Ter informatie: het eigen aandeel van de gemeente Amsterdam');
			expect(body).toContain(`eigen-aandeel-0363-${PERIOD}.xlsx`);
		}
		expect(own.text).toContain('Eigen aandeel (ter informatie): € 43.700,00');
		expect(own.text).toContain('Dit is geen factuur');
		const ownFiles = await attachmentsOf(own);
		expect(ownFiles.map((a) => a.filename)).toEqual([`eigen-aandeel-0363-${PERIOD}.xlsx`]);
		const ownBytes = await attachmentBytes(own, ownFiles[0].generatedFileName);
		const ownSheet = await openSheet(ownBytes);
		expect(ownSheet.getCell('A1').value).toBe('Eigen aandeel — ter informatie, geen factuur');
		const ownTexts: string[] = [];
		ownSheet.eachRow((row) => row.eachCell((cell) => ownTexts.push(cell.text)));
		expect(ownTexts.filter((t) => /te betalen/i.test(t))).toEqual([]);
	});

	it('LibreOffice Calc opens the statements: euro amounts with two decimals, nothing cut off, one landscape page', async () => {
		// the attachments of the quarterly run above (still in the inbox)
		const mails = await rt.mails();
		const statementOf = async (to: string) => {
			const mail = mails.find((m) => m.to[0] === to);
			expect(mail).toBeDefined();
			const [file] = await attachmentsOf(mail!);
			return { bytes: await attachmentBytes(mail!, file.generatedFileName), fileName: file.filename };
		};
		const amstelveen = await statementOf('financien.jeugd@amstelveen.example');
		const own = await statementOf('financien.jeugd@amsterdam.example');

		const pdf = convertWithLibreOffice(amstelveen.bytes, amstelveen.fileName);
		process.stderr.write(`[libreoffice] ${amstelveen.fileName} → PDF in ${pdf.seconds.toFixed(1)} s\n`);
		const text = pdf.text;
		expect(pdf.pages).toBe(1);
		expect(pdf.pageSize.width).toBeGreaterThan(pdf.pageSize.height); // landscape
		// the title block, each on one line with its label
		expect(text).toMatch(/Verrekening jeugdhulp/);
		expect(text).toMatch(new RegExp(`Periode\\s+${WORDS} \\(${PERIOD}\\)`));
		expect(text).toMatch(/Betalende gemeente\s+Amstelveen \(0362\)/);
		expect(text).toMatch(/Voorfinancierende gemeente\s+Amsterdam \(0363\)/);
		expect(text).toMatch(/Te betalen bedrag\s+€ 9\.200,00/);
		// 4 pupils at € 2.300,00, the total row € 9.200,00: the euro sign, Dutch separators, two decimals
		expect(text.match(/€ 2\.300,00/g)).toHaveLength(4);
		expect(text.match(/€ 9\.200,00/g)?.length).toBeGreaterThanOrEqual(2);
		expect(text).not.toMatch(/#{3,}/); // a number too wide for its column shows as ###
		// nothing cut off: every pseudonym whole (P- and 12 characters), the municipalities and the dates whole
		expect(text.match(/P-[A-Z2-7]{12}\b/g)).toHaveLength(4);
		expect(text.match(/Amstelveen \(0362\)/g)?.length).toBeGreaterThanOrEqual(6);
		expect(text).toMatch(/Totaal/);
		expect(text).toContain('Leerlingen staan alleen onder een pseudoniem');
		const picture = drawFirstPage(pdf.pdf, 'statement-amstelveen');
		expect(fs.statSync(picture).size).toBeGreaterThan(10_000);

		const ownPdf = convertWithLibreOffice(own.bytes, own.fileName);
		process.stderr.write(`[libreoffice] ${own.fileName} → PDF in ${ownPdf.seconds.toFixed(1)} s\n`);
		expect(ownPdf.text).toContain('Eigen aandeel — ter informatie, geen factuur');
		expect(ownPdf.text).toMatch(/Eigen aandeel \(ter informatie\)\s+€ 43\.700,00/);
		expect(ownPdf.text).not.toMatch(/te betalen/i);
		expect(ownPdf.text.match(/P-[A-Z2-7]{12}\b/g)).toHaveLength(19);
		expect(ownPdf.pageSize.width).toBeGreaterThan(ownPdf.pageSize.height);
		drawFirstPage(ownPdf.pdf, 'statement-own-share');
		assertNoPersonalData(`${text}\n${ownPdf.text}`, 'statement PDFs');
	});

	it('reconcile: one e-mail listing the amount that differs, the missing, the unexpected and the duplicate invoice', async () => {
		await rt.clearMails();
		const result = await rt.executeWorkflow(RECONCILE);
		expect(runError(result)).toBeUndefined();
		const differences = nodeItems(result, 'Reconcile invoices', 0);
		expect(differences.map((d) => [d.status, d.municipalityCode, d.differenceCents])).toEqual([
			['amount_differs', '0358', -5_000],
			['missing_invoice', '0394', -460_000],
			['unexpected_invoice', '0453', 100_000],
			['duplicate_invoice', '0479', null],
		]);
		expect(nodeItems(result, 'Reconcile invoices', 1).map((m) => m.municipalityCode)).toEqual(['0362', '0479']);
		const mails = await rt.mails();
		expect(mails).toHaveLength(1);
		expect(mails[0].to).toEqual(['financien.jeugd@amsterdam.example']);
		expect(mails[0].subject).toBe(`Verrekening jeugdhulp SJSO ${PERIOD}: 4 verschillen met de facturen`);
		const text = mails[0].text ?? '';
		expect(text).toContain(`Aalsmeer (${PERIOD}): Bedrag wijkt af: gefactureerd € 6.850,00, verwacht € 6.900,00, verschil -€ 50,00.`);
		expect(text).toContain(`Haarlemmermeer (${PERIOD}): Factuur ontbreekt: verwacht € 4.600,00`);
		expect(text).toContain(`Velsen (${PERIOD}): Onverwachte factuur`);
		expect(text).toContain(`Dubbele factuur: factuurnummer VF-${PERIOD}-004`);
		expect(text).toContain(WORDS);
		// the invoices Amsterdam sent (it pre-finances and is owed the money): the mail says so, and each action is Amsterdam's own
		expect(text).toContain('met de facturen die wij aan de woongemeenten hebben gestuurd');
		expect(text).toContain('Gecontroleerd zijn de facturen die wij als voorfinancierende gemeente aan de woongemeenten hebben gestuurd: wij krijgen deze bedragen van hen.');
		expect(text).toContain('Wat te doen: Stuur de gemeente de factuur voor het verwachte bedrag.');
		expect(text).toContain('Wat te doen: Trek de dubbele factuur in met een creditnota');
		expect(`${text}\n${mails[0].html}`).not.toMatch(/ontvangen facturen|Vraag de gemeente om de factuur|Betaal de factuur/);
		expect(text).toContain('Afdeling Financiën Jeugd\nGemeente Amsterdam');
		const html = mails[0].html ?? '';
		expect(html).toContain('<th align="left"');
		expect(html).toContain('Bedrag wijkt af: gefactureerd € 6.850,00, verwacht € 6.900,00, verschil -€ 50,00.');
		expect(`${text}\n${html}`).not.toMatch(/sent automatically with/); // no n8n footer
	});
});
