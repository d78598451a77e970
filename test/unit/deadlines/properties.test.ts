/** Property tests: invariants of the clock that must hold for every input. */
import fc from 'fast-check';

import { fromYmd } from '../../../domain/primitives/dates';
import { HolidayCalendar } from '../../../domain/calendar';
import { ClockConfig, evaluateClock, STATUS_RANK } from '../../../domain/deadlines';

const F = { clockStart: 'zorgteamDate', stop: 'startDate' };
const BASE = fromYmd(2024, 1, 1);
const day = fc.integer({ min: 0, max: 1500 }).map((n) => BASE + n);

const calendarArb = fc
	.array(fc.tuple(fc.integer({ min: 0, max: 1600 }), fc.integer({ min: 0, max: 20 })), { maxLength: 30 })
	.map((rs) => new HolidayCalendar(rs.map(([s, len]) => ({ start: BASE + s, end: BASE + s + len })), [{ start: BASE, end: BASE + 1700 }]));

const configArb: fc.Arbitrary<ClockConfig> = fc.record({
	norm: fc.oneof(
		fc.record({ length: fc.integer({ min: 1, max: 20 }), unit: fc.constant('weeks' as const) }),
		fc.record({ length: fc.integer({ min: 1, max: 120 }), unit: fc.constant('days' as const) }),
		fc.record({ length: fc.integer({ min: 1, max: 12 }), unit: fc.constant('months' as const) }),
	),
	counting: fc.constantFrom('calendarDays' as const, 'schoolWeeks' as const),
	dueSoonDays: fc.integer({ min: 0, max: 30 }),
});

describe('clock properties', () => {
	it('a later start never improves the status', () => {
		fc.assert(
			fc.property(configArb, calendarArb, day, fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 400 }), fc.boolean(), (config, cal, start, refOffset, a, b, neverStarted) => {
				if (config.counting === 'schoolWeeks' && config.norm.unit === 'months') config = { ...config, counting: 'calendarDays' };
				const reference = start + refOffset;
				const early = start + Math.min(a, b);
				const late = neverStarted ? undefined : start + Math.max(a, b);
				const r1 = evaluateClock({ clockStart: start, stop: early, reference }, config, F, cal);
				const r2 = evaluateClock({ clockStart: start, stop: late, reference }, config, F, cal);
				return STATUS_RANK[r1.status] <= STATUS_RANK[r2.status];
			}),
			{ numRuns: 3000 },
		);
	});

	it('a later reference date never improves the status of an open case', () => {
		fc.assert(
			fc.property(configArb, calendarArb, day, fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 400 }), (config, cal, start, a, b) => {
				if (config.counting === 'schoolWeeks' && config.norm.unit === 'months') config = { ...config, counting: 'calendarDays' };
				const r1 = evaluateClock({ clockStart: start, reference: start + Math.min(a, b) }, config, F, cal);
				const r2 = evaluateClock({ clockStart: start, reference: start + Math.max(a, b) }, config, F, cal);
				return STATUS_RANK[r1.status] <= STATUS_RANK[r2.status];
			}),
		);
	});

	it('school-day counting: the deadline is n counted days later and never a holiday', () => {
		fc.assert(
			fc.property(calendarArb, day, fc.integer({ min: 1, max: 200 }), (cal, start, n) => {
				const deadline = cal.addCountedDays(start, n);
				return cal.countedDaysBetween(start, deadline) === n && !cal.isHoliday(deadline) && cal.countedDaysBetween(start, deadline - 1) === n - 1;
			}),
			{ numRuns: 2000 },
		);
	});

	it('counted days agree with a day-by-day walk', () => {
		fc.assert(
			fc.property(calendarArb, day, fc.integer({ min: 0, max: 300 }), (cal, from, len) => {
				let walk = 0;
				for (let x = from + 1; x <= from + len; x++) if (!cal.isHoliday(x)) walk++;
				return cal.countedDaysBetween(from, from + len) === walk;
			}),
			{ numRuns: 1000 },
		);
	});

	it('status and numbers agree: overdue iff open and days remaining < 0; closed iff a stop date on or before the reference', () => {
		fc.assert(
			fc.property(configArb, calendarArb, day, fc.integer({ min: 0, max: 400 }), fc.option(fc.integer({ min: 0, max: 400 })), (config, cal, start, ref, stop) => {
				if (config.counting === 'schoolWeeks' && config.norm.unit === 'months') config = { ...config, counting: 'calendarDays' };
				const r = evaluateClock({ clockStart: start, stop: stop === null ? undefined : start + stop, reference: start + ref }, config, F, cal);
				const closed = stop !== null && stop <= ref;
				if (r.closed !== closed) return false;
				if (closed) return r.daysRemaining === null && (r.status === 'met' || r.status === 'met_late');
				return (r.status === 'overdue') === (start + ref > r.deadline) && (r.status !== 'overdue' ? r.daysRemaining! >= 0 : true);
			}),
		);
	});
});
