/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test code, not shipped in dist */
/**
 * The sample data on any day (issue 20): the cases `npm start` lays out for a day D (scripts/sample-data),
 * run through the weekly alert example's own Deadline Monitor (workflows/deadline-alerts.json, only the
 * Reference Date pinned to D and the memory off), show every status on D: Overdue, Due Soon, On Track and
 * Closed per case, the thuiszitter rule's statuses, and per zorgteam a mail with the singular and plural
 * day words. Expectations come from the generator's hand-chosen templates (`expected`) and the
 * independent oracle (test/helpers/sampleOracle.ts), never from domain/deadlines.
 */
import { IDataObject } from 'n8n-workflow';

import { runWorkflow } from '../../helpers/engine';
import { alertLineProblems, expectedAlerts } from '../../helpers/sampleAlerts';
import { asSheetRow, caseRows, sampleDays, SCHOOLS } from '../../helpers/sampleData';
import { dayNumber, eightWeekOracle, isoOfDay } from '../../helpers/sampleOracle';
import { exampleMonitor, NODE } from './helpers';

const OUTPUT_OF: Record<string, number> = { overdue: 0, due_soon: 1, on_track: 2, met: 3, met_late: 3 };

describe.each(sampleDays())('the sample data made for %s', (day) => {
	const cases = caseRows(day);
	// as Extract From File gives cases.xlsx: the Dutch headers, which the example maps in its Input Columns
	const input = cases.map(asSheetRow);

	it('says per case what the independent oracle says, and every output holds a case', async () => {
		for (const c of cases) expect({ ref: c.caseRef, status: eightWeekOracle(c.zorgteamDate, c.startDate, day).status }).toEqual({ ref: c.caseRef, status: c.expected });
		const r = await runWorkflow(exampleMonitor(day, { groupByRecipient: false }), { input });
		expect(r.error).toBeUndefined();
		const out = r.output(NODE);
		expect(out[4] ?? []).toEqual([]); // no error items
		for (const [k, items] of out.slice(0, 4).entries()) {
			expect(items.length).toBeGreaterThan(0); // Overdue, Due Soon, On Track, Closed
			for (const item of items) {
				const c = cases.find((x) => x.caseRef === item.json.dossiernummer)!;
				expect({ ref: c.caseRef, output: k, status: (item.json.deadline as IDataObject).status }).toEqual({ ref: c.caseRef, output: OUTPUT_OF[c.expected], status: c.expected });
			}
		}
		expect(out.slice(0, 4).flat()).toHaveLength(cases.length); // every case accounted for
	});

	it('shows the thuiszitter rule overdue, on track and met', async () => {
		const r = await runWorkflow(exampleMonitor(day, { groupByRecipient: false, rule: 'thuiszitter', options: { passWithoutClockStart: true } }), { input });
		expect(r.error).toBeUndefined();
		const status = new Map(r.output(NODE).slice(0, 4).flat().map((i) => [i.json.dossiernummer, (i.json.deadline as IDataObject).status]));
		const withData = cases.filter((c) => c.expectedThuiszitter);
		expect(withData.map((c) => [c.caseRef, status.get(c.caseRef)])).toEqual(withData.map((c) => [c.caseRef, c.expectedThuiszitter]));
		expect(new Set(withData.map((c) => c.expectedThuiszitter))).toEqual(new Set(['overdue', 'on_track', 'met']));
	});

	it('mails each zorgteam its overdue and due-soon cases, with singular and plural day words', async () => {
		const r = await runWorkflow(exampleMonitor(day), { input });
		expect(r.error).toBeUndefined();
		const { mails, checks } = expectedAlerts(day, cases);
		// the example (node version 1.3) groups per zorgteam and status: every zorgteam has an item on Overdue and on Due Soon
		const everyZorgteam = SCHOOLS.map((s) => s.zorgteamEmail).sort();
		expect(r.json(NODE, 0).map((g) => g.recipientEmail).sort()).toEqual(everyZorgteam);
		expect(r.json(NODE, 1).map((g) => g.recipientEmail).sort()).toEqual(everyZorgteam);
		const groups = [...r.json(NODE, 0), ...r.json(NODE, 1)];
		const listedFor = new Map<string, string[]>();
		const words = new Set<number>();
		const problems: string[] = [];
		for (const [k, group] of groups.entries()) {
			const status = k < r.json(NODE, 0).length ? 'overdue' : 'due_soon';
			const listed = (group.cases as IDataObject[]).map((c) => c.caseRef as string);
			listedFor.set(group.recipientEmail as string, [...(listedFor.get(group.recipientEmail as string) ?? []), ...listed]);
			const lines = (group.text as string).split('\n');
			for (const ref of listed) {
				const expected = checks.get(ref)!;
				expect({ ref, status: expected.status }).toEqual({ ref, status });
				words.add(expected.daysRemaining!);
				problems.push(...alertLineProblems(lines.find((l) => l.startsWith(ref)) ?? '', expected));
			}
		}
		expect(new Map([...listedFor].map(([to, refs]) => [to, refs.sort()]))).toEqual(new Map([...mails].map(([to, refs]) => [to, [...refs].sort()])));
		expect(problems).toEqual([]);
		expect([...words]).toEqual(expect.arrayContaining([1, 0, -1, 6, -14]));
	});

	it('gives every school cases in the evaluation example’s half-year and in its annual-report year', () => {
		// Moments 1 April and 1 October (workflows/evaluation-semiannual.json): the most recent one on or
		// before the day, and the half-year it closes; a few days' margin for a moment moved to a working day.
		const [y, m] = day.split('-').map(Number);
		const moment = m >= 10 ? `${y}-10-01` : m >= 4 ? `${y}-04-01` : `${y - 1}-10-01`;
		const previous = moment.endsWith('10-01') ? `${moment.slice(0, 4)}-04-01` : `${Number(moment.slice(0, 4)) - 1}-10-01`;
		const inside = (c: { zorgteamDate: string }, from: string, to: string) =>
			dayNumber(c.zorgteamDate) >= dayNumber(from) + 7 && dayNumber(c.zorgteamDate) <= dayNumber(to) - 7;
		for (const s of SCHOOLS) {
			const own = cases.filter((c) => c.brin === s.brin);
			expect({ school: s.brin, halfYear: own.some((c) => inside(c, previous, isoOfDay(dayNumber(moment) - 1))) }).toEqual({ school: s.brin, halfYear: true });
			const year = own.filter((c) => inside(c, isoOfDay(dayNumber(moment) - 365), moment)).length;
			expect({ school: s.brin, yearAtLeast3: year >= 3 }).toEqual({ school: s.brin, yearAtLeast3: true });
		}
	});
});
