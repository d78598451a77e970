/**
 * Calendar dates as whole day numbers.
 *
 * A `CalendarDate` is the number of days since 1970-01-01 in the proleptic Gregorian calendar.
 * It is a date, not an instant: no time of day, no time zone, so arithmetic is immune to DST
 * (adding 7 days is adding 7, whether or not the clocks changed in between).
 *
 * Instants (JS `Date`, ISO timestamps with a time, luxon DateTimes) are converted to the calendar
 * date they fall on in a time zone — Europe/Amsterdam unless told otherwise — so that a timestamp
 * just after local midnight stays on its local day.
 */
import { DateTime, IANAZone } from 'luxon';

import { stripInvisible } from './identifier';
import { describeValue, InvalidFieldError } from './errors';
import { isBlank } from './blank';

/** Days since 1970-01-01. Always an integer. */
export type CalendarDate = number;

export const DEFAULT_TIME_ZONE = 'Europe/Amsterdam';

export const ACCEPTED_DATE_FORMATS =
	'YYYY-MM-DD (2026-03-01), DD-MM-YYYY (01-03-2026 or 1-3-2026), DD/MM/YYYY, DD.MM.YYYY, ' +
	'a Dutch written date (1 maart 2026), an Excel date number (46082), an ISO timestamp (2026-03-01T09:00:00+01:00) or a date value';

export class InvalidDateError extends InvalidFieldError {
	constructor(field: string, reason: string) {
		super(
			'invalid_date',
			field,
			`Field "${field}" is not a valid date: ${reason}`,
			`Use one of: ${ACCEPTED_DATE_FORMATS}.`,
		);
		this.name = 'InvalidDateError';
	}
}

// --- civil date <-> day number (Howard Hinnant's algorithms, exact for all Gregorian dates) ---

export function fromYmd(year: number, month: number, day: number): CalendarDate {
	const y = month <= 2 ? year - 1 : year;
	const era = Math.floor(y / 400);
	const yoe = y - era * 400;
	const mp = (month + 9) % 12;
	const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
	const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
	return era * 146097 + doe - 719468;
}

export interface Ymd {
	year: number;
	month: number;
	day: number;
}

