/**
 * Issue 21 §1 through the real engine: the school-week clock with the built-in schoolvakanties of 2026-2027 and
 * later, the holiday region that follows the school, a school's own closed days, and a clock that runs past what
 * the calendar covers (Deadline Monitor 1.3; 1.2 unchanged). Every due date is worked out by hand in the
 * comments from the Rijksoverheid dates (test/unit/calendar/schoolvakanties.test.ts); reference dates are pinned.
 */
import type { IDataObject } from 'n8n-workflow';

import { runWorkflow, WorkflowJson } from '../../helpers/engine';
import { assertNoPersonalData } from '../../helpers/privacy';
import { fixture, NODE } from './helpers';

const OVERDUE = 0;
const DUE_SOON = 1;
const ON_TRACK = 2;
const CLOSED = 3;
const ERROR = 4;

/** The fixture with another reference date or node version (the same scenario, pinned differently). */
function variant(name: string, change: { referenceDate?: string; typeVersion?: number }): WorkflowJson {
	const w = structuredClone(fixture(name));
	const node = w.nodes.find((n) => n.name === NODE)!;
	if (change.referenceDate) node.parameters = { ...node.parameters, referenceDate: change.referenceDate };
	if (change.typeVersion) node.typeVersion = change.typeVersion;
	return w;
}
const deadlineOf = (json: IDataObject) => json.deadline as IDataObject;
const byRef = (items: Array<{ json: IDataObject }>) => Object.fromEntries(items.map((i) => [i.json.caseRef as string, deadlineOf(i.json)]));

describe('school weeks with the built-in calendar 2026-2027 (issue 21 example)', () => {
	it('zorgteam 5 October 2026, not started, on 7 December 2026: herfstvakantie (9 days) moves the due date from 30 November to 9 December in every region', async () => {
		// 5 Oct + 56 days = 30 Nov; herfstvakantie noord 10–18 Oct, midden and zuid 17–25 Oct 2026 lie wholly inside: + 9 days = 9 Dec.
		// On 7 Dec two counted days are left: due soon. (Before issue 21 the built-in calendar ended in August 2026: 30 Nov, no mark.)
		const r = await runWorkflow(variant('check-cases.school-weeks-region-by-school-municipality', { referenceDate: '2026-12-07' }), {
			input: [
				{ caseRef: 'M-1', zorgteamDate: '2026-10-05', schoolMunicipality: 'Utrecht' },
				{ caseRef: 'N-1', zorgteamDate: '2026-10-05', schoolMunicipality: 'Enschede' },
				{ caseRef: 'Z-1', zorgteamDate: '2026-10-05', schoolMunicipality: 'Maastricht' },
				// 12 Oct: noord's herfstvakantie has 6 days left (13–18 Oct): 7 Dec + 6 = 13 Dec; midden/zuid 9 days: 16 Dec
				{ caseRef: 'N-2', zorgteamDate: '2026-10-12', schoolMunicipality: 'Enschede' },
				{ caseRef: 'M-2', zorgteamDate: '2026-10-12', schoolMunicipality: 'Utrecht' },
			],
		});
		expect(r.error).toBeUndefined();
		const out = byRef(r.output(NODE)[DUE_SOON]);
		expect(out['M-1']).toMatchObject({ status: 'due_soon', dueDate: '2026-12-09', daysRemaining: 2, dueDateKnown: true, statusCertain: true, countedIn: 'school days' });
		expect(out['N-1']).toMatchObject({ dueDate: '2026-12-09', daysRemaining: 2 });
		expect(out['Z-1']).toMatchObject({ dueDate: '2026-12-09', daysRemaining: 2 });
		expect(out['N-2']).toMatchObject({ dueDate: '2026-12-13', daysRemaining: 6 });
		expect(out['M-2']).toMatchObject({ dueDate: '2026-12-16', daysRemaining: 9 });
		expect(out['M-1'].calendarGaps).toBeUndefined();
	});
});

