/**
 * Faults in n8n's queue mode (issue 23): a worker SIGKILLed while it runs the evaluation, the main
 * instance SIGKILLed while a worker runs it, and PostgreSQL stalled (SIGSTOP/SIGCONT) while two weekly
 * alert runs claim their alerts; the weekly alert's process killed after it claimed, and the mail server down
 * during a run (also in the normal runtime). Counts what really arrived in maildev. Used by
 * queue-mode.e2e.test.ts and delivery.e2e.test.ts.
 */
import { execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';

import { DateTime } from 'luxon';
import { sleep } from 'n8n-workflow';

import { expectedAlerts } from '../../helpers/sampleAlerts';
import { sampleCaseRows } from '../../helpers/sampleKpis';
import { nodeItems, REPO_ROOT, runError, type ExecuteResult, type Mail } from '../runtime';
import { momentSoon, type OwnedRuntime } from './once';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { freePort } = require('../../../scripts/runtime/proc.js');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const config = require('../../../scripts/runtime/config.js');

export const WORKER_KILL_WORKFLOW = 'jhE2eEvalWorkerK';
export const MAIN_KILL_WORKFLOW = 'jhE2eEvalMainKil';
const CRASH_SENDER = 'evaluatie-crash@jeugdhulp.local';
/** The two schools of the crash workflows: one mail each per evaluation that arrived. */
export const CRASH_RECIPIENTS = ['zorgteam.baken@school.example', 'zorgteam.regenboog@school.example'];

/** Mails of one crash workflow (by the subject its mail node writes). */
export async function crashMails(rt: OwnedRuntime, label: 'worker kill' | 'main kill'): Promise<Mail[]> {
	return (await rt.mails()).filter((m) => m.from === CRASH_SENDER && m.subject.startsWith(`Evaluatie (${label})`));
}

async function waitForMails(rt: OwnedRuntime, label: 'worker kill' | 'main kill', count: number, timeoutMs: number): Promise<Mail[]> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const mails = await crashMails(rt, label);
		if (mails.length >= count || Date.now() > deadline) return mails;
		await sleep(2000);
	}
}

/**
 * Fire a crash workflow now: its first moment is set to the current minute (at most a minute ago, so
 * the activation fires it on time) and it is published.
 */
export async function fireNow(rt: OwnedRuntime, workflowId: string): Promise<void> {
	let now = DateTime.now().setZone('Europe/Amsterdam');
	if (now.second > 50) {
		await sleep((61 - now.second) * 1000); // not on a minute's edge
		now = DateTime.now().setZone('Europe/Amsterdam');
	}
	await momentSoon(rt, workflowId, now.startOf('minute'));
	await rt.publishWorkflow(workflowId);
}

/** The worker (index into rt.workers) whose log says it started one of these executions. */
async function workerRunning(rt: OwnedRuntime, executionIds: string[], timeoutMs: number): Promise<{ index: number; execution: string }> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		for (const [index, w] of (rt.workers ?? []).entries()) {
			const log = fs.readFileSync(w.logFile, 'utf8');
			for (const id of executionIds) if (new RegExp(`Worker started execution ${id}\\b`).test(log)) return { index, execution: id };
		}
		if (Date.now() > deadline) throw new Error(`no worker started execution ${executionIds.join(', ')}`);
		await sleep(500);
	}
}

/** Ids of a workflow's executions (newest first). */
async function executionIds(rt: OwnedRuntime, workflowId: string): Promise<string[]> {
	return (await rt.executions(workflowId)).map((e) => String(e.id));
}

/** SIGKILL a process group (a worker and its task runner). */
function killGroup(pid: number): void {
	try {
		process.kill(-pid, 'SIGKILL');
	} catch {
		process.kill(pid, 'SIGKILL');
	}
}

/**
 * A worker is SIGKILLed while the evaluation's execution waits in its slow step (40 s) before the mail:
 * n8n fails the stalled job (status error), the trigger sees an execution that ended without sending and
 * fires the moment again, once; the other worker runs it. Every school gets its evaluation exactly once.
 */
