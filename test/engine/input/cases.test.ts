/**
 * The cases of issues 11 (§1 column names, §2 blank rows, §6 per-item parameters) and 15 (Amsterdam
 * calendar days, one BRIN rule, address lists), each through n8n's real engine with the right value.
 * Requires `n8n-node build` (the harness loads dist/).
 */
import type { IDataObject, INode } from 'n8n-workflow';

import { PACKAGE_NAME, runWorkflow, singleNodeWorkflow, type WorkflowJson } from '../../helpers/engine';
import { assertNoPersonalData } from '../../helpers/privacy';
import { triageRequest } from '../../helpers/triageRequest';

const credentials = { pseudonymisationKeyApi: { key: 'engine-test-phrase-0123456789', keyId: '2026-1' } };
const BOM = '\uFEFF';

const node = (type: string, parameters: IDataObject, extra: Partial<INode> = {}): WorkflowJson =>
	singleNodeWorkflow(type, parameters, type === 'crossRegionSettlement' ? { credentials: { pseudonymisationKeyApi: { id: 'key', name: 'Key' } }, ...extra } : extra);
const amounts = (items: IDataObject[]) => Object.fromEntries(items.map((i) => [`${i.kind}:${i.municipalityCode}`, i.amountCents]));
/**
 * The node's execution hints, without the calendar-zone hint (tested on its own below) and the Deadline Monitor's
 * hint on per-case items (Group Per Recipient off; test/engine/editor/editor.test.ts).
 */
const hintsOf = (r: Awaited<ReturnType<typeof runWorkflow>>, all = false) =>
	(r.taskData('Node')?.hints ?? [])
		.map((h) => h.message)
		.filter((m) => !m.startsWith('Group Per Recipient is off') && (all || !m.startsWith('Calendar days are read in')));

/** Amsterdam SJSO, 2026-Q1, population financing, lump sum 300,00 split by pupils (issue 11 §1). */
export const POPULATION: IDataObject = {
	operation: 'calculate',
	regionPolicy: 'amsterdam_sjso',
	// confirmed for 2026: S4 §4.2.4 documents the treatment of pupils from elsewhere up to 31 July 2021 (issue 21)
	outsiders: 'group_open_individual_settled',
	period: '2026-Q1',
	financingForm: 'population',
	allocationKey: 'pupils',
	lumpSum: '300,00',
};
export const THREE_PUPILS: IDataObject[] = [
	{ leerling: 'L-1', school: '12AB', woongemeente: '0363', arrangement: 'individueel' },
	{ leerling: 'L-2', school: '12AB', woongemeente: '0392', arrangement: 'individueel' },
	{ leerling: 'L-3', school: '12AB', woongemeente: '0479', arrangement: 'individueel' },
];
/** A complete request that leads to an individual beschikking at an Amersfoort OSJ school (needs the access team). */
const TRIAGE_REQUEST: IDataObject = triageRequest('R-1', { pupilReference: 'PUP-1' });
const withBom = (rows: IDataObject[]) => rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k === 'leerling' ? BOM + k : k, v])));

