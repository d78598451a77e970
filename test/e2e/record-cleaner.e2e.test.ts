/**
 * The Record Cleaner from the built package, in real n8n, as users get it from npm:
 * - workflows/record-cleaner.json (jhRecordCleaner01): sample spreadsheet → Record Cleaner →
 *   cleaned CSV in the data folder + a mail listing the rows to fix (error output). No row is lost.
 * - a deliberately bad input with "On Error" left at "Stop Workflow": the execution fails with our
 *   message, naming the field, and never echoing the BSN.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { startRuntime, nodeItems, runError, type E2ERuntime } from './runtime';

let rt: E2ERuntime;

beforeAll(async () => {
	rt = await startRuntime();
});

afterAll(async () => {
	await rt?.stop();
});

describe('Record Cleaner in real n8n', () => {
	it('is loaded from the community package under its package-qualified type', () => {
		expect(rt.nodes.map((n) => n.name)).toContain('n8n-nodes-jeugdhulp-onderwijs.recordCleaner');
	});

	it('cleans the sample spreadsheet, writes the file and mails the rows to fix, losing no row', async () => {
		await rt.clearMails();

		const result = await rt.executeWorkflow('jhRecordCleaner01');
		expect(result.exitCode).toBe(0);

		const input = nodeItems(result, 'Extract Rows');
		// node version 1.1, On Error "Continue": rows it cannot use stay on the first output with error and details,
		// without their BSN (Identifying Data in Output); "Row To Fix?" sends them to the mail (issue 24 \u00a73)
		const passed = nodeItems(result, 'Record Cleaner', 0);
		const empty = nodeItems(result, 'Record Cleaner', 1);
		const toFix = nodeItems(result, 'Row To Fix?', 0);
		const cleaned = nodeItems(result, 'Row To Fix?', 1);
		expect(input.length).toBeGreaterThan(0);
		expect(passed.length).toBe(cleaned.length + toFix.length);
		expect(cleaned.length + empty.length + toFix.length).toBe(input.length);
		// the rows to fix show no BSN in clear (the sticky note's promise), and keep their reference and details
		for (const r of toFix) {
			expect(r).not.toHaveProperty('bsn');
			expect(r).toHaveProperty('details');
			expect(JSON.stringify(r)).not.toMatch(/123456789|111222333|123456782/);
		}
		expect(cleaned.length).toBeGreaterThan(0);
		expect(toFix.length).toBeGreaterThan(0);

		// A clean row: Dutch date → ISO, municipality name → CBS code, BRIN upper-cased, BSN removed.
		const first = cleaned.find((r) => r.leerlingRef === 'L-0001');
		expect(first).toMatchObject({ zorgteamDatum: '2026-09-01', gemeentecode: '0307', school: '12AB' });
		expect(first).not.toHaveProperty('bsn');

		// The impossible date (31-02) and the BSN failing the elfproef end up in "rows to fix".
		const refsToFix = toFix.map((r) => r.leerlingRef);
		expect(refsToFix).toEqual(expect.arrayContaining(['L-0004', 'L-0005']));

		// The cleaned file exists in the data folder, without any BSN.
		const file = fs.readFileSync(path.join(rt.dataDir, 'output', 'leerlingen-schoon.csv'), 'utf8');
		expect(file).toContain('L-0001');
		expect(file).not.toMatch(/111222333|123456782/);

		// One mail to the functioneel beheerder, listing the rows to fix, never a BSN.
		const mails = await rt.mails();
		expect(mails).toHaveLength(1);
		expect(mails[0].to).toEqual(['beheerder@gemeente.example']);
		expect(mails[0].subject).toBe(`Leerlingbestand: ${toFix.length} rij(en) om te herstellen`);
		expect(mails[0].text).toContain('L-0004');
		// Dutch lines (which column, what to do), no English error text, no n8n footer
		// the row as the spreadsheet shows it: L-0004 is the fourth row under the header (issue 22)
		expect(mails[0].text).toContain('- L-0004: Het veld "zorgteamDatum" bevat geen geldige datum (rij 5 van het bestand, de kopregel meegeteld).');
		expect(mails[0].text).toContain('- L-0005: Het veld "bsn" bevat geen geldig BSN');
		expect(mails[0].text).not.toMatch(/Field "|is not a valid|does not exist/);
		expect(`${mails[0].text}\n${mails[0].html ?? ''}`).not.toMatch(/sent automatically with n8n/i);
		expect(`${mails[0].text}${mails[0].html ?? ''}`).not.toMatch(/123456789|111222333|123456782/);
	});

	it('stops on a bad row with a message naming the field, without echoing the BSN', async () => {
		const result = await rt.executeWorkflow('jhE2eCleanerBad1');

		expect(result.exitCode).not.toBe(0);
		const error = runError(result, 'Record Cleaner') ?? runError(result);
		expect(error).toBeDefined();
		expect(error!.message).toMatch(/bsn/i);
		expect(JSON.stringify(error)).not.toContain('123456789');
		// Nothing came out of the node: the run stopped there.
		expect(nodeItems(result, 'Record Cleaner')).toEqual([]);
	});
});
