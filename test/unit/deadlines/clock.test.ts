import { fromYmd, formatIsoDate } from '../../../domain/primitives/dates';
import { defaultHolidayCalendar, HolidayCalendar } from '../../../domain/calendar';
import { ClockConfig, deadlineFor, evaluateClock, validateClockConfig } from '../../../domain/deadlines';
import { assertNoPersonalData } from '../../helpers/privacy';

const d = (iso: string) => {
	const [y, m, day] = iso.split('-').map(Number);
	return fromYmd(y, m, day);
};
const F = { clockStart: 'zorgteamDate', stop: 'startDate' };
const eightWeeks: ClockConfig = { norm: { length: 8, unit: 'weeks' }, counting: 'calendarDays', dueSoonDays: 14 };
const threeMonths: ClockConfig = { norm: { length: 3, unit: 'months' }, counting: 'calendarDays', dueSoonDays: 14 };

function run(start: string, stop: string | undefined, reference: string, config = eightWeeks, calendar?: HolidayCalendar) {
	const r = evaluateClock({ clockStart: d(start), stop: stop ? d(stop) : undefined, reference: d(reference) }, config, F, calendar);
	return { ...r, deadline: formatIsoDate(r.deadline) };
}

describe('8-week start norm (S1), calendar days', () => {
	it('the deadline is the zorgteam date plus 56 days', () => {
		expect(run('2026-03-02', undefined, '2026-03-02').deadline).toBe('2026-04-27');
	});

	it('a start on the deadline day is met; the day after is met late', () => {
		expect(run('2026-03-02', '2026-04-27', '2026-05-01')).toMatchObject({ status: 'met', daysElapsed: 56, daysRemaining: null, closed: true });
		expect(run('2026-03-02', '2026-04-28', '2026-05-01')).toMatchObject({ status: 'met_late', daysElapsed: 57 });
	});

	it('a same-day start is met with 0 days elapsed', () => {
		expect(run('2026-03-02', '2026-03-02', '2026-03-02')).toMatchObject({ status: 'met', daysElapsed: 0 });
	});

	it('open cases: on track, due soon within the window (deadline day included), overdue the day after', () => {
		expect(run('2026-03-02', undefined, '2026-04-12')).toMatchObject({ status: 'on_track', daysRemaining: 15, daysElapsed: 41 });
		expect(run('2026-03-02', undefined, '2026-04-13')).toMatchObject({ status: 'due_soon', daysRemaining: 14 });
		expect(run('2026-03-02', undefined, '2026-04-27')).toMatchObject({ status: 'due_soon', daysRemaining: 0 });
		expect(run('2026-03-02', undefined, '2026-04-28')).toMatchObject({ status: 'overdue', daysRemaining: -1, daysElapsed: 57 });
	});

	it('a warning window of 0 makes only the deadline day due soon', () => {
		const cfg = { ...eightWeeks, dueSoonDays: 0 };
		expect(run('2026-03-02', undefined, '2026-04-26', cfg).status).toBe('on_track');
		expect(run('2026-03-02', undefined, '2026-04-27', cfg).status).toBe('due_soon');
	});

	it('a start date after the reference date has not happened yet: the case is open', () => {
		expect(run('2026-03-02', '2026-05-10', '2026-04-28')).toMatchObject({ status: 'overdue', closed: false });
		expect(run('2026-03-02', '2026-04-20', '2026-04-01')).toMatchObject({ status: 'on_track', closed: false });
	});

	it('is not moved by the DST changes (29 March and 25 October 2026)', () => {
		expect(run('2026-03-28', undefined, '2026-03-28').deadline).toBe('2026-05-23');
		expect(run('2026-03-28', undefined, '2026-03-30').daysElapsed).toBe(2);
		expect(run('2026-10-24', undefined, '2026-10-24').deadline).toBe('2026-12-19');
		expect(run('2026-10-24', undefined, '2026-10-26').daysElapsed).toBe(2);
	});

	it('counts a leap day as a day', () => {
		expect(run('2028-02-01', undefined, '2028-02-01').deadline).toBe('2028-03-28');
		expect(run('2028-02-28', '2028-03-01', '2028-03-01').daysElapsed).toBe(2);
		expect(run('2027-02-28', '2027-03-01', '2027-03-01').daysElapsed).toBe(1);
	});

	it('a norm in days is that many days', () => {
		expect(run('2026-03-02', undefined, '2026-03-02', { ...eightWeeks, norm: { length: 10, unit: 'days' } }).deadline).toBe('2026-03-12');
	});
});