describe('issue 11 §1: invisible characters in column names', () => {
	it('Settlement: a BOM before "leerling" still finds the column: 0392 10000, 0479 10000, own share 10000 cents; one hint names the real column', async () => {
		const r = await runWorkflow(node('crossRegionSettlement', POPULATION), { input: withBom(THREE_PUPILS), credentials });
		expect(r.error).toBeUndefined();
		expect(amounts(r.json('Node', 0))).toEqual({ 'statement:0392': 10000, 'statement:0479': 10000, 'own_share:0363': 10000 });
		expect(r.json('Node', 2)[0]).toMatchObject({ recordsRejected: 0, balanced: true, blankRows: 0 });
		const hints = hintsOf(r);
		expect(hints).toEqual([expect.stringContaining('Field "leerling" was read from the column "<U+FEFF>leerling"')]);
	});

	it('Record Cleaner: a BOM, NBSP and case in headers find their columns; the cleaned value replaces that column', async () => {
		const r = await runWorkflow(
			node('recordCleaner', { rules: { rule: [{ field: 'zorgteamDatum', type: 'date', required: true }, { field: 'school', type: 'brin', required: true }] } }),
			{ input: [{ [`${BOM}ZorgteamDatum`]: '01-03-2026', 'School\u00A0': '12 ab' }], timezone: 'Europe/Amsterdam' },
		);
		expect(r.error).toBeUndefined();
		expect(r.json('Node', 0)).toEqual([{ [`${BOM}ZorgteamDatum`]: '2026-03-01', 'School\u00A0': '12AB' }]);
		expect(hintsOf(r)).toHaveLength(2);
	});

	it('two columns that normalise to the same name stop the run naming both, even with On Error "Continue"', async () => {
		const r = await runWorkflow(node('crossRegionSettlement', POPULATION, { onError: 'continueRegularOutput' }), {
			input: [{ 'Leerling ': 'L-1', [`${BOM}leerling`]: 'L-1', school: '12AB', woongemeente: '0363' }],
			credentials,
		});
		expect(r.error?.message).toMatch(/Field "leerling" matches 2 columns .*"Leerling " and "<U\+FEFF>leerling"/);
	});

	it('no matching column: the error names the closest existing column ("did you mean")', async () => {
		const r = await runWorkflow(node('crossRegionSettlement', POPULATION), { input: [{ leerlingen: 'L-1', school: '12AB', woongemeente: '0363' }], credentials });
		expect(r.error?.message).toBe('Field "leerling" is empty or missing (item 1)');
		expect(r.error?.description).toMatch(/did you mean "leerlingen"\?/);
		// an empty cell in an existing column is not a naming problem: no suggestion
		const empty = await runWorkflow(node('crossRegionSettlement', POPULATION), { input: [{ leerling: '', leerlingen: 'x', school: '12AB', woongemeente: '0363' }], credentials });
		expect(empty.error?.description).not.toMatch(/did you mean/);
	});
});

