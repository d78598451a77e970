/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test code, not shipped in dist */
/**
 * The weekly alert on every day, not only the day a test happens to run: the example workflow's own
 * Deadline Monitor (workflows/deadline-alerts.json, its parameters unchanged but for a pinned
 * Reference Date) runs on the fixed sample cases (test/fixtures/sample-cases-2026-11-26.csv, under the Dutch
 * headers of the generated cases.xlsx that the example maps in its Input Columns) for every
 * day from 2026-11-26 through 31 August 2027, and each day's zorgteam items must be what the
 * independent oracle (test/helpers/sampleOracle.ts) says — the helper and line checks the real-n8n test
 * (test/e2e/deadlines.e2e.test.ts) uses too. Generated sample data on any day: sample-any-day.test.ts.
 * The span reaches the days whose words differ ("nog 2 dagen", "nog 1 dag", "laatste dag", "1 dag te laat",
 * "2 dagen te laat"), and after mid-January 2027 every open sample case stays overdue.
 */
import { IDataObject } from 'n8n-workflow';

import { addDays, formatIsoDate, fromYmd } from '../../../domain/primitives/dates';
import { runWorkflow } from '../../helpers/engine';
import { alertLineProblems, expectedAlerts } from '../../helpers/sampleAlerts';
import { asSheetRow } from '../../helpers/sampleData';
import { exampleMonitor, NODE, sampleCases } from './helpers';

describe('the weekly alert on every day of a school year', () => {
	it('mails each zorgteam exactly its overdue and due-soon cases (one mail per status), each line in correct Dutch', async () => {
		const rows = sampleCases();
		const seen = new Set<string>();
		const problems: string[] = [];
		for (let day = fromYmd(2026, 11, 26); day <= fromYmd(2027, 8, 31); day = addDays(day, 1)) {
			const reference = formatIsoDate(day);
			const r = await runWorkflow(exampleMonitor(reference), { input: rows.map((row) => asSheetRow(row as Record<string, string>)) });
			expect(r.error).toBeUndefined();
			const { mails, checks } = expectedAlerts(reference, rows as Array<Record<string, string>>);
			const groups = [...r.json(NODE, 0), ...r.json(NODE, 1)];
			expect({ reference, errors: r.json(NODE, 4).length }).toEqual({ reference, errors: 0 });
			// node version 1.3 (as 1.2): a zorgteam gets one mail for its overdue and one for its due-soon cases
			const perRecipient = new Map<string, string[]>();
			for (const group of groups) {
				const cases = group.cases as IDataObject[];
				expect({ reference, statuses: [...new Set(cases.map((c) => c.status))] }).toEqual({ reference, statuses: [group.status] });
				perRecipient.set(group.recipientEmail as string, [...(perRecipient.get(group.recipientEmail as string) ?? []), ...cases.map((c) => c.caseRef as string)]);
			}
			expect({ reference, to: [...perRecipient.keys()].sort() }).toEqual({ reference, to: [...mails.keys()].sort() });
			for (const [to, listedAll] of perRecipient) {
				expect({ reference, listed: [...listedAll].sort() }).toEqual({ reference, listed: [...mails.get(to)!].sort() });
			}
			for (const group of groups) {
				const listed = (group.cases as IDataObject[]).map((c) => c.caseRef as string);
				const lines = (group.text as string).split('\n');
				for (const ref of listed) {
					const check = checks.get(ref)!;
					seen.add(String(check.daysRemaining));
					const line = lines.find((l) => l.startsWith(ref)) ?? '';
					problems.push(...alertLineProblems(line, check).map((p) => `${reference} ${ref}: ${p}`));
				}
			}
		}
		expect(problems).toEqual([]);
		// the span reaches the days whose words differ: singular, the last day, one day late
		expect([...seen]).toEqual(expect.arrayContaining(['1', '0', '-1', '2', '-2']));
	}, 120_000);
});
