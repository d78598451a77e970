import { DateTime } from 'luxon';
import { IDataObject } from 'n8n-workflow';

import { runWorkflow } from '../../helpers/engine';
import { assertNoPersonalData, SYNTHETIC_BSNS, SYNTHETIC_PUPIL_NAMES } from '../../helpers/privacy';
import { assertPrivate, fixture, NODE, paired, refs, sampleCases } from './helpers';

const CASES: IDataObject[] = [
	{ caseRef: 'C-1', school: 'Basisschool De Regenboog', zorgteam: 'ZT Regenboog', zorgteamEmail: 'zt.regenboog@school.example', zorgteamDate: '2026-09-01' },
	{ caseRef: 'C-2', school: 'Basisschool De Regenboog', zorgteam: 'ZT Regenboog', zorgteamEmail: 'zt.regenboog@school.example', zorgteamDate: '10-10-2026' },
	{ caseRef: 'C-3', school: 'Het Baken College', zorgteam: 'ZT Baken', zorgteamEmail: 'zt.baken@school.example', zorgteamDate: '2026-11-20' },
	{ caseRef: 'C-4', school: 'Het Baken College', zorgteam: 'ZT Baken', zorgteamEmail: 'zt.baken@school.example', zorgteamDate: '2026-09-01', startDate: '2026-10-27' },
	{ caseRef: 'C-5', school: 'Het Baken College', zorgteam: 'ZT Baken', zorgteamEmail: 'zt.baken@school.example', zorgteamDate: '2026-09-01', startDate: '2026-10-28' },
];
const BAD: IDataObject = { caseRef: 'C-9', school: 'Het Baken College', zorgteamDate: '2026-09-01', startDate: '2026-08-01', extra: 'kept' };

