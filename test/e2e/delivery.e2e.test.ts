/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test code, not shipped in dist */
/**
 * An alert counts once its mail went out (issue 23), in a real n8n (SQLite, one process): the example
 * weekly alert (workflows/deadline-alerts.json: Deadline Monitor 1.3 → E-mail zorgteam → Confirm delivery)
 * run with `n8n execute` (a production run) while the mail server is down, so the run fails at Send Email;
 * then, with the mail server back, the next runs. Then one bad row in the spreadsheet (part 4), and which nodes
 * n8n offers its AI Agent (part 6). Counts what really arrived in maildev.
 * This file owns its runtime because it stops and starts the mail server and changes the sample spreadsheet.
 */
import * as path from 'node:path';

import ExcelJS from 'exceljs';

import { assertNoPersonalData } from '../helpers/privacy';
import { expectedAlerts } from '../helpers/sampleAlerts';
import { sampleCaseRows } from '../helpers/sampleKpis';
import { nodeItems, type ExecuteResult, type Mail } from './runtime';
import { ALERT_WORKFLOW, confirmedItems, killAfterClaimScenario, mailDownScenario } from './support/crashes';
import { startOwned, type OwnedRuntime } from './support/once';

const WORKFLOW = ALERT_WORKFLOW;
const ALERT_SENDER = 'signalering@jeugdhulp.local';
let rt: OwnedRuntime;

beforeAll(async () => {
	rt = await startOwned('sqlite');
});

afterAll(async () => {
	await rt?.stop();
});

const zorgteamMails = async (): Promise<Mail[]> => (await rt.mails()).filter((m) => m.from === ALERT_SENDER && m.to.every((t) => t.startsWith('zorgteam.')));

/** Case references per recipient over these mails (a reference twice in a list = mailed twice). */
function listedPerRecipient(mails: Mail[]): Map<string, string[]> {
	const refs = sampleRows().map((r) => r.caseRef);
	const out = new Map<string, string[]>();
	for (const m of mails) out.set(m.to[0], [...(out.get(m.to[0]) ?? []), ...refs.filter((ref) => (m.text ?? '').includes(ref))].sort());
	return out;
}

/** The cases the runtime made for its day (the CSV twin of the spreadsheet the example reads). */
const sampleRows = () => sampleCaseRows(path.join(rt.dataDir, 'sample-data', 'cases.csv'));

/** The day the Deadline Monitor judged on in this run (the example judges on today in Amsterdam), YYYY-MM-DD. */
function judgedDay(result: ExecuteResult): string {
	const grouped = [...nodeItems(result, 'Deadline Monitor', 0), ...nodeItems(result, 'Deadline Monitor', 1)];
	const [day] = [...new Set(grouped.map((g) => g.referenceDate as string))];
	return day;
}

describe('the weekly alert in a real n8n: delivery confirmed, bad rows, AI tools (issue 23)', () => {
	it('a run that fails at Send Email alerts nobody and counts nothing as sent; the next run sends those alerts once; the run after it none', async () => {
		const { mails, zorgteams } = await mailDownScenario(rt);
		process.stderr.write(`[delivery] failed run, then ${mails} mails to ${zorgteams} zorgteams, then none\n`);
	});

	it('n8n killed after the Deadline Monitor claimed the alerts, before its mails went out: the next run sends every alert once, the run after it none', async () => {
		const { claims, mails } = await killAfterClaimScenario(rt);
		process.stderr.write(`[delivery] killed after claiming ${claims} alerts: the next run sent ${mails} mails, the run after none\n`);
	});

	it('two production runs started together on a fresh memory send each alert once (the head: one run wins the round)', async () => {
		await rt.forgetAlertMemory(WORKFLOW);
		await rt.clearMails();
		const [a, b] = await Promise.all([rt.executeWorkflow(WORKFLOW), rt.executeWorkflow(WORKFLOW)]);
		expect([a.exitCode, b.exitCode]).toEqual([0, 0]);
		const { mails: expected } = expectedAlerts(judgedDay(confirmedItems(a) ? a : b), sampleRows());
		expect(listedPerRecipient(await zorgteamMails())).toEqual(new Map([...expected].map(([to, refs]) => [to, [...refs].sort()])));
		expect(confirmedItems(a) + confirmedItems(b)).toBe((await zorgteamMails()).length);
	});

	it('one bad row does not silence the zorgteams: they get their alerts, the beheerder one mail with the row to fix', async () => {
		// the runtime's copy of the sample spreadsheet (this file owns the runtime) gets one row dated 31 February
		const file = path.join(rt.dataDir, 'sample-data', 'cases.xlsx');
		const wb = new ExcelJS.Workbook();
		await wb.xlsx.readFile(file);
		const sheet = wb.worksheets[0];
		const header = (sheet.getRow(1).values as unknown[]).map(String);
		// under the sheet's Dutch headers (scripts/sample-data/cases.js), which the example maps in its Input Columns
		const cells: Record<string, string> = { dossiernummer: 'C-2026-0099', school: 'Basisschool De Regenboog', zorgteam: 'Zorgteam De Regenboog', 'zorgteam e-mail': 'zorgteam.regenboog@school.example', 'datum zorgteam': '31-02-2026' };
		sheet.addRow(header.map((h) => cells[h] ?? null));
		await wb.xlsx.writeFile(file);

		await rt.forgetAlertMemory(WORKFLOW); // a first run
		await rt.clearMails();
		const result = await rt.executeWorkflow(WORKFLOW);
		expect(result.exitCode).toBe(0);
		const { mails: expected } = expectedAlerts(judgedDay(result), sampleRows());
		expect(listedPerRecipient(await zorgteamMails())).toEqual(new Map([...expected].map(([to, refs]) => [to, [...refs].sort()])));
		const beheerder = (await rt.mails()).filter((m) => m.to.includes('beheerder@jeugdhulp.local'));
		expect(beheerder).toHaveLength(1);
		expect(beheerder[0].subject).toMatch(/1 rij\(en\) in de casuslijst niet gelezen/);
		// one line for the row: its case number, the column and what is wrong with it
		expect(beheerder[0].text).toMatch(/C-2026-0099: Field "datum zorgteam" is not a valid date/);
		assertNoPersonalData(beheerder[0], 'mail to the beheerder');
	});

	it('offers only the Deadline Monitor to n8n\'s AI Agent as a tool (docs/privacy.md "AI agents")', () => {
		const tools = rt.nodes.filter((n) => n.name.endsWith('Tool')).map((n) => n.displayName);
		expect(tools).toEqual(['Deadline Monitor Tool']);
	});
});