describe('thuiszitter 3-month rule (S2)', () => {
	it('adds calendar months, ending on the last day of a shorter month', () => {
		expect(run('2026-08-31', undefined, '2026-09-01', threeMonths).deadline).toBe('2026-11-30');
		expect(run('2026-11-30', undefined, '2026-12-01', threeMonths).deadline).toBe('2027-02-28');
		expect(run('2027-11-30', undefined, '2027-12-01', threeMonths).deadline).toBe('2028-02-29'); // leap day
		expect(run('2028-02-29', undefined, '2028-03-01', threeMonths).deadline).toBe('2028-05-29');
	});

	it('met on the deadline day, overdue the day after without a started offer', () => {
		expect(run('2026-08-31', '2026-11-30', '2026-12-05', threeMonths).status).toBe('met');
		expect(run('2026-08-31', undefined, '2026-12-01', threeMonths)).toMatchObject({ status: 'overdue', daysElapsed: 92 });
	});
});

describe('school weeks', () => {
	const school: ClockConfig = { ...eightWeeks, counting: 'schoolWeeks' };
	const midden = defaultHolidayCalendar('midden');

	it('holiday days do not count (voorjaarsvakantie midden 14-22 February 2026)', () => {
		const r = run('2026-01-05', undefined, '2026-02-23', school, midden);
		expect(r.deadline).toBe('2026-03-11'); // 56 + 9 holiday days
		expect(r.daysElapsed).toBe(49 - 9);
		expect(r.daysRemaining).toBe(16);
		expect(r.uncovered).toEqual([]);
	});

	it('a holiday spanning the deadline pushes the deadline past the holiday', () => {
		// 28 May + 56 days would be 23 July, inside the summer holiday (18 July - 30 August)
		const r = run('2026-05-28', undefined, '2026-06-01', school, midden);
		expect(r.deadline).toBe('2026-09-05');
		// 29 May - 17 July: 50 counted days; 31 August - 5 September: 6 more. School year 2026-2027 is covered (issue 21)
		expect(r.uncovered.map((g) => [formatIsoDate(g.start), formatIsoDate(g.end)])).toEqual([]);
		expect(r.dueDateKnown).toBe(true);
	});

	it('a reference date inside a holiday does not advance the clock', () => {
		const a = run('2026-05-28', undefined, '2026-07-20', school, midden);
		const b = run('2026-05-28', undefined, '2026-08-20', school, midden);
		expect(a.daysElapsed).toBe(b.daysElapsed);
		expect(a.status).toBe('due_soon');
	});

	it('reports uncovered dates up to the reference date when it is past the deadline', () => {
		const cal = new HolidayCalendar([{ start: d('2026-10-17'), end: d('2026-10-25') }], [{ start: d('2026-09-01'), end: d('2026-10-31') }]);
		const r = run('2026-09-01', undefined, '2026-11-26', school, cal);
		expect(r.deadline).toBe('2026-11-05');
		expect(r.uncovered.map((g) => formatIsoDate(g.start) + '/' + formatIsoDate(g.end))).toEqual(['2026-11-01/2026-11-26']);
	});

	it('in calendar-day counting nothing is reported about coverage', () => {
		expect(run('2026-05-28', undefined, '2026-06-01', eightWeeks, midden).uncovered).toEqual([]);
	});
});

describe('bad input', () => {
	it('a stop date before the clock start is an error naming the stop field', () => {
		expect(() => run('2026-03-02', '2026-03-01', '2026-04-01')).toThrow(
			expect.objectContaining({ code: 'stop_before_clock_start', field: 'startDate' }),
		);
	});

	it('a clock start after the reference date is an error naming the start field', () => {
		try {
			run('2026-12-01', undefined, '2026-11-26');
			throw new Error('expected an error');
		} catch (error) {
			const e = error as { code: string; field: string; message: string; hint: string };
			expect(e).toMatchObject({ code: 'clock_start_after_reference', field: 'zorgteamDate' });
			expect(e.message).toContain('2026-12-01');
			assertNoPersonalData(e.message + e.hint);
		}
	});

	it.each([
		[{ ...eightWeeks, norm: { length: 0, unit: 'weeks' as const } }, 'invalid_norm'],
		[{ ...eightWeeks, norm: { length: 2.5, unit: 'weeks' as const } }, 'invalid_norm'],
		[{ ...eightWeeks, dueSoonDays: -1 }, 'invalid_warning_window'],
		[{ ...threeMonths, counting: 'schoolWeeks' as const }, 'months_in_school_weeks'],
	])('configuration %# is refused before any item', (config, code) => {
		expect(() => validateClockConfig(config, new HolidayCalendar([], undefined))).toThrow(expect.objectContaining({ code }));
	});

	it('school weeks without a calendar are refused', () => {
		expect(() => validateClockConfig({ ...eightWeeks, counting: 'schoolWeeks' }, undefined)).toThrow(
			expect.objectContaining({ code: 'missing_holiday_calendar' }),
		);
	});

	it('deadlineFor agrees with evaluateClock', () => {
		expect(formatIsoDate(deadlineFor(d('2026-03-02'), eightWeeks))).toBe('2026-04-27');
	});
});
