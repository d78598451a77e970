/**
 * The statement as a file finance staff open in Excel or LibreOffice Calc (issue 24 §2): a title block
 * (what it is, period, the two municipalities, the amount, the basis), then the statement's rows
 * (`statementSheetRows`, the same rows the items carry) under a bold header that stays in view, a marked
 * total row whose amount is a SUM formula equal to the stated total, euro amounts that stay numbers,
 * columns wide enough for their values, and print settings (landscape, one page wide).
 *
 * An own share is information, not a bill (issue 24 §1): it is titled "Eigen aandeel — ter informatie, geen
 * factuur" and its amount is never called "Te betalen bedrag"; a referral likewise. The words a mail about the
 * statement needs (`statementWords`) are the same ones, so the file and the mail never disagree.
 *
 * Pure: the sheet description (`statementSheet`) and the xlsx bytes (`statementFile`) from a PartyStatement.
 */
import { centsToEuros, formatEuro, type Cents } from '../money';
import { memoise } from '../primitives/shared';
import { columnLetter, xlsxFile, type Cell, type CellStyle, type Row, type SheetSpec } from '../primitives/xlsx';
import { formatPeriodText, SHEET_HEADERS, statementSheetRows, type SheetColumn, type SheetContext } from './sheet';
import type { Language, PartyStatement, StatementKind } from './types';

/** What the file (and a mail carrying it) calls the document and its amount, per kind of statement. */
export interface StatementWords {
	/** The document's title: for an own share or a referral it says it is no invoice. */
	title: string;
	/** The label of the amount: "Te betalen bedrag" only on a statement another municipality pays. */
	amountLabel: string;
	/** The label of the municipality the statement is about. */
	partyLabel: string;
	/** Whether the document asks for payment (a statement to another municipality) or only informs. */
	isInvoice: boolean;
}

const WORDS: Record<Language, Record<StatementKind, StatementWords>> = {
	nl: {
		statement: { title: 'Verrekening jeugdhulp', amountLabel: 'Te betalen bedrag', partyLabel: 'Betalende gemeente', isInvoice: true },
		own_share: { title: 'Eigen aandeel — ter informatie, geen factuur', amountLabel: 'Eigen aandeel (ter informatie)', partyLabel: 'Gemeente (eigen aandeel)', isInvoice: false },
		referral: { title: 'Niet verrekend — ter informatie, geen factuur', amountLabel: 'Verrekend bedrag', partyLabel: 'Woongemeente (niet verrekend)', isInvoice: false },
	},
	en: {
		statement: { title: 'Youth care settlement', amountLabel: 'Amount payable', partyLabel: 'Paying municipality', isInvoice: true },
		own_share: { title: 'Own share — for information, not an invoice', amountLabel: 'Own share (for information)', partyLabel: 'Municipality (own share)', isInvoice: false },
		referral: { title: 'Not settled — for information, not an invoice', amountLabel: 'Amount settled', partyLabel: 'Home municipality (not settled)', isInvoice: false },
	},
};

const LABELS: Record<Language, { period: string; prefinancer: string; basis: string; totalCost: string; status: string; indicative: string; privacy: string }> = {
	nl: {
		period: 'Periode',
		prefinancer: 'Voorfinancierende gemeente',
		basis: 'Berekening',
		totalCost: 'Totale kosten van de regio',
		status: 'Status',
		indicative: 'Indicatieve kosten (niet gefactureerd)',
		privacy: 'Leerlingen staan alleen onder een pseudoniem: geen naam, leerlingnummer of BSN.',
	},
	en: {
		period: 'Period',
		prefinancer: 'Pre-financing municipality',
		basis: 'Basis of calculation',
		totalCost: 'Total cost of the region',
		status: 'Status',
		indicative: 'Indicative cost (not invoiced)',
		privacy: 'Pupils appear only under a pseudonym: no name, pupil number or BSN.',
	},
};

const FILE_PREFIX: Record<Language, Record<StatementKind, string>> = {
	nl: { statement: 'verrekening', own_share: 'eigen-aandeel', referral: 'niet-verrekend' },
	en: { statement: 'settlement', own_share: 'own-share', referral: 'not-settled' },
};

const SHEET_PREFIX: Record<Language, Record<StatementKind, string>> = {
	nl: { statement: 'Verrekening', own_share: 'Eigen aandeel', referral: 'Niet verrekend' },
	en: { statement: 'Settlement', own_share: 'Own share', referral: 'Not settled' },
};

/**
 * The euro number format: the cells stay numbers, shown with € and two decimals in the statement's
 * language (`[$€-413]` is € with Dutch separators: € 2.300,00; `[$€-1809]` € with Irish English ones: €2,300.00).
 */
export const EURO_FORMAT: Record<Language, string> = {
	nl: '[$€-413] #,##0.00;[$€-413] -#,##0.00',
	en: '[$€-1809]#,##0.00;-[$€-1809]#,##0.00',
};

/** The words for a statement of this kind, in the statement language. */
export function statementWords(kind: StatementKind, language: Language): StatementWords {
	return WORDS[language][kind];
}

