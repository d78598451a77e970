import { IDataObject } from 'n8n-workflow';

import { runWorkflow } from '../../helpers/engine';
import { chartLines } from '../../helpers/kpiChart';
import { assertNoPersonalData } from '../../helpers/privacy';
import { assertPrivate, fixture, NODE, paired, refs, sampleCases } from './helpers';

const STATIC_KEY = 'deadlineMonitorAlerts';
const CASES: IDataObject[] = [
	{ caseRef: 'C-1', zorgteamDate: '2026-09-01' }, // overdue
	{ caseRef: 'C-2', zorgteamDate: '2026-10-10' }, // due soon
	{ caseRef: 'C-3', zorgteamDate: '2026-11-20' }, // on track
];

describe('Alert Only on Status Change', () => {
	it('emits a case on its status output only when its status changed since the last production run', async () => {
		const wf = fixture('check-cases.alert-once');
		const staticData: IDataObject = {};
		const first = await runWorkflow(wf, { input: CASES, staticData, mode: 'trigger' });
		expect(first.output(NODE).map(refs)).toEqual([['C-1'], ['C-2'], ['C-3'], [], []]);

		const second = await runWorkflow(wf, { input: CASES, staticData, mode: 'trigger' });
		expect(second.output(NODE).map(refs)).toEqual([[], [], [], [], ['C-1', 'C-2', 'C-3']]);

		// C-3 started, C-2 is still due soon, a new case C-4 arrives
		const third = await runWorkflow(wf, {
			input: [CASES[0], CASES[1], { ...CASES[2], startDate: '2026-11-25' }, { caseRef: 'C-4', zorgteamDate: '2026-08-01' }],
			staticData,
			mode: 'trigger',
		});
		const out = third.output(NODE);
		expect(out.map(refs)).toEqual([['C-4'], [], [], ['C-3'], ['C-1', 'C-2']]);
		// unchanged items still carry their result and pair with their input
		expect((out[4][1].json.deadline as IDataObject).status).toBe('due_soon');
		expect(paired(out[4])).toEqual([0, 1]);
	});

	it('keeps the memory in the node\'s static data by pseudonymous case reference only', async () => {
		const wf = fixture('check-cases.alert-once');
		const r = await runWorkflow(wf, { input: CASES, staticData: {}, mode: 'trigger' });
		const nodeStatic = Object.values(r.staticData).find((v) => v && typeof v === 'object' && STATIC_KEY in (v as IDataObject)) as IDataObject;
		expect(nodeStatic[STATIC_KEY]).toEqual({
			version: 1,
			cases: [
				['C-1', 'overdue'],
				['C-2', 'due_soon'],
				['C-3', 'on_track'],
			],
		});
		assertNoPersonalData(r.staticData);
	});

	it('manual test runs compare with the memory but do not change it', async () => {
		const wf = fixture('check-cases.alert-once');
		const staticData: IDataObject = {};
		await runWorkflow(wf, { input: [CASES[0]], staticData, mode: 'trigger' });
		const before = JSON.stringify(staticData);
		const manual = await runWorkflow(wf, { input: CASES, staticData, mode: 'manual' });
		expect(manual.output(NODE).map(refs)).toEqual([[], ['C-2'], ['C-3'], [], ['C-1']]);
		expect(JSON.stringify(staticData)).toBe(before);
		const again = await runWorkflow(wf, { input: CASES, staticData, mode: 'manual' });
		expect(again.output(NODE).map(refs)).toEqual([[], ['C-2'], ['C-3'], [], ['C-1']]);
	});

	it('is bounded by Max Remembered Cases, forgetting the case not seen for the longest time', async () => {
		const wf = fixture('check-cases.alert-once');
		wf.nodes[1].parameters.maxRemembered = 2;
		const staticData: IDataObject = {};
		await runWorkflow(wf, { input: CASES, staticData, mode: 'trigger' });
		const again = await runWorkflow(wf, { input: CASES, staticData, mode: 'trigger' });
		// C-1 was forgotten (only C-2 and C-3 kept), so it is new again
		expect(again.output(NODE).map(refs)).toEqual([['C-1'], [], [], [], ['C-2', 'C-3']]);
	});

	it('a status change caused by time passing (due soon → overdue) is emitted once', async () => {
		const wf = fixture('check-cases.alert-once-reference-expression');
		const staticData: IDataObject = {};
		const at = (peildatum: string) => [{ caseRef: 'C-2', zorgteamDate: '2026-10-10', peildatum }];
		expect((await runWorkflow(wf, { input: at('2026-11-26'), staticData, mode: 'trigger' })).output(NODE).map(refs)).toEqual([[], ['C-2'], [], [], []]);
		expect((await runWorkflow(wf, { input: at('2026-12-03'), staticData, mode: 'trigger' })).output(NODE).map(refs)).toEqual([[], [], [], [], ['C-2']]);
		expect((await runWorkflow(wf, { input: at('2026-12-10'), staticData, mode: 'trigger' })).output(NODE).map(refs)).toEqual([['C-2'], [], [], [], []]);
		expect((await runWorkflow(wf, { input: at('2026-12-17'), staticData, mode: 'trigger' })).output(NODE).map(refs)).toEqual([[], [], [], [], ['C-2']]);
	});

	it('needs a case reference', async () => {
		const r = await runWorkflow(fixture('check-cases.alert-once'), { input: [{ zorgteamDate: '2026-09-01' }], staticData: {}, mode: 'trigger' });
		expect(r.error?.message).toBe('Field "caseRef" is empty or missing (item 1)');
	});
});

