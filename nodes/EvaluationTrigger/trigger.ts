/**
 * The trigger adapter: read the parameters, register the cron, and let the pure core
 * (domain/evaluation) decide on every tick and at start whether a moment is owed.
 *
 * - Production (activation, n8n start, leadership change): start watching, fire a missed moment
 *   once if it is within the catch-up window, then check on every hourly tick.
 * - Manual run: emit what the most recent moment emitted, marked as a test; the production record
 *   in static data is never touched.
 */
import {
	CronExpression,
	IDataObject,
	ITriggerFunctions,
	ITriggerResponse,
	NodeOperationError,
} from 'n8n-workflow';

import { DateTime } from 'luxon';

import { DEFAULT_TIME_ZONE } from '../../domain/dates';
import { DomainError } from '../../domain/errors';
import { assertValidZone } from '../../domain/evaluation/schedule';
import {
	activate,
	AgendaLanguage,
	checkMoment,
	CheckResult,
	cronExpressions,
	EvaluationItem,
	EvaluationTriggerConfig,
	FiredRecord,
	makeMomentSpec,
	manualTestItems,
	MomentId,
	momentsOfYear,
	parseHolidayList,
	parseSchools,
	readRecord,
	SchoolInput,
	validateSchedule,
} from '../../domain/evaluation';

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
			holidays: shift ? parseHolidayList(ctx.getNodeParameter('holidays', ''), 'Holidays') : new Set(),
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
		return {
			schedule,
			schools: parseSchools(rows),
			language: (ctx.getNodeParameter('language', 'nl') as AgendaLanguage) === 'en' ? 'en' : 'nl',
			catchUpWindowDays: catchUp,
		};
	} catch (error) {
		if (error instanceof DomainError) {
			throw new NodeOperationError(ctx.getNode(), error.message, { description: error.hint });
		}
		throw new NodeOperationError(ctx.getNode(), error instanceof Error ? error : new Error(String(error)));
	}
}

function toItems(items: EvaluationItem[]) {
	return items.map((json) => ({ json: json as unknown as IDataObject }));
}

export async function evaluationTrigger(this: ITriggerFunctions): Promise<ITriggerResponse> {
	const config = readConfig(this, Date.now());

	if (this.getMode() === 'manual') {
		const manualTriggerFunction = async () => {
			this.emit([toItems(manualTestItems(config, Date.now()))]);
		};
		return { manualTriggerFunction };
	}

	const staticData = this.getWorkflowStaticData('node');
	const apply = (step: (record: FiredRecord) => CheckResult) => {
		const before = readRecord(staticData[STATIC_DATA_KEY]);
		const result = step(before);
		// Record before emitting: n8n saves static data when a trigger emits, and a second check
		// (a tick right after a restart) must find the keys already taken.
		if (result.record !== before) staticData[STATIC_DATA_KEY] = result.record as unknown as IDataObject;
		if (result.items.length > 0) this.emit([toItems(result.items)]);
	};
	const onTick = (scheduled?: Date) => {
		const now = scheduled instanceof Date && !Number.isNaN(scheduled.getTime()) ? scheduled.getTime() : Date.now();
		try {
			apply((record) => checkMoment(config, record, now));
		} catch (error) {
			this.emitError(error instanceof Error ? error : new Error(String(error)));
		}
	};

	// n8n runs the cron in the workflow's zone; the moments are in the calendar zone (Amsterdam by default).
	const now = DateTime.fromMillis(Date.now());
	const shift = now.setZone(this.getTimezone()).offset - now.setZone(config.schedule.zone).offset;
	for (const expression of cronExpressions(config.schedule, shift)) {
		this.helpers.registerCron({ expression: expression as CronExpression }, onTick);
	}
	// At start (activation, n8n restart): begin watching and catch up a missed moment once.
	apply((record) => activate(config, record, Date.now()));

	return {};
}
