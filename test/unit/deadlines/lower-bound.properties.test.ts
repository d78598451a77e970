/**
 * Issue 21 §1, property: a due date computed past the holiday calendar's coverage is a lower bound. Whatever
 * holidays the uncovered days turn out to hold, the real due date is on or after it, and a status the clock calls
 * certain (`statusCertain`) is the status the complete calendar gives.
 */
import fc from 'fast-check';

import { HolidayCalendar, HolidayRange } from '../../../domain/calendar';
import { ClockConfig, evaluateClock } from '../../../domain/deadlines';
import { fromYmd } from '../../../domain/primitives/dates';

const F = { clockStart: 'zorgteamDate', stop: 'startDate' };
const BASE = fromYmd(2028, 1, 1);
const COVERED_UNTIL = BASE + 300;
const ranges = (max: number) =>
	fc.array(fc.tuple(fc.integer({ min: 0, max }), fc.integer({ min: 0, max: 15 })), { maxLength: 12 });

describe('the earliest due date past the calendar', () => {
	it('is never after the real one, and a certain status stays the same with the complete calendar', () => {
		fc.assert(
			fc.property(
				ranges(300),
				ranges(400),
				fc.integer({ min: 0, max: 500 }),
				fc.integer({ min: 0, max: 200 }),
				fc.option(fc.integer({ min: 0, max: 200 }), { nil: undefined }),
				fc.integer({ min: 1, max: 20 }),
				fc.integer({ min: 0, max: 30 }),
				(known, later, start, refOffset, stopOffset, weeks, dueSoonDays) => {
					const toRanges = (rs: Array<[number, number]>, from: number): HolidayRange[] => rs.map(([s, len]) => ({ start: BASE + from + s, end: BASE + from + s + len }));
					const knownHolidays = toRanges(known, 0).filter((h) => h.end <= COVERED_UNTIL);
					// the holidays the uncovered days turn out to hold (all after the coverage ends)
					const laterHolidays = toRanges(later, 301);
					const partial = new HolidayCalendar(knownHolidays, [{ start: BASE, end: COVERED_UNTIL }]);
					const complete = new HolidayCalendar([...knownHolidays, ...laterHolidays], [{ start: BASE, end: BASE + 2000 }]);
					const config: ClockConfig = { norm: { length: weeks, unit: 'weeks' }, counting: 'schoolWeeks', dueSoonDays };
					const clockStart = BASE + start;
					const input = { clockStart, reference: clockStart + refOffset, stop: stopOffset === undefined ? undefined : clockStart + stopOffset };
					const earliest = evaluateClock(input, config, F, partial);
					const real = evaluateClock(input, config, F, complete);
					expect(earliest.deadline).toBeLessThanOrEqual(real.deadline);
					if (earliest.dueDateKnown) expect(real.deadline).toBe(earliest.deadline);
					if (earliest.statusCertain) expect(real.status).toBe(earliest.status);
				},
			),
			{ numRuns: 300 },
		);
	});
});
