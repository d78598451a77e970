/**
 * Per-school holiday calendars that a beheerder keeps in a spreadsheet (issue 21 §1), in real n8n: a CSV with one
 * row per school (municipality and the school's own days, test/e2e/support/data/school-calendars.csv) is merged
 * into the cases by school (n8n's Merge node), and the Deadline Monitor 1.3 counts each case with its school's
 * region and own days on top of the built-in schoolvakanties. Reference date pinned: 1 April 2027.
 */
import { startRuntime, nodeItems, type E2ERuntime } from './runtime';

let rt: E2ERuntime;

beforeAll(async () => {
	rt = await startRuntime();
});

afterAll(async () => {
	await rt?.stop();
});

describe('Per-school holiday calendars from a spreadsheet in real n8n', () => {
	it('each case is counted with its school\'s region and own days', async () => {
		const result = await rt.executeWorkflow('jhE2eSchoolCal1');
		expect(result.exitCode).toBe(0);
		// Zorgteam 15 March 2027; 15 Mar + 56 = 10 May. By hand:
		// SC-1 Utrecht (midden) with its second meivakantie week 3–7 May: 24 Apr–7 May (14 days) → 24 May
		// SC-2 Enschede (noord), no own days: meivakantie 24 Apr–2 May (9) → 19 May
		// SC-3 Maastricht (zuid) with Goede Vrijdag 26 Mar: 1 + 9 → 20 May
		const onTrack = nodeItems(result, 'Deadline Monitor', 2);
		expect(onTrack.map((c) => [c.caseRef, (c.deadline as { dueDate: string }).dueDate])).toEqual([
			['SC-1', '2027-05-24'],
			['SC-2', '2027-05-19'],
			['SC-3', '2027-05-20'],
		]);
		expect((onTrack[1].deadline as { holidayCalendar: string }).holidayCalendar).toBe(
			'built-in schoolvakanties (noord): Enschede (0153) lies in Overijssel, region noord by the regio-indeling schoolvakanties.',
		);
	});
});
