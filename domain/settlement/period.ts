/**
 * Settlement periods: a closed range of calendar dates with a label.
 * Accepted: `2026-Q1`, `Q1 2026`, `2026-K1` (kwartaal), `2026-03` (a month), `03-2026`, `2026` (a year),
 * `2026-H1` (half year), `2026-01-01/2026-03-31` or `2026-01-01 t/m 2026-03-31` (a range), or one date (that day).
 */
import { addDays, daysBetween, fromYmd, formatIsoDate, parseCalendarDate, toYmd, type CalendarDate } from '../primitives/dates';
import { describeValue, InvalidFieldError } from '../primitives/errors';

export interface Period {
	start: CalendarDate;
	/** Inclusive. */
	end: CalendarDate;
	/** `2026-Q1`, `2026-03`, `2026`, `2026-H1` or `2026-01-01/2026-03-31`. */
	label: string;
}

export const PERIOD_FORMATS = '2026-Q1 (or Q1 2026, 2026-K1), 2026-03 (a month), 2026 (a year), 2026-H1, 2026-01-01/2026-03-31 (a range) or a single date';

export class InvalidPeriodError extends InvalidFieldError {
	constructor(field: string, reason: string) {
		super('invalid_period', field, `Field "${field}" is not a valid period: ${reason}`, `Use ${PERIOD_FORMATS}.`);
		this.name = 'InvalidPeriodError';
	}
}

function monthRange(year: number, fromMonth: number, months: number, label: string): Period {
	const start = fromYmd(year, fromMonth, 1);
	const endMonth = fromMonth + months; // first month after
	const end = addDays(endMonth > 12 ? fromYmd(year + 1, endMonth - 12, 1) : fromYmd(year, endMonth, 1), -1);
	return { start, end, label };
}

const QUARTER = [/^(\d{4})\s*[-/ ]?\s*[QK](\d)$/i, /^[QK](\d)\s*[-/ ]?\s*(\d{4})$/i];
const HALF = /^(\d{4})\s*[-/ ]?\s*H(\d)$/i;
const MONTH = [/^(\d{4})-(\d{1,2})$/, /^(\d{1,2})[-/](\d{4})$/];
const YEAR = /^(\d{4})$/;
const RANGE = /^(.+?)\s*(?:\/|t\/m|tot en met|tm|–|—| - |\.\.)\s*(.+)$/i;

/** Parse a period; numbers are read as Excel date serials or years (1900–2200). */
export function parsePeriod(value: unknown, field: string): Period {
	if (typeof value === 'number' && Number.isInteger(value) && value >= 1900 && value <= 2200) value = String(value);
	if (typeof value !== 'string') {
		if (value === undefined || value === null) throw new InvalidPeriodError(field, 'it is empty');
		const d = parseDateOrPeriodError(value, field);
		return { start: d, end: d, label: formatIsoDate(d) };
	}
	const s = value.trim();
	if (s === '') throw new InvalidPeriodError(field, 'it is empty');
	let m: RegExpExecArray | null;
	if ((m = QUARTER[0].exec(s)) || (m = QUARTER[1].exec(s))) {
		const [year, q] = QUARTER[0].test(s) ? [+m[1], +m[2]] : [+m[2], +m[1]];
		if (q < 1 || q > 4) throw new InvalidPeriodError(field, `quarter ${q} does not exist`);
		return monthRange(year, (q - 1) * 3 + 1, 3, `${year}-Q${q}`);
	}
	if ((m = HALF.exec(s))) {
		const year = +m[1];
		const h = +m[2];
		if (h < 1 || h > 2) throw new InvalidPeriodError(field, `half year ${h} does not exist`);
		return monthRange(year, h === 1 ? 1 : 7, 6, `${year}-H${h}`);
	}
	if ((m = MONTH[0].exec(s)) || (m = MONTH[1].exec(s))) {
		const [year, month] = MONTH[0].test(s) ? [+m[1], +m[2]] : [+m[2], +m[1]];
		if (month < 1 || month > 12) throw new InvalidPeriodError(field, `month ${month} does not exist`);
		return monthRange(year, month, 1, `${year}-${String(month).padStart(2, '0')}`);
	}
	if ((m = YEAR.exec(s))) return monthRange(+m[1], 1, 12, m[1]);
	if ((m = RANGE.exec(s)) && !/^\d{4}-\d{2}-\d{2}$/.test(s) && !/^\d{1,2}[-/.]\d{1,2}[-/.]\d{4}$/.test(s)) {
		const start = parseDateOrPeriodError(m[1], field);
		const end = parseDateOrPeriodError(m[2], field);
		if (end < start) throw new InvalidPeriodError(field, 'the end date is before the start date');
		return { start, end, label: `${formatIsoDate(start)}/${formatIsoDate(end)}` };
	}
	const d = parseDateOrPeriodError(s, field);
	return { start: d, end: d, label: formatIsoDate(d) };
}

function tryDate(value: unknown, field: string): CalendarDate | undefined {
	try {
		return parseCalendarDate(value, field);
	} catch {
		return undefined;
	}
}

function parseDateOrPeriodError(value: unknown, field: string): CalendarDate {
	const date = tryDate(value, field);
	if (date === undefined) throw new InvalidPeriodError(field, `${describeValue(value)} is not a period or date in a recognised format`);
	return date;
}

/** Whether `inner` lies wholly inside `outer` (both as whole days, start and end inclusive). */
export function periodContains(outer: Period, inner: Period): boolean {
	return inner.start >= outer.start && inner.end <= outer.end;
}

/**
 * The share of a year a period stands for, as an exact fraction: whole calendar months count as
 * months/12 (a quarter is exactly 3/12); any other range counts its days over the days of the year it starts in.
 */
export function shareOfYear(period: Period): { numerator: number; denominator: number; text: string } {
	const s = toYmd(period.start);
	const afterEnd = toYmd(addDays(period.end, 1));
	if (s.day === 1 && afterEnd.day === 1) {
		const months = (afterEnd.year - s.year) * 12 + (afterEnd.month - s.month);
		return { numerator: months, denominator: 12, text: `${months}/12` };
	}
	const days = daysBetween(period.start, period.end) + 1;
	const yearDays = daysBetween(fromYmd(s.year, 1, 1), fromYmd(s.year + 1, 1, 1));
	return { numerator: days, denominator: yearDays, text: `${days}/${yearDays}` };
}
