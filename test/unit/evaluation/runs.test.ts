/**
 * A crash on a worker must not lose the evaluation, a crash of the main instance must not double it
 * (issue 23 part 3; domain/evaluation/runs.ts). Unit cases of the one rule, then a model of the trigger,
 * n8n's executions and the shared memory run over arbitrary interleavings of crashes and finishes.
 */
import fc from 'fast-check';

import { claims, decideRun, ExecutionObservation, findExecution, mailSent, MAX_ATTEMPTS, MomentEvent, observeClaim, observeStatus, RunDecision, STALE_RUN_MS } from '../../../domain/evaluation';

const NOW = Date.UTC(2027, 1, 1, 8, 0); // 1 February 2027, 09:00 in Amsterdam

const decide = (attempts: number, observed: ExecutionObservation, over: { done?: boolean; failedRunsKept?: boolean; now?: number } = {}): RunDecision =>
	decideRun({ attempts, done: over.done ?? false, observed, failedRunsKept: over.failedRunsKept ?? true, now: over.now ?? NOW });

describe('decideRun: what a fired moment still needs', () => {
	it('done only after an execution that really finished', () => {
		expect(decide(1, { state: 'success' })).toEqual({ action: 'markDone' });
		expect(decide(1, { state: 'failed', sent: false })).toEqual({ action: 'retry', attempt: 2 });
		expect(decide(1, { state: 'running' })).toEqual({ action: 'wait' });
	});

	it('a run that died without sending is retried once, never twice', () => {
		expect(decide(1, { state: 'failed', sent: false })).toEqual({ action: 'retry', attempt: 2 });
		expect(decide(2, { state: 'failed', sent: false })).toEqual({ action: 'giveUp' });
		expect(decide(1, { state: 'unknown' })).toEqual({ action: 'retry', attempt: 2 });
		expect(decide(2, { state: 'unknown' })).toEqual({ action: 'giveUp' });
	});

	it('a run that failed after its mail went out is not sent again', () => {
		expect(decide(1, { state: 'failed', sent: true })).toEqual({ action: 'markDone' });
	});

	it('a run still going is waited for, until it is older than the stale limit', () => {
		const startedAt = NOW - STALE_RUN_MS;
		expect(decide(1, { state: 'running', startedAt })).toEqual({ action: 'wait' });
		expect(decide(1, { state: 'running', startedAt: startedAt - 1 })).toEqual({ action: 'retry', attempt: 2 });
		expect(decide(2, { state: 'running', startedAt: startedAt - 1 })).toEqual({ action: 'giveUp' });
	});

	it('an execution n8n no longer has ended well when n8n keeps failed executions, else it counts as failed', () => {
		expect(decide(1, { state: 'gone' })).toEqual({ action: 'markDone' });
		expect(decide(1, { state: 'gone' }, { failedRunsKept: false })).toEqual({ action: 'retry', attempt: 2 });
	});

	it('nothing for a key that is done or was never fired', () => {
		expect(decide(1, { state: 'failed', sent: false }, { done: true })).toEqual({ action: 'none' });
		expect(decide(0, { state: 'unknown' })).toEqual({ action: 'none' });
	});

	it("n8n's statuses", () => {
		expect(observeStatus('success', false)).toEqual({ state: 'success' });
		expect(observeStatus('running', false, 5)).toEqual({ state: 'running', startedAt: 5 });
		expect(observeStatus('new', false)).toEqual({ state: 'running' });
		expect(observeStatus('waiting', false, 5)).toEqual({ state: 'running' }); // a Wait node: never stale
		for (const s of ['error', 'crashed', 'canceled', 'unknown']) expect(observeStatus(s, false)).toEqual({ state: 'failed', sent: false });
		expect(observeStatus('error', true)).toEqual({ state: 'failed', sent: true });
	});

	it('claims: attempts, done and the latest attempt\'s execution per key', () => {
		const events: MomentEvent[] = [
			{ id: 1, key: 'A', event: 'fired', attempt: 1 },
			{ id: 2, key: 'A', event: 'started', attempt: 1, execution: '41' },
			{ id: 3, key: 'B', event: 'fired', attempt: 1 },
			{ id: 4, key: 'A', event: 'fired', attempt: 2 },
			{ id: 5, key: 'B', event: 'done', attempt: 1 },
		];
		// A's attempt 2 has no execution recorded yet: the one of attempt 1 does not stand in for it
		expect(claims(events)).toEqual([
			{ key: 'A', attempts: 2, done: false },
			{ key: 'B', attempts: 1, done: true },
		]);
		expect(claims([...events, { id: 6, key: 'A', event: 'started', attempt: 2, execution: '57' }])[0]).toEqual({ key: 'A', attempts: 2, done: false, execution: '57' });
	});
});

