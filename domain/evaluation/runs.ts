/**
 * What to do with a moment that was fired (issue 23 part 3): the evaluation counts as held only when
 * the execution it started really finished; a run that died without sending is retried once, never
 * twice; a run that is still going (on a queue-mode worker while the main instance restarted) is
 * waited for, never fired a second time.
 *
 * Pure: the claim (what the shared memory holds for one school key), what n8n says about the
 * execution, and the clock go in; one decision comes out. The adapter reads n8n's execution status
 * (the `donePromise` of the emit, or n8n's public API `/executions/{id}`) and carries the decision out.
 */
import { MAX_ATTEMPTS, MomentEvent } from './firing';

/** n8n's execution statuses (`ExecutionStatus` in n8n-workflow). */
export type N8nExecutionStatus = 'new' | 'running' | 'waiting' | 'success' | 'error' | 'crashed' | 'canceled' | 'unknown';

/** What n8n says about the execution of a moment's latest attempt. */
export type ExecutionObservation =
	/** Queued, running, or in a Wait node: it may still send. `startedAt` (epoch ms) when known. */
	| { state: 'running'; startedAt?: number }
	| { state: 'success' }
	/** Ended in error, crashed (its process died) or canceled; `sent` says whether its mail step ran. */
	| { state: 'failed'; sent: boolean }
	/** The execution was recorded, and n8n no longer has it (deleted when it ended, or pruned). */
	| { state: 'gone' }
	/** No execution was recorded for the attempt, and none of the workflow is running. */
	| { state: 'unknown' };

export interface RunInput {
	/** Attempts fired for this key (0: never fired). */
	attempts: number;
	/** Whether an attempt was recorded as done (it finished, or its mail went out). */
	done: boolean;
	observed: ExecutionObservation;
	/**
	 * Whether n8n keeps the workflow's failed executions (workflow setting "Save failed production
	 * executions", default yes). Then an execution that vanished ended well: n8n deletes a finished
	 * execution only when the workflow keeps no data of that outcome (or after pruning, days later).
	 */
	failedRunsKept: boolean;
	/** The clock (epoch ms). */
	now: number;
}

export type RunDecision =
	| { action: 'none' }
	/** Still running: fire nothing, look again later. */
	| { action: 'wait' }
	/** It finished (or its mail went out): record `done`. */
	| { action: 'markDone' }
	/** It died without sending: fire again as this attempt. */
	| { action: 'retry'; attempt: number }
	/** It died without sending and the retry budget is spent: fire nothing more. */
	| { action: 'giveUp' };

/**
 * A run n8n still lists as queued or running this long after it started is dead (its process was
 * killed and nothing marked it): 6 hours, far beyond any evaluation workflow's own steps. A run in
 * a Wait node is `waiting` for as long as the node says and is not affected.
 */
export const STALE_RUN_MS = 6 * 60 * 60 * 1000;

/** The one rule: done, wait, retry once, or give up. */
export function decideRun(input: RunInput): RunDecision {
	const { attempts, done, observed } = input;
	if (done || attempts < 1) return { action: 'none' };
	const retryOrGiveUp = (): RunDecision => (attempts < MAX_ATTEMPTS ? { action: 'retry', attempt: attempts + 1 } : { action: 'giveUp' });
	switch (observed.state) {
		case 'running':
			if (observed.startedAt !== undefined && input.now - observed.startedAt > STALE_RUN_MS) return retryOrGiveUp();
			return { action: 'wait' };
		case 'success':
			return { action: 'markDone' };
		case 'failed':
			// its mail went out before it failed: the zorgteam has the invitation, a retry would double it
			return observed.sent ? { action: 'markDone' } : retryOrGiveUp();
		case 'gone':
			return input.failedRunsKept ? { action: 'markDone' } : retryOrGiveUp();
		case 'unknown':
			return retryOrGiveUp();
	}
}

/** n8n's status of an execution as an observation (`sent`: whether its mail step ran; `startedAt` epoch ms). */
export function observeStatus(status: string | undefined, sent: boolean, startedAt?: number): ExecutionObservation {
	switch (status as N8nExecutionStatus) {
		case 'success':
			return { state: 'success' };
		case 'new':
		case 'running':
			return startedAt === undefined ? { state: 'running' } : { state: 'running', startedAt };
		case 'waiting':
			return { state: 'running' };
		case 'error':
		case 'crashed':
		case 'canceled':
			return { state: 'failed', sent };
		default:
			// 'unknown' or a status this version does not know: treat as not finished well
			return { state: 'failed', sent };
	}
}

