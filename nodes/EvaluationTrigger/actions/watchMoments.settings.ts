/**
 * Watch Moments' settings: the parameters the trigger shows (`description`) and the one reader of them
 * (`readWatchMomentsSettings`), the only code of the trigger that calls `getNodeParameter`. It validates them
 * through the core (domain/evaluation: the schedule, the school list, `checkCatchUpWindow`) into the
 * `EvaluationTriggerConfig` the operation runs on.
 */
import { INodeProperties, ITriggerFunctions } from 'n8n-workflow';

import { DEFAULT_TIME_ZONE } from '../../../domain/primitives/dates';
import { assertValidZone } from '../../../domain/evaluation/schedule';
import {
	AgendaLanguage,
	checkCatchUpWindow,
	EvaluationTriggerConfig,
	makeMomentSpec,
	MomentId,
	momentsOfYear,
	holidayDays,
	parseSchoolList,
	SchoolInput,
	validateSchedule,
} from '../../../domain/evaluation';
import { configurationError } from '../../shared/errors';
import { calendarTimeZoneOption } from '../../shared/input';
import { languageProperty } from '../../shared/language.description';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const MAANDEN = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];

const monthOptions = MONTHS.map((name, i) => ({ name, value: i + 1, description: `${name} (${MAANDEN[i]})` }));

function momentProperties(which: 'first' | 'second', month: number, day: number, hint: string): INodeProperties[] {
	const label = which === 'first' ? 'First Moment' : 'Second Moment';
	return [
		{
			displayName: `${label} Month`,
			name: `${which}MomentMonth`,
			type: 'options',
			options: monthOptions,
			default: month,
			description: `Month of the ${which} evaluation moment each year (${hint})`,
		},
		{
			displayName: `${label} Day`,
			name: `${which}MomentDay`,
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 31, numberPrecision: 0 },
			default: day,
			description: 'Day of the month. 29 February becomes 28 February in years without it.',
		},
		{
			displayName: `${label} Time`,
			name: `${which}MomentTime`,
			type: 'string',
			default: '09:00',
			placeholder: 'HH:mm',
			description: "Local time (24-hour HH:mm) in the workflow's time zone (Workflow settings → Timezone); stays the same wall-clock time in summer and winter",
		},
	];
}

/** The parameters of the trigger's one operation (it has no Operation selector). */
export const description: INodeProperties[] = [
	{
		displayName:
			'Fires twice a year per school for the evaluation of collective youth care with the zorgteam (kernbepaling 11), exactly once per moment — also after a restart. Manual runs show the most recent moment, marked as a test.',
		name: 'notice',
		type: 'notice',
		default: '',
		description: 'About this trigger',
	},
	...momentProperties('first', 2, 1, 'default: 1 February, halfway through the school year'),
	...momentProperties('second', 6, 15, 'default: 15 June, before the summer holiday'),
	{
		displayName: 'Annual Report Moment',
		name: 'annualReportMoment',
		type: 'options',
		options: [
			{ name: 'First Moment', value: 'first', description: 'The first moment also owes the yearly report (jaarrapportage) to the municipality' },
			{ name: 'Second Moment', value: 'second', description: 'The second moment also owes the yearly report (jaarrapportage) to the municipality' },
		],
		default: 'second',
		description: 'Which of the two moments also owes the provider\'s yearly report to the municipality (the annualReport flag on the output)',
	},
	{
		displayName: 'Move to Next Working Day',
		name: 'moveToWorkingDay',
		type: 'boolean',
		default: true,
		description: 'Whether a moment that falls on a Saturday, Sunday or holiday moves to the next working day',
	},
	{
		displayName: 'Skip Dutch Public Holidays',
		name: 'skipPublicHolidays',
		type: 'boolean',
		default: true,
		displayOptions: { show: { moveToWorkingDay: [true] } },
		description: 'Whether Nieuwjaarsdag, Pasen, Koningsdag, Hemelvaartsdag, Pinksteren and Kerst also count as days off (Goede Vrijdag and 5 May do not; add them below if they are)',
	},
	{
		displayName: 'Holidays',
		name: 'holidays',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		placeholder: 'e.g. 2026-02-14..2026-02-22, 2026-07-18..2026-08-30',
		displayOptions: { show: { moveToWorkingDay: [true] } },
		description: 'More days off: dates and ranges (first..last) separated by commas or new lines, e.g. school holidays (schoolvakanties) or study days',
	},
	{
		displayName: 'Catch-Up Window (Days)',
		name: 'catchUpWindowDays',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: 90, numberPrecision: 0 },
		default: 7,
		description: 'When n8n was down or the workflow inactive at a moment, fire the missed moment once when it starts again within this many days. 0 = never catch up.',
	},
	{
		displayName: 'Schools',
		name: 'schools',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: 'Add School',
		default: {},
		description: 'The schools to evaluate; each gets its own item per moment. Leave empty for one item per moment.',
		options: [
			{
				displayName: 'School',
				name: 'school',
				values: [
					{ displayName: 'School Name', name: 'name', type: 'string', default: '', description: 'Name of the school, as shown in the agenda' },
					{ displayName: 'BRIN', name: 'brin', type: 'string', default: '', placeholder: '12AB', description: 'BRIN code of the school (with location number if needed, e.g. 12AB01); required and unique. A location listed beside its school gets its own evaluation; an empty row is skipped.' },
					{ displayName: 'Zorgteam Email', name: 'zorgteamEmail', type: 'string', default: '', placeholder: 'zorgteam@school.nl', description: 'Address(es) of the school\'s zorgteam, where the evaluation agenda goes; several separated by ";" or ","' },
					{ displayName: 'Provider', name: 'provider', type: 'string', default: '', description: 'The youth care provider (jeugdhulpaanbieder) that leads the evaluation at this school' },
				],
			},
		],
	},
	{
		...calendarTimeZoneOption,
		description:
			'Time zone of the moments\' wall-clock times and calendar days. Empty: Europe/Amsterdam, whatever the time zone of the workflow or the n8n instance.',
	},
	languageProperty({
		displayName: 'Agenda Language',
		description: 'Language of the agenda text on the output',
		dutch: 'Nederlands, for zorgteams and providers',
	}),
];

