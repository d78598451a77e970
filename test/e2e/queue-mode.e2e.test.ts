/**
 * The package in n8n's queue mode — n8n main + two workers, Redis and PostgreSQL (Debian packages,
 * started by scripts/runtime/queue.js) — the way a region scales n8n out (issue 10).
 * Same assertions as once.e2e.test.ts (support/once.ts), plus: the executions ran on the workers.
 */
import * as fs from 'node:fs';

import { onceScenario, startOwned, type OwnedRuntime } from './support/once';

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
});
