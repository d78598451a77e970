/**
 * A minimal SpreadsheetML (Office Open XML, ECMA-376) writer for one formatted sheet: the statement file
 * finance staff open in Excel or LibreOffice Calc. Pure: a sheet description in, the xlsx bytes out
 * (zip.ts, stored). What it can say is what a statement needs and no more: column widths, number formats
 * (cells stay numbers), bold, font size, wrapped text, a fill and a border per cell, merged cells, row
 * heights, formulas with their cached value, a frozen pane, and print settings (orientation, fit to width,
 * rows repeated on every printed page). Why hand-written: CONTRIBUTING.md "Files the nodes make".
 */
import { zipStored } from './zip';

/** How a cell looks. Equal styles share one entry of the file's style table; a style object is read once per file (one object for many cells is fine, changing it between cells is not). */
export interface CellStyle {
	bold?: boolean;
	italic?: boolean;
	/** Font size in points (default 10). */
	size?: number;
	/** Wrap text inside the column width (and align to the top). */
	wrap?: boolean;
	/** A number format code, e.g. `0` or `[$€-413] #,##0.00`; default General. */
	numFmt?: string;
	/** A solid background, as RGB hex (`F2F2F2`). */
	fill?: string;
	/** A thin border above or below the cell. */
	border?: 'top' | 'bottom';
	/** Horizontal alignment; default: text left, numbers right. */
	align?: 'left' | 'right';
}

/** A cell's value: text, a number, or a formula (without `=`) with the value it has, which the file stores too. */
export type CellValue = string | number | { formula: string; value: number };

export interface Cell {
	value: CellValue;
	style?: CellStyle;
}

export interface Row {
	/** The row's cells from column A; `null` leaves a cell empty. */
	cells: ReadonlyArray<Cell | null>;
	/** Height in points; default: the spreadsheet program's own. */
	height?: number;
}

export interface SheetSpec {
	/** The sheet's tab name (at most 31 characters, none of `[]:*?/\`). */
	name: string;
	/** Column widths in characters, from column A. */
	widths: readonly number[];
	rows: readonly Row[];
	/** Ranges to merge, e.g. `B2:L2`. */
	merges?: readonly string[];
	/** Rows above this count stay in view when scrolling (a frozen pane below them). */
	frozenRows?: number;
	print?: {
		landscape?: boolean;
		/** Scale the sheet to one page wide (as many pages tall as needed). */
		fitToWidth?: boolean;
		/** Rows repeated at the top of every printed page (1-based, inclusive). */
		repeatRows?: { first: number; last: number };
	};
}

/** Column letters of a 0-based column index: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
	let n = index + 1;
	let out = '';
	while (n > 0) {
		const r = (n - 1) % 26;
		out = String.fromCharCode(65 + r) + out;
		n = Math.floor((n - 1) / 26);
	}
	return out;
}

// eslint-disable-next-line no-control-regex
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

function xml(text: string): string {
	return text.replace(INVALID_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Number formats Excel has built in (ECMA-376 §18.8.30); others get ids from 164. */
const BUILT_IN_FORMATS: Record<string, number> = { General: 0, '0': 1, '0.00': 2, '#,##0': 3, '#,##0.00': 4 };

/** The style table: fonts, fills, borders, number formats and the cell formats combining them. */
class Styles {
	private readonly fonts = ['<font><sz val="10"/><name val="Arial"/><family val="2"/></font>'];
	private readonly fills = ['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>'];
	private readonly borders = ['<border><left/><right/><top/><bottom/><diagonal/></border>'];
	private readonly numFmts: string[] = [];
	private readonly xfs = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'];
	private readonly byKey = new Map<string, number>([['{}', 0]]);
	/** The same style object again (a statement's lines share theirs): its index without building the key. */
	private readonly byObject = new WeakMap<CellStyle, number>();

	index(style: CellStyle | undefined): number {
		if (!style) return 0;
		const seen = this.byObject.get(style);
		if (seen !== undefined) return seen;
		const id = this.indexOf(style);
		this.byObject.set(style, id);
		return id;
	}

