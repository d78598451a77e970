/**
 * Reading one case (a spreadsheet row or form record) and applying a deadline rule to it.
 * Field names are the user's; every error names the field it is about and never echoes free text.
 */
import { AddressList, parseAddressList } from '../primitives/addresses';
import { Brin, brinMatches, tryParseBrin } from '../primitives/brin';
import { CalendarDate } from '../primitives/dates';
import { InvalidFieldError, MissingFieldError } from '../primitives/errors';
import { HolidayCalendar } from '../calendar/holidays';
import { CaseStatus, ClockConfig, ClockResult, evaluateClock } from './clock';
import { formatIsoDateCached as formatIsoDate, parseDateCached as parseCalendarDate } from '../primitives/dateCache';
import { isBlank } from '../primitives/blank';
import { readIdentifier, stripInvisible } from '../primitives/identifier';
import { deepFreeze } from '../primitives/shared';

export type RuleId = 'eightWeek' | 'thuiszitter' | 'custom';

export interface CaseFields {
	caseRef: string;
	clockStart: string;
	stop: string;
	school: string;
	brin: string;
	zorgteam: string;
	recipientEmail: string;
}

export interface CheckSpec {
	rule: RuleId;
	clock: ClockConfig;
	fields: CaseFields;
	reference: CalendarDate;
	/** Time zone in which timestamps in date fields are read. */
	zone: string;
	/** Case reference required (alert-once, grouping). */
	requireCaseRef: boolean;
	/** Known schools (names, BRIN codes by the one BRIN rule); a case at another school is an error. */
	knownSchools?: KnownSchools;
	/**
	 * Node version 1.3: every case says whether its due date is known (`dueDateKnown`) and its status certain
	 * (`statusCertain`); the grouped mail and the KPIs mark the others (issue 21 §1).
	 */
	markUncertain?: boolean;
}

export type FieldReader = (field: string) => unknown;

export interface CaseCheck extends ClockResult {
	caseRef: string;
	clockStart: CalendarDate;
	stop?: CalendarDate;
	school: string;
	zorgteam: string;
	/** The recipient addresses as one comma-separated list (`a@x.nl, b@y.nl`); empty when none. */
	recipientEmail: string;
	/** The same addresses as an array, duplicates removed case-insensitively; frozen, shared by cases with the same text. */
	recipientEmails: readonly string[];
	/** The holiday calendar the case was counted with (its source and, for the built-in one, the region and why), when counting school weeks. */
	calendarSource?: string;
}

/** A known-schools list: school names (lower case) and BRIN codes. */
export interface KnownSchools {
	names: Set<string>;
	brins: Brin[];
}

/** A school, BRIN or zorgteam text by the one identifier rule's cleaning (format characters, spaces: `stripInvisible`). */
const text = (v: unknown) => (isBlank(v) ? '' : stripInvisible(String(v)));

/**
 * Read a known-schools list (comma/semicolon/newline separated). An entry that is a BRIN code is read by
 * the one BRIN rule (`domain/primitives/brin`: any case and spacing; `12AB` covers all its locations); any other
 * entry is a school name, compared case-insensitively.
 */
export function parseKnownSchools(list: string): KnownSchools | undefined {
	const entries = list
		.split(/[\n,;]/)
		.map((s) => stripInvisible(s))
		.filter((s) => s !== '');
	if (!entries.length) return undefined;
	const known: KnownSchools = { names: new Set(), brins: [] };
	for (const e of entries) {
		const brin = tryParseBrin(e);
		if (brin) known.brins.push(brin);
		else known.names.add(e.toLowerCase());
	}
	return known;
}

/** True when the school name or either value read as a BRIN code is on the list. */
export function isKnownSchool(known: KnownSchools, school: string, brin: string): boolean {
	if (school !== '' && known.names.has(school.toLowerCase())) return true;
	for (const value of [school, brin]) {
		const code = value === '' ? undefined : tryParseBrin(value);
		if (code && known.brins.some((k) => brinMatches(k, code))) return true;
	}
	return false;
}

/**
 * Spreadsheets repeat the same few zorgteam addresses: parse each text once (small, bounded cache).
 * The list is frozen and shared: every case with the same text gets the same array (see caseOutput).
 */
