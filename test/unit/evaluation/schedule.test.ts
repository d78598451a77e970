import { formatIsoDate } from '../../../domain/primitives/dates';
import {
	annualReportPeriod,
	cronExpressions,
	dutchPublicHolidays,
	easterSunday,
	evaluationPeriod,
	makeMomentSpec,
	momentsOfYear,
	nextMoment,
	holidayDays,
	parseTimeOfDay,
	previousMoment,
	validateSchedule,
} from '../../../domain/evaluation';
import { DomainError } from '../../../domain/primitives/errors';
import { assertNoPersonalData } from '../../helpers/privacy';
import { at, d, iso, makeSchedule, spec } from './helpers';

const dates = (year: number, s = makeSchedule()) => momentsOfYear(s, year).map((m) => formatIsoDate(m.date));

describe('moments of a year', () => {
	it('defaults: 1 February and 15 June, a Sunday moved to Monday', () => {
		// 1 Feb 2026 is a Sunday; 15 June 2026 a Monday
		expect(dates(2026)).toEqual(['2026-02-02', '2026-06-15']);
		const [first] = momentsOfYear(makeSchedule(), 2026);
		expect(formatIsoDate(first.scheduledDate)).toBe('2026-02-01');
		expect(first.shiftedBecause).toEqual(['weekend']);
	});

	it('a Saturday moves to Monday, not Sunday', () => {
		// 1 Feb 2025 is a Saturday, 15 June 2025 a Sunday
		expect(dates(2025)).toEqual(['2025-02-03', '2025-06-16']);
	});

	it('without shifting, a weekend moment stays on the weekend', () => {
		expect(dates(2025, makeSchedule({ shiftToWorkingDay: false }))).toEqual(['2025-02-01', '2025-06-15']);
	});

	it('a configured holiday moves the moment to the next working day, past a following weekend', () => {
		// Friday 12 June 2026 is a study day: the moment on that day goes to Monday 15 June
		const s = makeSchedule({ moments: [spec('first', 2, 1), spec('second', 6, 12)], holidays: new Set([d('2026-06-12')]) });
		const m = momentsOfYear(s, 2026)[1];
		expect(formatIsoDate(m.date)).toBe('2026-06-15');
		expect(m.shiftedBecause).toEqual(['holiday', 'weekend']);
	});

	it('a Dutch public holiday moves the moment (Tweede Pinksterdag 25 May 2026 → 26 May)', () => {
		const s = makeSchedule({ moments: [spec('first', 1, 15), spec('second', 5, 25)] });
		expect(dates(2026, s)).toEqual(['2026-01-15', '2026-05-26']);
		const off = makeSchedule({ moments: [spec('first', 1, 15), spec('second', 5, 25)], dutchPublicHolidays: false });
		expect(dates(2026, off)).toEqual(['2026-01-15', '2026-05-25']);
	});

	it('a moment moved across the year end keeps its own year', () => {
		// 31 Dec 2022 is a Saturday; 1 Jan 2023 Sunday and Nieuwjaarsdag → Monday 2 January 2023
		const s = makeSchedule({ moments: [spec('first', 6, 30), spec('second', 12, 31)] });
		const m = momentsOfYear(s, 2022)[1];
		expect(m.year).toBe(2022);
		expect(formatIsoDate(m.date)).toBe('2023-01-02');
		expect(formatIsoDate(previousMoment(s, at('2023-01-01T12:00')).date)).toBe('2022-06-30');
		expect(formatIsoDate(nextMoment(s, at('2023-01-01T12:00')).date)).toBe('2023-01-02');
		expect(formatIsoDate(previousMoment(s, at('2023-01-02T09:00')).date)).toBe('2023-01-02');
	});

	it('29 February: on the day in leap years, 28 February (moved if a weekend) otherwise', () => {
		const s = makeSchedule({ moments: [spec('first', 2, 29), spec('second', 9, 1)] });
		expect(dates(2028, s)[0]).toBe('2028-02-29');
		expect(dates(2024, s)[0]).toBe('2024-02-29');
		// 28 Feb 2027 is a Sunday → Monday 1 March
		expect(dates(2027, s)[0]).toBe('2027-03-01');
		expect(dates(2027, makeSchedule({ moments: [spec('first', 2, 29), spec('second', 9, 1)], shiftToWorkingDay: false }))[0]).toBe('2027-02-28');
	});
});