describe('the holiday region follows the school (version 1.3)', () => {
	it('from the school\'s municipality, per case, with the reason in the output; a split municipality is an item error unless the region is given', async () => {
		// Zorgteam 12 July 2027, reference 18 October 2027 (pinned). By hand:
		// noord (Enschede): zomer 10 Jul–22 Aug: 23–31 Aug 9, Sep 30 (39), 1–15 Oct 15 (54); herfst 16–24 Oct; 25, 26 Oct → 26 Oct 2027
		// midden (Utrecht): 13–16 Jul 4; zomer 17 Jul–29 Aug; 30–31 Aug 2 (6), Sep 30 (36), 1–15 Oct (51); herfst 16–24 Oct; 25–29 Oct → 29 Oct 2027
		// zuid (Maastricht, and "zuid" given for a school in Altena): 13–23 Jul 11; zomer 24 Jul–5 Sep; 6–30 Sep 25 (36), 1–20 Oct (56) → 20 Oct 2027
		const r = await runWorkflow(fixture('check-cases.school-weeks-region-by-school-municipality'), {
			input: [
				{ caseRef: 'N-1', zorgteamDate: '2027-07-12', schoolMunicipality: 'Enschede' },
				{ caseRef: 'M-1', zorgteamDate: '2027-07-12', schoolMunicipality: '0344' },
				{ caseRef: 'Z-1', zorgteamDate: '2027-07-12', schoolMunicipality: 'Maastricht' },
				{ caseRef: 'Z-2', zorgteamDate: '2027-07-12', schoolMunicipality: 'zuid' },
				{ caseRef: 'A-1', zorgteamDate: '2027-07-12', schoolMunicipality: 'Altena' },
			],
		});
		const outputs = r.output(NODE);
		const due = byRef(outputs[DUE_SOON]);
		expect(due['N-1']).toMatchObject({ dueDate: '2027-10-26', holidayCalendar: 'built-in schoolvakanties (noord): Enschede (0153) lies in Overijssel, region noord by the regio-indeling schoolvakanties.' });
		expect(due['M-1']).toMatchObject({ dueDate: '2027-10-29', holidayCalendar: 'built-in schoolvakanties (midden): Utrecht (0344) lies in Utrecht, region midden by the regio-indeling schoolvakanties.' });
		expect(due['Z-1']).toMatchObject({ dueDate: '2027-10-20' });
		expect(due['Z-2']).toMatchObject({ dueDate: '2027-10-20', holidayCalendar: 'built-in schoolvakanties (zuid): region zuid as given in "schoolMunicipality"' });
		const [error] = outputs[ERROR];
		expect(error.json.caseRef).toBe('A-1');
		expect(error.json.details).toMatchObject({ code: 'no_holiday_region', field: 'schoolMunicipality' });
		expect(String(error.json.error)).toMatch(/Altena \(1959\) has no single holiday region/);
		assertNoPersonalData(r.output(NODE), 'outputs');
	});
});

describe("a school's own closed days (version 1.3)", () => {
	it('Goede Vrijdag and Bevrijdingsdag every year, and a second meivakantie week from the school\'s own list, do not count; version 1.2 ignores them', async () => {
		// Zorgteam 15 March 2027, midden. 15 Mar + 56 = 10 May. Closed: Goede Vrijdag 26 Mar, meivakantie 24 Apr–2 May (9), Bevrijdingsdag 5 May:
		// 11 days → 21 May. With the school's second meivakantie week 3–7 May (which holds 5 May): 1 + 14 = 15 days → 25 May.
		const input = [
			{ caseRef: 'C-1', zorgteamDate: '2027-03-15' },
			{ caseRef: 'C-2', zorgteamDate: '2027-03-15', schoolDays: '2027-05-03 - 2027-05-07 meivakantie week 2' },
		];
		const r = await runWorkflow(fixture('check-cases.school-weeks-closed-days-and-own-days'), { input });
		const out = byRef(r.output(NODE)[ON_TRACK]);
		expect(out['C-1']).toMatchObject({ dueDate: '2027-05-21', holidayCalendar: 'built-in schoolvakanties (midden) + Goede Vrijdag, Bevrijdingsdag' });
		expect(out['C-2']).toMatchObject({
			dueDate: '2027-05-25',
			holidayCalendar: 'built-in schoolvakanties (midden) + Goede Vrijdag, Bevrijdingsdag + the school\'s own days ("schoolDays")',
		});
		// version 1.2: only the regional meivakantie (9 days): 10 May + 9 = 19 May, for both
		const old = await runWorkflow(variant('check-cases.school-weeks-closed-days-and-own-days', { typeVersion: 1.2 }), { input });
		expect(Object.values(byRef(old.output(NODE)[ON_TRACK])).map((d) => d.dueDate)).toEqual(['2027-05-19', '2027-05-19']);
	});
});

