/**
 * A school's own closed days on top of the regional holidays: single days most schools close (Goede
 * Vrijdag, Bevrijdingsdag, …), computed by rule for any year, and a school's own list (a second
 * meivakantie week, study days) read with the one holiday grammar (`parseHolidayList`).
 *
 * Sources: government.nl "School holidays" lists Bevrijdingsdag (5 May) every year among the days schools
 * are closed; Goede Vrijdag, Tweede Paasdag, Koningsdag, Hemelvaartsdag and Tweede Pinksterdag appear on
 * the school pages cited in `SCHOOL_YEAR_SOURCES` (e.g. edumarevpr.nl, obsdepolsstokberkenwoude.nl).
 * Which of them a school closes on is its own choice: nothing here is added unless asked for.
 */
import { CalendarDate, fromYmd, isoWeekday } from '../primitives/dates';
import { HolidayCalendar, HolidayRange } from './holidays';
import { defaultHolidayCalendar, HolidayRegion } from './schoolvakanties';

export type ClosedDayKind = 'goodFriday' | 'easterMonday' | 'kingsDay' | 'liberationDay' | 'ascension' | 'dayAfterAscension' | 'whitMonday';

export const CLOSED_DAY_NAMES: Readonly<Record<ClosedDayKind, string>> = {
	goodFriday: 'Goede Vrijdag',
	easterMonday: 'Tweede Paasdag',
	kingsDay: 'Koningsdag',
	liberationDay: 'Bevrijdingsdag',
	ascension: 'Hemelvaartsdag',
	dayAfterAscension: 'Vrijdag na Hemelvaart',
	whitMonday: 'Tweede Pinksterdag',
};

/** Easter Sunday of `year` (Gregorian computus, anonymous "Meeus/Jones/Butcher" algorithm), as a calendar date. */
export function easterSunday(year: number): CalendarDate {
	const a = year % 19;
	const b = Math.floor(year / 100);
	const c = year % 100;
	const d = Math.floor(b / 4);
	const e = b % 4;
	const f = Math.floor((b + 8) / 25);
	const g = Math.floor((b - f + 1) / 3);
	const h = (19 * a + b - d - g + 15) % 30;
	const i = Math.floor(c / 4);
	const k = c % 4;
	const l = (32 + 2 * e + 2 * i - h - k) % 7;
	const m = Math.floor((a + 11 * h + 22 * l) / 451);
	const month = Math.floor((h + l - 7 * m + 114) / 31);
	const day = ((h + l - 7 * m + 114) % 31) + 1;
	return fromYmd(year, month, day);
}

/** Koningsdag: 27 April, or 26 April when the 27th is a Sunday. */
export function koningsdag(year: number): CalendarDate {
	const d = fromYmd(year, 4, 27);
	return isoWeekday(d) === 7 ? d - 1 : d;
}

/** The day of one closed-day kind in `year`. Koningsdag is 26 April when 27 April is a Sunday. */
export function closedDay(kind: ClosedDayKind, year: number): CalendarDate {
	const easter = easterSunday(year);
	switch (kind) {
		case 'goodFriday':
			return easter - 2;
		case 'easterMonday':
			return easter + 1;
		case 'ascension':
			return easter + 39;
		case 'dayAfterAscension':
			return easter + 40;
		case 'whitMonday':
			return easter + 50;
		case 'liberationDay':
			return fromYmd(year, 5, 5);
		case 'kingsDay':
			return koningsdag(year);
	}
}

/** The closed days of the chosen kinds in every year from `fromYear` to `toYear`. */
export function closedDays(kinds: readonly ClosedDayKind[], fromYear: number, toYear: number): HolidayRange[] {
	const out: HolidayRange[] = [];
	for (let year = fromYear; year <= toYear; year++) {
		for (const kind of kinds) {
			const day = closedDay(kind, year);
			out.push({ start: day, end: day, name: `${CLOSED_DAY_NAMES[kind]} ${year}` });
		}
	}
	return out;
}

/**
 * `base` with extra closed days (a school's own days). The coverage stays the base's: extra days say
 * nothing about the holidays of a period the base does not cover.
 */
export function withClosedDays(base: HolidayCalendar, extra: readonly HolidayRange[], source: string): HolidayCalendar {
	if (!extra.length && source === base.source) return base;
	return new HolidayCalendar([...base.holidays, ...extra], base.coverage, source);
}

/** The years extra closed days are made for: every year the built-in calendar holds, and a few around it. */
const CLOSED_DAY_YEARS: [number, number] = [2024, 2031];

/**
 * The built-in calendar of `region` with the chosen closed days every year and a school's own days: the
 * one way the Deadline Monitor and Toeleiding Triage build a school's calendar (issue 21 §4). `why` (how the
 * region was chosen) and the additions are written into the calendar's `source`, which the nodes show.
 */
export function regionalCalendar(
	region: HolidayRegion,
	options: { kinds?: readonly ClosedDayKind[]; own?: readonly HolidayRange[]; ownLabel?: string; why?: string } = {},
): HolidayCalendar {
	const base = defaultHolidayCalendar(region);
	const kinds = options.kinds ?? [];
	const source =
		base.source +
		(options.why ? `: ${options.why}` : '') +
		(kinds.length ? ` + ${kinds.map((k) => CLOSED_DAY_NAMES[k]).join(', ')}` : '') +
		(options.own ? ` + the school's own days ("${options.ownLabel ?? 'own days'}")` : '');
	return withClosedDays(base, [...(kinds.length ? closedDays(kinds, ...CLOSED_DAY_YEARS) : []), ...(options.own ?? [])], source);
}
