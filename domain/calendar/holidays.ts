/**
 * Holiday calendars for counting school weeks.
 *
 * A calendar is a set of inclusive holiday ranges (first and last day off) plus the period it
 * claims to cover. Days inside a holiday do not count; days outside the covered period are
 * counted as school days but reported, because the calendar cannot say whether they were holidays.
 *
 * Everything works on `CalendarDate` day numbers: counting is a binary search over merged ranges
 * with prefix sums, so a case costs a few array look-ups, not a walk over its days.
 */
import { CalendarDate, formatIsoDate, parseCalendarDate } from '../primitives/dates';
import { InvalidFieldError } from '../primitives/errors';

export interface HolidayRange {
	/** First day off (inclusive). */
	start: CalendarDate;
	/** Last day off (inclusive). */
	end: CalendarDate;
	name?: string;
}

export interface DateSpan {
	start: CalendarDate;
	end: CalendarDate;
}

export const HOLIDAY_LIST_FORMAT =
	'one holiday per line as "<first day> - <last day>" (or "t/m"), optionally followed by a name, e.g. "2026-10-17 - 2026-10-25 Herfstvakantie" or "17-10-2026 t/m 25-10-2026"';

export class InvalidHolidayListError extends InvalidFieldError {
	constructor(field: string, message: string) {
		super('invalid_holiday_calendar', field, message, `Write ${HOLIDAY_LIST_FORMAT}.`);
		this.name = 'InvalidHolidayListError';
	}
}

/** Merge overlapping or adjacent ranges; result sorted and disjoint. */
function merge(ranges: DateSpan[]): DateSpan[] {
	const sorted = [...ranges].sort((a, b) => a.start - b.start);
	const out: DateSpan[] = [];
	for (const r of sorted) {
		const last = out[out.length - 1];
		if (last && r.start <= last.end + 1) {
			if (r.end > last.end) last.end = r.end;
		} else {
			out.push({ start: r.start, end: r.end });
		}
	}
	return out;
}

export class HolidayCalendar {
	/** Merged, sorted holiday ranges. */
	private readonly starts: Int32Array;
	private readonly ends: Int32Array;
	/** cumulative[i] = holiday days in ranges 0..i-1 */
	private readonly cumulative: Float64Array;
	/** Covered periods, merged and sorted. */
	readonly coverage: DateSpan[];
	readonly holidays: HolidayRange[];
	/** Where the calendar came from, for messages and docs. */
	readonly source: string;

	constructor(holidays: HolidayRange[], coverage: DateSpan[] | undefined, source = 'user calendar') {
		this.holidays = holidays.map((h) => ({ ...h }));
		this.source = source;
		const merged = merge(holidays);
		this.starts = Int32Array.from(merged.map((r) => r.start));
		this.ends = Int32Array.from(merged.map((r) => r.end));
		this.cumulative = new Float64Array(merged.length + 1);
		for (let i = 0; i < merged.length; i++) this.cumulative[i + 1] = this.cumulative[i] + (merged[i].end - merged[i].start + 1);
		if (coverage) {
			this.coverage = merge(coverage);
		} else if (merged.length) {
			// Without a stated coverage, a list covers the span from its first to its last holiday.
			this.coverage = [{ start: merged[0].start, end: merged[merged.length - 1].end }];
		} else {
			this.coverage = [];
		}
	}

	/** Holiday days on or before `date`. */
	private holidaysUpTo(date: CalendarDate): number {
		// index of the last range starting on or before date
		let lo = 0;
		let hi = this.starts.length - 1;
		let idx = -1;
		while (lo <= hi) {
			const mid = (lo + hi) >> 1;
			if (this.starts[mid] <= date) {
				idx = mid;
				lo = mid + 1;
			} else {
				hi = mid - 1;
			}
		}
		if (idx < 0) return 0;
		const end = this.ends[idx];
		return this.cumulative[idx] + (date >= end ? end - this.starts[idx] + 1 : date - this.starts[idx] + 1);
	}