	private indexOf(style: CellStyle): number {
		const key = JSON.stringify([style.bold, style.italic, style.size, style.wrap, style.numFmt, style.fill, style.border, style.align]);
		const known = this.byKey.get(key);
		if (known !== undefined) return known;
		const font = this.add(this.fonts, `<font>${style.bold ? '<b/>' : ''}${style.italic ? '<i/>' : ''}<sz val="${style.size ?? 10}"/><name val="Arial"/><family val="2"/></font>`);
		const fill = style.fill ? this.add(this.fills, `<fill><patternFill patternType="solid"><fgColor rgb="FF${style.fill}"/><bgColor indexed="64"/></patternFill></fill>`) : 0;
		const line = '<color rgb="FF000000"/>';
		const border =
			style.border === 'top'
				? this.add(this.borders, `<border><left/><right/><top style="thin">${line}</top><bottom/><diagonal/></border>`)
				: style.border === 'bottom'
					? this.add(this.borders, `<border><left/><right/><top/><bottom style="thin">${line}</bottom><diagonal/></border>`)
					: 0;
		const numFmt = this.numFmtId(style.numFmt);
		const alignment = `<alignment${style.align ? ` horizontal="${style.align}"` : ''} vertical="top"${style.wrap ? ' wrapText="1"' : ''}/>`;
		const applied = `${numFmt ? ' applyNumberFormat="1"' : ''}${font ? ' applyFont="1"' : ''}${fill ? ' applyFill="1"' : ''}${border ? ' applyBorder="1"' : ''} applyAlignment="1"`;
		this.xfs.push(`<xf numFmtId="${numFmt}" fontId="${font}" fillId="${fill}" borderId="${border}" xfId="0"${applied}>${alignment}</xf>`);
		const id = this.xfs.length - 1;
		this.byKey.set(key, id);
		return id;
	}

	private add(list: string[], entry: string): number {
		const at = list.indexOf(entry);
		if (at >= 0) return at;
		list.push(entry);
		return list.length - 1;
	}

	private numFmtId(code: string | undefined): number {
		if (code === undefined) return 0;
		if (code in BUILT_IN_FORMATS) return BUILT_IN_FORMATS[code];
		const at = this.numFmts.indexOf(code);
		if (at >= 0) return 164 + at;
		this.numFmts.push(code);
		return 164 + this.numFmts.length - 1;
	}

	toXml(): string {
		const numFmts = this.numFmts.length ? `<numFmts count="${this.numFmts.length}">${this.numFmts.map((c, i) => `<numFmt numFmtId="${164 + i}" formatCode="${xml(c)}"/>`).join('')}</numFmts>` : '';
		return (
			'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
			'<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
			numFmts +
			`<fonts count="${this.fonts.length}">${this.fonts.join('')}</fonts>` +
			`<fills count="${this.fills.length}">${this.fills.join('')}</fills>` +
			`<borders count="${this.borders.length}">${this.borders.join('')}</borders>` +
			'<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
			`<cellXfs count="${this.xfs.length}">${this.xfs.join('')}</cellXfs>` +
			'<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
			'</styleSheet>'
		);
	}
}

/** Texts once each, referred to by index (the form every spreadsheet program reads). */
class SharedStrings {
	private readonly list: string[] = [];
	private readonly index = new Map<string, number>();
	private uses = 0;

	add(text: string): number {
		this.uses++;
		const known = this.index.get(text);
		if (known !== undefined) return known;
		this.list.push(text);
		this.index.set(text, this.list.length - 1);
		return this.list.length - 1;
	}

	toXml(): string {
		const items = this.list.map((t) => `<si><t xml:space="preserve">${xml(t)}</t></si>`).join('');
		return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${this.uses}" uniqueCount="${this.list.length}">${items}</sst>`;
	}
}

function sheetName(name: string): string {
	const clean = name.replace(/[[\]:*?/\\]/g, '-').trim().slice(0, 31);
	return clean === '' ? 'Sheet1' : clean;
}

