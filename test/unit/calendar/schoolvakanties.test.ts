/**
 * The built-in schoolvakanties against their public sources (issue 21 §1). Every expected range below is
 * copied by hand from the source named beside it (SCHOOL_YEAR_SOURCES in domain/calendar/schoolvakanties.ts),
 * not computed: a wrong date in the data fails here.
 */
import { defaultHolidayCalendar, HOLIDAY_REGIONS, HolidayRegion, SCHOOL_YEAR_SOURCES, SCHOOLVAKANTIES, schoolYearValidity } from '../../../domain/calendar';
import { formatIsoDate, fromYmd, isoWeekday } from '../../../domain/primitives/dates';

const iso = (s: string) => {
	const [y, m, d] = s.split('-').map(Number);
	return fromYmd(y, m, d);
};
/** [first day, last day] per region, as the source writes them. */
type Expected = Record<HolidayRegion, [string, string]>;
const row = (schoolYear: string, name: string): Expected => {
	const r = SCHOOLVAKANTIES.find((x) => x.schoolYear === schoolYear && x.name === name);
	if (!r) throw new Error(`no ${name} ${schoolYear}`);
	const f = ([y, m, d]: [number, number, number]) => formatIsoDate(fromYmd(y, m, d));
	return { noord: [f(r.noord[0]), f(r.noord[1])], midden: [f(r.midden[0]), f(r.midden[1])], zuid: [f(r.zuid[0]), f(r.zuid[1])] };
};

