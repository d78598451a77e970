/**
 * "Once means once" in a real n8n (issue 10), shared by the normal (SQLite) runtime
 * (once.e2e.test.ts) and n8n's queue mode with PostgreSQL, Redis and two workers
 * (queue-mode.e2e.test.ts). Counts what really arrived in maildev.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { DateTime } from 'luxon';
import { sleep } from 'n8n-workflow';

import { sampleCaseRows } from '../../helpers/sampleKpis';
import { E2E_DATA_DIR, E2E_WORKFLOWS_DIR, REPO_ROOT, type E2ERuntime, type Mail } from '../runtime';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const runtimeJs = require('../../../scripts/runtime/runtime.js');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const queueJs = require('../../../scripts/runtime/queue.js');

export const ALERT_WORKFLOW = 'jhE2eAlertOnce01';
export const ALERT_WEBHOOK = 'jeugdhulp-e2e-alert-once';
export const EVALUATION_WORKFLOW = 'jhEvaluation0001';
export const CRASH_WORKFLOW = 'jhE2eEvalCrash01';
const ZONE = 'Europe/Amsterdam';

/** A runtime this test file owns (it restarts and kills n8n), with the restart the scenarios need. */
export interface OwnedRuntime extends E2ERuntime {
	restartN8n(options?: { signal?: 'SIGTERM' | 'SIGKILL' }): Promise<void>;
	/** Stop the mail server (its SMTP port refuses connections) and start it again (scripts/runtime/runtime.js). */
	stopMaildev(): Promise<void>;
	startMaildev(): Promise<void>;
	env: Record<string, string>;
	queue?: boolean;
	workers?: Array<{ pid: number; logFile: string }>;
	/** Queue mode: the ports of its PostgreSQL and Redis (scripts/runtime/queue.js). */
	state: { queue?: { ports: { postgres: number; redis: number } }; sharedMemoryApiKey?: string };
}

/** Start an own runtime: the normal one (SQLite) or queue mode (PostgreSQL, Redis, main + 2 workers). */
export async function startOwned(kind: 'sqlite' | 'queue'): Promise<OwnedRuntime> {
	const userFolder = fs.mkdtempSync(path.join(os.tmpdir(), `jeugdhulp-e2e-${kind}-`));
	const opts = {
		userFolder,
		temporary: process.env.JEUGDHULP_E2E_KEEP !== '1',
		freePorts: true,
		// the global setup built the package already; a second build would only cost time
		build: process.env.JEUGDHULP_SKIP_BUILD !== '1' && !process.env.JEUGDHULP_E2E_RUNTIME,
		workflowsDirs: [path.join(REPO_ROOT, 'workflows'), E2E_WORKFLOWS_DIR],
		extraDataDirs: { e2e: E2E_DATA_DIR },
		log: (m: string) => process.stderr.write(`[${kind} runtime] ${m}\n`),
	};
	return kind === 'queue' ? queueJs.startQueueRuntime(opts) : runtimeJs.startRuntime(opts);
}

/** The fixed sample cases (test/fixtures/sample-cases-2026-11-26.csv): the alert-once workflow judges on 2026-11-26. */
const sampleRows = (): Array<Record<string, string>> => sampleCaseRows();

/** On the workflow's fixed reference date 2026-11-26 every zorgteam has these overdue and due-soon cases. */
export const ALERTED: Record<string, string[]> = {
	'zorgteam.regenboog@school.example': ['C-2026-0001', 'C-2026-0002', 'C-2026-0003', 'C-2026-0004'],
	'zorgteam.baken@school.example': ['C-2026-0011', 'C-2026-0012', 'C-2026-0013', 'C-2026-0014'],
	'zorgteam.wegwijzer@school.example': ['C-2026-0021', 'C-2026-0022', 'C-2026-0023', 'C-2026-0024'],
	'zorgteam.anker@school.example': ['C-2026-0031', 'C-2026-0032', 'C-2026-0033', 'C-2026-0034'],
};