const addressCache = new Map<string, AddressList>();
const NO_ADDRESSES: AddressList = deepFreeze({ addresses: [], text: '' });
function readAddresses(value: unknown, field: string): AddressList {
	if (isBlank(value)) return NO_ADDRESSES;
	if (typeof value !== 'string') return deepFreeze(parseAddressList(value, field));
	// keyed by the text alone: only successful parses are cached, and those do not depend on the field name
	let list = addressCache.get(value);
	if (!list) {
		list = deepFreeze(parseAddressList(value, field));
		if (addressCache.size >= 1000) addressCache.clear();
		addressCache.set(value, list);
	}
	return list;
}

const CASE_REF_SAFE = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,63}$/;

/**
 * A case reference fit to name a row in an error (issue 22 §5): read by the one identifier rule and of the
 * pseudonymous form (letters, digits, `- . _ /`, at most 64); undefined for anything else (never a name).
 */
export function safeCaseReference(value: unknown): string | undefined {
	if (isBlank(value)) return undefined;
	try {
		const ref = readIdentifier(value, 'caseRef');
		return CASE_REF_SAFE.test(ref) ? ref : undefined;
	} catch {
		return undefined;
	}
}

/** Read and check one case. Throws InvalidFieldError/MissingFieldError naming the field. */
export function checkCase(read: FieldReader, spec: CheckSpec, calendar?: HolidayCalendar): CaseCheck {
	const { fields } = spec;
	const rawRef = read(fields.caseRef);
	// the one identifier rule: format characters removed, `2026001.0` read as `2026001`; unprintable: an error
	const caseRef = isBlank(rawRef) ? '' : readIdentifier(rawRef, fields.caseRef);
	if (spec.requireCaseRef && caseRef === '') {
		throw new MissingFieldError(fields.caseRef, `Map "Case Reference Field" to the column with the pseudonymous case reference (e.g. C-2026-0001); alerts and grouping need it.`);
	}
	if (caseRef !== '' && !CASE_REF_SAFE.test(caseRef)) {
		throw new InvalidFieldError(
			'invalid_case_ref',
			fields.caseRef,
			`Field "${fields.caseRef}" is not a pseudonymous case reference (letters, digits, - . _ / only, at most 64 characters)`,
			'Use a pseudonymous reference such as C-2026-0001, never a name or BSN.',
		);
	}
	const rawStart = read(fields.clockStart);
	if (isBlank(rawStart)) throw new MissingFieldError(fields.clockStart, `Fill in "${fields.clockStart}" (the date the clock starts) or map another column to it.`);
	const clockStart = parseCalendarDate(rawStart, fields.clockStart, spec.zone);
	const rawStop = read(fields.stop);
	const stop = isBlank(rawStop) ? undefined : parseCalendarDate(rawStop, fields.stop, spec.zone);

	// A BRIN code is read by the one BRIN rule (12 ab → 12AB), so groups and KPIs per school see one school; names stay as written.
	const schoolText = text(read(fields.school));
	const school = tryParseBrin(schoolText)?.code ?? schoolText;
	if (spec.knownSchools) {
		const brin = text(read(fields.brin));
		if (!isKnownSchool(spec.knownSchools, school, brin)) {
			if (school === '' && brin === '') throw new MissingFieldError(fields.school, `Fill in "${fields.school}" or "${fields.brin}"; the node checks schools against the list of known schools.`);
			throw new InvalidFieldError(
				'unknown_school',
				fields.school,
				`Field "${fields.school}" (and "${fields.brin}") name a school that is not in the list of known schools`,
				'Correct the school name or BRIN, or add the school to "Known Schools".',
			);
		}
	}
	const recipients = readAddresses(read(fields.recipientEmail), fields.recipientEmail);
	const result = evaluateClock({ clockStart, stop, reference: spec.reference }, spec.clock, { clockStart: fields.clockStart, stop: fields.stop }, calendar);
	// One literal with every field (a spread of `result` copied it into a second object per case).
	return {
		deadline: result.deadline,
		status: result.status,
		daysElapsed: result.daysElapsed,
		daysRemaining: result.daysRemaining,
		closed: result.closed,
		uncovered: result.uncovered,
		dueDateKnown: result.dueDateKnown,
		statusCertain: result.statusCertain,
		caseRef,
		clockStart,
		stop,
		school,
		zorgteam: text(read(fields.zorgteam)),
		recipientEmail: recipients.text,
		recipientEmails: recipients.addresses,
		calendarSource: spec.clock.counting === 'schoolWeeks' ? calendar?.source : undefined,
	};
}