/*
 * The model: one school key, one moment. The main instance emits an attempt (a `fired` row, then n8n
 * creates the execution, then the trigger records its id in a `started` row), watches it, and on
 * every start reconciles what the memory holds with what n8n says. Executions run on a worker (queue
 * mode: they outlive the main instance) or in the main process (normal runtime: they die with it and
 * n8n marks them crashed at its next start). Steps come in any order; crashes at any point.
 */
type Step = 'record' | 'finish' | 'workerCrash' | 'failAfterSend' | 'mainCrash' | 'mainStart';

interface Execution {
	id: number;
	deduplicationKey: string;
	status: 'running' | 'success' | 'error' | 'crashed';
	sent: boolean;
	deleted: boolean;
	recorded: boolean;
}

function simulate(steps: Step[], opts: { queue: boolean; keepSuccess: boolean; keepFailed: boolean }) {
	const events: MomentEvent[] = [];
	const executions: Execution[] = [];
	let rowId = 1;
	let alive = true;
	let watching = new Set<number>();
	let pendingRecord: { exec: number; attempt: number } | undefined;
	let ambiguous = false; // the main died between emitting and recording, and the run then vanished on success

	const emit = (attempt: number) => {
		events.push({ id: rowId++, key: 'K', event: 'fired', attempt });
		// the deduplication key n8n will store with the attempt's execution
		events.push({ id: rowId++, key: 'K', event: 'emitting', attempt, executionKey: `key:${attempt}` });
		executions.push({ id: executions.length, deduplicationKey: `key:${attempt}`, status: 'running', sent: false, deleted: false, recorded: false });
		const exec = executions.length - 1;
		pendingRecord = { exec, attempt };
		watching.add(exec);
	};
	const apply = (d: RunDecision) => {
		if (d.action === 'markDone') events.push({ id: rowId++, key: 'K', event: 'done', attempt: 0 });
		if (d.action === 'retry') emit(d.attempt);
	};
	// the donePromise of an execution the main instance watches (from its emit, or from a reconcile's wait)
	const ended = (i: number) => {
		const exec = executions[i];
		if (!opts.keepSuccess && exec.status === 'success') {
			exec.deleted = true;
			if (!exec.recorded) ambiguous = ambiguous || !watching.has(i);
		}
		if (!opts.keepFailed && exec.status !== 'success') exec.deleted = true;
		if (alive && watching.has(i)) {
			watching.delete(i);
			const [claim] = claims(events);
			apply(decideRun({ attempts: claim.attempts, done: claim.done, observed: observeStatus(exec.status, exec.sent), failedRunsKept: opts.keepFailed, now: NOW }));
		}
	};
	const running = () => executions.findIndex((e) => e.status === 'running');

	emit(1); // the moment fires on time
	for (const step of steps) {
		const r = running();
		if (step === 'record' && alive && pendingRecord) {
			events.push({ id: rowId++, key: 'K', event: 'started', attempt: pendingRecord.attempt, execution: String(pendingRecord.exec) });
			executions[pendingRecord.exec].recorded = true;
			pendingRecord = undefined;
		} else if (step === 'finish' && r >= 0) {
			Object.assign(executions[r], { status: 'success', sent: true });
			ended(r);
		} else if (step === 'workerCrash' && r >= 0 && opts.queue) {
			Object.assign(executions[r], { status: 'error', sent: false });
			ended(r);
		} else if (step === 'failAfterSend' && r >= 0) {
			Object.assign(executions[r], { status: 'error', sent: true });
			ended(r);
		} else if (step === 'mainCrash' && alive) {
			alive = false;
			watching = new Set();
			pendingRecord = undefined;
			if (!opts.queue && r >= 0) executions[r].status = 'crashed'; // n8n marks it at its next start
		} else if (step === 'mainStart' && !alive) {
			alive = true;
			const [claim] = claims(events);
			const listed = executions.filter((e) => !e.deleted); // what n8n's API lists
			const observed = observeClaim(claim, listed, (e) => e.sent);
			const d = decideRun({ attempts: claim.attempts, done: claim.done, observed, failedRunsKept: opts.keepFailed, now: NOW });
			if (d.action === 'wait') watching.add(findExecution(claim, listed)!.id);
			else apply(d);
		}
	}
	expect(alive).toBe(true); // every sequence ends with the main instance running (calmEnd)
	return { events, executions, ambiguous };
}
/** The sequence followed by a calm end: the main instance (re)starts, records, runs finish, another start. */
const calmEnd: Step[] = ['mainStart', 'record', 'finish', 'record', 'finish', 'mainCrash', 'mainStart', 'record', 'finish', 'finish'];