/**
 * The zone of the moments: Europe/Amsterdam unless the node's "Calendar Time Zone" names another
 * (issue 15 §1) — never silently the workflow's or instance's zone. Each emitted item names it (`timeZone`).
 */
function calendarZone(ctx: ITriggerFunctions): string {
	const chosen = String(ctx.getNodeParameter('calendarTimeZone', '') ?? '').trim();
	if (chosen !== '') assertValidZone(chosen, 'Calendar Time Zone');
	return chosen || DEFAULT_TIME_ZONE;
}

function momentSpec(ctx: ITriggerFunctions, which: MomentId) {
	const label = which === 'first' ? 'First Moment' : 'Second Moment';
	return makeMomentSpec(
		which,
		ctx.getNodeParameter(`${which}MomentMonth`, which === 'first' ? 2 : 6),
		ctx.getNodeParameter(`${which}MomentDay`, which === 'first' ? 1 : 15),
		ctx.getNodeParameter(`${which}MomentTime`, '09:00'),
		{ month: `${label} Month`, day: `${label} Day`, time: `${label} Time` },
	);
}

/**
 * Read and validate all parameters into the core's configuration; errors name the parameter and say how to fix it.
 * @param now the moment of reading (this year's and next year's moments are computed, so a bad holiday list fails at activation)
 * @throws NodeOperationError (configuration) when a parameter is wrong
 */
export function readWatchMomentsSettings(ctx: ITriggerFunctions, now: number): EvaluationTriggerConfig {
	try {
		const shift = ctx.getNodeParameter('moveToWorkingDay', true) as boolean;
		const schedule = validateSchedule({
			moments: [momentSpec(ctx, 'first'), momentSpec(ctx, 'second')],
			zone: calendarZone(ctx),
			shiftToWorkingDay: shift,
			holidays: shift ? holidayDays(ctx.getNodeParameter('holidays', ''), 'Holidays') : new Set(),
			dutchPublicHolidays: shift && (ctx.getNodeParameter('skipPublicHolidays', true) as boolean),
			annualReportMoment: ctx.getNodeParameter('annualReportMoment', 'second') as MomentId,
		});
		// compute this year's and next year's moments now, so a holiday list without working days fails at activation
		const year = new Date(now).getUTCFullYear();
		momentsOfYear(schedule, year);
		momentsOfYear(schedule, year + 1);
		const rows = (ctx.getNodeParameter('schools', {}) as { school?: SchoolInput[] }).school ?? [];
		const catchUp = checkCatchUpWindow(ctx.getNodeParameter('catchUpWindowDays', 7));
		const list = parseSchoolList(rows);
		return {
			schedule,
			schools: list.schools,
			blankSchoolEntries: list.blankEntries,
			language: (ctx.getNodeParameter('language', 'nl') as AgendaLanguage) === 'en' ? 'en' : 'nl',
			catchUpWindowDays: catchUp,
		};
	} catch (error) {
		throw configurationError(ctx.getNode(), error);
	}
}
