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
import { nodeItems, runError, type ExecuteResult, type Mail } from './runtime';
import { startOwned, type OwnedRuntime } from './support/once';

const WORKFLOW = 'jhDeadlineAlerts1';
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

/** Items that passed Confirm delivery in a run, over all its runs (Send Email runs once per alert output). */
function confirmedItems(result: ExecuteResult): number {
	const runs = result.output?.data?.resultData?.runData?.['Confirm delivery'] ?? [];
	return runs.reduce((n, run) => n + (run.data?.main?.[0]?.length ?? 0), 0);
}

/** The cases the runtime made for its day (the CSV twin of the spreadsheet the example reads). */
const sampleRows = () => sampleCaseRows(path.join(rt.dataDir, 'sample-data', 'cases.csv'));

/** The day the Deadline Monitor judged on in this run (the example judges on today in Amsterdam), YYYY-MM-DD. */
function judgedDay(result: ExecuteResult): string {
	const grouped = [...nodeItems(result, 'Deadline Monitor', 0), ...nodeItems(result, 'Deadline Monitor', 1)];
	const [day] = [...new Set(grouped.map((g) => g.referenceDate as string))];
	return day;
}

/** Set "Resend Unconfirmed After" of the example's Deadline Monitor (the saved workflow `n8n execute` runs). */
async function setResendAfter(minutes: number): Promise<void> {
	const wf = await rt.rest('GET', `/workflows/${WORKFLOW}`);
	const monitor = wf.nodes.find((n: { name: string }) => n.name === 'Deadline Monitor');
	monitor.parameters.resendAfterMinutes = minutes;
	await rt.rest('PATCH', `/workflows/${WORKFLOW}`, { name: wf.name, nodes: wf.nodes, connections: wf.connections, settings: wf.settings, versionId: wf.versionId });
}

describe('the weekly alert in a real n8n: delivery confirmed, bad rows, AI tools (issue 23)', () => {
	it('a run that fails at Send Email alerts nobody and counts nothing as sent; the next run sends those alerts once; the run after it none', async () => {
		await rt.clearMails();
		// 1. the SMTP server is down when the production run reaches Send Email: the run fails there
		await rt.stopMaildev();
		const failed = await rt.executeWorkflow(WORKFLOW);
		await rt.startMaildev();
		expect(failed.exitCode).not.toBe(0); // n8n execute: the execution ended in an error
		const why = `${runError(failed, 'E-mail zorgteam')?.message ?? ''} ${runError(failed)?.message ?? ''} ${failed.stdout} ${failed.stderr}`;
		expect(why).toMatch(/refused the connection|ECONNREFUSED/);
		expect(confirmedItems(failed)).toBe(0); // Confirm delivery never ran
		expect(await zorgteamMails()).toEqual([]);

		// 2. minutes later (less than "Resend Unconfirmed After", 10 minutes in the example): the failed run's
		// alerts are left alone — a run that emitted them might still be sending
		const soon = await rt.executeWorkflow(WORKFLOW);
		expect(soon.exitCode).toBe(0);
		expect(await zorgteamMails()).toEqual([]);

		// 3. past it (here set to 0 minutes): the next run sends every alert the failed run could not, once
		await setResendAfter(0);
		const next = await rt.executeWorkflow(WORKFLOW);
		expect(next.exitCode).toBe(0);
		const { mails: expected } = expectedAlerts(judgedDay(next), sampleRows());
		expect(expected.size).toBeGreaterThan(0);
		const sent = await zorgteamMails();
		expect(listedPerRecipient(sent)).toEqual(new Map([...expected].map(([to, refs]) => [to, [...refs].sort()])));
		expect(confirmedItems(next)).toBe(sent.length); // Confirm delivery passed one item per mail sent

		// 4. and a run after that sends none: they were confirmed
		const after = await rt.executeWorkflow(WORKFLOW);
		expect(after.exitCode).toBe(0);
		expect(await zorgteamMails()).toHaveLength(sent.length);
		process.stderr.write(`[delivery] failed run, then ${sent.length} mails to ${expected.size} zorgteams, then none\n`);
		await setResendAfter(10); // the example's own setting again: runs that overlap leave each other's alerts alone
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
