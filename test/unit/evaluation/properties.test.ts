import fc from 'fast-check';
import { DateTime } from 'luxon';

import { addDays, daysInMonth, formatIsoDate, fromYmd } from '../../../domain/primitives/dates';
import {
	activate,
	checkMoment,
	EMPTY_RECORD,
	EvaluationSchedule,
	evaluationPeriod,
	FiredRecord,
	makeMomentSpec,
	momentsOfYear,
	nextMoment,
	nonWorkingReason,
	previousMoment,
	validateSchedule,
} from '../../../domain/evaluation';
import { DAY, HOUR, makeConfig } from './helpers';

const ZONES = ['Europe/Amsterdam', 'UTC', 'America/New_York', 'Australia/Sydney', 'Asia/Kolkata'];

const momentArb = fc.record({
	month: fc.integer({ min: 1, max: 12 }),
	day: fc.integer({ min: 1, max: 29 }),
	hour: fc.integer({ min: 0, max: 23 }),
	minute: fc.integer({ min: 0, max: 59 }),
});

const scheduleArb: fc.Arbitrary<EvaluationSchedule> = fc
	.record({
		a: momentArb,
		b: momentArb,
		zone: fc.constantFrom(...ZONES),
		shift: fc.boolean(),
		publicHolidays: fc.boolean(),
		holidays: fc.array(fc.integer({ min: fromYmd(2019, 1, 1), max: fromYmd(2031, 12, 31) }), { maxLength: 40 }),
		annual: fc.constantFrom('first' as const, 'second' as const),
	})
	.filter(({ a, b }) => {
		const gap = Math.abs(fromYmd(2024, a.month, Math.min(a.day, daysInMonth(2024, a.month))) - fromYmd(2024, b.month, Math.min(b.day, daysInMonth(2024, b.month))));
		return Math.min(gap, 366 - gap) >= 60;
	})
	.map(({ a, b, zone, shift, publicHolidays, holidays, annual }) => {
		const time = (m: { hour: number; minute: number }) => `${String(m.hour).padStart(2, '0')}:${String(m.minute).padStart(2, '0')}`;
		const f = { month: 'm', day: 'd', time: 't' };
		return validateSchedule({
			moments: [makeMomentSpec('first', a.month, Math.min(a.day, daysInMonth(2024, a.month)), time(a), f), makeMomentSpec('second', b.month, Math.min(b.day, daysInMonth(2024, b.month)), time(b), f)],
			zone,
			shiftToWorkingDay: shift,
			holidays: new Set(holidays),
			dutchPublicHolidays: publicHolidays,
			annualReportMoment: annual,
		});
	});

/** Ticks every STEP over 400 days (hourly in the node; coarser here keeps the property fast, lateness is covered by the window). */
const STEP = 3 * HOUR;
const TICKS = 400 * 8;

const nowArb = fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 11, 31) });

