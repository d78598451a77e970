import { fromYmd, formatIsoDate } from '../../../domain/primitives/dates';
import { defaultHolidayCalendar, HolidayCalendar, parseHolidayList } from '../../../domain/calendar';
import { holidayDays } from '../../../domain/evaluation';
import { assertNoPersonalData } from '../../helpers/privacy';

const d = (iso: string) => {
	const [y, m, day] = iso.split('-').map(Number);
	return fromYmd(y, m, day);
};

describe('HolidayCalendar', () => {
	// two holidays: 10-14 March and 20-21 March 2026 (inclusive)
	const cal = new HolidayCalendar(
		[
			{ start: d('2026-03-10'), end: d('2026-03-14') },
			{ start: d('2026-03-20'), end: d('2026-03-21') },
		],
		[{ start: d('2026-01-01'), end: d('2026-12-31') }],
	);

	it('counts holiday days in an inclusive range', () => {
		expect(cal.holidayDaysIn(d('2026-03-01'), d('2026-03-31'))).toBe(7);
		expect(cal.holidayDaysIn(d('2026-03-12'), d('2026-03-20'))).toBe(4);
		expect(cal.holidayDaysIn(d('2026-03-15'), d('2026-03-19'))).toBe(0);
		expect(cal.holidayDaysIn(d('2026-03-20'), d('2026-03-10'))).toBe(0);
	});

	it('knows holiday days', () => {
		expect(cal.isHoliday(d('2026-03-10'))).toBe(true);
		expect(cal.isHoliday(d('2026-03-14'))).toBe(true);
		expect(cal.isHoliday(d('2026-03-15'))).toBe(false);
	});

	it('counts days after the start up to the end, skipping holidays', () => {
		expect(cal.countedDaysBetween(d('2026-03-01'), d('2026-03-31'))).toBe(30 - 7);
		expect(cal.countedDaysBetween(d('2026-03-05'), d('2026-03-05'))).toBe(0);
		expect(cal.countedDaysBetween(d('2026-03-31'), d('2026-03-01'))).toBe(-(30 - 7));
	});

	it('adds counted days so that the result is never a holiday', () => {
		// 9 March + 1 counted day skips 10-14 March
		expect(formatIsoDate(cal.addCountedDays(d('2026-03-09'), 1))).toBe('2026-03-15');
		expect(formatIsoDate(cal.addCountedDays(d('2026-03-09'), 0))).toBe('2026-03-09');
		// 1 March + 20 counted days: 2..9 (8), 15..19 (5), 22..28 (7) -> 28 March
		expect(formatIsoDate(cal.addCountedDays(d('2026-03-01'), 20))).toBe('2026-03-28');
	});

	it('merges overlapping and adjacent holidays', () => {
		const merged = new HolidayCalendar(
			[
				{ start: d('2026-05-01'), end: d('2026-05-05') },
				{ start: d('2026-05-04'), end: d('2026-05-08') },
				{ start: d('2026-05-09'), end: d('2026-05-09') },
			],
			undefined,
		);
		expect(merged.holidayDaysIn(d('2026-04-01'), d('2026-06-01'))).toBe(9);
	});

	it('reports the parts of a span it does not cover', () => {
		expect(cal.uncovered(d('2026-06-01'), d('2026-12-31'))).toEqual([]);
		expect(cal.uncovered(d('2025-12-20'), d('2026-01-05'))).toEqual([{ start: d('2025-12-20'), end: d('2025-12-31') }]);
		expect(cal.uncovered(d('2026-12-30'), d('2027-01-02'))).toEqual([{ start: d('2027-01-01'), end: d('2027-01-02') }]);
	});

	it('covers, without a stated coverage, the span from its first to its last holiday', () => {
		const c = new HolidayCalendar([{ start: d('2026-10-17'), end: d('2026-10-25') }, { start: d('2026-12-19'), end: d('2027-01-03') }], undefined);
		expect(c.describeCoverage()).toBe('2026-10-17 to 2027-01-03');
	});
});

describe('built-in schoolvakanties', () => {
	it('has the 2025-2026 holidays per region', () => {
		expect(defaultHolidayCalendar('noord').isHoliday(d('2026-02-28'))).toBe(true);
		expect(defaultHolidayCalendar('midden').isHoliday(d('2026-02-28'))).toBe(false);
		expect(defaultHolidayCalendar('zuid').isHoliday(d('2025-10-11'))).toBe(true);
		expect(defaultHolidayCalendar('midden').isHoliday(d('2026-08-30'))).toBe(true);
		expect(defaultHolidayCalendar('midden').isHoliday(d('2026-12-24'))).toBe(true);
	});

	it('states its coverage: from 1 September 2025 to the end of the region\'s summer holiday 2029 (Rijksoverheid 2028-2029)', () => {
		expect(defaultHolidayCalendar('noord').describeCoverage()).toBe('2025-09-01 to 2029-09-02');
		expect(defaultHolidayCalendar('midden').describeCoverage()).toBe('2025-09-01 to 2029-08-19');
		expect(defaultHolidayCalendar('zuid').describeCoverage()).toBe('2025-09-01 to 2029-08-26');
		// autumn 2026 is known now (issue 21); autumn 2029 is not published: not covered
		expect(defaultHolidayCalendar('midden').uncovered(d('2026-10-01'), d('2026-10-31'))).toEqual([]);
		expect(defaultHolidayCalendar('midden').uncovered(d('2029-10-01'), d('2029-10-31'))).toHaveLength(1);
	});
});

