/**
 * The parameters both operations share: their definitions (the clock before the operation's own
 * parameters, the field names and options after them). Their reading, which turns them into the core's
 * types, is the clock settings (clock.settings.ts).
 */
import { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { LAST_COMPLETE_SCHOOL_YEAR } from '../../domain/calendar';
import { closedDayOptions } from '../shared/calendar.description';
import { columnMappingProperty, legacyColumnCollection } from '../shared/columns';
import { VERSIONS } from './versions';
import { calendarTimeZoneOption } from '../shared/input';
import { DEADLINE_COLUMNS, RULE_COLUMNS } from '../../domain/deadlines';

/** The Holiday Region option that takes the region per case from the school's municipality. */
export const FROM_MUNICIPALITY = 'fromMunicipality';

/** Units of a norm length; the same for the 8-week and the thuiszitter rule. */
const normUnitOptions: INodePropertyOptions[] = [
	{ name: 'Days', value: 'days', description: 'Counted days' },
	{ name: 'Weeks', value: 'weeks', description: 'Weeks of 7 counted days' },
	{ name: 'Months', value: 'months', description: 'Calendar months (calendar-day counting only)' },
];

/** The clock both operations run: rule, norm, counting, holidays and reference date (shown before the operation's own parameters). */
export const clockProperties: INodeProperties[] = [
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
	// Node version 1.2: every column the rule reads is shown, pre-filled (nodes/shared/columns.ts)
	columnMappingProperty(VERSIONS, {
		displayName: 'Input Columns',
		name: 'columnMap',
		description: 'The columns of your spreadsheet this node reads, with the default name of each; change a name to match your header. Read once per run.',
		columns: DEADLINE_COLUMNS,
		showColumn: Object.fromEntries(Object.entries(RULE_COLUMNS).map(([key, rule]) => [key, { '/rule': [rule] }])),
	}),
	{
		displayName: 'Norm Length',
		name: 'normLength',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 520, numberPrecision: 0 },
		default: 8, // = NORM_DEFAULTS.eightWeek (a literal for the lint; test/unit/deadlines/norms.test.ts checks they agree)
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
		default: 3, // = NORM_DEFAULTS.thuiszitter
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
			{
				name: 'Built-in Schoolvakanties',
				value: 'builtIn',
				description: `Rijksoverheid school holidays per region, school years 2025-2026 to ${LAST_COMPLETE_SCHOOL_YEAR}; later dates are not covered`,
			},
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
			{
				name: "From the School's Municipality",
				value: FROM_MUNICIPALITY,
				description: 'Per case, from the municipality where the school is located (regio-indeling schoolvakanties); the output says which region and why',
			},
		],
		default: 'midden',
		displayOptions: { show: { counting: ['schoolWeeks'], holidaySource: ['builtIn'] } },
		description: 'The school holiday region (vakantieregio) of the schools',
	},
	{
		displayName: 'School Municipality Field',
		name: 'schoolMunicipalityField',
		type: 'string',
		default: 'schoolMunicipality',
		displayOptions: { show: { counting: ['schoolWeeks'], holidaySource: ['builtIn'], holidayRegion: [FROM_MUNICIPALITY] } },
		description:
			'Input field with the municipality where the school is located (name or CBS code, e.g. Enschede or 0153), or the region itself (noord, midden, zuid) for a school in a municipality the regio-indeling splits',
	},
	{
		displayName: 'Extra Closed Days',
		name: 'extraClosedDays',
		type: 'multiOptions',
		options: closedDayOptions,
		default: [],
		displayOptions: { show: { counting: ['schoolWeeks'], holidaySource: ['builtIn'], ...VERSIONS.shownFrom('calendarValidity') } },
		description: 'Days the schools close besides the regional holidays, every year (e.g. Goede Vrijdag, Bevrijdingsdag 5 May); they do not count',
	},
	{
		displayName: "School's Own Days Field",
		name: 'schoolDaysField',
		type: 'string',
		default: '',
		placeholder: 'e.g. schoolDays (leave empty for none)',
		displayOptions: { show: { counting: ['schoolWeeks'], holidaySource: ['builtIn'], ...VERSIONS.shownFrom('calendarValidity') } },
		description:
			'Input field with the school\'s own closed days on top of the regional holidays, in the holiday list format (e.g. a second meivakantie week "2027-05-03 - 2027-05-07", study days), e.g. merged from a Data Table or spreadsheet of school calendars. Empty: none.',
	},
	{
		displayName: 'Holidays',
		name: 'holidayList',
		type: 'string',
		typeOptions: { rows: 6 },
		default: '',
		placeholder: 'e.g. 2026-10-17 - 2026-10-25 Herfstvakantie\n2026-12-19 - 2027-01-03 Kerstvakantie',
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
		placeholder: 'First holiday (leave empty)',
		displayOptions: { show: { counting: ['schoolWeeks'], holidaySource: ['list', 'field'] } },
		description: 'First day your holiday list is complete for. Empty: the first day of the first holiday.',
	},
	{
		displayName: 'Calendar Covers Until',
		name: 'coveredUntil',
		type: 'string',
		default: '',
		placeholder: 'Last holiday (leave empty)',
		displayOptions: { show: { counting: ['schoolWeeks'], holidaySource: ['list', 'field'] } },
		description: 'Last day your holiday list is complete for. Empty: the last day of the last holiday.',
	},
	{
		displayName: 'Reference Date',
		name: 'referenceDate',
		type: 'string',
		default: '',
		placeholder: 'Today (leave empty)',
		description: 'The date to judge cases on (peildatum), e.g. 2026-11-26. Empty: today in the workflow\'s time zone. Set a date for reproducible reports.',
	},
];

/** Field names and options of both operations (shown after the operation's own parameters). */
export const inputProperties: INodeProperties[] = [
	// Versions 1 and 1.1: the columns one by one ("Change a Field Name"), read as before
	legacyColumnCollection(VERSIONS, {
		displayName: 'Field Names',
		name: 'fields',
		placeholder: 'Change a Field Name',
		description: 'Names of the columns in your spreadsheet; change them when your region names them differently',
		columns: DEADLINE_COLUMNS,
		suffix: 'Field',
	}),

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