export async function workerKillScenario(rt: OwnedRuntime): Promise<{ mails: number; executions: string[] }> {
	await fireNow(rt, WORKER_KILL_WORKFLOW);
	let ids: string[] = [];
	const until = Date.now() + 60_000;
	while ((ids = await executionIds(rt, WORKER_KILL_WORKFLOW)).length === 0 && Date.now() < until) await sleep(500);
	expect(ids).toHaveLength(1);
	const { index } = await workerRunning(rt, ids, 60_000);
	await sleep(3000); // inside the slow step
	killGroup(rt.workers![index].pid);
	expect(await crashMails(rt, 'worker kill')).toHaveLength(0);
	// n8n notices the stalled job (lock 15 s, checked every 5 s in this runtime), the trigger retries once, the slow step takes 40 s
	const mails = await waitForMails(rt, 'worker kill', 2, 150_000);
	await sleep(15_000); // a second retry (if any) would have been fired by now
	const all = await crashMails(rt, 'worker kill');
	expect(all.map((m) => m.to[0]).sort()).toEqual(CRASH_RECIPIENTS);
	const executions = await rt.executions(WORKER_KILL_WORKFLOW);
	await rt.unpublishWorkflow(WORKER_KILL_WORKFLOW);
	return { mails: mails.length, executions: executions.map((e) => `${String(e.id)}:${String(e.status)}`) };
}

/**
 * The main instance is SIGKILLed while a worker runs the evaluation (45 s slow step) and started again:
 * at its start the trigger finds the execution still running on the worker (n8n's executions API, by the
 * deduplication key it gave the execution) and waits for it instead of firing again. Exactly once.
 */
export async function mainKillScenario(rt: OwnedRuntime): Promise<{ executions: string[] }> {
	await fireNow(rt, MAIN_KILL_WORKFLOW);
	let ids: string[] = [];
	const until = Date.now() + 60_000;
	while ((ids = await executionIds(rt, MAIN_KILL_WORKFLOW)).length === 0 && Date.now() < until) await sleep(500);
	expect(ids).toHaveLength(1);
	await workerRunning(rt, ids, 60_000);
	await sleep(3000); // the trigger has recorded the execution's id by now (it looks within ~10 s), or not: both must hold
	await rt.restartN8n({ signal: 'SIGKILL' });
	const mails = await waitForMails(rt, 'main kill', 2, 120_000);
	expect(mails.map((m) => m.to[0]).sort()).toEqual(CRASH_RECIPIENTS);
	await sleep(20_000); // a retry (if any) would have started by now
	expect((await crashMails(rt, 'main kill')).map((m) => m.to[0]).sort()).toEqual(CRASH_RECIPIENTS);
	const executions = await rt.executions(MAIN_KILL_WORKFLOW);
	expect(executions).toHaveLength(1); // the one that ran on the worker: no retry
	await rt.unpublishWorkflow(MAIN_KILL_WORKFLOW);
	return { executions: executions.map((e) => `${String(e.id)}:${String(e.status)}`) };
}

/** The PostgreSQL server's process group of a queue runtime (found by its port). */
export function postgresGroup(port: number): number {
	const out = execFileSync('ps', ['-eo', 'pid=,pgid=,args='], { encoding: 'utf8' });
	for (const line of out.split('\n')) {
		const m = line.trim().match(/^(\d+)\s+(\d+)\s+(.*)$/);
		if (m && /\bpostgres\b.*\s-D\s/.test(m[3]) && m[3].includes(`-p ${port}`)) return Number(m[2]);
	}
	throw new Error(`no PostgreSQL on port ${port}`);
}

/**
 * Stall PostgreSQL (every process of it: SIGSTOP, then SIGCONT `stallMs` later) again and again while
 * `during` runs, with `gapMs` between stalls. Returns what `during` returned and how many stalls there were.
 */
export async function withStalls<T>(pgid: number, stallMs: number, gapMs: number, during: Promise<T>): Promise<{ result: T; stalls: number }> {
	let finished = false;
	let stalls = 0;
	const pulses = (async () => {
		await sleep(gapMs);
		while (!finished) {
			process.kill(-pgid, 'SIGSTOP');
			stalls++;
			try {
				await sleep(stallMs);
			} finally {
				process.kill(-pgid, 'SIGCONT');
			}
			await sleep(gapMs);
		}
	})();
	try {
		const result = await during;
		return { result, stalls };
	} finally {
		finished = true;
		await pulses;
	}
}

// ---------- the weekly alert (workflows/deadline-alerts.json, Deadline Monitor 1.3 → E-mail → Confirm delivery) ----------

export const ALERT_WORKFLOW = 'jhDeadlineAlerts1';
const ALERT_SENDER = 'signalering@jeugdhulp.local';

