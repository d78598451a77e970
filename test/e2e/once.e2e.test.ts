/**
 * Once means once in the normal runtime (SQLite, one n8n process): alerts and evaluations
 * (issue 10). This file owns its runtime because it restarts n8n. Scenarios: support/once.ts.
 */
import { alertOnceScenario, evaluationCrashScenario, evaluationRestartScenario, startOwned, type OwnedRuntime } from './support/once';

let rt: OwnedRuntime;

beforeAll(async () => {
	rt = await startOwned('sqlite');
});

afterAll(async () => {
	await rt?.stop();
});

describe('once means once — normal runtime (SQLite)', () => {
	it('two deadline runs started together send each alert once; an unchanged run sends none; a changed case is sent once', async () => {
		const { concurrentMails } = await alertOnceScenario(rt);
		process.stderr.write(`[once] mails after two concurrent runs on a fresh memory: ${concurrentMails}\n`);
	});

	it('the evaluation fires once per school and moment, also across a restart of n8n', async () => {
		await evaluationRestartScenario(rt);
	});

	it('n8n killed while the evaluation runs: after the restart the evaluation arrives exactly once', async () => {
		await evaluationCrashScenario(rt);
	});
});
