/**
 * Calculate KPIs: share of cases started within the norm against a target, mean and median days
 * to start, open overdue — per school, per zorgteam or overall. One output. Each row also carries the
 * KPI as a chart for e-mail (`chartHtml`, `chartText`; domain/deadlines/kpiChart.ts).
 */
import { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties, IPairedItemData, NodeOperationError } from 'n8n-workflow';

import { formatIsoDate, parseCalendarDate } from '../../../domain/primitives/dates';
import { checkCase, computeKpis, kpiInclusion, KpiCase, Language, parseDateCached, renderKpiChart, safeCaseReference } from '../../../domain/deadlines';
import { MissingFieldError } from '../../../domain/primitives/errors';
import { readConfiguration } from '../../shared/errors';
import { parseItems } from '../../shared/execution';
import { openInput } from '../../shared/input';
import { readIdentifyingData } from '../../shared/privacy';
import { VERSIONS } from '../versions';
import { readSettings } from '../parameters';
import { isBlank } from '../../../domain/primitives/blank';
import { languageProperty } from '../../shared/language.description';

const kpiOnly = { show: { operation: ['calculateKpis'] } };

/** The parameters of the Calculate KPIs operation (shown when Operation is Calculate KPIs). */
export const description: INodeProperties[] = [
	{
		displayName: 'KPI Per',
		name: 'kpiGroupBy',
		type: 'options',
		options: [
			{ name: 'Overall', value: 'overall', description: 'One row for all cases' },
			{ name: 'School', value: 'school', description: 'One row per school' },
			{ name: 'Zorgteam', value: 'zorgteam', description: 'One row per zorgteam' },
		],
		default: 'overall',
		displayOptions: kpiOnly,
		description: 'How to group the KPIs',
	},
	{
		displayName: 'Target Share (%)',
		name: 'targetPercent',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: 100 },
		default: 75,
		displayOptions: kpiOnly,
		description: 'Share of cases that should start within the norm; 75% is the contract goal in S1',
	},
	{
		displayName: 'Period Start',
		name: 'periodStart',
		type: 'string',
		default: '',
		placeholder: 'No lower bound (leave empty)',
		displayOptions: kpiOnly,
		description: 'Only cases whose clock started on or after this date. Empty: no lower bound.',
	},
	{
		displayName: 'Period End',
		name: 'periodEnd',
		type: 'string',
		default: '',
		placeholder: 'No upper bound (leave empty)',
		displayOptions: kpiOnly,
		description: 'Only cases whose clock started on or before this date. Empty: no upper bound.',
	},
	{
		displayName: 'Suppress Counts Below',
		name: 'suppressBelow',
		type: 'number',
		typeOptions: { minValue: 0, numberPrecision: 0 },
		default: 0,
		displayOptions: kpiOnly,
		description:
			'For reports that leave the organisation: counts from 1 up to this number minus one are replaced by null, and so are share and days of groups that small. 0 turns suppression off.',
	},
	languageProperty({
		displayName: 'Chart Language',
		name: 'chartLanguage',
		description: 'Language of the KPI chart each row carries for e-mails (chartHtml, chartText), and of the error in words on error items (details.text, details.fix)',
		dutch: 'Nederlands, for zorgteams and municipalities',
		displayOptions: kpiOnly,
	}),
];

/** @param nodeProperties the node's parameter definitions (for names in messages about run-level parameters) */
export function execute(ctx: IExecuteFunctions, nodeProperties: INodeProperties[]): INodeExecutionData[][] {
	// Every parameter is read once per run; see docs/data-as-it-arrives.md.
	const input = openInput(ctx, { properties: nodeProperties });
	const settings = readSettings(ctx, input, { requireCaseRef: false, dueSoon: false });
	const groupBy = ctx.getNodeParameter('kpiGroupBy', 0, 'overall') as 'overall' | 'school' | 'zorgteam';
	const targetPercent = ctx.getNodeParameter('targetPercent', 0, 75) as number;
	const suppressBelow = ctx.getNodeParameter('suppressBelow', 0, 0) as number;
	const chartLanguage = ctx.getNodeParameter('chartLanguage', 0, 'nl') as Language;
	const zone = settings.spec.zone;
	const period = (name: string, label: string) => {
		const raw = ctx.getNodeParameter(name, 0, '') as string;
		if (isBlank(raw)) return undefined;
		return readConfiguration(ctx.getNode(), () => parseCalendarDate(raw, label, zone));
	};
	const periodStart = period('periodStart', 'Period Start');
	const periodEnd = period('periodEnd', 'Period End');
	if (!(targetPercent >= 0 && targetPercent <= 100)) {
		throw new NodeOperationError(ctx.getNode(), 'Target Share must be between 0 and 100', { description: 'Set "Target Share (%)" to e.g. 75.' });
	}
	if (!(Number.isInteger(suppressBelow) && suppressBelow >= 0)) {
		throw new NodeOperationError(ctx.getNode(), 'Suppress Counts Below must be a whole number of 0 or more', { description: 'Use e.g. 5, or 0 for no suppression.' });
	}

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
	}, readIdentifyingData(ctx, VERSIONS), input, { messageLanguage: chartLanguage, caseReference: (json) => safeCaseReference(input.read(json, spec.fields.caseRef)) });
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
