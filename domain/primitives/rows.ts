/**
 * Naming a row the way the user sees it (issue 22 §5), in errors, error items and hints. Pure: no n8n.
 *
 * - Google Sheets: n8n's Google Sheets node gives every row its sheet row number (`row_number`, the header
 *   being row 1): that number, as "sheet row 4".
 * - Extract From File (and the older Spreadsheet File node) straight before the node: the item's position
 *   plus the header line, said as such: "row 5 of the file, the header being row 1".
 * - Anything else: the item's position counted from 1, as n8n's item list shows it: "item 3".
 * Where the row has a pseudonymous case reference, it is named too ("case C-2026-0001"): never a name,
 * BSN or free text.
 */
import type { Language } from './language';

/** Where the items come from, as far as a node can tell. */
export type RowSource = 'items' | 'file' | 'fileWithoutHeader';

/** A row as the user sees it. */
export interface RowRef {
	/** The number the user looks for. */
	number: number;
	/**
	 * `sheet`: a Google Sheets row number; `file`: a line of the file read by Extract From File (line 1 = the
	 * header); `fileWithoutHeader`: the same without a header line; `item`: the item's position.
	 */
	of: 'sheet' | 'file' | 'fileWithoutHeader' | 'item';
	/** A pseudonymous case reference, when the row has one. */
	caseReference?: string;
}

/**
 * The row of an input item.
 * @param json the item (its `row_number`, from Google Sheets, wins)
 * @param itemIndex the item's index in the node's input (0-based)
 * @param source where the items come from
 */
export function rowOf(json: Record<string, unknown>, itemIndex: number, source: RowSource = 'items', caseReference?: string): RowRef {
	const sheetRow = json.row_number;
	const ref: RowRef =
		typeof sheetRow === 'number' && Number.isInteger(sheetRow) && sheetRow > 0
			? { number: sheetRow, of: 'sheet' }
			: source === 'file'
				? { number: itemIndex + 2, of: 'file' }
				: { number: itemIndex + 1, of: source === 'fileWithoutHeader' ? 'fileWithoutHeader' : 'item' };
	if (caseReference !== undefined && caseReference !== '') ref.caseReference = caseReference;
	return ref;
}

const WORDS = {
	en: {
		sheet: (n: number) => `sheet row ${n}`,
		file: (n: number) => `row ${n} of the file, the header being row 1`,
		fileWithoutHeader: (n: number) => `row ${n} of the file`,
		item: (n: number) => `item ${n}`,
		case: 'case',
	},
	nl: {
		sheet: (n: number) => `rij ${n} van het werkblad`,
		file: (n: number) => `rij ${n} van het bestand, de kopregel meegeteld`,
		fileWithoutHeader: (n: number) => `rij ${n} van het bestand`,
		item: (n: number) => `item ${n}`,
		case: 'casus',
	},
} as const;

/** `sheet row 4`, `row 5 of the file, the header being row 1`, `item 3`, plus `, case C-2026-0001` (English), or the Dutch. */
export function describeRow(ref: RowRef, language: Language = 'en'): string {
	const words = WORDS[language === 'nl' ? 'nl' : 'en'];
	const row = words[ref.of](ref.number);
	return ref.caseReference ? `${row}, ${words.case} ${ref.caseReference}` : row;
}

/**
 * Several rows in one phrase, for a hint: `sheet rows 4, 6`, `items 3, 5`, `rows 4, 6 of the file (line 1 =
 * header)`; mixed sources are listed one by one. At most `max` numbers, then "and N more".
 */
export function describeRows(refs: readonly RowRef[], max = 10): string {
	if (refs.length === 0) return '';
	const shown = refs.slice(0, max);
	const more = refs.length > max ? ` and ${refs.length - max} more` : '';
	const of = shown[0].of;
	if (!shown.every((r) => r.of === of)) return shown.map((r) => describeRow({ number: r.number, of: r.of })).join(', ') + more;
	const numbers = shown.map((r) => r.number).join(', ') + more;
	if (of === 'sheet') return `sheet row(s) ${numbers}`;
	if (of === 'file') return `row(s) ${numbers} of the file, the header being row 1`;
	if (of === 'fileWithoutHeader') return `row(s) ${numbers} of the file`;
	return `item(s) ${numbers}`;
}