describe('Check Cases: routing', () => {
	it('sends each case to Overdue, Due Soon, On Track or Closed, with its deadline and the input fields', async () => {
		const r = await runWorkflow(fixture('check-cases.routing'), { input: CASES });
		expect(r.error).toBeUndefined();
		const out = r.output(NODE);
		expect(out.map(refs)).toEqual([['C-1'], ['C-2'], ['C-3'], ['C-4', 'C-5']]);
		expect(out[0][0].json).toEqual({
			...CASES[0],
			deadline: {
				rule: 'eightWeek',
				status: 'overdue',
				clockStart: '2026-09-01',
				stopDate: null,
				dueDate: '2026-10-27',
				daysElapsed: 86,
				daysRemaining: -30,
				referenceDate: '2026-11-26',
				countedIn: 'calendar days',
				recipientEmail: 'zt.regenboog@school.example',
				recipientEmails: ['zt.regenboog@school.example'],
			},
		});
		expect(out[1][0].json.deadline).toMatchObject({ status: 'due_soon', dueDate: '2026-12-05', daysRemaining: 9 });
		expect(out[3].map((i) => (i.json.deadline as IDataObject).status)).toEqual(['met', 'met_late']);
		expect(out.map(paired)).toEqual([[0], [1], [2], [3, 4]]);
		assertPrivate(r);
	});

	it('routes the sample spreadsheet as its generator intends', async () => {
		const rows = sampleCases();
		const r = await runWorkflow(fixture('check-cases.routing'), { input: rows });
		const out = r.output(NODE);
		// per school the templates are: 0-1 overdue, 2-3 due soon, 4-5 on track, 6-9 closed (school 4 has 8 cases)
		const byTemplate = (range: number[]) =>
			rows.filter((_row, i) => range.includes(i < 30 ? i % 10 : i - 30)).map((row) => row.caseRef);
		expect(refs(out[0])).toEqual(byTemplate([0, 1]));
		expect(refs(out[1])).toEqual(byTemplate([2, 3]));
		expect(refs(out[2])).toEqual(byTemplate([4, 5]));
		expect(refs(out[3])).toEqual(byTemplate([6, 7, 8, 9]));
		expect(out.flat()).toHaveLength(38);
		assertPrivate(r);
	});

	it('uses the offer date as the stop event when chosen', async () => {
		const r = await runWorkflow(fixture('check-cases.offer-date-stops-clock'), {
			input: [{ caseRef: 'C-1', zorgteamDate: '2026-09-01', offerDate: '2026-10-20', startDate: '2026-11-20' }],
		});
		expect(r.json(NODE, 3)[0].deadline).toMatchObject({ status: 'met', stopDate: '2026-10-20', daysElapsed: 49 });
	});

	it('runs the thuiszitter rule on Dutch column names into a chosen output field', async () => {
		const r = await runWorkflow(fixture('check-cases.thuiszitter-custom-fields'), {
			input: [
				{ Casusnummer: 'T-1', 'Thuis sinds': '25-08-2026' },
				{ Casusnummer: 'T-2', 'Thuis sinds': '2026-08-26' },
				{ Casusnummer: 'T-3', 'Thuis sinds': '2026-05-01', 'Start aanbod': '2026-08-02' },
			],
		});
		expect(r.error).toBeUndefined();
		const out = r.output(NODE);
		expect(out.map(refs)).toEqual([['T-1'], ['T-2'], [], ['T-3']]);
		expect(out[0][0].json.thuiszitter).toMatchObject({ rule: 'thuiszitter', dueDate: '2026-11-25', status: 'overdue', daysElapsed: 93 });
		expect(out[1][0].json.thuiszitter).toMatchObject({ dueDate: '2026-11-26', status: 'due_soon', daysRemaining: 0 });
		expect(out[3][0].json.thuiszitter).toMatchObject({ status: 'met_late', dueDate: '2026-08-01', stopDate: '2026-08-02' });
		expect(out[0][0].json.deadline).toBeUndefined();
	});

	it('reads timestamps on their Amsterdam calendar day whatever the workflow time zone (issue 15)', async () => {
		// 03:30 UTC on 8 March 2026 is 04:30 in Amsterdam but 22:30 on 7 March in New York
		const input = [{ caseRef: 'C-1', zorgteamDate: '2026-03-08T03:30:00Z' }];
		const ams = await runWorkflow(fixture('check-cases.routing'), { input, timezone: 'Europe/Amsterdam' });
		const ny = await runWorkflow(fixture('check-cases.routing'), { input, timezone: 'America/New_York' });
		expect(ams.json(NODE, 0)[0].deadline).toMatchObject({ clockStart: '2026-03-08', dueDate: '2026-05-03' });
		expect(ny.json(NODE, 0)[0].deadline).toMatchObject({ clockStart: '2026-03-08', dueDate: '2026-05-03' });
		// (the per-case items also get the Group Per Recipient hint, issue 24 \u00a74; only the zone hint is looked at here)
		const zoneHints = (r: typeof ams) => (r.taskData(NODE)?.hints ?? []).map((h) => h.message).filter((m) => !m.startsWith('Group Per Recipient is off'));
		expect(zoneHints(ams)).toEqual([]);
		expect(zoneHints(ny)).toEqual([expect.stringMatching(/read in Europe\/Amsterdam .*runs in America\/New_York/)]);
		// …unless the user chooses a zone in the node
		const wf = fixture('check-cases.routing');
		const node = wf.nodes.find((n) => n.name === NODE)!;
		node.parameters = { ...node.parameters, options: { ...((node.parameters.options as object) ?? {}), calendarTimeZone: 'America/New_York' } };
		const chosen = await runWorkflow(wf, { input, timezone: 'Europe/Amsterdam' });
		expect(chosen.json(NODE, 0)[0].deadline).toMatchObject({ clockStart: '2026-03-07', dueDate: '2026-05-02' });
	});

	it('judges on today in Amsterdam when no reference date is given, whatever the workflow time zone', async () => {
		for (const zone of ['Pacific/Kiritimati', 'Pacific/Pago_Pago']) {
			const before = DateTime.now().setZone('Europe/Amsterdam').toISODate();
			const r = await runWorkflow(fixture('check-cases.reference-today'), { input: [{ zorgteamDate: '2020-01-01' }], timezone: zone });
			const after = DateTime.now().setZone('Europe/Amsterdam').toISODate();
			// today while it ran (a run may cross midnight)
			expect([before, after]).toContain((r.json(NODE, 0)[0].deadline as IDataObject).referenceDate);
		}
	});
});