describe('next and previous fire times', () => {
	const s = makeSchedule();

	it('next across the year end', () => {
		expect(iso(nextMoment(s, at('2026-12-20T10:00')).instant)).toBe('2027-02-01T09:00:00.000+01:00');
		expect(iso(nextMoment(s, at('2026-06-15T09:00')).instant)).toBe('2027-02-01T09:00:00.000+01:00');
		expect(iso(nextMoment(s, at('2026-06-15T08:59:59')).instant)).toBe('2026-06-15T09:00:00.000+02:00');
	});

	it('previous across the year start', () => {
		expect(iso(previousMoment(s, at('2027-01-10T10:00')).instant)).toBe('2026-06-15T09:00:00.000+02:00');
		expect(iso(previousMoment(s, at('2027-02-01T09:00')).instant)).toBe('2027-02-01T09:00:00.000+01:00');
		expect(iso(previousMoment(s, at('2027-02-01T08:59')).instant)).toBe('2026-06-15T09:00:00.000+02:00');
	});

	it('keeps the local wall-clock time across DST: 09:00 in winter (+01:00) and in summer (+02:00)', () => {
		const [winter, summer] = momentsOfYear(s, 2026);
		expect(new Date(winter.instant).toISOString()).toBe('2026-02-02T08:00:00.000Z');
		expect(new Date(summer.instant).toISOString()).toBe('2026-06-15T07:00:00.000Z');
	});

	it('a time in the spring-forward gap fires at the first valid time after it', () => {
		// 29 March 2026 02:30 does not exist in Amsterdam: 03:30 CEST
		const gap = makeSchedule({ moments: [spec('first', 3, 29, '02:30'), spec('second', 9, 1)], shiftToWorkingDay: false });
		expect(iso(momentsOfYear(gap, 2026)[0].instant)).toBe('2026-03-29T03:30:00.000+02:00');
	});

	it('an ambiguous time on the fall-back night is one instant (the second 02:30, CET)', () => {
		const amb = makeSchedule({ moments: [spec('first', 4, 1), spec('second', 10, 25, '02:30')], shiftToWorkingDay: false });
		const m = momentsOfYear(amb, 2026)[1];
		expect(new Date(m.instant).toISOString()).toBe('2026-10-25T01:30:00.000Z');
		// at the first 02:30 (CEST, an hour earlier) the moment has not come yet: it fires once, not twice
		expect(previousMoment(amb, m.instant - 3600_000).instant).not.toBe(m.instant);
	});

	it('follows the workflow time zone', () => {
		const ny = makeSchedule({ zone: 'America/New_York' });
		expect(iso(momentsOfYear(ny, 2026)[1].instant, 'America/New_York')).toBe('2026-06-15T09:00:00.000-04:00');
	});
});

describe('periods', () => {
	const s = makeSchedule();
	it('runs from the previous moment to the day before this one', () => {
		const [first, second] = momentsOfYear(s, 2026);
		expect(evaluationPeriod(s, first)).toEqual({ start: d('2025-06-16'), end: d('2026-02-01') });
		expect(evaluationPeriod(s, second)).toEqual({ start: d('2026-02-02'), end: d('2026-06-14') });
	});
	it('the annual report covers the twelve months since the same moment a year earlier', () => {
		const second = momentsOfYear(s, 2026)[1];
		expect(second.annualReport).toBe(true);
		expect(momentsOfYear(s, 2026)[0].annualReport).toBe(false);
		expect(annualReportPeriod(s, second)).toEqual({ start: d('2025-06-16'), end: d('2026-06-14') });
	});
	it('the annual report moment is the user\'s choice', () => {
		const f = makeSchedule({ annualReportMoment: 'first' });
		expect(momentsOfYear(f, 2026).map((m) => m.annualReport)).toEqual([true, false]);
	});
});

describe('cron', () => {
	it('ticks hourly at each configured minute (6 fields, seconds first)', () => {
		expect(cronExpressions(makeSchedule())).toEqual(['0 0 * * * *']);
		// the cron runs in the workflow's zone: shifted by its offset from the schedule's zone, modulo an hour
		expect(cronExpressions(makeSchedule(), 270)).toEqual(['0 30 * * * *']);
		expect(cronExpressions(makeSchedule(), -345)).toEqual(['0 15 * * * *']);
		expect(cronExpressions(makeSchedule(), -300)).toEqual(['0 0 * * * *']);
		expect(cronExpressions(makeSchedule({ moments: [spec('first', 2, 1, '09:45'), spec('second', 6, 15, '13:05')] }))).toEqual([
			'0 5,45 * * * *',
		]);
	});
});

