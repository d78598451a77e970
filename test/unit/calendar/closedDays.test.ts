/**
 * Extra closed days, checked against school pages (SCHOOL_YEAR_SOURCES): obsdepolsstokberkenwoude.nl lists
 * Goede Vrijdag 26 March 2027, Koningsdag Tuesday 27 April 2027, Bevrijdingsdag 5 May 2027, Hemelvaartsdag
 * 6 May 2027 and Tweede Pinksterdag 17 May 2027; edumarevpr.nl lists Goede Vrijdag 3 April 2026 and
 * Tweede Paasdag 6 April 2026.
 */
import { closedDay, closedDays, defaultHolidayCalendar, regionalCalendar } from '../../../domain/calendar';
import { formatIsoDate, fromYmd } from '../../../domain/primitives/dates';

describe('closed days', () => {
	it('match the dates schools publish', () => {
		expect(formatIsoDate(closedDay('goodFriday', 2027))).toBe('2027-03-26');
		expect(formatIsoDate(closedDay('kingsDay', 2027))).toBe('2027-04-27');
		expect(formatIsoDate(closedDay('liberationDay', 2027))).toBe('2027-05-05');
		expect(formatIsoDate(closedDay('ascension', 2027))).toBe('2027-05-06');
		expect(formatIsoDate(closedDay('dayAfterAscension', 2027))).toBe('2027-05-07');
		expect(formatIsoDate(closedDay('whitMonday', 2027))).toBe('2027-05-17');
		expect(formatIsoDate(closedDay('goodFriday', 2026))).toBe('2026-04-03');
		expect(formatIsoDate(closedDay('easterMonday', 2026))).toBe('2026-04-06');
		// Koningsdag on a Sunday moves to Saturday 26 April (2025: 27 April was a Sunday)
		expect(formatIsoDate(closedDay('kingsDay', 2025))).toBe('2025-04-26');
	});

	it('are made for every year asked', () => {
		expect(closedDays(['liberationDay'], 2026, 2028).map((d) => [formatIsoDate(d.start), d.name])).toEqual([
			['2026-05-05', 'Bevrijdingsdag 2026'],
			['2027-05-05', 'Bevrijdingsdag 2027'],
			['2028-05-05', 'Bevrijdingsdag 2028'],
		]);
	});

	it('a school calendar adds them and its own days to the regional holidays, keeps the coverage and says so in its source', () => {
		const own = [{ start: fromYmd(2027, 5, 3), end: fromYmd(2027, 5, 7), name: 'meivakantie week 2' }];
		const cal = regionalCalendar('midden', { kinds: ['goodFriday', 'liberationDay'], own, ownLabel: 'schoolDays' });
		expect(cal.isHoliday(fromYmd(2027, 3, 26))).toBe(true);
		expect(cal.isHoliday(fromYmd(2027, 5, 6))).toBe(true);
		expect(defaultHolidayCalendar('midden').isHoliday(fromYmd(2027, 5, 6))).toBe(false);
		expect(cal.coverage).toEqual(defaultHolidayCalendar('midden').coverage);
		expect(cal.source).toBe('built-in schoolvakanties (midden) + Goede Vrijdag, Bevrijdingsdag + the school\'s own days ("schoolDays")');
		// nothing added: the shared built-in calendar itself
		expect(regionalCalendar('zuid')).toBe(defaultHolidayCalendar('zuid'));
	});
});