/** What the file needs besides the sheet's own context: the region's total basis and the provisional note. */
export interface StatementFileContext extends SheetContext {
	/** The basis of the region's whole cost (`SettlementResult.totalBasis`). */
	totalBasis?: string;
	/** Set when the statements are provisional (`SettlementSummary.basisNote`). */
	basisNote?: string | null;
}

/** `verrekening-0362-2026-Q3.xlsx`, `eigen-aandeel-0363-2026-Q3.xlsx`; characters a file name cannot hold become `-`. */
export function statementFileName(s: PartyStatement, c: Pick<SheetContext, 'period' | 'language'>): string {
	const parts = [FILE_PREFIX[c.language][s.kind], s.municipalityCode, c.period.label].filter((p) => p !== '');
	return `${parts.join('-').replace(/[^A-Za-z0-9._-]+/g, '-')}.xlsx`;
}

// Layout. Widths are in characters (Excel's unit: the width of a digit of the default font, Arial 10).
const LINE_HEIGHT = 12.75; // points per line of Arial 10
const MIN_WIDTH = 6;
const MAX_WIDTH = 30;
/** Columns that hold sentences: wrapped at this width instead of widened. */
const WRAP_WIDTH: Partial<Record<SheetColumn, number>> = { period: 22, residence: 26, rule: 34, basis: 44 };
const BOLD = 1.1; // bold text is about a tenth wider
const HEADER_FILL = 'D9E1F2';
const TOTAL_FILL = 'FFF2CC';

/**
 * The width `text` needs, in digit widths of Arial 10: capitals and a few wide letters take about a fifth
 * more than a digit, the rest about one digit (a safe estimate: values must never be cut off).
 */
export function textWidth(text: string): number {
	let w = 0;
	for (const ch of text) w += isWide(ch.charCodeAt(0)) ? 1.25 : 1;
	return w;
}

/** A–Z, @, %, &, m, w and € (a character code per character: no pattern per character on statements of 100k lines). */
function isWide(code: number): boolean {
	return (code >= 65 && code <= 90) || code === 64 || code === 37 || code === 38 || code === 109 || code === 119 || code === 0x20ac;
}

/** How many lines `text` takes when wrapped at `width` characters (greedy, at spaces). */
export function wrappedLines(text: string, width: number): number {
	let lines = 0;
	for (const paragraph of text.split('\n')) {
		let line = 0;
		lines++;
		for (const word of paragraph.split(' ')) {
			const w = textWidth(word);
			if (line === 0) line = w;
			else if (line + 1 + w <= width) line += 1 + w;
			else {
				lines++;
				line = w;
			}
			while (line > width) {
				lines++;
				line -= width;
			}
		}
	}
	return lines;
}

/** The text a cell shows, for measuring: numbers as the statement writes them. */
function shown(value: string | number, column: SheetColumn, language: Language): string {
	if (typeof value === 'string') return value;
	if (column === 'amount') return formatEuro(Math.round(value * 100), language);
	return String(value);
}

/**
 * The sheet: title block, header, rows, total row, note; `statementFile` turns it into bytes.
 */
