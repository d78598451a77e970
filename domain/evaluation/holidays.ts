/**
 * Non-working days for moving an evaluation moment: the Dutch public holidays (computed) and a
 * user-given list of dates and date ranges (school holidays, study days).
 */
import { addDays, CalendarDate, formatIsoDate, fromYmd } from '../primitives/dates';
import { easterSunday, koningsdag } from '../calendar/closedDays';
import { InvalidFieldError } from '../primitives/errors';
import { parseHolidayList } from '../calendar/holidays';

// Easter and Koningsdag are computed once for the package, in the calendar core (domain/calendar/closedDays.ts).
export { easterSunday, koningsdag } from '../calendar/closedDays';

const cache = new Map<number, ReadonlySet<CalendarDate>>();

/**
 * The Dutch public holidays on which schools and offices are generally closed: Nieuwjaarsdag,
 * Eerste en Tweede Paasdag, Koningsdag, Hemelvaartsdag, Eerste en Tweede Pinksterdag, Eerste en
 * Tweede Kerstdag. Goede Vrijdag and Bevrijdingsdag (5 May) are not general days off; add them to
 * the holiday list where they are.
 */
export function dutchPublicHolidays(year: number): ReadonlySet<CalendarDate> {
	const hit = cache.get(year);
	if (hit) return hit;
	const easter = easterSunday(year);
	const days = new Set<CalendarDate>([
		fromYmd(year, 1, 1),
		easter,
		addDays(easter, 1),
		koningsdag(year),
		addDays(easter, 39), // Hemelvaartsdag
		addDays(easter, 49), // Eerste Pinksterdag
		addDays(easter, 50), // Tweede Pinksterdag
		fromYmd(year, 12, 25),
		fromYmd(year, 12, 26),
	]);
	cache.set(year, days);
	return days;
}

/** Longest single range accepted in a holiday list (a summer holiday is about 6 weeks). */
const MAX_RANGE_DAYS = 120;

/**
 * The days of a holiday list, in the package's one holiday grammar (`parseHolidayList` in
 * domain/calendar/holidays.ts: days and ranges separated by commas, semicolons or new lines, e.g.
 * `2026-02-14..2026-02-22, 3 juni 2026`). An empty list gives an empty set.
 * @returns the days (whole days since 1970-01-01) the ranges cover
 * @throws InvalidFieldError naming `field` for text that is no list, a bad entry, or a range that is
 *   backwards or longer than MAX_RANGE_DAYS days
 */
export function holidayDays(value: unknown, field: string): Set<CalendarDate> {
	const result = new Set<CalendarDate>();
	if (value === undefined || value === null) return result;
	if (typeof value !== 'string') {
		throw new InvalidFieldError('invalid_holidays', field, `"${field}" must be text listing dates`, 'List dates like 2026-04-03, or ranges like 2026-02-14..2026-02-22, separated by commas or new lines.');
	}
	for (const { start: from, end: to } of parseHolidayList(value, field)) {
		if (to - from > MAX_RANGE_DAYS) {
			throw new InvalidFieldError(
				'invalid_holidays',
				field,
				`"${field}" has a range from ${formatIsoDate(from)} to ${formatIsoDate(to)} that is longer than ${MAX_RANGE_DAYS} days`,
				'Write each range as first day..last day, with the first day before the last, e.g. 2026-07-18..2026-08-30.',
			);
		}
		for (let d = from; d <= to; d++) result.add(d);
	}
	return result;
}
