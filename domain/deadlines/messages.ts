/**
 * Alert messages for one recipient (a zorgteam or school): a subject, a plain-text table and an
 * HTML table, ready for n8n's Send Email node. Dutch by default (they go to Dutch professionals),
 * English available. Only pseudonymous case references, school, dates and status: no names, no
 * free text. Every value is HTML-escaped.
 */
import { formatLongDate } from '../primitives/dates';
import { escapeHtml } from '../primitives/html';
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
	/** False when `deadline` is only the earliest possible due date (node version 1.3 marks it in the mail). */
	dueDateKnown?: boolean;
	/** False when a complete holiday calendar could give another status. */
	statusCertain?: boolean;
}

export interface GroupMessage {
	subject: string;
	/** What to do and whom to contact, one sentence per status that needs action (also in text and html). */
	actions: string[];
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

/**
 * Column headings. The third column names the event that started the clock in words a zorgteam uses
 * (8-week norm: the zorgteam discussion, S1 outcome goal 2; thuiszitter: the first day at home, S2).
 */
const CLOCK_START_HEADER: Record<Language, Record<RuleId, string>> = {
	nl: { eightWeek: 'Besproken in zorgteam op', thuiszitter: 'Thuis sinds', custom: 'Begindatum' },
	en: { eightWeek: 'Discussed in zorgteam on', thuiszitter: 'At home since', custom: 'Start date' },
};
const DEADLINE_HEADER: Record<Language, Record<RuleId, string>> = {
	nl: { eightWeek: 'Hulp uiterlijk gestart op', thuiszitter: 'Aanbod uiterlijk gestart op', custom: 'Uiterste datum' },
	en: { eightWeek: 'Help to start by', thuiszitter: 'Offer to start by', custom: 'Deadline' },
};

function headersFor(language: Language, rule: RuleId): string[] {
	return language === 'nl'
		? ['Casus', 'School', CLOCK_START_HEADER.nl[rule], DEADLINE_HEADER.nl[rule], 'Status', 'Termijn']
		: ['Case', 'School', CLOCK_START_HEADER.en[rule], DEADLINE_HEADER.en[rule], 'Status', 'Time left'];
}

/**
 * The "Termijn" cell in words: `38 dagen te laat`, `nog 5 dagen`, `nog 1 dag`, `laatste dag` (deadline
 * is the reference date); empty for closed cases (null). Days are the clock's counted days.
 */
export function remainingText(daysRemaining: number | null, language: Language): string {
	if (daysRemaining === null) return '';
	const n = Math.abs(daysRemaining);
	if (language === 'nl') {
		if (daysRemaining < 0) return `${n} ${n === 1 ? 'dag' : 'dagen'} te laat`;
		if (daysRemaining === 0) return 'laatste dag';
		return `nog ${n} ${n === 1 ? 'dag' : 'dagen'}`;
	}
	if (daysRemaining < 0) return `${n} ${n === 1 ? 'day' : 'days'} late`;
	if (daysRemaining === 0) return 'last day';
	return `${n} ${n === 1 ? 'day' : 'days'} left`;
}

/** Status counts for a subject line, with singular and plural: `1 termijn verstreken`, `3 termijnen verstreken`. */
const COUNT_LABEL: Record<Language, Record<CaseStatus, [one: string, many: string]>> = {
	nl: {
		overdue: ['termijn verstreken', 'termijnen verstreken'],
		due_soon: ['termijn verloopt binnenkort', 'termijnen verlopen binnenkort'],
		on_track: ['binnen termijn', 'binnen termijn'],
		met: ['op tijd gestart', 'op tijd gestart'],
		met_late: ['te laat gestart', 'te laat gestart'],
	},
	en: {
		overdue: ['overdue', 'overdue'],
		due_soon: ['due soon', 'due soon'],
		on_track: ['on track', 'on track'],
		met: ['started in time', 'started in time'],
		met_late: ['started late', 'started late'],
	},
};

/**
 * Node version 1.3 (issue 21 §1): how a due date that is only the earliest possible one, a status a complete
 * calendar could change, and the time left in that case are written, and what to do about it.
 */
const UNCERTAIN: Record<Language, { dueDate: (date: string) => string; status: (label: string) => string; remaining: (text: string, days: number) => string; subject: (n: number) => string; action: string }> = {
	nl: {
		dueDate: (date) => `niet vóór ${date}`,
		status: (label) => `${label} (voorlopig)`,
		remaining: (text, days) => (days > 0 ? text.replace('nog ', 'nog minstens ') : days === 0 ? 'laatste dag of later' : `hoogstens ${text}`),
		subject: (n) => `${n} met ${n === 1 ? 'voorlopige termijn' : 'voorlopige termijnen'}`,
		action:
			'Termijn nog niet zeker: de vakantiekalender dekt niet alle dagen tot de uiterste datum, dus is die datum de vroegst mogelijke (de werkelijke kan later liggen). Vraag de functioneel beheerder de schoolvakanties van de school voor die periode aan te vullen.',
	},
	en: {
		dueDate: (date) => `not before ${date}`,
		status: (label) => `${label} (provisional)`,
		remaining: (text, days) => (days > 0 ? `at least ${text}` : days === 0 ? 'last day or later' : `at most ${text}`),
		subject: (n) => `${n} with a provisional due date`,
		action:
			'Due date not certain yet: the holiday calendar does not cover every day up to the due date, so the date shown is the earliest possible one (the real one may be later). Ask the functioneel beheerder to add the school\'s holidays for that period.',
	},
};

export function countLabel(count: number, status: CaseStatus, language: Language): string {
	return `${count} ${COUNT_LABEL[language][status][count === 1 ? 0 : 1]}`;
}

/**
 * What the recipient should do, per rule and status, and whom to contact. Sources: S1 kernbepaling 2
 * (toeleiding by the contact person of the municipal access team in consultation with the zorgteam) and
 * input goal 3 (every school has such a contact), S1 outcome goal 2 (start within 8 weeks after the
 * zorgteam discussion); S2 (no youth at home longer than 3 months without a suitable, started offer;
 * Leerplicht, school and SWV work on it together with the parents).
 */
const ACTIONS: Record<Language, Record<RuleId, Partial<Record<CaseStatus, string>>>> = {
	nl: {
		eightWeek: {
			overdue:
				'Termijn verstreken: de hulp is niet binnen 8 weken na de bespreking in het zorgteam gestart. Neem deze week contact op met de contactpersoon van de gemeentelijke toegang voor uw school en met de jeugdhulpaanbieder, spreek een startdatum af en leg die vast in het zorgteam.',
			due_soon:
				'Termijn verloopt binnenkort: de hulp moet uiterlijk op de genoemde datum starten. Controleer of de start gepland is; is dat niet zo, neem dan contact op met de contactpersoon van de gemeentelijke toegang voor uw school en met de jeugdhulpaanbieder.',
		},
		thuiszitter: {
			overdue:
				'Termijn verstreken: de leerling zit langer dan 3 maanden thuis zonder passend en gestart aanbod van onderwijs of zorg. Bespreek de casus deze week met de leerplichtambtenaar, het samenwerkingsverband en de ouders, en spreek af wie welk aanbod wanneer start.',
			due_soon:
				'Termijn verloopt binnenkort: de leerling zit bijna 3 maanden thuis. Zorg samen met de leerplichtambtenaar, het samenwerkingsverband en de ouders dat er vóór de genoemde datum een passend aanbod van onderwijs of zorg start.',
		},
		custom: {
			overdue: 'Termijn verstreken: spreek met de betrokken partijen af wanneer de volgende stap alsnog plaatsvindt en leg dat vast in het zorgteam.',
			due_soon: 'Termijn verloopt binnenkort: controleer of de volgende stap vóór de genoemde datum gepland is.',
		},
	},
	en: {
		eightWeek: {
			overdue:
				'Overdue: help did not start within 8 weeks of the zorgteam discussion. This week, contact the municipal access team\'s contact person for your school and the youth care provider, agree on a start date and record it in the zorgteam.',
			due_soon:
				'Due soon: help must start by the date shown. Check that the start is planned; if it is not, contact the municipal access team\'s contact person for your school and the youth care provider.',
		},
		thuiszitter: {
			overdue:
				'Overdue: the pupil has been at home for more than 3 months without a suitable, started offer of education or care. This week, discuss the case with the school attendance officer (leerplichtambtenaar), the school partnership (samenwerkingsverband) and the parents, and agree who starts which offer when.',
			due_soon:
				'Due soon: the pupil has been at home for almost 3 months. Together with the school attendance officer, the school partnership and the parents, make sure a suitable offer of education or care starts before the date shown.',
		},
		custom: {
			overdue: 'Overdue: agree with those involved when the next step will still happen, and record it in the zorgteam.',
			due_soon: 'Due soon: check that the next step is planned before the date shown.',
		},
	},
};

/** The action sentences for the statuses present, most urgent first (none for on-track or closed cases). */
export function actionSentences(statuses: Iterable<CaseStatus>, rule: RuleId, language: Language): string[] {
	const present = new Set(statuses);
	return ORDER.filter((s) => present.has(s))
		.map((s) => ACTIONS[language][rule][s])
		.filter((a): a is string => a !== undefined);
}

/** The label of a case status in `language` (Dutch for zorgteams, English available). */
export function statusLabel(status: CaseStatus, language: Language): string {
	return STATUS_LABEL[language][status];
}

/** `value` with the five HTML special characters escaped (domain/primitives/html.ts), for the HTML table of a group message. */
export { escapeHtml };

const ORDER: CaseStatus[] = ['overdue', 'due_soon', 'on_track', 'met_late', 'met'];

/** Cases sorted by urgency, then deadline, then case reference. */
export function sortCases<T extends MessageCase>(cases: T[]): T[] {
	return [...cases].sort(
		(a, b) => ORDER.indexOf(a.status) - ORDER.indexOf(b.status) || a.deadline - b.deadline || a.caseRef.localeCompare(b.caseRef),
	);
}

/**
 * @param markUncertain node version 1.3: cases with `dueDateKnown: false` show their due date as "niet vóór …",
 *   a status a complete calendar could change as "(voorlopig)", and the mail says why and what to do
 */
export function buildGroupMessage(
	recipientLabel: string,
	cases: MessageCase[],
	rule: RuleId,
	reference: number,
	language: Language,
	markUncertain = false,
): GroupMessage {
	const sorted = sortCases(cases);
	const fmt = (date: number) => formatLongDate(date, language);
	const counts = new Map<CaseStatus, number>();
	for (const c of sorted) counts.set(c.status, (counts.get(c.status) ?? 0) + 1);
	const u = UNCERTAIN[language];
	const provisional = markUncertain ? sorted.filter((c) => c.dueDateKnown === false).length : 0;
	const summary = [...ORDER.filter((s) => counts.has(s)).map((s) => countLabel(counts.get(s)!, s, language)), ...(provisional ? [u.subject(provisional)] : [])].join(', ');
	const ruleLabel = RULE_LABEL[language][rule];
	const subject =
		language === 'nl'
			? `Signalering ${ruleLabel}: ${summary || 'geen casussen'} (${recipientLabel})`
			: `Alert ${ruleLabel}: ${summary || 'no cases'} (${recipientLabel})`;
	const rows = sorted.map((c) => {
		const earliest = markUncertain && c.dueDateKnown === false;
		const remaining = remainingText(c.daysRemaining, language);
		return [
			c.caseRef,
			c.school,
			fmt(c.clockStart),
			earliest ? u.dueDate(fmt(c.deadline)) : fmt(c.deadline),
			markUncertain && c.statusCertain === false ? u.status(statusLabel(c.status, language)) : statusLabel(c.status, language),
			earliest && c.daysRemaining !== null ? u.remaining(remaining, c.daysRemaining) : remaining,
		];
	});
	const headers = headersFor(language, rule);
	const actions = [...actionSentences(counts.keys(), rule, language), ...(provisional ? [u.action] : [])];
	const actionHeading = language === 'nl' ? 'Wat te doen' : 'What to do';
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
	const actionLines = actions.length ? [`${actionHeading}:`, ...actions.map((a) => `- ${a}`), ''] : [];
	const text = [intro, '', ...actionLines, line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line), '', footer].join('\n');
	const th = headers.map((h) => `<th style="text-align:left;padding:4px 8px;border-bottom:1px solid #999">${escapeHtml(h)}</th>`).join('');
	const trs = rows
		.map((r) => `<tr>${r.map((c) => `<td style="padding:4px 8px;border-bottom:1px solid #ddd">${escapeHtml(c)}</td>`).join('')}</tr>`)
		.join('');
	const html =
		`<p>${escapeHtml(intro)}</p>` +
		(actions.length ? `<p><strong>${escapeHtml(actionHeading)}</strong></p><ul>${actions.map((a) => `<li>${escapeHtml(a)}</li>`).join('')}</ul>` : '') +
		`<table style="border-collapse:collapse"><thead><tr>${th}</tr></thead><tbody>${trs}</tbody></table>` +
		`<p style="color:#666">${escapeHtml(footer)}</p>`;
	return { subject, text, html, actions };
}
