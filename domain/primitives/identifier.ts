/**
 * The one identifier rule (issue 22 §1, §2): how every node reads a value that identifies something —
 * pupil and case references, BSN, BRIN, invoice numbers, municipality codes, and the date and number text
 * that identifies a record. Pure: no n8n, no I/O.
 *
 * 1. Characters that print as nothing are removed: every Unicode format character (general category Cf:
 *    U+200B–U+200F zero-width space/joiners and direction marks, U+2060 word joiner, U+FEFF byte-order mark,
 *    U+202A–U+202E and U+2066–U+2069 direction embeddings…), which includes the soft hyphen U+00AD.
 *    Text copied from web pages, Teams, Word or PDF carries them.
 * 2. White space of any kind (NBSP U+00A0, narrow NBSP U+202F, figure space, tabs, line breaks) counts as a
 *    space; runs become one space; leading and trailing spaces are removed.
 * 3. What is left must be printable: a control character (category Cc, other than the white space of 2),
 *    a private-use, unassigned or lone surrogate code point cannot be read safely, so the value is refused
 *    with an `invalid_identifier` error naming the field — never kept as a second identity.
 * 4. A number a spreadsheet or JSON export wrote as a float is read as the integer it denotes (`12345.0`,
 *    `12345,00` → `12345`; `1.0000094E7` → `10000094`), or refused when it does not denote an integer exactly
 *    (`1.23E+08`: the spreadsheet rounded it). This applies only where a value consists of digits and such a
 *    fraction or exponent; other references (`L-0001`, `C-2026-0001`) keep their dots and dashes.
 */
import { InvalidFieldError } from './errors';

/** Printable ASCII without leading/trailing spaces and without runs of spaces: already clean (the fast path). */
const PLAIN = /^[\x21-\x7e]+(?: [\x21-\x7e]+)*$/;
/** Format characters (Cf; includes U+00AD soft hyphen, U+200B–U+200F, U+2060–U+2064, U+FEFF, U+202A–U+202E). */
const FORMAT = /\p{Cf}/gu;
/** White space of any kind, including NBSP, narrow NBSP and figure space (`\s` covers the Unicode Zs spaces). */
const SPACES = /[\s\u00A0\u2007\u202F]+/g;
/** What cannot be made clean: control characters, private use, unassigned code points, lone surrogates. */
const UNREADABLE = /[\p{Cc}\p{Co}\p{Cn}\p{Cs}]/u;

export class InvalidIdentifierError extends InvalidFieldError {
	constructor(field: string, reason: string, hint?: string) {
		super(
			'invalid_identifier',
			field,
			`Field "${field}" cannot be read as an identifier: ${reason}`,
			hint ?? 'Retype the value in the source (copying from a web page, PDF or Word can add hidden characters), or map another column.',
		);
		this.name = 'InvalidIdentifierError';
	}
}

/**
 * Steps 1 and 2 of the rule, without refusing anything: format characters removed, white space collapsed
 * and trimmed. For comparing and looking up (a registry, a list), where an unknown value is an error anyway.
 */
export function stripInvisible(text: string): string {
	if (PLAIN.test(text)) return text;
	return text.replace(FORMAT, '').replace(SPACES, ' ').trim();
}

/**
 * Steps 1–3: the clean text of an identifier.
 * @param field the user's name for the field, for the error
 * @throws InvalidIdentifierError when a control, private-use or unassigned character remains
 */
export function cleanIdentifierText(text: string, field: string): string {
	if (PLAIN.test(text)) return text;
	const s = text.replace(FORMAT, '').replace(SPACES, ' ').trim();
	if (UNREADABLE.test(s)) throw new InvalidIdentifierError(field, 'it contains a control or unprintable character');
	return s;
}

/** Digits with a decimal fraction of only zeros: a float export of an integer (`10000094.0`, `12345,00`). */
const ZERO_FRACTION = /^(\d+)[.,](0+)$/;
/**
 * Scientific notation as spreadsheets and JavaScript write it: a mantissa with a decimal separator or an
 * exponent with a sign (`1.0000094E7`, `1,23E+08`, `1e+21`). `12E34` without either stays a text reference.
 */
const SCIENTIFIC = /^(\d+)(?:[.,](\d+))?[eE]([+-]?)(\d{1,3})$/;

/**
 * Step 4: the integer a float export denotes, as digits; `undefined` when the text is not a float export.
 * @throws InvalidIdentifierError when the text is in scientific notation that does not denote an integer
 *   exactly (too few digits: the spreadsheet rounded it; or a fraction)
 */
export function exportedInteger(text: string, field: string): string | undefined {
	// both forms start with a digit: a reference such as `R-0001` or `LL-12` is not one (no regex run)
	const first = text.charCodeAt(0);
	if (!(first >= 48 && first <= 57)) return undefined;
	const zero = ZERO_FRACTION.exec(text);
	// `1.000` may be one thousand written with a Dutch group separator: not read as a float export
	if (zero) return zero[2].length === 3 && zero[1].length <= 3 ? undefined : zero[1];
	const sci = SCIENTIFIC.exec(text);
	if (!sci || (sci[2] === undefined && sci[3] === '')) return undefined;
	const [, whole, fraction = '', sign, exp] = sci;
	let digits = whole + fraction;
	let point = whole.length + Number(exp) * (sign === '-' ? -1 : 1); // digits before the decimal point
	while (digits.length > 1 && digits[0] === '0') {
		digits = digits.slice(1);
		point--;
	}
	// every digit must be written: `1.23E+08` stands for 123000000 only as far as the spreadsheet rounded it
	if (point <= 0 || point > 30 || digits.length < point || /[1-9]/.test(digits.slice(point))) {
		throw new InvalidIdentifierError(
			field,
			'it is a number in scientific notation (e.g. 1,23E+08) that does not give every digit',
			'Format the column as text in the spreadsheet (or export it as text) so that every digit is kept, and read it again.',
		);
	}
	return digits.slice(0, point);
}

/**
 * Read an identifier by the whole rule (steps 1–4).
 * @param value a text or a number as the cell holds it
 * @param field the user's name for the field, for errors
 * @returns the clean text; `''` for an empty value (the caller decides whether that is missing)
 * @throws InvalidIdentifierError for a number that is not a whole number (or too large to be exact), a
 *   value that is not a text or number, or text that cannot be made clean
 */
export function readIdentifier(value: unknown, field: string): string {
	if (value === undefined || value === null) return '';
	if (typeof value === 'number') {
		if (!Number.isFinite(value) || !Number.isInteger(value)) throw new InvalidIdentifierError(field, 'it is a number with a fraction', 'An identifier is a whole number or a text; check the column’s number format in the spreadsheet.');
		if (!Number.isSafeInteger(value) || value < 0) throw new InvalidIdentifierError(field, 'it is a number too large to be exact (or negative)', 'Format the column as text in the spreadsheet so that every digit is kept.');
		return String(value);
	}
	if (typeof value !== 'string') throw new InvalidIdentifierError(field, 'it is not a text or a number', 'Map a column that holds a text or number.');
	const s = cleanIdentifierText(value, field);
	return exportedInteger(s, field) ?? s;
}
