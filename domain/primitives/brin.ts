/**
 * BRIN school codes by their published grammar (DUO; python-stdnum `stdnum/nl/brin.py`): 2 digits and
 * 2 letters (`12AB`, the institution), optionally followed by a 2-digit location number (vestigingsnummer,
 * `12AB00`). Digits where the letters belong (`1234`, `2026`, `202601`: a year or a gemeentecode in a
 * school column) are not a BRIN. Read by the one identifier rule first (format characters removed), then
 * normalised to upper case without separators.
 */
import { describeValue, InvalidFieldError } from './errors';
import { cleanIdentifierText, stripInvisible } from './identifier';

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
		super('invalid_brin', field, `Field "${field}" is not a valid BRIN code (2 digits and 2 letters, e.g. 12AB): received ${describeValue(value)}`, 'A BRIN code is 2 digits and 2 letters (e.g. 12AB), optionally followed by a 2-digit location number (12AB00).');
		this.name = 'InvalidBrinError';
	}
}

const BRIN = /^(\d{2}[A-Z]{2})(\d{2})?$/;
const SEPARATORS = /[\s\-./]/g;

/**
 * Read a BRIN school code (DUO): 2 digits + 2 letters, optionally a 2-digit location number
 * (`12AB`, `12AB01`); any case, spaces, dashes, dots, slashes and format characters (zero-width…) ignored.
 * @returns the institution (upper case), the location if given, and the whole code (see `Brin`)
 * @throws InvalidBrinError naming `field` (the value itself is not echoed)
 */
export function parseBrin(value: unknown, field: string): Brin {
	// a number is never a BRIN (its letters are missing): `2026` in a school column is a year
	if (typeof value !== 'string') throw new InvalidBrinError(field, value);
	const s = cleanIdentifierText(value, field).toUpperCase().replace(SEPARATORS, '');
	const m = BRIN.exec(s);
	if (!m) throw new InvalidBrinError(field, value);
	return m[2] === undefined ? { institution: m[1], code: m[1] } : { institution: m[1], location: m[2], code: m[1] + m[2] };
}

/**
 * True when list entry `entry` covers the school code `code`. An entry without location (`12AB`) names the
 * whole school and covers the code with and without any location; an entry for one location (`12AB01`)
 * covers only that location — not a code without location (`12AB`: which location is unknown), not `12AB00`.
 */
export function brinMatches(entry: Brin, code: Brin): boolean {
	if (entry.institution !== code.institution) return false;
	return entry.location === undefined || entry.location === code.location;
}

/** A BRIN code, or undefined when the value is empty or not a BRIN code (e.g. a school name). */
export function tryParseBrin(value: unknown): Brin | undefined {
	if (typeof value !== 'string') return undefined;
	// no exception for a non-code: school names are common and throwing per record is slow
	const text = stripInvisible(value);
	const c = text.charCodeAt(0);
	if (!(c >= 48 && c <= 57)) return undefined; // a BRIN code starts with a digit; most school names do not
	const m = BRIN.exec(text.toUpperCase().replace(SEPARATORS, ''));
	if (!m) return undefined;
	return m[2] === undefined ? { institution: m[1], code: m[1] } : { institution: m[1], location: m[2], code: m[1] + m[2] };
}

/**
 * How closely a list entry fits a school: 2 = the same location (or both without location),
 * 1 = the entry names the whole school (4 characters) and the code one of its locations;
 * 0 = another school, or an entry for one location and a code for another or without location.
 */
export function brinSpecificity(entry: Brin, code: Brin): 0 | 1 | 2 {
	if (!brinMatches(entry, code)) return 0;
	return entry.location === code.location ? 2 : 1;
}

/**
 * The entries of a list that fit `code` best: an entry for exactly this location (or this school
 * without location) wins over an entry for the whole school, so a list that holds `12AB` and `12AB01`
 * gives `12AB01` for a case at `12AB01` and `12AB` for one at `12AB00`. Empty when no entry fits.
 */
export function mostSpecific<T>(entries: ReadonlyArray<{ brin: Brin; value: T }>, code: Brin): T[] {
	let best = 0;
	let found: T[] = [];
	for (const e of entries) {
		const s = brinSpecificity(e.brin, code);
		if (s === 0 || s < best) continue;
		if (s > best) {
			best = s;
			found = [];
		}
		found.push(e.value);
	}
	return found;
}
