/**
 * The statement file (domain/settlement/statementFile.ts over domain/primitives/xlsx.ts, issue 24 §2), read
 * back with exceljs (a dev dependency, an independent xlsx reader): title block, euro number format on numbers,
 * a bold frozen header, a marked total row whose SUM formula's cached value is the stated total, widths that
 * fit, print settings; an own share worded as information, never "Te betalen bedrag" (issue 24 §1).
 *
 * The statements are written by hand: Amstelveen pays 4 pupils × € 2.300,00 = € 9.200,00 of a quarter's
 * € 69.000,00 (3 fte × € 92.000 × 3/12, 30 pupils); Amsterdam's own share is 19 pupils' € 43.700,00, shown here
 * as two lines of € 21.850,00. The rows of the sheet, counted by hand: 1 title; 2–7 period, municipality,
 * pre-financing municipality, amount, basis, region's total; 8 empty; 9 header; 10–13 pupils; 14 total.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';

import { parsePeriod, statementFile, statementSheet, type Language, type PartyStatement, type StatementFileContext } from '../../../domain/settlement';
import { textWidth, wrappedLines } from '../../../domain/settlement/statementFile';

const PERIOD = parsePeriod('2026-Q3', 'period');
const BASIS =
	'Functiebekostiging (taakgericht): € 69.000,00 verdeeld naar rato van het aantal leerlingen: 4 van 30 leerlingen = € 9.200,00 (grootste-restmethode, afgerond op centen; bij gelijke rest eerst het eigen aandeel, dan de laagste gemeentecode).';
const TOTAL_BASIS = 'Functiebekostiging (taakgericht): 3 fte × € 92.000,00 per fte per jaar × 3/12 jaar (periode 2026-Q3) = € 69.000,00';

function line(pupil: string, residenceCode: string, residenceName: string, cents: number): PartyStatement['lines'][number] {
	return { pupil, residenceCode, residenceName, schools: '12AB', arrangements: 'individual', treatment: 'settle', ruleId: 'POL-OUTSIDER-INDIVIDUAL-SETTLED', records: 1, hours: 10, units: 1, amountCents: cents, recordIndexes: [0] };
}

const AMSTELVEEN: PartyStatement = {
	kind: 'statement',
	municipalityCode: '0362',
	municipalityName: 'Amstelveen',
	pupils: 4,
	records: 4,
	hours: 40,
	units: 4,
	amountCents: 920_000,
	basis: BASIS,
	lines: ['P-ABCDEFGH2345', 'P-BCDEFGHI2345', 'P-CDEFGHIJ2345', 'P-DEFGHIJK2345'].map((p) => line(p, '0362', 'Amstelveen', 230_000)),
	recordIndexes: [0, 1, 2, 3],
};

const OWN_SHARE: PartyStatement = {
	...AMSTELVEEN,
	kind: 'own_share',
	municipalityCode: '0363',
	municipalityName: 'Amsterdam',
	pupils: 2,
	records: 2,
	hours: 20,
	amountCents: 4_370_000,
	basis: `Eigen aandeel financierende partij. ${BASIS}`,
	lines: ['P-EFGHIJKL2345', 'P-FGHIJKLM2345'].map((p) => line(p, '0363', 'Amsterdam', 2_185_000)),
};

const context = (language: Language): StatementFileContext => ({
	period: PERIOD,
	financingForm: 'function',
	allocationKey: 'pupils',
	financingParty: { code: '0363', name: 'Amsterdam' },
	language,
	totalBasis: TOTAL_BASIS,
});

async function open(s: PartyStatement, language: Language = 'nl'): Promise<{ ws: ExcelJS.Worksheet; fileName: string }> {
	const file = statementFile(s, context(language));
	const wb = new ExcelJS.Workbook();
	await wb.xlsx.load(Buffer.from(file.data) as unknown as ArrayBuffer);
	expect(wb.worksheets).toHaveLength(1);
	return { ws: wb.worksheets[0], fileName: file.fileName };
}

const allTexts = (ws: ExcelJS.Worksheet) => {
	const texts: string[] = [];
	ws.eachRow((row) => row.eachCell((cell) => texts.push(cell.text)));
	return texts;
};

describe('statement file (xlsx)', () => {
	it('has a title block: what it is, period in words, paying and pre-financing municipality, amount, basis', async () => {
		const { ws, fileName } = await open(AMSTELVEEN);
		expect(fileName).toBe('verrekening-0362-2026-Q3.xlsx');
		expect(ws.name).toBe('Verrekening 2026-Q3');
		expect(ws.getCell('A1').value).toBe('Verrekening jeugdhulp');
		expect(ws.getCell('A1').font.bold).toBe(true);
		const block = [2, 3, 4, 5, 6, 7].map((r) => [ws.getCell(`A${r}`).value, ws.getCell(`B${r}`).value]);
		expect(block).toEqual([
			['Periode', '1 juli 2026 t/m 30 september 2026 (2026-Q3)'],
			['Betalende gemeente', 'Amstelveen (0362)'],
			['Voorfinancierende gemeente', 'Amsterdam (0363)'],
			['Te betalen bedrag', { formula: 'L14', result: 9200 }],
			['Berekening', BASIS],
			['Totale kosten van de regio', TOTAL_BASIS],
		]);
		expect(ws.getCell('B5').numFmt).toBe('[$€-413] #,##0.00;[$€-413] -#,##0.00');
		expect(ws.getCell('B5').alignment.horizontal).toBe('left'); // under the labels' values, not at the column's far edge
		expect(ws.getCell('B6').alignment.wrapText).toBe(true);
	});

	it('keeps amounts numbers with a euro format of two decimals, and counts as whole numbers', async () => {
		const { ws } = await open(AMSTELVEEN);
		expect(ws.getCell('L9').value).toBe('Bedrag (€)');
		for (let r = 10; r <= 13; r++) {
			expect(ws.getCell(`L${r}`).value).toBe(2300);
			expect(ws.getCell(`L${r}`).numFmt).toBe('[$€-413] #,##0.00;[$€-413] -#,##0.00');
			expect(ws.getCell(`I${r}`).value).toBe(1);
			expect(ws.getCell(`I${r}`).numFmt).toBe('0');
			expect(ws.getCell(`D${r}`).value).toMatch(/^P-[A-Z2-7]{12}$/);
		}
	});

	it('freezes the bold header (row 9, under the title block) and repeats it on every printed page', async () => {
		const { ws } = await open(AMSTELVEEN);
		expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 9, topLeftCell: 'A10' });
		const header = ws.getRow(9);
		expect(header.getCell(1).value).toBe('Periode');
		for (let c = 1; c <= 12; c++) {
			expect(header.getCell(c).font.bold).toBe(true);
			expect(header.getCell(c).alignment.wrapText).toBe(true);
		}
		expect(ws.pageSetup.printTitlesRow).toBe('9:9');
	});

	it('marks the total row (bold, filled, a line above) with a SUM formula whose cached value is the stated total', async () => {
		const { ws } = await open(AMSTELVEEN);
		const total = ws.getRow(14);
		expect(total.getCell('D').value).toBe('Totaal');
		expect(total.getCell('L').value).toEqual({ formula: 'SUM(L10:L13)', result: 9200 });
		expect(total.getCell('L').numFmt).toBe('[$€-413] #,##0.00;[$€-413] -#,##0.00');
		for (let c = 1; c <= 12; c++) {
			const cell = total.getCell(c);
			expect(cell.font.bold).toBe(true);
			expect(cell.fill).toMatchObject({ type: 'pattern', pattern: 'solid' });
			expect(cell.border.top?.style).toBe('thin');
		}
		expect(ws.getRow(13).getCell('L').font?.bold).toBeFalsy();
	});

	it('makes every column at least as wide as its longest unwrapped value, and wraps the sentences', async () => {
		const { ws } = await open(AMSTELVEEN);
		for (let c = 1; c <= 12; c++) {
			const column = ws.getColumn(c);
			for (let r = 10; r <= 14; r++) {
				const cell = ws.getRow(r).getCell(c);
				if (cell.alignment?.wrapText) continue;
				// a number's width is that of its formatted text: € 2.300,00 (10 characters)
				const shown = typeof cell.value === 'number' || (typeof cell.value === 'object' && cell.value !== null) ? (c === 12 ? '€ 9.200,00' : String(cell.value)) : cell.text;
				expect(column.width).toBeGreaterThanOrEqual(shown.length);
			}
		}
		// the basis of calculation and the rule are sentences: wrapped, not widened beyond reading
		expect(ws.getCell('K10').alignment.wrapText).toBe(true);
		expect(ws.getColumn(11).width).toBeLessThanOrEqual(50);
		// the pseudonym (14 characters, capitals) fits in its column
		expect(ws.getColumn(4).width).toBeGreaterThanOrEqual(17);
	});

	it('prints landscape, one page wide', async () => {
		const { ws } = await open(AMSTELVEEN);
		expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
	});

	it('words an own share as information, not a bill: no "Te betalen bedrag" anywhere', async () => {
		const { ws, fileName } = await open(OWN_SHARE);
		expect(fileName).toBe('eigen-aandeel-0363-2026-Q3.xlsx');
		expect(ws.name).toBe('Eigen aandeel 2026-Q3');
		expect(ws.getCell('A1').value).toBe('Eigen aandeel — ter informatie, geen factuur');
		expect(ws.getCell('A3').value).toBe('Gemeente (eigen aandeel)');
		expect(ws.getCell('A5').value).toBe('Eigen aandeel (ter informatie)');
		// 2 pupils: rows 10–11, total in 12; € 21.850,00 + € 21.850,00 = € 43.700,00
		expect(ws.getCell('B5').value).toEqual({ formula: 'L12', result: 43700 });
		expect(ws.getCell('L12').value).toEqual({ formula: 'SUM(L10:L11)', result: 43700 });
		expect(allTexts(ws).some((t) => /te betalen/i.test(t))).toBe(false);
	});

	it('says a referral is no bill, and puts a provisional note above the basis (the header moves down a row)', async () => {
		const referral: PartyStatement = { ...AMSTELVEEN, kind: 'referral', amountCents: 0, basis: 'Niet verrekend: 4 leerling(en) wonen in deze gemeente.', lines: AMSTELVEEN.lines.map((x) => ({ ...x, amountCents: 0 })) };
		const file = statementFile(referral, { ...context('nl'), basisNote: 'VOORLOPIG — verdeelbasis onvolledig.' });
		const wb = new ExcelJS.Workbook();
		await wb.xlsx.load(Buffer.from(file.data) as unknown as ArrayBuffer);
		const ws = wb.worksheets[0];
		expect(file.fileName).toBe('niet-verrekend-0362-2026-Q3.xlsx');
		expect(ws.getCell('A1').value).toBe('Niet verrekend — ter informatie, geen factuur');
		expect([3, 5, 6].map((r) => ws.getCell(`A${r}`).value)).toEqual(['Woongemeente (niet verrekend)', 'Verrekend bedrag', 'Status']);
		expect(ws.getCell('B6').value).toBe('VOORLOPIG — verdeelbasis onvolledig.');
		// rows: 1 title, 2–8 block (one more: the status), 9 empty, 10 header, 11–14 pupils, 15 total
		expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 10 });
		expect(ws.getCell('L15').value).toMatchObject({ formula: 'SUM(L11:L14)' });
		// exceljs leaves out a cached 0: read it in the sheet's XML
		const xml = await (await JSZip.loadAsync(file.data)).file('xl/worksheets/sheet1.xml')!.async('string');
		expect(xml).toMatch(/<c r="L15"[^>]*><f>SUM\(L11:L14\)<\/f><v>0<\/v><\/c>/);
		expect(allTexts(ws).some((t) => /te betalen/i.test(t))).toBe(false);
	});

	it('writes English on request, with the euro in English notation', async () => {
		const { ws, fileName } = await open(AMSTELVEEN, 'en');
		expect(fileName).toBe('settlement-0362-2026-Q3.xlsx');
		expect(ws.getCell('A1').value).toBe('Youth care settlement');
		expect(ws.getCell('A5').value).toBe('Amount payable');
		expect(ws.getCell('L9').value).toBe('Amount (€)');
		expect(ws.getCell('L10').numFmt).toBe('[$€-1809]#,##0.00;-[$€-1809]#,##0.00');
		const own = await open(OWN_SHARE, 'en');
		expect(own.ws.getCell('A1').value).toBe('Own share — for information, not an invoice');
		expect(allTexts(own.ws).some((t) => /payable/i.test(t))).toBe(false);
	});

	it('is the same file for the same statement (no clock, no randomness)', () => {
		const a = statementFile(AMSTELVEEN, context('nl')).data;
		const b = statementFile(AMSTELVEEN, context('nl')).data;
		expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
	});
});

describe('a large region\'s statement (issue 27 §2: 250,000 delivery records in real n8n)', () => {
	it('a statement of 200,000 lines gets the widths of its two distinct lines (the amount column: its larger total), without exceeding the call stack', () => {
		// Math.max(...widths of every line) threw "Maximum call stack size exceeded" from about 125k lines
		const many: PartyStatement = { ...OWN_SHARE, pupils: 200_000, lines: Array.from({ length: 200_000 }, (_, i) => OWN_SHARE.lines[i % 2]) };
		const [big, small] = [statementSheet(many, context('nl')).widths, statementSheet(OWN_SHARE, context('nl')).widths];
		expect(big.slice(0, -1)).toEqual(small.slice(0, -1));
		expect(big[big.length - 1]).toBeGreaterThan(small[small.length - 1]);
	});
});

describe('column widths: how wide a text is taken to be', () => {
	// by hand: capitals, @ % & m w and € count 1.25 digit widths, every other character 1 (an astral character: 1)
	it.each([
		['', 0],
		['0363', 4],
		['Amsterdam', 3 * 1.25 + 6], // A, m, m
		['€ 2.300,00', 1.25 + 9],
		['mw@%&', 5 * 1.25],
		['MW', 2.5],
		['école', 5],
		['a😀b', 3],
	])('%j is %d digits wide', (text, width) => {
		expect(textWidth(text)).toBe(width);
	});

	it('wraps greedily at spaces: "Verwijzing via zorgteam" at 10 takes 3 lines, at 30 one', () => {
		expect(wrappedLines('Verwijzing via zorgteam', 10)).toBe(3);
		expect(wrappedLines('Verwijzing via zorgteam', 30)).toBe(1);
	});
});
