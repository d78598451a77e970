import fc from 'fast-check';
import {
	addDays,
	addMonths,
	calendarDateOfInstant,
	daysBetween,
	formatDutchDate,
	formatIsoDate,
	fromYmd,
	InvalidDateError,
	isoWeekday,
	parseCalendarDate,
	parseOptionalCalendarDate,
	startOfDayInstant,
	today,
	toYmd,
	wallClockToInstant,
} from '../../../domain/primitives/dates';
import { DateTime } from 'luxon';
import { assertNoPersonalData } from '../../helpers/privacy';

const iso = (v: unknown) => formatIsoDate(parseCalendarDate(v, 'zorgteamDatum'));

describe('parseCalendarDate: what spreadsheets and forms contain', () => {
	it.each([
		['2026-03-01', '2026-03-01'],
		['2026-3-1', '2026-03-01'],
		['01-03-2026', '2026-03-01'],
		['1-3-2026', '2026-03-01'],
		['01/03/2026', '2026-03-01'],
		['1.3.2026', '2026-03-01'],
		['  01-03-2026 ', '2026-03-01'],
		['1 maart 2026', '2026-03-01'],
		['29 feb 2028', '2028-02-29'],
		['15 Oktober 2026', '2026-10-15'],
		['29-02-2028', '2028-02-29'],
	])('reads %j as %s', (input, expected) => {
		expect(iso(input)).toBe(expected);
	});

	it('reads Excel serial day numbers (1900 date system), as numbers and as digit strings', () => {
		expect(iso(46082)).toBe('2026-03-01');
		expect(iso('46082')).toBe('2026-03-01');
		expect(iso(25569)).toBe('1970-01-01');
		expect(iso(61)).toBe('1900-03-01');
		expect(iso(46082.75)).toBe('2026-03-01'); // time of day is dropped, not rounded
	});

	it('rejects Excel serials in the Lotus leap-year-bug range and beyond 9999', () => {
		expect(() => iso(60)).toThrow(InvalidDateError);
		expect(() => iso(3000000)).toThrow(/outside the range/);
	});

	it('reads timestamps as the calendar date in Europe/Amsterdam', () => {
		// 00:30 local time in winter is 23:30 UTC the day before: must stay on the local day
		expect(iso('2026-03-01T23:30:00Z')).toBe('2026-03-02');
		expect(iso('2026-01-14T23:30:00.000Z')).toBe('2026-01-15');
		// summer time (UTC+2): 22:30Z is 00:30 the next day
		expect(iso('2026-07-01T22:30:00Z')).toBe('2026-07-02');
		expect(iso('2026-07-01T21:30:00Z')).toBe('2026-07-01');
		expect(iso('2026-03-01T00:15:00+01:00')).toBe('2026-03-01');
		// without an offset the written (local) date counts
		expect(iso('2026-03-01T00:15:00')).toBe('2026-03-01');
		expect(iso('2026-03-01 08:00')).toBe('2026-03-01');
	});

	it('reads JS dates and luxon DateTimes in Europe/Amsterdam, not UTC', () => {
		expect(iso(new Date('2026-03-01T23:05:00Z'))).toBe('2026-03-02');
		const { DateTime } = require('luxon');
		expect(iso(DateTime.fromISO('2026-10-25T00:10:00', { zone: 'Europe/Amsterdam' }))).toBe('2026-10-25');
	});

	it('honours another time zone when asked', () => {
		expect(formatIsoDate(parseCalendarDate('2026-03-01T23:30:00Z', 'd', 'UTC'))).toBe('2026-03-01');
		expect(formatIsoDate(parseCalendarDate('2026-03-01T23:30:00Z', 'd', 'America/New_York'))).toBe('2026-03-01');
	});

	it.each([
		['31-02-2026', /does not exist/],
		['2026-02-29', /does not exist/],
		['29-02-2100', /does not exist/],
		['00-01-2026', /does not exist/],
		['32-01-2026', /does not exist/],
		['2026-13-01', /does not exist/],
		['1 brumaire 2026', /month name/],
		['next tuesday', /not in a recognised format/],
		['01-03-26', /not in a recognised format/],
		['', /empty/],
		[true, /received the boolean true/],
		[null, /received null/],
		[new Date('invalid'), /invalid/],
		[Number.NaN, /not finite/],
	])('rejects %j, naming the field and the accepted formats', (input, reason) => {
		let error: unknown;
		try {
			parseCalendarDate(input, 'zorgteamDatum');
		} catch (e) {
			error = e;
		}
		expect(error).toBeInstanceOf(InvalidDateError);
		const e = error as InvalidDateError;
		expect(e.message).toMatch(/^Field "zorgteamDatum" is not a valid date: /);
		expect(e.message).toMatch(reason);
		expect(e.field).toBe('zorgteamDatum');
		expect(e.code).toBe('invalid_date');
		expect(e.hint).toContain('DD-MM-YYYY');
		expect(e.hint).toContain('Excel');
	});

	it('never echoes free text or a BSN-like number in the error', () => {
		for (const input of ['Noor Testkind', '111222333', 'bel moeder 0612345678']) {
			try {
				parseCalendarDate(input, 'startDatum');
				throw new Error('should not parse');
			} catch (e) {
				const message = (e as Error).message;
				expect(message).not.toContain(input);
				expect(message).toContain('not shown for privacy');
				assertNoPersonalData(message);
			}
		}
	});

	it('parseOptionalCalendarDate gives undefined for empty cells only', () => {
		expect(parseOptionalCalendarDate(undefined, 'f')).toBeUndefined();
		expect(parseOptionalCalendarDate(null, 'f')).toBeUndefined();
		expect(parseOptionalCalendarDate('  ', 'f')).toBeUndefined();
		expect(parseOptionalCalendarDate('2026-03-01', 'f')).toBe(fromYmd(2026, 3, 1));
		expect(() => parseOptionalCalendarDate('garbage', 'f')).toThrow(InvalidDateError);
	});
});

