/**
 * The two evaluation moments of a year (S1 kernbepaling 11: "twee keer per jaar"; S3: twice a year).
 *
 * A moment is a calendar date plus a local wall-clock time in a time zone — not an instant. Only at
 * the very end is it converted to an instant (with luxon), so DST changes never move a moment to
 * another day or hour: 09:00 stays 09:00 local time in winter and in summer. A wall-clock time that
 * does not exist (the hour skipped when clocks go forward) is read as the first valid time after it.
 *
 * Pure: no clock. Every function takes `now` (epoch ms) when it needs it.
 */
import { DateTime } from 'luxon';

import {
	addDays,
	CalendarDate,
	daysInMonth,
	formatIsoDate,
	fromYmd,
	isWeekend,
	toYmd,
	wallClockToInstant,
} from '../primitives/dates';
import { describeValue, InvalidFieldError } from '../primitives/errors';
import { dutchPublicHolidays } from './holidays';

export type MomentId = 'first' | 'second';

/** A moment as configured: month, day and local time; the year is filled in per year. */
export interface MomentSpec {
	id: MomentId;
	month: number;
	day: number;
	hour: number;
	minute: number;
}

export interface EvaluationSchedule {
	/** Exactly two moments, in any order within the year. */
	moments: readonly [MomentSpec, MomentSpec];
	/** IANA time zone of the wall-clock times (the workflow's time zone). */
	zone: string;
	/** Move a moment that falls on a weekend or holiday to the next working day. */
	shiftToWorkingDay: boolean;
	/** Extra days that are not working days (school holidays, study days...). */
	holidays: ReadonlySet<CalendarDate>;
	/** Also treat the Dutch public holidays (Nieuwjaarsdag, Pasen, Koningsdag, ...) as non-working days. */
	dutchPublicHolidays: boolean;
	/** The moment that also owes the yearly report to the municipality. */
	annualReportMoment: MomentId;
}

export type ShiftReason = 'weekend' | 'holiday';

/** One concrete evaluation moment. */
export interface Moment {
	id: MomentId;
	/** The year whose configured date this is (a 31 December moment shifted into January keeps its year). */
	year: number;
	/** The configured date in that year, before shifting (29 February becomes 28 February in other years). */
	scheduledDate: CalendarDate;
	/** The date it really happens, after moving past weekends and holidays. */
	date: CalendarDate;
	/** Why it was moved, if it was (the reasons met on the way, in order, without repeats). */
	shiftedBecause: ShiftReason[];
	hour: number;
	minute: number;
	/** The instant (epoch ms) of `date` at hour:minute in the schedule's zone. */
	instant: number;
	/** True when this moment also owes the annual report to the municipality. */
	annualReport: boolean;
}

export class InvalidScheduleError extends InvalidFieldError {
	constructor(field: string, message: string, hint: string) {
		super('invalid_schedule', field, message, hint);
		this.name = 'InvalidScheduleError';
	}
}

const TIME = /^(\d{1,2})[:.](\d{2})$/;

/** Read a local time `HH:mm` (also `9:00` or `09.00`). */
export function parseTimeOfDay(value: unknown, field: string): { hour: number; minute: number } {
	const s = typeof value === 'string' ? value.trim() : '';
	const m = TIME.exec(s);
	const hour = m ? Number(m[1]) : NaN;
	const minute = m ? Number(m[2]) : NaN;
	if (!m || hour > 23 || minute > 59) {
		throw new InvalidScheduleError(
			field,
			`"${field}" is not a time of day: received ${describeValue(value)}`,
			'Write the time as HH:mm on a 24-hour clock, for example 09:00 or 14:30.',
		);
	}
	return { hour, minute };
}