	/** Holiday days in the inclusive range [from, to] (0 when to < from). */
	holidayDaysIn(from: CalendarDate, to: CalendarDate): number {
		if (to < from) return 0;
		return this.holidaysUpTo(to) - this.holidaysUpTo(from - 1);
	}

	isHoliday(date: CalendarDate): boolean {
		return this.holidayDaysIn(date, date) === 1;
	}

	/** Counted (non-holiday) days after `from` up to and including `to`; negative when `to` is before `from`. */
	countedDaysBetween(from: CalendarDate, to: CalendarDate): number {
		if (to >= from) return to - from - this.holidayDaysIn(from + 1, to);
		return -(from - to - this.holidayDaysIn(to + 1, from));
	}

	/** The day on which the `n`-th counted day after `from` falls (n ≥ 0; n = 0 gives `from`). Never a holiday when n > 0. */
	addCountedDays(from: CalendarDate, n: number): CalendarDate {
		let d = from + n;
		for (;;) {
			const next = from + n + this.holidayDaysIn(from + 1, d);
			if (next === d) return d;
			d = next;
		}
	}

	/** Parts of [from, to] that the calendar does not cover. */
	uncovered(from: CalendarDate, to: CalendarDate): DateSpan[] {
		const gaps: DateSpan[] = [];
		let cursor = from;
		for (const c of this.coverage) {
			if (cursor > to) break;
			if (c.end < cursor) continue;
			if (c.start > cursor) gaps.push({ start: cursor, end: Math.min(to, c.start - 1) });
			cursor = Math.max(cursor, c.end + 1);
		}
		if (cursor <= to) gaps.push({ start: cursor, end: to });
		return gaps;
	}

	/** Human-readable coverage, e.g. "2025-09-01 to 2026-08-30". */
	describeCoverage(): string {
		if (!this.coverage.length) return 'no dates';
		return this.coverage.map((c) => `${formatIsoDate(c.start)} to ${formatIsoDate(c.end)}`).join(', ');
	}
}

const RANGE_LINE = /^\s*(\S+)\s*(?:-|–|—|t\/m|tot en met|to|until|tot)\s*(\S+)\s*(.*)$/i;
/** A date token: ISO (2026-10-17) or Dutch (17-10-2026, 17/10/2026, 17.10.2026). */
const DATE_TOKEN = /^(\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{4})$/;

function tryParseDate(value: string, where: string): CalendarDate | undefined {
	try {
		return parseCalendarDate(value, where);
	} catch {
		return undefined;
	}
}

/** Between two dates written with spaces (`3 juni 2026 t/m 5 juni 2026`): a separator with spaces around it. */
const SPACED_SEPARATOR = /\s+(?:-|–|—|t\/m|tot en met|tot|to|until)\s+/i;

/** A day or range whose dates contain spaces (`3 juni 2026`), without a name; otherwise "not a date range". */
function parseSpelledOut(line: string, field: string, lineNo: number): HolidayRange {
	const where = `line ${lineNo} of "${field}"`;
	const parts = line.trim().split(SPACED_SEPARATOR);
	const s = parts.length <= 2 ? tryParseDate(parts[0], where) : undefined;
	const e = parts.length === 2 ? tryParseDate(parts[1], where) : s;
	if (s === undefined || e === undefined) throw new InvalidHolidayListError(field, `Line ${lineNo} of "${field}" is not a date range`);
	if (e < s) throw new InvalidHolidayListError(field, `Line ${lineNo} of "${field}" ends before it starts (the range is backwards)`);
	return { start: s, end: e };
}

