/**
 * "Exactly once per moment": which schools an evaluation moment still owes, given the clock
 * reading and what was already fired (a record the node keeps in workflow static data).
 *
 * - A moment fires for a school once, under the key `<BRIN or 'all'>:<configured date>`.
 * - On time: the cron tick at the moment (or up to ON_TIME_TOLERANCE_MS after it).
 * - Catch-up: when n8n was down or the workflow inactive at the moment, the most recent moment
 *   fires once when the trigger next starts or ticks, if that is within the catch-up window and the
 *   trigger was already watching before the moment (a workflow first activated after a moment did
 *   not miss it). Older moments are never fired: their period is superseded.
 *
 * Pure: the record goes in and a new record comes out.
 */
import { createHash } from 'crypto';

import { CalendarDate, parseCalendarDate } from '../primitives/dates';
import { DomainError } from '../primitives/errors';
import { EvaluationSchedule, Moment, momentKey, previousMoment } from './schedule';

export interface FiredRecord {
	/** When the trigger first started watching (epoch ms); moments before it are never caught up. */
	watchingSince?: number;
	/** Dedup key → when it fired (epoch ms). */
	fired: Record<string, number>;
}

export const EMPTY_RECORD: FiredRecord = { fired: {} };

/** A cron tick may run a little late; within this tolerance it still counts as "on time". */
export const ON_TIME_TOLERANCE_MS = 15 * 60 * 1000;
/** Largest catch-up window accepted (the record keeps keys far longer than this). */
export const MAX_CATCH_UP_DAYS = 90;
/** Keys of moments older than this are dropped from the record. */
export const RECORD_RETENTION_DAYS = 3 * 366;
/** Hard cap on the number of keys kept (oldest dropped first). */
export const RECORD_MAX_KEYS = 5000;

const DAY_MS = 24 * 60 * 60 * 1000;

/** The key that makes a moment fire once per school: `<school key>:<moment key>` (school key = BRIN, or `all` without a school list). */
export function dedupKey(schoolKey: string, moment: Moment): string {
	return `${schoolKey}:${momentKey(moment)}`;
}

export type FireKind = 'onTime' | 'catchUp';

export type SkipReason =
	| 'allFired'
	| 'outsideCatchUpWindow'
	| 'beforeWatching';

export interface FiringDecision {
	/** The most recent moment at or before now. */
	moment: Moment;
	/** The school keys to fire now (empty: nothing to do). */
	fire: string[];
	kind: FireKind;
	/** Why nothing fires, when `fire` is empty. */
	skipped?: SkipReason;
	/** How late `now` is after the moment, in ms (0 at the moment itself). */
	lateByMs: number;
}

export interface DecideInput {
	schedule: EvaluationSchedule;
	now: number;
	/** The schools' keys (BRIN codes, or ['all']). */
	schoolKeys: string[];
	record: FiredRecord;
	catchUpWindowDays: number;
}

/**
 * The catch-up window a user gives ("Catch-Up Window (Days)"): a number of days of 0 or more (longer than
 * MAX_CATCH_UP_DAYS counts as that many when deciding).
 * @throws DomainError `invalid_catch_up` naming the parameter
 */
export function checkCatchUpWindow(days: unknown): number {
	if (typeof days !== 'number' || !Number.isFinite(days) || days < 0) {
		throw new DomainError('invalid_catch_up', '"Catch-Up Window (Days)" must be 0 or more', {
			field: 'Catch-Up Window (Days)',
			hint: 'Enter a number of days from 0 (never catch up) to 90.',
		});
	}
	return days;
}

/** Decide which schools the most recent moment still owes now. */
export function decideFiring(input: DecideInput): FiringDecision {
	const { schedule, now, schoolKeys, record } = input;
	const moment = previousMoment(schedule, now);
	const lateByMs = now - moment.instant;
	const kind: FireKind = lateByMs <= ON_TIME_TOLERANCE_MS ? 'onTime' : 'catchUp';
	const windowMs = Math.max(ON_TIME_TOLERANCE_MS, Math.min(input.catchUpWindowDays, MAX_CATCH_UP_DAYS) * DAY_MS);
	const base = { moment, kind, lateByMs };
	if (lateByMs > windowMs) return { ...base, fire: [], skipped: 'outsideCatchUpWindow' };
	// A catch-up needs proof that we were watching before the moment; an on-time tick does not.
	if (kind === 'catchUp' && (record.watchingSince === undefined || record.watchingSince > moment.instant)) {
		return { ...base, fire: [], skipped: 'beforeWatching' };
	}
	const fire = schoolKeys.filter((k) => record.fired[dedupKey(k, moment)] === undefined);
	return fire.length ? { ...base, fire } : { ...base, fire: [], skipped: 'allFired' };
}

/** The record with `watchingSince` set, if it was not yet. */
export function startWatching(record: FiredRecord, now: number): FiredRecord {
	return record.watchingSince === undefined ? { ...record, watchingSince: now } : record;
}

function keyDate(key: string): CalendarDate | undefined {
	const iso = key.slice(key.lastIndexOf(':') + 1);
	try {
		return parseCalendarDate(iso, 'key');
	} catch {
		return undefined;
	}
}

