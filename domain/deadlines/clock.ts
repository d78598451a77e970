/**
 * The deadline clock: one rule applied to one case, on calendar-day numbers.
 *
 * Rules (DOMAIN.md §2):
 * - 8-week start norm (S1 input goal 2, outcome goal 2): collective youth care starts within 8 weeks
 *   after the case was discussed in the zorgteam. Clock start = zorgteam date; stop = start of care
 *   (or, if the user chooses, the offer date).
 * - Thuiszitter rule (S2 ambition e): no youth at home longer than 3 months without a suitable,
 *   started offer. Clock start = first day at home without education; stop = start of that offer.
 *
 * Conventions, stated once:
 * - The deadline is the last day on which stopping is still in time: clock start + norm.
 *   8 weeks after Monday 2 March is Monday 27 April; a start on 27 April is on time.
 *   Months follow the calendar (31 January + 1 month = 28/29 February).
 * - "Counted days" are calendar days, or — when counting school weeks — days outside the holiday
 *   calendar. Days elapsed and days remaining are in counted days. A norm in school weeks is
 *   7 counted days per week (weekends inside school weeks count; holiday weeks do not).
 * - A stop date after the reference date has not happened yet on the reference date: the case is
 *   open then (this keeps reports for a past reference date reproducible).
 * - Status of an open case: `overdue` once the reference date is after the deadline, `due_soon`
 *   when at most `dueSoonDays` counted days remain (the deadline day itself included), else
 *   `on_track`. A stopped case is `met` (stop on or before the deadline) or `met_late`.
 */
import { addMonths, CalendarDate, formatIsoDate } from '../primitives/dates';
import { DomainError, InvalidFieldError } from '../primitives/errors';
import { DateSpan, HolidayCalendar } from '../calendar/holidays';

export type NormUnit = 'days' | 'weeks' | 'months';
export type Counting = 'calendarDays' | 'schoolWeeks';
export type CaseStatus = 'on_track' | 'due_soon' | 'overdue' | 'met' | 'met_late';
export const OPEN_STATUSES: CaseStatus[] = ['overdue', 'due_soon', 'on_track'];
export const CLOSED_STATUSES: CaseStatus[] = ['met', 'met_late'];

/**
 * How bad a status is, for comparing outcomes of the same case: met < on_track < due_soon < met_late < overdue.
 * With everything else fixed, a later stop date never gives a lower rank (a property test checks it).
 */
export const STATUS_RANK: Record<CaseStatus, number> = { met: 0, on_track: 1, due_soon: 2, met_late: 3, overdue: 4 };

export interface Norm {
	length: number;
	unit: NormUnit;
}

export interface ClockConfig {
	norm: Norm;
	counting: Counting;
	/** Open cases with at most this many counted days left are `due_soon`. */
	dueSoonDays: number;
}

export interface ClockInput {
	clockStart: CalendarDate;
	/** The stop event (start of care, offer), if it has a date. */
	stop?: CalendarDate;
	reference: CalendarDate;
}

export interface ClockResult {
	deadline: CalendarDate;
	status: CaseStatus;
	/** Counted days from clock start to the stop date (closed) or the reference date (open). */
	daysElapsed: number;
	/** Counted days from the reference date to the deadline for open cases (negative when overdue); null when closed. */
	daysRemaining: number | null;
	/** True when the stop event happened on or before the reference date. */
	closed: boolean;
	/** Parts of the clock's span that the holiday calendar does not cover (school-week counting only). */
	uncovered: DateSpan[];
	/**
	 * False when the days up to the deadline run through dates the holiday calendar does not cover: those
	 * days were counted as school days, so `deadline` is only the earliest possible due date (a holiday in
	 * the uncovered days would move it later).
	 */
	dueDateKnown: boolean;
	/**
	 * False when a complete calendar could give another status: with an earliest due date, `due_soon`,
	 * `overdue` and `met_late` may turn out better (`on_track` and `met` cannot get worse: the real due
	 * date is on or after the earliest one).
	 */
	statusCertain: boolean;
}

/** Field names used in error messages. */
export interface ClockFields {
	clockStart: string;
	stop: string;
}

/**
 * The norms, defined once (issue 21 §4): the 8-week start norm (S1 input goal 2, outcome goal 2: "binnen
 * 8 weken na bespreking in het zorgteam") and the thuiszitter rule (S2 ambition e: "langer dan drie
 * maanden"). Toeleiding Triage's deadline, the Deadline Monitor's defaults, the KPI buckets and the KPI
 * chart all read them from here.
 */
export const NORM_DEFAULTS: Readonly<{ eightWeek: Readonly<Norm>; thuiszitter: Readonly<Norm> }> = Object.freeze({
	eightWeek: Object.freeze({ length: 8, unit: 'weeks' as NormUnit }),
	thuiszitter: Object.freeze({ length: 3, unit: 'months' as NormUnit }),
});

