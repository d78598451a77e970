/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test code, not shipped in dist */
/**
 * Weekly deadline alerts in a real n8n: workflows/deadline-alerts.json reads the synthetic cases
 * spreadsheet (sample-data/cases.xlsx), runs the Deadline Monitor (8-week norm, grouped per zorgteam)
 * and e-mails each zorgteam its overdue and due-soon cases. Asserts what maildev received: who got a
 * mail, which case references it lists — and that it lists nothing else and no personal data.
 *
 * The workflow judges on today (as a scheduled alert must); the sample dates are relative to
 * 2026-11-26. The expected mails are derived from the CSV twin of the spreadsheet with the domain
 * core on the day the node judged on (today in Europe/Amsterdam), and on 2026-11-26 they are the
 * fixed list below. The same expectations and line checks (test/helpers/sampleAlerts.ts) run on
 * every day of a school year in test/engine/deadlines/every-day.test.ts, so none of them holds
 * only on some days.
 */
import { formatIsoDate, fromYmd, today } from '../../domain/primitives/dates';
import { assertNoPersonalData } from '../helpers/privacy';
import { alertLineProblems, expectedAlerts } from '../helpers/sampleAlerts';
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

		const before = today(new Date(), 'Europe/Amsterdam');
		const result = await rt.executeWorkflow(WORKFLOW_ID);
		expect(result.exitCode).toBe(0);
		const after = today(new Date(), 'Europe/Amsterdam');

		// the day n8n judged on: today in Amsterdam while it ran (the run may cross midnight)
		const grouped = [...nodeItems(result, 'Deadline Monitor', 0), ...nodeItems(result, 'Deadline Monitor', 1)];
		const judged = [...new Set(grouped.map((g) => g.referenceDate))];
		expect(judged.length).toBeLessThanOrEqual(1);
		const reference = judged.length === 1 ? fromYmd(...((judged[0] as string).split('-').map(Number) as [number, number, number])) : after;
		expect([formatIsoDate(before), formatIsoDate(after)]).toContain(formatIsoDate(reference));
		const { mails: expected, checks } = expectedAlerts(reference);
		if (reference === fromYmd(2026, 11, 26)) {
			// the sample's own reference date: every zorgteam has 2 overdue and 2 due-soon cases
			expect([...expected.entries()]).toEqual([
				['zorgteam.regenboog@school.example', ['C-2026-0001', 'C-2026-0002', 'C-2026-0003', 'C-2026-0004']],
				['zorgteam.baken@school.example', ['C-2026-0011', 'C-2026-0012', 'C-2026-0013', 'C-2026-0014']],
				['zorgteam.wegwijzer@school.example', ['C-2026-0021', 'C-2026-0022', 'C-2026-0023', 'C-2026-0024']],
				['zorgteam.anker@school.example', ['C-2026-0031', 'C-2026-0032', 'C-2026-0033', 'C-2026-0034']],
			]);
		}

		// the node grouped the cases: per zorgteam one item on Overdue and one on Due Soon (node version 1.3),
		// nothing on the error output (the fifth output is Unchanged, the sixth Error)
		expect([...new Set(grouped.map((g) => g.recipientEmail))].sort()).toEqual([...expected.keys()].sort());
		expect(nodeItems(result, 'Deadline Monitor', 5)).toEqual([]);

		const mails = await rt.mails();
		expect([...new Set(mails.map((m) => m.to.join(',')))].sort()).toEqual([...expected.keys()].sort());
		const allRefs = sampleCaseRows().map((r) => r.caseRef);
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