describe('calendar arithmetic', () => {
	it('day numbers match the Unix epoch', () => {
		expect(fromYmd(1970, 1, 1)).toBe(0);
		expect(fromYmd(2026, 3, 1)).toBe(Date.UTC(2026, 2, 1) / 86400000);
		expect(toYmd(fromYmd(2028, 2, 29))).toEqual({ year: 2028, month: 2, day: 29 });
	});

	it('round-trips every date between 1900 and 2200 (property)', () => {
		fc.assert(
			fc.property(fc.integer({ min: fromYmd(1900, 1, 1), max: fromYmd(2200, 12, 31) }), (d) => {
				const { year, month, day } = toYmd(d);
				expect(fromYmd(year, month, day)).toBe(d);
				expect(formatIsoDate(d)).toBe(new Date(d * 86400000).toISOString().slice(0, 10));
				expect(parseCalendarDate(formatDutchDate(d), 'f')).toBe(d);
			}),
		);
	});

	it('adds whole days across DST changes (8 weeks from a date before the switch)', () => {
		// Europe/Amsterdam switches to summer time on 29 March 2026 and back on 25 October 2026
		expect(formatIsoDate(addDays(fromYmd(2026, 3, 20), 56))).toBe('2026-05-15');
		expect(formatIsoDate(addDays(fromYmd(2026, 10, 1), 56))).toBe('2026-11-26');
		expect(daysBetween(fromYmd(2026, 3, 28), fromYmd(2026, 3, 30))).toBe(2);
		expect(daysBetween(fromYmd(2026, 10, 24), fromYmd(2026, 10, 26))).toBe(2);
	});

	it('adds calendar months, clamping to the end of shorter months', () => {
		expect(formatIsoDate(addMonths(fromYmd(2026, 1, 31), 1))).toBe('2026-02-28');
		expect(formatIsoDate(addMonths(fromYmd(2028, 1, 31), 1))).toBe('2028-02-29');
		expect(formatIsoDate(addMonths(fromYmd(2026, 11, 30), 3))).toBe('2027-02-28');
		expect(formatIsoDate(addMonths(fromYmd(2026, 3, 15), 3))).toBe('2026-06-15');
		expect(formatIsoDate(addMonths(fromYmd(2026, 3, 15), -3))).toBe('2025-12-15');
	});

	it('addMonths is monotone (property): a later date never gets an earlier deadline', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: fromYmd(2000, 1, 1), max: fromYmd(2100, 1, 1) }),
				fc.integer({ min: 0, max: 400 }),
				fc.integer({ min: 0, max: 36 }),
				(d, delta, months) => {
					expect(addMonths(d + delta, months)).toBeGreaterThanOrEqual(addMonths(d, months));
				},
			),
		);
	});

	it('knows the weekday', () => {
		expect(isoWeekday(fromYmd(2026, 11, 26))).toBe(4); // Thursday
		expect(isoWeekday(fromYmd(2026, 11, 29))).toBe(7); // Sunday
		expect(isoWeekday(fromYmd(1969, 12, 29))).toBe(1); // Monday before the epoch
	});

	it('today() reads the calendar date of a given clock reading in the zone', () => {
		const justAfterMidnight = Date.UTC(2026, 10, 25, 23, 5); // 00:05 on 26 Nov in Amsterdam
		expect(formatIsoDate(today(justAfterMidnight))).toBe('2026-11-26');
		expect(formatIsoDate(today(new Date(justAfterMidnight), 'UTC'))).toBe('2026-11-25');
		expect(() => calendarDateOfInstant(0, 'Not/AZone')).toThrow(/Unknown time zone/);
	});

	it('startOfDayInstant is local midnight, also on DST days', () => {
		expect(new Date(startOfDayInstant(fromYmd(2026, 3, 29))).toISOString()).toBe('2026-03-28T23:00:00.000Z');
		expect(new Date(startOfDayInstant(fromYmd(2026, 3, 30))).toISOString()).toBe('2026-03-29T22:00:00.000Z');
	});
});