describe('Check Cases: bad input', () => {
	it('stops the run by default, naming the item and the field', async () => {
		const r = await runWorkflow(fixture('check-cases.stop-on-error'), { input: [...CASES, BAD] });
		// the row as the user sees it (item 6, counted from 1) and the pseudonymous case reference (issue 22 §5)
		expect(r.error?.message).toBe('Field "startDate" (2026-08-01) is before "zorgteamDate" (2026-09-01) (item 6, case C-9)');
		expect(r.error?.description).toMatch(/must be on or after/);
		expect((r.error as unknown as { context: { itemIndex: number } }).context.itemIndex).toBe(5);
		assertPrivate(r);
	});

	it('"Continue": the bad item keeps all its fields plus error and details, on the first output', async () => {
		const r = await runWorkflow(fixture('check-cases.continue-regular-output'), { input: [BAD, ...CASES] });
		const out = r.output(NODE);
		expect(out[0].map((i) => i.json.caseRef)).toEqual(['C-9', 'C-1']);
		expect(out[0][0].json).toMatchObject({ ...BAD, error: expect.stringContaining('"startDate"'), details: { code: 'stop_before_clock_start', field: 'startDate' } });
		expect(out[0][0].pairedItem).toEqual({ item: 0 });
		expect(out.flat()).toHaveLength(6);
		assertPrivate(r);
	});

	it('"Continue (using error output)": bad items leave on the error output, nothing is dropped', async () => {
		const noDate = { caseRef: 'C-10', zorgteamDate: '' };
		const badDate = { caseRef: 'C-11', zorgteamDate: '31-02-2026' };
		const nameAsRef = { caseRef: SYNTHETIC_PUPIL_NAMES[0], zorgteamDate: '2026-09-01' };
		const bsnAsDate = { caseRef: 'C-12', zorgteamDate: SYNTHETIC_BSNS[1] };
		const r = await runWorkflow(fixture('check-cases.error-output'), { input: [...CASES, BAD, noDate, badDate, nameAsRef, bsnAsDate] });
		const out = r.output(NODE);
		expect(out).toHaveLength(5);
		expect(out.slice(0, 4).map(refs)).toEqual([['C-1'], ['C-2'], ['C-3'], ['C-4', 'C-5']]);
		const errors = out[4];
		expect(errors.map((i) => (i.json.details as IDataObject).field)).toEqual(['startDate', 'zorgteamDate', 'zorgteamDate', 'caseRef', 'zorgteamDate']);
		expect(errors.map((i) => (i.json.details as IDataObject).code)).toEqual([
			'stop_before_clock_start',
			'missing_field',
			'invalid_date',
			'invalid_case_ref',
			'invalid_date',
		]);
		expect(paired(errors)).toEqual([5, 6, 7, 8, 9]);
		// error messages never echo the name or BSN the input carried
		for (const e of errors) assertNoPersonalData(`${e.json.error} ${JSON.stringify(e.json.details)}`);
	});

	it('a school that is not in Known Schools (by name or BRIN) is an item error naming the field', async () => {
		const r = await runWorkflow(fixture('check-cases.known-schools'), {
			input: [
				{ caseRef: 'C-1', school: 'Basisschool De Regenboog', zorgteamDate: '2026-11-20' },
				{ caseRef: 'C-2', school: 'Other name', brin: '23CD', zorgteamDate: '2026-11-20' },
				{ caseRef: 'C-3', school: 'SO De Wegwijzer', brin: '34EF', zorgteamDate: '2026-11-20' },
			],
		});
		const out = r.output(NODE);
		expect(refs(out[2])).toEqual(['C-1', 'C-2']);
		expect(refs(out[4])).toEqual(['C-3']);
		expect(out[4][0].json.details).toMatchObject({ code: 'unknown_school', field: 'school' });
	});

	it('Known Schools for one location (12AB01) accepts only that location, not 12AB or 12AB00 (issue 15 §2)', async () => {
		const wf = fixture('check-cases.known-schools');
		(wf.nodes[1].parameters.options as { knownSchools: string }).knownSchools = '12AB01';
		const r = await runWorkflow(wf, {
			input: [
				{ caseRef: 'C-1', school: 'X', brin: '12AB', zorgteamDate: '2026-11-20' },
				{ caseRef: 'C-2', school: 'X', brin: '12AB00', zorgteamDate: '2026-11-20' },
				{ caseRef: 'C-3', school: 'X', brin: '12 ab 01', zorgteamDate: '2026-11-20' },
			],
		});
		const out = r.output(NODE);
		expect(refs(out[2])).toEqual(['C-3']);
		expect(refs(out[4])).toEqual(['C-1', 'C-2']);
	});

	it('refuses an unreadable reference date or pasted holiday list before reading any item, with a hint', async () => {
		const wf = fixture('check-cases.routing');
		wf.nodes[1].parameters.referenceDate = 'gisteren';
		const r = await runWorkflow(wf, { input: CASES });
		expect(r.error?.message).toMatch(/^Field "Reference Date" is not a valid date/);
		expect(r.error?.description).toMatch(/Use one of/);
		const list = fixture('check-cases.school-weeks-pasted-list');
		list.nodes[1].parameters.holidayList = '2026-10-17 - 2026-10-25\nkerstvakantie';
		const r2 = await runWorkflow(list, { input: CASES });
		expect(r2.error?.message).toBe('Line 2 of "Holidays" is not a date range');
		expect(r2.error?.description).toMatch(/one holiday per line/);
	});

	it('refuses a norm in months counted in school weeks before reading any item', async () => {
		const r = await runWorkflow(fixture('check-cases.months-in-school-weeks'), { input: CASES });
		expect(r.error?.message).toBe('A norm in months cannot be counted in school weeks');
		expect(r.error?.description).toMatch(/13 weeks/);
	});
});

