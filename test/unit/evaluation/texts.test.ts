/**
 * What the evaluation mails say (issue 12): one date style (`14 juni 2026`) in every text field, the
 * agenda also as HTML, and an example workflow whose test run has sample cases to show.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { checkMoment, manualTestItems, parseSchools, validateSchedule } from '../../../domain/evaluation';
import { isoDate, sampleKpisPerSchool } from '../../helpers/sampleKpis';
import { assertNoPersonalData } from '../../helpers/privacy';
import { at, makeConfig, spec } from './helpers';

const SCHOOLS = parseSchools([{ name: 'OBS <De> Regenboog', brin: '12AB', zorgteamEmail: 'zorgteam@regenboog.example.nl', provider: 'Jeugdhulp Voorbeeld' }]);
const ISO = /\d{4}-\d{2}-\d{2}/;

describe('evaluation item texts', () => {
	const [june] = checkMoment(makeConfig({ schools: SCHOOLS }), { watchingSince: 0, fired: {} }, at('2026-06-15T09:00')).items;

	it('give every date in the one Dutch style, "14 juni 2026", never ISO', () => {
		expect(june).toMatchObject({
			momentDate: '2026-06-15',
			momentDateText: '15 juni 2026',
			periodStartText: '2 februari 2026',
			periodEndText: '14 juni 2026',
			annualReportPeriodStartText: '16 juni 2025',
			annualReportPeriodEndText: '14 juni 2026',
		});
		for (const field of ['agendaText', 'agendaHtml', 'momentDateText', 'periodStartText', 'periodEndText', 'annualReportPeriodStartText', 'annualReportPeriodEndText']) {
			expect(String(june[field])).not.toMatch(ISO);
		}
		const [en] = checkMoment(makeConfig({ language: 'en' }), { watchingSince: 0, fired: {} }, at('2026-06-15T09:00')).items;
		expect(en).toMatchObject({ momentDateText: '15 June 2026', periodEndText: '14 June 2026' });
		const [feb] = checkMoment(makeConfig(), { watchingSince: 0, fired: {} }, at('2026-02-02T09:00')).items;
		expect(feb).toMatchObject({ annualReportPeriodStartText: null, annualReportPeriodEndText: null });
	});

	it('carry the agenda as HTML with the same items, every value escaped', () => {
		expect(june.agendaHtml).toContain('<h2 style="font-size:18px;margin:0 0 8px">Halfjaarlijkse evaluatie collectieve jeugdhulp – OBS &lt;De&gt; Regenboog</h2>');
		expect(june.agendaHtml).toContain('Evaluatiemoment: 15 juni 2026. Periode: 2 februari 2026 t/m 14 juni 2026.');
		expect(june.agendaHtml.match(/<li /g)).toHaveLength(june.agenda.length);
		for (const item of june.agenda) expect(june.agendaHtml).toContain(`<strong>${item.title}</strong>`);
		expect(june.agendaHtml).not.toContain('<De>');
		assertNoPersonalData(june, 'evaluation item');
	});
});

describe('the example workflow (workflows/evaluation-semiannual.json)', () => {
	const wf = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../workflows/evaluation-semiannual.json'), 'utf8'));
	const trigger = wf.nodes.find((n: { name: string }) => n.name === 'Semiannual Evaluation Trigger');
	const p = trigger.parameters;
	const config = makeConfig({
		schedule: validateSchedule({
			moments: [spec('first', p.firstMomentMonth, p.firstMomentDay, p.firstMomentTime), spec('second', p.secondMomentMonth, p.secondMomentDay, p.secondMomentTime)],
			zone: 'Europe/Amsterdam',
			shiftToWorkingDay: p.moveToWorkingDay ?? true,
			holidays: new Set(),
			dutchPublicHolidays: p.skipPublicHolidays ?? true,
			annualReportMoment: p.annualReportMoment,
		}),
		schools: parseSchools(p.schools.school),
	});

	it('test run on the sample data\'s reference date (26 November 2026): every school has cases and a share to chart', () => {
		const items = manualTestItems(config, at('2026-11-26T10:00'));
		expect(items.map((i) => i.brin)).toEqual(['12AB', '23CD', '34EF', '45GH']);
		const { periodStart, periodEnd, annualReport } = items[0];
		const rows = sampleKpisPerSchool(isoDate(periodStart), isoDate(periodEnd), isoDate(periodEnd));
		expect(rows.map((r) => r.group)).toEqual(['12AB', '23CD', '34EF', '45GH']);
		for (const row of rows) {
			expect(row.cases).toBeGreaterThanOrEqual(4);
			expect(row.shareWithinNorm).not.toBeNull();
			expect(row.daysToStartDistribution.some((b) => (b.count ?? 0) > 0)).toBe(true);
		}
		// the test run also shows the yearly summary to the municipality
		expect(annualReport).toBe(true);
		const year = sampleKpisPerSchool(isoDate(items[0].annualReportPeriodStart as string), isoDate(periodEnd), isoDate(periodEnd));
		expect(year.length).toBe(4);
	});
});

describe.each(['deadline-alerts.json', 'evaluation-semiannual.json'])('example workflow %s', (file) => {
	const wf = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../workflows', file), 'utf8'));
	const nodes: Array<{ name: string; type: string; parameters: Record<string, any> }> = wf.nodes;

	it('is named "Jeugdhulp: <what it does>" and mails without n8n\'s attribution footer', () => {
		expect(wf.name).toMatch(/^Jeugdhulp: [a-z]/);
		const mails = nodes.filter((n) => n.type === 'n8n-nodes-base.emailSend');
		expect(mails.length).toBeGreaterThan(0);
		for (const n of mails) expect(n.parameters.options.appendAttribution).toBe(false);
	});

	it('explains its steps in sticky notes that name no editor button', () => {
		const notes = nodes.filter((n) => n.type === 'n8n-nodes-base.stickyNote').map((n) => String(n.parameters.content));
		expect(notes.length).toBeGreaterThanOrEqual(5);
		expect(notes.filter((t) => /^### \d\. /.test(t)).length).toBeGreaterThanOrEqual(4);
		for (const text of [...notes, ...nodes.map((n) => n.name)]) expect(text).not.toMatch(/Test workflow|Execute workflow|Execute step|clicking/i);
	});
});
