/**
 * What the beheerder gets from a node added today (issue 12): the column mapping of node version 1.2 read
 * once per run, grouped alerts on each status output they concern, execution hints after a run, and Empty
 * Rows items that say where they came from. Older node versions keep their behaviour (tested beside).
 * Requires `n8n-node build` (the harness loads dist/).
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { loadWorkflow, runWorkflow, type RunResult } from '../../helpers/engine';
import { assertNoPersonalData } from '../../helpers/privacy';
import { triageRequest } from '../../helpers/triageRequest';
import { paired, sampleCases } from '../deadlines/helpers';

const fixture = (name: string) => loadWorkflow(`test/engine/editor/fixtures/${name}.workflow.json`);
const hintsOf = (r: RunResult, node: string) => (r.taskData(node)?.hints ?? []).map((h) => h.message).filter((m) => !m.startsWith('Calendar days are read in'));
const NODE = 'Deadline Monitor';
const OVERDUE = 0;
const DUE_SOON = 1;
const ON_TRACK = 2;
const CLOSED = 3;

describe('Deadline Monitor 1.2: Group Per Recipient puts a group on each status output it concerns', () => {
	it('the sample: every zorgteam with due-soon cases gets a Due Soon group beside its Overdue group', async () => {
		const rows = sampleCases();
		const [old, now] = await Promise.all([runWorkflow(fixture('deadline.grouped.v1.1'), { input: rows }), runWorkflow(fixture('deadline.grouped-per-status.v1.2'), { input: rows })]);
		expect(old.error).toBeUndefined();
		expect(now.error).toBeUndefined();
		const before = old.output(NODE);
		const after = now.output(NODE);
		// version 1.1 (unchanged): four groups on Overdue, Due Soon empty while due-soon cases exist
		expect(before[OVERDUE]).toHaveLength(4);
		expect(before[DUE_SOON]).toHaveLength(0);
		const dueSoonPerTeam = Object.fromEntries(before[OVERDUE].map((g) => [g.json.zorgteam, (g.json.counts as IDataObject).due_soon]));
		expect(dueSoonPerTeam).toEqual({ 'Zorgteam De Regenboog': 2, 'Zorgteam Het Baken': 2, 'Zorgteam De Wegwijzer': 2, 'Zorgteam Het Anker': 2 });

		// version 1.2: the same four Overdue groups, now with their overdue cases only; four Due Soon groups
		const summary = (items: INodeExecutionData[]) => items.map((g) => [g.json.zorgteam, g.json.status, g.json.caseCount, (g.json.cases as IDataObject[]).map((c) => c.status)]);
		expect(summary(after[OVERDUE])).toEqual([
			['Zorgteam De Regenboog', 'overdue', 2, ['overdue', 'overdue']],
			['Zorgteam Het Baken', 'overdue', 2, ['overdue', 'overdue']],
			['Zorgteam De Wegwijzer', 'overdue', 2, ['overdue', 'overdue']],
			['Zorgteam Het Anker', 'overdue', 2, ['overdue', 'overdue']],
		]);
		expect(summary(after[DUE_SOON])).toEqual([
			['Zorgteam De Regenboog', 'due_soon', 2, ['due_soon', 'due_soon']],
			['Zorgteam Het Baken', 'due_soon', 2, ['due_soon', 'due_soon']],
			['Zorgteam De Wegwijzer', 'due_soon', 2, ['due_soon', 'due_soon']],
			['Zorgteam Het Anker', 'due_soon', 2, ['due_soon', 'due_soon']],
		]);
		expect((after[DUE_SOON][0].json.cases as IDataObject[]).map((c) => c.caseRef)).toEqual(['C-2026-0004', 'C-2026-0003']);
		expect(paired([after[DUE_SOON][0]])).toEqual([2, 3]);
		expect(after[DUE_SOON][0].json.recipientEmail).toBe('zorgteam.regenboog@school.example');
		// on-track and closed cases still leave one by one, as before
		expect(after[ON_TRACK]).toHaveLength(before[ON_TRACK].length);
		expect(after[CLOSED]).toHaveLength(before[CLOSED].length);
		// every input item is in exactly one output item
		expect(paired(after.flat()).sort((a, b) => a - b)).toEqual(rows.map((_r, i) => i));
		assertNoPersonalData(now.taskData(NODE)?.data, 'grouped output');
	});
});

describe('Column mapping (node version 1.2): the columns a beheerder names are read once per run', () => {
	const dutch = (row: IDataObject): IDataObject => ({
		Casusnummer: row.caseRef,
		'Datum zorgteam': row.zorgteamDate,
		Startdatum: row.startDate,
		School: row.school,
		Zorgteam: row.zorgteam,
		'E-mail zorgteam': row.zorgteamEmail,
	});

	it('Deadline Monitor: Dutch headers through the mapping give the same deadlines as the old Field Names', async () => {
		const rows = sampleCases().map(dutch);
		const [mapped, legacy] = await Promise.all([runWorkflow(fixture('deadline.dutch-columns.v1.2'), { input: rows }), runWorkflow(fixture('deadline.dutch-columns.v1'), { input: rows })]);
		expect(mapped.error).toBeUndefined();
		expect(legacy.error).toBeUndefined();
		const statuses = (r: RunResult) => r.output(NODE).map((out) => out.map((i) => [i.json.Casusnummer, (i.json.deadline as IDataObject).status]));
		expect(statuses(mapped)).toEqual(statuses(legacy));
		expect(mapped.output(NODE)[OVERDUE].length).toBeGreaterThan(0);
		expect(mapped.output(NODE)[OVERDUE][0].json).toMatchObject({ Casusnummer: expect.stringMatching(/^C-2026-/), deadline: { status: 'overdue' } });
	});

	it('Deadline Monitor 1.2 ignores an old Field Names value (only the mapping counts)', async () => {
		const wf = fixture('deadline.dutch-columns.v1.2');
		wf.nodes[1].parameters.fields = { zorgteamDate: 'nonexistent' };
		const r = await runWorkflow(wf, { input: sampleCases().map(dutch) });
		expect(r.error).toBeUndefined();
	});

	it('Cross-Region Settlement: renamed pupil, residence and school columns, same statements in 1.2 and 1.1', async () => {
		const credentials = { pseudonymisationKeyApi: { key: 'engine-test-phrase-0123456789', keyId: '2026-1' } };
		const input = [
			{ Leerlingnummer: 'L-1', BRIN: '12AB', Woonplaats: '0392', arrangement: 'individueel' },
			{ Leerlingnummer: 'L-2', BRIN: '12AB', Woonplaats: '0363', arrangement: 'individueel' },
		];
		const [mapped, legacy] = await Promise.all([
			runWorkflow(fixture('settlement.renamed-columns.v1.2'), { input, credentials }),
			runWorkflow(fixture('settlement.renamed-columns.v1.1'), { input, credentials }),
		]);
		expect(mapped.error).toBeUndefined();
		const amounts = (r: RunResult) => r.json('Settlement', 0).map((s) => [s.kind, s.municipalityCode, s.amountCents]);
		expect(amounts(mapped)).toEqual([
			['statement', '0392', 10_000],
			['own_share', '0363', 10_000],
		]);
		expect(amounts(mapped)).toEqual(amounts(legacy));
	});

	it('Toeleiding Triage: renamed request columns route as the default names do', async () => {
		const request = triageRequest('A-1', { riskLevel: undefined, needs: undefined, residenceMunicipality: undefined, school: undefined, parentalConsent: undefined, requestId: undefined, zorgteamDecision: undefined, zorgteamDate: undefined });
		const renamed = { ...request, Aanmelding: 'A-1', Risico: 'rood', Hulpvraag: 'gedrag', Woongemeente: '0307', BRIN: '12AB', Toestemming: 'ja', 'Besluit zorgteam': 'ja', 'Datum zorgteam': '02-03-2026' };
		const r = await runWorkflow(fixture('triage.renamed-columns.v1.2'), { input: [renamed] });
		expect(r.error).toBeUndefined();
		const out = r.output('Triage');
		expect(out[1].map((i) => (i.json.triage as IDataObject).requestId ?? i.json.Aanmelding)).toEqual(['A-1']); // output 1: Collective
		expect(out[0]).toEqual([]); // nothing missing
	});
});

describe('Execution hints after a run (counts and column names only)', () => {
	it('Deadline Monitor: blank rows, a column matched by a normalised name, cases without a zorgteam e-mail, a calendar that does not cover the clock', async () => {
		const rows: IDataObject[] = [
			{ caseRef: 'C-1', school: 'School A', zorgteam: 'ZT A', zorgteamEmail: 'a@school.example', 'zorgteamDate ': '2030-03-08', naam: 'Noor Testkind' },
			{ caseRef: '', school: '', zorgteam: '', zorgteamEmail: '', 'zorgteamDate ': '', naam: '' },
			{ caseRef: 'C-2', school: 'School B', zorgteam: 'ZT B', zorgteamEmail: '', 'zorgteamDate ': '2030-03-15', naam: 'Daan Proefleerling' },
			{ caseRef: 'C-3', school: 'School B', zorgteam: 'ZT B', zorgteamEmail: ' ', 'zorgteamDate ': '2030-04-01', naam: 'Sem Voorbeeldink' },
			{ caseRef: 'C-4', school: 'School B', zorgteam: 'ZT B', zorgteamEmail: '', 'zorgteamDate ': '2030-05-19', naam: 'Lotte Fictiefsma' },
		];
		// 2030: past the built-in calendar (it ends with the summer of 2029), so every clock runs through uncovered dates
		const r = await runWorkflow(fixture('deadline.school-weeks-hints.v1.2'), { input: rows });
		expect(r.error).toBeUndefined();
		const out = r.output(NODE);
		const alerting = out[OVERDUE].length + out[DUE_SOON].length;
		expect(alerting).toBe(3); // C-1, C-2, C-3 are past or near their deadline on 2030-05-20; C-4 is on track
		const hints = hintsOf(r, NODE);
		expect(hints).toEqual(
			expect.arrayContaining([
				expect.stringMatching(/^1 blank row\(s\) \(every value empty\) were skipped: item\(s\) 2\./),
				expect.stringContaining('Field "zorgteamDate" was read from the column "zorgteamDate "'),
				expect.stringMatching(/^2 overdue or due-soon case\(s\) have no zorgteam e-mail in column "zorgteamEmail"/),
				expect.stringMatching(/^The holiday calendar does not cover every date these clocks run through: 4 case\(s\)/),
				// Group Per Recipient off: the per-case items carry no recipient list (issue 24 \u00a74)
				'Group Per Recipient is off: the 3 item(s) on Overdue and Due Soon are one case each, without a recipient list or a ready mail (no recipientEmail, subject, text or html), so a Send Email step that uses {{ $json.recipientEmail }} stops with "No recipients defined". Switch Group Per Recipient on for one mail per zorgteam, or address each case with {{ $json.deadline.recipientEmails.join(\',\') }}.',
			]),
		);
		expect(hints).toHaveLength(5);
		assertNoPersonalData(hints, 'hints');
		for (const h of hints) expect(h).not.toMatch(/C-[1-4]\b/);
	});

	it('Deadline Monitor: no e-mail hint when every alerted case has an address', async () => {
		const r = await runWorkflow(fixture('deadline.grouped-per-status.v1.2'), { input: sampleCases() });
		expect(hintsOf(r, NODE).filter((h) => h.includes('zorgteam e-mail') || h.startsWith('Group Per Recipient is off'))).toEqual([]);
	});

	it('Cross-Region Settlement: statements from an incomplete basis say so', async () => {
		const credentials = { pseudonymisationKeyApi: { key: 'engine-test-phrase-0123456789', keyId: '2026-1' } };
		const wf = loadWorkflow('test/engine/settlement/fixtures/calculate.refused-lump-sum.allocate-valid.workflow.json');
		const input = [
			{ leerling: 'Sem Voorbeeldink', school: '12AB', woongemeente: '9999', arrangement: 'individueel' },
			{ leerling: 'Noor Testkind', school: '12AB', woongemeente: '0392', arrangement: 'individueel' },
		];
		const r = await runWorkflow(wf, { input, credentials });
		expect(r.error).toBeUndefined();
		const hints = hintsOf(r, 'Settlement');
		expect(hints).toEqual([expect.stringMatching(/^The statements are provisional: 1 of 2 delivery record\(s\) were refused/)]);
		assertNoPersonalData(hints, 'hints');
		const complete = await runWorkflow(wf, { input: [input[1]], credentials });
		expect(hintsOf(complete, 'Settlement')).toEqual([]);
	});
});

describe('Record Cleaner: Empty Rows items carry the row they came from', () => {
	it('rows with blank cells, rows with no cells at all and Google Sheets rows with only row_number', async () => {
		const input: IDataObject[] = [
			{ zorgteamDatum: '01-03-2026', naam: 'Noor Testkind' },
			{ zorgteamDatum: '', naam: '' },
			{},
			{ row_number: 5 },
		];
		const r = await runWorkflow(fixture('record-cleaner.empty-rows.v1.1'), { input });
		expect(r.error).toBeUndefined();
		const empty = r.json('Record Cleaner', 1);
		expect(empty.map((e) => e.rowNumber)).toEqual([2, 3, 4]);
		expect(empty[1]).toEqual({ rowNumber: 3 });
		expect(empty[2]).toEqual({ row_number: 5, rowNumber: 4 });
		expect(r.output('Record Cleaner')[1].map((i) => i.pairedItem)).toEqual([{ item: 1 }, { item: 2 }, { item: 3 }]);
		assertNoPersonalData(empty, 'empty rows');
	});
});
