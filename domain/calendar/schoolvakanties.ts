/**
 * Default Dutch school holidays (schoolvakanties) per holiday region, embedded from
 * `../shared/data/schoolvakanties.json` (sources: Rijksoverheid schoolvakanties 2025-2026 as
 * republished on several school sites; Kerstvakantie 2026-2027 per the OCW advice cited by
 * schoolvakanties-nederland.nl).
 *
 * Coverage — stated, not assumed:
 * - School year 2025-2026 is complete. The file does not list the summer holiday of 2025, so coverage
 *   starts on 1 September 2025 (every region was back at school by then) and ends on the last day of
 *   the region's summer holiday 2026.
 * - School year 2026-2027 is NOT complete: only the Christmas holiday is known. It is used for
 *   counting, but days after the summer holiday 2026 are outside the coverage, so a clock running
 *   through them is reported (the node shows an execution hint) rather than silently counted.
 * Schools set their own dates for some holidays: regions should paste their own calendar.
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

export const SCHOOLVAKANTIES: Row[] = [
	{ schoolYear: '2025-2026', name: 'Herfstvakantie', noord: [[2025, 10, 18], [2025, 10, 26]], midden: [[2025, 10, 18], [2025, 10, 26]], zuid: [[2025, 10, 11], [2025, 10, 19]] },
	{ schoolYear: '2025-2026', name: 'Kerstvakantie', noord: [[2025, 12, 20], [2026, 1, 4]], midden: [[2025, 12, 20], [2026, 1, 4]], zuid: [[2025, 12, 20], [2026, 1, 4]] },
	{ schoolYear: '2025-2026', name: 'Voorjaarsvakantie', noord: [[2026, 2, 21], [2026, 3, 1]], midden: [[2026, 2, 14], [2026, 2, 22]], zuid: [[2026, 2, 14], [2026, 2, 22]] },
	{ schoolYear: '2025-2026', name: 'Meivakantie', noord: [[2026, 4, 25], [2026, 5, 3]], midden: [[2026, 4, 25], [2026, 5, 3]], zuid: [[2026, 4, 25], [2026, 5, 3]] },
	{ schoolYear: '2025-2026', name: 'Zomervakantie', noord: [[2026, 7, 4], [2026, 8, 16]], midden: [[2026, 7, 18], [2026, 8, 30]], zuid: [[2026, 7, 11], [2026, 8, 23]] },
	{ schoolYear: '2026-2027', name: 'Kerstvakantie', noord: [[2026, 12, 19], [2027, 1, 3]], midden: [[2026, 12, 19], [2027, 1, 3]], zuid: [[2026, 12, 19], [2027, 1, 3]] },
];

const COVERAGE_START: CalendarDate = fromYmd(2025, 9, 1);

const cache = new Map<HolidayRegion, HolidayCalendar>();

/** The built-in calendar for a holiday region (noord, midden, zuid). */
export function defaultHolidayCalendar(region: HolidayRegion): HolidayCalendar {
	const hit = cache.get(region);
	if (hit) return hit;
	const holidays: HolidayRange[] = SCHOOLVAKANTIES.map((row) => ({
		start: fromYmd(...row[region][0]),
		end: fromYmd(...row[region][1]),
		name: `${row.name} ${row.schoolYear}`,
	}));
	const summer2026 = SCHOOLVAKANTIES.find((r) => r.schoolYear === '2025-2026' && r.name === 'Zomervakantie')!;
	const coverageEnd = fromYmd(...summer2026[region][1]);
	const calendar = new HolidayCalendar(holidays, [{ start: COVERAGE_START, end: coverageEnd }], `built-in schoolvakanties (${region})`);
	cache.set(region, calendar);
	return calendar;
}