describe('issue 11 §2: blank rows', () => {
	const blank = { leerling: '', school: '', woongemeente: '', arrangement: '' };

	it('Settlement: Amsterdam + Haarlem + one all-empty row, On Error default: no stop, counted in the summary and a hint', async () => {
		const r = await runWorkflow(node('crossRegionSettlement', POPULATION), { input: [THREE_PUPILS[0], blank, THREE_PUPILS[1]], credentials });
		expect(r.error).toBeUndefined();
		expect(amounts(r.json('Node', 0))).toEqual({ 'statement:0392': 15000, 'own_share:0363': 15000 });
		expect(r.json('Node', 2)[0]).toMatchObject({ recordsIn: 2, recordsRejected: 0, blankRows: 1, balanced: true });
		expect(hintsOf(r)).toEqual([expect.stringMatching(/^1 blank row\(s\) \(every value empty\) were skipped: item\(s\) 2\./)]);
	});

	it('Google Sheets: a whitespace-only row that carries row_number is a blank row, not an error', async () => {
		const r = await runWorkflow(node('crossRegionSettlement', POPULATION), {
			input: [{ ...THREE_PUPILS[0], row_number: 2 }, { leerling: ' ', school: '  ', woongemeente: '', arrangement: ' ', row_number: 3 }, { ...THREE_PUPILS[1], row_number: 4 }],
			credentials,
		});
		expect(r.error).toBeUndefined();
		expect(amounts(r.json('Node', 0))).toEqual({ 'statement:0392': 15000, 'own_share:0363': 15000 });
		expect(r.json('Node', 2)[0]).toMatchObject({ recordsIn: 2, recordsRejected: 0, blankRows: 1, balanced: true });
	});

	it('a row with some fields filled and a required one empty stays an item error', async () => {
		const r = await runWorkflow(node('crossRegionSettlement', POPULATION), { input: [THREE_PUPILS[0], { ...blank, school: '12AB' }], credentials });
		expect(r.error?.message).toBe('Field "leerling" is empty or missing (item 2)');
	});

	it('Deadline Monitor Check Cases and Calculate KPIs: a blank row does not stop the run', async () => {
		const cases = [{ caseRef: 'C-1', zorgteamDate: '2026-09-01' }, { caseRef: ' ', zorgteamDate: null, school: '' }];
		const check = await runWorkflow(node('deadlineMonitor', { referenceDate: '2026-11-26' }), { input: cases, timezone: 'Europe/Amsterdam' });
		expect(check.error).toBeUndefined();
		expect(check.output('Node').flat().map((i) => i.json.caseRef)).toEqual(['C-1']);
		expect(hintsOf(check)).toEqual([expect.stringMatching(/1 blank row/)]);
		const kpis = await runWorkflow(node('deadlineMonitor', { operation: 'calculateKpis', referenceDate: '2026-11-26' }), { input: cases, timezone: 'Europe/Amsterdam' });
		expect(kpis.error).toBeUndefined();
		expect(kpis.json('Node', 0)[0]).toMatchObject({ group: 'overall', blankRows: 1, invalidCases: 0 });
	});

	it('Triage: a blank row is not sent to Needs Information', async () => {
		// a pinned Policy Date inside what S0 documents: no date notice among the hints, on any day the test runs (issue 21)
		const r = await runWorkflow(node('toeleidingTriage', { regionPolicy: 'amersfoort_osj', options: { policyDate: '2024-06-01' } }), { input: [{ requestId: '', school: ' ', residence: null }] });
		expect(r.error).toBeUndefined();
		expect(r.output('Node').flat()).toEqual([]);
		expect(hintsOf(r)).toEqual([expect.stringMatching(/1 blank row/)]);
	});

	it('Record Cleaner: the blank row keeps its Empty Rows output and reports its row number', async () => {
		const r = await runWorkflow(node('recordCleaner', { rules: { rule: [{ field: 'school', type: 'brin', required: true }] } }), { input: [{ school: '12AB' }, { school: '' }] });
		expect(r.json('Node', 1)).toEqual([{ school: '', rowNumber: 2 }]);
		expect(hintsOf(r)).toEqual([expect.stringMatching(/1 blank row\(s\) .* went to the Empty Rows output: item\(s\) 2\./)]);
	});

	it('Reconcile: a blank invoice row is counted, not an error', async () => {
		const r = await runWorkflow(node('crossRegionSettlement', { operation: 'reconcile' }), { input: [{ gemeente: '', periode: '', bedrag: '', factuurnummer: '' }] });
		expect(r.error).toBeUndefined();
		expect(r.json('Node', 2)[0]).toMatchObject({ blankRows: 1, rejectedItems: 0 });
	});
});