async function postCases(rt: E2ERuntime, cases: Array<Record<string, string>>): Promise<number> {
	const r = await fetch(`${rt.urls.editor}/webhook/${ALERT_WEBHOOK}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ cases }),
	});
	await r.text();
	return r.status;
}

/** Case references listed in the mails, each with the number of mails it appears in. */
function listed(mails: Mail[]): Map<string, number> {
	const refs = sampleRows().map((r) => r.caseRef);
	const count = new Map<string, number>();
	for (const m of mails) for (const ref of refs) if ((m.text ?? '').includes(ref)) count.set(ref, (count.get(ref) ?? 0) + 1);
	return count;
}

const ALERT_SENDER = 'signalering@jeugdhulp.local';
const EVALUATION_SENDER = 'evaluatie@jeugdhulp.local';
const isCrashMail = (m: Mail) => m.subject.startsWith('Evaluatie (crash test)');

/** Mails of one kind: deadline alerts, evaluation mails of the example workflow, or of the crash workflow. */
async function mailsOf(rt: E2ERuntime, kind: 'alert' | 'evaluation' | 'crash'): Promise<Mail[]> {
	return (await rt.mails()).filter((m) =>
		kind === 'alert' ? m.from === ALERT_SENDER : m.from === EVALUATION_SENDER && (kind === 'crash') === isCrashMail(m),
	);
}

async function settledMails(rt: E2ERuntime, kind: 'alert' | 'evaluation' | 'crash', quietMs = 4000): Promise<Mail[]> {
	// SMTP delivery is asynchronous: wait until the inbox stops growing
	let last = -1;
	for (;;) {
		const mails = await mailsOf(rt, kind);
		if (mails.length === last) return mails;
		last = mails.length;
		await sleep(quietMs);
	}
}

async function waitForKind(rt: E2ERuntime, kind: 'alert' | 'evaluation' | 'crash', count: number, deadline: number): Promise<Mail[]> {
	for (;;) {
		const mails = await mailsOf(rt, kind);
		if (mails.length >= count || Date.now() > deadline) return mails;
		await sleep(2000);
	}
}

/** The alert-once scenario: two runs together, then an unchanged run, then one changed case. */
export async function alertOnceScenario(rt: E2ERuntime): Promise<{ concurrentMails: number }> {
	await rt.publishWorkflow(ALERT_WORKFLOW);
	const rows = sampleRows();
	// publishing registers the webhook shortly after the REST call returns: wait for it (an empty call alerts nothing)
	const ready = Date.now() + 60_000;
	while ((await postCases(rt, [])) === 404 && Date.now() < ready) await sleep(1000);

	// 1. two production runs started at the same moment (two webhook calls) on a fresh memory
	const statuses = await Promise.all([postCases(rt, rows), postCases(rt, rows)]);
	expect(statuses).toEqual([200, 200]);
	const first = await settledMails(rt, 'alert');
	const count = listed(first);
	const expected = Object.values(ALERTED).flat().sort();
	expect([...count.keys()].sort()).toEqual(expected);
	expect([...count.values()].every((n) => n === 1)).toBe(true); // every alert once
	for (const m of first) for (const ref of listed([m]).keys()) expect(ALERTED[m.to[0]]).toContain(ref);

	// 2. a later run on unchanged data sends nothing
	expect(await postCases(rt, rows)).toBe(200);
	await sleep(3000);
	expect((await settledMails(rt, 'alert')).length).toBe(first.length);

	// 3. one case changes (due soon → overdue): exactly one mail, to its zorgteam, listing only that case
	const changed = rows.map((r) => (r.caseRef === 'C-2026-0013' ? { ...r, zorgteamDate: '2026-09-01' } : r));
	expect(await postCases(rt, changed)).toBe(200);
	const after = await settledMails(rt, 'alert');
	const added = after.slice(first.length);
	expect(added).toHaveLength(1);
	expect(added[0].to).toEqual(['zorgteam.baken@school.example']);
	expect([...listed(added).keys()]).toEqual(['C-2026-0013']);
	return { concurrentMails: first.length };
}

/** Give a workflow's Semiannual Evaluation Trigger a moment (default: nextMoment()); returns the moment. */
/**
 * A moment 45 to 105 seconds from now (whole minute): time to PATCH and publish, then n8n's cron tick
 * fires it. (Were the machine so slow that the activation came after it, the activation fires it on
 * time — within 15 minutes — and the assertions still hold.)
 */
export function nextMoment(): DateTime {
	return DateTime.now().setZone(ZONE).plus({ seconds: 45 }).startOf('minute').plus({ minutes: 1 });
}

export async function momentSoon(rt: E2ERuntime, workflowId: string, moment = nextMoment()): Promise<DateTime> {
	const second = moment.plus({ months: 6 });
	const wf = await rt.rest('GET', `/workflows/${workflowId}`);
	const trigger = wf.nodes.find((n: { type: string }) => n.type.endsWith('.evaluationTrigger'));
	Object.assign(trigger.parameters, {
		firstMomentMonth: moment.month,
		firstMomentDay: moment.day,
		firstMomentTime: moment.toFormat('HH:mm'),
		secondMomentMonth: second.month,
		secondMomentDay: Math.min(second.day, 28),
		annualReportMoment: 'first',
		moveToWorkingDay: false, // the test may run on a weekend
	});
	await rt.rest('PATCH', `/workflows/${workflowId}`, {
		name: wf.name,
		nodes: wf.nodes,
		connections: wf.connections,
		settings: wf.settings,
		versionId: wf.versionId,
	});
	return moment;
}

/**
 * Everything "once" in one runtime, overlapped so that the wait for the evaluation moment is used:
 * 1. the example evaluation workflow (and, with `crash`, a test workflow with a 40-second step
 *    before its mails) get a moment about a minute from now and are published;
 * 2. meanwhile the alert-once scenario runs (two runs together, an unchanged run, a changed case);
 * 3. at the moment the evaluation sends its 5 mails (4 zorgteams + the yearly summary), once;
 * 4. n8n's main instance is restarted — with `crash`, killed (SIGKILL) while the crash workflow's
 *    execution is in its slow step — and comes back:
 *    the evaluation does not fire again; the killed evaluation is retried once and arrives exactly once.
 */
export async function onceScenario(rt: OwnedRuntime, { crash }: { crash: boolean }): Promise<{ concurrentMails: number }> {
	const moment = nextMoment();
	await momentSoon(rt, EVALUATION_WORKFLOW, moment);
	if (crash) await momentSoon(rt, CRASH_WORKFLOW, moment);
	await rt.clearMails();
	await rt.publishWorkflow(EVALUATION_WORKFLOW);
	if (crash) await rt.publishWorkflow(CRASH_WORKFLOW);

	const alerts = await alertOnceScenario(rt);

	const deadline = moment.toMillis() + 120_000;
	const evaluation = await waitForKind(rt, 'evaluation', 5, deadline);
	expect(evaluation).toHaveLength(5); // one per zorgteam (4 schools) + the yearly summary
	expect(new Set(evaluation.map((m) => m.to[0])).size).toBe(5);
	// "done" is recorded when n8n reports the execution finished: let that happen before the restart.
	// (The example workflow keeps no data of successful executions, so n8n lists none to wait for.)
	await sleep(5000);

	if (crash) {
		expect((await rt.executions(CRASH_WORKFLOW)).length).toBe(1); // started, in its slow step
		expect(await mailsOf(rt, 'crash')).toHaveLength(0);
		await rt.restartN8n({ signal: 'SIGKILL' });
		const retried = await waitForKind(rt, 'crash', 2, Date.now() + 120_000);
		expect(retried.map((m) => m.to[0]).sort()).toEqual(['zorgteam.baken@school.example', 'zorgteam.regenboog@school.example']);
		await sleep(20_000); // a second retry (if any) would have sent its mails by now
		expect(await settledMails(rt, 'crash')).toHaveLength(2);
		expect(await rt.executions(CRASH_WORKFLOW)).toHaveLength(2); // the killed one and its single retry
	} else {
		await rt.restartN8n();
		await sleep(20_000);
	}
	// the moment already fired: no second evaluation after the restart (counted in the inbox: the
	// example workflow keeps no execution data of successful runs, so n8n's execution list stays empty)
	expect(await settledMails(rt, 'evaluation')).toHaveLength(5);
	return alerts;
}
