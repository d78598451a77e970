/**
 * Issue 22 through n8n's real engine: identity and money are never silently wrong. Each example of the issue,
 * with the value worked out by hand in the comments. Fixtures in ./fixtures; requires `n8n-node build`.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { loadWorkflow, runWorkflow } from '../../helpers/engine';
import { assertNoPersonalData } from '../../helpers/privacy';
import { triageRequest } from '../../helpers/triageRequest';

const fixture = (name: string) => loadWorkflow(`test/engine/input/fixtures/${name}.workflow.json`);
const deadlines = (name: string) => loadWorkflow(`test/engine/deadlines/fixtures/${name}.workflow.json`);
const credentials = { pseudonymisationKeyApi: { key: 'engine-test-phrase-0123456789', keyId: '2026-1' } };

const byMunicipality = (items: IDataObject[]) => Object.fromEntries(items.map((s) => [`${s.kind}:${s.municipalityCode}`, [s.pupils, s.amountCents]]));

describe('§1 invisible characters inside identifiers create no second pupil', () => {
	// Amsterdam SJSO, population financing, lump sum € 300,00 split by pupils. Haarlem (0392) lies outside the
	// region: its pupil's individual help is pre-financed and settled. Pupils: L-0001 (Haarlem, twice: once with a
	// zero-width space) and L-0002 (Amsterdam, own share). Two pupils: 30000 / 2 = 15000 cents each.
	const records = (second: string): IDataObject[] => [
		{ leerling: 'L-0001', school: '12AB', woongemeente: 'Haarlem', arrangement: 'individueel' },
		{ leerling: second, school: '12AB', woongemeente: 'Haarlem', arrangement: 'individueel' },
		{ leerling: 'L-0002', school: '12AB', woongemeente: 'Amsterdam', arrangement: 'individueel' },
	];

	it.each([
		['a zero-width space (U+200B)', 'L-0001\u200B'],
		['a soft hyphen (U+00AD)', 'L-\u00AD0001'],
		['a word joiner and a byte-order mark', '\uFEFFL-0001\u2060'],
		['a non-breaking space (as before)', 'L-0001\u00A0'],
	])('L-0001 followed by %s is the same pupil: Haarlem 1 pupil, 15000 cents (not 20000)', async (_what, second) => {
		const run = await runWorkflow(fixture('settlement.amsterdam-sjso-lump-sum-by-pupils'), { input: records(second), credentials });
		expect(run.error).toBeUndefined();
		expect(byMunicipality(run.json('Settlement', 0))).toEqual({ 'statement:0392': [1, 15_000], 'own_share:0363': [1, 15_000] });
		expect(run.json('Settlement', 2)[0]).toMatchObject({ billedCents: 15_000, ownShareCents: 15_000, balanced: true });
	});

	it('a pupil reference with a control character is an item error naming the column, never a second pupil', async () => {
		const run = await runWorkflow(fixture('settlement.amsterdam-sjso-lump-sum-by-pupils'), { input: records('L-0001\u0007'), credentials });
		expect(run.error?.message).toBe('Field "leerling" cannot be read as an identifier: it contains a control or unprintable character (item 2)');
	});
});

describe('§2 a number is never re-read as another valid identifier', () => {
	// 010000094: 9·0+8·1+7·0+6·0+5·0+4·0+3·0+2·9−1·4 = 22 ≡ 0 (mod 11), valid. Its float export is 10000094.0;
	// dropping the dot gives 100000940: 9·1+3·9+2·4−0 = 44 ≡ 0 (mod 11), another valid BSN — the wrong person.
	it('Record Cleaner: a BSN rule on 10000094.0 gives 010000094 (also 1.0000094E7, 10.000.094,0); rounded 1.00E+07 is refused saying why', async () => {
		const input = [{ bsn: '10000094.0' }, { bsn: '1.0000094E7' }, { bsn: '10.000.094,0' }, { bsn: 10000094 }, { bsn: '1,00E+07' }, { bsn: '10000094.5' }];
		const run = await runWorkflow(fixture('record-cleaner.bsn-rule'), { input });
		expect(run.error).toBeUndefined();
		const [cleaned] = run.output('Record Cleaner');
		expect(cleaned.map((i) => i.json.bsn).slice(0, 4)).toEqual(['010000094', '010000094', '010000094', '010000094']);
		expect(cleaned.slice(4).map((i) => [(i.json.details as IDataObject).code, i.json.error])).toEqual([
			['invalid_identifier', 'Field "bsn" cannot be read as an identifier: it is a number in scientific notation (e.g. 1,23E+08) that does not give every digit (item 5)'],
			['invalid_bsn', 'Field "bsn" is not a valid BSN: it has a decimal fraction (a BSN is a whole number; one dot or comma is read as a decimal mark) (item 6)'],
		]);
		expect(cleaned.map((i) => i.json.bsn)).not.toContain('100000940');
		assertNoPersonalData(cleaned.slice(4).map((i) => [i.json.error, i.json.details]), 'error items');
	});

	it('Toeleiding Triage routes and pseudonymises the BSN 10000094.0 as 010000094', async () => {
		const wf = loadWorkflow('test/engine/triage/fixtures/triage.include-bsn-opt-in.workflow.json');
		const run = await runWorkflow(wf, { input: [triageRequest('float', { bsn: '10000094.0' })] });
		expect(run.error).toBeUndefined();
		const routed = run.output('Toeleiding Triage').flat().map((i) => (i.json.triage as IDataObject | undefined)?.bsn);
		expect(routed).toEqual(['010000094']);
	});
});

describe('§3 e-mail addresses as mail clients read them', () => {
	it('mailto:j.bakker@school.example and j.bakker@school.example in one zorgteam group are one recipient', async () => {
		// both cases overdue on 2026-11-26: zorgteam date 2026-09-01 + 8 weeks = 2026-10-27
		const input = [
			{ caseRef: 'C-2026-0101', zorgteam: 'Zorgteam Het Baken', zorgteamEmail: 'mailto:j.bakker@school.example', zorgteamDate: '2026-09-01' },
			{ caseRef: 'C-2026-0102', zorgteam: 'Zorgteam Het Baken', zorgteamEmail: 'j.bakker@School.Example', zorgteamDate: '2026-09-01' },
		];
		const run = await runWorkflow(deadlines('check-cases.grouped-per-zorgteam'), { input });
		expect(run.error).toBeUndefined();
		const groups = run.output('Deadline Monitor')[0].map((i) => i.json);
		expect(groups).toHaveLength(1);
		expect(groups[0]).toMatchObject({ zorgteam: 'Zorgteam Het Baken', recipientEmail: 'j.bakker@school.example', recipientEmails: ['j.bakker@school.example'], caseCount: 2 });
	});

	it('an entry the mail nodes do not accept is an item error naming the field and the case', async () => {
		const input = [{ caseRef: 'C-2026-0103', zorgteam: 'Zorgteam Het Baken', zorgteamEmail: '"Bakker, J." <j.bakker@localhost>', zorgteamDate: '2026-09-01' }];
		const run = await runWorkflow(deadlines('check-cases.stop-on-error'), { input });
		expect(run.error?.message).toBe('Field "zorgteamEmail" is not an e-mail address (item 1, case C-2026-0103)');
	});
});

describe('§4 municipality lists: names with commas, and errors that name the entry', () => {
	it('Triage: "Nuenen, Gerwen en Nederwetten" in Participating Municipalities makes a Nuenen pupil a resident', async () => {
		const wf = fixture('triage.participating-nuenen');
		const input = [triageRequest('nuenen', { residenceMunicipality: '0820' }), triageRequest('ede', { residenceMunicipality: 'Ede' })];
		const run = await runWorkflow(wf, { input });
		expect(run.error).toBeUndefined();
		const routeOf = (id: string) =>
			run
				.output('Toeleiding Triage')
				.flat()
				.find((i: INodeExecutionData) => i.json.requestId === id)?.json.triage as IDataObject;
		expect(routeOf('nuenen').route).toBe('collective'); // residents only, and Nuenen is now in the region
		expect(routeOf('ede').route).toBe('individual_beschikking');
	});

	it('Settlement: the same list with a code and a name (0772 Eindhoven) is read as Triage reads it; a Nuenen pupil is not billed', async () => {
		const input = [
			{ leerling: 'L-0001', school: '12AB', woongemeente: 'Nuenen, Gerwen en Nederwetten', arrangement: 'individueel' },
			{ leerling: 'L-0002', school: '12AB', woongemeente: 'Haarlem', arrangement: 'individueel' },
		];
		const run = await runWorkflow(fixture('settlement.participating-nuenen'), { input, credentials });
		expect(run.error).toBeUndefined();
		// Haarlem billed for 1 of 2 pupils: 30000 / 2 = 15000 cents; Nuenen is part of the region's own share
		expect(byMunicipality(run.json('Settlement', 0))).toMatchObject({ 'statement:0392': [1, 15_000] });
		expect(Object.keys(byMunicipality(run.json('Settlement', 0)))).not.toContain('statement:0820');
	});

	it('an unknown entry stops the run with an error naming the entry and how to write the list', async () => {
		const wf = fixture('settlement.participating-nuenen');
		wf.nodes[1].parameters.participatingMunicipalities = '0363 Amsterdam; Gerwen en Nederwetten';
		const run = await runWorkflow(wf, { input: [{ leerling: 'L-0001', school: '12AB', woongemeente: '0363', arrangement: 'groep' }], credentials });
		expect(run.error?.message).toBe('"Participating Municipalities": entry 2 "Gerwen en Nederwetten" is not a known municipality');
		expect(run.error?.description).toContain('(0820 Nuenen, Gerwen en Nederwetten)');
	});

	it('under "Continue (using error output)" the stop message names the refused row, its column and its error, never "undefined"', async () => {
		// Google Sheets rows: the header is row 1, so the records are rows 2–4; row 4 names no municipality.
		const input = [
			{ row_number: 2, leerling: 'L-0001', school: '12AB', woongemeente: 'Haarlem', arrangement: 'individueel' },
			{ row_number: 3, leerling: 'L-0002', school: '12AB', woongemeente: 'Amsterdam', arrangement: 'individueel' },
			{ row_number: 4, leerling: 'L-0003', school: '12AB', woongemeente: '9999', arrangement: 'individueel' },
		];
		const run = await runWorkflow(fixture('settlement.lump-sum-refused-record.error-output'), { input, credentials });
		expect(run.error).toBeUndefined();
		const [summary] = run.json('Settlement', 2);
		expect(summary.stoppedBecause).toBe(
			'1 of 3 delivery records were refused: sheet row 4 (column "woongemeente": unknown_municipality); so the basis for splitting the shared amount of €300.00 is incomplete: no statement was made',
		);
		expect(summary.stoppedBecause).not.toContain('undefined');
		const errors = run.output('Settlement')[3];
		const refused = errors.find((e) => (e.pairedItem as { item: number }).item === 2)!;
		// the error item names the sheet row and the pupil's pseudonym; details in Dutch with the row
		expect(refused.json.error).toMatch(/^Field "woongemeente" does not name a known municipality: received "9999" \(sheet row 4, pupil P-[A-Z2-7]{12}\)$/);
		expect((refused.error?.context as IDataObject).details).toMatchObject({ code: 'unknown_municipality', field: 'woongemeente', where: 'rij 4 van het werkblad' });
		assertNoPersonalData(errors.map((e) => e.json.error), 'error messages');
	});
});

describe('§5 BRIN by its published grammar; rows as the user sees them', () => {
	it.each(['1234', '2026', '202601'])('a school column holding %s (a year or a gemeentecode) is not a school: an item error', async (school) => {
		const run = await runWorkflow(loadWorkflow('test/engine/triage/fixtures/triage.stop-on-error.workflow.json'), { input: [triageRequest('ok'), triageRequest('bad', { school })] });
		expect(run.error?.message).toBe(`Field "school" is not a valid BRIN code (2 digits and 2 letters, e.g. 12AB): received "${school}" (item 2)`);
	});

	it('the blank-row hint and the errors name the same rows: Google Sheets row numbers', async () => {
		const input = [
			{ row_number: 2, caseRef: 'C-2026-0201', zorgteamDate: '2026-09-01' },
			{ row_number: 3, caseRef: '', zorgteamDate: '' },
			{ row_number: 4, caseRef: 'C-2026-0202', zorgteamDate: '31-02-2026' },
		];
		const run = await runWorkflow(deadlines('check-cases.error-output'), { input });
		expect(run.error).toBeUndefined();
		expect((run.taskData('Deadline Monitor')?.hints ?? []).map((h) => h.message)).toContainEqual(expect.stringContaining('1 blank row(s) (every value empty) were skipped: sheet row(s) 3.'));
		const errors = run.output('Deadline Monitor').at(-1)!;
		expect(errors.map((e) => e.json.error)).toEqual(['Field "zorgteamDate" is not a valid date: 31-02-2026 does not exist in the calendar (sheet row 4, case C-2026-0202)']);
		expect((errors[0].json.details as IDataObject).where).toBe('rij 4 van het werkblad, casus C-2026-0202');
	});
});
