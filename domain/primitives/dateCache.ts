/**
 * Memoised date parsing and formatting for batch runs. A case list of 100k rows holds only a few
 * thousand distinct dates, so parsing and formatting each distinct value once saves most of the
 * per-item date work (measured in bench/deadlines.bench.ts).
 *
 * Only zone-independent inputs are cached: texts of at most 10 characters (2026-03-01, 1-3-2026,
 * 01.03.2026, 46082, 1 mrt 2026). Timestamps, whose date depends on the time zone, are parsed each time.
 * Failures are never cached: a bad value throws its InvalidDateError every time.
 */
import { CalendarDate, formatIsoDate, parseCalendarDate } from './dates';

const MAX_ENTRIES = 50_000;
const parsed = new Map<string, CalendarDate>();
const formatted = new Map<CalendarDate, string>();

/**
 * `parseCalendarDate` with a memo for short texts (at most 10 characters: zone-independent).
 * @returns whole days since 1970-01-01 (CalendarDate)
 * @throws InvalidDateError naming `field`, every time for a bad value (failures are not cached)
 */
export function parseDateCached(value: unknown, field: string, zone: string): CalendarDate {
	if (typeof value === 'string' && value.length <= 10) {
		const hit = parsed.get(value);
		if (hit !== undefined) return hit;
		const date = parseCalendarDate(value, field, zone);
		if (parsed.size >= MAX_ENTRIES) parsed.clear();
		parsed.set(value, date);
		return date;
	}
	return parseCalendarDate(value, field, zone);
}

/** `formatIsoDate` with a memo: whole days since 1970-01-01 → `YYYY-MM-DD`. */
export function formatIsoDateCached(date: CalendarDate): string {
	let s = formatted.get(date);
	if (s === undefined) {
		s = formatIsoDate(date);
		if (formatted.size >= MAX_ENTRIES) formatted.clear();
		formatted.set(date, s);
	}
	return s;
}
