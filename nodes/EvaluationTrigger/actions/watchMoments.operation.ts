/**
 * The trigger's one operation ("watch moments"): read the parameters, register the cron, and let the pure core
 * (domain/evaluation) decide on every tick and at start whether a moment is owed.
 *
 * - Production (activation, n8n start, leadership change): start watching, fire a missed moment
 *   once if it is within the catch-up window, then check on every hourly tick.
 * - Manual run: emit what the most recent moment emitted, marked as a test; the production record
 *   in static data is never touched.
 * - Every emit carries n8n's deduplication key (domain `evaluationExecutionKey`): n8n itself refuses a
 *   second execution of the same moment, schools and attempt.
 * - With the "Jeugdhulp Shared Memory API" credential, fired and finished moments are also kept
 *   in the Data Table `jeugdhulp_evaluation_moments`: a moment is done only when its execution
 *   finished; one killed midway is retried once at the next activation, never twice.
 */
import {
	CronExpression,
	IDataObject,
	INodeProperties,
	IRun,
	ITriggerFunctions,
	ITriggerResponse,
	NodeOperationError,
} from 'n8n-workflow';

import { DateTime } from 'luxon';

import { DEFAULT_TIME_ZONE } from '../../../domain/primitives/dates';
import { DomainError } from '../../../domain/primitives/errors';
import { assertValidZone } from '../../../domain/evaluation/schedule';
import {
	activate,
	AgendaLanguage,
	checkMoment,
	CheckResult,
	cronExpressions,
	EvaluationItem,
	EvaluationTriggerConfig,
	evaluationExecutionKey,
	FiredRecord,
	keysToRetry,
	makeMomentSpec,
	mergeRecord,
	MomentEvent,
	nextAttempt,
	wonFiring,
	manualTestItems,
	MomentId,
	momentsOfYear,
	holidayDays,
	parseSchoolList,
	readRecord,
	SchoolInput,
	validateSchedule,
} from '../../../domain/evaluation';
import { configurationError } from '../../shared/errors';
import { calendarTimeZoneOption } from '../../shared/input';
import { hasSharedMemory, isSharedMemoryError, SharedTable, StoredRow, TableSpec } from '../../shared/store';
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

/** The Data Table of fired evaluation moments (with the shared-memory credential): BRIN codes and dates only. */
export const MOMENTS_TABLE: TableSpec = {
	name: 'jeugdhulp_evaluation_moments',
	columns: [
		{ name: 'scope', type: 'string' },
		{ name: 'key', type: 'string' },
		{ name: 'event', type: 'string' },
		{ name: 'attempt', type: 'number' },
	],
};

/**
 * Keys whose execution this n8n process started and that have not finished yet (`<scope>|<key>`).
 * A re-activation in the same process (unpublish/publish, a settings change) must not retry them;
 * after a restart the set is empty, so a run that died with the process is retried once.
 */
const inFlight = new Set<string>();

function toEvent(row: StoredRow): MomentEvent {
	return { id: row.id, key: String(row.key), event: row.event === 'done' ? 'done' : 'fired', attempt: Number(row.attempt) || 1 };
}

/** The key under the node's static data that holds the "already fired" record. */
export const STATIC_DATA_KEY = 'evaluationRecord';

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