export function toYmd(date: CalendarDate): Ymd {
	const z = date + 719468;
	const era = Math.floor(z / 146097);
	const doe = z - era * 146097;
	const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
	const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
	const mp = Math.floor((5 * doy + 2) / 153);
	const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
	const month = mp < 10 ? mp + 3 : mp - 9;
	return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export function isLeapYear(year: number): boolean {
	return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
	return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

export function isValidYmd(year: number, month: number, day: number): boolean {
	return (
		Number.isInteger(year) &&
		Number.isInteger(month) &&
		Number.isInteger(day) &&
		year >= 1 &&
		year <= 9999 &&
		month >= 1 &&
		month <= 12 &&
		day >= 1 &&
		day <= daysInMonth(year, month)
	);
}

// --- formatting ---

const pad2 = (n: number) => (n < 10 ? '0' : '') + n;
const pad4 = (n: number) => String(n).padStart(4, '0');

/** `2026-03-01` */
export function formatIsoDate(date: CalendarDate): string {
	const { year, month, day } = toYmd(date);
	return `${pad4(year)}-${pad2(month)}-${pad2(day)}`;
}

/** `01-03-2026`, as Dutch readers expect. */
export function formatDutchDate(date: CalendarDate): string {
	const { year, month, day } = toYmd(date);
	return `${pad2(day)}-${pad2(month)}-${pad4(year)}`;
}

const MONTH_NAMES: Record<'nl' | 'en', string[]> = {
	nl: ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'],
	en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

/**
 * `14 juni 2026` / `14 June 2026`: the one date style of every text that reaches people (alerts,
 * evaluation mails, KPI charts), so a mail never mixes `2026-06-14` with `15 juni 2026`.
 */
export function formatLongDate(date: CalendarDate, language: 'nl' | 'en'): string {
	const { year, month, day } = toYmd(date);
	return `${day} ${MONTH_NAMES[language][month - 1]} ${year}`;
}

// --- arithmetic (whole calendar days) ---

export function addDays(date: CalendarDate, days: number): CalendarDate {
	return date + days;
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
	return to - from;
}

/**
 * Add calendar months. When the target month is shorter, the result is its last day
 * (31 January + 1 month = 28 or 29 February), the usual reading of "within N months".
 */
export function addMonths(date: CalendarDate, months: number): CalendarDate {
	const { year, month, day } = toYmd(date);
	const index = year * 12 + (month - 1) + months;
	const y = Math.floor(index / 12);
	const m = index - y * 12 + 1;
	return fromYmd(y, m, Math.min(day, daysInMonth(y, m)));
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: CalendarDate): number {
	// 1970-01-01 was a Thursday (4).
	return ((((date + 3) % 7) + 7) % 7) + 1;
}

export function isWeekend(date: CalendarDate): boolean {
	return isoWeekday(date) >= 6;
}

// --- instants -> calendar dates ---

/** The calendar date an instant falls on in `zone`. */
export function calendarDateOfInstant(epochMs: number, zone: string = DEFAULT_TIME_ZONE): CalendarDate {
	const dt = DateTime.fromMillis(epochMs, { zone });
	if (!dt.isValid) throw new Error(`Unknown time zone "${zone}"`);
	return fromYmd(dt.year, dt.month, dt.day);
}

/** Today's calendar date in `zone`, for a clock reading passed in (the core never reads the clock). */
export function today(now: Date | number, zone: string = DEFAULT_TIME_ZONE): CalendarDate {
	return calendarDateOfInstant(typeof now === 'number' ? now : now.getTime(), zone);
}

/** The instant at which `date` starts (00:00) in `zone` (in a zone whose midnight repeats, the first one). */
export function startOfDayInstant(date: CalendarDate, zone: string = DEFAULT_TIME_ZONE): number {
	return wallClockToInstant(date, 0, 0, zone, 'earlier');
}

const HOUR_MS = 3_600_000;

/**
 * The instant (epoch ms) of a wall-clock time on `date` in `zone`, the same on whatever day it is computed.
 * (luxon's own `fromObject` resolves a repeated time with the offset in force *now*, so its answer for the
 * night the clocks go back changed with the season it ran in: found by the tests under a moved clock.)
 * - A time the zone repeats (clocks go back, 02:30 on the last Sunday of October in Europe/Amsterdam):
 *   `ambiguous` chooses the `'earlier'` (summer time) or the `'later'` (winter time) one.
 * - A time the zone skips (clocks go forward, 02:30 on the last Sunday of March): moved forward by the gap
 *   (03:30), as a clock that was not put forward would show it.
 * Returns NaN for an unknown zone.
 */
export function wallClockToInstant(date: CalendarDate, hour: number, minute: number, zone: string, ambiguous: 'earlier' | 'later'): number {
	const z = IANAZone.create(zone);
	if (!z.isValid) return NaN;
	const { year, month, day } = toYmd(date);
	const asUtc = Date.UTC(year, month - 1, day, hour, minute);
	// the zone's offsets around that day (a zone changes its offset at most once within a day here)
	const offsets = [...new Set([z.offset(asUtc - 24 * HOUR_MS), z.offset(asUtc), z.offset(asUtc + 24 * HOUR_MS)])];
	const valid = offsets.map((o) => asUtc - o * 60_000).filter((ts) => z.offset(ts) * 60_000 === asUtc - ts);
	if (valid.length > 0) return ambiguous === 'later' ? Math.max(...valid) : Math.min(...valid);
	return asUtc - z.offset(asUtc - 24 * HOUR_MS) * 60_000; // skipped: the offset before the gap lands after it
}

// --- parsing what spreadsheets and forms contain ---

const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const DUTCH_DATE = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4})$/;
const ISO_TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/i;
const EXCEL_SERIAL = /^\d{1,7}(\.\d+)?$/;

const DUTCH_MONTHS: Record<string, number> = {
	januari: 1, jan: 1,
	februari: 2, feb: 2, febr: 2,
	maart: 3, mrt: 3, mar: 3,
	april: 4, apr: 4,
	mei: 5,
	juni: 6, jun: 6,
	juli: 7, jul: 7,
	augustus: 8, aug: 8,
	september: 9, sep: 9, sept: 9,
	oktober: 10, okt: 10, oct: 10,
	november: 11, nov: 11,
	december: 12, dec: 12,
};
const DUTCH_WRITTEN = /^(\d{1,2})\s+([a-z]+)\.?\s+(\d{4})$/;

/** Excel's 1900 date system: serial 25569 is 1970-01-01; serials before 61 (1 March 1900) are ambiguous (Lotus leap-year bug). */
const EXCEL_EPOCH_OFFSET = 25569;
const EXCEL_MIN_SERIAL = 61;
const EXCEL_MAX_SERIAL = 2958465; // 9999-12-31

function fromParts(field: string, year: number, month: number, day: number): CalendarDate {
	if (!isValidYmd(year, month, day)) {
		throw new InvalidDateError(field, `${pad2(day)}-${pad2(month)}-${pad4(year)} does not exist in the calendar`);
	}
	return fromYmd(year, month, day);
}

function fromExcelSerial(field: string, serial: number): CalendarDate {
	if (serial < EXCEL_MIN_SERIAL || serial > EXCEL_MAX_SERIAL) {
		throw new InvalidDateError(field, `${describeValue(serial)} is outside the range of Excel date numbers this package accepts (61 = 1 March 1900 and later)`);
	}
	return Math.floor(serial) - EXCEL_EPOCH_OFFSET;
}

interface LuxonLike {
	isValid: boolean;
	toMillis(): number;
}

function isLuxonLike(value: object): value is LuxonLike {
	return typeof (value as LuxonLike).toMillis === 'function' && typeof (value as LuxonLike).isValid === 'boolean';
}

/**
 * Parse a calendar date from a cell or form value.
 *
 * @param field the user's name for the field, used in the error message
 * @param zone the time zone in which instants are read (default Europe/Amsterdam)
 * @throws InvalidDateError naming the field and the accepted formats
 */
export function parseCalendarDate(value: unknown, field: string, zone: string = DEFAULT_TIME_ZONE): CalendarDate {
	if (typeof value === 'number') {
		if (!Number.isFinite(value)) throw new InvalidDateError(field, 'the number is not finite');
		return fromExcelSerial(field, value);
	}
	if (value instanceof Date) {
		const ms = value.getTime();
		if (Number.isNaN(ms)) throw new InvalidDateError(field, 'the date value is invalid');
		return calendarDateOfInstant(ms, zone);
	}
	if (value !== null && typeof value === 'object' && isLuxonLike(value)) {
		if (!value.isValid) throw new InvalidDateError(field, 'the date value is invalid');
		return calendarDateOfInstant(value.toMillis(), zone);
	}
	if (typeof value !== 'string') {
		throw new InvalidDateError(field, `received ${describeValue(value)}`);
	}
	// the one identifier rule (domain/primitives/identifier): format characters removed, spaces collapsed
	const s = stripInvisible(value);
	if (s === '') throw new InvalidDateError(field, 'it is empty');

	let m = ISO_DATE.exec(s);
	if (m) return fromParts(field, +m[1], +m[2], +m[3]);

	m = DUTCH_DATE.exec(s);
	if (m) return fromParts(field, +m[4], +m[3], +m[1]);

	m = ISO_TIMESTAMP.exec(s);
	if (m) {
		if (!isValidYmd(+m[1], +m[2], +m[3])) return fromParts(field, +m[1], +m[2], +m[3]);
		if (!m[8]) {
			// A local time without an offset is read as wall-clock time in the zone: its date is the written date.
			return fromParts(field, +m[1], +m[2], +m[3]);
		}
		const dt = DateTime.fromISO(s.replace(' ', 'T'), { setZone: true });
		if (!dt.isValid) throw new InvalidDateError(field, `${describeValue(s)} is not a valid timestamp`);
		return calendarDateOfInstant(dt.toMillis(), zone);
	}

	m = DUTCH_WRITTEN.exec(s.toLowerCase());
	if (m) {
		const month = DUTCH_MONTHS[m[2]];
		if (month === undefined) throw new InvalidDateError(field, `${describeValue(s)} has a month name that is not recognised`);
		return fromParts(field, +m[3], month, +m[1]);
	}

	if (EXCEL_SERIAL.test(s)) return fromExcelSerial(field, Number(s));

	throw new InvalidDateError(field, `${describeValue(s)} is not in a recognised format`);
}

/** Like `parseCalendarDate`, but empty values (undefined, null, blank text) give `undefined`. */
export function parseOptionalCalendarDate(value: unknown, field: string, zone: string = DEFAULT_TIME_ZONE): CalendarDate | undefined {
	if (isBlank(value)) return undefined;
	return parseCalendarDate(value, field, zone);
}
