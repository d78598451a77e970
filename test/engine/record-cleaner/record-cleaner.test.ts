import { loadWorkflow, runWorkflow } from '../../helpers/engine';
import { assertNoPersonalData } from '../../helpers/privacy';

const fixture = (name: string) => loadWorkflow(`test/engine/record-cleaner/fixtures/record-cleaner.${name}.workflow.json`);

const good = [
	{ ref: 'R-1', zorgteamDatum: '01-03-2026', woonplaats: 'Den Haag', school: '12ab', bsn: '111 222 333', note: 'kept' },
	{ ref: 'R-2', zorgteamDatum: 46082, woonplaats: 'GM0307', school: '12AB01', bsn: '' },
	{ ref: 'R-3', zorgteamDatum: '2026-03-01T23:30:00Z', woonplaats: 'sudwest-fryslan', school: '34CD', bsn: 123456782 },
];
const empty = { ref: '', zorgteamDatum: '', woonplaats: null, school: '  ', bsn: '' };
const badBsn = { ref: 'R-4', zorgteamDatum: '1-3-2026', woonplaats: 'Amersfoort', school: '12AB', bsn: '123456789' };
const badDate = { ref: 'R-5', zorgteamDatum: '31-02-2026', woonplaats: 'Amersfoort', school: '12AB', bsn: '' };

