#!/usr/bin/env node
'use strict';
/**
 * The sample data of the example workflows for one day, so every example shows what its sticky notes
 * promise on the day it runs: `npm start` and the end-to-end tests call it for today, anyone can call
 * it for any day.
 *
 *   npm run sample-data -- [--date YYYY-MM-DD] [--out DIR]
 *
 *   --date  the day the data is made for (default: today in Europe/Amsterdam)
 *   --out   the folder to write (default: ./sample-data-<date>); created if missing, files overwritten
 *
 * Writes into DIR: cases.csv + cases.xlsx (scripts/sample-data/cases.js), deliveries.csv + .xlsx and
 * invoices.csv + .xlsx (settlement.js; the quarter the settlement examples settle on that day),
 * requests.csv (requests.js), a copy of the fixed files in the repository's sample-data/
 * (finance-contacts.csv, leerlingen-ruw.csv), and manifest.json ({ date, settledQuarter, files }).
 * Deterministic: the same date gives the same bytes. Synthetic data only.
 */
const fs = require('node:fs');
const path = require('node:path');
const ExcelJS = require('exceljs');
const JSZip = require('jszip');

const { caseRows, sheetRow, COLUMNS: CASE_COLUMNS, DATE_COLUMNS, HEADERS: CASE_HEADERS } = require('./cases');
const { deliveryRows, invoiceRows } = require('./settlement');
const { requestRows, REQUEST_COLUMNS } = require('./requests');
const { dayOf, todayInAmsterdam, previousQuarter } = require('./days');

/** The repository's fixed sample files, copied as they are. */
const STATIC_DIR = path.resolve(__dirname, '..', '..', 'sample-data');
const STATIC_FILES = ['finance-contacts.csv', 'leerlingen-ruw.csv'];

/** RFC 4180 CSV with the given columns (a cell with a comma, quote, semicolon or newline is quoted). */
function toCsv(columns, rows) {
	const cell = (v) => {
		const s = v === null || v === undefined ? '' : String(v);
		return /[",;\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
	};
	return [columns.join(','), ...rows.map((r) => columns.map((c) => cell(r[c])).join(','))].join('\n') + '\n';
}

/** An xlsx with one sheet; `dateColumns` become real Excel dates shown dd-mm-yyyy, as regions' sheets do. */
async function writeXlsx(file, sheet, columns, rows, date, dateColumns = []) {
	const wb = new ExcelJS.Workbook();
	wb.creator = 'n8n-nodes-jeugdhulp-onderwijs sample data';
	// fixed timestamps keep the file byte-stable for a given date
	wb.created = new Date(`${date}T00:00:00Z`);
	wb.modified = wb.created;
	const ws = wb.addWorksheet(sheet);
	ws.columns = columns.map((c) => ({ header: c, key: c, width: Math.max(12, c.length + 2) }));
	for (const r of rows) {
		const row = {};
		for (const c of columns) row[c] = dateColumns.includes(c) && r[c] ? new Date(`${r[c]}T00:00:00Z`) : r[c] === '' ? null : r[c];
		ws.addRow(row);
	}
	for (const c of dateColumns) ws.getColumn(c).numFmt = 'dd-mm-yyyy';
	ws.getRow(1).font = { bold: true };
	// An xlsx is a zip whose entries carry the time they were written: pin them to the day, so the same day
	// gives the same bytes (exceljs stamps each entry with the current time).
	const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
	zip.forEach((_name, entry) => {
		entry.date = wb.created;
	});
	fs.writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
}

/**
 * Writes the sample data for `date` (`YYYY-MM-DD`) into `outDir`. Returns the manifest
 * `{ date, settledQuarter, files }`. Throws when the date is not a calendar date.
 */
async function writeSampleData(date, outDir) {
	dayOf(date); // validates
	fs.mkdirSync(outDir, { recursive: true });
	// the cases under the Dutch headers of a region's spreadsheet (cases.js HEADERS)
	const cases = caseRows(date).map(sheetRow);
	const caseColumns = CASE_COLUMNS.map((k) => CASE_HEADERS[k]);
	const caseDateColumns = DATE_COLUMNS.map((k) => CASE_HEADERS[k]);
	const deliveries = deliveryRows(date);
	const invoices = invoiceRows(date);
	const requests = requestRows(date);
	const deliveryColumns = Object.keys(deliveries[0]);
	const invoiceColumns = Object.keys(invoices[0]);
	const write = (name, text) => fs.writeFileSync(path.join(outDir, name), text);

	write('cases.csv', toCsv(caseColumns, cases));
	await writeXlsx(path.join(outDir, 'cases.xlsx'), 'Casussen', caseColumns, cases, date, caseDateColumns);
	write('deliveries.csv', toCsv(deliveryColumns, deliveries));
	await writeXlsx(path.join(outDir, 'deliveries.xlsx'), 'leveringen', deliveryColumns, deliveries, date);
	write('invoices.csv', toCsv(invoiceColumns, invoices));
	await writeXlsx(path.join(outDir, 'invoices.xlsx'), 'facturen', invoiceColumns, invoices, date);
	write('requests.csv', toCsv(REQUEST_COLUMNS, requests));
	for (const f of STATIC_FILES) fs.copyFileSync(path.join(STATIC_DIR, f), path.join(outDir, f));

	const files = ['cases.csv', 'cases.xlsx', 'deliveries.csv', 'deliveries.xlsx', 'invoices.csv', 'invoices.xlsx', 'requests.csv', ...STATIC_FILES];
	const manifest = { date, settledQuarter: previousQuarter(date).label, files };
	write('manifest.json', JSON.stringify(manifest, null, 2) + '\n');
	return manifest;
}

/** `--date D --out DIR` (also `--date=D`); unknown options are an error naming them. */
function parseArgs(argv) {
	const opts = {};
	for (let i = 0; i < argv.length; i++) {
		const m = /^--(date|out)(?:=(.*))?$/.exec(argv[i]);
		if (!m) throw new Error(`unknown option "${argv[i]}": use --date YYYY-MM-DD and --out DIR`);
		const value = m[2] ?? argv[++i];
		if (value === undefined || value === '') throw new Error(`--${m[1]} needs a value`);
		opts[m[1]] = value;
	}
	return opts;
}

async function main() {
	const opts = parseArgs(process.argv.slice(2));
	const date = opts.date ?? todayInAmsterdam();
	// npm run changes into the repository; a relative --out means the folder the command was typed in
	const out = path.resolve(process.env.INIT_CWD || process.cwd(), opts.out ?? `sample-data-${date}`);
	const manifest = await writeSampleData(date, out);
	console.log(`sample data for ${date} (settlement quarter ${manifest.settledQuarter}) written to ${out}: ${manifest.files.join(', ')}`);
}

if (require.main === module) {
	main().catch((e) => {
		console.error(`sample-data: ${e.message}`);
		process.exit(1);
	});
}

module.exports = { writeSampleData, writeXlsx, toCsv, parseArgs };
