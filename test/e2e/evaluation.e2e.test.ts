/**
 * The Semiannual Evaluation Trigger in a real n8n: the example workflow (workflows/evaluation-semiannual.json)
 * is given a moment two minutes from now, published (activated), and the test waits for n8n's own
 * scheduler to fire it. Asserts the e-mails that really arrived in maildev — one per zorgteam with
 * the agenda and the KPIs, plus the yearly summary to the municipality — and that re-activating the
 * workflow after the moment (what a restart does) does not send them again. The mails write every date
 * as "14 juni 2026", and their HTML part carries the KPI chart whose figures equal the KPI output
 * (recomputed here with the domain core from the cases the runtime generated for its day, <dataDir>/sample-data/cases.csv).
 */
import * as path from 'node:path';

import { DateTime } from 'luxon';
import { sleep } from 'n8n-workflow';

import { formatLongDate, fromYmd } from '../../domain/primitives/dates';
import { renderKpiChart } from '../../domain/deadlines';
import { chartLines } from '../helpers/kpiChart';
import { sampleCaseRows, sampleKpisPerSchool } from '../helpers/sampleKpis';
import { startRuntime, type E2ERuntime, type Mail } from './runtime';

const WORKFLOW_ID = 'jhEvaluation0001';
const TRIGGER = 'Semiannual Evaluation Trigger';
const ZONE = 'Europe/Amsterdam';
const ZORGTEAMS = [
	'zorgteam.regenboog@school.example',
	'zorgteam.baken@school.example',
	'zorgteam.wegwijzer@school.example',
	'zorgteam.anker@school.example',
];
const MUNICIPALITY = 'beleid.jeugd@gemeente.example';

let rt: E2ERuntime;

beforeAll(async () => {
	rt = await startRuntime();
});

afterAll(async () => {
	await rt?.unpublishWorkflow(WORKFLOW_ID).catch(() => undefined);
	await rt?.stop();
});

async function waitForMails(count: number, deadline: number): Promise<Mail[]> {
	for (;;) {
		const mails = await rt.mails();
		if (mails.length >= count || Date.now() > deadline) return mails;
		await sleep(2000);
	}
}