/** True when the case has a value in its clock-start field (e.g. `homeSince` for the thuiszitter rule). */
export function hasClockStart(read: FieldReader, spec: CheckSpec): boolean {
	return !isBlank(read(spec.fields.clockStart));
}

/**
 * The result for a case the rule does not apply to (no clock start, and the user chose to pass such
 * cases instead of treating them as errors) — e.g. a pupil who is not a thuiszitter.
 */
export function notApplicableOutput(spec: CheckSpec): CaseOutput {
	return {
		rule: spec.rule,
		status: 'not_applicable',
		clockStart: null,
		stopDate: null,
		dueDate: null,
		daysElapsed: null,
		daysRemaining: null,
		referenceDate: formatIsoDate(spec.reference),
		countedIn: spec.clock.counting === 'schoolWeeks' ? 'school days' : 'calendar days',
	};
}

export interface CaseOutput {
	rule: RuleId;
	status: CaseStatus | 'not_applicable';
	clockStart: string | null;
	stopDate: string | null;
	dueDate: string | null;
	daysElapsed: number | null;
	daysRemaining: number | null;
	referenceDate: string;
	countedIn: 'calendar days' | 'school days';
	/** Present when the holiday calendar does not cover part of the clock's span. */
	calendarGaps?: Array<{ from: string; to: string }>;
	calendarWarning?: string;
	/** Node version 1.3: false when `dueDate` is only the earliest possible due date (the calendar does not cover the days up to it). */
	dueDateKnown?: boolean;
	/** Node version 1.3: false when a complete calendar could give another status (see `ClockResult.statusCertain`). */
	statusCertain?: boolean;
	/** Node version 1.3, school weeks: which holiday calendar counted the case, e.g. the built-in region and why it was chosen. */
	holidayCalendar?: string;
	/** The case's recipient addresses as one comma-separated list, duplicates removed (issue 15 §3); '' when none. */
	recipientEmail?: string;
	/**
	 * The same addresses as an array: frozen and shared by every case with the same address text (one array
	 * per distinct text, not per case: a copy per case was most of this node's cost per item). Change it by
	 * assigning a new array (n8n's Edit Fields node copies the item first); changing it in place throws.
	 */
	recipientEmails?: readonly string[];
}

/** The fields added to an output item (under the node's output field). */
export function caseOutput(check: CaseCheck, spec: CheckSpec): CaseOutput {
	const out: CaseOutput = {
		rule: spec.rule,
		status: check.status,
		clockStart: formatIsoDate(check.clockStart),
		stopDate: check.stop === undefined ? null : formatIsoDate(check.stop),
		dueDate: formatIsoDate(check.deadline),
		daysElapsed: check.daysElapsed,
		daysRemaining: check.daysRemaining,
		referenceDate: formatIsoDate(spec.reference),
		countedIn: spec.clock.counting === 'schoolWeeks' ? 'school days' : 'calendar days',
		recipientEmail: check.recipientEmail,
		recipientEmails: check.recipientEmails,
	};
	if (spec.markUncertain) {
		out.dueDateKnown = check.dueDateKnown;
		out.statusCertain = check.statusCertain;
		if (check.calendarSource !== undefined) out.holidayCalendar = check.calendarSource;
	}
	if (check.uncovered.length) {
		out.calendarGaps = check.uncovered.map((g) => ({ from: formatIsoDate(g.start), to: formatIsoDate(g.end) }));
		out.calendarWarning =
			`The holiday calendar does not cover ${out.calendarGaps.map((g) => `${g.from} to ${g.to}`).join(', ')}; ` +
			'those days were counted as school days. Add the holidays for that period to the calendar.' +
			(spec.markUncertain && !check.dueDateKnown ? ` The due date ${out.dueDate} is the earliest possible one; the real one may be later.` : '');
	}
	return out;
}