/** Per school key: attempts fired, whether one is done, and the execution id recorded for the latest attempt. */
export interface Claim {
	key: string;
	attempts: number;
	done: boolean;
	/** n8n's execution id of the latest attempt, when the trigger recorded it. */
	execution?: string;
	/**
	 * n8n's deduplication key of the latest attempt's execution (n8n lists it with every execution): how
	 * the trigger finds the execution when it died before recording its id.
	 */
	executionKey?: string;
}

/** The claims in the shared memory's rows, one per key, in order of first appearance. */
export function claims(events: MomentEvent[]): Claim[] {
	type Acc = { attempts: Set<number>; done: boolean; executions: Map<number, string>; executionKeys: Map<number, string> };
	const byKey = new Map<string, Acc>();
	for (const e of events) {
		const s: Acc = byKey.get(e.key) ?? { attempts: new Set<number>(), done: false, executions: new Map(), executionKeys: new Map() };
		if (e.event === 'done') s.done = true;
		else if (e.event === 'fired') s.attempts.add(e.attempt);
		else if (e.event === 'started' && e.execution) s.executions.set(e.attempt, e.execution);
		else if (e.event === 'emitting' && e.executionKey) s.executionKeys.set(e.attempt, e.executionKey);
		byKey.set(e.key, s);
	}
	return [...byKey.entries()].map(([key, s]) => {
		const latest = Math.max(0, ...s.attempts);
		const claim: Claim = { key, attempts: s.attempts.size, done: s.done };
		const execution = s.executions.get(latest);
		if (execution !== undefined) claim.execution = execution;
		const executionKey = s.executionKeys.get(latest);
		if (executionKey !== undefined) claim.executionKey = executionKey;
		return claim;
	});
}

/**
 * The execution of a claim's latest attempt among n8n's executions of the workflow: the one with the
 * recorded id, or else the one carrying the attempt's deduplication key. Undefined: n8n has none (it
 * was never created, or deleted when it ended).
 */
export function findExecution<T extends { id: string | number; deduplicationKey?: string | null }>(claim: Claim, executions: T[]): T | undefined {
	if (claim.execution !== undefined) return executions.find((e) => String(e.id) === claim.execution);
	if (claim.executionKey === undefined) return undefined;
	return executions.find((e) => e.deduplicationKey === claim.executionKey);
}

/**
 * What n8n says about a claim's latest attempt, from the workflow's executions as n8n lists them now
 * (`sent`: whether that execution's mail step ran; `startedAt` epoch ms when known).
 */
export function observeClaim<T extends { id: string | number; deduplicationKey?: string | null; status?: string; startedAt?: number }>(
	claim: Claim,
	executions: T[],
	sent: (execution: T) => boolean,
): ExecutionObservation {
	const found = findExecution(claim, executions);
	if (found) return observeStatus(found.status, sent(found), found.startedAt);
	// recorded, and n8n no longer has it; or never recorded and none carries the attempt's key
	return claim.execution !== undefined ? { state: 'gone' } : { state: 'unknown' };
}

/**
 * Node types whose successful run means the evaluation reached people (n8n's mail and chat senders).
 * A workflow that sends some other way (an HTTP Request to a mail service) is judged by its status alone.
 */
export const SENDING_NODE_TYPES: ReadonlySet<string> = new Set([
	'n8n-nodes-base.emailSend',
	'n8n-nodes-base.gmail',
	'n8n-nodes-base.microsoftOutlook',
	'n8n-nodes-base.sendGrid',
	'n8n-nodes-base.mailgun',
	'n8n-nodes-base.mailjet',
	'n8n-nodes-base.awsSes',
	'n8n-nodes-base.microsoftTeams',
	'n8n-nodes-base.slack',
]);

/** One node's runs in an execution, as n8n keeps them (`runData[nodeName]`): enough to see whether one ended well. */
export interface NodeRunSummary {
	error?: unknown;
	executionStatus?: string;
}

/**
 * Whether an execution's mail step ran: a node downstream of the trigger of a sending type has a run
 * that ended without error. `downstream`: the trigger's child nodes (name and type); `runData`: the
 * execution's runs per node name (absent when n8n kept no data: then nothing is known to have been sent).
 */
export function mailSent(downstream: Array<{ name: string; type: string }>, runData: Record<string, NodeRunSummary[] | undefined> | undefined): boolean {
	if (!runData) return false;
	return downstream.some(
		(node) => SENDING_NODE_TYPES.has(node.type) && (runData[node.name] ?? []).some((run) => !run.error && (run.executionStatus ?? 'success') === 'success'),
	);
}