describe('properties', () => {
	it('previous ≤ now < next, with no moment in between', () => {
		fc.assert(
			fc.property(scheduleArb, nowArb, (s, now) => {
				const prev = previousMoment(s, now);
				const next = nextMoment(s, now);
				expect(prev.instant).toBeLessThanOrEqual(now);
				expect(next.instant).toBeGreaterThan(now);
				expect(nextMoment(s, prev.instant).instant).toBe(next.instant);
				expect(previousMoment(s, next.instant - 1).instant).toBe(prev.instant);
			}),
			{ numRuns: 300 },
		);
	});

	it('two moments a year, periods tile the calendar without gaps or overlaps', () => {
		fc.assert(
			fc.property(scheduleArb, fc.integer({ min: 2020, max: 2030 }), (s, year) => {
				const ms = [...momentsOfYear(s, year), ...momentsOfYear(s, year + 1)];
				expect(ms).toHaveLength(4);
				for (let i = 1; i < ms.length; i++) {
					const p = evaluationPeriod(s, ms[i]);
					expect(p.start).toBe(ms[i - 1].date);
					expect(addDays(p.end, 1)).toBe(ms[i].date);
					expect(p.end).toBeGreaterThanOrEqual(p.start);
				}
				expect(ms.filter((m) => m.annualReport)).toHaveLength(2);
			}),
			{ numRuns: 200 },
		);
	});

	it('a moved moment lands on the first working day on or after its configured date', () => {
		fc.assert(
			fc.property(scheduleArb.filter((s) => s.shiftToWorkingDay), fc.integer({ min: 2020, max: 2030 }), (s, year) => {
				for (const m of momentsOfYear(s, year)) {
					expect(nonWorkingReason(s, m.date)).toBeUndefined();
					for (let day = m.scheduledDate; day < m.date; day++) expect(nonWorkingReason(s, day)).toBeDefined();
				}
			}),
			{ numRuns: 200 },
		);
	});

	it('the local time of a moment is the configured time (or just after, in a DST gap)', () => {
		fc.assert(
			fc.property(scheduleArb, fc.integer({ min: 2020, max: 2030 }), (s, year) => {
				for (const m of momentsOfYear(s, year)) {
					const local = DateTime.fromMillis(m.instant, { zone: s.zone });
					const wanted = m.hour * 60 + m.minute;
					const got = local.hour * 60 + local.minute;
					expect(got === wanted || (got > wanted && got - wanted <= 60)).toBe(true);
				}
			}),
			{ numRuns: 200 },
		);
	});

	it('exactly once: hourly ticks with random restarts fire every moment once per school, never twice', () => {
		fc.assert(
			fc.property(
				scheduleArb,
				fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2026, 0, 1) }),
				fc.array(fc.record({ at: fc.integer({ min: 0, max: TICKS }), downHours: fc.integer({ min: 0, max: 8 * 5 }) }), { maxLength: 6 }),
				(s, start, outages) => {
					const config = makeConfig({ schedule: s, catchUpWindowDays: 3 });
					let record: FiredRecord = EMPTY_RECORD;
					const fired: string[] = [];
					const down = new Set<number>();
					for (const o of outages) for (let h = o.at; h < o.at + o.downHours; h++) down.add(h);
					let wasDown = true;
					const begin = Math.ceil(start / HOUR) * HOUR;
					for (let h = 0; h < TICKS; h++) {
						const now = begin + h * STEP;
						if (down.has(h)) {
							wasDown = true;
							continue;
						}
						const r = wasDown ? activate(config, record, now) : checkMoment(config, record, now);
						wasDown = false;
						record = r.record;
						fired.push(...r.items.map((i) => i.dedupKey));
					}
					expect(new Set(fired).size).toBe(fired.length);
					// every moment after the first start fired if the trigger was up within its window before the next moment
					const upTicks: number[] = [];
					for (let h = 0; h < TICKS; h++) if (!down.has(h)) upTicks.push(begin + h * STEP);
					if (upTicks.length === 0) return;
					const firedSet = new Set(fired);
					const firstYear = new Date(begin).getUTCFullYear();
					for (let y = firstYear - 1; y <= firstYear + 2; y++) {
						for (const m of momentsOfYear(s, y)) {
							if (m.instant < upTicks[0] || m.instant > upTicks[upTicks.length - 1]) continue;
							const next = nextMoment(s, m.instant).instant;
							const caught = upTicks.some((t) => t >= m.instant && t - m.instant <= 3 * DAY && t < next);
							expect(firedSet.has(`all:${formatIsoDate(m.scheduledDate)}`)).toBe(caught);
						}
					}
				},
			),
			{ numRuns: 40 },
		);
	});

	it('catch-up never fires a moment outside the window', () => {
		fc.assert(
			fc.property(scheduleArb, nowArb, fc.integer({ min: 0, max: 30 }), (s, now, windowDays) => {
				const config = makeConfig({ schedule: s, catchUpWindowDays: windowDays });
				const r = activate(config, { watchingSince: 0, fired: {} }, now);
				if (r.items.length > 0) expect(now - r.decision.moment.instant).toBeLessThanOrEqual(Math.max(windowDays * DAY, 15 * 60_000));
				else expect(now - r.decision.moment.instant).toBeGreaterThan(Math.max(windowDays * DAY, 15 * 60_000));
			}),
			{ numRuns: 300 },
		);
	});
});