/** Set "Resend Unconfirmed After" of the example's Deadline Monitor (the saved workflow `n8n execute` runs). */
export async function setResendAfter(rt: OwnedRuntime, minutes: number): Promise<void> {
	const wf = await rt.rest('GET', `/workflows/${ALERT_WORKFLOW}`);
	const monitor = wf.nodes.find((n: { name: string }) => n.name === 'Deadline Monitor');
	monitor.parameters.resendAfterMinutes = minutes;
	await rt.rest('PATCH', `/workflows/${ALERT_WORKFLOW}`, { name: wf.name, nodes: wf.nodes, connections: wf.connections, settings: wf.settings, versionId: wf.versionId });
}

/** The zorgteams' alert mails in the inbox. */
export async function zorgteamMails(rt: OwnedRuntime): Promise<Mail[]> {
	return (await rt.mails()).filter((m) => m.from === ALERT_SENDER && m.to.every((t) => t.startsWith('zorgteam.')));
}

/** The cases the runtime made for its day (the CSV twin of the spreadsheet the example reads). */
export const alertRows = (rt: OwnedRuntime) => sampleCaseRows(`${rt.dataDir}/sample-data/cases.csv`);

/** Case references per recipient over these mails (a reference twice in a list = mailed twice). */
export function listedPerRecipient(rows: Array<Record<string, string>>, mails: Mail[]): Map<string, string[]> {
	const out = new Map<string, string[]>();
	for (const m of mails) out.set(m.to[0], [...(out.get(m.to[0]) ?? []), ...rows.map((r) => r.caseRef).filter((ref) => (m.text ?? '').includes(ref))].sort());
	return out;
}

/** What the example should have mailed, per recipient, on the day a run judged on (today in Amsterdam if it printed nothing). */
export function expectedPerRecipient(rows: Array<Record<string, string>>, ...runs: ExecuteResult[]): Map<string, string[]> {
	const judged = (r: ExecuteResult) => [...nodeItems(r, 'Deadline Monitor', 0), ...nodeItems(r, 'Deadline Monitor', 1)].map((g) => g.referenceDate as string)[0];
	const day = runs.map(judged).find(Boolean) ?? DateTime.now().setZone('Europe/Amsterdam').toISODate()!;
	const { mails } = expectedAlerts(day, rows);
	return new Map([...mails].map(([to, refs]) => [to, [...refs].sort()]));
}

/** Claim rows (not yet confirmed or not) of the example's outbox, read through n8n's public API. */
async function outboxClaims(rt: OwnedRuntime): Promise<number> {
	const key = (rt.state as { sharedMemoryApiKey?: string }).sharedMemoryApiKey ?? '';
	const get = async (p: string) => (await (await fetch(`${rt.urls.editor}/api/v1${p}`, { headers: { 'X-N8N-API-KEY': key } })).json()) as { data?: Array<Record<string, unknown>> };
	const tables = await get(`/data-tables?filter=${encodeURIComponent(JSON.stringify({ name: 'jeugdhulp_alert_outbox' }))}`);
	const table = (tables.data ?? [])[0];
	if (!table) return 0;
	const rows = await get(`/data-tables/${table.id}/rows?limit=250`);
	// a claim's `claim` is its attempt's mark: even and -2 or below (domain/deadlines/outbox.ts; -1 is the head, odd marks
	// confirm); a row with an empty caseRef holds many, status = [[caseRef, status], …]
	const isClaim = (claim: unknown) => claim !== null && Number(claim) <= -2 && Number(claim) % 2 === 0;
	const claims = (r: Record<string, unknown>) => (r.caseRef === '' ? (JSON.parse(String(r.status)) as unknown[]).length : 1);
	return (rows.data ?? []).filter((r) => String(r.scope).startsWith(`${ALERT_WORKFLOW}:`) && isClaim(r.claim)).reduce((n, r) => n + claims(r), 0);
}

/**
 * The process running the weekly alert is SIGKILLed after its Deadline Monitor claimed the alerts, while
 * Send Email waits for the mail server (maildev stopped with SIGSTOP: it accepts, never answers): no mail
 * went out. The next run (past "Resend Unconfirmed After") sends every alert once; the run after it none.
 */