describe('parseHolidayList', () => {
	it('reads ISO and Dutch ranges with names, ignoring blank and # lines', () => {
		const list = parseHolidayList(
			'# regio midden\n2026-10-17 - 2026-10-25 Herfstvakantie\n\n19-12-2026 t/m 03-01-2027 Kerstvakantie\n2027-02-13 2027-02-21\n2027-06-04 studiedag',
			'Holidays',
		);
		expect(list.map((h) => [formatIsoDate(h.start), formatIsoDate(h.end), h.name])).toEqual([
			['2026-10-17', '2026-10-25', 'Herfstvakantie'],
			['2026-12-19', '2027-01-03', 'Kerstvakantie'],
			['2027-02-13', '2027-02-21', undefined],
			['2027-06-04', '2027-06-04', 'studiedag'],
		]);
	});

	it('reads a list of objects, pairs and texts from an input field', () => {
		const list = parseHolidayList(
			[{ start: '2026-10-17', end: '2026-10-25', name: 'Herfst' }, ['2026-12-19', '2027-01-03'], '2027-02-13 - 2027-02-21'],
			'holidays',
		);
		expect(list).toHaveLength(3);
		expect(list[0].name).toBe('Herfst');
	});

	it.each([
		['2026-10-25 - 2026-10-17', /ends before it starts/],
		['2026-13-01 - 2026-13-05', /does not hold two valid dates/],
		['herfstvakantie', /is not a date range/],
	])('rejects %s naming the field and the line', (text, message) => {
		try {
			parseHolidayList(`2026-01-01 - 2026-01-02\n${text}`, 'Holidays');
			throw new Error('expected an error');
		} catch (error) {
			const e = error as { message: string; field: string; code: string; hint: string };
			expect(e.code).toBe('invalid_holiday_calendar');
			expect(e.field).toBe('Holidays');
			expect(e.message).toMatch(/Line 2 of "Holidays"/);
			expect(e.message).toMatch(message);
			assertNoPersonalData(e.message);
		}
	});

	it('rejects a field that holds no list', () => {
		expect(() => parseHolidayList(42, 'holidays')).toThrow(/"holidays" holds no holiday list/);
		expect(() => parseHolidayList([{ begin: 5 }], 'holidays')).toThrow(/needs "start" and "end"/);
	});
});

describe('one holiday grammar for the Deadline Monitor and the Evaluation Trigger', () => {
	const iso = (list: Array<{ start: number; end: number; name?: string }>) => list.map((h) => [formatIsoDate(h.start), formatIsoDate(h.end), h.name]);

	it('reads the trigger style (commas, `..`, spelled-out dates) in the calendar', () => {
		expect(iso(parseHolidayList('2026-02-14..2026-02-16, 01-06-2026; 3 juni 2026\n3 juni 2026 t/m 5 juni 2026', 'Holidays'))).toEqual([
			['2026-02-14', '2026-02-16', undefined],
			['2026-06-01', '2026-06-01', undefined],
			['2026-06-03', '2026-06-03', undefined],
			['2026-06-03', '2026-06-05', undefined],
		]);
	});

	it('keeps a name with a comma that is not followed by a date', () => {
		expect(iso(parseHolidayList('2026-10-17 - 2026-10-25 Herfstvakantie, regio midden', 'Holidays'))).toEqual([['2026-10-17', '2026-10-25', 'Herfstvakantie, regio midden']]);
	});

	it('gives the trigger the days of the calendar style, names included', () => {
		const days = holidayDays('# herfst\n2026-10-17 - 2026-10-25 Herfstvakantie\n19-12-2026 t/m 20-12-2026', 'Holidays');
		expect([...days].map(formatIsoDate)).toEqual([
			'2026-10-17', '2026-10-18', '2026-10-19', '2026-10-20', '2026-10-21', '2026-10-22', '2026-10-23', '2026-10-24', '2026-10-25', '2026-12-19', '2026-12-20',
		]);
		expect(() => holidayDays('2026-01-01..2026-06-30', 'Holidays')).toThrow(/longer than 120 days/);
		expect(() => holidayDays('2026-03-01..2026-02-01', 'Holidays')).toThrow(/backwards/);
	});
});