describe('a clock that runs past the built-in calendar (it ends with zomervakantie 2029)', () => {
	// Region noord, reference 12 November 2029 (pinned). The calendar covers noord until 2 September 2029.
	// P-1: 10 Sep + 56 = 5 Nov 2029, but the autumn 2029 is unknown: 5 Nov is the earliest due date; 7 days past it: overdue, provisional.
	// P-2: 29 Oct + 56 = 24 Dec: 42 counted days left, on track whatever the holidays (a holiday only moves the date later).
	// K-1: 4 Jun, started 2 Jul: 5 Jun–20 Jul 46, zomer 21 Jul–2 Sep, 3–12 Sep 10 → 12 Sep (past 2 Sep: earliest); started well before: met, certain.
	const CASES: IDataObject[] = [
		{ caseRef: 'P-1', zorgteam: 'ZT Noord', zorgteamEmail: 'zt.noord@school.example', school: 'School Noord', zorgteamDate: '2029-09-10' },
		{ caseRef: 'P-2', zorgteam: 'ZT Noord', zorgteamEmail: 'zt.noord@school.example', school: 'School Noord', zorgteamDate: '2029-10-29' },
		{ caseRef: 'K-1', zorgteam: 'ZT Noord', zorgteamEmail: 'zt.noord@school.example', school: 'School Noord', zorgteamDate: '2029-06-04', startDate: '2029-07-02' },
	];

	it('version 1.3: the case says its due date is the earliest possible one and whether its status is certain; the grouped mail says it too', async () => {
		const r = await runWorkflow(fixture('check-cases.school-weeks-past-calendar-grouped'), { input: CASES });
		expect(r.error).toBeUndefined();
		const outputs = r.output(NODE);
		const [group] = outputs[OVERDUE];
		const summary = group.json as IDataObject;
		expect((summary.cases as IDataObject[]).map((c) => [c.caseRef, c.status, c.dueDate, c.daysRemaining, c.dueDateKnown, c.statusCertain])).toEqual([
			['P-1', 'overdue', '2029-11-05', -7, false, false],
		]);
		expect(summary.subject).toBe('Signalering 8-wekennorm collectieve jeugdhulp: 1 termijn verstreken, 1 met voorlopige termijn (ZT Noord)');
		expect(summary.text).toContain('niet vóór 5 november 2029');
		expect(summary.text).toContain('Termijn verstreken (voorlopig)');
		expect(summary.text).toContain('hoogstens 7 dagen te laat');
		expect(summary.text).toContain('Termijn nog niet zeker: de vakantiekalender dekt niet alle dagen tot de uiterste datum');
		expect(summary.html).toContain('niet vóór 5 november 2029');
		const onTrack = deadlineOf(outputs[ON_TRACK][0].json);
		expect(onTrack).toMatchObject({ status: 'on_track', dueDate: '2029-12-24', daysRemaining: 42, dueDateKnown: false, statusCertain: true });
		expect(onTrack.calendarWarning).toMatch(/The due date 2029-12-24 is the earliest possible one/);
		const met = deadlineOf(outputs[CLOSED][0].json);
		expect(met).toMatchObject({ status: 'met', dueDate: '2029-09-12', dueDateKnown: false, statusCertain: true });
		assertNoPersonalData(outputs, 'outputs');
	});

	it('version 1.2 keeps its behaviour: a plain date and status, the gap only in calendarGaps', async () => {
		const r = await runWorkflow(variant('check-cases.school-weeks-past-calendar-grouped', { typeVersion: 1.2 }), { input: CASES });
		const [group] = r.output(NODE)[OVERDUE];
		const summary = group.json as IDataObject;
		expect((summary.cases as IDataObject[])[0]).toEqual(expect.not.objectContaining({ dueDateKnown: expect.anything() }));
		expect(summary.subject).toBe('Signalering 8-wekennorm collectieve jeugdhulp: 1 termijn verstreken (ZT Noord)');
		expect(summary.text).not.toContain('voorlopig');
		expect(summary.text).toContain('7 dagen te laat');
		const onTrack = deadlineOf(r.output(NODE)[ON_TRACK][0].json);
		expect(onTrack.dueDateKnown).toBeUndefined();
		// P-2's clock runs from 30 October (the day after the zorgteam) to its due date, all after the calendar's end
		expect(onTrack.calendarGaps).toEqual([{ from: '2029-10-30', to: '2029-12-24' }]);
	});

	it('KPIs (version 1.3): a case the calendar cannot decide is counted as outcome unknown, not as a miss; 1.2 counted it as overdue', async () => {
		// M-2: 8 Jan 2029 + 56 = 5 Mar, + voorjaarsvakantie noord 17–25 Feb (9) = 14 Mar; started 2 Apr: met late, certain.
		// Days to start: K-1 5 Jun–2 Jul = 28; M-2 9 Jan–2 Apr = 84 − 9 = 75. Share: 1 met / (1 met + 1 late) = 0.5.
		const input = [...CASES, { caseRef: 'M-2', zorgteamDate: '2029-01-08', startDate: '2029-04-02' }];
		const r = await runWorkflow(fixture('kpis.school-weeks-past-calendar'), { input });
		const [row] = r.json(NODE, 0);
		expect(row).toMatchObject({
			group: 'overall',
			cases: 4,
			startedWithinNorm: 1,
			startedLate: 1,
			openOverdue: 0,
			openNotYetDue: 1,
			outcomeUnknown: 1,
			shareWithinNorm: 0.5,
			meanDaysToStart: 51.5,
		});
		expect(row.definition).toMatch(/outcomeUnknown/);
		expect(row.chartText).toContain('Uitkomst nog onbekend: 1');
		const old = await runWorkflow(variant('kpis.school-weeks-past-calendar', { typeVersion: 1.2 }), { input });
		const [oldRow] = old.json(NODE, 0);
		expect(oldRow).toMatchObject({ cases: 4, startedWithinNorm: 1, startedLate: 1, openOverdue: 1, shareWithinNorm: 0.3333 });
		expect(oldRow.outcomeUnknown).toBeUndefined();
	});
});
