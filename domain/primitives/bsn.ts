/**
 * BSN (burgerservicenummer) validation by the elfproef:
 * 9·d1 + 8·d2 + 7·d3 + 6·d4 + 5·d5 + 4·d6 + 3·d7 + 2·d8 − 1·d9 ≡ 0 (mod 11), and not all zeros.
 *
 * A BSN is sensitive: no message produced here ever contains the number, or any part of it.
 */
import { InvalidFieldError } from './errors';

export class InvalidBsnError extends InvalidFieldError {
	constructor(field: string, reason: string) {
		super('invalid_bsn', field, `Field "${field}" is not a valid BSN: ${reason}`, 'A BSN has 9 digits (8-digit numbers get a leading zero) and passes the elfproef; check the number with the source registration.');
		this.name = 'InvalidBsnError';
	}
}

/** True when the 9 digits pass the elfproef. */
export function passesElfproef(digits: string): boolean {
	if (!/^\d{9}$/.test(digits) || digits === '000000000') return false;
	let sum = 0;
	for (let i = 0; i < 8; i++) sum += (9 - i) * (digits.charCodeAt(i) - 48);
	sum -= digits.charCodeAt(8) - 48;
	return sum % 11 === 0;
}

/**
 * Normalise and validate a BSN from a cell: spaces, dots and dashes are ignored, 8-digit numbers
 * (Excel drops the leading zero) get a leading zero. Returns the 9-digit string.
 * @throws InvalidBsnError without the number in the message
 */
export function normaliseBsn(value: unknown, field: string): string {
	let s: string;
	if (typeof value === 'number' && Number.isInteger(value) && value >= 0) s = String(value);
	else if (typeof value === 'string') s = value.replace(/[\s.-]/g, '');
	else throw new InvalidBsnError(field, 'expected a number of 9 digits');
	if (s === '') throw new InvalidBsnError(field, 'it is empty');
	if (!/^\d+$/.test(s)) throw new InvalidBsnError(field, 'it contains characters other than digits');
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
