/**
 * The list of schools the trigger evaluates, as the user maintains it in the node.
 * Each school is evaluated separately (S1 kernbepaling 11: "per school twee keer per jaar").
 */
import { parseAddressList } from '../addresses';
import { parseBrin } from '../brin';
import { InvalidFieldError } from '../errors';

export interface School {
	name: string;
	/** BRIN code, normalised (12AB or 12AB01). Also the school's part of the deduplication key. */
	brin: string;
	/** The zorgteam's e-mail address (where the agenda goes). */
	/** The zorgteam's addresses as one comma-separated list (empty when none). */
	zorgteamEmail: string;
	/** The same addresses as an array. */
	zorgteamEmails: string[];
	/** The youth care provider (jeugdhulpaanbieder) that leads the evaluation. */
	provider: string;
}

/** The key of "no list given": one evaluation for everything. */
export const ALL_SCHOOLS_KEY = 'all';

export interface SchoolInput {
	name?: unknown;
	brin?: unknown;
	zorgteamEmail?: unknown;
	provider?: unknown;
}

function text(value: unknown): string {
	return typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '';
}

/**
 * Validate the school list. The BRIN is required and unique (it identifies the school in the
 * "exactly once" record); the e-mail address, when given, must look like one.
 * Errors name the row (1-based) and the field, never the school's data.
 */
export function parseSchools(rows: SchoolInput[]): School[] {
	const seen = new Map<string, number>();
	return rows.map((row, index) => {
		const n = index + 1;
		const field = (f: string) => `Schools → school ${n} → ${f}`;
		const brinText = text(row.brin);
		if (brinText === '') {
			throw new InvalidFieldError('missing_field', field('BRIN'), `School ${n} has no BRIN code`, 'Every school in the list needs its BRIN code (e.g. 12AB); it keeps each school\'s evaluation from being sent twice.');
		}
		const brin = parseBrin(brinText, field('BRIN')).code;
		const earlier = seen.get(brin);
		if (earlier !== undefined) {
			throw new InvalidFieldError('duplicate_school', field('BRIN'), `School ${n} has the same BRIN code as school ${earlier}`, 'List each school (BRIN and location) once.');
		}
		seen.set(brin, n);
		// One or more addresses, read by the one address rule (domain/addresses).
		const emails = parseAddressList(typeof row.zorgteamEmail === 'number' ? String(row.zorgteamEmail) : row.zorgteamEmail ?? '', field('Zorgteam Email'));
		return { name: text(row.name) || brin, brin, zorgteamEmail: emails.text, zorgteamEmails: emails.addresses, provider: text(row.provider) };
	});
}
