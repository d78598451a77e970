/**
 * The package in n8n's queue mode — n8n main + two workers, Redis and PostgreSQL (Debian packages,
 * started by scripts/runtime/queue.js) — the way a region scales n8n out (issue 10).
 * Same assertions as once.e2e.test.ts (support/once.ts), plus: the executions ran on the workers, and
 * nothing n8n keeps in this setup — PostgreSQL's tables, the Redis queue, the main and worker logs, the
 * mails — holds a synthetic BSN or pupil name after the example workflows and a failing production run
 * (the scan of test/e2e/support/privacyScan.ts, as privacy-scan.e2e.test.ts does for the normal runtime).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { assertNoPersonalData } from '../helpers/privacy';
import {
	ALERT_WORKFLOW,
	alertRows,
	expectedPerRecipient,
	killAfterClaimScenario,
	mailDownScenario,
	listedPerRecipient,
	mainKillScenario,
	postgresGroup,
	withStalls,
	workerKillScenario,
	zorgteamMails,
} from './support/crashes';
import { FAILING, FAILING_NAME, failProductionRun } from './support/failingRun';
import { onceScenario, startOwned, type OwnedRuntime } from './support/once';
import { hitLine, scanRuntime, scanSettled, scanTerms, withRedis } from './support/privacyScan';


let rt: OwnedRuntime;

beforeAll(async () => {
	const t0 = Date.now();
	rt = await startOwned('queue');
	process.stderr.write(`[queue] runtime ready in ${((Date.now() - t0) / 1000).toFixed(0)} s\n`);
});

afterAll(async () => {
	await rt?.stop();
});

describe('once means once — queue mode (PostgreSQL, Redis, main + 2 workers)', () => {
	it('runs in queue mode on PostgreSQL with two workers', () => {
		expect(rt.queue).toBe(true);
		expect(rt.env.EXECUTIONS_MODE).toBe('queue');
		expect(rt.env.DB_TYPE).toBe('postgresdb');
		expect(rt.workers).toHaveLength(2);
	});

	it('two deadline runs started together alert each case once, an unchanged run none, a changed case once; the evaluation fires once per school and moment, also across a restart of the main instance', async () => {
		const { concurrentMails } = await onceScenario(rt, { crash: false });
		process.stderr.write(`[queue] mails after two concurrent runs on a fresh memory: ${concurrentMails}\n`);
		// the executions (5 webhook runs, 1 evaluation) ran on the workers
		const started = (rt.workers ?? []).map((w) => (fs.readFileSync(w.logFile, 'utf8').match(/Worker started execution/g) ?? []).length);
		process.stderr.write(`[queue] executions started per worker: ${started.join(', ')}\n`);
		expect(started.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(6);
	});

	it('keeps no BSN or pupil name in PostgreSQL, Redis, the logs of main and workers or the mails: example workflows and a failing production run', async () => {
		// a production run on a worker that fails on a bad BSN: the beheerder gets the error alert, n8n keeps nothing
		const { status, alerts } = await failProductionRun(rt, 90);
		expect(status).toBe(200);
		expect(alerts.map((m) => m.subject)).toEqual([`n8n: workflow "${FAILING_NAME}" is mislukt`]);
		assertNoPersonalData(alerts[0], 'error alert mail (queue mode)');
		expect(await rt.executions(FAILING)).toHaveLength(0);
		await rt.unpublishWorkflow(FAILING);

		// the example workflows that start by hand (their inputs hold synthetic BSNs and names)
		for (const id of ['jhRecordCleaner01', 'jhIntakeTriage01', 'jhSettlementQ001', 'jhDeadlineAlerts1']) {
			expect({ id, exitCode: (await rt.executeWorkflow(id)).exitCode }).toEqual({ id, exitCode: 0 });
		}

		const terms = scanTerms();
		expect(terms).toEqual(expect.arrayContaining(['111222333', 'Noor Testkind']));
		const scan = await scanSettled(rt, terms);
		expect(scan.scanned).toEqual(expect.arrayContaining(['PostgreSQL (every table)', expect.stringMatching(/^Redis \([1-9]\d* keys\)$/)]));
		for (const w of rt.workers ?? []) expect(scan.scanned).toContain(path.relative(rt.userFolder, w.logFile));
		process.stderr.write(`[queue] privacy scan: ${scan.scanned.length} locations (${scan.scanned.filter((f) => /^(PostgreSQL|Redis)/.test(f)).join(', ')}), ${scan.hits.length} hit(s)\n`);
		expect(scan.hits.map(hitLine)).toEqual([]);

		// the scan can fail: what is there is found — the owner's address in PostgreSQL, a worker's log line,
		// and a value put into Redis for this check (a hash, the type Bull keeps its jobs in)
		await withRedis(rt.env, (redis) => redis.hset('jeugdhulp-e2e-control', 'data', '{"leerling":"control-value-in-redis"}'));
		const control = await scanRuntime(rt, [rt.owner.email, 'Worker started execution', 'control-value-in-redis']);
		await withRedis(rt.env, (redis) => redis.del('jeugdhulp-e2e-control'));
		expect(control.hits.map((h) => h.location)).toEqual(
			expect.arrayContaining([expect.stringMatching(/^PostgreSQL table user\b/), path.relative(rt.userFolder, rt.workers![0].logFile), 'Redis key jeugdhulp-e2e-control']),
		);
	});

	// issue 23 part 3: faults while the evaluation runs on a worker (after the scan: these kill processes)
	it('a worker SIGKILLed while it runs the evaluation: n8n fails the stalled job, the trigger fires it again once, every school gets it exactly once', async () => {
		const { mails, executions } = await workerKillScenario(rt);
		process.stderr.write(`[queue] worker killed mid-evaluation: ${mails} mails, executions ${executions.join(', ')}\n`);
		expect(executions).toHaveLength(2); // the killed one (error) and its single retry (success)
		expect(executions.map((e) => e.split(':')[1]).sort()).toEqual(['error', 'success']);
	});

	it('the main instance SIGKILLed while a worker runs the evaluation, then started again: the trigger waits for that run, no second one; exactly once', async () => {
		const { executions } = await mainKillScenario(rt);
		process.stderr.write(`[queue] main killed while a worker ran the evaluation: executions ${executions.join(', ')}\n`);
	});

	// issue 23 parts 1/2: the weekly alert (example workflow, Deadline Monitor 1.3 → E-mail → Confirm delivery)
	it('two weekly alert runs started together while PostgreSQL stalls for 1 s again and again: every alert exactly once, 3 trials', async () => {
		const pgid = postgresGroup(rt.state.queue!.ports.postgres);
		const rows = alertRows(rt);
		for (let trial = 1; trial <= 3; trial++) {
			await rt.forgetAlertMemory(ALERT_WORKFLOW);
			await rt.clearMails();
			const { result: runs, stalls } = await withStalls(pgid, 1000, 1000, Promise.all([rt.executeWorkflow(ALERT_WORKFLOW), rt.executeWorkflow(ALERT_WORKFLOW)]));
			expect(runs.map((r) => r.exitCode)).toEqual([0, 0]);
			const expected = expectedPerRecipient(rows, ...runs);
			const sent = await zorgteamMails(rt);
			process.stderr.write(`[queue] stall trial ${trial}: ${stalls} stalls of 1 s, ${sent.length} mails for ${expected.size} zorgteams\n`);
			expect(listedPerRecipient(rows, sent)).toEqual(expected);
		}
	});

	it('the mail server down during a production run of the weekly alert (it fails at Send Email): the next run sends every alert once, the run after it none', async () => {
		const { mails, zorgteams } = await mailDownScenario(rt);
		process.stderr.write(`[queue] mail server down: the failed run sent nothing, then ${mails} mails to ${zorgteams} zorgteams, then none\n`);
	});

	it('the process running the weekly alert SIGKILLed after it claimed, before its mails went out: the next run sends every alert once, the run after it none', async () => {
		const { claims, mails } = await killAfterClaimScenario(rt);
		process.stderr.write(`[queue] killed after claiming ${claims} alerts: the next run sent ${mails} mails, the run after none\n`);
	});
});
