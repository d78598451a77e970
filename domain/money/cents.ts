/**
 * Money as integer euro cents. Every amount in the settlement core is a safe integer number of cents;
 * euros with decimals exist only at the edges (parsing input, formatting statements).
 *
 * Parsing accepts what Dutch spreadsheets contain: numbers (euros), `1.234,56`, `€ 1.234,56`, `EUR 1234,56`,
 * `1234.56`, `1.234,-` (whole euros), `-12,50`. The rule for separators, in order:
 * 1. both `.` and `,` present → the last one is the decimal separator, the other groups thousands;
 * 2. only `,` → decimal comma (Dutch), e.g. `12,5` = € 12,50;
 * 3. only `.` → thousands if it groups exactly like `1.234` or `1.234.567` (Dutch), else a decimal point (`12.50`).
 * More than two decimals is an error for an amount (a cent is the smallest unit); tariffs and fte use `parseDecimal`.
 */
import { describeValue, InvalidFieldError } from '../primitives/errors';
import type { Language } from '../primitives/language';

/** Integer euro cents (a safe integer). */
export type Cents = number;

export const AMOUNT_FORMATS = 'a number in euros (1234.56), Dutch notation (1.234,56 or € 1.234,56 or 1.234,-) or 1234.56';

export class InvalidAmountError extends InvalidFieldError {
	constructor(field: string, reason: string) {
		super('invalid_amount', field, `Field "${field}" is not a valid amount: ${reason}`, `Use ${AMOUNT_FORMATS}; at most two decimals (cents).`);
		this.name = 'InvalidAmountError';
	}
}

export class InvalidNumberError extends InvalidFieldError {
	constructor(field: string, reason: string, hint?: string) {
		super('invalid_number', field, `Field "${field}" is not a valid number: ${reason}`, hint ?? 'Use a number such as 12, 12.5 or 12,5 (Dutch decimal comma).');
		this.name = 'InvalidNumberError';
	}
}

const CURRENCY = /^(?:€|eur|euro)\s*|\s*(?:€|eur|euro)$/gi;

/**
 * Normalise a decimal text to `[-]digits[.digits]` following the separator rule above, or undefined.
 * Exported for tests.
 */
export function normaliseDecimalText(raw: string): string | undefined {
	let s = raw.replace(/[\u00a0\u202f\s]/g, ' ').trim();
	s = s.replace(CURRENCY, '').trim();
	let negative = false;
	if (/^\(.*\)$/.test(s)) {
		negative = true;
		s = s.slice(1, -1).trim();
	}
	if (s.startsWith('-') || s.startsWith('−')) {
		negative = !negative;
		s = s.slice(1).trim();
	} else if (s.endsWith('-') && !/,-$/.test(s) && !/\.-$/.test(s)) {
		negative = !negative;
		s = s.slice(0, -1).trim();
	} else if (s.startsWith('+')) {
		s = s.slice(1).trim();
	}
	s = s.replace(CURRENCY, '').trim();
	// "1.234,-" / "12,--": whole euros
	s = s.replace(/[.,]-{1,2}$/, '');
	s = s.replace(/ /g, '');
	if (!/^[0-9.,]+$/.test(s) || !/[0-9]/.test(s)) return undefined;
	const lastDot = s.lastIndexOf('.');
	const lastComma = s.lastIndexOf(',');
	let intPart: string;
	let fracPart = '';
	if (lastDot >= 0 && lastComma >= 0) {
		const decimalSep = lastDot > lastComma ? '.' : ',';
		const groupSep = decimalSep === '.' ? ',' : '.';
		const at = s.lastIndexOf(decimalSep);
		intPart = s.slice(0, at);
		fracPart = s.slice(at + 1);
		if (intPart.includes(decimalSep) || fracPart.includes(groupSep)) return undefined;
		if (!new RegExp(`^\\d{1,3}(\\${groupSep}\\d{3})*$`).test(intPart)) return undefined;
		intPart = intPart.split(groupSep).join('');
	} else if (lastComma >= 0) {
		const parts = s.split(',');
		if (parts.length !== 2) return undefined;
		[intPart, fracPart] = parts;
	} else if (lastDot >= 0) {
		if (/^\d{1,3}(\.\d{3})+$/.test(s)) {
			intPart = s.split('.').join('');
		} else {
			const parts = s.split('.');
			if (parts.length !== 2) return undefined;
			[intPart, fracPart] = parts;
		}
	} else {
		intPart = s;
	}
	if (intPart === '') intPart = '0';
	if (!/^\d+$/.test(intPart) || !/^\d*$/.test(fracPart)) return undefined;
	if (intPart === '0' && fracPart === '' && s.replace(/[.,]/g, '') === '') return undefined;
	return `${negative ? '-' : ''}${intPart}${fracPart ? '.' + fracPart : ''}`;
}

export interface AmountOptions {
	/** Allow negative amounts (credit notes). Default false. */
	allowNegative?: boolean;
}

