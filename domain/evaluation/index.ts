/**
 * Semiannual evaluation trigger — the pure core (DOMAIN.md §3; S1 kernbepaling 11; S3).
 *
 * The node registers a cron that ticks every hour at the configured minutes and, on every tick and
 * when it starts, asks `checkMoment` whether a moment is owed now. The core alone decides, so moved
 * (weekend/holiday) moments, DST changes and catch-up after an outage all follow one rule.
 */
import { today } from '../primitives/dates';
import { AgendaLanguage } from './agenda';
import { decideFiring, FiredRecord, FiringDecision, markFired, startWatching } from './firing';
import { buildEvaluationItems, EvaluationItem, schoolKeysOf } from './items';
import { EvaluationSchedule, previousMoment } from './schedule';
import { School } from './schools';

export * from './agenda';
export * from './firing';
export * from './holidays';
export * from './items';
export * from './runs';
export * from './schedule';
export * from './schools';

export interface EvaluationTriggerConfig {
	schedule: EvaluationSchedule;
	/** Empty: no list given, one evaluation for everything. */
	schools: School[];
	/** School entries left completely empty (skipped, issue 11 §2); carried on every emitted item. */
	blankSchoolEntries?: number;
	language: AgendaLanguage;
	catchUpWindowDays: number;
}

export interface CheckResult {
	decision: FiringDecision;
	/** The items to emit (empty: emit nothing). */
	items: EvaluationItem[];
	/** The record to store (the same object when nothing changed). */
	record: FiredRecord;
}

/**
 * One check of the clock: on a cron tick or when the trigger starts (activation, n8n restart).
 * Returns the items owed now and the updated record; fired keys are recorded before emitting, so
 * a second check for the same moment finds them and emits nothing.
 */
export function checkMoment(config: EvaluationTriggerConfig, record: FiredRecord, now: number): CheckResult {
	const decision = decideFiring({
		schedule: config.schedule,
		now,
		schoolKeys: schoolKeysOf(config.schools),
		record,
		catchUpWindowDays: config.catchUpWindowDays,
	});
	if (decision.fire.length === 0) return { decision, items: [], record };
	const items = buildEvaluationItems({
		schedule: config.schedule,
		moment: decision.moment,
		schools: config.schools,
		blankSchoolEntries: config.blankSchoolEntries ?? 0,
		onlyKeys: decision.fire,
		language: config.language,
		trigger: decision.kind,
		now,
	});
	const keys = items.map((i) => i.dedupKey);
	return { decision, items, record: markFired(record, keys, now, today(now, config.schedule.zone)) };
}

/** What happens when the trigger starts: start watching (first time only), then check. */
export function activate(config: EvaluationTriggerConfig, record: FiredRecord, now: number): CheckResult {
	return checkMoment(config, startWatching(record, now), now);
}

/** A manual test run: what the most recent moment emitted (or would have), marked as a test. Records nothing. */
export function manualTestItems(config: EvaluationTriggerConfig, now: number): EvaluationItem[] {
	return buildEvaluationItems({
		schedule: config.schedule,
		moment: previousMoment(config.schedule, now),
		schools: config.schools,
		blankSchoolEntries: config.blankSchoolEntries ?? 0,
		language: config.language,
		trigger: 'manualTest',
		now,
	});
}

/**
 * The cron expressions (6 fields, seconds first) the node registers: every hour at each configured
 * minute. Hourly rather than daily, so a moment whose local time falls in a DST gap, or that a
 * holiday moved, is still met by a tick at (or right after) its instant.
 *
 * @param cronZoneShiftMinutes how far (in minutes) the cron's zone (the workflow's) is ahead of the
 *   schedule's zone; only its remainder modulo 60 matters (e.g. 270 for Asia/Kolkata against Amsterdam in
 *   winter → the ticks run at :30 Kolkata time, which is :00 in Amsterdam)
 */
export function cronExpressions(schedule: EvaluationSchedule, cronZoneShiftMinutes = 0): string[] {
	const shift = ((cronZoneShiftMinutes % 60) + 60) % 60;
	const minutes = [...new Set(schedule.moments.map((m) => (m.minute + shift) % 60))].sort((a, b) => a - b);
	return [`0 ${minutes.join(',')} * * * *`];
}