function worksheetXml(spec: SheetSpec, styles: Styles, strings: SharedStrings): string {
	const columns = Math.max(spec.widths.length, ...spec.rows.map((r) => r.cells.length), 1);
	const last = `${columnLetter(columns - 1)}${Math.max(spec.rows.length, 1)}`;
	const frozen = spec.frozenRows ?? 0;
	const pane =
		frozen > 0
			? `<pane ySplit="${frozen}" topLeftCell="A${frozen + 1}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A${frozen + 1}" sqref="A${frozen + 1}"/>`
			: '<selection activeCell="A1" sqref="A1"/>';
	const cols = spec.widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${Math.round(w * 100) / 100}" customWidth="1"/>`).join('');
	const rows = spec.rows
		.map((row, r) => {
			const ref = r + 1;
			const cells = row.cells
				.map((cell, c) => {
					if (cell === null) return '';
					const at = `${columnLetter(c)}${ref}`;
					const s = styles.index(cell.style);
					const style = s ? ` s="${s}"` : '';
					const v = cell.value;
					if (typeof v === 'string') return `<c r="${at}"${style} t="s"><v>${strings.add(v)}</v></c>`;
					if (typeof v === 'number') {
						if (!Number.isFinite(v)) throw new Error(`Cell ${at} is not a finite number`);
						return `<c r="${at}"${style}><v>${v}</v></c>`;
					}
					if (!Number.isFinite(v.value)) throw new Error(`Cell ${at} is not a finite number`);
					return `<c r="${at}"${style}><f>${xml(v.formula)}</f><v>${v.value}</v></c>`;
				})
				.join('');
			const height = row.height !== undefined ? ` ht="${row.height}" customHeight="1"` : '';
			return `<row r="${ref}"${height}>${cells}</row>`;
		})
		.join('');
	const merges = spec.merges?.length ? `<mergeCells count="${spec.merges.length}">${spec.merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>` : '';
	const print = spec.print ?? {};
	const fit = print.fitToWidth ? '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' : '';
	const setup = `<pageSetup paperSize="9" orientation="${print.landscape ? 'landscape' : 'portrait'}"${print.fitToWidth ? ' fitToWidth="1" fitToHeight="0"' : ''}/>`;
	return (
		'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
		'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
		fit +
		`<dimension ref="A1:${last}"/>` +
		`<sheetViews><sheetView tabSelected="1" workbookViewId="0">${pane}</sheetView></sheetViews>` +
		'<sheetFormatPr defaultRowHeight="12.75"/>' +
		(cols ? `<cols>${cols}</cols>` : '') +
		`<sheetData>${rows}</sheetData>` +
		merges +
		'<pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>' +
		setup +
		'</worksheet>'
	);
}

/** The xlsx file (bytes) of one sheet. Deterministic: the same spec gives the same bytes. */
export function xlsxFile(spec: SheetSpec): Uint8Array {
	const styles = new Styles();
	const strings = new SharedStrings();
	const sheet = worksheetXml(spec, styles, strings);
	const name = sheetName(spec.name);
	const repeat = spec.print?.repeatRows;
	const definedNames = repeat
		? `<definedNames><definedName name="_xlnm.Print_Titles" localSheetId="0">'${xml(name.replace(/'/g, "''"))}'!$${repeat.first}:$${repeat.last}</definedName></definedNames>`
		: '';
	const parts: Record<string, string> = {
		'[Content_Types].xml':
			'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
			'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
			'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
			'<Default Extension="xml" ContentType="application/xml"/>' +
			'<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
			'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
			'<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
			'<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
			'</Types>',
		'_rels/.rels':
			'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
			'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
			'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
			'</Relationships>',
		'xl/workbook.xml':
			'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
			'<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
			'<bookViews><workbookView activeTab="0"/></bookViews>' +
			`<sheets><sheet name="${xml(name)}" sheetId="1" r:id="rId1"/></sheets>` +
			definedNames +
			'<calcPr calcId="191029"/>' +
			'</workbook>',
		'xl/_rels/workbook.xml.rels':
			'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
			'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
			'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>' +
			'<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>' +
			'<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>' +
			'</Relationships>',
		'xl/worksheets/sheet1.xml': sheet,
		'xl/styles.xml': styles.toXml(),
		'xl/sharedStrings.xml': strings.toXml(),
	};
	const encoder = new TextEncoder();
	return zipStored(Object.entries(parts).map(([path, text]) => ({ path, data: encoder.encode(text) })));
}

/** The MIME type of an xlsx file. */
export const XLSX_MIME_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