describe('issue 11 §6: per-item parameters', () => {
	it('Record Cleaner: Field Name and Write To are read per item', async () => {
		const r = await runWorkflow(
			node('recordCleaner', { rules: { rule: [{ field: '={{ $json.kolom }}', type: 'date', required: true, outputField: '={{ $json.kolom + "Iso" }}' }] } }),
			{ input: [{ kolom: 'a', a: '01-03-2026' }, { kolom: 'b', b: '2-3-2026' }], timezone: 'Europe/Amsterdam' },
		);
		expect(r.error).toBeUndefined();
		expect(r.json('Node', 0)).toEqual([
			{ kolom: 'a', a: '01-03-2026', aIso: '2026-03-01' },
			{ kolom: 'b', b: '2-3-2026', bIso: '2026-03-02' },
		]);
	});

	it('Record Cleaner: a Field Name expression that gives no name is a configuration error, even with On Error "Continue"', async () => {
		const r = await runWorkflow(node('recordCleaner', { rules: { rule: [{ field: '={{ $json.kolom }}', type: 'date', required: true }] } }, { onError: 'continueRegularOutput' }), {
			input: [{ kolom: 'a', a: '01-03-2026' }, { kolom: '', b: '2-3-2026' }],
		});
		expect(r.error?.message).toBe('A field to clean has no name');
	});

	it('a parameter read once per run whose expression differs for a later item is a configuration error, not item 1\'s value', async () => {
		const r = await runWorkflow(node('crossRegionSettlement', { ...POPULATION, period: '={{ $json.p }}' }, { onError: 'continueRegularOutput' }), {
			input: THREE_PUPILS.map((x, i) => ({ ...x, p: i === 2 ? '2026-Q2' : '2026-Q1' })),
			credentials,
		});
		expect(r.error?.message).toBe('"Settlement Period" has a different value for item 3 than for item 1');
		expect(r.error?.description).toMatch(/reads "Settlement Period" once per run/);
		// the same expression giving the same value for every item is fine
		const same = await runWorkflow(node('crossRegionSettlement', { ...POPULATION, period: '={{ $json.p }}' }), { input: THREE_PUPILS.map((x) => ({ ...x, p: '2026-Q1' })), credentials });
		expect(same.error).toBeUndefined();
	});

	it('a blank row between items does not count as a different value of a once-per-run parameter (Settlement, Deadline Monitor)', async () => {
		const blankRow = { leerling: '', school: '', woongemeente: '', arrangement: '', p: '' };
		const settlement = await runWorkflow(node('crossRegionSettlement', { ...POPULATION, period: '={{ $json.p }}' }), {
			input: [{ ...THREE_PUPILS[0], p: '2026-Q1' }, blankRow, { ...THREE_PUPILS[1], p: '2026-Q1' }],
			credentials,
		});
		expect(settlement.error).toBeUndefined();
		expect(amounts(settlement.json('Node', 0))).toEqual({ 'statement:0392': 15000, 'own_share:0363': 15000 });
		expect(settlement.json('Node', 2)[0]).toMatchObject({ blankRows: 1, balanced: true });

		const cases = [{ caseRef: 'C-1', zorgteamDate: '2026-09-01', peildatum: '2026-11-26' }, { caseRef: '', zorgteamDate: '', peildatum: '' }, { caseRef: 'C-2', zorgteamDate: '2026-10-10', peildatum: '2026-11-26' }];
		const check = await runWorkflow(node('deadlineMonitor', { referenceDate: '={{ $json.peildatum }}' }), { input: cases, timezone: 'Europe/Amsterdam' });
		expect(check.error).toBeUndefined();
		expect(check.output('Node').flat().map((i) => [i.json.caseRef, (i.json.deadline as IDataObject).status])).toEqual([['C-1', 'overdue'], ['C-2', 'due_soon']]);
		const kpis = await runWorkflow(node('deadlineMonitor', { operation: 'calculateKpis', referenceDate: '={{ $json.peildatum }}' }), { input: cases, timezone: 'Europe/Amsterdam' });
		expect(kpis.error).toBeUndefined();
		expect(kpis.json('Node', 0)[0]).toMatchObject({ group: 'overall', blankRows: 1 });
	});

	it('a blank first row, which the node reads once-per-run parameters for, is a clear configuration error, not an empty period', async () => {
		const r = await runWorkflow(node('crossRegionSettlement', { ...POPULATION, period: '={{ $json.p }}' }), {
			input: [{ leerling: '', school: '', woongemeente: '', arrangement: '', p: '' }, { ...THREE_PUPILS[0], p: '2026-Q1' }, { ...THREE_PUPILS[1], p: '2026-Q1' }],
			credentials,
		});
		expect(r.error?.message).toBe('"Settlement Period" is read once per run from item 1, a blank row, where its expression gives another value than for item 2');
	});
});

