/**
 * The 8-week KPIs per school over synthetic sample cases (by default the fixed fixture
 * test/fixtures/sample-cases-2026-11-26.csv; the e2e tests pass the runtime's generated cases), as the example
 * workflows' "Calculate KPIs" nodes should give them (School Field = brin, 8 calendar weeks): the expected
 * figures for tests of the evaluation mails and their KPI chart. Each case's status and days come from the
 * independent statement of the rule in ./sampleOracle (not from domain/deadlines' checkCase, the code under
 * test); only the aggregation into KPI rows is the domain's computeKpis, whose own rules have unit tests.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { CalendarDate, fromYmd } from '../../domain/primitives/dates';
import { computeKpis, KpiCase, KpiRow } from '../../domain/deadlines';
import { fromSheetRow } from './sampleData';
import { dayNumber, eightWeekOracle, isoOfDay } from './sampleOracle';

const REPO_ROOT = path.resolve(__dirname, '..', '..');

/**
 * The fixed sample cases: 38 synthetic cases whose dates suit the reference date 2026-11-26 (the cases
 * scripts/sample-data/generate.js makes for that day, before the ones it appends). Its headers are the
 * column keys, which are the Deadline Monitor's default column names, so the engine tests' fixtures read it
 * unmapped; the generated files carry the same cells under Dutch headers (`asSheetRow` in ./sampleData gives
 * a fixture row as the example workflows read it). Tests that pin their reference date use these; tests
 * of "any day" generate their own.
 */
export const SAMPLE_CASES_FIXTURE = path.join(REPO_ROOT, 'test', 'fixtures', 'sample-cases-2026-11-26.csv');

/**
 * Rows of a simple CSV (no quoted cells), every value a string, keyed by column key (`caseRef`,
 * `zorgteamDate`, …: the fixture's headers, the Deadline Monitor's default names). A generated cases.csv,
 * whose headers are Dutch (`dossiernummer`, `datum zorgteam`, …; scripts/sample-data/cases.js), is read
 * through its header list, so the oracles read every file the same way.
 */
export function sampleCaseRows(file = SAMPLE_CASES_FIXTURE): Array<Record<string, string>> {
	const [header, ...lines] = fs.readFileSync(file, 'utf8').trim().split('\n');
	const cols = header.split(',');
	return lines.map((l) => fromSheetRow(Object.fromEntries(l.split(',').map((v, i) => [cols[i], v]))));
}

export const isoDate = (iso: string): CalendarDate => fromYmd(...(iso.split('-').map(Number) as [number, number, number]));

/**
 * One KPI row per BRIN with cases whose zorgteam date lies in `periodStart..periodEnd` (and on or before
 * `reference`). A CalendarDate is the oracle's day number (whole days since 1970-01-01).
 */
export function sampleKpisPerSchool(periodStart: CalendarDate, periodEnd: CalendarDate, reference: CalendarDate, rows = sampleCaseRows()): KpiRow[] {
	const ref = isoOfDay(reference);
	const cases: KpiCase[] = [];
	for (const row of rows) {
		const clockStart = dayNumber(row.zorgteamDate);
		if (clockStart < periodStart || clockStart > periodEnd || clockStart > reference) continue;
		const started = row.startDate !== '' && row.startDate <= ref; // ISO texts compare as dates
		// days from the zorgteam date to the start, or to the reference date while not started (calendar days)
		const daysElapsed = dayNumber(started ? row.startDate : ref) - clockStart;
		cases.push({ group: row.brin, clockStart, status: eightWeekOracle(row.zorgteamDate, row.startDate, ref).status, daysElapsed });
	}
	return computeKpis(cases, { target: 0.75, suppressBelow: 0, periodStart, periodEnd });
}
