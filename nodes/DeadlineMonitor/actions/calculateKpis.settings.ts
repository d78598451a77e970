/**
 * Calculate KPIs' settings: the parameters the operation shows (`description`) and the one reader of them
 * (`readKpiSettings`), the only code of this operation that calls `getNodeParameter` (besides the clock
 * settings both operations share, and the shared input and privacy layers). The operation runs settings →
 * checkCase per case → computeKpis → items.
 */
import { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { CalendarDate } from '../../../domain/primitives/dates';
import { parseCalendarDate } from '../../../domain/primitives/dates';
import { checkKpiSettings, type Language } from '../../../domain/deadlines';
import { isBlank } from '../../../domain/primitives/blank';
import { readConfiguration } from '../../shared/errors';
import type { InputReader } from '../../shared/input';
import { languageProperty } from '../../shared/language.description';
import { readIdentifyingData, type IdentifyingData } from '../../shared/privacy';
import { readClockSettings, type ClockSettings } from '../clock.settings';
import { VERSIONS } from '../versions';

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

/** What one run of Calculate KPIs is set to do (every parameter is read once per run). */
export interface KpiSettings {
	/** Rule, norm, calendar, reference date, field names (clock.settings.ts). */
	clock: ClockSettings;
	groupBy: 'overall' | 'school' | 'zorgteam';
	/** Target Share (%), 0 to 100. */
	targetPercent: number;
	/** Suppress Counts Below: a whole number, 0 = off. */
	suppressBelow: number;
	/** Chart Language: the chart and the error in words on error items. */
	chartLanguage: Language;
	/** Only cases whose clock started in this period (either end open). */
	periodStart?: CalendarDate;
	periodEnd?: CalendarDate;
	privacy: IdentifyingData | undefined;
}

/**
 * Read the node's parameters for one run, in the order the operation always read them.
 * @throws NodeOperationError (no item index) when a parameter is wrong
 */
export function readKpiSettings(ctx: IExecuteFunctions, input: InputReader): KpiSettings {
	const clock = readClockSettings(ctx, input, { requireCaseRef: false, dueSoon: false });
	const groupBy = ctx.getNodeParameter('kpiGroupBy', 0, 'overall') as 'overall' | 'school' | 'zorgteam';
	const targetPercent = ctx.getNodeParameter('targetPercent', 0, 75) as number;
	const suppressBelow = ctx.getNodeParameter('suppressBelow', 0, 0) as number;
	const chartLanguage = ctx.getNodeParameter('chartLanguage', 0, 'nl') as Language;
	const zone = clock.spec.zone;
	const period = (name: string, label: string) => {
		const raw = ctx.getNodeParameter(name, 0, '') as string;
		if (isBlank(raw)) return undefined;
		return readConfiguration(ctx.getNode(), () => parseCalendarDate(raw, label, zone));
	};
	const periodStart = period('periodStart', 'Period Start');
	const periodEnd = period('periodEnd', 'Period End');
	readConfiguration(ctx.getNode(), () => checkKpiSettings(targetPercent, suppressBelow));
	return { clock, groupBy, targetPercent, suppressBelow, chartLanguage, periodStart, periodEnd, privacy: readIdentifyingData(ctx, VERSIONS) };
}
