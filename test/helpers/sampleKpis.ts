/**
 * The 8-week KPIs per school over synthetic sample cases (by default the fixed fixture
 * test/fixtures/sample-cases-2026-11-26.csv; the e2e tests pass the runtime's generated cases), computed by the domain
 * core the way the example workflows' "Calculate KPIs" nodes do (School Field = brin, 8 calendar weeks):
 * the expected figures for tests of the evaluation mails and their KPI chart.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { CalendarDate, fromYmd } from '../../domain/primitives/dates';
import { CheckSpec, checkCase, computeKpis, KpiCase, kpiInclusion, KpiRow } from '../../domain/deadlines';

const REPO_ROOT = path.resolve(__dirname, '..', '..');

/**
 * The fixed sample cases: 38 synthetic cases whose dates suit the reference date 2026-11-26 (the cases
 * scripts/sample-data/generate.js makes for that day, before the ones it appends). Tests that pin their
 * reference date use these; tests of "any day" generate their own.
 */
export const SAMPLE_CASES_FIXTURE = path.join(REPO_ROOT, 'test', 'fixtures', 'sample-cases-2026-11-26.csv');

/** Rows of a simple CSV (no quoted cells), as Extract From File gives them: every value a string. */
export function sampleCaseRows(file = SAMPLE_CASES_FIXTURE): Array<Record<string, string>> {
	const [header, ...lines] = fs.readFileSync(file, 'utf8').trim().split('\n');
	const cols = header.split(',');
	return lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [cols[i], v])));
}

export const isoDate = (iso: string): CalendarDate => fromYmd(...(iso.split('-').map(Number) as [number, number, number]));

/**
 * The example workflows' 8-week check of the sample's columns on `reference` (8 calendar weeks, due
 * soon 14 days, Europe/Amsterdam), grouping schools by `schoolField`.
 */
export function sampleCheckSpec(reference: CalendarDate, schoolField: 'brin' | 'school', requireCaseRef: boolean): CheckSpec {
	return {
		rule: 'eightWeek',
		clock: { norm: { length: 8, unit: 'weeks' }, counting: 'calendarDays', dueSoonDays: 14 },
		fields: { caseRef: 'caseRef', clockStart: 'zorgteamDate', stop: 'startDate', school: schoolField, brin: 'brin', zorgteam: 'zorgteam', recipientEmail: 'zorgteamEmail' },
		reference,
		zone: 'Europe/Amsterdam',
		requireCaseRef,
	};
}

/** One KPI row per BRIN with cases whose zorgteam date lies in `periodStart..periodEnd` (and on or before `reference`). */
export function sampleKpisPerSchool(periodStart: CalendarDate, periodEnd: CalendarDate, reference: CalendarDate, rows = sampleCaseRows()): KpiRow[] {
	const spec = sampleCheckSpec(reference, 'brin', false);
	const cases: KpiCase[] = [];
	for (const row of rows) {
		if (kpiInclusion(isoDate(row.zorgteamDate), reference, { periodStart, periodEnd }) !== 'included') continue;
		const c = checkCase((f) => row[f], spec);
		cases.push({ group: c.school, clockStart: c.clockStart, status: c.status, daysElapsed: c.daysElapsed });
	}
	return computeKpis(cases, { target: 0.75, suppressBelow: 0, periodStart, periodEnd });
}