describe('validation', () => {
	const fields = { month: 'First Moment Month', day: 'First Moment Day', time: 'First Moment Time' };
	const expectError = (fn: () => unknown, field: string) => {
		try {
			fn();
		} catch (e) {
			expect(e).toBeInstanceOf(DomainError);
			expect((e as DomainError).field).toBe(field);
			expect((e as DomainError).hint).toBeTruthy();
			assertNoPersonalData((e as Error).message);
			return;
		}
		throw new Error('expected an error');
	};
	it('rejects impossible dates and times, naming the field', () => {
		expectError(() => makeMomentSpec('first', 2, 30, '09:00', fields), 'First Moment Day');
		expectError(() => makeMomentSpec('first', 13, 1, '09:00', fields), 'First Moment Month');
		expectError(() => makeMomentSpec('first', 4, 31, '09:00', fields), 'First Moment Day');
		expectError(() => makeMomentSpec('first', 2, 1, '24:00', fields), 'First Moment Time');
		expectError(() => makeMomentSpec('first', 2, 1, 'nine', fields), 'First Moment Time');
	});
	it('reads times as HH:mm', () => {
		expect(parseTimeOfDay('9:05', 't')).toEqual({ hour: 9, minute: 5 });
		expect(parseTimeOfDay(' 23.59 ', 't')).toEqual({ hour: 23, minute: 59 });
	});
	it('rejects moments less than four weeks apart, also across the year end', () => {
		expect(() => makeSchedule({ moments: [spec('first', 6, 1), spec('second', 6, 20)] })).toThrow(/at least 28 days/);
		expect(() => makeSchedule({ moments: [spec('first', 12, 20), spec('second', 1, 5)] })).toThrow(/16 days apart/);
		expect(() => makeSchedule({ moments: [spec('first', 12, 1), spec('second', 6, 1)] })).not.toThrow();
	});
	it('rejects an unknown time zone', () => {
		expect(() => validateSchedule({ ...makeSchedule(), zone: 'Mars/Olympus' })).toThrow(/time zone/);
	});
	it('gives up on a holiday list that leaves no working day', () => {
		const all = holidayDays('2026-01-10..2026-05-01, 2026-05-02..2026-07-01', 'Holidays');
		expect(() => momentsOfYear(makeSchedule({ holidays: all }), 2026)).toThrow(/No working day/);
	});
});

describe('holidays', () => {
	it('computes Easter and the Dutch public holidays', () => {
		expect(formatIsoDate(easterSunday(2026))).toBe('2026-04-05');
		expect(formatIsoDate(easterSunday(2027))).toBe('2027-03-28');
		expect(formatIsoDate(easterSunday(2000))).toBe('2000-04-23');
		expect([...dutchPublicHolidays(2026)].map(formatIsoDate).sort()).toEqual([
			'2026-01-01', '2026-04-05', '2026-04-06', '2026-04-27', '2026-05-14', '2026-05-24', '2026-05-25', '2026-12-25', '2026-12-26',
		]);
		// Koningsdag on a Sunday (2025-04-27) moves to Saturday 26 April
		expect(dutchPublicHolidays(2025).has(d('2025-04-26'))).toBe(true);
	});
	it('reads dates and ranges in the accepted formats', () => {
		const set = holidayDays('2026-02-14..2026-02-16; 01-06-2026\n3 juni 2026, 10-06-2026 t/m 11-06-2026', 'Holidays');
		expect([...set].map(formatIsoDate).sort()).toEqual([
			'2026-02-14', '2026-02-15', '2026-02-16', '2026-06-01', '2026-06-03', '2026-06-10', '2026-06-11',
		]);
		expect(holidayDays('', 'Holidays').size).toBe(0);
	});
	it('rejects bad entries naming the field', () => {
		expect(() => holidayDays('2026-02-31', 'Holidays')).toThrow(/Holidays/);
		expect(() => holidayDays('2026-03-01..2026-02-01', 'Holidays')).toThrow(/backwards/);
	});
});