/** The 8-week norm in (counted) days: 56. */
export const EIGHT_WEEK_NORM_DAYS = NORM_DEFAULTS.eightWeek.length * 7;

/** Checks a configuration once, before any item; throws a DomainError the adapter shows as a node error. */
export function validateClockConfig(config: ClockConfig, calendar: HolidayCalendar | undefined): void {
	const { norm } = config;
	if (!Number.isInteger(norm.length) || norm.length < 1 || norm.length > 520) {
		throw new DomainError('invalid_norm', `The norm length must be a whole number from 1 to 520, got ${norm.length}`, {
			hint: 'Set "Norm Length" to a positive whole number, e.g. 8 (weeks) or 3 (months).',
		});
	}
	if (!['days', 'weeks', 'months'].includes(norm.unit)) {
		throw new DomainError('invalid_norm', `Unknown norm unit "${norm.unit}"`, { hint: 'Choose days, weeks or months.' });
	}
	if (!Number.isInteger(config.dueSoonDays) || config.dueSoonDays < 0) {
		throw new DomainError('invalid_warning_window', `The warning window must be a whole number of days of 0 or more, got ${config.dueSoonDays}`, {
			hint: 'Set "Due Soon Window (Days)" to e.g. 14.',
		});
	}
	if (config.counting === 'schoolWeeks') {
		if (norm.unit === 'months') {
			throw new DomainError('months_in_school_weeks', 'A norm in months cannot be counted in school weeks', {
				hint: 'Give the norm in weeks (e.g. 13 weeks for 3 months) or count calendar days.',
			});
		}
		if (!calendar) {
			throw new DomainError('missing_holiday_calendar', 'Counting school weeks needs a holiday calendar', {
				hint: 'Choose the built-in calendar, paste a list of holidays, or name the field that holds one.',
			});
		}
	}
}

/** A norm in days or weeks as a number of (counted) days; a norm in months has no fixed length (use `deadlineFor`). */
export function normDays(norm: Norm): number {
	return norm.unit === 'weeks' ? norm.length * 7 : norm.length;
}

/** The deadline for a clock starting on `clockStart`. */
export function deadlineFor(clockStart: CalendarDate, config: ClockConfig, calendar?: HolidayCalendar): CalendarDate {
	if (config.norm.unit === 'months') return addMonths(clockStart, config.norm.length);
	const days = normDays(config.norm);
	return config.counting === 'schoolWeeks' && calendar ? calendar.addCountedDays(clockStart, days) : clockStart + days;
}

/**
 * Apply the clock to one case.
 * @throws InvalidFieldError when the stop date is before the clock start, or the clock starts after the reference date
 */
export function evaluateClock(input: ClockInput, config: ClockConfig, fields: ClockFields, calendar?: HolidayCalendar): ClockResult {
	const { clockStart, stop, reference } = input;
	if (stop !== undefined && stop < clockStart) {
		throw new InvalidFieldError(
			'stop_before_clock_start',
			fields.stop,
			`Field "${fields.stop}" (${formatIsoDate(stop)}) is before "${fields.clockStart}" (${formatIsoDate(clockStart)})`,
			`Check both dates: "${fields.stop}" must be on or after "${fields.clockStart}".`,
		);
	}
	if (clockStart > reference) {
		throw new InvalidFieldError(
			'clock_start_after_reference',
			fields.clockStart,
			`Field "${fields.clockStart}" (${formatIsoDate(clockStart)}) is after the reference date (${formatIsoDate(reference)})`,
			'Correct the date, or set the reference date to a day on or after it.',
		);
	}
	const school = config.counting === 'schoolWeeks' && calendar !== undefined;
	const deadline = deadlineFor(clockStart, config, calendar);
	const closed = stop !== undefined && stop <= reference;
	const end = closed ? (stop as number) : reference;
	const count = (from: CalendarDate, to: CalendarDate) => (school ? calendar.countedDaysBetween(from, to) : to - from);
	const daysElapsed = count(clockStart, end);
	let status: CaseStatus;
	let daysRemaining: number | null = null;
	if (closed) {
		status = (stop as number) <= deadline ? 'met' : 'met_late';
	} else {
		daysRemaining = count(reference, deadline);
		status = reference > deadline ? 'overdue' : daysRemaining <= config.dueSoonDays ? 'due_soon' : 'on_track';
	}
	const uncovered = school ? calendar.uncovered(clockStart + 1, Math.max(deadline, end)) : NO_GAPS;
	const dueDateKnown = !(school && uncovered.length > 0 && uncovered[0].start <= deadline);
	const statusCertain = dueDateKnown || status === 'on_track' || status === 'met';
	return { deadline, status, daysElapsed, daysRemaining, closed, uncovered, dueDateKnown, statusCertain };
}

const NO_GAPS: DateSpan[] = [];