/** The record with the keys marked as fired at `now`, pruned to the retention period and key cap. */
export function markFired(record: FiredRecord, keys: string[], now: number, today: CalendarDate): FiredRecord {
	const fired: Record<string, number> = { ...record.fired };
	for (const k of keys) fired[k] = now;
	const oldest = today - RECORD_RETENTION_DAYS;
	let entries = Object.entries(fired).filter(([k]) => {
		const d = keyDate(k);
		return d === undefined || d >= oldest;
	});
	if (entries.length > RECORD_MAX_KEYS) {
		entries = entries.sort((a, b) => a[1] - b[1]).slice(entries.length - RECORD_MAX_KEYS);
	}
	return { ...record, fired: Object.fromEntries(entries) };
}

/** Read a record from static data defensively (an older or hand-edited shape gives a clean record). */
export function readRecord(value: unknown): FiredRecord {
	if (value === null || typeof value !== 'object') return { fired: {} };
	const v = value as { watchingSince?: unknown; fired?: unknown };
	const fired: Record<string, number> = {};
	if (v.fired && typeof v.fired === 'object') {
		for (const [k, t] of Object.entries(v.fired as Record<string, unknown>)) {
			if (typeof t === 'number' && Number.isFinite(t)) fired[k] = t;
		}
	}
	return typeof v.watchingSince === 'number' && Number.isFinite(v.watchingSince)
		? { watchingSince: v.watchingSince, fired }
		: { fired };
}

/**
 * The execution key n8n stores with the evaluation's execution (`emit(..., deduplicationKey)`,
 * n8n ≥ 2.41): n8n refuses a second execution with the same key (a unique index on its executions
 * table, in SQLite and PostgreSQL alike), so a moment fired for the same schools can never run twice
 * — even when the "fired" record in static data was lost (a queue-mode worker saving the workflow's
 * static data over it, a restart before it was saved). Holds while n8n keeps that execution (its
 * execution pruning, 14 days by default). `attempt` counts deliberate retries (1 = first run).
 * Shape: `jeugdhulp-evaluation:<32 hex>:<attempt>` (hash of workflow, node and the fired dedup keys; no personal data).
 */
export function evaluationExecutionKey(workflowId: string, nodeId: string, firedKeys: string[], attempt = 1): string {
	const digest = createHash('sha256')
		.update([workflowId, nodeId, ...[...firedKeys].sort()].join('\n'))
		.digest('hex')
		.slice(0, 32);
	return `jeugdhulp-evaluation:${digest}:${attempt}`;
}

/*
 * Effectively-once with the shared memory (issues 10 and 23): the trigger writes a `fired` row per school
 * key before it starts the execution and a `done` row when n8n reports the execution succeeded. What a
 * key fired and not done still needs (wait, retry once, give up) is decided in runs.ts (`decideRun`).
 * n8n's deduplication key (evaluationExecutionKey, with the attempt number) makes n8n itself refuse a
 * second execution of the same attempt.
 */

/** One row of the evaluation memory (Data Table `jeugdhulp_evaluation_moments`). */
export interface MomentEvent {
	/** Assigned by the database, increasing in insertion order. */
	id: number;
	/** `<BRIN or 'all'>:<configured date>` (dedupKey). */
	key: string;
	/**
	 * `fired`: an attempt was claimed; `done`: it finished; `emitting`: the attempt is about to start an
	 * execution under n8n's deduplication key `executionKey`; `started`: n8n's execution id of the attempt (runs.ts).
	 */
	event: 'fired' | 'done' | 'emitting' | 'started';
	/** 1 for the first run, 2 for the one retry. */
	attempt: number;
	/** n8n's execution id (`started` events only). */
	execution?: string;
	/** The deduplication key the attempt's execution carries in n8n (`emitting` events only; evaluationExecutionKey). */
	executionKey?: string;
}

/** The retry budget: a moment runs at most this many times when its runs never finish. */
export const MAX_ATTEMPTS = 2;

/** Per key: the attempts fired and whether one finished. */
function summarise(events: MomentEvent[]): Map<string, { attempts: Set<number>; done: boolean }> {
	const byKey = new Map<string, { attempts: Set<number>; done: boolean }>();
	for (const e of events) {
		const s = byKey.get(e.key) ?? { attempts: new Set<number>(), done: false };
		if (e.event === 'done') s.done = true;
		else if (e.event === 'fired') s.attempts.add(e.attempt);
		byKey.set(e.key, s);
	}
	return byKey;
}

/**
 * The record to decide with: the static-data record plus every key the shared memory saw fired,
 * except `retry` (keys to fire again now).
 */
export function mergeRecord(record: FiredRecord, events: MomentEvent[], retry: string[] = []): FiredRecord {
	const fired: Record<string, number> = { ...record.fired };
	for (const e of events) if (e.event === 'fired' && fired[e.key] === undefined) fired[e.key] = 0;
	for (const key of retry) delete fired[key];
	return { ...record, fired };
}

/** The attempt number of the next run of these keys (1 + the most attempts any of them had). */
export function nextAttempt(events: MomentEvent[], keys: string[]): number {
	const summary = summarise(events);
	return 1 + Math.max(0, ...keys.map((k) => summary.get(k)?.attempts.size ?? 0));
}

/**
 * Which of this trigger's `fired` claims (rows it just inserted) won: a claim loses when a lower
 * row fired the same key with the same attempt (another main instance got there first).
 */
export function wonFiring(mine: MomentEvent[], events: MomentEvent[]): string[] {
	return mine
		.filter((c) => !events.some((e) => e.event === 'fired' && e.key === c.key && e.attempt === c.attempt && e.id < c.id))
		.filter((c) => events.some((e) => e.id === c.id))
		.map((c) => c.key);
}