/** Validate one configured moment. Day 29 February is allowed (it becomes 28 February in other years). */
export function makeMomentSpec(
	id: MomentId,
	month: unknown,
	day: unknown,
	time: unknown,
	fields: { month: string; day: string; time: string },
): MomentSpec {
	if (typeof month !== 'number' || !Number.isInteger(month) || month < 1 || month > 12) {
		throw new InvalidScheduleError(fields.month, `"${fields.month}" must be a month from 1 to 12: received ${describeValue(month)}`, 'Choose a month.');
	}
	const maxDay = daysInMonth(2024, month); // a leap year: 29 February is allowed
	if (typeof day !== 'number' || !Number.isInteger(day) || day < 1 || day > maxDay) {
		throw new InvalidScheduleError(
			fields.day,
			`"${fields.day}" must be a day from 1 to ${maxDay} for month ${month}: received ${describeValue(day)}`,
			`Enter a day that exists in month ${month}.`,
		);
	}
	return { id, month, day, ...parseTimeOfDay(time, fields.time) };
}

/** Check that the zone is a real IANA time zone. */
export function assertValidZone(zone: string, field = 'Time Zone'): void {
	if (!DateTime.now().setZone(zone).isValid) {
		throw new InvalidScheduleError(
			field,
			`"${field}" is not a known time zone: received ${describeValue(zone)}`,
			'Set the workflow time zone (Workflow settings → Timezone) to an IANA zone such as Europe/Amsterdam.',
		);
	}
}

/** Minimum distance between the two configured dates, so that shifting can never reorder or merge them. */
export const MIN_DAYS_BETWEEN_MOMENTS = 28;

/** Validate a whole schedule (both moments set, far enough apart, zone known). Returns it unchanged. */
export function validateSchedule(schedule: EvaluationSchedule): EvaluationSchedule {
	assertValidZone(schedule.zone);
	const [a, b] = schedule.moments;
	// distance on a 366-day circle, in a leap year so that 29 February counts
	const da = fromYmd(2024, a.month, a.day);
	const db = fromYmd(2024, b.month, b.day);
	const gap = Math.abs(da - db);
	const circular = Math.min(gap, 366 - gap);
	if (circular < MIN_DAYS_BETWEEN_MOMENTS) {
		throw new InvalidScheduleError(
			'Second Moment Day',
			`The two evaluation moments are ${circular} days apart; they must be at least ${MIN_DAYS_BETWEEN_MOMENTS} days apart`,
			'Put the moments about half a year apart, for example 1 February and 15 June.',
		);
	}
	return schedule;
}

/** Is `date` a day off under this schedule (weekend, configured holiday, or Dutch public holiday)? */
export function nonWorkingReason(schedule: EvaluationSchedule, date: CalendarDate): ShiftReason | undefined {
	if (isWeekend(date)) return 'weekend';
	if (schedule.holidays.has(date)) return 'holiday';
	if (schedule.dutchPublicHolidays && dutchPublicHolidays(toYmd(date).year).has(date)) return 'holiday';
	return undefined;
}

/** Longest run of non-working days we walk through before giving up (a holiday list covering a whole year). */
const MAX_SHIFT_DAYS = 120;

/** The configured date of `spec` in `year` (day clamped to the month's length). */
export function scheduledDateOf(spec: MomentSpec, year: number): CalendarDate {
	return fromYmd(year, spec.month, Math.min(spec.day, daysInMonth(year, spec.month)));
}

/**
 * The wall-clock time on a date in a zone, as an instant (epoch ms): skipped times move forward, a repeated
 * time is the second one (winter time), whatever day this runs on (`wallClockToInstant`).
 */
export function wallClockInstant(date: CalendarDate, hour: number, minute: number, zone: string): number {
	return wallClockToInstant(date, hour, minute, zone, 'later');
}

/** The concrete moment of `spec` in `year`. */
export function momentOf(schedule: EvaluationSchedule, spec: MomentSpec, year: number): Moment {
	const scheduledDate = scheduledDateOf(spec, year);
	let date = scheduledDate;
	const shiftedBecause: ShiftReason[] = [];
	if (schedule.shiftToWorkingDay) {
		for (let i = 0; ; i++) {
			const reason = nonWorkingReason(schedule, date);
			if (!reason) break;
			if (i >= MAX_SHIFT_DAYS) {
				throw new InvalidScheduleError(
					'Holidays',
					`No working day within ${MAX_SHIFT_DAYS} days after ${formatIsoDate(scheduledDate)}`,
					'Shorten the holiday list, or turn off "Move to Next Working Day".',
				);
			}
			if (!shiftedBecause.includes(reason)) shiftedBecause.push(reason);
			date = addDays(date, 1);
		}
	}
	return {
		id: spec.id,
		year,
		scheduledDate,
		date,
		shiftedBecause,
		hour: spec.hour,
		minute: spec.minute,
		instant: wallClockInstant(date, spec.hour, spec.minute, schedule.zone),
		annualReport: spec.id === schedule.annualReportMoment,
	};
}