describe('Record Cleaner in the real engine', () => {
	it('normalises dates, municipalities (via an expression for the target field), BRIN codes and removes checked BSNs', async () => {
		const result = await runWorkflow(fixture('stop-on-error'), { input: [...good, empty] });
		expect(result.error).toBeUndefined();
		const cleaned = result.json('Record Cleaner', 0);
		expect(cleaned).toEqual([
			{ ref: 'R-1', zorgteamDatum: '2026-03-01', woonplaats: 'Den Haag', gemeentecode: '0518', gemeentecodeName: "'s-Gravenhage", school: '12AB', note: 'kept' },
			{ ref: 'R-2', zorgteamDatum: '2026-03-01', woonplaats: 'GM0307', gemeentecode: '0307', gemeentecodeName: 'Amersfoort', school: '12AB01' , bsn: '' },
			{ ref: 'R-3', zorgteamDatum: '2026-03-02', woonplaats: 'sudwest-fryslan', gemeentecode: '1900', gemeentecodeName: 'Súdwest-Fryslân', school: '34CD' },
		]);
		// the empty row is not dropped: it leaves through "Empty Rows"
		expect(result.json('Record Cleaner', 1)).toEqual([{ ...empty, rowNumber: 4 }]);
		// paired items point back at the input items
		const out = result.output('Record Cleaner');
		expect(out[0].map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(out[1].map((i) => i.pairedItem)).toEqual([{ item: 3 }]);
		assertNoPersonalData(cleaned, 'cleaned output');
	});

	it('stops on the first bad item with a message naming the field and item, never the BSN', async () => {
		const result = await runWorkflow(fixture('stop-on-error'), { input: [good[0], badBsn] });
		expect(result.error).toBeDefined();
		expect(result.error!.message).toBe('Field "bsn" is not a valid BSN: it fails the elfproef (check digit) (item 2)');
		expect((result.error as unknown as { context: { itemIndex: number } }).context.itemIndex).toBe(1);
		expect(result.error!.description).toMatch(/elfproef/);
		assertNoPersonalData([result.error!.message, result.error!.description], 'error');
		expect(result.error!.message).not.toContain('123456789');
		// the error carries the same details an error item would: the Error Workflow mails them to the beheerder in Dutch
		expect((result.error as unknown as { context: { details: unknown } }).context.details).toEqual({
			code: 'invalid_bsn',
			field: 'bsn',
			hint: expect.stringMatching(/elfproef/),
			where: 'item 2',
			text: 'Het veld "bsn" bevat geen geldig BSN (9 cijfers die aan de elfproef voldoen) (item 2).',
			fix: 'Controleer het BSN in de bronregistratie en neem het opnieuw over.',
		});
		assertNoPersonalData(JSON.stringify((result.error as unknown as { context: unknown }).context), 'error context');
	});

	it('"Continue" keeps every item: bad ones carry all their input plus the error, on the first output', async () => {
		const result = await runWorkflow(fixture('continue-regular-output'), { input: [good[0], badBsn, badDate, empty] });
		expect(result.error).toBeUndefined();
		const first = result.json('Record Cleaner', 0);
		expect(first).toHaveLength(3);
		expect(first[0].gemeentecode).toBe('0518');
		expect(first[1]).toMatchObject({ ref: 'R-4', bsn: '123456789', error: 'Field "bsn" is not a valid BSN: it fails the elfproef (check digit) (item 2)' });
		expect(first[1].details).toEqual({
			code: 'invalid_bsn',
			field: 'bsn',
			hint: expect.stringMatching(/elfproef/),
			// the error in words for a mail, Dutch by default (Message Language), never the value
			// and the row as the user sees it (issue 22 §5): here the item counted from 1
			text: 'Het veld "bsn" bevat geen geldig BSN (9 cijfers die aan de elfproef voldoen) (item 2).',
			fix: 'Controleer het BSN in de bronregistratie en neem het opnieuw over.',
			where: 'item 2',
		});
		expect(first[2].details).toMatchObject({ text: 'Het veld "zorgteamDatum" bevat geen geldige datum (item 3).' });
		expect(first[2]).toMatchObject({ ref: 'R-5', zorgteamDatum: '31-02-2026', details: { code: 'invalid_date', field: 'zorgteamDatum' } });
		expect(first[2].error).toMatch(/does not exist in the calendar/);
		expect(result.json('Record Cleaner', 1)).toEqual([{ ...empty, rowNumber: 4 }]);
		expect(result.output('Record Cleaner')[0].map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		for (const item of first) assertNoPersonalData([item.error, item.details], 'error fields');
	});

	it('"Continue (using error output)" routes bad items to the error output, good ones stay', async () => {
		const result = await runWorkflow(fixture('continue-error-output'), { input: [badDate, good[1], badBsn] });
		expect(result.error).toBeUndefined();
		const [cleaned, emptyRows, errors] = result.output('Record Cleaner');
		expect(cleaned.map((i) => i.json.ref)).toEqual(['R-2']);
		expect(emptyRows).toEqual([]);
		expect(errors.map((i) => i.json.ref)).toEqual(['R-5', 'R-4']);
		expect(errors.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 2 }]);
		expect(errors[0].json.error).toMatch(/^Field "zorgteamDatum" is not a valid date/);
		expect((errors[0].json.details as { text: string }).text).toBe('Het veld "zorgteamDatum" bevat geen geldige datum (item 1).');
	});

	it('writes the error in English words when Message Language is English', async () => {
		const wf = fixture('continue-error-output');
		const cleaner = wf.nodes.find((n) => n.name === 'Record Cleaner')!;
		cleaner.parameters.options = { ...(cleaner.parameters.options as object), language: 'en' };
		const result = await runWorkflow(wf, { input: [badDate] });
		const errors = result.output('Record Cleaner')[2];
		expect(errors[0].json.details).toMatchObject({ text: 'The field "zorgteamDatum" does not hold a valid date (item 1).', fix: expect.stringMatching(/^Write the date/) });
	});

	it('every input item leaves through exactly one output', async () => {
		const input = [good[0], badBsn, empty, good[1], badDate, good[2]];
		const result = await runWorkflow(fixture('continue-error-output'), { input });
		const outs = result.output('Record Cleaner');
		const seen = outs.flat().map((i) => (i.pairedItem as { item: number }).item).sort();
		expect(seen).toEqual([0, 1, 2, 3, 4, 5]);
	});

	it('rejects a malformed "Extra Municipalities" line as a configuration error', async () => {
		const wf = fixture('stop-on-error');
		(wf.nodes[1].parameters.options as Record<string, unknown>).extraMunicipalities = '9999;Proefgemeente\nnonsense';
		const result = await runWorkflow(wf, { input: [good[0]] });
		expect(result.error?.message).toBe('Line 2 of "Extra Municipalities" is not "code;name"');
		const ok = fixture('stop-on-error');
		(ok.nodes[1].parameters.options as Record<string, unknown>).extraMunicipalities = '9999;Proefgemeente';
		const r2 = await runWorkflow(ok, { input: [{ ...good[0], woonplaats: 'proefgemeente' }] });
		expect(r2.json('Record Cleaner')[0].gemeentecode).toBe('9999');
	});

	it('writes Dutch dates when asked, and keeps the BSN (normalised) when removal is off', async () => {
		const wf = fixture('stop-on-error');
		wf.nodes[1].parameters.options = { dateFormat: 'dutch', removeBsn: false };
		const result = await runWorkflow(wf, { input: [good[0]] });
		expect(result.json('Record Cleaner')[0]).toMatchObject({ zorgteamDatum: '01-03-2026', bsn: '111222333', gemeentecode: '0518' });
		expect(result.json('Record Cleaner')[0].gemeentecodeName).toBeUndefined();
	});

	it('reports a missing required value naming the field', async () => {
		const result = await runWorkflow(fixture('stop-on-error'), { input: [{ ...good[0], school: '' }] });
		expect(result.error?.message).toBe('Field "school" is empty or missing (item 1)');
	});
});
