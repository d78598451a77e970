/**
 * What the weekly deadline alert (workflows/deadline-alerts.json) should mail on a given day, derived
 * from the CSV twin of sample-data/cases.xlsx with the domain core, and the checks on one mail.
 *
 * Shared by the real-n8n test (test/e2e/deadlines.e2e.test.ts), which can only judge on the day it
 * runs, and the engine test that runs the same node on every day of a school year
 * (test/engine/deadlines/every-day.test.ts) — so an assertion that only holds on some days fails
 * on every run, not once on the day CI happens to hit it.
 */
import { CaseCheck, checkCase, remainingText } from '../../domain/deadlines';
import { CalendarDate } from '../../domain/primitives/dates';
import { isoDate, sampleCaseRows, sampleCheckSpec } from './sampleKpis';

export interface ExpectedAlerts {
	/** zorgteam e-mail → case references its mail should list (overdue and due soon), in sample order. */
	mails: Map<string, string[]>;
	/** The core's check of every sample case discussed on or before the reference date, by case reference. */
	checks: Map<string, CaseCheck>;
}

/** What the example workflow's Deadline Monitor (8 weeks, calendar days, due soon 14 days) should mail on `reference`. */
export function expectedAlerts(reference: CalendarDate): ExpectedAlerts {
	const spec = sampleCheckSpec(reference, 'school', true);
	const mails = new Map<string, string[]>();
	const checks = new Map<string, CaseCheck>();
	for (const row of sampleCaseRows()) {
		if (isoDate(row.zorgteamDate) > reference) continue;
		const c = checkCase((f) => row[f], spec);
		checks.set(c.caseRef, c);
		if (c.status !== 'overdue' && c.status !== 'due_soon') continue;
		mails.set(c.recipientEmail, [...(mails.get(c.recipientEmail) ?? []), c.caseRef]);
	}
	return { mails, checks };
}

/**
 * The problems with one case's line in a Dutch alert's plain text, or [] when it is right: the line
 * ends in the "Termijn" words of the case ("nog 1 dag", "nog 5 dagen", "laatste dag", "1 dag te laat",
 * "38 dagen te laat"), in a form that fits its status, and shows no bare negative number.
 */
export function alertLineProblems(line: string, check: CaseCheck): string[] {
	const problems: string[] = [];
	const words = remainingText(check.daysRemaining, 'nl');
	if (!line.endsWith(words)) problems.push(`line should end in "${words}": ${line}`);
	const form = check.status === 'overdue' ? /\d+ dag(?:en)? te laat$/ : /(?:nog \d+ dag(?:en)?|laatste dag)$/;
	if (!form.test(line)) problems.push(`line should end in ${form} for status ${check.status}: ${line}`);
	if (/\bnog 1 dagen|\b1 dagen te laat|\bnog (?:[02-9]|\d\d+) dag$|\b(?:[02-9]|\d\d+) dag te laat/.test(line)) problems.push(`singular/plural wrong: ${line}`);
	if (/\s-\d+$/.test(line)) problems.push(`bare negative number: ${line}`);
	return problems;
}