describe('wallClockToInstant: a local time as an instant, the same on any day it is computed', () => {
	const d = (iso: string) => fromYmd(...(iso.split('-').map(Number) as [number, number, number]));
	const at = (iso: string, h: number, m: number, which: 'earlier' | 'later') => new Date(wallClockToInstant(d(iso), h, m, 'Europe/Amsterdam', which)).toISOString();

	it('the repeated hour when the clocks go back: the summer-time or the winter-time one, as asked', () => {
		// 25 October 2026: 03:00 CEST becomes 02:00 CET, so 02:30 happens at 00:30 UTC and again at 01:30 UTC
		expect(at('2026-10-25', 2, 30, 'earlier')).toBe('2026-10-25T00:30:00.000Z');
		expect(at('2026-10-25', 2, 30, 'later')).toBe('2026-10-25T01:30:00.000Z');
	});

	it('the skipped hour when the clocks go forward moves forward by the gap', () => {
		// 28 March 2027: 02:00 CET becomes 03:00 CEST; 02:30 does not exist, 03:30 CEST = 01:30 UTC
		expect(at('2027-03-28', 2, 30, 'later')).toBe('2027-03-28T01:30:00.000Z');
		expect(at('2027-03-28', 2, 30, 'earlier')).toBe('2027-03-28T01:30:00.000Z');
	});

	it('an ordinary time in winter and summer, midnight, and an unknown zone', () => {
		expect(at('2027-01-15', 9, 0, 'later')).toBe('2027-01-15T08:00:00.000Z');
		expect(at('2027-07-25', 9, 0, 'earlier')).toBe('2027-07-25T07:00:00.000Z');
		expect(new Date(startOfDayInstant(d('2027-07-25'))).toISOString()).toBe('2027-07-24T22:00:00.000Z');
		expect(wallClockToInstant(d('2027-07-25'), 9, 0, 'Mars/Olympus', 'later')).toBeNaN();
	});

	it('gives back the wall-clock time it was asked for, in any zone, on any day from 1990 to 2060 (property)', () => {
		const zones = ['Europe/Amsterdam', 'America/New_York', 'Australia/Sydney', 'Asia/Kolkata', 'UTC', 'America/Santiago'];
		fc.assert(
			fc.property(fc.integer({ min: fromYmd(1990, 1, 1), max: fromYmd(2060, 12, 31) }), fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), fc.constantFrom(...zones), fc.constantFrom('earlier' as const, 'later' as const), (day, h, m, zone, which) => {
				const ts = wallClockToInstant(day, h, m, zone, which);
				const back = DateTime.fromMillis(ts, { zone });
				expect(fromYmd(back.year, back.month, back.day)).toBe(day);
				// the same wall-clock time, or (a time the zone skips) a little after it, past the gap
				const later = back.hour * 60 + back.minute - (h * 60 + m);
				expect(later === 0 || (later > 0 && later <= 120)).toBe(true);
			}),
			{ numRuns: 500 },
		);
	});
});