describe('built-in schoolvakanties: each entry as its source gives it', () => {
	// government.nl "Overview of school holiday dates 2026-2027"
	it('2026-2027 (government.nl; noord confirmed by anjelier.nl and ckcderegenboog.nl, midden by mariaschool.wsko.nl and obsdepolsstokberkenwoude.nl)', () => {
		expect(row('2026-2027', 'Herfstvakantie')).toEqual({ noord: ['2026-10-10', '2026-10-18'], midden: ['2026-10-17', '2026-10-25'], zuid: ['2026-10-17', '2026-10-25'] });
		expect(row('2026-2027', 'Kerstvakantie')).toEqual({ noord: ['2026-12-19', '2027-01-03'], midden: ['2026-12-19', '2027-01-03'], zuid: ['2026-12-19', '2027-01-03'] });
		expect(row('2026-2027', 'Voorjaarsvakantie')).toEqual({ noord: ['2027-02-20', '2027-02-28'], midden: ['2027-02-20', '2027-02-28'], zuid: ['2027-02-13', '2027-02-21'] });
		expect(row('2026-2027', 'Meivakantie')).toEqual({ noord: ['2027-04-24', '2027-05-02'], midden: ['2027-04-24', '2027-05-02'], zuid: ['2027-04-24', '2027-05-02'] });
		expect(row('2026-2027', 'Zomervakantie')).toEqual({ noord: ['2027-07-10', '2027-08-22'], midden: ['2027-07-17', '2027-08-29'], zuid: ['2027-07-24', '2027-09-05'] });
	});

	// rijksoverheid.nl "Overzicht schoolvakanties 2027-2028"
	it('2027-2028 (rijksoverheid.nl)', () => {
		expect(row('2027-2028', 'Herfstvakantie')).toEqual({ noord: ['2027-10-16', '2027-10-24'], midden: ['2027-10-16', '2027-10-24'], zuid: ['2027-10-23', '2027-10-31'] });
		expect(row('2027-2028', 'Kerstvakantie')).toEqual({ noord: ['2027-12-25', '2028-01-09'], midden: ['2027-12-25', '2028-01-09'], zuid: ['2027-12-25', '2028-01-09'] });
		expect(row('2027-2028', 'Voorjaarsvakantie')).toEqual({ noord: ['2028-02-19', '2028-02-27'], midden: ['2028-02-26', '2028-03-05'], zuid: ['2028-02-26', '2028-03-05'] });
		expect(row('2027-2028', 'Meivakantie')).toEqual({ noord: ['2028-04-29', '2028-05-07'], midden: ['2028-04-29', '2028-05-07'], zuid: ['2028-04-29', '2028-05-07'] });
		expect(row('2027-2028', 'Zomervakantie')).toEqual({ noord: ['2028-07-15', '2028-08-27'], midden: ['2028-07-08', '2028-08-20'], zuid: ['2028-07-22', '2028-09-03'] });
	});

	// rijksoverheid.nl "Overzicht schoolvakanties 2028-2029"
	it('2028-2029 (rijksoverheid.nl)', () => {
		expect(row('2028-2029', 'Herfstvakantie')).toEqual({ noord: ['2028-10-14', '2028-10-22'], midden: ['2028-10-21', '2028-10-29'], zuid: ['2028-10-21', '2028-10-29'] });
		expect(row('2028-2029', 'Kerstvakantie')).toEqual({ noord: ['2028-12-23', '2029-01-07'], midden: ['2028-12-23', '2029-01-07'], zuid: ['2028-12-23', '2029-01-07'] });
		expect(row('2028-2029', 'Voorjaarsvakantie')).toEqual({ noord: ['2029-02-17', '2029-02-25'], midden: ['2029-02-17', '2029-02-25'], zuid: ['2029-02-10', '2029-02-18'] });
		expect(row('2028-2029', 'Meivakantie')).toEqual({ noord: ['2029-04-28', '2029-05-06'], midden: ['2029-04-28', '2029-05-06'], zuid: ['2029-04-28', '2029-05-06'] });
		expect(row('2028-2029', 'Zomervakantie')).toEqual({ noord: ['2029-07-21', '2029-09-02'], midden: ['2029-07-07', '2029-08-19'], zuid: ['2029-07-14', '2029-08-26'] });
	});

	it('every school year has the five holidays, each from a Saturday to a Sunday, as Rijksoverheid writes them', () => {
		for (const year of ['2025-2026', '2026-2027', '2027-2028', '2028-2029']) {
			const names = SCHOOLVAKANTIES.filter((r) => r.schoolYear === year).map((r) => r.name);
			expect(names).toEqual(['Herfstvakantie', 'Kerstvakantie', 'Voorjaarsvakantie', 'Meivakantie', 'Zomervakantie']);
		}
		for (const r of SCHOOLVAKANTIES) {
			for (const region of HOLIDAY_REGIONS) {
				expect([r.name, region, isoWeekday(fromYmd(...r[region][0])), isoWeekday(fromYmd(...r[region][1]))]).toEqual([r.name, region, 6, 7]);
			}
		}
	});

	it('records per school year its sources, the day they were read and where they disagree', () => {
		expect(SCHOOL_YEAR_SOURCES.map((s) => s.schoolYear)).toEqual(['2025-2026', '2026-2027', '2027-2028', '2028-2029']);
		for (const s of SCHOOL_YEAR_SOURCES) {
			expect(s.sources.length).toBeGreaterThan(0);
			expect(s.retrieved).toMatch(/^\d{4}-\d{2}-\d{2}$/);
			for (const src of s.sources) expect(src.url).toMatch(/^https:\/\//);
		}
		// the official 2026-2027 page and two independent school pages per region noord and midden
		const y2627 = SCHOOL_YEAR_SOURCES.find((s) => s.schoolYear === '2026-2027')!;
		expect(y2627.sources[0].url).toContain('government.nl');
		expect(y2627.disagreements.join(' ')).toMatch(/Meivakantie/);
	});
});

describe('validity per school year and coverage', () => {
	it('a school year is valid from the day after the previous summer holiday to the end of its own, per region', () => {
		expect(schoolYearValidity('2026-2027', 'midden')).toEqual({ from: iso('2026-08-31'), to: iso('2027-08-29') });
		expect(schoolYearValidity('2026-2027', 'noord')).toEqual({ from: iso('2026-08-17'), to: iso('2027-08-22') });
		expect(schoolYearValidity('2025-2026', 'zuid')).toEqual({ from: iso('2025-09-01'), to: iso('2026-08-23') });
		expect(() => schoolYearValidity('2029-2030', 'zuid')).toThrow(/No built-in school holidays for 2029-2030/);
	});

	it('herfstvakantie 2026 is a holiday in each region on its own dates (it was counted as school days before issue 21)', () => {
		expect(defaultHolidayCalendar('noord').isHoliday(iso('2026-10-12'))).toBe(true);
		expect(defaultHolidayCalendar('midden').isHoliday(iso('2026-10-12'))).toBe(false);
		expect(defaultHolidayCalendar('midden').isHoliday(iso('2026-10-19'))).toBe(true);
		expect(defaultHolidayCalendar('zuid').isHoliday(iso('2026-10-19'))).toBe(true);
		expect(defaultHolidayCalendar('noord').isHoliday(iso('2026-10-19'))).toBe(false);
	});
});