describe('effectively once over interleavings of crashes (model)', () => {
	const stepArb = fc.array(fc.constantFrom<Step>('record', 'finish', 'workerCrash', 'failAfterSend', 'mainCrash', 'mainStart'), { maxLength: 14 });

	for (const queue of [true, false]) {
		for (const keepSuccess of [true, false]) {
			it(`${queue ? 'queue mode' : 'normal runtime'}, successful executions ${keepSuccess ? 'kept' : 'not kept'}: at most ${MAX_ATTEMPTS} runs, the mail at most once, and it arrives unless both runs died without sending`, () => {
				fc.assert(
					fc.property(stepArb, (steps) => {
						const { events, executions, ambiguous } = simulate([...steps, ...calmEnd], { queue, keepSuccess, keepFailed: true });
						const sent = executions.filter((e) => e.sent).length;
						const fired = events.filter((e) => e.event === 'fired').length;
						expect(fired).toBeLessThanOrEqual(MAX_ATTEMPTS);
						expect(executions.filter((e) => e.status === 'running')).toHaveLength(0);
						// once: never two mails — except when the main instance died in the moment between n8n
						// creating the execution and the trigger recording its id, and that run then ended well
						// and n8n deleted it (the workflow keeps no successful executions): then nothing says it ran
						if (!ambiguous) expect(sent).toBeLessThanOrEqual(1);
						// never lost: no mail only when both attempts died without sending
						if (sent === 0) expect(executions.filter((e) => !e.sent && e.status !== 'success')).toHaveLength(MAX_ATTEMPTS);
						// done is recorded only when a run ended well or its mail went out
						if (events.some((e) => e.event === 'done')) expect(sent).toBeGreaterThanOrEqual(1);
					}),
					{ numRuns: 2000 },
				);
			});
		}
	}

	it('the interleavings the issue measured: worker killed mid-run → one retry, one mail; main killed while a worker runs it → no retry, one mail', () => {
		// worker SIGKILLed in the Wait node: the execution ends as error, the main instance retries once
		const worker = simulate(['record', 'workerCrash', 'record', 'finish'], { queue: true, keepSuccess: false, keepFailed: true });
		expect(worker.executions.map((e) => [e.status, e.sent])).toEqual([
			['error', false],
			['success', true],
		]);
		// main SIGKILLed while the worker runs it; main restarts while it still runs; it finishes
		const main = simulate(['record', 'mainCrash', 'mainStart', 'finish', 'mainCrash', 'mainStart'], { queue: true, keepSuccess: false, keepFailed: true });
		expect(main.executions.map((e) => [e.status, e.sent])).toEqual([['success', true]]);
		expect(main.events.filter((e) => e.event === 'fired')).toHaveLength(1);
		// normal runtime: n8n killed mid-run, restarted: the crashed run is retried once
		const sqlite = simulate(['record', 'mainCrash', 'mainStart', 'record', 'finish'], { queue: false, keepSuccess: true, keepFailed: true });
		expect(sqlite.executions.map((e) => [e.status, e.sent])).toEqual([
			['crashed', false],
			['success', true],
		]);
	});
});

describe('mailSent: whether an execution reached its mail step', () => {
	const downstream = [
		{ name: 'Slow step', type: 'n8n-nodes-base.wait' },
		{ name: 'E-mail zorgteam', type: 'n8n-nodes-base.emailSend' },
	];
	it('a sending node with a run that ended well', () => {
		expect(mailSent(downstream, { 'Slow step': [{}], 'E-mail zorgteam': [{ executionStatus: 'success' }] })).toBe(true);
	});
	it('not when it failed, did not run, or n8n kept no data', () => {
		expect(mailSent(downstream, { 'Slow step': [{}], 'E-mail zorgteam': [{ error: { message: 'ECONNREFUSED' }, executionStatus: 'error' }] })).toBe(false);
		expect(mailSent(downstream, { 'Slow step': [{}] })).toBe(false);
		expect(mailSent(downstream, undefined)).toBe(false);
	});
	it('a node of another type with the same name does not count', () => {
		expect(mailSent([{ name: 'E-mail zorgteam', type: 'n8n-nodes-base.set' }], { 'E-mail zorgteam': [{}] })).toBe(false);
	});
});