/** Read and validate all parameters; errors name the parameter and say how to fix it. */
export function readConfig(ctx: ITriggerFunctions, now: number): EvaluationTriggerConfig {
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
		const catchUp = ctx.getNodeParameter('catchUpWindowDays', 7) as number;
		if (typeof catchUp !== 'number' || !Number.isFinite(catchUp) || catchUp < 0) {
			throw new DomainError('invalid_catch_up', '"Catch-Up Window (Days)" must be 0 or more', {
				field: 'Catch-Up Window (Days)',
				hint: 'Enter a number of days from 0 (never catch up) to 90.',
			});
		}
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

function toItems(items: EvaluationItem[]) {
	return items.map((json) => ({ json: json as unknown as IDataObject }));
}

/** Start watching (production) or prepare the manual test emit; what the node's `trigger()` returns. */
export async function execute(ctx: ITriggerFunctions): Promise<ITriggerResponse> {
	const config = readConfig(ctx, Date.now());

	if (ctx.getMode() === 'manual') {
		const manualTriggerFunction = async () => {
			ctx.emit([toItems(manualTestItems(config, Date.now()))]);
		};
		return { manualTriggerFunction };
	}

	const staticData = ctx.getWorkflowStaticData('node');
	const workflowId = ctx.getWorkflow().id ?? '';
	const nodeId = ctx.getNode().id;
	// With the shared memory: fired and finished moments in n8n's Data Tables, a run killed midway retried once.
	const table = hasSharedMemory(ctx) ? await SharedTable.open(ctx, MOMENTS_TABLE) : undefined;
	const scope = `${workflowId}:${nodeId}`;
	const events = async () => (table ? (await table.rows({ scope })).map(toEvent) : []);

	/** Without the shared memory: the record in static data only (synchronous, as before). */
	const applyLocal = (step: (record: FiredRecord) => CheckResult) => {
		const before = readRecord(staticData[STATIC_DATA_KEY]);
		const result = step(before);
		// Record before emitting: n8n saves static data when a trigger emits, and a second check
		// (a tick right after a restart) must find the keys already taken.
		if (result.record !== before) staticData[STATIC_DATA_KEY] = result.record as unknown as IDataObject;
		if (result.items.length === 0) return;
		// n8n refuses a second execution with the same key: the moment runs once even if this record is lost.
		const key = evaluationExecutionKey(workflowId, nodeId, result.items.map((i) => i.dedupKey));
		ctx.emit([toItems(result.items)], undefined, undefined, key);
	};

	/** With the shared memory: claim `fired` rows, emit, write `done` rows when the execution finished. */
	const applyShared = async (shared: SharedTable, step: (record: FiredRecord) => CheckResult, retry: (seen: MomentEvent[]) => string[]) => {
		const seen = await events();
		const result = step(mergeRecord(readRecord(staticData[STATIC_DATA_KEY]), seen, retry(seen)));
		staticData[STATIC_DATA_KEY] = result.record as unknown as IDataObject;
		if (result.items.length === 0) return;
		const attempt = nextAttempt(seen, result.items.map((i) => i.dedupKey));
		const mine = (await shared.insert(result.items.map((i) => ({ scope, key: i.dedupKey, event: 'fired', attempt })))).map(toEvent);
		const won = new Set(wonFiring(mine, await events()));
		const items = result.items.filter((i) => won.has(i.dedupKey));
		if (items.length === 0) return;
		const firedKeys = items.map((i) => i.dedupKey);
		const done = ctx.helpers.createDeferredPromise<IRun>();
		for (const key of firedKeys) inFlight.add(`${scope}|${key}`);
		ctx.emit([toItems(items)], undefined, done, evaluationExecutionKey(workflowId, nodeId, firedKeys, attempt));
		void done.promise
			.then(async (run) => {
				// undefined: n8n refused the execution as a duplicate (that attempt ran before)
				if (run) await shared.insert(firedKeys.map((key) => ({ scope, key, event: 'done', attempt })));
			})
			.catch(() => undefined) // not finished: retried once at the next activation after a restart
			.finally(() => {
				for (const key of firedKeys) inFlight.delete(`${scope}|${key}`);
			});
	};

	// one check at a time (a tick may come while the activation's check still talks to the store)
	let queue: Promise<void> = Promise.resolve();
	const check = (step: (record: FiredRecord) => CheckResult, retry: (seen: MomentEvent[]) => string[] = () => []): Promise<void> => {
		if (!table) {
			applyLocal(step);
			return Promise.resolve();
		}
		const run = () => applyShared(table, step, retry);
		queue = queue.then(run, run);
		return queue;
	};
	const onTick = (scheduled?: Date) => {
		const now = scheduled instanceof Date && !Number.isNaN(scheduled.getTime()) ? scheduled.getTime() : Date.now();
		const fail = (error: unknown) => {
			if (isSharedMemoryError(error)) {
				// the store did not answer: record a failed execution, stay active; the next hourly tick
				// catches the moment up (nothing was fired, nothing is lost)
				try {
					ctx.saveFailedExecution(error as NodeOperationError);
					return;
				} catch {
					// older n8n without saveFailedExecution: fall through
				}
			}
			ctx.emitError(error instanceof Error ? error : new Error(String(error)));
		};
		try {
			check((record) => checkMoment(config, record, now)).catch(fail);
		} catch (error) {
			fail(error);
		}
	};

	// n8n runs the cron in the workflow's zone; the moments are in the calendar zone (Amsterdam by default).
	const now = DateTime.fromMillis(Date.now());
	const shift = now.setZone(ctx.getTimezone()).offset - now.setZone(config.schedule.zone).offset;
	for (const expression of cronExpressions(config.schedule, shift)) {
		ctx.helpers.registerCron({ expression: expression as CronExpression }, onTick);
	}
	// At start (activation, n8n restart): begin watching, catch up a missed moment once, and retry
	// once a moment whose run never finished (shared memory only).
	await check(
		(record) => activate(config, record, Date.now()),
		(seen) => keysToRetry(seen).filter((key) => !inFlight.has(`${scope}|${key}`)),
	);

	return {};
}
