/**
 * Calculate KPIs: share of cases started within the norm against a target, mean and median days
 * to start, open overdue — per school, per zorgteam or overall. One output. Each row also carries the
 * KPI as a chart for e-mail (`chartHtml`, `chartText`; domain/deadlines/kpiChart.ts).
 */
import { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties, IPairedItemData } from 'n8n-workflow';

import { formatIsoDate } from '../../../domain/primitives/dates';
import { checkCase, computeKpis, kpiInclusion, KpiCase, parseDateCached, renderKpiChart, safeCaseReference } from '../../../domain/deadlines';
import { MissingFieldError } from '../../../domain/primitives/errors';
import { parseItems } from '../../shared/execution';
import { openInput } from '../../shared/input';
import { isBlank } from '../../../domain/primitives/blank';
import { readKpiSettings } from './calculateKpis.settings';

export { description } from './calculateKpis.settings';

/** @param nodeProperties the node's parameter definitions (for names in messages about run-level parameters) */
export function execute(ctx: IExecuteFunctions, nodeProperties: INodeProperties[]): INodeExecutionData[][] {
	// Every parameter is read once per run; see docs/data-as-it-arrives.md.
	const input = openInput(ctx, { properties: nodeProperties });
	const run = readKpiSettings(ctx, input);
	const { clock: settings, groupBy, targetPercent, suppressBelow, chartLanguage, periodStart, periodEnd } = run;

	const { spec } = settings;
	let excluded = 0;
	const parsed = parseItems(ctx, (item): KpiCase | null => {
		const json = item.json;
		// Cases outside the period, or not yet discussed on the reference date, are left out (not errors).
		const rawStart = input.read(json, spec.fields.clockStart);
		if (isBlank(rawStart)) {
			if (settings.passWithoutClockStart) {
				excluded++;
				return null;
			}
			throw new MissingFieldError(spec.fields.clockStart);
		}
		if (kpiInclusion(parseDateCached(rawStart, spec.fields.clockStart, spec.zone), spec.reference, { periodStart, periodEnd }) !== 'included') {
			excluded++;
			return null;
		}
		const check = checkCase(input.reader(json), settings.spec, settings.calendarFor(json));
		const group = groupBy === 'overall' ? 'overall' : groupBy === 'school' ? check.school : check.zorgteam;
		return { group, clockStart: check.clockStart, status: check.status, daysElapsed: check.daysElapsed, statusCertain: check.statusCertain };
	}, run.privacy, input, { messageLanguage: chartLanguage, caseReference: (json) => safeCaseReference(input.read(json, spec.fields.caseRef)) });
	const counted = parsed.ok.filter((o): o is { value: KpiCase; itemIndex: number } => o.value !== null);
	const rows = computeKpis(
		counted.map((o) => o.value),
		{ target: targetPercent / 100, suppressBelow, periodStart, periodEnd, alwaysGroups: groupBy === 'overall' ? ['overall'] : [], markUncertain: settings.spec.markUncertain },
	);
	// Each KPI row is paired with the cases it counts.
	const pairs = new Map<string, IPairedItemData[]>();
	for (const o of counted) {
		let list = pairs.get(o.value.group);
		if (!list) pairs.set(o.value.group, (list = []));
		list.push({ item: o.itemIndex });
	}
	const kpiItems: INodeExecutionData[] = rows.map((row) => {
		const chart = renderKpiChart(row, { language: chartLanguage, rule: settings.spec.rule, suppressBelow });
		return {
			json: {
				groupBy,
				...row,
				chartHtml: chart.html,
				chartText: chart.text,
				rule: settings.spec.rule,
				referenceDate: formatIsoDate(settings.spec.reference),
				countedIn: settings.spec.clock.counting === 'schoolWeeks' ? 'school days' : 'calendar days',
				invalidCases: parsed.failed.length,
				excludedCases: excluded,
				blankRows: input.blankRowCount,
			} as unknown as IDataObject,
			pairedItem: pairs.get(row.group) ?? [],
		};
	});
	input.finish();
	return [[...kpiItems, ...parsed.failed]];
}