describe('Check Cases: school weeks', () => {
	it('built-in calendar: counts around holidays (2025-2026 and 2026-2027, issue 21) without a hint when covered', async () => {
		const r = await runWorkflow(fixture('check-cases.school-weeks-built-in'), {
			input: [
				{ caseRef: 'C-1', zorgteamDate: '2026-01-05', startDate: '2026-03-11' },
				{ caseRef: 'C-2', zorgteamDate: '2026-10-10' },
			],
		});
		expect(r.error).toBeUndefined();
		const closed = r.json(NODE, 3)[0].deadline as IDataObject;
		expect(closed).toMatchObject({ status: 'met', dueDate: '2026-03-11', countedIn: 'school days' });
		expect(closed.calendarWarning).toBeUndefined();
		// 10 October + 56 days = 5 December; herfstvakantie midden 17-25 October 2026 (9 days) moves it to 14 December;
		// on 26 November 18 counted days are left: on track. (Before issue 21 the calendar ended in August 2026.)
		const open = r.json(NODE, 2)[0].deadline as IDataObject;
		expect(open).toMatchObject({ status: 'on_track', dueDate: '2026-12-14', daysRemaining: 18 });
		expect(open.calendarGaps).toBeUndefined();
		expect((r.taskData(NODE)?.hints ?? []).filter((h) => h.type === 'warning')).toEqual([]);
	});

	it('pasted list: the autumn holiday moves the deadline by 9 days, no hint when covered', async () => {
		const r = await runWorkflow(fixture('check-cases.school-weeks-pasted-list'), { input: [{ caseRef: 'C-1', zorgteamDate: '2026-10-01' }] });
		expect(r.json(NODE, 1)[0].deadline).toMatchObject({ dueDate: '2026-12-05', daysRemaining: 9 });
		expect((r.taskData(NODE)?.hints ?? []).filter((h) => h.type === 'warning')).toEqual([]);
	});

	it('from an input field: each case its own calendar; an unreadable list is an error for that item only', async () => {
		const r = await runWorkflow(fixture('check-cases.school-weeks-from-field'), {
			input: [
				{ caseRef: 'C-1', zorgteamDate: '2026-10-01', vakanties: '2026-10-17 - 2026-10-25\n2026-12-19 - 2027-01-03' },
				{ caseRef: 'C-2', zorgteamDate: '2026-10-01', vakanties: [{ start: '2026-10-10', end: '2026-10-18' }, { start: '2026-12-01', end: '2026-12-31' }] },
				{ caseRef: 'C-3', zorgteamDate: '2026-10-01', vakanties: 'herfst' },
			],
		});
		const out = r.output(NODE);
		// C-1: autumn holiday (9 days) before the deadline; C-2: 9 days in October and all of December
		expect(out[1].map((i) => [i.json.caseRef, (i.json.deadline as IDataObject).dueDate])).toEqual([
			['C-1', '2026-12-05'],
			['C-2', '2027-01-05'],
		]);
		// C-2's own list covers only 10 October - 31 December: the days outside are reported
		expect((out[1][1].json.deadline as IDataObject).calendarGaps).toEqual([
			{ from: '2026-10-02', to: '2026-10-09' },
			{ from: '2027-01-01', to: '2027-01-05' },
		]);
		// a list without stated coverage covers its first to its last holiday: C-1's starts on 17 October
		expect((out[1][0].json.deadline as IDataObject).calendarGaps).toEqual([{ from: '2026-10-02', to: '2026-10-16' }]);
		expect(r.taskData(NODE)?.hints?.[0]?.message).toMatch(/2 case\(s\) include days between 2026-10-02 and 2027-01-05/);
		expect(out[4][0].json.details).toMatchObject({ code: 'invalid_holiday_calendar', field: 'vakanties' });
	});
});

