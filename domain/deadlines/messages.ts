/**
 * Alert messages for one recipient (a zorgteam or school): a subject, a plain-text table and an
 * HTML table, ready for n8n's Send Email node. Dutch by default (they go to Dutch professionals),
 * English available. Only pseudonymous case references, school, dates and status: no names, no
 * free text. Every value is HTML-escaped.
 */
import { formatDutchDate, formatIsoDate } from '../primitives/dates';
import { CaseStatus } from './clock';
import { RuleId } from './cases';
import type { Language } from '../primitives/language';

export type { Language };

export interface MessageCase {
	caseRef: string;
	school: string;
	clockStart: number;
	deadline: number;
	status: CaseStatus;
	daysRemaining: number | null;
}

export interface GroupMessage {
	subject: string;
	text: string;
	html: string;
}

const STATUS_LABEL: Record<Language, Record<CaseStatus, string>> = {
	nl: { overdue: 'Termijn verstreken', due_soon: 'Termijn verloopt binnenkort', on_track: 'Binnen termijn', met: 'Op tijd gestart', met_late: 'Te laat gestart' },
	en: { overdue: 'Overdue', due_soon: 'Due soon', on_track: 'On track', met: 'Started in time', met_late: 'Started late' },
};

const RULE_LABEL: Record<Language, Record<RuleId, string>> = {
	nl: { eightWeek: '8-wekennorm collectieve jeugdhulp', thuiszitter: 'thuiszittersnorm (3 maanden)', custom: 'termijnbewaking' },
	en: { eightWeek: '8-week start norm', thuiszitter: 'thuiszitter rule (3 months)', custom: 'deadline monitor' },
};

const HEADERS: Record<Language, string[]> = {
	nl: ['Casus', 'School', 'Startdatum klok', 'Uiterste datum', 'Status', 'Dagen over'],
	en: ['Case', 'School', 'Clock start', 'Deadline', 'Status', 'Days left'],
};

/** The label of a case status in `language` (Dutch for zorgteams, English available). */
export function statusLabel(status: CaseStatus, language: Language): string {
	return STATUS_LABEL[language][status];
}

/** `value` with the five HTML special characters escaped, for the HTML table of a group message. */
export function escapeHtml(value: string): string {
	return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const ORDER: CaseStatus[] = ['overdue', 'due_soon', 'on_track', 'met_late', 'met'];

/** Cases sorted by urgency, then deadline, then case reference. */
export function sortCases<T extends MessageCase>(cases: T[]): T[] {
	return [...cases].sort(
		(a, b) => ORDER.indexOf(a.status) - ORDER.indexOf(b.status) || a.deadline - b.deadline || a.caseRef.localeCompare(b.caseRef),
	);
}

export function buildGroupMessage(
	recipientLabel: string,
	cases: MessageCase[],
	rule: RuleId,
	reference: number,
	language: Language,
): GroupMessage {
	const sorted = sortCases(cases);
	const fmt = language === 'nl' ? formatDutchDate : formatIsoDate;
	const counts = new Map<CaseStatus, number>();
	for (const c of sorted) counts.set(c.status, (counts.get(c.status) ?? 0) + 1);
	const summary = ORDER.filter((s) => counts.has(s))
		.map((s) => `${counts.get(s)} ${statusLabel(s, language).toLowerCase()}`)
		.join(', ');
	const ruleLabel = RULE_LABEL[language][rule];
	const subject =
		language === 'nl'
			? `Signalering ${ruleLabel}: ${summary || 'geen casussen'} (${recipientLabel})`
			: `Alert ${ruleLabel}: ${summary || 'no cases'} (${recipientLabel})`;
	const rows = sorted.map((c) => [
		c.caseRef,
		c.school,
		fmt(c.clockStart),
		fmt(c.deadline),
		statusLabel(c.status, language),
		c.daysRemaining === null ? '' : String(c.daysRemaining),
	]);
	const headers = HEADERS[language];
	const intro =
		language === 'nl'
			? `Overzicht ${ruleLabel} voor ${recipientLabel}, peildatum ${fmt(reference)}.`
			: `Overview ${ruleLabel} for ${recipientLabel}, reference date ${fmt(reference)}.`;
	const footer =
		language === 'nl'
			? 'Casussen staan onder hun pseudonieme casusnummer. Dit bericht is automatisch verstuurd.'
			: 'Cases are listed by their pseudonymous case reference. This message was sent automatically.';
	const widths = headers.map((h, i) => rows.reduce((w, r) => Math.max(w, r[i].length), h.length));
	const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd();
	const text = [intro, '', line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line), '', footer].join('\n');
	const th = headers.map((h) => `<th style="text-align:left;padding:4px 8px;border-bottom:1px solid #999">${escapeHtml(h)}</th>`).join('');
	const trs = rows
		.map((r) => `<tr>${r.map((c) => `<td style="padding:4px 8px;border-bottom:1px solid #ddd">${escapeHtml(c)}</td>`).join('')}</tr>`)
		.join('');
	const html =
		`<p>${escapeHtml(intro)}</p>` +
		`<table style="border-collapse:collapse"><thead><tr>${th}</tr></thead><tbody>${trs}</tbody></table>` +
		`<p style="color:#666">${escapeHtml(footer)}</p>`;
	return { subject, text, html };
}