/** Per-schedule memo of momentsOfYear (a schedule is immutable once made; checks run every hour). */
const yearCache = new WeakMap<EvaluationSchedule, Map<number, readonly Moment[]>>();

/** Both moments whose configured date lies in `year`, in time order. */
export function momentsOfYear(schedule: EvaluationSchedule, year: number): readonly Moment[] {
	let byYear = yearCache.get(schedule);
	if (!byYear) {
		byYear = new Map();
		yearCache.set(schedule, byYear);
	}
	let found = byYear.get(year);
	if (!found) {
		found = Object.freeze(
			schedule.moments.map((spec) => Object.freeze(momentOf(schedule, spec, year))).sort((x, y) => x.instant - y.instant),
		);
		byYear.set(year, found);
	}
	return found;
}

/** The year of an instant in the schedule's zone. */
function yearAt(schedule: EvaluationSchedule, now: number): number {
	return DateTime.fromMillis(now, { zone: schedule.zone }).year;
}

/** All moments of the years around `now`, in time order (covers moments shifted across a year end). */
function momentsAround(schedule: EvaluationSchedule, now: number): Moment[] {
	const y = yearAt(schedule, now);
	const all: Moment[] = [];
	for (let year = y - 2; year <= y + 1; year++) all.push(...momentsOfYear(schedule, year));
	return all.sort((a, b) => a.instant - b.instant);
}

/** The latest moment at or before `now`. */
export function previousMoment(schedule: EvaluationSchedule, now: number): Moment {
	const all = momentsAround(schedule, now);
	let found: Moment | undefined;
	for (const m of all) if (m.instant <= now) found = m;
	// momentsAround spans two full years before now, so there is always one
	return found as Moment;
}

/** The first moment strictly after `now`. */
export function nextMoment(schedule: EvaluationSchedule, now: number): Moment {
	const all = momentsAround(schedule, now);
	const found = all.find((m) => m.instant > now);
	return found ?? momentsOfYear(schedule, yearAt(schedule, now) + 2)[0];
}

/** The moment just before `moment` (the start of its evaluation period). */
export function momentBefore(schedule: EvaluationSchedule, moment: Moment): Moment {
	return previousMoment(schedule, moment.instant - 1);
}

/** The moment a year earlier with the same id (the start of the annual-report period). */
export function sameMomentYearBefore(schedule: EvaluationSchedule, moment: Moment): Moment {
	const spec = schedule.moments.find((s) => s.id === moment.id) as MomentSpec;
	return momentOf(schedule, spec, moment.year - 1);
}

/** A date range, both ends inclusive. */
export interface DatePeriod {
	start: CalendarDate;
	end: CalendarDate;
}

/**
 * The evaluation period a moment closes: from the previous moment's date (inclusive) to the day
 * before this moment (inclusive). Consecutive periods tile the calendar without gaps or overlaps.
 */
export function evaluationPeriod(schedule: EvaluationSchedule, moment: Moment): DatePeriod {
	return { start: momentBefore(schedule, moment).date, end: addDays(moment.date, -1) };
}

/** The twelve months the annual report covers: from the same moment a year earlier up to this one. */
export function annualReportPeriod(schedule: EvaluationSchedule, moment: Moment): DatePeriod {
	return { start: sameMomentYearBefore(schedule, moment).date, end: addDays(moment.date, -1) };
}

/** The stable identity of a moment: its id and configured date (not moved by holiday edits). */
export function momentKey(moment: Moment): string {
	return formatIsoDate(moment.scheduledDate);
}

/** The instant as ISO text with the zone's offset, e.g. 2026-02-02T09:00:00.000+01:00. */
export function instantIso(instant: number, zone: string): string {
	return DateTime.fromMillis(instant, { zone }).toISO() as string;
}
