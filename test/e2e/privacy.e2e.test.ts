/**
 * What a failed run leaves behind (issue 10 §3), in the real runtime: the workflows' settings keep no execution
 * data, so the beheerder learns of a failure from the Error Workflow (workflows/error-alert.json), whose mail
 * names the workflow, the step and the message — never a BSN; and the runtime's CLI log holds no items.
 * (test/e2e/privacy-scan.e2e.test.ts then scans everything the whole suite left.)
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { startRuntime, type E2ERuntime, type Mail } from './runtime';
import { assertNoPersonalData } from '../helpers/privacy';

/** test/e2e/support/workflows/e2e-error-alert.json: Webhook → read bad-pupils.csv → Record Cleaner stops on a bad BSN. */
const FAILING = 'jhE2eErrorAlert1';
const FAILING_NAME = 'E2E: a failing production run keeps no data and mails the beheerder (Error Workflow)';
let rt: E2ERuntime;

beforeAll(async () => {
	rt = await startRuntime();
});

afterAll(async () => {
	await rt?.unpublishWorkflow(FAILING).catch(() => undefined);
	await rt?.stop();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('a failed run', () => {
	it('in production: keeps no execution and mails the beheerder what failed, without personal data', async () => {
		await rt.clearMails();
		await rt.publishWorkflow(FAILING);
		let status = 0;
		for (let i = 0; i < 30 && status !== 200; i++) {
			status = (await fetch(`${rt.urls.editor}/webhook/e2e-error-alert`, { method: 'POST' })).status;
			if (status !== 200) await sleep(1000);
		}
		expect(status).toBe(200);

		let alerts: Mail[] = [];
		for (let i = 0; i < 60 && alerts.length === 0; i++) {
			alerts = (await rt.mails()).filter((m) => m.to.includes('beheerder@gemeente.example'));
			if (alerts.length === 0) await sleep(1000);
		}
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
