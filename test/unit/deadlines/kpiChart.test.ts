/**
 * The KPI chart (issue 12): present, drawn with tables and inline styles only, and every number it
 * prints is the KPI row's own — also under small-count suppression, where a hidden count gets no bar.
 */
import fc from 'fast-check';

import { fromYmd } from '../../../domain/primitives/dates';
import { computeKpis, KpiCase, KpiRow, renderKpiChart } from '../../../domain/deadlines';
import { chartLines } from '../../helpers/kpiChart';

const d = (y: number, m: number, day: number) => fromYmd(y, m, day);
const c = (status: KpiCase['status'], daysElapsed: number): KpiCase => ({ group: '12AB', status, daysElapsed, clockStart: d(2026, 3, 1) });
const base = { target: 0.75, suppressBelow: 0, periodStart: d(2026, 2, 1), periodEnd: d(2026, 6, 14) };

const value = (html: string, label: string) => chartLines(html).find((l) => l.label === label);

const sample: KpiCase[] = [c('met', 10), c('met', 30), c('met', 50), c('met', 56), c('met_late', 70), c('met_late', 90), c('overdue', 80), c('on_track', 5)];

describe('renderKpiChart', () => {
	it('shows the share against the 75% target and the distribution, with the numbers of the KPI row', () => {
		const [row] = computeKpis(sample, base);
		expect(row.daysToStartDistribution).toEqual([
			{ fromDays: 0, toDays: 28, count: 1 },
			{ fromDays: 29, toDays: 56, count: 3 },
			{ fromDays: 57, toDays: 84, count: 1 },
			{ fromDays: 85, toDays: null, count: 1 },
		]);
		const chart = renderKpiChart(row, { language: 'nl' });
		const html = chart.html;
		expect(html).toContain('Hulp gestart binnen 8 weken na bespreking in het zorgteam');
		expect(html).toContain('Periode 1 februari 2026 t/m 14 juni 2026.');
		// 4 of 7 decided → 57%, red (target not met), bar 57% of 240 px; the target bar 75% of 240
		expect(row.shareWithinNorm).toBe(0.5714);
		expect(value(html, 'Gerealiseerd')).toEqual({ label: 'Gerealiseerd', value: '57%', bar: 137 });
		expect(html).toContain('(doel niet gehaald)');
		expect(value(html, 'Doel')).toEqual({ label: 'Doel', value: '75%', bar: 180 });
		expect(html).toContain('4 van 7 casussen met bekende uitkomst op tijd gestart');
		// bars proportional to the largest count (3)
		expect(value(html, '0–28 dagen')).toEqual({ label: '0–28 dagen', value: '1', bar: 80 });
		expect(value(html, '29–56 dagen')).toEqual({ label: '29–56 dagen', value: '3', bar: 240 });
		expect(value(html, '57–84 dagen')).toEqual({ label: '57–84 dagen', value: '1', bar: 80 });
		expect(value(html, '85 dagen of meer')).toEqual({ label: '85 dagen of meer', value: '1', bar: 80 });
		expect(value(html, 'Nog niet gestart, termijn verstreken')).toEqual({ label: 'Nog niet gestart, termijn verstreken', value: '1', bar: 80 });
		expect(html).toContain('Gemiddeld 51 dagen tot start, mediaan 53 dagen.');
		// mail-safe: tables and inline styles, no images, scripts, classes or external resources
		expect(html).not.toMatch(/<img|<script|<style|class=|https?:|url\(/i);
		expect(chart.text).toContain('Hulp gestart binnen 8 weken na bespreking in het zorgteam: 57% (doel 75%, doel niet gehaald)');
		expect(chart.text).toContain('- 29–56 dagen: 3');
		// the colour legend explains the picture: HTML only
		expect(html).toContain('Blauw: gestart binnen 8 weken (56 dagen)');
		expect(chart.text).not.toContain('Blauw');
	});

	it('the buckets up to 8 weeks add up to "started within the norm", the rest to "started late"', () => {
		const [row] = computeKpis(sample, base);
		const counts = row.daysToStartDistribution.map((b) => b.count as number);
		expect(counts[0] + counts[1]).toBe(row.startedWithinNorm);
		expect(counts[2] + counts[3]).toBe(row.startedLate);
	});

	it('draws no bar and prints no number for suppressed counts', () => {
		const cases = [...Array(6).fill(c('met', 20)), c('met', 40), c('met_late', 60), ...Array(5).fill(c('overdue', 70))];
		const [row] = computeKpis(cases, { ...base, suppressBelow: 5 });
		expect(row.suppressed).toEqual(expect.arrayContaining(['startedLate', 'daysToStartDistribution']));
		expect(row.daysToStartDistribution.every((b) => b.count === null)).toBe(true);
		const html = renderKpiChart(row, { language: 'nl', suppressBelow: 5 }).html;
		for (const label of ['0–28 dagen', '29–56 dagen', '57–84 dagen', '85 dagen of meer']) {
			expect(value(html, label)).toEqual({ label, value: 'niet getoond (minder dan 5)', bar: null });
		}
		// open overdue (5) is not suppressed and keeps its bar; the share over 13 cases stays
		expect(value(html, 'Nog niet gestart, termijn verstreken')).toMatchObject({ value: '5', bar: 240 });
		expect(value(html, 'Gerealiseerd')?.bar).toBe(Math.round(row.shareWithinNorm! * 240));
		// no "x van y" line: startedLate is hidden, so the base would reveal it
		expect(html).not.toMatch(/\d+ van \d+ casussen/);

		const [small] = computeKpis(cases.slice(0, 3), { ...base, suppressBelow: 5 });
		const tiny = renderKpiChart(small, { language: 'nl', suppressBelow: 5 }).html;
		expect(value(tiny, 'Gerealiseerd')).toEqual({ label: 'Gerealiseerd', value: 'niet getoond (minder dan 5)', bar: null });
		// a group below the threshold: only the target and zero counts keep a (zero) bar
		expect(chartLines(tiny).filter((l) => l.bar !== null && l.bar > 0 && l.label !== 'Doel')).toEqual([]);
	});

	it('says "no outcome known yet" when nothing is decided, and writes English on request', () => {
		const [row] = computeKpis([c('on_track', 3)], base);
		expect(value(renderKpiChart(row, { language: 'nl' }).html, 'Gerealiseerd')?.value).toBe('nog geen uitkomst bekend');
		const en = renderKpiChart(computeKpis(sample, base)[0], { language: 'en' });
		expect(en.html).toContain('Help started within 8 weeks of the zorgteam discussion');
		expect(value(en.html, 'Target')?.value).toBe('75%');
		expect(en.html).toContain('Period 1 February 2026 to 14 June 2026 inclusive.');
	});

	it('property: every number in the chart equals the KPI row, and no hidden count is drawn', () => {
		const statusArb = fc.constantFrom<KpiCase['status']>('met', 'met_late', 'overdue', 'on_track', 'due_soon');
		fc.assert(
			fc.property(
				fc.array(fc.tuple(statusArb, fc.integer({ min: 0, max: 56 }), fc.integer({ min: 57, max: 200 })), { maxLength: 40 }),
				fc.constantFrom(0, 3, 5, 10),
				(raw, suppressBelow) => {
					const cases = raw.map(([s, inNorm, late]) => c(s, s === 'met' ? inNorm : late));
					const rows = computeKpis(cases, { ...base, suppressBelow, alwaysGroups: ['12AB'] });
					const row: KpiRow = rows[0];
					const lines = chartLines(renderKpiChart(row, { language: 'nl', suppressBelow }).html);
					const labels = ['0–28 dagen', '29–56 dagen', '57–84 dagen', '85 dagen of meer'];
					const counts = [...row.daysToStartDistribution.map((b) => b.count), row.openOverdue];
					const visible = counts.filter((n): n is number => n !== null);
					const max = Math.max(1, ...visible);
					[...labels, 'Nog niet gestart, termijn verstreken'].forEach((label, i) => {
						const line = lines.find((l) => l.label === label)!;
						const n = counts[i];
						if (n === null) expect(line).toMatchObject({ bar: null, value: expect.stringMatching(/^niet getoond/) });
						else expect(line).toEqual({ label, value: String(n), bar: Math.round((n / max) * 240) });
					});
					const share = lines.find((l) => l.label === 'Gerealiseerd')!;
					if (row.shareWithinNorm === null) expect(share.bar).toBeNull();
					else expect(share).toMatchObject({ value: `${Math.round(row.shareWithinNorm * 100)}%`, bar: Math.round(row.shareWithinNorm * 240) });
					if (suppressBelow > 0) {
						for (const n of visible) expect(n === 0 || n >= suppressBelow).toBe(true);
					}
				},
			),
			{ numRuns: 300 },
		);
	});
});
