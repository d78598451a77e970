/**
 * The list of schools the trigger evaluates, as the user maintains it in the node.
 * Each school is evaluated separately (S1 kernbepaling 11: "per school twee keer per jaar").
 */
import { parseAddressList } from '../primitives/addresses';
import { parseBrin } from '../primitives/brin';
import { InvalidFieldError } from '../primitives/errors';
import { isBlank } from '../primitives/blank';

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
	/** For a whole-school entry: its locations listed on their own (they get their own evaluation). */
	locationsEvaluatedSeparately: string[];
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

/** The school list as read: the schools to evaluate and how many entries were left completely empty. */
export interface SchoolList {
	schools: School[];
	/** Entries whose name, BRIN, e-mail and provider are all empty (skipped, never an error; issue 11 §2). */
	blankEntries: number;
}

function isBlankEntry(row: SchoolInput): boolean {
	return [row.name, row.brin, row.zorgteamEmail, row.provider].every(isBlank);
}

/**
 * Validate the school list. An entry left completely empty (an added row never filled in) is skipped
 * and counted. The BRIN is otherwise required and unique after the one BRIN rule (`12 ab` = `12AB`; it
 * identifies the school in the "exactly once" record); the e-mail address, when given, must look like one.
 * A school and one of its locations may both be listed: the more specific entry wins, as everywhere
 * (docs/data-as-it-arrives.md "School codes (BRIN)") — the location (`12AB01`) gets its own evaluation, and the whole-school
 * entry (`12AB`) covers the other locations and names the separate ones in `locationsEvaluatedSeparately`.
 * Errors name the row (1-based, counting blank rows) and the field, never the school's data.
 */
export function parseSchoolList(rows: SchoolInput[]): SchoolList {
	const seen = new Map<string, number>();
	const schools: School[] = [];
	let blankEntries = 0;
	rows.forEach((row, index) => {
		if (isBlankEntry(row)) {
			blankEntries++;
			return;
		}
		const n = index + 1;
		const field = (f: string) => `Schools → school ${n} → ${f}`;
		const brinText = text(row.brin);
		if (brinText === '') {
			throw new InvalidFieldError('missing_field', field('BRIN'), `School ${n} has no BRIN code`, 'Every school in the list needs its BRIN code (e.g. 12AB); it keeps each school\'s evaluation from being sent twice.');
		}
		const brin = parseBrin(brinText, field('BRIN'));
		const earlier = seen.get(brin.code);
		if (earlier !== undefined) {
			throw new InvalidFieldError('duplicate_school', field('BRIN'), `School ${n} has the same BRIN code as school ${earlier}`, 'List each school (BRIN and location) once.');
		}
		seen.set(brin.code, n);
		// One or more addresses, read by the one address rule (domain/primitives/addresses).
		const emails = parseAddressList(typeof row.zorgteamEmail === 'number' ? String(row.zorgteamEmail) : row.zorgteamEmail ?? '', field('Zorgteam Email'));
		schools.push({ name: text(row.name) || brin.code, brin: brin.code, zorgteamEmail: emails.text, zorgteamEmails: emails.addresses, provider: text(row.provider), locationsEvaluatedSeparately: [] });
	});
	// the more specific entry wins: a whole-school entry names its locations that are listed on their own
	for (const school of schools) {
		if (school.brin.length !== 4) continue;
		school.locationsEvaluatedSeparately = schools.filter((s) => s.brin.length === 6 && s.brin.startsWith(school.brin)).map((s) => s.brin);
	}
	return { schools, blankEntries };
}

/** The schools of the list (blank entries skipped); see `parseSchoolList`. */
export function parseSchools(rows: SchoolInput[]): School[] {
	return parseSchoolList(rows).schools;
}
