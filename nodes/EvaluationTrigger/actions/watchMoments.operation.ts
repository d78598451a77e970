/**
 * The trigger's one operation ("watch moments"): settings (watchMoments.settings.ts), register the cron, and let the pure core
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
	IRun,
	ITriggerFunctions,
	ITriggerResponse,
	NodeOperationError,
	sleep,
} from 'n8n-workflow';

import { DateTime } from 'luxon';

import {
	activate,
	checkMoment,
	Claim,
	claims,
	decideRun,
	ExecutionObservation,
	findExecution,
	mailSent,
	observeStatus,
	RunDecision,
	CheckResult,
	cronExpressions,
	EvaluationItem,
	evaluationExecutionKey,
	FiredRecord,
	mergeRecord,
	MomentEvent,
	nextAttempt,
	wonFiring,
	manualTestItems,
	readRecord,
} from '../../../domain/evaluation';
import { ExecutionSummary, N8nExecutions } from '../../shared/executions';
import { hasSharedMemory, isSharedMemoryError, SharedTable, StoredRow, TableSpec } from '../../shared/store';
import { readWatchMomentsSettings } from './watchMoments.settings';

export { description } from './watchMoments.settings';

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
 * Which execution each attempt started (issue 23 part 3): an `emitting` row with n8n's deduplication
 * key of the execution (`executionKey`, a hash) written before the emit, and a `started` row with the
 * execution's id once the trigger found it. No school data beyond the moment's key.
 */
export const RUNS_TABLE: TableSpec = {
	name: 'jeugdhulp_evaluation_runs',
	columns: [...MOMENTS_TABLE.columns, { name: 'execution', type: 'string' }, { name: 'executionKey', type: 'string' }],
};

/** How often a watched execution is read while it runs; how often the trigger looks for the execution it just started. */
const WATCH_INTERVAL_MS = 5000;
const FIND_TRIES = 8;

/**
 * Keys whose execution an open activation in this n8n process started or watches (`<scope>|<key>`):
 * another activation open at the same time leaves them alone. Closing an activation (unpublish, a
 * settings change, shutdown) frees its keys: the next activation looks their executions up in n8n.
 */
const inFlight = new Set<string>();

function toEvent(row: StoredRow): MomentEvent {
	return { id: row.id, key: String(row.key), event: row.event === 'done' ? 'done' : 'fired', attempt: Number(row.attempt) || 1 };
}

function toRunEvent(row: StoredRow): MomentEvent {
	const event: MomentEvent = { id: row.id, key: String(row.key), event: row.event === 'started' ? 'started' : 'emitting', attempt: Number(row.attempt) || 1 };
	if (row.execution !== null && row.execution !== undefined && row.execution !== '') event.execution = String(row.execution);
	if (typeof row.executionKey === 'string' && row.executionKey !== '') event.executionKey = row.executionKey;
	return event;
}

/** The key under the node's static data that holds the "already fired" record. */
export const STATIC_DATA_KEY = 'evaluationRecord';

function toItems(items: EvaluationItem[]) {
	return items.map((json) => ({ json: json as unknown as IDataObject }));
}