describe('Check Cases: cases the rule does not apply to', () => {
	it('thuiszitter rule on the whole case list: cases without a home-since date pass as not applicable on Closed', async () => {
		const rows = sampleCases();
		const r = await runWorkflow(fixture('check-cases.thuiszitter-sample-pass-without-clock-start'), { input: rows });
		expect(r.error).toBeUndefined();
		const out = r.output(NODE);
		expect(refs(out[0])).toEqual(['C-2026-0001', 'C-2026-0021']);
		expect(refs(out[1])).toEqual([]);
		expect(refs(out[2])).toEqual(['C-2026-0005', 'C-2026-0025']);
		const closed = out[3].map((i) => i.json.deadline as IDataObject);
		expect(closed.filter((d) => d.status === 'met')).toHaveLength(2);
		expect(closed.filter((d) => d.status === 'not_applicable')).toHaveLength(32);
		expect(closed.find((d) => d.status === 'not_applicable')).toEqual({
			rule: 'thuiszitter',
			status: 'not_applicable',
			clockStart: null,
			stopDate: null,
			dueDate: null,
			daysElapsed: null,
			daysRemaining: null,
			referenceDate: '2026-11-26',
			countedIn: 'calendar days',
		});
		expect(paired(out.flat()).sort((a, b) => a - b)).toEqual(rows.map((_r, i) => i));
	});

	it('without the option such cases are errors naming the field', async () => {
		const wf = fixture('check-cases.thuiszitter-sample-pass-without-clock-start');
		wf.nodes[1].parameters.options = {};
		wf.nodes[1].onError = 'continueErrorOutput';
		const r = await runWorkflow(wf, { input: sampleCases() });
		const errors = r.output(NODE)[4];
		expect(errors).toHaveLength(32);
		expect(errors[0].json.details).toMatchObject({ code: 'missing_field', field: 'homeSince' });
	});

	it('KPIs leave them out and count them as excluded', async () => {
		const r = await runWorkflow(fixture('kpis.thuiszitter-pass-without-clock-start'), { input: sampleCases() });
		expect(r.json(NODE)).toEqual([
			expect.objectContaining({ cases: 6, startedWithinNorm: 2, openOverdue: 2, openNotYetDue: 2, shareWithinNorm: 0.5, excludedCases: 32, rule: 'thuiszitter' }),
		]);
	});
});

describe('Check Cases: recipient lists are shared and frozen', () => {
	// One array per distinct address text, not per case (the copy per case was most of the node's cost
	// per item, bench/deadlines.bench.ts). Frozen, so changing it in place can never change another case.
	it('gives cases with the same address text the same frozen array, and changing it in place throws', async () => {
		const r = await runWorkflow(fixture('check-cases.routing'), { input: CASES });
		const all = r.output(NODE).flat().map((i) => i.json.deadline as IDataObject);
		const regenboog = all.filter((d) => d.recipientEmail === 'zt.regenboog@school.example');
		expect(regenboog).toHaveLength(2);
		expect(regenboog[0].recipientEmails).toBe(regenboog[1].recipientEmails);
		for (const d of all) expect(Object.isFrozen(d.recipientEmails)).toBe(true);
		const list = regenboog[0].recipientEmails as string[];
		expect(() => list.push('other@school.example')).toThrow(TypeError);
		expect(() => {
			list[0] = 'other@school.example';
		}).toThrow(TypeError);
		expect(regenboog[1].recipientEmails).toEqual(['zt.regenboog@school.example']);
		// the item itself stays open: a node may still replace the field (what Edit Fields does)
		regenboog[0].recipientEmails = ['other@school.example'];
		expect(regenboog[1].recipientEmails).toEqual(['zt.regenboog@school.example']);
	});
});
