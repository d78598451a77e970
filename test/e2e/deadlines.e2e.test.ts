/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test code, not shipped in dist */
/**
 * Weekly deadline alerts in a real n8n: workflows/deadline-alerts.json reads the synthetic cases
 * spreadsheet (sample-data/cases.xlsx), runs the Deadline Monitor (8-week norm, grouped per zorgteam)
 * and e-mails each zorgteam its overdue and due-soon cases. Asserts what maildev received: who got a
 * mail, which case references it lists — and that it lists nothing else and no personal data.
 *
 * The workflow judges on today (as a scheduled alert must); the runtime made the sample data for the
 * day it started (rt.sampleDate, scripts/sample-data). The expected mails come from the independent
 * oracle (test/helpers/sampleAlerts.ts) on the CSV twin of the spreadsheet and the day the node judged
 * on, and on the sample's own day they are the generator's hand-chosen statuses. The same expectations
 * and line checks run on generated data for many days in test/engine/deadlines/sample-any-day.test.ts,
 * so none of them holds only on some days.
 */
import * as path from 'node:path';

import { assertNoPersonalData } from '../helpers/privacy';
import { alertLineProblems, expectedAlerts } from '../helpers/sampleAlerts';
import { caseRows, todayInAmsterdam } from '../helpers/sampleData';
import { sampleCaseRows } from '../helpers/sampleKpis';
import { nodeItems, startRuntime, type E2ERuntime } from './runtime';

const WORKFLOW_ID = 'jhDeadlineAlerts1';
let rt: E2ERuntime;

beforeAll(async () => {
	rt = await startRuntime();
});

afterAll(async () => {
	await rt?.stop();
});

describe('weekly deadline alerts in the real runtime', () => {
	it('mails each zorgteam with overdue or due-soon cases exactly those cases (one mail per status), by pseudonymous reference', async () => {
		expect(rt.workflows.map((w) => w.id)).toContain(WORKFLOW_ID);
		// the runtime is shared: whatever ran this workflow before, this is its first run (Alert Only on Status Change)
		await rt.forgetAlertMemory(WORKFLOW_ID);
		await rt.clearMails();

		const before = todayInAmsterdam();
		const result = await rt.executeWorkflow(WORKFLOW_ID);
		expect(result.exitCode).toBe(0);
		const after = todayInAmsterdam();

		// the day n8n judged on: today in Amsterdam while it ran (the run may cross midnight)
		const grouped = [...nodeItems(result, 'Deadline Monitor', 0), ...nodeItems(result, 'Deadline Monitor', 1)];
		const judged = [...new Set(grouped.map((g) => g.referenceDate as string))];
		expect(judged).toHaveLength(1);
		const reference = judged[0];
		expect([before, after]).toContain(reference);
		// the spreadsheet the workflow read: the runtime's sample data, made for the day it started
		const rows = sampleCaseRows(path.join(rt.dataDir, 'sample-data', 'cases.csv'));
		const { mails: expected, checks } = expectedAlerts(reference, rows);
		if (reference === rt.sampleDate) {
			// on the sample's own day: the statuses its templates were chosen for, every zorgteam alerted
			const chosen = new Map<string, string[]>();
			for (const c of caseRows(rt.sampleDate)) {
				if (c.expected === 'overdue' || c.expected === 'due_soon') chosen.set(c.zorgteamEmail, [...(chosen.get(c.zorgteamEmail) ?? []), c.caseRef]);
			}
			expect([...expected.entries()]).toEqual([...chosen.entries()]);
			expect(expected.size).toBe(4);
		}

		// the node grouped the cases: per zorgteam one item on Overdue and one on Due Soon (node version 1.3),
		// nothing on the error output (the fifth output is Unchanged, the sixth Error)
		expect([...new Set(grouped.map((g) => g.recipientEmail))].sort()).toEqual([...expected.keys()].sort());
		expect(nodeItems(result, 'Deadline Monitor', 5)).toEqual([]);

		const mails = await rt.mails();
		expect([...new Set(mails.map((m) => m.to.join(',')))].sort()).toEqual([...expected.keys()].sort());
		const allRefs = rows.map((r) => r.caseRef);
		const listedPerRecipient = new Map<string, string[]>();
		for (const mail of mails) {
			const want = expected.get(mail.to[0])!;
			expect(mail.subject).toMatch(/^Signalering 8-wekennorm collectieve jeugdhulp: /);
			const listed = allRefs.filter((ref) => (mail.text ?? '').includes(ref));
			expect(want).toEqual(expect.arrayContaining(listed));
			listedPerRecipient.set(mail.to[0], [...(listedPerRecipient.get(mail.to[0]) ?? []), ...listed]);
			const listedHtml = allRefs.filter((ref) => (mail.html ?? '').includes(`>${ref}<`));
			expect(listedHtml.sort()).toEqual([...listed].sort());
			expect(mail.text).toContain('peildatum');
			// plain Dutch: what to do and whom to contact, the days in words, no jargon column
			expect(mail.text).toContain('Wat te doen:');
			expect(mail.text).toContain('contactpersoon van de gemeentelijke toegang');
			expect(mail.html).toContain('<strong>Wat te doen</strong>');
			expect(mail.text).toContain('Besproken in zorgteam op');
			expect(mail.text).not.toContain('Startdatum klok');
			expect(mail.subject).not.toMatch(/\b(?:[02-9]|\d\d+) termijn verstreken/);
			for (const ref of listed) {
				const c = checks.get(ref)!;
				const line = (mail.text ?? '').split('\n').find((l) => l.startsWith(ref)) ?? '';
				expect(alertLineProblems(line, c)).toEqual([]);
			}
			assertNoPersonalData(mail, `mail to ${mail.to[0]}`);
		}
		// together, a zorgteam's mails list each of its cases exactly once
		for (const [to, want] of expected) expect([...(listedPerRecipient.get(to) ?? [])].sort()).toEqual([...want].sort());

		// the run was a production run: it remembered what it alerted (one row per alerted case at least).
		// Forgetting it leaves the shared runtime as this test found it, for the next test that runs the example.
		expect(await rt.forgetAlertMemory(WORKFLOW_ID)).toBeGreaterThanOrEqual(expected.size);
	});
});
