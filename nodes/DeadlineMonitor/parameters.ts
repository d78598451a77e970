/**
 * The parameters both operations share: their definitions (the clock before the operation's own
 * parameters, the field names and options after them) and the reading that turns them into the core's types.
 * Configuration errors are node errors (not item errors): they stop the run before any item.
 */
import { IDataObject, IExecuteFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { CalendarDate, parseCalendarDate, today } from '../../domain/primitives/dates';
import {
	ClosedDayKind,
	HOLIDAY_REGIONS,
	HolidayCalendar,
	HolidayRange,
	HolidayRegion,
	holidayRegionOf,
	LAST_COMPLETE_SCHOOL_YEAR,
	parseHolidayList,
	regionalCalendar,
} from '../../domain/calendar';
import { closedDayOptions } from '../shared/calendar.description';
import { getDefaultRegistry } from '../../domain/municipalities';
import { InvalidFieldError } from '../../domain/primitives/errors';
import { columnMappingProperty, legacyColumnCollection, readColumnNames } from '../shared/columns';
import { VERSIONS } from './versions';
import { configurationError } from '../shared/errors';
import { calendarTimeZoneOption, InputReader } from '../shared/input';
import {
	CaseFields,
	CaseFieldNames,
	CheckSpec,
	ClockConfig,
	DEADLINE_COLUMNS,
	NormUnit,
	parseKnownSchools,
	RuleId,
	RULE_COLUMNS,
	validateClockConfig,
} from '../../domain/deadlines';
import { isBlank } from '../../domain/primitives/blank';

/** The Holiday Region option that takes the region per case from the school's municipality. */
const FROM_MUNICIPALITY = 'fromMunicipality';

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

/** Resolves the holiday calendar for an item: fixed for the built-in and pasted lists, per item from a field. */
export type CalendarResolver = (json: IDataObject) => HolidayCalendar | undefined;

export interface SharedSettings {
	spec: CheckSpec;
	calendarFor: CalendarResolver;
	/** The calendar when it is the same for every item (validated up front). */
	fixedCalendar?: HolidayCalendar;
	/** Cases without a clock-start date pass as not applicable instead of being errors. */
	passWithoutClockStart: boolean;
}

function optionalDate(ctx: IExecuteFunctions, name: string, label: string, zone: string): CalendarDate | undefined {
	const raw = (ctx.getNodeParameter(name, 0, '') as string | number) ?? '';
	if (isBlank(raw)) return undefined;
	try {
		return parseCalendarDate(raw, label, zone);
	} catch (error) {
		throw configurationError(ctx.getNode(), error);
	}
}

/** Reads the shared parameters once per run (the input reader has checked they are the same for every item). */
export function readSettings(ctx: IExecuteFunctions, input: InputReader, options: { requireCaseRef: boolean; dueSoon: boolean }): SharedSettings {
	const zone = input.zone;
	const rule = ctx.getNodeParameter('rule', 0, 'eightWeek') as RuleId;
	// version 1.2: Input Columns; before: Field Names (read as before: trimmed, blank = default)
	const f: CaseFieldNames = readColumnNames(ctx, VERSIONS, DEADLINE_COLUMNS, { mapping: 'columnMap', legacy: 'fields' });
	const stopEvent = ctx.getNodeParameter('stopEvent', 0, 'start') as 'start' | 'offer';
	const fields: CaseFields =
		rule === 'thuiszitter'
			? { caseRef: f.caseRef, clockStart: f.homeSince, stop: f.startedOfferDate, school: f.school, brin: f.brin, zorgteam: f.zorgteam, recipientEmail: f.recipientEmail }
			: {
					caseRef: f.caseRef,
					clockStart: f.zorgteamDate,
					stop: stopEvent === 'offer' ? f.offerDate : f.startDate,
					school: f.school,
					brin: f.brin,
					zorgteam: f.zorgteam,
					recipientEmail: f.recipientEmail,
				};
	const clock: ClockConfig = {
		norm:
			rule === 'thuiszitter'
				? { length: ctx.getNodeParameter('thuiszitterNormLength', 0, 3) as number, unit: ctx.getNodeParameter('thuiszitterNormUnit', 0, 'months') as NormUnit }
				: { length: ctx.getNodeParameter('normLength', 0, 8) as number, unit: ctx.getNodeParameter('normUnit', 0, 'weeks') as NormUnit },
		counting: ctx.getNodeParameter('counting', 0, 'calendarDays') as ClockConfig['counting'],
		dueSoonDays: options.dueSoon ? (ctx.getNodeParameter('dueSoonDays', 0, 14) as number) : 0,
	};

	let fixedCalendar: HolidayCalendar | undefined;
	let calendarFor: CalendarResolver = () => fixedCalendar;
	if (clock.counting === 'schoolWeeks') {
		const source = ctx.getNodeParameter('holidaySource', 0, 'builtIn') as 'builtIn' | 'list' | 'field';
		const coveredFrom = optionalDate(ctx, 'coveredFrom', 'Calendar Covers From', zone);
		const coveredUntil = optionalDate(ctx, 'coveredUntil', 'Calendar Covers Until', zone);
		const build = (value: unknown, field: string) => {
			const holidays = parseHolidayList(value, field);
			const first = holidays.length ? holidays.reduce((m, h) => Math.min(m, h.start), Infinity) : undefined;
			const last = holidays.length ? holidays.reduce((m, h) => Math.max(m, h.end), -Infinity) : undefined;
			const from = coveredFrom ?? first;
			const until = coveredUntil ?? last;
			return new HolidayCalendar(holidays, from !== undefined && until !== undefined && from <= until ? [{ start: from, end: until }] : [], field);
		};
		try {
			if (source === 'builtIn') {
				const builtIn = builtInCalendars(ctx, input);
				if (builtIn.fixed) fixedCalendar = builtIn.fixed;
				else calendarFor = builtIn.perCase;
			} else if (source === 'list') {
				fixedCalendar = build(ctx.getNodeParameter('holidayList', 0, '') as string, 'Holidays');
			}
		} catch (error) {
			throw configurationError(ctx.getNode(), error);
		}
		if (source === 'field') {
			const holidayField = (ctx.getNodeParameter('holidayField', 0, 'holidays') as string).trim() || 'holidays';
			const cache = new Map<string, HolidayCalendar>();
			calendarFor = (json) => {
				const value = input.read(json, holidayField);
				const key = typeof value === 'string' ? `s:${value}` : `j:${JSON.stringify(value ?? null)}`;
				let calendar = cache.get(key);
				if (!calendar) {
					calendar = build(value, holidayField);
					if (cache.size < 1000) cache.set(key, calendar);
				}
				return calendar;
			};
		}
	}
	try {
		validateClockConfig(clock, clock.counting === 'schoolWeeks' ? (fixedCalendar ?? new HolidayCalendar([], [])) : undefined);
	} catch (error) {
		throw configurationError(ctx.getNode(), error);
	}

	const reference = optionalDate(ctx, 'referenceDate', 'Reference Date', zone) ?? today(new Date(), zone);
	const nodeOptions = ctx.getNodeParameter('options', 0, {}) as { knownSchools?: string; passWithoutClockStart?: boolean };
	const spec: CheckSpec = {
		rule,
		clock,
		fields,
		reference,
		zone,
		requireCaseRef: options.requireCaseRef,
		knownSchools: parseKnownSchools(nodeOptions.knownSchools ?? ''),
		markUncertain: VERSIONS.has(ctx.getNode(), 'calendarValidity'),
	};
	return { spec, calendarFor, fixedCalendar, passWithoutClockStart: nodeOptions.passWithoutClockStart === true };
}

/**
 * The built-in calendar: one region for every case, or per case from the school's municipality; with the
 * extra closed days (node version 1.3) and the school's own days from an input field. Calendars are made
 * once per distinct region and own-days text (bounded cache).
 */
function builtInCalendars(ctx: IExecuteFunctions, input: InputReader): { fixed?: HolidayCalendar; perCase: CalendarResolver } {
	const regionChoice = ctx.getNodeParameter('holidayRegion', 0, 'midden') as HolidayRegion | typeof FROM_MUNICIPALITY;
	const v13 = VERSIONS.has(ctx.getNode(), 'calendarValidity');
	const kinds = v13 ? (ctx.getNodeParameter('extraClosedDays', 0, []) as ClosedDayKind[]) : [];
	const daysField = v13 ? ((ctx.getNodeParameter('schoolDaysField', 0, '') as string) ?? '').trim() : '';
	const calendarOf = (region: HolidayRegion, why: string, own: HolidayRange[] | undefined, ownLabel: string) => regionalCalendar(region, { kinds, own, ownLabel, why });
	if (regionChoice !== FROM_MUNICIPALITY && daysField === '') return { fixed: calendarOf(regionChoice, '', undefined, ''), perCase: () => undefined };

	const municipalityField = ((ctx.getNodeParameter('schoolMunicipalityField', 0, 'schoolMunicipality') as string) ?? '').trim() || 'schoolMunicipality';
	const registry = getDefaultRegistry();
	const cache = new Map<string, HolidayCalendar>();
	const regions = new Map<string, { region: HolidayRegion; why: string }>();
	const regionOf = (json: IDataObject): { region: HolidayRegion; why: string } => {
		if (regionChoice !== FROM_MUNICIPALITY) return { region: regionChoice, why: '' };
		const value = input.read(json, municipalityField);
		if (isBlank(value)) {
			throw new InvalidFieldError(
				'missing_field',
				municipalityField,
				`Field "${municipalityField}" is empty: the holiday region follows the school's municipality`,
				`Fill in the municipality where the school is located (name or CBS code), or the region (noord, midden, zuid), or choose a fixed Holiday Region.`,
			);
		}
		const hit = typeof value === 'string' ? regions.get(value) : undefined;
		if (hit) return hit;
		const text = String(value).trim().toLowerCase();
		let found: { region: HolidayRegion; why: string };
		if ((HOLIDAY_REGIONS as string[]).includes(text)) {
			found = { region: text as HolidayRegion, why: `region ${text} as given in "${municipalityField}"` };
		} else {
			const m = registry.resolve(value, municipalityField);
			const lookup = holidayRegionOf({ code: m.code, name: m.name, province: m.province });
			if (!lookup.region) {
				throw new InvalidFieldError('no_holiday_region', municipalityField, lookup.reason, `Write the school's region (noord, midden or zuid) in "${municipalityField}" for this school.`);
			}
			found = { region: lookup.region, why: lookup.reason };
		}
		// once per distinct municipality text and run; only successful look-ups (an error is thrown again per item)
		if (typeof value === 'string' && regions.size < 1000) regions.set(value, found);
		return found;
	};
	const perCase: CalendarResolver = (json) => {
		const { region, why } = regionOf(json);
		const ownValue = daysField === '' ? undefined : input.read(json, daysField);
		const ownKey = ownValue === undefined || isBlank(ownValue) ? '' : typeof ownValue === 'string' ? ownValue : JSON.stringify(ownValue);
		const key = `${region}\u0000${why}\u0000${ownKey}`;
		let calendar = cache.get(key);
		if (!calendar) {
			const own = ownKey === '' ? undefined : parseHolidayList(ownValue, daysField);
			calendar = calendarOf(region, why, own, daysField);
			if (cache.size < 1000) cache.set(key, calendar);
		}
		return calendar;
	};
	return { perCase };
}
