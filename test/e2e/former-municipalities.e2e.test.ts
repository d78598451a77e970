/**
 * Municipalities that no longer exist (issue 11 §3), in real n8n with the built package: an old spreadsheet
 * (test/e2e/support/data/former-municipalities.csv) through the Record Cleaner with "On Error" = continue
 * with error output. Merged municipalities resolve to their legal successor with the note; a split one is a
 * row to fix that names the successors.
 */
import { startRuntime, nodeItems, type E2ERuntime } from './runtime';

let rt: E2ERuntime;

beforeAll(async () => {
	rt = await startRuntime();
});

afterAll(async () => {
	await rt?.stop();
});

describe('Former municipalities in real n8n', () => {
	it('the Record Cleaner writes the successor, the old code and the Dutch note; a split municipality is a row to fix', async () => {
		const result = await rt.executeWorkflow('jhE2eCleanerFormer1');
		expect(result.exitCode).toBe(0);

		const cleaned = nodeItems(result, 'Record Cleaner', 0);
		expect(cleaned.map((r) => [r.leerlingRef, r.gemeentecode, r.gemeentecodeName, r.gemeentecodeFormerCode ?? null])).toEqual([
			['L-0201', '0363', 'Amsterdam', '0457'],
			['L-0202', '0363', 'Amsterdam', '0457'],
			['L-0203', '1992', 'Voorne aan Zee', '0501'],
			['L-0205', '0363', 'Amsterdam', null],
		]);
		expect(cleaned[0].gemeentecodeNote).toBe('Weesp (0457) is sinds 24 maart 2022 onderdeel van Amsterdam (0363)');
		expect(cleaned[2].gemeentecodeNote).toBe('Brielle (0501) is sinds 1 januari 2023 onderdeel van Voorne aan Zee (1992)');

		const toFix = nodeItems(result, 'Record Cleaner', 2);
		expect(toFix.map((r) => [r.leerlingRef, (r.details as { code: string }).code])).toEqual([['L-0204', 'split_municipality']]);
		expect(toFix[0].error).toBe(
			'Field "woonplaats" names Haaren (0788), which no longer exists: since 1 January 2021 it is divided over Boxtel (0757), Oisterwijk (0824), Tilburg (0855) and Vught (0865) (row 5 of the file, the header being row 1)',
		);
	});
});
