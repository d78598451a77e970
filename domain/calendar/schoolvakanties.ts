/**
 * Default Dutch school holidays (schoolvakanties) per holiday region, school years 2025-2026 to 2028-2029,
 * each year with its sources and the period it is valid for (`SCHOOL_YEAR_SOURCES`).
 *
 * What the government fixes and what it only advises (Regeling vaststelling schoolvakanties, art. 5–8;
 * rijksoverheid.nl "Overzicht schoolvakanties <jaar>"): the kerstvakantie, the one-week meivakantie and the
 * zomervakantie are fixed; the herfst- and voorjaarsvakantie are advice dates schools may move (schools in
 * the south often move the voorjaarsvakantie to carnaval); schools may add a second meivakantie week (OCW
 * gives an advice week) and close on single days (Goede Vrijdag, Bevrijdingsdag, study days). So the
 * built-in dates are the regional default; a school's own days are added per school (see
 * `domain/calendar/closedDays.ts` and the Deadline Monitor's "School's Own Days").
 *
 * Coverage, stated, not assumed: from 1 September 2025 (every region was back at school; the file does
 * not hold the summer of 2025) to the last day of the region's zomervakantie 2029 (noord 2 September,
 * midden 19 August, zuid 26 August 2029). After that the herfstvakantie 2029 is not published: a clock
 * that runs past the coverage gets a due date that is only the earliest possible one
 * (`domain/deadlines/clock.ts`, `dueDateKnown: false`).
 *
 * Dates are inclusive (first and last day off, Saturday to Sunday as Rijksoverheid writes them).
 */
import { fromYmd, CalendarDate } from '../primitives/dates';
import { HolidayCalendar, HolidayRange } from './holidays';

export type HolidayRegion = 'noord' | 'midden' | 'zuid';
export const HOLIDAY_REGIONS: HolidayRegion[] = ['noord', 'midden', 'zuid'];

type Ymd = [number, number, number];
interface Row {
	schoolYear: string;
	name: string;
	noord: [Ymd, Ymd];
	midden: [Ymd, Ymd];
	zuid: [Ymd, Ymd];
}

/** One public source of a school year's dates. */
export interface HolidaySource {
	url: string;
	/** What the source is and which regions/holidays it confirms. */
	covers: string;
}

/** Where a school year's dates come from, when they were read, and where sources disagree. */
export interface SchoolYearSource {
	schoolYear: string;
	/** The day the sources were read (ISO). */
	retrieved: string;
	/** The official source (Rijksoverheid / government.nl) first, then independent ones. */
	sources: HolidaySource[];
	/** Where sources disagree, and what the built-in calendar uses. */
	disagreements: string[];
}

/**
 * The sources per school year. A school page confirms a region when its weekdays off fall inside the
 * regional Saturday-to-Sunday range (schools list Monday to Friday).
 */
