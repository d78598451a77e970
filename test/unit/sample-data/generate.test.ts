/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- test code, not shipped in dist */
/**
 * `npm run sample-data -- --date D --out DIR` (scripts/sample-data/generate.js): the files the example
 * workflows read, deterministic for a day, dated relative to it; and the fixed fixture the pinned tests
 * use is what it makes for 2026-11-26.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';

import { SAMPLE_CASES_FIXTURE } from '../../helpers/sampleKpis';
import { caseRows, parseArgs, requestRows, todayInAmsterdam, writeSampleData } from '../../helpers/sampleData';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'jh-sample-'));

/** The cases sheet's headers, written out by hand (sample-data/README.md), and the fixture's headers beside them. */
const DUTCH_HEADERS = ['dossiernummer', 'school', 'brin', 'zorgteam', 'zorgteam e-mail', 'datum zorgteam', 'startdatum', 'datum aanbod', 'thuis sinds', 'start passend aanbod', 'woongemeente'];
const DEFAULT_NAMES = ['caseRef', 'school', 'brin', 'zorgteam', 'zorgteamEmail', 'zorgteamDate', 'startDate', 'offerDate', 'homeSince', 'startedOfferDate', 'residenceMunicipality'];

describe('the sample-data command', () => {
	it('writes every file the examples read, and a manifest naming the day and the settled quarter', async () => {
		const dir = tmp();
		const manifest = await writeSampleData('2027-07-25', dir);
		expect(manifest).toEqual({ date: '2027-07-25', settledQuarter: '2027-Q2', files: expect.any(Array) });
		for (const f of ['cases.csv', 'cases.xlsx', 'deliveries.csv', 'deliveries.xlsx', 'invoices.csv', 'invoices.xlsx', 'requests.csv', 'finance-contacts.csv', 'leerlingen-ruw.csv']) {
			expect({ f, exists: fs.existsSync(path.join(dir, f)) }).toEqual({ f, exists: true });
		}
		expect(JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')).date).toBe('2027-07-25');
		// the weekly alert example reads these columns from cases.xlsx; dates are real Excel dates
		const wb = new ExcelJS.Workbook();
		await wb.xlsx.readFile(path.join(dir, 'cases.xlsx'));
		const ws = wb.worksheets[0];
		// Dutch headers, as a region's spreadsheet has them (the examples map them in Input Columns)
		expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(DUTCH_HEADERS);
		// C-2026-0001 was discussed 70 days before 25 July 2027: 16 May 2027 (by hand)
		expect(ws.getRow(2).getCell(1).value).toBe('C-2026-0001');
		expect(ws.getRow(2).getCell(6).value).toEqual(new Date('2027-05-16T00:00:00Z'));
		expect(ws.getColumn(6).numFmt).toBe('dd-mm-yyyy');
	});

	it('is deterministic: the same day gives the same bytes, another day other dates', async () => {
		const [a, b, c] = [tmp(), tmp(), tmp()];
		await writeSampleData('2028-02-29', a);
		// a zip entry's time has a 2-second resolution: write the second copy in another 2-second step
		await new Promise((resolve) => setTimeout(resolve, 2100));
		await writeSampleData('2028-02-29', b);
		await writeSampleData('2028-03-01', c);
		for (const f of ['cases.csv', 'cases.xlsx', 'deliveries.xlsx', 'invoices.csv', 'requests.csv']) {
			expect({ f, same: fs.readFileSync(path.join(a, f)).equals(fs.readFileSync(path.join(b, f))) }).toEqual({ f, same: true });
		}
		expect(fs.readFileSync(path.join(a, 'cases.csv'), 'utf8')).not.toBe(fs.readFileSync(path.join(c, 'cases.csv'), 'utf8'));
	});

	it('made for 2026-11-26, its first 38 cases are the fixed fixture the pinned tests use, byte for byte under the fixture\'s headers', async () => {
		const dir = tmp();
		await writeSampleData('2026-11-26', dir);
		const lines = fs.readFileSync(path.join(dir, 'cases.csv'), 'utf8').split('\n');
		const [fixtureHeader, ...fixtureLines] = fs.readFileSync(SAMPLE_CASES_FIXTURE, 'utf8').split('\n');
		// the fixture keeps the Deadline Monitor's default column names; the file has the Dutch headers, column for column
		expect(lines[0]).toBe(DUTCH_HEADERS.join(','));
		expect(fixtureHeader).toBe(DEFAULT_NAMES.join(','));
		expect(lines.slice(1, 39).join('\n') + '\n').toBe(fixtureLines.join('\n'));
		expect(caseRows('2026-11-26')).toHaveLength(60);
	});

	it('writes zorgteam dates of requests Dutch-style, relative to the day', () => {
		// AANM-001: 21 days before 7 December 2026 is 16 November 2026 (by hand)
		expect(requestRows('2026-12-07')[0]['Datum zorgteam']).toBe('16-11-2026');
		expect(requestRows('2026-12-07')[3]['Datum zorgteam']).toBe('');
	});

	it('reads --date and --out, and says what is wrong with a bad date or option', async () => {
		expect(parseArgs(['--date', '2027-01-15', '--out=x'])).toEqual({ date: '2027-01-15', out: 'x' });
		expect(() => parseArgs(['--day', '2027-01-15'])).toThrow('unknown option "--day": use --date YYYY-MM-DD and --out DIR');
		expect(() => parseArgs(['--date'])).toThrow('--date needs a value');
		await expect(writeSampleData('15-01-2027', tmp())).rejects.toThrow('--date must be a calendar date written YYYY-MM-DD (e.g. 2027-01-15), got "15-01-2027"');
		await expect(writeSampleData('2027-02-29', tmp())).rejects.toThrow('got "2027-02-29"');
	});

	it('takes today in Europe/Amsterdam by default: just after midnight there it is already the next day', () => {
		expect(todayInAmsterdam(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01'); // 00:30 CET
		expect(todayInAmsterdam(new Date('2027-07-24T21:59:00Z'))).toBe('2027-07-24'); // 23:59 CEST
		expect(todayInAmsterdam(new Date('2027-07-24T22:00:00Z'))).toBe('2027-07-25'); // 00:00 CEST
	});
});