describe('Group Per Recipient', () => {
	it('emits one item per zorgteam with its overdue and due-soon cases, on the output of its most urgent case', async () => {
		const rows = sampleCases();
		const r = await runWorkflow(fixture('check-cases.grouped-per-zorgteam'), { input: rows });
		expect(r.error).toBeUndefined();
		const out = r.output(NODE);
		// every zorgteam in the sample has an overdue case: four groups on Overdue, none on Due Soon
		expect(out[0].map((i) => i.json.zorgteam)).toEqual(['Zorgteam De Regenboog', 'Zorgteam Het Baken', 'Zorgteam De Wegwijzer', 'Zorgteam Het Anker']);
		expect(out[1]).toEqual([]);
		const regenboog = out[0][0].json;
		expect(regenboog).toMatchObject({
			groupBy: 'zorgteam',
			recipientEmail: 'zorgteam.regenboog@school.example',
			referenceDate: '2026-11-26',
			caseCount: 4,
			counts: { overdue: 2, due_soon: 2, on_track: 0, met: 0, met_late: 0 },
		});
		expect((regenboog.cases as IDataObject[]).map((c) => [c.caseRef, c.status])).toEqual([
			['C-2026-0002', 'overdue'],
			['C-2026-0001', 'overdue'],
			['C-2026-0004', 'due_soon'],
			['C-2026-0003', 'due_soon'],
		]);
		expect(regenboog.subject).toBe(
			'Signalering 8-wekennorm collectieve jeugdhulp: 2 termijnen verstreken, 2 termijnen verlopen binnenkort (Zorgteam De Regenboog)',
		);
		expect(regenboog.text).toContain('C-2026-0001');
		expect(regenboog.html).toContain('<td style="padding:4px 8px;border-bottom:1px solid #ddd">C-2026-0004</td>');
		// the group pairs with the input items it lists
		expect(paired([out[0][0]])).toEqual([0, 1, 2, 3]);
		// on-track and closed cases leave one by one on their own outputs
		expect(out[2]).toHaveLength(8);
		expect(out[3]).toHaveLength(14);
		expect(out[2][0].json.deadline).toBeDefined();
		// every input item is in exactly one output item
		expect(paired(out.flat()).sort((a, b) => a - b)).toEqual(rows.map((_r, i) => i));
		assertPrivate(r);
	});

	it('a zorgteam with only due-soon cases leaves on Due Soon; messages carry no input fields beyond case, school and dates', async () => {
		const r = await runWorkflow(fixture('check-cases.grouped-per-zorgteam'), {
			input: [
				{ caseRef: 'C-1', zorgteam: 'ZT A', zorgteamEmail: 'a@school.example', school: 'School A', zorgteamDate: '2026-10-10', notes: 'vrije tekst' },
				{ caseRef: 'C-2', zorgteam: 'ZT B', zorgteamEmail: 'b@school.example', school: 'School B', zorgteamDate: '2026-09-01' },
				{ caseRef: 'C-3', zorgteam: '', school: 'School C', zorgteamDate: '2026-10-10' },
			],
		});
		const out = r.output(NODE);
		expect(out[0].map((i) => i.json.zorgteam)).toEqual(['ZT B']);
		expect(out[1].map((i) => [i.json.zorgteam, i.json.recipientEmail])).toEqual([
			['ZT A', 'a@school.example'],
			['', ''],
		]);
		expect(out[1][1].json.subject).toContain('(geen zorgteam)');
		expect(JSON.stringify(out[1][0].json)).not.toContain('vrije tekst');
	});

	it('with Alert Only on Status Change: only changed cases are grouped; a second run mails nobody', async () => {
		const wf = fixture('check-cases.grouped-per-zorgteam');
		wf.nodes[1].parameters.alertOnce = true;
		const staticData: IDataObject = {};
		const rows = sampleCases();
		const first = await runWorkflow(wf, { input: rows, staticData, mode: 'trigger' });
		expect(first.output(NODE)[0]).toHaveLength(4);
		const second = await runWorkflow(wf, { input: rows, staticData, mode: 'trigger' });
		const out = second.output(NODE);
		expect(out.slice(0, 4).flat()).toEqual([]);
		expect(out[4]).toHaveLength(38);
		// one case becomes overdue: only its zorgteam gets a group, listing only that case
		const later = rows.map((r) => (r.caseRef === 'C-2026-0013' ? { ...r, zorgteamDate: '2026-09-01' } : r));
		const third = (await runWorkflow(wf, { input: later, staticData, mode: 'trigger' })).output(NODE);
		expect(third[0].map((g) => [g.json.zorgteam, (g.json.cases as IDataObject[]).map((c) => c.caseRef)])).toEqual([
			['Zorgteam Het Baken', ['C-2026-0013']],
		]);
		expect(third[4]).toHaveLength(37);
	});

	it('per school, in English, with all statuses grouped', async () => {
		const r = await runWorkflow(fixture('check-cases.grouped-per-school-english-all-statuses'), { input: sampleCases() });
		const out = r.output(NODE);
		expect(out[0]).toHaveLength(4);
		expect(out.slice(1).flat()).toEqual([]);
		expect(out[0][3].json).toMatchObject({ groupBy: 'school', school: 'Kindcentrum Het Anker', caseCount: 8 });
		expect(out[0][3].json.subject).toBe('Alert 8-week start norm: 2 overdue, 2 due soon, 2 on track, 2 started in time (Kindcentrum Het Anker)');
	});
});

