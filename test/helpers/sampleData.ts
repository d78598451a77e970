/**
 * Typed access to the sample-data generator (scripts/sample-data/*.js, plain Node so that `npm run
 * sample-data` and the runtime need no build) for tests that check the sample data on any day.
 */
import type { OracleStatus } from './sampleOracle';

/** One generated case: the spreadsheet's columns (strings, '' when empty) plus what it shows on its day. */
export interface SampleCase extends Record<string, string> {
	caseRef: string;
	zorgteamEmail: string;
	zorgteamDate: string;
	startDate: string;
	expected: OracleStatus;
	/** 3-month thuiszitter status on the day, '' for a case without thuiszitter data. */
	expectedThuiszitter: '' | OracleStatus;
}

/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS scripts without type declarations */
export const { caseRows, sheetRow, COLUMNS: CASE_COLUMNS, HEADERS: CASE_HEADERS, SCHOOLS } = require('../../scripts/sample-data/cases') as {
	caseRows(date: string): SampleCase[];
	/** A case (or a fixture row keyed like one) under the files' Dutch headers, only the spreadsheet's columns. */
	sheetRow(c: Record<string, string>): Record<string, string>;
	/** The column keys, in the spreadsheet's order (the Deadline Monitor's default column names where it reads them). */
	COLUMNS: string[];
	/** Column key → the header in cases.csv / cases.xlsx (`caseRef` → `dossiernummer`). */
	HEADERS: Record<string, string>;
	SCHOOLS: Array<{ school: string; brin: string; zorgteam: string; zorgteamEmail: string }>;
};
export const { deliveryRows, invoiceRows } = require('../../scripts/sample-data/settlement') as {
	deliveryRows(date: string): Array<Record<string, string | number>>;
	invoiceRows(date: string): Array<Record<string, string>>;
};
export const { requestRows } = require('../../scripts/sample-data/requests') as { requestRows(date: string): Array<Record<string, string>> };
export const { writeSampleData, parseArgs } = require('../../scripts/sample-data/generate') as {
	writeSampleData(date: string, outDir: string): Promise<{ date: string; settledQuarter: string; files: string[] }>;
	parseArgs(argv: string[]): { date?: string; out?: string };
};
export const { todayInAmsterdam, previousQuarter } = require('../../scripts/sample-data/days') as {
	todayInAmsterdam(now?: Date): string;
	previousQuarter(date: string): { year: number; quarter: number; label: string; months: string[] };
};
/* eslint-enable @typescript-eslint/no-require-imports */

/** A generated case (or a fixture row) as Extract From File gives it from cases.xlsx: the Dutch headers, only the spreadsheet's columns. */
export const asSheetRow = (c: Record<string, string>): Record<string, string> => sheetRow(c);

/** A row of cases.csv / cases.xlsx (Dutch headers) keyed by column key again; other fields kept as they are. */
export function fromSheetRow(row: Record<string, string>): Record<string, string> {
	const keyOf = new Map(CASE_COLUMNS.map((k) => [CASE_HEADERS[k], k]));
	return Object.fromEntries(Object.entries(row).map(([header, v]) => [keyOf.get(header) ?? header, v]));
}

/**
 * Days on which tests judge the generated sample data: today (Europe/Amsterdam, so the suite run under
 * a moved clock covers that day too) and fixed days chosen for what changes around them: a year's
 * turn, mid-January, both DST nights, a leap day, the summer holiday, each quarter's first and last day.
 */
export function sampleDays(): string[] {
	const fixed = [
		'2026-11-26', '2026-12-07', '2026-12-31', '2027-01-01', '2027-01-15', '2027-02-28', '2027-03-28', '2027-03-31',
		'2027-04-01', '2027-06-30', '2027-07-01', '2027-07-25', '2027-09-30', '2027-10-01', '2027-10-31', '2027-12-31',
		'2028-02-29', '2028-03-26', '2028-07-20', '2028-10-29', '2028-12-31', '2029-06-15', '2030-01-01',
	];
	return [...new Set([todayInAmsterdam(), ...fixed])];
}