describe('semiannual evaluation in the real runtime', () => {
	it('fires at a near-future moment: agenda + KPIs to each zorgteam, yearly summary to the municipality, once', async () => {
		expect(rt.workflows.map((w) => w.id)).toContain(WORKFLOW_ID);

		// A moment 1.5 to 2.5 minutes from now (whole minute), local time in the workflow's zone.
		const moment = DateTime.now().setZone(ZONE).plus({ seconds: 90 }).startOf('minute').plus({ minutes: 1 });
		const second = moment.plus({ months: 6 });
		const wf = await rt.rest('GET', `/workflows/${WORKFLOW_ID}`);
		const trigger = wf.nodes.find((n: { name: string }) => n.name === TRIGGER);
		Object.assign(trigger.parameters, {
			firstMomentMonth: moment.month,
			firstMomentDay: moment.day,
			firstMomentTime: moment.toFormat('HH:mm'),
			secondMomentMonth: second.month,
			secondMomentDay: Math.min(second.day, 28),
			annualReportMoment: 'first',
			moveToWorkingDay: false, // the test may run on a weekend
		});
		await rt.rest('PATCH', `/workflows/${WORKFLOW_ID}`, {
			name: wf.name,
			nodes: wf.nodes,
			connections: wf.connections,
			// keep successful executions so this test can count them (the example keeps none; cases.xlsx holds no BSN or name)
			settings: { ...wf.settings, saveDataSuccessExecution: 'all' },
			versionId: wf.versionId,
		});
		await rt.clearMails();
		await rt.publishWorkflow(WORKFLOW_ID);

		// n8n's scheduler fires at the moment; allow a minute for the run and the SMTP delivery.
		const mails = await waitForMails(5, moment.toMillis() + 90_000);
		const date = moment.toISODate();
		const dutch = (d: DateTime) => formatLongDate(fromYmd(d.year, d.month, d.day), 'nl');
		// the period this moment closes: from the previous (second) moment to the day before this one
		let previous = moment.set({ month: second.month, day: Math.min(second.day, 28) }).startOf('day');
		if (previous >= moment.startOf('day')) previous = previous.minus({ years: 1 });
		const periodEnd = moment.minus({ days: 1 });
		const rows = sampleCaseRows(path.join(rt.dataDir, 'sample-data', 'cases.csv'));
		const kpis = sampleKpisPerSchool(fromYmd(previous.year, previous.month, previous.day), fromYmd(periodEnd.year, periodEnd.month, periodEnd.day), fromYmd(periodEnd.year, periodEnd.month, periodEnd.day), rows);
		// the runtime's sample data gives every school cases in the half-year this moment closes
		expect(kpis.map((r) => r.group).sort()).toEqual(['12AB', '23CD', '34EF', '45GH']);

		const toZorgteams = mails.filter((m) => m.to.some((a) => ZORGTEAMS.includes(a)));
		expect(toZorgteams.map((m) => m.to[0]).sort()).toEqual([...ZORGTEAMS].sort());
		const regenboog = toZorgteams.find((m) => m.to[0] === 'zorgteam.regenboog@school.example') as Mail;
		expect(regenboog.subject).toBe(`Halfjaarlijkse evaluatie collectieve jeugdhulp – Basisschool De Regenboog – ${dutch(moment)}`);
		expect(regenboog.text).toContain('Duur tussen toeleiding en start');
		expect(regenboog.text).toContain('Toepassing integraal arrangeren');
		expect(regenboog.text).toContain('Toeleiding naar ander aanbod');
		expect(regenboog.text).toContain('Jaarrapportage aan de gemeente');
		expect(regenboog.text).toMatch(/Casussen \(besproken in het zorgteam\): \d+/);
		expect(regenboog.text).toMatch(/Aandeel binnen de norm: (\d+% \(doel 75%\)|-)/);
		expect(regenboog.text).toContain(`peildatum ${dutch(periodEnd)}`);

		// one date style throughout, and the KPI chart with the KPI output's own numbers
		for (const mail of toZorgteams) {
			expect(mail.text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
			expect(mail.html ?? '').not.toMatch(/\d{4}-\d{2}-\d{2}/);
			const brin = { 'zorgteam.regenboog@school.example': '12AB', 'zorgteam.baken@school.example': '23CD', 'zorgteam.wegwijzer@school.example': '34EF', 'zorgteam.anker@school.example': '45GH' }[mail.to[0]];
			const row = kpis.find((r) => r.group === brin);
			if (!row) {
				expect(mail.text).toContain('Geen casussen met een zorgteambespreking in deze periode.');
				expect(chartLines(mail.html ?? '')).toEqual([]);
				continue;
			}
			expect(mail.text).toContain(`Casussen (besproken in het zorgteam): ${row.cases}`);
			const lines = chartLines(mail.html ?? '');
			expect(lines).toEqual(chartLines(renderKpiChart(row, { language: 'nl' }).html));
			expect(lines.find((l) => l.label === 'Gerealiseerd')?.value).toBe(row.shareWithinNorm === null ? 'nog geen uitkomst bekend' : `${Math.round(row.shareWithinNorm * 100)}%`);
			expect(lines.find((l) => l.label === 'Doel')?.value).toBe('75%');
			expect(lines.find((l) => l.label === 'Nog niet gestart, termijn verstreken')?.value).toBe(String(row.openOverdue));
			const buckets = lines.filter((l) => /dagen( of meer)?$/.test(l.label)).map((l) => Number(l.value));
			expect(buckets).toEqual(row.daysToStartDistribution.map((b) => b.count));
		}

		const yearly = mails.filter((m) => m.to.includes(MUNICIPALITY));
		expect(yearly).toHaveLength(1);
		expect(yearly[0].subject).toMatch(/^Jaarrapportage collectieve jeugdhulp op school – \d{1,2} [a-z]+ \d{4} t\/m \d{1,2} [a-z]+ \d{4}$/);
		expect(yearly[0].text).toContain(`plaats op ${dutch(moment)}`);
		expect(yearly[0].text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
		// one chart per school with cases in the year (a superset of the half-year)
		expect((yearly[0].html ?? '').match(/Hulp gestart binnen 8 weken na bespreking in het zorgteam/g)?.length ?? 0).toBeGreaterThanOrEqual(kpis.length);
		for (const school of ['Basisschool De Regenboog (12AB)', 'Het Baken College (23CD)', 'SO De Wegwijzer (34EF)', 'Kindcentrum Het Anker (45GH)']) {
			expect(yearly[0].text).toContain(school);
		}
		expect(mails).toHaveLength(5);

		// Exactly once: re-activating after the moment (as an n8n restart does) finds the moment fired.
		await rt.unpublishWorkflow(WORKFLOW_ID);
		await rt.publishWorkflow(WORKFLOW_ID);
		await sleep(15_000);
		expect(await rt.mails()).toHaveLength(5);
		const executions = await rt.executions(WORKFLOW_ID);
		expect(executions).toHaveLength(1);
		// ...because the fired keys were saved with the workflow (static data survives re-activation and restarts)
		const stored = await rt.rest('GET', `/workflows/${WORKFLOW_ID}`);
		if (stored.staticData) expect(JSON.stringify(stored.staticData)).toContain(`12AB:${date}`);
	});
});