export function statementSheet(s: PartyStatement, c: StatementFileContext): SheetSpec {
	const l = c.language;
	const words = statementWords(s.kind, l);
	const labels = LABELS[l];
	const headers = SHEET_HEADERS[l];
	const columns = Object.keys(headers) as SheetColumn[];
	const amountAt = columns.indexOf('amount');
	const rows = statementSheetRows(s, c);
	const values = rows.map((r) => columns.map((k) => r[headers[k]]));
	// a statement repeats its texts (arrangements, rules, amounts) line after line: each measured once
	const widthOf = memoise(textWidth);

	// --- column widths: the widest value (a header may wrap at its longest word), sentences wrapped ---
	const wraps = columns.map((k, i) => WRAP_WIDTH[k] !== undefined || values.some((v) => widthOf(shown(v[i], k, l)) > MAX_WIDTH));
	const widths = columns.map((k, i) => {
		const longestWord = Math.max(...headers[k].split(' ').map(textWidth)) * BOLD;
		// a loop, not Math.max(...): a statement of 150k lines spread as arguments exceeds the call stack
		let content = 0;
		for (const v of values) content = Math.max(content, widthOf(shown(v[i], k, l)));
		const cap = WRAP_WIDTH[k] ?? MAX_WIDTH;
		return Math.ceil(Math.max(MIN_WIDTH, longestWord, Math.min(content, cap)) + 2);
	});
	// the title block's labels stand in column A
	const partyText = (name: string, code: string) => (code === '' ? name : `${name} (${code})`);
	const block: Array<[string, string | number | { formula: string; value: number }, CellStyle?]> = [];
	block.push([labels.period, `${formatPeriodText(c.period, l)} (${c.period.label})`]);
	block.push([words.partyLabel, partyText(s.municipalityName, s.municipalityCode)]);
	block.push([labels.prefinancer, partyText(c.financingParty.name, c.financingParty.code)]);
	const euro: CellStyle = { numFmt: EURO_FORMAT[l], bold: true, align: 'left' };
	const amountRowIndex = block.length;
	block.push([words.amountLabel, 0, euro]); // the value: a formula on the total row, set below once its row is known
	if (s.indicativeCents !== undefined) block.push([labels.indicative, centsToEuros(s.indicativeCents), { numFmt: EURO_FORMAT[l], align: 'left' }]);
	if (c.basisNote) block.push([labels.status, c.basisNote, { wrap: true, bold: true }]);
	block.push([labels.basis, s.basis, { wrap: true }]);
	if (c.totalBasis) block.push([labels.totalCost, c.totalBasis, { wrap: true }]);
	widths[0] = Math.max(widths[0], Math.ceil(Math.max(...block.map(([label]) => textWidth(label))) * BOLD + 2));

	const last = columns.length - 1;
	const valueWidth = widths.slice(1).reduce((a, w) => a + w, 0);
	const titleRow = 1;
	const blockStart = titleRow + 1; // 1-based row of the block's first line
	const headerRow = blockStart + block.length + 1; // one empty row between block and header
	const firstLineRow = headerRow + 1;
	const totalRow = firstLineRow + rows.length - 1; // the last of statementSheetRows is the total row
	const amountColumn = columnLetter(amountAt);

	const out: Row[] = [];
	const merges: string[] = [`A${titleRow}:${columnLetter(last)}${titleRow}`];
	out.push({ cells: [{ value: words.title, style: { bold: true, size: 14 } }], height: 20 });
	block.forEach(([label, value, style], i) => {
		const r = blockStart + i;
		const isAmount = i === amountRowIndex;
		const cellValue = isAmount ? { formula: `${amountColumn}${totalRow}`, value: centsToEuros(s.amountCents) } : value;
		const text = typeof value === 'string' ? value : '';
		const wrap = style?.wrap === true;
		if (!isAmount && typeof value === 'string') merges.push(`B${r}:${columnLetter(last)}${r}`);
		out.push({
			cells: [{ value: label, style: { bold: true } }, { value: cellValue, style }],
			height: wrap ? Math.max(1, wrappedLines(text, valueWidth)) * LINE_HEIGHT : undefined,
		});
	});
	out.push({ cells: [] });

	// --- header, lines, total ---
	const headerStyle: CellStyle = { bold: true, wrap: true, fill: HEADER_FILL, border: 'bottom' };
	const headerLines = Math.max(...columns.map((k, i) => wrappedLines(headers[k], Math.floor((widths[i] - 1) / BOLD))));
	out.push({ cells: columns.map((k) => ({ value: headers[k], style: headerStyle })), height: headerLines * LINE_HEIGHT });
	const styleOf = (k: SheetColumn, i: number, total: boolean): CellStyle => {
		const numFmt = k === 'amount' ? EURO_FORMAT[l] : k === 'records' ? '0' : undefined;
		const base: CellStyle = { ...(numFmt ? { numFmt } : {}), ...(wraps[i] ? { wrap: true } : {}) };
		return total ? { ...base, bold: true, fill: TOTAL_FILL, border: 'top' } : base;
	};
	// one style object per column for the lines and one for the total row (the file's style table shares them)
	const lineStyles = columns.map((k, i) => styleOf(k, i, false));
	const totalStyles = columns.map((k, i) => styleOf(k, i, true));
	// the lines a wrapped text takes in its column, once per distinct text (the total row's bold width apart)
	const lineCounts = columns.map((k, i) => memoise((text: string) => wrappedLines(text, Math.floor(widths[i] - 1))));
	values.forEach((v, n) => {
		const total = n === values.length - 1;
		const cells: Cell[] = columns.map((k, i) => {
			const value = v[i];
			if (total && k === 'amount' && rows.length > 1) {
				return { value: { formula: `SUM(${amountColumn}${firstLineRow}:${amountColumn}${totalRow - 1})`, value: centsToEuros(s.amountCents) }, style: totalStyles[i] };
			}
			return { value, style: total ? totalStyles[i] : lineStyles[i] };
		});
		let lines = 1;
		for (let i = 0; i < columns.length; i++) {
			if (!wraps[i]) continue;
			const text = shown(v[i], columns[i], l);
			lines = Math.max(lines, total ? wrappedLines(text, Math.floor((widths[i] - 1) / BOLD)) : lineCounts[i](text));
		}
		out.push({ cells, height: lines > 1 ? lines * LINE_HEIGHT : undefined });
	});
	out.push({ cells: [] });
	out.push({ cells: [{ value: labels.privacy, style: { italic: true } }] });

	return {
		name: `${SHEET_PREFIX[l][s.kind]} ${c.period.label}`,
		widths,
		rows: out,
		merges,
		frozenRows: headerRow,
		print: { landscape: true, fitToWidth: true, repeatRows: { first: headerRow, last: headerRow } },
	};
}

/** The statement as xlsx bytes with its file name. */
export function statementFile(s: PartyStatement, c: StatementFileContext): { fileName: string; data: Uint8Array; amountCents: Cents } {
	return { fileName: statementFileName(s, c), data: xlsxFile(statementSheet(s, c)), amountCents: s.amountCents };
}