describe('issue 15 §1: Amsterdam calendar days on any host', () => {
	afterEach(() => jest.useRealTimers());
	const fakeNow = (iso: string) =>
		jest.useFakeTimers({ now: new Date(iso), doNotFake: ['nextTick', 'setImmediate', 'clearImmediate', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'queueMicrotask', 'hrtime', 'performance'] });

	it('Check Cases without reference date at 00:30 on Tuesday 28 April 2026 in Amsterdam, workflow zone New York: overdue after 57 days', async () => {
		fakeNow('2026-04-27T22:30:00Z');
		const r = await runWorkflow(node('deadlineMonitor', {}), { input: [{ caseRef: 'C-1', zorgteamDate: '02-03-2026' }], timezone: 'America/New_York' });
		jest.useRealTimers();
		expect(r.json('Node', 0)[0].deadline).toMatchObject({ status: 'overdue', daysElapsed: 57, referenceDate: '2026-04-28' });
		expect(hintsOf(r, true)).toEqual([expect.stringMatching(/read in Europe\/Amsterdam .* runs in America\/New_York/)]);
	});

	it('a zorgteam timestamp 2026-03-01T23:30:00Z (00:30 on 2 March in Amsterdam) starts the clock on 2 March; the Record Cleaner writes 2026-03-02', async () => {
		const check = await runWorkflow(node('deadlineMonitor', { referenceDate: '2026-03-10' }), { input: [{ caseRef: 'C-1', zorgteamDate: '2026-03-01T23:30:00Z' }], timezone: 'America/New_York' });
		expect(check.output('Node').flat()[0].json.deadline).toMatchObject({ clockStart: '2026-03-02' });
		const clean = await runWorkflow(node('recordCleaner', { rules: { rule: [{ field: 'zorgteamDate', type: 'date', required: true }] } }), {
			input: [{ zorgteamDate: '2026-03-01T23:30:00Z' }],
			timezone: 'America/New_York',
		});
		expect(clean.json('Node', 0)).toEqual([{ zorgteamDate: '2026-03-02' }]);
	});

	it('an unknown zone in "Calendar Time Zone" is a configuration error', async () => {
		const r = await runWorkflow(node('recordCleaner', { options: { calendarTimeZone: 'Mars/Olympus' } }), { input: [{ a: 1 }] });
		expect(r.error?.message).toBe('"Calendar Time Zone" is not a known time zone');
	});
});

describe('issue 15 §2: one BRIN rule', () => {
	it('Deadline Monitor with Known Schools 12AB accepts 12 AB, 12AB00, 12AB01 and 12ab; 34CD stays unknown', async () => {
		const input = ['12 AB', '12AB00', '12AB01', '12ab', '34CD'].map((school, i) => ({ caseRef: `C-${i + 1}`, zorgteamDate: '2026-09-01', school }));
		const r = await runWorkflow(node('deadlineMonitor', { referenceDate: '2026-11-26', options: { knownSchools: '12AB' } }, { onError: 'continueRegularOutput' }), { input });
		const out = r.output('Node').flat().map((i) => i.json);
		expect(out.filter((j) => j.error === undefined).map((j) => j.caseRef)).toEqual(['C-1', 'C-2', 'C-3', 'C-4']);
		expect(out.filter((j) => j.error !== undefined).map((j) => [j.caseRef, (j.details as IDataObject).code])).toEqual([['C-5', 'unknown_school']]);
	});

	it('Deadline Monitor: KPIs per school count 12 ab, 12AB and 12ab as one school', async () => {
		const input = ['12 ab', '12AB', '12ab'].map((school, i) => ({ caseRef: `C-${i + 1}`, zorgteamDate: '2026-09-01', school }));
		const r = await runWorkflow(node('deadlineMonitor', { operation: 'calculateKpis', kpiGroupBy: 'school', referenceDate: '2026-11-26' }), { input });
		expect(r.json('Node', 0).map((row) => [row.group, row.cases])).toEqual([['12AB', 3]]);
	});

	it('Triage: the more specific access contact wins (12AB01 over 12AB)', async () => {
		const params = {
			regionPolicy: 'amersfoort_osj',
			accessContacts: {
				contact: [
					{ school: '12AB', municipality: '', name: 'Whole school', email: 'school@amersfoort.example' },
					{ school: '12ab 01', municipality: '', name: 'Location 01', email: 'locatie01@amersfoort.example' },
				],
			},
		};
		const request = TRIAGE_REQUEST;
		const r = await runWorkflow(node('toeleidingTriage', params), { input: [{ ...request, school: '12AB01' }, { ...request, requestId: 'R-2', school: '12AB00' }] });
		const contacts = r.output('Node').flat().map((i) => [(i.json.triage as IDataObject).requestId, ((i.json.triage as IDataObject).accessContact as IDataObject | null)?.name]);
		expect(contacts).toEqual(expect.arrayContaining([['R-1', 'Location 01'], ['R-2', 'Whole school']]));
	});
});

