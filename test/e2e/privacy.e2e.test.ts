/**
 * What a failed run leaves behind (issue 10 §3), in the real runtime: the example workflows' settings keep no
 * execution data, so the beheerder learns of a failure from the Error Workflow (workflows/error-alert.json),
 * whose mail names the workflow, the step and the message — never a BSN; and the runtime's CLI log holds no items.
 * (test/e2e/privacy-scan.e2e.test.ts then scans everything the whole suite left.)
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { startRuntime, type E2ERuntime, type Mail } from './runtime';
import { assertNoPersonalData } from '../helpers/privacy';

const FAILING = 'jhE2eErrorAlert1'; // test/e2e/support/workflows/e2e-error-alert.json: the Record Cleaner stops on a bad BSN
let rt: E2ERuntime;

beforeAll(async () => {
	rt = await startRuntime();
});

afterAll(async () => {
	await rt?.stop();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('a failed production run', () => {
	it('keeps no execution, mails the beheerder what failed without personal data, and logs no items', async () => {
		await rt.clearMails();
		const cliLogFile = path.join(rt.userFolder, 'logs', 'cli.log');
		const cliLogBefore = fs.existsSync(cliLogFile) ? fs.statSync(cliLogFile).size : 0;

		const result = await rt.executeWorkflow(FAILING);
		expect(result.exitCode).not.toBe(0);
		// n8n execute printed the items (the test reads them) ...
		expect(result.stdout + result.stderr).toContain('111222333');

		let alerts: Mail[] = [];
		for (let i = 0; i < 60 && alerts.length === 0; i++) {
			alerts = (await rt.mails()).filter((m) => m.to.includes('beheerder@gemeente.example'));
			if (alerts.length === 0) await sleep(1000);
		}
		expect(alerts).toHaveLength(1);
		expect(alerts[0].subject).toBe('n8n: workflow "E2E: a failing run keeps no data and mails the beheerder (Error Workflow)" is mislukt');
		expect(alerts[0].text).toContain('Stap: Record Cleaner');
		expect(alerts[0].text).toMatch(/Foutmelding: .*bsn/i);
		assertNoPersonalData(alerts[0], 'error alert mail');

		// ... but n8n kept no execution of it (saveDataErrorExecution: none) ...
		expect(await rt.executions(FAILING)).toHaveLength(0);
		// ... and the CLI log got one line about it, not the items.
		const cliLog = fs.readFileSync(cliLogFile, 'utf8').slice(cliLogBefore);
		expect(cliLog).toMatch(/n8n execute exited with 1 \(output not logged/);
		expect(cliLog).not.toContain('111222333');
	});
});
