/**
 * Once means once in the normal runtime (SQLite, one n8n process): alerts and evaluations
 * (issue 10). This file owns its runtime because it restarts n8n. Scenarios: support/once.ts.
 */
import { onceScenario, startOwned, type OwnedRuntime } from './support/once';

let rt: OwnedRuntime;

beforeAll(async () => {
	rt = await startOwned('sqlite');
});

afterAll(async () => {
	await rt?.stop();
});

describe('once means once — normal runtime (SQLite)', () => {
	it('two deadline runs started together alert each case once, an unchanged run none, a changed case once; the evaluation fires once per school and moment; n8n killed while an evaluation runs: it arrives exactly once after the restart', async () => {
		const { concurrentMails } = await onceScenario(rt, { crash: true });
		process.stderr.write(`[once] mails after two concurrent runs on a fresh memory: ${concurrentMails}\n`);
	});
});