describe('issue 15 §3: address lists', () => {
	it('Deadline Monitor grouped per zorgteam: one comma-separated list without duplicates, plus an array', async () => {
		const input = ['ib@school.example; zorg@school.example', 'zorg@school.example', 'IB@school.example;zorg@school.example'].map((zorgteamEmail, i) => ({
			caseRef: `C-${i + 1}`,
			zorgteamDate: '2026-09-01',
			zorgteam: 'ZT Regenboog',
			zorgteamEmail,
		}));
		const r = await runWorkflow(node('deadlineMonitor', { referenceDate: '2026-11-26', groupByRecipient: true }), { input });
		const [group] = r.json('Node', 0);
		expect(group).toMatchObject({ recipientEmail: 'ib@school.example, zorg@school.example', recipientEmails: ['ib@school.example', 'zorg@school.example'] });
	});

	it('Deadline Monitor without grouping: each case carries the list and the array too', async () => {
		const r = await runWorkflow(node('deadlineMonitor', { referenceDate: '2026-11-26' }), {
			input: [{ caseRef: 'C-1', zorgteamDate: '2026-09-01', zorgteamEmail: 'ib@x.nl; zorg@x.nl;IB@x.nl' }],
		});
		expect(r.json('Node', 0)[0].deadline).toMatchObject({ recipientEmail: 'ib@x.nl, zorg@x.nl', recipientEmails: ['ib@x.nl', 'zorg@x.nl'] });
	});

	it('Triage: "Access Contact E-Mail" holding "a@…; b@…" is read as two addresses, as the contact list is', async () => {
		const request = TRIAGE_REQUEST;
		const params = { regionPolicy: 'amersfoort_osj', accessContacts: { contact: [{ school: '34CD', municipality: '', name: 'T', email: 'a@amersfoort.example;b@amersfoort.example' }] } };
		const r = await runWorkflow(node('toeleidingTriage', params), {
			input: [{ ...request, accessContactEmail: 'a@amersfoort.example; b@amersfoort.example, A@amersfoort.example' }, { ...request, requestId: 'R-2', school: '34CD' }],
		});
		expect(r.error).toBeUndefined();
		const contacts = r.output('Node').flat().map((i) => (i.json.triage as IDataObject).accessContact);
		expect(contacts).toEqual([
			{ name: '', email: 'a@amersfoort.example, b@amersfoort.example', emails: ['a@amersfoort.example', 'b@amersfoort.example'] },
			{ name: 'T', email: 'a@amersfoort.example, b@amersfoort.example', emails: ['a@amersfoort.example', 'b@amersfoort.example'] },
		]);
		const bad = await runWorkflow(node('toeleidingTriage', params), { input: [{ ...request, accessContactEmail: 'a@amersfoort.example; Jan' }] });
		expect(bad.error?.message).toBe('Field "accessContactEmail" holds 2 entries; entry 2 is not an e-mail address (item 1)');
		assertNoPersonalData(`${bad.error?.message} ${bad.error?.description}`, 'error');
	});
});

export { PACKAGE_NAME };