export async function killAfterClaimScenario(rt: OwnedRuntime): Promise<{ claims: number; mails: number }> {
	await rt.forgetAlertMemory(ALERT_WORKFLOW);
	await rt.clearMails();
	const maildev = (rt as unknown as { procs: { maildev: { pid: number } } }).procs.maildev.pid;
	process.kill(-maildev, 'SIGSTOP');
	let claims = 0;
	try {
		const env = { ...rt.env, N8N_RUNNERS_BROKER_PORT: String(await freePort()) };
		const child = spawn(process.execPath, [config.n8nBin(), 'execute', `--id=${ALERT_WORKFLOW}`], { cwd: REPO_ROOT, env, detached: true, stdio: 'ignore' });
		const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
		const until = Date.now() + 120_000;
		while ((claims = await outboxClaims(rt)) === 0 && Date.now() < until) await sleep(200);
		await sleep(2000); // Send Email is waiting for the frozen mail server
		killGroup(child.pid!);
		await exited;
	} finally {
		process.kill(-maildev, 'SIGCONT');
	}
	expect(claims).toBeGreaterThan(0);
	await sleep(3000);
	expect(await zorgteamMails(rt)).toEqual([]); // the killed run sent nothing
	await setResendAfter(rt, 0);
	try {
		const next = await rt.executeWorkflow(ALERT_WORKFLOW);
		expect(next.exitCode).toBe(0);
		const rows = alertRows(rt);
		const sent = await zorgteamMails(rt);
		expect(listedPerRecipient(rows, sent)).toEqual(expectedPerRecipient(rows, next));
		expect((await rt.executeWorkflow(ALERT_WORKFLOW)).exitCode).toBe(0);
		expect(await zorgteamMails(rt)).toHaveLength(sent.length); // confirmed: the run after sends none
		return { claims, mails: sent.length };
	} finally {
		await setResendAfter(rt, 10);
	}
}

/** Items that passed Confirm delivery in a run, over all its runs (Send Email runs once per alert output). */
export function confirmedItems(result: ExecuteResult): number {
	const runs = result.output?.data?.resultData?.runData?.['Confirm delivery'] ?? [];
	return runs.reduce((n, run) => n + (run.data?.main?.[0]?.length ?? 0), 0);
}

/**
 * The mail server is down when a production run of the weekly alert reaches Send Email, so the run fails
 * there: nobody is alerted and nothing counts as sent. A run minutes later (within "Resend Unconfirmed After",
 * 10 minutes in the example) leaves those alerts alone — the failed run might still be sending; past it (set
 * to 0 here) the next run sends every alert the failed run could not, once; the run after it none.
 * Used by delivery.e2e.test.ts (normal runtime) and queue-mode.e2e.test.ts.
 */
export async function mailDownScenario(rt: OwnedRuntime): Promise<{ mails: number; zorgteams: number }> {
	await rt.forgetAlertMemory(ALERT_WORKFLOW);
	await rt.clearMails();
	await rt.stopMaildev();
	let failed: ExecuteResult;
	try {
		failed = await rt.executeWorkflow(ALERT_WORKFLOW);
	} finally {
		await rt.startMaildev();
	}
	expect(failed.exitCode).not.toBe(0); // n8n execute: the execution ended in an error
	const why = `${runError(failed, 'E-mail zorgteam')?.message ?? ''} ${runError(failed)?.message ?? ''} ${failed.stdout} ${failed.stderr}`;
	expect(why).toMatch(/refused the connection|ECONNREFUSED/);
	expect(confirmedItems(failed)).toBe(0); // Confirm delivery never ran
	expect(await zorgteamMails(rt)).toEqual([]);

	const soon = await rt.executeWorkflow(ALERT_WORKFLOW);
	expect(soon.exitCode).toBe(0);
	expect(await zorgteamMails(rt)).toEqual([]);

	await setResendAfter(rt, 0);
	try {
		const next = await rt.executeWorkflow(ALERT_WORKFLOW);
		expect(next.exitCode).toBe(0);
		const rows = alertRows(rt);
		const expected = expectedPerRecipient(rows, next);
		expect(expected.size).toBeGreaterThan(0);
		const sent = await zorgteamMails(rt);
		expect(listedPerRecipient(rows, sent)).toEqual(expected);
		expect(confirmedItems(next)).toBe(sent.length); // Confirm delivery passed one item per mail sent
		expect((await rt.executeWorkflow(ALERT_WORKFLOW)).exitCode).toBe(0);
		expect(await zorgteamMails(rt)).toHaveLength(sent.length); // confirmed: the run after sends none
		return { mails: sent.length, zorgteams: expected.size };
	} finally {
		await setResendAfter(rt, 10); // the example's own setting again
	}
}