describe('Calculate KPIs', () => {
	it('overall: share within the norm counts open overdue cases as misses, states its definition', async () => {
		const r = await runWorkflow(fixture('kpis.overall'), { input: sampleCases() });
		expect(r.error).toBeUndefined();
		const [row, ...rest] = r.json(NODE);
		expect(rest).toEqual([]);
		// sample: 38 cases; per school 2 overdue, 2 due soon, 2 on track, 4 (school 4: 2) closed
		expect(row).toMatchObject({
			groupBy: 'overall',
			group: 'overall',
			cases: 38,
			startedWithinNorm: 11,
			startedLate: 3,
			openOverdue: 8,
			openNotYetDue: 16,
			shareWithinNorm: 0.5,
			target: 0.75,
			meetsTarget: false,
			rule: 'eightWeek',
			referenceDate: '2026-11-26',
			invalidCases: 0,
		});
		expect(row.definition).toMatch(/open cases not yet due are excluded/);
		expect(r.output(NODE)[0][0].pairedItem).toHaveLength(38);
	});

	it('per school within a period, against another target', async () => {
		const r = await runWorkflow(fixture('kpis.per-school-period'), { input: sampleCases() });
		const rows = r.json(NODE);
		expect(rows.map((x) => [x.school ?? x.group, x.cases, x.target])).toEqual([
			['Basisschool De Regenboog', 10, 0.8],
			['Het Baken College', 10, 0.8],
			['Kindcentrum Het Anker', 8, 0.8],
			['SO De Wegwijzer', 10, 0.8],
		]);
		expect(rows[2]).toMatchObject({ startedWithinNorm: 2, startedLate: 0, openOverdue: 2, shareWithinNorm: 0.5 });
	});

	it('suppresses counts below the threshold for reports leaving the organisation', async () => {
		const r = await runWorkflow(fixture('kpis.suppressed'), { input: sampleCases() });
		const rows = r.json(NODE);
		expect(rows).toHaveLength(4);
		for (const row of rows) {
			expect(row.cases).toBeGreaterThanOrEqual(5);
			expect(row.openOverdue).toBeNull();
			expect(row.suppressed).toContain('openOverdue');
		}
	});

	it('each row carries the KPI chart (chartHtml, chartText) whose numbers are the row\'s own', async () => {
		const r = await runWorkflow(fixture('kpis.overall'), { input: sampleCases() });
		const [row] = r.json(NODE);
		const lines = chartLines(String(row.chartHtml));
		const at = (label: string) => lines.find((l) => l.label === label);
		expect(at('Gerealiseerd')).toEqual({ label: 'Gerealiseerd', value: `${Math.round((row.shareWithinNorm as number) * 100)}%`, bar: Math.round((row.shareWithinNorm as number) * 240) });
		expect(at('Doel')?.value).toBe('75%');
		expect(at('Nog niet gestart, termijn verstreken')?.value).toBe(String(row.openOverdue));
		const buckets = row.daysToStartDistribution as Array<{ count: number }>;
		expect(lines.filter((l) => / dagen( of meer)?$/.test(l.label)).map((l) => Number(l.value))).toEqual(buckets.map((b) => b.count));
		expect(buckets[0].count + buckets[1].count).toBe(row.startedWithinNorm);
		expect(buckets[2].count + buckets[3].count).toBe(row.startedLate);
		expect(row.chartText).toContain('Hulp gestart binnen 8 weken na bespreking in het zorgteam: 50% (doel 75%, doel niet gehaald)');
		assertNoPersonalData(row, 'KPI row');
		// English on request
		const wf = fixture('kpis.overall');
		wf.nodes[1].parameters.chartLanguage = 'en';
		const [en] = (await runWorkflow(wf, { input: sampleCases() })).json(NODE);
		expect(String(en.chartHtml)).toContain('Help started within 8 weeks of the zorgteam discussion');
	});

	it('a suppressed count gets no bar and no number in the chart', async () => {
		const r = await runWorkflow(fixture('kpis.suppressed'), { input: sampleCases() });
		for (const row of r.json(NODE)) {
			const overdue = chartLines(String(row.chartHtml)).find((l) => l.label === 'Nog niet gestart, termijn verstreken');
			expect(overdue).toMatchObject({ bar: null, value: expect.stringMatching(/^niet getoond/) });
		}
	});

	it('leaves out cases outside the period or discussed after the reference date, and says how many', async () => {
		const wf = fixture('kpis.overall');
		Object.assign(wf.nodes[1].parameters, { referenceDate: '2026-10-01', periodStart: '2026-09-01', periodEnd: '2026-12-31' });
		const r = await runWorkflow(wf, {
			input: [
				{ caseRef: 'C-1', zorgteamDate: '2026-08-31' }, // before the period
				{ caseRef: 'C-2', zorgteamDate: '2026-09-01', startDate: '2026-09-20' }, // met
				{ caseRef: 'C-3', zorgteamDate: '2026-11-01' }, // after the reference date: not an error
			],
		});
		expect(r.error).toBeUndefined();
		expect(r.json(NODE)).toEqual([expect.objectContaining({ cases: 1, startedWithinNorm: 1, shareWithinNorm: 1, excludedCases: 2, invalidCases: 0 })]);
		expect(paired(r.output(NODE)[0])).toEqual([1]);
	});

	it('overall always has its row, also without cases', async () => {
		const wf = fixture('kpis.overall');
		Object.assign(wf.nodes[1].parameters, { periodStart: '2030-01-01' });
		const r = await runWorkflow(wf, { input: [{ caseRef: 'C-1', zorgteamDate: '2026-08-31' }] });
		expect(r.json(NODE)).toEqual([expect.objectContaining({ group: 'overall', cases: 0, shareWithinNorm: null, excludedCases: 1 })]);
	});

	it('bad cases leave on the error output and are counted as invalid, not silently dropped', async () => {
		const r = await runWorkflow(fixture('kpis.error-output'), {
			input: [...sampleCases().slice(0, 10), { caseRef: 'C-X', zorgteamDate: 'gisteren' }],
		});
		const out = r.output(NODE);
		expect(out[0]).toHaveLength(1);
		expect(out[0][0].json).toMatchObject({ cases: 10, invalidCases: 1 });
		expect(out[1].map((i) => i.json.caseRef)).toEqual(['C-X']);
		expect(out[1][0].json.details).toMatchObject({ code: 'invalid_date', field: 'zorgteamDate' });
		assertPrivate(r);
	});
});
