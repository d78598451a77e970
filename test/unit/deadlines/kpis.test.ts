import { fromYmd } from '../../../domain/primitives/dates';
import { computeKpis, KpiCase, SHARE_DEFINITION } from '../../../domain/deadlines';

const d = (y: number, m: number, day: number) => fromYmd(y, m, day);
const c = (group: string, status: KpiCase['status'], daysElapsed: number, start = d(2026, 3, 1)): KpiCase => ({ group, status, daysElapsed, clockStart: start });
const base = { target: 0.75, suppressBelow: 0 };

describe('computeKpis', () => {
	const cases = [
		c('A', 'met', 10),
		c('A', 'met', 30),
		c('A', 'met', 50),
		c('A', 'met_late', 70),
		c('A', 'overdue', 80),
		c('A', 'on_track', 5),
		c('A', 'due_soon', 45),
	];

	it('counts open overdue cases as misses and leaves open cases not yet due out of the share', () => {
		const [row] = computeKpis(cases, base);
		expect(row).toMatchObject({
			group: 'A',
			cases: 7,
			startedWithinNorm: 3,
			startedLate: 1,
			openOverdue: 1,
			openNotYetDue: 2,
			shareWithinNorm: 0.6, // 3 / (3 + 1 + 1)
			target: 0.75,
			meetsTarget: false,
			meanDaysToStart: 40, // (10+30+50+70)/4
			medianDaysToStart: 40, // (30+50)/2
			suppressed: [],
		});
		expect(row.definition).toBe(SHARE_DEFINITION);
	});

	it('meets the target at exactly the target share', () => {
		const [row] = computeKpis([c('A', 'met', 1), c('A', 'met', 1), c('A', 'met', 1), c('A', 'overdue', 60)], base);
		expect(row.shareWithinNorm).toBe(0.75);
		expect(row.meetsTarget).toBe(true);
	});

	it('has no share when nothing is decided yet, and no days when nothing started', () => {
		const [row] = computeKpis([c('A', 'on_track', 3)], base);
		expect(row).toMatchObject({ shareWithinNorm: null, meetsTarget: null, meanDaysToStart: null, medianDaysToStart: null });
	});

	it('groups, sorted by name', () => {
		const rows = computeKpis([c('B', 'met', 1), c('A', 'met_late', 60), c('B', 'overdue', 70)], base);
		expect(rows.map((r) => [r.group, r.cases, r.shareWithinNorm])).toEqual([
			['A', 1, 0],
			['B', 2, 0.5],
		]);
	});

	it('filters on the clock start date within the period (inclusive)', () => {
		const rows = computeKpis(
			[c('A', 'met', 1, d(2026, 1, 1)), c('A', 'met', 1, d(2026, 6, 30)), c('A', 'met', 1, d(2026, 7, 1)), c('A', 'met', 1, d(2025, 12, 31))],
			{ ...base, periodStart: d(2026, 1, 1), periodEnd: d(2026, 6, 30) },
		);
		expect(rows[0]).toMatchObject({ cases: 2, periodStart: '2026-01-01', periodEnd: '2026-06-30' });
	});

	it('suppresses small counts, and share and days of a small group', () => {
		const [row] = computeKpis(cases, { ...base, suppressBelow: 5 });
		expect(row.cases).toBe(7);
		expect(row.startedWithinNorm).toBeNull();
		expect(row.startedLate).toBeNull();
		expect(row.openOverdue).toBeNull();
		expect(row.openNotYetDue).toBeNull();
		// 4 started cases < 5: mean and median would describe few children
		expect(row.meanDaysToStart).toBeNull();
		expect(row.shareWithinNorm).toBe(0.6);
		expect(row.suppressed).toEqual(['startedWithinNorm', 'startedLate', 'openOverdue', 'openNotYetDue', 'meanDaysToStart', 'medianDaysToStart']);
		const [small] = computeKpis(cases.slice(0, 3), { ...base, suppressBelow: 5 });
		expect(small).toMatchObject({ cases: null, shareWithinNorm: null, meetsTarget: null, meanDaysToStart: null });
		// zero is not suppressed: it reveals no one
		expect(small.startedLate).toBe(0);
	});
});

describe('kpiInclusion', () => {
	const { kpiInclusion } = jest.requireActual('../../../domain/deadlines') as typeof import('../../../domain/deadlines');
	it('includes cases that started in the period on or before the reference date', () => {
		const ref = d(2026, 11, 26);
		expect(kpiInclusion(d(2026, 3, 1), ref, {})).toBe('included');
		expect(kpiInclusion(d(2026, 11, 26), ref, {})).toBe('included');
		expect(kpiInclusion(d(2026, 11, 27), ref, {})).toBe('after_reference');
		expect(kpiInclusion(d(2025, 12, 31), ref, { periodStart: d(2026, 1, 1) })).toBe('outside_period');
		expect(kpiInclusion(d(2026, 7, 1), ref, { periodEnd: d(2026, 6, 30) })).toBe('outside_period');
	});

	it('gives always-present groups a row', () => {
		expect(computeKpis([], { ...base, alwaysGroups: ['overall'] })).toEqual([expect.objectContaining({ group: 'overall', cases: 0, shareWithinNorm: null })]);
	});
});
