/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test code, not shipped in dist */
/**
 * Weekly deadline alerts in a real n8n: workflows/deadline-alerts.json reads the synthetic cases
 * spreadsheet (sample-data/cases.xlsx), runs the Deadline Monitor (8-week norm, grouped per zorgteam)
 * and e-mails each zorgteam its overdue and due-soon cases. Asserts what maildev received: who got a
 * mail, which case references it lists — and that it lists nothing else and no personal data.
 *
 * The workflow judges on today (as a scheduled alert must); the sample dates are relative to
 * 2026-11-26. The expected mails are derived from the CSV twin of the spreadsheet with the domain
 * core on today's date in Europe/Amsterdam, and on 2026-11-26 they are the fixed list below.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { fromYmd, today } from '../../domain/primitives/dates';
import { CheckSpec, checkCase } from '../../domain/deadlines';
import { assertNoPersonalData } from '../helpers/privacy';
import { nodeItems, REPO_ROOT, startRuntime, type E2ERuntime } from './runtime';

const WORKFLOW_ID = 'jhDeadlineAlerts1';
let rt: E2ERuntime;

beforeAll(async () => {
	rt = await startRuntime();
});

afterAll(async () => {
	await rt?.stop();
});

function sampleRows(): Array<Record<string, string>> {
	const [header, ...lines] = fs.readFileSync(path.join(REPO_ROOT, 'sample-data', 'cases.csv'), 'utf8').trim().split('\n');
	const cols = header.split(',');
	return lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [cols[i], v])));
}

/** zorgteam e-mail → case references that should be in its mail, per the core on `reference`. */
function expectedMails(reference: number): Map<string, string[]> {
	const spec: CheckSpec = {
		rule: 'eightWeek',
		clock: { norm: { length: 8, unit: 'weeks' }, counting: 'calendarDays', dueSoonDays: 14 },
		fields: { caseRef: 'caseRef', clockStart: 'zorgteamDate', stop: 'startDate', school: 'school', brin: 'brin', zorgteam: 'zorgteam', recipientEmail: 'zorgteamEmail' },
		reference,
		zone: 'Europe/Amsterdam',
		requireCaseRef: true,
	};
	const out = new Map<string, string[]>();
	for (const row of sampleRows()) {
		if (fromYmd(...(row.zorgteamDate.split('-').map(Number) as [number, number, number])) > reference) continue;
		const c = checkCase((f) => row[f], spec);
		if (c.status !== 'overdue' && c.status !== 'due_soon') continue;
		out.set(c.recipientEmail, [...(out.get(c.recipientEmail) ?? []), c.caseRef]);
	}
	return out;
}

describe('weekly deadline alerts in the real runtime', () => {
	it('mails each zorgteam with overdue or due-soon cases exactly those cases, by pseudonymous reference', async () => {
		expect(rt.workflows.map((w) => w.id)).toContain(WORKFLOW_ID);
		await rt.clearMails();

		const result = await rt.executeWorkflow(WORKFLOW_ID);
		expect(result.exitCode).toBe(0);

		const reference = today(new Date(), 'Europe/Amsterdam');
		const expected = expectedMails(reference);
		if (reference === fromYmd(2026, 11, 26)) {
			// the sample's own reference date: every zorgteam has 2 overdue and 2 due-soon cases
			expect([...expected.entries()]).toEqual([
				['zorgteam.regenboog@school.example', ['C-2026-0001', 'C-2026-0002', 'C-2026-0003', 'C-2026-0004']],
				['zorgteam.baken@school.example', ['C-2026-0011', 'C-2026-0012', 'C-2026-0013', 'C-2026-0014']],
				['zorgteam.wegwijzer@school.example', ['C-2026-0021', 'C-2026-0022', 'C-2026-0023', 'C-2026-0024']],
				['zorgteam.anker@school.example', ['C-2026-0031', 'C-2026-0032', 'C-2026-0033', 'C-2026-0034']],
			]);
		}

		// the node grouped the cases: one item per zorgteam on Overdue / Due Soon, nothing on the error output
		const grouped = [...nodeItems(result, 'Deadline Monitor', 0), ...nodeItems(result, 'Deadline Monitor', 1)];
		expect(grouped.map((g) => g.recipientEmail).sort()).toEqual([...expected.keys()].sort());
		expect(nodeItems(result, 'Deadline Monitor', 4)).toEqual([]);

		const mails = await rt.mails();
		expect(mails.map((m) => m.to.join(',')).sort()).toEqual([...expected.keys()].sort());
		const allRefs = sampleRows().map((r) => r.caseRef);
		for (const mail of mails) {
			const want = expected.get(mail.to[0])!;
			expect(mail.subject).toMatch(/^Signalering 8-wekennorm collectieve jeugdhulp: /);
			const listed = allRefs.filter((ref) => (mail.text ?? '').includes(ref));
			expect(listed.sort()).toEqual([...want].sort());
			const listedHtml = allRefs.filter((ref) => (mail.html ?? '').includes(`>${ref}<`));
			expect(listedHtml.sort()).toEqual([...want].sort());
			expect(mail.text).toContain('peildatum');
			assertNoPersonalData(mail, `mail to ${mail.to[0]}`);
		}
	});
});