export const SCHOOL_YEAR_SOURCES: readonly SchoolYearSource[] = [
	{
		schoolYear: '2025-2026',
		retrieved: '2026-12-07',
		sources: [
			{ url: 'https://expatinfoholland.nl/help-guides/education-schooling/dutch-school-holidays', covers: 'table of the Rijksoverheid dates 2025-2026, all regions' },
			{ url: 'https://zaanlands.nl/informatie/vakanties', covers: 'school in region noord: herfst, kerst, voorjaar, mei, zomer 2025-2026' },
			{ url: 'https://edumarevpr.nl/vakantieregeling/', covers: 'school in region midden: herfst, kerst, voorjaar, zomer 2025-2026' },
			{ url: 'https://gbbenjamin.nl/nl/voor-de-ouders/schoolvakanties-2025-2026', covers: 'school in region zuid: herfst, kerst, carnaval = voorjaar, zomer 2025-2026' },
		],
		disagreements: [
			'Meivakantie: the fixed week is 25 April – 3 May 2026; zaanlands.nl and gbbenjamin.nl close from 18 April (the second, advised week). The built-in calendar holds the fixed week only.',
		],
	},
	{
		schoolYear: '2026-2027',
		retrieved: '2026-12-07',
		sources: [
			{ url: 'https://government.nl/topics/school-holidays/overview-of-school-holiday-dates-per-academic-year/school-holiday-dates-2026-2027', covers: 'official dates 2026-2027, all regions' },
			{ url: 'https://www.anjelier.nl/Kalender/Vakantierooster-2020-2021', covers: 'school in region noord (its 2025-2026 zomer is noord\'s): herfst 12–16 Oct 2026, kerst, voorjaar 22–26 Feb 2027, zomer 12 Jul – 20 Aug 2027' },
			{ url: 'https://www.ckcderegenboog.nl/mijn-kind-leerling/vakanties-onderwijs', covers: 'school in region noord: herfst 12–16 Oct 2026, kerst, voorjaar 22–26 Feb 2027, zomer 12 Jul – 20 Aug 2027' },
			{ url: 'https://mariaschool.wsko.nl/nl/vakanties-en-vrije-dagen', covers: 'school in region midden: herfst 19–23 Oct 2026, kerst, voorjaar 22–26 Feb 2027, zomer 19 Jul – 27 Aug 2027' },
			{ url: 'https://www.obsdepolsstokberkenwoude.nl/praktische-informatie/vakanties-en-vrije-dagen', covers: 'school in region midden (Krimpenerwaard): the same dates as mariaschool.wsko.nl' },
			{ url: 'https://montessoricollege.nl/praktische-zaken/vakantieroosters/', covers: 'school in region zuid (its 2025-2026 herfst and zomer are zuid\'s): herfst 19–23 Oct 2026, kerst; see disagreements' },
		],
		disagreements: [
			'Meivakantie: the fixed week is 24 April – 2 May 2027; every school page above closes 26 April – 7 May 2027 (a second week, including Bevrijdingsdag 5 May and Hemelvaartsdag 6 May). The built-in calendar holds the fixed week only.',
			'Voorjaarsvakantie zuid: government.nl advises 13–21 February 2027; montessoricollege.nl holds a carnavalsvakantie of 8–12 February 2027 instead (advice dates may be moved). Built-in: the advice.',
			'Zomervakantie zuid: government.nl fixes 24 July – 5 September 2027; montessoricollege.nl lists 19 July – 27 August 2027 (region midden\'s weeks). The regeling lets a school take another region\'s summer when most of its pupils live there (art. 7). Built-in: government.nl. No second source for zuid\'s zomer 2027 was found.',
			'Zuid, 2026-2027: no second school page with the regional voorjaar and zomer was found; herfst, kerst and mei are confirmed by montessoricollege.nl.',
		],
	},
	{
		schoolYear: '2027-2028',
		retrieved: '2026-12-07',
		sources: [
			{ url: 'https://rijksoverheid.nl/onderwerpen/schoolvakanties/overzicht-schoolvakanties-per-schooljaar/overzicht-schoolvakanties-2027-2028', covers: 'official dates 2027-2028, all regions; advice week meivakantie 22–30 April 2028' },
		],
		disagreements: [
			'Only the official page was found; no school has published 2027-2028 yet. Cross-check (not independent): the zomer order noord middle, midden first, zuid last follows the regeling\'s rotation after 2027 (noord first, midden middle, zuid last).',
		],
	},
	{
		schoolYear: '2028-2029',
		retrieved: '2026-12-07',
		sources: [
			{ url: 'https://rijksoverheid.nl/onderwerpen/schoolvakanties/overzicht-schoolvakanties-per-schooljaar/overzicht-schoolvakanties-2028-2029', covers: 'official dates 2028-2029, all regions; advice week meivakantie 21–29 April 2029' },
		],
		disagreements: ['Only the official page was found; no school has published 2028-2029 yet. Same rotation cross-check as 2027-2028.'],
	},
];

