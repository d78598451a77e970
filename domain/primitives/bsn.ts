/**
 * BSN (burgerservicenummer) validation by the elfproef:
 * 9·d1 + 8·d2 + 7·d3 + 6·d4 + 5·d5 + 4·d6 + 3·d7 + 2·d8 − 1·d9 ≡ 0 (mod 11), and not all zeros.
 *
 * A BSN is sensitive: no message produced here ever contains the number, or any part of it.
 */
import { InvalidFieldError } from './errors';
import { cleanIdentifierText, exportedInteger } from './identifier';

export class InvalidBsnError extends InvalidFieldError {
	constructor(field: string, reason: string) {
		super('invalid_bsn', field, `Field "${field}" is not a valid BSN: ${reason}`, 'A BSN has 9 digits (8-digit numbers get a leading zero) and passes the elfproef; check the number with the source registration.');
		this.name = 'InvalidBsnError';
	}
}

const NINE_DIGITS = /^\d{9}$/;

/** True when the 9 digits pass the elfproef. */
export function passesElfproef(digits: string): boolean {
	return NINE_DIGITS.test(digits) && elfproef(digits);
}

/** The elfproef of a text known to be 9 ASCII digits. */
function elfproef(digits: string): boolean {
	if (digits === '000000000') return false;
	let sum = 0;
	for (let i = 0; i < 8; i++) sum += (9 - i) * (digits.charCodeAt(i) - 48);
	sum -= digits.charCodeAt(8) - 48;
	return sum % 11 === 0;
}

const count = (text: string, ch: string) => text.split(ch).length - 1;
const DIGITS = /^\d+$/;

/**
 * The digits a BSN cell holds, never a different number (issue 22 §2). A float export is read as the
 * integer it denotes (`10000094.0`, `1.0000094E7` → `10000094`, by the one identifier rule); separators are
 * dropped only where the grouping is unambiguous: spaces and dashes always (`123 456 782`, `123-45-6782`), a
 * dot or comma only when it occurs twice or more (`1234.56.782`, `123.456.782`). One dot or comma is a
 * decimal mark (`10000094.5` is refused: a BSN is a whole number); a dot and a comma together are read as
 * thousands grouping plus a decimal mark of zeros (`10.000.094,0`) or refused.
 * @throws InvalidBsnError / InvalidIdentifierError saying why, without the number
 */
function bsnDigits(value: string, field: string): string {
	// digits only (the usual cell): clean, no float export, no separators — the text as it is
	if (DIGITS.test(value)) return value;
	const text = cleanIdentifierText(value, field);
	const exported = exportedInteger(text, field);
	if (exported !== undefined) return exported;
	if (!/^[\d .,-]*$/.test(text)) throw new InvalidBsnError(field, 'it contains characters other than digits');
	const dots = count(text, '.');
	const commas = count(text, ',');
	if (dots > 0 && commas > 0) {
		const last = Math.max(text.lastIndexOf('.'), text.lastIndexOf(','));
		const decimal = text[last];
		const groups = text.slice(0, last).split(decimal === '.' ? ',' : '.');
		const thousands = /^\d{1,3}$/.test(groups[0]) && groups.slice(1).every((g) => /^\d{3}$/.test(g));
		if (count(text, decimal) !== 1 || !thousands || !/^0+$/.test(text.slice(last + 1))) {
			throw new InvalidBsnError(field, 'its dots and commas cannot be read unambiguously as separators');
		}
		return groups.join('');
	}
	if (dots === 1 || commas === 1) throw new InvalidBsnError(field, 'it has a decimal fraction (a BSN is a whole number; one dot or comma is read as a decimal mark)');
	const groups = text.split(/ ?[.,-] ?| /);
	if (groups.some((g) => g === '') && text !== '') throw new InvalidBsnError(field, 'its separators cannot be read unambiguously');
	return groups.join('');
}

/**
 * Normalise and validate a BSN from a cell: format characters removed, separators dropped where the
 * grouping is unambiguous and float exports read as the integer they denote (see `bsnDigits`); 8-digit
 * numbers (Excel drops the leading zero) get a leading zero. Returns the 9-digit string.
 * @throws InvalidBsnError (or InvalidIdentifierError for unprintable characters and rounded scientific
 *   notation) without the number in the message
 */
export function normaliseBsn(value: unknown, field: string): string {
	// the usual cell, nine digits: what the steps below make of it, without them (a BSN per item on 100k items)
	if (typeof value === 'string' && NINE_DIGITS.test(value)) {
		if (!elfproef(value)) throw new InvalidBsnError(field, 'it fails the elfproef (check digit)');
		return value;
	}
	let s: string;
	if (typeof value === 'number') {
		if (!Number.isInteger(value) || value < 0) throw new InvalidBsnError(field, 'it is a number with a fraction (a BSN is a whole number)');
		s = Number.isSafeInteger(value) ? String(value) : 'x';
		if (s === 'x') throw new InvalidBsnError(field, 'it is a number with more than 9 digits');
	} else if (typeof value === 'string') s = bsnDigits(value, field);
	else throw new InvalidBsnError(field, 'expected a number of 9 digits');
	if (s === '') throw new InvalidBsnError(field, 'it is empty');
	if (!DIGITS.test(s)) throw new InvalidBsnError(field, 'it contains characters other than digits');
	if (s.length === 8) s = '0' + s;
	if (s.length !== 9) throw new InvalidBsnError(field, `it has ${s.length} digits instead of 9`);
	if (!passesElfproef(s)) throw new InvalidBsnError(field, 'it fails the elfproef (check digit)');
	return s;
}

/** Whether `value` is a valid BSN (9 digits passing the elfproef, see `normaliseBsn`); never throws. */
export function isValidBsn(value: unknown): boolean {
	try {
		normaliseBsn(value, 'bsn');
		return true;
	} catch {
		return false;
	}
}