/** Start watching (production) or prepare the manual test emit; what the node's `trigger()` returns. */
export async function execute(ctx: ITriggerFunctions): Promise<ITriggerResponse> {
	const config = readWatchMomentsSettings(ctx, Date.now());

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
	const runsTable = table ? await SharedTable.open(ctx, RUNS_TABLE) : undefined;
	const executions = table ? await N8nExecutions.open(ctx) : undefined;
	const scope = `${workflowId}:${nodeId}`;
	const events = async () => (table ? (await table.rows({ scope })).map(toEvent) : []);
	/** The moments' rows and the runs' rows together (claims() reads both). */
	const allEvents = async () => [...(await events()), ...(runsTable ? (await runsTable.rows({ scope })).map(toRunEvent) : [])];
	// n8n deletes a finished execution only when the workflow keeps no data of that outcome
	const failedRunsKept = ctx.getWorkflowSettings().saveDataErrorExecution !== 'none';
	const downstream = () => ctx.getChildNodes(ctx.getNode().name).map((n) => ({ name: n.name, type: n.type }));
	let closed = false;
	/** The keys this activation runs or watches (in the process-wide `inFlight`). */
	const running = new Set<string>();
	const busy = (keys: string[]) => keys.forEach((key) => (inFlight.add(`${scope}|${key}`), running.add(`${scope}|${key}`)));
	const free = (keys: string[]) => keys.forEach((key) => (inFlight.delete(`${scope}|${key}`), running.delete(`${scope}|${key}`)));

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

	/** What n8n says about an execution (its status, and whether its mail step ran). */
	const observe = async (execution: ExecutionSummary): Promise<ExecutionObservation> => {
		if (!executions) return { state: 'unknown' };
		let sent = false;
		if (['error', 'crashed', 'canceled', 'unknown'].includes(execution.status)) {
			sent = mailSent(downstream(), (execution.runData ? execution : await executions.get(execution.id, true))?.runData);
		}
		return observeStatus(execution.status, sent, execution.startedAt);
	};

	/** Carry out a decision for keys of one attempt: write `done`, watch, or fire the retry. */
	const carryOut = async (shared: SharedTable, keys: string[], attempt: number, decision: RunDecision, execution?: string) => {
		if (decision.action === 'markDone') await shared.insertMany(keys.map((key) => ({ scope, key, event: 'done', attempt })));
		else if (decision.action === 'retry') void check((record) => activate(config, record, Date.now()), () => keys);
		else if (decision.action === 'wait' && execution !== undefined) watch(shared, keys, attempt, execution);
		// giveUp: the retry budget is spent (two runs died without sending); nothing more fires
	};

	/** Read a running execution until it ends, then decide (a run left by a main instance that died). */
	const watch = (shared: SharedTable, keys: string[], attempt: number, execution: string) => {
		busy(keys);
		const loop = async () => {
			try {
				while (!closed && executions) {
					await sleep(WATCH_INTERVAL_MS);
					if (closed) return;
					const found = await executions.get(execution);
					const observed: ExecutionObservation = found ? await observe(found) : { state: 'gone' };
					if (observed.state === 'running' && decideRun({ attempts: attempt, done: false, observed, failedRunsKept, now: Date.now() }).action === 'wait') continue;
					free(keys);
					await carryOut(shared, keys, attempt, decideRun({ attempts: attempt, done: false, observed, failedRunsKept, now: Date.now() }));
					return;
				}
			} catch {
				// the store did not answer: the next activation looks again
			} finally {
				free(keys);
			}
		};
		void loop();
	};

	/** Find the execution an emit just started (by its deduplication key) and record its id. */
	const recordExecution = async (keys: string[], attempt: number, executionKey: string) => {
		if (!executions || !runsTable) return;
		for (let round = 0; round < FIND_TRIES && !closed; round++) {
			await sleep(250 * (round + 1));
			const found = await executions.byKey(workflowId, executionKey);
			if (found) {
				await runsTable.insertMany(keys.map((key) => ({ scope, key, event: 'started', attempt, execution: found.id })));
				return;
			}
		}
	};

	/** With the shared memory: claim `fired` rows, emit, write `done` rows when the execution really finished. */
	const applyShared = async (shared: SharedTable, step: (record: FiredRecord) => CheckResult, retry: (seen: MomentEvent[]) => Promise<string[]>) => {
		const seen = await events();
		const result = step(mergeRecord(readRecord(staticData[STATIC_DATA_KEY]), seen, await retry(await allEvents())));
		staticData[STATIC_DATA_KEY] = result.record as unknown as IDataObject;
		if (result.items.length === 0) return;
		const attempt = nextAttempt(seen, result.items.map((i) => i.dedupKey));
		const mine = (await shared.insert(result.items.map((i) => ({ scope, key: i.dedupKey, event: 'fired', attempt })))).map(toEvent);
		const won = new Set(wonFiring(mine, await events()));
		const items = result.items.filter((i) => won.has(i.dedupKey));
		if (items.length === 0) return;
		const firedKeys = items.map((i) => i.dedupKey);
		const executionKey = evaluationExecutionKey(workflowId, nodeId, firedKeys, attempt);
		// before the emit: the key n8n will list with the execution (found again after a restart)
		let recorded = false;
		if (executions && runsTable) {
			try {
				await runsTable.insert(firedKeys.map((key) => ({ scope, key, event: 'emitting', attempt, executionKey })));
				recorded = true;
			} catch {
				// the store did not take it: the retry rule of the store alone
			}
		}
		const done = ctx.helpers.createDeferredPromise<IRun>();
		busy(firedKeys);
		ctx.emit([toItems(items)], undefined, done, executionKey);
		if (recorded) void recordExecution(firedKeys, attempt, executionKey).catch(() => undefined);
		void done.promise
			.then(async (run) => {
				free(firedKeys);
				// deactivated meanwhile: the next activation looks the execution up in n8n instead
				if (closed) return;
				// undefined: n8n refused the execution as a duplicate (that attempt ran before)
				if (!run) return;
				let sent = mailSent(downstream(), run.data?.resultData?.runData);
				if (!sent && run.status !== 'success' && executions) {
					// queue mode hands the main instance a run without node data: read the execution itself
					const found = await executions.byKey(workflowId, executionKey).catch(() => undefined);
					const withData = found ? await executions.get(found.id, true).catch(() => undefined) : undefined;
					sent = mailSent(downstream(), withData?.runData);
				}
				const observed = observeStatus(run.status, sent);
				await carryOut(shared, firedKeys, attempt, decideRun({ attempts: attempt, done: false, observed, failedRunsKept, now: Date.now() }));
			})
			.catch(() => undefined) // not finished in this process: the next activation looks at n8n's execution
			.finally(() => {
				free(firedKeys);
			});
	};

	/**
	 * At activation: every key fired and not done, not run by this process, is looked up in n8n's
	 * executions — still running: watched, never fired again; finished: `done`; died without sending:
	 * retried once (the keys returned).
	 */
	const reconcile = async (shared: SharedTable, seen: MomentEvent[]): Promise<string[]> => {
		const open = claims(seen).filter((c) => !c.done && c.attempts > 0 && !inFlight.has(`${scope}|${c.key}`));
		if (open.length === 0) return [];
		let listed: ExecutionSummary[] | undefined;
		if (executions && open.some((c) => c.execution === undefined && c.executionKey !== undefined)) {
			try {
				listed = await executions.ofWorkflow(workflowId);
			} catch {
				listed = undefined; // an API key without the execution scopes: the retry rule of the store alone
			}
		}
		const retry: string[] = [];
		// keys of one attempt share one execution: decide once per attempt and execution
		const groups = new Map<string, Claim[]>();
		for (const c of open) {
			const group = `${c.attempts}|${c.execution ?? ''}|${c.executionKey ?? ''}`;
			groups.set(group, [...(groups.get(group) ?? []), c]);
		}
		for (const group of groups.values()) {
			const claim = group[0];
			const keys = group.map((c) => c.key);
			let observed: ExecutionObservation = { state: 'unknown' };
			let execution: string | undefined;
			try {
				if (executions && claim.execution !== undefined) {
					const found = await executions.get(claim.execution);
					observed = found ? await observe(found) : { state: 'gone' };
					execution = claim.execution;
				} else if (listed) {
					const found = findExecution(claim, listed);
					if (found) {
						observed = await observe(found);
						execution = found.id;
					}
				}
			} catch {
				observed = { state: 'unknown' }; // n8n's API did not answer: the retry rule of the store alone
			}
			const decision = decideRun({ attempts: claim.attempts, done: false, observed, failedRunsKept, now: Date.now() });
			if (decision.action === 'retry') retry.push(...keys);
			else await carryOut(shared, keys, claim.attempts, decision, execution);
		}
		return retry;
	};

	// one check at a time (a tick may come while the activation's check still talks to the store)
	let queue: Promise<void> = Promise.resolve();
	const check = (step: (record: FiredRecord) => CheckResult, retry: (seen: MomentEvent[]) => string[] | Promise<string[]> = () => []): Promise<void> => {
		if (!table) {
			applyLocal(step);
			return Promise.resolve();
		}
		const run = () => applyShared(table, step, async (seen) => retry(seen));
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
		(seen) => (table ? reconcile(table, seen) : []),
	);

	return {
		closeFunction: async () => {
			// stop watching executions (deactivation, shutdown); a later activation looks them up in n8n
			closed = true;
			for (const key of running) inFlight.delete(key);
			running.clear();
		},
	};
}
