/**
 * What the weekly deadline alert (workflows/deadline-alerts.json) should mail on a given day for given
 * sample rows, and the checks on one mail line, both from the independent statement of the rule in
 * ./sampleOracle (not from domain/deadlines, the code under test).
 *
 * Shared by the real-n8n test (test/e2e/deadlines.e2e.test.ts, on the runtime's generated sample data
 * and the day n8n judged on) and the engine tests (test/engine/deadlines/every-day.test.ts on the fixed
 * fixture, test/engine/deadlines/sample-any-day.test.ts on generated data for many days).
 */
import { dutchRemaining, eightWeekOracle, OracleStatus } from './sampleOracle';

export interface ExpectedCase {
	caseRef: string;
	status: OracleStatus;
	daysRemaining: number | null;
}

export interface ExpectedAlerts {
	/** zorgteam e-mail → case references its mail should list (overdue and due soon), in sample order. */
	mails: Map<string, string[]>;
	/** Every sample case discussed on or before the reference date, by case reference. */
	checks: Map<string, ExpectedCase>;
}

/** What the example workflow's Deadline Monitor should mail on `reference` (`YYYY-MM-DD`) for `rows` (the cases sheet). */
export function expectedAlerts(reference: string, rows: Array<Record<string, string>>): ExpectedAlerts {
	const mails = new Map<string, string[]>();
	const checks = new Map<string, ExpectedCase>();
	for (const row of rows) {
		if (row.zorgteamDate > reference) continue; // ISO texts compare as dates
		const c = { caseRef: row.caseRef, ...eightWeekOracle(row.zorgteamDate, row.startDate, reference) };
		checks.set(c.caseRef, c);
		if (c.status !== 'overdue' && c.status !== 'due_soon') continue;
		mails.set(row.zorgteamEmail, [...(mails.get(row.zorgteamEmail) ?? []), c.caseRef]);
	}
	return { mails, checks };
}

/**
 * The problems with one case's line in a Dutch alert's plain text, or [] when it is right: the line
 * ends in the "Termijn" words of the case ("nog 1 dag", "nog 5 dagen", "laatste dag", "1 dag te laat",
 * "38 dagen te laat"), in a form that fits its status, and shows no bare negative number.
 */
export function alertLineProblems(line: string, expected: ExpectedCase): string[] {
	const problems: string[] = [];
	if (expected.daysRemaining === null) return [`${expected.caseRef} is closed and should not be listed: ${line}`];
	const words = dutchRemaining(expected.daysRemaining);
	if (!line.endsWith(words)) problems.push(`line should end in "${words}": ${line}`);
	const form = expected.status === 'overdue' ? /\d+ dag(?:en)? te laat$/ : /(?:nog \d+ dag(?:en)?|laatste dag)$/;
	if (!form.test(line)) problems.push(`line should end in ${form} for status ${expected.status}: ${line}`);
	if (/\bnog 1 dagen|\b1 dagen te laat|\bnog (?:[02-9]|\d\d+) dag$|\b(?:[02-9]|\d\d+) dag te laat/.test(line)) problems.push(`singular/plural wrong: ${line}`);
	if (/\s-\d+$/.test(line)) problems.push(`bare negative number: ${line}`);
	return problems;
}