export const SCHOOLVAKANTIES: Row[] = [
	{ schoolYear: '2025-2026', name: 'Herfstvakantie', noord: [[2025, 10, 18], [2025, 10, 26]], midden: [[2025, 10, 18], [2025, 10, 26]], zuid: [[2025, 10, 11], [2025, 10, 19]] },
	{ schoolYear: '2025-2026', name: 'Kerstvakantie', noord: [[2025, 12, 20], [2026, 1, 4]], midden: [[2025, 12, 20], [2026, 1, 4]], zuid: [[2025, 12, 20], [2026, 1, 4]] },
	{ schoolYear: '2025-2026', name: 'Voorjaarsvakantie', noord: [[2026, 2, 21], [2026, 3, 1]], midden: [[2026, 2, 14], [2026, 2, 22]], zuid: [[2026, 2, 14], [2026, 2, 22]] },
	{ schoolYear: '2025-2026', name: 'Meivakantie', noord: [[2026, 4, 25], [2026, 5, 3]], midden: [[2026, 4, 25], [2026, 5, 3]], zuid: [[2026, 4, 25], [2026, 5, 3]] },
	{ schoolYear: '2025-2026', name: 'Zomervakantie', noord: [[2026, 7, 4], [2026, 8, 16]], midden: [[2026, 7, 18], [2026, 8, 30]], zuid: [[2026, 7, 11], [2026, 8, 23]] },
	{ schoolYear: '2026-2027', name: 'Herfstvakantie', noord: [[2026, 10, 10], [2026, 10, 18]], midden: [[2026, 10, 17], [2026, 10, 25]], zuid: [[2026, 10, 17], [2026, 10, 25]] },
	{ schoolYear: '2026-2027', name: 'Kerstvakantie', noord: [[2026, 12, 19], [2027, 1, 3]], midden: [[2026, 12, 19], [2027, 1, 3]], zuid: [[2026, 12, 19], [2027, 1, 3]] },
	{ schoolYear: '2026-2027', name: 'Voorjaarsvakantie', noord: [[2027, 2, 20], [2027, 2, 28]], midden: [[2027, 2, 20], [2027, 2, 28]], zuid: [[2027, 2, 13], [2027, 2, 21]] },
	{ schoolYear: '2026-2027', name: 'Meivakantie', noord: [[2027, 4, 24], [2027, 5, 2]], midden: [[2027, 4, 24], [2027, 5, 2]], zuid: [[2027, 4, 24], [2027, 5, 2]] },
	{ schoolYear: '2026-2027', name: 'Zomervakantie', noord: [[2027, 7, 10], [2027, 8, 22]], midden: [[2027, 7, 17], [2027, 8, 29]], zuid: [[2027, 7, 24], [2027, 9, 5]] },
	{ schoolYear: '2027-2028', name: 'Herfstvakantie', noord: [[2027, 10, 16], [2027, 10, 24]], midden: [[2027, 10, 16], [2027, 10, 24]], zuid: [[2027, 10, 23], [2027, 10, 31]] },
	{ schoolYear: '2027-2028', name: 'Kerstvakantie', noord: [[2027, 12, 25], [2028, 1, 9]], midden: [[2027, 12, 25], [2028, 1, 9]], zuid: [[2027, 12, 25], [2028, 1, 9]] },
	{ schoolYear: '2027-2028', name: 'Voorjaarsvakantie', noord: [[2028, 2, 19], [2028, 2, 27]], midden: [[2028, 2, 26], [2028, 3, 5]], zuid: [[2028, 2, 26], [2028, 3, 5]] },
	{ schoolYear: '2027-2028', name: 'Meivakantie', noord: [[2028, 4, 29], [2028, 5, 7]], midden: [[2028, 4, 29], [2028, 5, 7]], zuid: [[2028, 4, 29], [2028, 5, 7]] },
	{ schoolYear: '2027-2028', name: 'Zomervakantie', noord: [[2028, 7, 15], [2028, 8, 27]], midden: [[2028, 7, 8], [2028, 8, 20]], zuid: [[2028, 7, 22], [2028, 9, 3]] },
	{ schoolYear: '2028-2029', name: 'Herfstvakantie', noord: [[2028, 10, 14], [2028, 10, 22]], midden: [[2028, 10, 21], [2028, 10, 29]], zuid: [[2028, 10, 21], [2028, 10, 29]] },
	{ schoolYear: '2028-2029', name: 'Kerstvakantie', noord: [[2028, 12, 23], [2029, 1, 7]], midden: [[2028, 12, 23], [2029, 1, 7]], zuid: [[2028, 12, 23], [2029, 1, 7]] },
	{ schoolYear: '2028-2029', name: 'Voorjaarsvakantie', noord: [[2029, 2, 17], [2029, 2, 25]], midden: [[2029, 2, 17], [2029, 2, 25]], zuid: [[2029, 2, 10], [2029, 2, 18]] },
	{ schoolYear: '2028-2029', name: 'Meivakantie', noord: [[2029, 4, 28], [2029, 5, 6]], midden: [[2029, 4, 28], [2029, 5, 6]], zuid: [[2029, 4, 28], [2029, 5, 6]] },
	{ schoolYear: '2028-2029', name: 'Zomervakantie', noord: [[2029, 7, 21], [2029, 9, 2]], midden: [[2029, 7, 7], [2029, 8, 19]], zuid: [[2029, 7, 14], [2029, 8, 26]] },
];

const COVERAGE_START: CalendarDate = fromYmd(2025, 9, 1);
/** The last school year the built-in calendar holds completely. */
export const LAST_COMPLETE_SCHOOL_YEAR = '2028-2029';

/**
 * The period a school year's dates are valid for in a region: from the day after the region's previous
 * zomervakantie (1 September 2025 for the first year) to the last day of its zomervakantie in that year.
 */
export function schoolYearValidity(schoolYear: string, region: HolidayRegion): { from: CalendarDate; to: CalendarDate } {
	const summers = SCHOOLVAKANTIES.filter((r) => r.name === 'Zomervakantie');
	const i = summers.findIndex((r) => r.schoolYear === schoolYear);
	if (i < 0) throw new RangeError(`No built-in school holidays for ${schoolYear}`);
	const from = i === 0 ? COVERAGE_START : fromYmd(...summers[i - 1][region][1]) + 1;
	return { from, to: fromYmd(...summers[i][region][1]) };
}

const cache = new Map<HolidayRegion, HolidayCalendar>();

/** The built-in calendar for a holiday region (noord, midden, zuid); coverage as in the module comment. */
export function defaultHolidayCalendar(region: HolidayRegion): HolidayCalendar {
	const hit = cache.get(region);
	if (hit) return hit;
	const holidays: HolidayRange[] = SCHOOLVAKANTIES.map((row) => ({
		start: fromYmd(...row[region][0]),
		end: fromYmd(...row[region][1]),
		name: `${row.name} ${row.schoolYear}`,
	}));
	const coverageEnd = schoolYearValidity(LAST_COMPLETE_SCHOOL_YEAR, region).to;
	const calendar = new HolidayCalendar(holidays, [{ start: COVERAGE_START, end: coverageEnd }], `built-in schoolvakanties (${region})`);
	cache.set(region, calendar);
	return calendar;
}
