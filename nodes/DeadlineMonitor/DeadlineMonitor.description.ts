/**
 * What the Deadline Monitor node shows the user. Execution lives in the *.operation.ts files.
 */
import { ExpressionString, INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { calendarTimeZoneOption } from '../shared/input';

const checkOnly = { show: { operation: ['checkCases'] } };
const kpiOnly = { show: { operation: ['calculateKpis'] } };

/**
 * Outputs depend on the operation and on "Alert Only on Status Change"; evaluated by n8n with the
 * node's parameters. Parameters left at their default are absent from saved workflows, hence the `??`.
 */
/** Units of a norm length; the same for the 8-week and the thuiszitter rule. */
const normUnitOptions: INodePropertyOptions[] = [
	{ name: 'Days', value: 'days', description: 'Counted days' },
	{ name: 'Weeks', value: 'weeks', description: 'Weeks of 7 counted days' },
	{ name: 'Months', value: 'months', description: 'Calendar months (calendar-day counting only)' },
];

export const OUTPUTS_EXPRESSION: ExpressionString =
	'={{ ((p) => { if ((p.operation ?? "checkCases") === "calculateKpis") return [{ type: "main", displayName: "KPIs" }];' +
	' const o = [{ type: "main", displayName: "Overdue" }, { type: "main", displayName: "Due Soon" }, { type: "main", displayName: "On Track" }, { type: "main", displayName: "Closed" }];' +
	' if (p.alertOnce === true) o.push({ type: "main", displayName: "Unchanged" }); return o; })($parameter) }}' as ExpressionString;

export const deadlineMonitorProperties: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Check Cases',
				value: 'checkCases',
				description: 'Per case: deadline, days elapsed and left, status; routed to Overdue, Due Soon, On Track or Closed',
				action: 'Check cases against a deadline norm',
			},
			{
				name: 'Calculate KPIs',
				value: 'calculateKpis',
				description: 'Per school, zorgteam or overall: share started within the norm against a target, mean and median days',
				action: 'Calculate deadline indicators',
			},
		],
		default: 'checkCases',
		description: 'What to do with the incoming cases',
	},
	{
		displayName: 'Rule',
		name: 'rule',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: '8-Week Start Norm (Zorgteam → Start of Care)',
				value: 'eightWeek',
				description: 'Collective youth care starts within 8 weeks after the zorgteam discussion (S1)',
			},
			{
				name: 'Thuiszitter 3-Month Rule',
				value: 'thuiszitter',
				description: 'No youth at home without education longer than 3 months without a suitable, started offer (S2)',
			},
		],
		default: 'eightWeek',
		description: 'Which clock to run: when it starts and which event stops it',
	},
	{
		displayName: 'Stop Event',
		name: 'stopEvent',
		type: 'options',
		options: [
			{ name: 'Start of Care', value: 'start', description: 'The clock stops when collective youth care starts (the S1 norm)' },
			{ name: 'Offer Date', value: 'offer', description: 'The clock stops when care is offered (aangeboden), as some contracts read the norm' },
		],
		default: 'start',
		displayOptions: { show: { rule: ['eightWeek'] } },
		description: 'Which date stops the 8-week clock',
	},
	{
		displayName: 'Norm Length',
		name: 'normLength',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 520, numberPrecision: 0 },
		default: 8,
		displayOptions: { show: { rule: ['eightWeek'] } },
		description: 'How long the clock may run; 8 weeks by default (S1)',
	},
	{
		displayName: 'Norm Unit',
		name: 'normUnit',
		type: 'options',
		options: normUnitOptions,
		default: 'weeks',
		displayOptions: { show: { rule: ['eightWeek'] } },
		description: 'Unit of the norm length',
	},
	{
		displayName: 'Norm Length',
		name: 'thuiszitterNormLength',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 520, numberPrecision: 0 },
		default: 3,
		displayOptions: { show: { rule: ['thuiszitter'] } },
		description: 'How long a youth may be at home without a started offer; 3 months by default (S2)',
	},
	{
		displayName: 'Norm Unit',
		name: 'thuiszitterNormUnit',
		type: 'options',
		options: normUnitOptions,
		default: 'months',
		displayOptions: { show: { rule: ['thuiszitter'] } },
		description: 'Unit of the norm length',
	},
	{
		displayName: 'Counting',
		name: 'counting',
		type: 'options',
		options: [
			{ name: 'Calendar Days', value: 'calendarDays', description: 'Every day counts (the default reading of "8 weeks")' },
			{ name: 'School Weeks', value: 'schoolWeeks', description: 'Days inside school holidays (schoolvakanties) do not count' },
		],
		default: 'calendarDays',
		description: 'Whether holidays stop the clock',
	},
	{
		displayName: 'Holiday Calendar',
		name: 'holidaySource',
		type: 'options',
		options: [
			{ name: 'Built-in Schoolvakanties', value: 'builtIn', description: 'Rijksoverheid school holidays 2025-2026 (complete) and Christmas 2026-2027; later dates are not covered' },
			{ name: 'Pasted List', value: 'list', description: 'Your own list of holiday date ranges' },
			{ name: 'From an Input Field', value: 'field', description: 'Each case carries its holiday list in a field (e.g. per school)' },
		],
		default: 'builtIn',
		displayOptions: { show: { counting: ['schoolWeeks'] } },
		description: 'Which holidays do not count',
	},
	{
		displayName: 'Holiday Region',
		name: 'holidayRegion',
		type: 'options',
		options: [
			{ name: 'Noord', value: 'noord', description: 'Holiday region noord' },
			{ name: 'Midden', value: 'midden', description: 'Holiday region midden' },
			{ name: 'Zuid', value: 'zuid', description: 'Holiday region zuid' },
		],
		default: 'midden',
		displayOptions: { show: { counting: ['schoolWeeks'], holidaySource: ['builtIn'] } },
		description: 'The school holiday region (vakantieregio) of the schools',
	},
	{
		displayName: 'Holidays',
		name: 'holidayList',
		type: 'string',
		typeOptions: { rows: 6 },
		default: '',
		placeholder: '2026-10-17 - 2026-10-25 Herfstvakantie\n2026-12-19 - 2027-01-03 Kerstvakantie',
		displayOptions: { show: { counting: ['schoolWeeks'], holidaySource: ['list'] } },
		description:
			'One holiday per line: first and last day off, e.g. "2026-10-17 - 2026-10-25 Herfstvakantie" or "17-10-2026 t/m 25-10-2026". Lines starting with # are ignored.',
	},
	{
		displayName: 'Holiday Field',
		name: 'holidayField',
		type: 'string',
		default: 'holidays',
		displayOptions: { show: { counting: ['schoolWeeks'], holidaySource: ['field'] } },
		description: 'Input field holding the holidays: text in the same format as a pasted list, or a list of {start, end} objects',
	},
	{
		displayName: 'Calendar Covers From',
		name: 'coveredFrom',
		type: 'string',
		default: '',
		placeholder: '2026-08-01',
		displayOptions: { show: { counting: ['schoolWeeks'], holidaySource: ['list', 'field'] } },
		description: 'First day your holiday list is complete for. Empty: the first day of the first holiday.',
	},
	{
		displayName: 'Calendar Covers Until',
		name: 'coveredUntil',
		type: 'string',
		default: '',
		placeholder: '2027-07-31',
		displayOptions: { show: { counting: ['schoolWeeks'], holidaySource: ['list', 'field'] } },
		description: 'Last day your holiday list is complete for. Empty: the last day of the last holiday.',
	},
	{
		displayName: 'Reference Date',
		name: 'referenceDate',
		type: 'string',
		default: '',
		placeholder: '2026-11-26',
		description: 'The date to judge cases on (peildatum). Empty: today in the workflow\'s time zone. Set a date for reproducible reports.',
	},
	{
		displayName: 'Due Soon Window (Days)',
		name: 'dueSoonDays',
		type: 'number',
		typeOptions: { minValue: 0, numberPrecision: 0 },
		default: 14,
		displayOptions: checkOnly,
		description: 'Open cases with at most this many (counted) days left, the deadline day included, are Due Soon',
	},
	{
		displayName: 'Alert Only on Status Change',
		name: 'alertOnce',
		type: 'boolean',
		default: false,
		displayOptions: checkOnly,
		description:
			'Whether to send a case to its status output only when its status changed since the last production run; cases whose status did not change leave on an extra "Unchanged" output. Statuses are remembered per case reference — in n8n\'s Data Table "jeugdhulp_alert_memory" when a Jeugdhulp Shared Memory credential is selected (safe for parallel runs and queue mode), otherwise in the workflow\'s static data. Manual test runs read but do not update the memory.',
	},
	{
		displayName: 'Max Remembered Cases',
		name: 'maxRemembered',
		type: 'number',
		typeOptions: { minValue: 1, numberPrecision: 0 },
		default: 50000,
		displayOptions: { show: { operation: ['checkCases'], alertOnce: [true] } },
		description: 'Upper bound on remembered case references; the ones not seen for the longest time are forgotten first',
	},
	{
		displayName: 'Group Per Recipient',
		name: 'groupByRecipient',
		type: 'boolean',
		default: false,
		displayOptions: checkOnly,
		description:
			'Whether to emit one item per zorgteam or school with its cases and a ready e-mail subject, text and HTML table. The item leaves on the output of its most urgent case.',
	},
	{
		displayName: 'Group By',
		name: 'groupBy',
		type: 'options',
		options: [
			{ name: 'Zorgteam', value: 'zorgteam', description: 'One item per zorgteam' },
			{ name: 'School', value: 'school', description: 'One item per school' },
		],
		default: 'zorgteam',
		displayOptions: { show: { operation: ['checkCases'], groupByRecipient: [true] } },
		description: 'Who receives one message',
	},
	{
		displayName: 'Statuses to Group',
		name: 'groupStatuses',
		type: 'multiOptions',
		options: [
			{ name: 'Due Soon', value: 'due_soon', description: 'Open, deadline within the warning window' },
			{ name: 'Met', value: 'met', description: 'Started on or before the deadline' },
			{ name: 'Met Late', value: 'met_late', description: 'Started after the deadline' },
			{ name: 'On Track', value: 'on_track', description: 'Open, deadline further away' },
			{ name: 'Overdue', value: 'overdue', description: 'Open and past the deadline' },
		],
		default: ['overdue', 'due_soon'],
		displayOptions: { show: { operation: ['checkCases'], groupByRecipient: [true] } },
		description:
			'Cases with these statuses are gathered into one item per recipient (on the output of its most urgent case); other cases leave one by one on their own output',
	},
	{
		displayName: 'Message Language',
		name: 'language',
		type: 'options',
		options: [
			{ name: 'Dutch', value: 'nl', description: 'Nederlands, for zorgteams' },
			{ name: 'English', value: 'en', description: 'For readers who do not read Dutch' },
		],
		default: 'nl',
		displayOptions: { show: { operation: ['checkCases'], groupByRecipient: [true] } },
		description: 'Language of the subject, text and HTML table',
	},
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
		placeholder: '2026-01-01',
		displayOptions: kpiOnly,
		description: 'Only cases whose clock started on or after this date. Empty: no lower bound.',
	},
	{
		displayName: 'Period End',
		name: 'periodEnd',
		type: 'string',
		default: '',
		placeholder: '2026-06-30',
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
	{
		displayName: 'Field Names',
		name: 'fields',
		type: 'collection',
		placeholder: 'Change a Field Name',
		default: {},
		description: 'Names of the columns in your spreadsheet; change them when your region names them differently',
		options: [
			{ displayName: 'BRIN Field', name: 'brin', type: 'string', default: 'brin', description: 'School BRIN code; checked against Known Schools' },
			{ displayName: 'Case Reference Field', name: 'caseRef', type: 'string', default: 'caseRef', description: 'Pseudonymous case reference, e.g. C-2026-0001 (never a name or BSN)' },
			{ displayName: 'Home Since Field', name: 'homeSince', type: 'string', default: 'homeSince', description: 'Thuiszitter rule: first day at home without education' },
			{ displayName: 'Offer Date Field', name: 'offerDate', type: 'string', default: 'offerDate', description: '8-week rule with stop event Offer Date: date care was offered' },
			{ displayName: 'Recipient E-Mail Field', name: 'recipientEmail', type: 'string', default: 'zorgteamEmail', description: 'E-mail address of the zorgteam, used when grouping per recipient' },
			{ displayName: 'School Field', name: 'school', type: 'string', default: 'school', description: 'School name' },
			{ displayName: 'Start Date Field', name: 'startDate', type: 'string', default: 'startDate', description: '8-week rule: date collective youth care started' },
			{ displayName: 'Started Offer Date Field', name: 'startedOfferDate', type: 'string', default: 'startedOfferDate', description: 'Thuiszitter rule: date a suitable offer started' },
			{ displayName: 'Zorgteam Date Field', name: 'zorgteamDate', type: 'string', default: 'zorgteamDate', description: '8-week rule: date the case was discussed in the zorgteam' },
			{ displayName: 'Zorgteam Field', name: 'zorgteam', type: 'string', default: 'zorgteam', description: 'Name of the zorgteam' },
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			calendarTimeZoneOption,
			{
				displayName: 'Known Schools',
				name: 'knownSchools',
				type: 'string',
				typeOptions: { rows: 3 },
				default: '',
				description: 'Names or BRIN codes of the schools you expect, separated by commas or new lines; a case at another school becomes an error for that item. BRIN codes are read in any case and spacing; 12AB covers all its locations (12AB00, 12AB01); 12AB01 only that location.',
			},
			{
				displayName: 'Pass Cases Without Clock Start',
				name: 'passWithoutClockStart',
				type: 'boolean',
				default: false,
				description:
					'Whether a case with an empty clock-start date (e.g. no "home since" date: not a thuiszitter) passes as not applicable instead of being an error. Check Cases sends it to Closed with status "not_applicable"; KPIs leave it out.',
			},
			{
				displayName: 'Output Field',
				name: 'outputField',
				type: 'string',
				default: 'deadline',
				displayOptions: { show: { '/operation': ['checkCases'] } },
				description: 'Name of the field the result is written to on each case',
			},
		],
		description: 'More settings',
	},
];