/** Parse a euro amount to integer cents. */
export function parseAmount(value: unknown, field: string, options: AmountOptions = {}): Cents {
	let text: string;
	if (typeof value === 'number') {
		if (!Number.isFinite(value)) throw new InvalidAmountError(field, 'the number is not finite');
		const cents = Math.round(value * 100);
		if (Math.abs(value * 100 - cents) > 1e-6 * Math.max(1, Math.abs(cents))) {
			throw new InvalidAmountError(field, `${describeValue(value)} has more than two decimals`);
		}
		return checkCents(cents, field, options);
	} else if (typeof value === 'string') {
		if (value.trim() === '') throw new InvalidAmountError(field, 'it is empty');
		const normalised = normaliseDecimalText(value);
		if (normalised === undefined) throw new InvalidAmountError(field, `${describeValue(value)} is not in a recognised notation`);
		text = normalised;
	} else {
		throw new InvalidAmountError(field, `received ${describeValue(value)}`);
	}
	const negative = text.startsWith('-');
	const [intPart, fracPart = ''] = (negative ? text.slice(1) : text).split('.');
	if (fracPart.length > 2 && /[1-9]/.test(fracPart.slice(2))) {
		throw new InvalidAmountError(field, `${describeValue(value)} has more than two decimals`);
	}
	const cents = Number(intPart) * 100 + Number((fracPart + '00').slice(0, 2));
	if (!Number.isSafeInteger(cents)) throw new InvalidAmountError(field, 'the amount is too large');
	return checkCents(negative ? -cents : cents, field, options);
}

function checkCents(cents: number, field: string, options: AmountOptions): Cents {
	if (!Number.isSafeInteger(cents)) throw new InvalidAmountError(field, 'the amount is too large');
	if (cents < 0 && !options.allowNegative) throw new InvalidAmountError(field, 'it is negative');
	return cents === 0 ? 0 : cents;
}

/** Parse a non-monetary decimal (hours, fte, tariffs per hour with more precision): numbers or Dutch/English text. */
export function parseDecimal(value: unknown, field: string, options: { allowNegative?: boolean } = {}): number {
	let n: number;
	if (typeof value === 'number') {
		n = value;
	} else if (typeof value === 'string' && value.trim() !== '') {
		const normalised = normaliseDecimalText(value);
		if (normalised === undefined) throw new InvalidNumberError(field, `${describeValue(value)} is not a number`);
		n = Number(normalised);
	} else {
		throw new InvalidNumberError(field, `received ${describeValue(value)}`);
	}
	if (!Number.isFinite(n)) throw new InvalidNumberError(field, 'the number is not finite');
	if (n < 0 && !options.allowNegative) throw new InvalidNumberError(field, `${describeValue(value)} is negative`, 'Use zero or a positive number.');
	return n === 0 ? 0 : n;
}

/** Format cents as euros: nl `€ 1.234,56`, en `€1,234.56`. */
export function formatEuro(cents: Cents, language: Language = 'nl'): string {
	const negative = cents < 0;
	const abs = Math.abs(cents);
	const euros = Math.floor(abs / 100);
	const rest = String(abs % 100).padStart(2, '0');
	const group = language === 'nl' ? '.' : ',';
	const decimal = language === 'nl' ? ',' : '.';
	const grouped = String(euros).replace(/\B(?=(\d{3})+(?!\d))/g, group);
	const sign = negative ? '-' : '';
	return language === 'nl' ? `${sign}€ ${grouped}${decimal}${rest}` : `${sign}€${grouped}${decimal}${rest}`;
}

/** Cents as a plain euro number with two decimals (for spreadsheets): 123456 → 1234.56. */
export function centsToEuros(cents: Cents): number {
	return Math.round(cents) / 100;
}

/** Exact rational rounding: round(numerator / denominator) half away from zero, for non-negative bigints. */
export function roundDiv(numerator: bigint, denominator: bigint): bigint {
	if (denominator <= 0n) throw new Error('roundDiv: denominator must be positive');
	const negative = numerator < 0n;
	const n = negative ? -numerator : numerator;
	const q = n / denominator;
	const r = n % denominator;
	const rounded = r * 2n >= denominator ? q + 1n : q;
	return negative ? -rounded : rounded;
}

/** Scale a decimal to an integer number of 1/10^digits units, exactly from its decimal text. */
export function toScaledInteger(value: number, digits: number): bigint {
	const text = value.toFixed(digits + 2);
	const negative = text.startsWith('-');
	const [i, f = ''] = (negative ? text.slice(1) : text).split('.');
	const scale = 10n ** BigInt(digits);
	const whole = BigInt(i) * scale + BigInt((f + '0'.repeat(digits)).slice(0, digits) || '0');
	// round on the next two digits
	const next = Number((f + '00').slice(digits, digits + 2));
	const rounded = next >= 50 ? whole + 1n : whole;
	return negative ? -rounded : rounded;
}
