/**
 * Record Cleaner and municipalities that no longer exist (gemeentelijke herindelingen, issue 11 §3), in the
 * real engine. Requires `n8n-node build` (the harness loads dist/).
 */
import { loadWorkflow, runWorkflow } from '../../helpers/engine';
import { assertNoPersonalData } from '../../helpers/privacy';

const fixture = (name: string) => loadWorkflow(`test/engine/record-cleaner/fixtures/record-cleaner.${name}.workflow.json`);
const row = (ref: string, woonplaats: string) => ({ ref, zorgteamDatum: '01-03-2026', woonplaats, school: '12AB', bsn: '' });

describe('Record Cleaner: former municipalities resolve to their legal successor', () => {
	it.each(['Weesp', '0457', 'GM0457'])('%s becomes Amsterdam (0363), keeps the old code and writes the Dutch note', async (woonplaats) => {
		const result = await runWorkflow(fixture('stop-on-error'), { input: [row('R-1', woonplaats)] });
		expect(result.error).toBeUndefined();
		const [cleaned] = result.json('Record Cleaner', 0);
		expect(cleaned).toMatchObject({
			woonplaats,
			gemeentecode: '0363',
			gemeentecodeName: 'Amsterdam',
			gemeentecodeFormerCode: '0457',
			gemeentecodeNote: 'Weesp (0457) is sinds 24 maart 2022 onderdeel van Amsterdam (0363)',
		});
		assertNoPersonalData(cleaned, 'cleaned output');
	});

	it('writes the English note when asked, resolves a chain, and leaves current municipalities without a note', async () => {
		const wf = fixture('stop-on-error');
		(wf.nodes[1].parameters.options as Record<string, unknown>).noteLanguage = 'en';
		const result = await runWorkflow(wf, { input: [row('R-1', 'Weesp'), row('R-2', 'Ubbergen'), row('R-3', 'Amsterdam')] });
		const [weesp, ubbergen, amsterdam] = result.json('Record Cleaner', 0);
		expect(weesp.gemeentecodeNote).toBe('Weesp (0457) is since 24 March 2022 part of Amsterdam (0363)');
		expect(ubbergen).toMatchObject({ gemeentecode: '1945', gemeentecodeName: 'Berg en Dal', gemeentecodeFormerCode: '0282' });
		expect(ubbergen.gemeentecodeNote).toBe('Ubbergen (0282) is since 1 January 2015 part of Berg en Dal (1945), via Groesbeek (0241)');
		expect(amsterdam).not.toHaveProperty('gemeentecodeNote');
		expect(amsterdam).not.toHaveProperty('gemeentecodeFormerCode');
	});

	it('a split municipality is an item error naming the successors (error output), never a "did you mean"', async () => {
		const result = await runWorkflow(fixture('continue-error-output'), { input: [row('R-1', 'Haaren'), row('R-2', 'Brielle'), row('R-3', 'Amsterdm')] });
		const [cleaned, , errors] = result.output('Record Cleaner');
		expect(cleaned.map((i) => [i.json.ref, i.json.gemeentecode])).toEqual([['R-2', '1992']]);
		expect(errors.map((i) => [i.json.ref, (i.json.details as { code: string }).code, i.pairedItem])).toEqual([
			['R-1', 'split_municipality', { item: 0 }],
			['R-3', 'unknown_municipality', { item: 2 }],
		]);
		expect(errors[0].json.error).toBe(
			'Field "woonplaats" names Haaren (0788), which no longer exists: since 1 January 2021 it is divided over Boxtel (0757), Oisterwijk (0824), Tilburg (0855) and Vught (0865) (item 1)',
		);
		expect((errors[0].json.details as { hint: string }).hint).toMatch(/where the pupil lives now/);
		expect(errors[1].json.error).toContain('did you mean Amsterdam, 0363?');
		for (const e of errors) assertNoPersonalData([e.json.error, e.json.details], 'error fields');
	});
});
