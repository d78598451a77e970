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
		// written for the beheerder (issue 24 §1): greeting, the node's Dutch words with the row, the execution and its link,
		// and no claim that nothing was kept (the link says when it shows data); never n8n's English message
		const text = alerts[0].text ?? '';
		expect(text).toMatch(/^Beste beheerder,\n/);
		expect(text).toMatch(/Wat er mis is: Het veld "bsn" bevat geen geldig BSN \(9 cijfers die aan de elfproef voldoen\) \(rij 3 van het bestand, de kopregel meegeteld\)\./);
		expect(text).toContain('Wat te doen: Controleer het BSN in de bronregistratie en neem het opnieuw over.');
		expect(text).not.toMatch(/is not a valid BSN|Melding van n8n|Van deze uitvoering zijn geen gegevens bewaard/);
		const link = /Link naar de uitvoering: (\S+)/.exec(text);
		expect(link?.[1]).toMatch(new RegExp(`/workflow/${FAILING}/executions/\\d+$`));
		expect(text).toContain('De link toont de gegevens van de uitvoering alleen als de workflow mislukte uitvoeringen bewaart');
		expect(alerts[0].html).toContain('<p>Beste beheerder,</p>');
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
