/**
 * What a failed run leaves behind (issue 10 §3), in the real runtime: the workflows' settings keep no execution
 * data, so the beheerder learns of a failure from the Error Workflow (workflows/error-alert.json), whose mail
 * names the workflow, the step and the message — never a BSN; and the runtime's CLI log holds no items.
 * (test/e2e/privacy-scan.e2e.test.ts then scans everything the whole suite left.)
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { startRuntime, type E2ERuntime } from './runtime';
import { FAILING, FAILING_NAME, failProductionRun } from './support/failingRun';
import { assertNoPersonalData } from '../helpers/privacy';

let rt: E2ERuntime;

beforeAll(async () => {
	rt = await startRuntime();
});

afterAll(async () => {
	await rt?.unpublishWorkflow(FAILING).catch(() => undefined);
	await rt?.stop();
});

describe('a failed run', () => {
	it('in production: keeps no execution and mails the beheerder what failed, without personal data', async () => {
		const { status, alerts } = await failProductionRun(rt);
		expect(status).toBe(200);
		expect(alerts).toHaveLength(1);
		expect(alerts[0].subject).toBe(`n8n: workflow "${FAILING_NAME}" is mislukt`);
		expect(alerts[0].text).toContain('Stap: Record Cleaner');
		expect(alerts[0].text).toMatch(/Foutmelding: .*bsn/i);
		assertNoPersonalData(alerts[0], 'error alert mail');
		// n8n kept no execution of it (saveDataErrorExecution: none)
		expect(await rt.executions(FAILING)).toHaveLength(0);
	});

	it('from the command line: the CLI log gets one line, not the items n8n execute prints', async () => {
		const cliLogFile = path.join(rt.userFolder, 'logs', 'cli.log');
		const before = fs.existsSync(cliLogFile) ? fs.statSync(cliLogFile).size : 0;
		const result = await rt.executeWorkflow('jhE2eCleanerBad1'); // same rows, started by hand
		expect(result.exitCode).not.toBe(0);
		expect(result.stdout + result.stderr).toContain('111222333'); // n8n printed the items (tests read them)...
		const logged = fs.readFileSync(cliLogFile, 'utf8').slice(before);
		expect(logged).toMatch(/n8n execute exited with 1 \(output not logged/); // ...the log did not keep them
		expect(logged).not.toContain('111222333');
	});
});