function parseRangeText(line: string, field: string, lineNo: number): HolidayRange {
	// Try the unambiguous splits first: "<date> <sep> <date> [name]" where dates have no spaces.
	const tokens = line.trim().split(/\s+/);
	let start: string | undefined;
	let end: string | undefined;
	let nameStart = 0;
	if (tokens.length >= 3 && DATE_TOKEN.test(tokens[0]) && /^(-|–|—|t\/m|to|until|tot)$/i.test(tokens[1]) && DATE_TOKEN.test(tokens[2])) {
		start = tokens[0];
		end = tokens[2];
		nameStart = 3;
	} else if (tokens.length >= 2 && DATE_TOKEN.test(tokens[0]) && DATE_TOKEN.test(tokens[1])) {
		start = tokens[0];
		end = tokens[1];
		nameStart = 2;
	} else if (tokens.length >= 1 && DATE_TOKEN.test(tokens[0])) {
		// a single day off, e.g. a study day
		start = tokens[0];
		end = tokens[0];
		nameStart = 1;
	} else {
		const m = RANGE_LINE.exec(line);
		if (!m) return parseSpelledOut(line, field, lineNo);
		start = m[1];
		end = m[2];
	}
	const where = `line ${lineNo} of "${field}"`;
	const s = tryParseDate(start, where);
	const e = tryParseDate(end, where);
	if (s === undefined || e === undefined) {
		throw new InvalidHolidayListError(field, `Line ${lineNo} of "${field}" does not hold two valid dates`);
	}
	if (e < s) throw new InvalidHolidayListError(field, `Line ${lineNo} of "${field}" ends before it starts (the range is backwards)`);
	const name = tokens.slice(nameStart).join(' ').trim();
	return { start: s, end: e, ...(name ? { name } : {}) };
}

/** A comma that separates two entries on one line (it is followed by a date, which starts with a digit). */
const ENTRY_COMMA = /,(?=\s*\d)/;
/** `2026-02-14..2026-02-22`: the short form of a range. */
const DOTS = /\s*\.\.\s*/g;

/**
 * Read holidays from what a user pasted or what an input field holds:
 * - text: entries separated by new lines, semicolons or commas (before a date); blank lines and lines
 *   starting with # are ignored. An entry is a day or a range `<first day> - <last day>` (also `t/m`, `tot`,
 *   `to`, `until`, `..`), optionally followed by a name; dates in any format `parseCalendarDate` accepts
 *   (`2026-10-17`, `17-10-2026`, `3 juni 2026`). The one holiday grammar of the package: the Deadline
 *   Monitor's calendars and the Evaluation Trigger's holidays (domain/evaluation/holidays.ts) both read it;
 * - a list of `{ start, end, name? }` objects, `[start, end]` pairs or range texts.
 */
export function parseHolidayList(value: unknown, field: string): HolidayRange[] {
	if (typeof value === 'string') {
		const out: HolidayRange[] = [];
		const lines = value.split(/\r?\n|;/);
		for (let i = 0; i < lines.length; i++) {
			const line = lines[i].trim();
			if (line === '' || line.startsWith('#')) continue;
			// several entries on a line: separated by commas before a date; `a..b` is a range
			for (const entry of line.split(ENTRY_COMMA)) {
				const text = entry.replace(DOTS, ' - ').trim();
				if (text !== '') out.push(parseRangeText(text, field, i + 1));
			}
		}
		return out;
	}
	if (Array.isArray(value)) {
		return value.map((entry, i) => {
			if (typeof entry === 'string') return parseRangeText(entry, field, i + 1);
			if (Array.isArray(entry) && entry.length === 2) return parseRangeText(`${String(entry[0])} ${String(entry[1])}`, field, i + 1);
			if (entry && typeof entry === 'object') {
				const o = entry as Record<string, unknown>;
				const s = o.start ?? o.from ?? o.begin;
				const e = o.end ?? o.to ?? o.until ?? s;
				if (typeof s !== 'string' || typeof e !== 'string') {
					throw new InvalidHolidayListError(field, `Entry ${i + 1} of "${field}" needs "start" and "end" dates`);
				}
				const range = parseRangeText(`${s} ${e}`, field, i + 1);
				return typeof o.name === 'string' && o.name ? { ...range, name: o.name } : range;
			}
			throw new InvalidHolidayListError(field, `Entry ${i + 1} of "${field}" is not a date range`);
		});
	}
	throw new InvalidHolidayListError(field, `"${field}" holds no holiday list`);
}
