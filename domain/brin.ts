/**
 * BRIN school codes: 4 characters (2 digits + 2 letters/digits, e.g. `12AB`), optionally followed by
 * a 2-digit location number (vestigingsnummer, e.g. `12AB00`). Normalised to upper case without separators.
 */
import { describeValue, InvalidFieldError } from './errors';

export interface Brin {
	/** The 4-character institution code, upper case. */
	institution: string;
	/** The 2-digit location number, if given. */
	location?: string;
	/** `12AB` or `12AB01`. */
	code: string;
}

export class InvalidBrinError extends InvalidFieldError {
	constructor(field: string, value: unknown) {
		super('invalid_brin', field, `Field "${field}" is not a valid BRIN code: received ${describeValue(value)}`, 'A BRIN code is 2 digits and 2 letters or digits (e.g. 12AB), optionally followed by a 2-digit location number (12AB00).');
		this.name = 'InvalidBrinError';
	}
}

const BRIN = /^(\d{2}[A-Z0-9]{2})(\d{2})?$/;

export function parseBrin(value: unknown, field: string): Brin {
	if (typeof value !== 'string' && typeof value !== 'number') throw new InvalidBrinError(field, value);
	const s = String(value).toUpperCase().replace(/[\s\-./]/g, '');
	const m = BRIN.exec(s);
	if (!m) throw new InvalidBrinError(field, value);
	return m[2] === undefined ? { institution: m[1], code: m[1] } : { institution: m[1], location: m[2], code: m[1] + m[2] };
}

/** True when two codes name the same school; a code without location matches all of its locations. */
export function brinMatches(a: Brin, b: Brin): boolean {
	if (a.institution !== b.institution) return false;
	return a.location === undefined || b.location === undefined || a.location === b.location;
}
