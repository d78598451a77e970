/**
 * The 8-week KPI as a picture for e-mail (issue 12): the share started within the norm against the
 * target (75 %, S1 outcome goal 2), and the distribution of days from the zorgteam discussion to the
 * start of help, with the numbers beside every bar.
 *
 * Drawn with HTML tables and inline styles only (cell widths and background colours, `bgcolor` as
 * well for Outlook's Word renderer): no images, no scripts, no external chart service, so it shows in
 * Outlook, Gmail and Apple Mail alike. Pure: it reads a KPI row and returns text.
 *
 * Small-count suppression is respected: a count the KPI row suppressed (null) is never drawn as a bar
 * and never printed; its place says "not shown (fewer than N)".
 */
import { formatLongDate, fromYmd } from '../primitives/dates';
import { RuleId } from './cases';
import { KpiRow } from './kpis';
import { EIGHT_WEEK_NORM_DAYS, NORM_DEFAULTS } from './clock';
import { escapeHtml } from '../primitives/html';
import { Language } from './messages';

export interface KpiChartOptions {
	language: Language;
	/** Names the norm in the headings (default the 8-week norm). */
	rule?: RuleId;
	/** The suppression threshold the row was made with (only used to explain suppressed figures). */
	suppressBelow?: number;
	/** Bar width in CSS pixels (default 240). */
	barWidth?: number;
}

export interface KpiChart {
	/** A self-contained HTML fragment (tables, inline styles). */
	html: string;
	/**
	 * The same figures as plain-text lines, for the text part of a mail: two paragraphs separated by a
	 * blank line, the share against the target first, then the distribution.
	 */
	text: string;
}

const COLOURS = { met: '#2e7d32', missed: '#c62828', target: '#757575', bucket: '#1565c0', late: '#ef6c00', overdue: '#c62828', rest: '#e6e6e6' };

interface Texts {
	shareTitle: Record<RuleId, string>;
	realised: string;
	target: string;
	meets: string;
	misses: string;
	undecided: string;
	basis: (met: string, decided: string) => string;
	distributionTitle: string;
	bucket: (from: number, to: number | null) => string;
	openOverdue: string;
	notShown: (n: number | undefined) => string;
	meanMedian: (mean: string, median: string) => string;
	period: (from: string, to: string) => string;
	legend: string;
	outcomeUnknown: (n: string) => string;
}

const EIGHT = NORM_DEFAULTS.eightWeek.length;
const THREE = NORM_DEFAULTS.thuiszitter.length;

const formatNumber = (v: number, language: Language) => (language === 'nl' ? String(v).replace('.', ',') : String(v));

const TEXTS: Record<Language, Texts> = {
	nl: {
		shareTitle: { eightWeek: `Hulp gestart binnen ${EIGHT} weken na bespreking in het zorgteam`, thuiszitter: `Passend aanbod gestart binnen ${THREE} maanden thuis`, custom: 'Gestart binnen de termijn' },
		realised: 'Gerealiseerd',
		target: 'Doel',
		meets: 'doel gehaald',
		misses: 'doel niet gehaald',
		undecided: 'nog geen uitkomst bekend',
		basis: (met, decided) => `${met} van ${decided} casussen met bekende uitkomst op tijd gestart (nog open en al over de termijn telt als te laat).`,
		distributionTitle: 'Dagen van bespreking in het zorgteam tot start van de hulp',
		bucket: (from, to) => (to === null ? `${from} dagen of meer` : `${from}–${to} dagen`),
		openOverdue: 'Nog niet gestart, termijn verstreken',
		notShown: (n) => (n ? `niet getoond (minder dan ${n})` : 'niet getoond'),
		meanMedian: (mean, median) => `Gemiddeld ${mean} dagen tot start, mediaan ${median} dagen.`,
		period: (from, to) => `Periode ${from} t/m ${to}.`,
		legend: `Blauw: gestart binnen ${EIGHT} weken (${EIGHT_WEEK_NORM_DAYS} dagen); oranje: later gestart; rood: nog niet gestart en al over de termijn.`,
		outcomeUnknown: (n) => `Uitkomst nog onbekend: ${n} (de vakantiekalender dekt hun termijn niet; niet meegeteld).`,
	},
	en: {
		shareTitle: { eightWeek: `Help started within ${EIGHT} weeks of the zorgteam discussion`, thuiszitter: `Suitable offer started within ${THREE} months at home`, custom: 'Started within the deadline' },
		realised: 'Achieved',
		target: 'Target',
		meets: 'target met',
		misses: 'target not met',
		undecided: 'no outcome known yet',
		basis: (met, decided) => `${met} of ${decided} cases with a known outcome started in time (open cases already past their deadline count as late).`,
		distributionTitle: 'Days from the zorgteam discussion to the start of help',
		bucket: (from, to) => (to === null ? `${from} days or more` : `${from}–${to} days`),
		openOverdue: 'Not started yet, past the deadline',
		notShown: (n) => (n ? `not shown (fewer than ${n})` : 'not shown'),
		meanMedian: (mean, median) => `Mean ${mean} days to start, median ${median} days.`,
		period: (from, to) => `Period ${from} to ${to} inclusive.`,
		legend: `Blue: started within ${EIGHT} weeks (${EIGHT_WEEK_NORM_DAYS} days); orange: started later; red: not started yet and past the deadline.`,
		outcomeUnknown: (n) => `Outcome not known yet: ${n} (the holiday calendar does not cover their deadline; not counted).`,
	},
};

/** A horizontal bar: a one-row table whose first cell is `fraction` of `width` wide. */
function bar(fraction: number, width: number, colour: string): string {
	const filled = Math.max(0, Math.min(width, Math.round(fraction * width)));
	const cell = (w: number, c: string) =>
		`<td width="${w}" height="14" bgcolor="${c}" style="width:${w}px;height:14px;background-color:${c};font-size:0;line-height:0">&nbsp;</td>`;
	const cells = (filled > 0 ? cell(filled, colour) : '') + (width - filled > 0 ? cell(width - filled, COLOURS.rest) : '');
	return `<table role="presentation" cellpadding="0" cellspacing="0" border="0" width="${width}" style="border-collapse:collapse;width:${width}px"><tr>${cells}</tr></table>`;
}

const TD_LABEL = 'padding:3px 10px 3px 0;white-space:nowrap;vertical-align:middle';
const TD_BAR = 'padding:3px 0;vertical-align:middle';
const TD_VALUE = 'padding:3px 0 3px 10px;white-space:nowrap;vertical-align:middle;font-weight:bold';

function isoToLong(iso: string | null, language: Language): string | null {
	if (!iso) return null;
	const [y, m, d] = iso.split('-').map(Number);
	return formatLongDate(fromYmd(y, m, d), language);
}

const percent = (share: number) => `${Math.round(share * 100)}%`;

/**
 * Render one KPI row (a school, a zorgteam or overall) as a chart.
 *
 * The numbers printed are the row's own: `shareWithinNorm` and `target` as whole percents,
 * `startedWithinNorm` of (`startedWithinNorm` + `startedLate` + `openOverdue`), each bucket's `count`,
 * `openOverdue`, `meanDaysToStart` and `medianDaysToStart` (days). Null (suppressed or unknown) figures
 * are written as "not shown" or "-" and get no bar.
 */
export function renderKpiChart(row: KpiRow, options: KpiChartOptions): KpiChart {
	const t = TEXTS[options.language];
	const l = options.language;
	const width = options.barWidth ?? 240;
	const rule = options.rule ?? 'eightWeek';
	const suppressedText = t.notShown(options.suppressBelow);
	const html: string[] = [];
	const text: string[] = [];

	const from = isoToLong(row.periodStart, l);
	const to = isoToLong(row.periodEnd, l);
	const period = from && to ? t.period(from, to) : null;

	// 1. The share within the norm against the target.
	const title = t.shareTitle[rule];
	const rows: string[] = [];
	let verdict: string;
	if (row.shareWithinNorm !== null) {
		const meets = row.meetsTarget === true;
		verdict = meets ? t.meets : t.misses;
		rows.push(
			`<tr><td style="${TD_LABEL}">${escapeHtml(t.realised)}</td><td style="${TD_BAR}">${bar(row.shareWithinNorm, width, meets ? COLOURS.met : COLOURS.missed)}</td>` +
				`<td style="${TD_VALUE}">${percent(row.shareWithinNorm)} <span style="font-weight:normal">(${escapeHtml(verdict)})</span></td></tr>`,
		);
		text.push(`${title}: ${percent(row.shareWithinNorm)} (${t.target.toLowerCase()} ${percent(row.target)}, ${verdict})`);
	} else {
		verdict = row.suppressed.includes('shareWithinNorm') ? suppressedText : t.undecided;
		rows.push(`<tr><td style="${TD_LABEL}">${escapeHtml(t.realised)}</td><td style="${TD_BAR}" colspan="2">${escapeHtml(verdict)}</td></tr>`);
		text.push(`${title}: ${verdict} (${t.target.toLowerCase()} ${percent(row.target)})`);
	}
	rows.push(
		`<tr><td style="${TD_LABEL}">${escapeHtml(t.target)}</td><td style="${TD_BAR}">${bar(row.target, width, COLOURS.target)}</td>` +
			`<td style="${TD_VALUE}">${percent(row.target)}</td></tr>`,
	);
	const decided =
		row.startedWithinNorm !== null && row.startedLate !== null && row.openOverdue !== null && row.shareWithinNorm !== null
			? row.startedWithinNorm + row.startedLate + row.openOverdue
			: null;
	const basis = decided !== null ? t.basis(String(row.startedWithinNorm), String(decided)) : null;
	if (basis) text.push(basis);
	// Node version 1.3: cases the holiday calendar cannot decide are named, not hidden (issue 21 §1).
	const unknown =
		row.outcomeUnknown === undefined || row.outcomeUnknown === 0 ? null : t.outcomeUnknown(row.outcomeUnknown === null ? suppressedText : String(row.outcomeUnknown));
	if (unknown) text.push(unknown);
	html.push(
		`<p style="margin:16px 0 4px;font-weight:bold">${escapeHtml(title)}</p>` +
			(period ? `<p style="margin:0 0 4px;color:#555">${escapeHtml(period)}</p>` : '') +
			`<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="border-collapse:collapse">${rows.join('')}</table>` +
			(basis ? `<p style="margin:4px 0;color:#555">${escapeHtml(basis)}</p>` : '') +
			(unknown ? `<p style="margin:4px 0;color:#555">${escapeHtml(unknown)}</p>` : ''),
	);

	// 2. The distribution of days to start, and the open cases already past their deadline.
	const counts = row.daysToStartDistribution.map((b) => b.count);
	const visible = [...counts, row.openOverdue].filter((c): c is number => c !== null);
	const max = Math.max(1, ...visible);
	const distRows: string[] = [];
	const distText: string[] = [];
	const line = (label: string, count: number | null, colour: string) => {
		if (count === null) {
			distRows.push(`<tr><td style="${TD_LABEL}">${escapeHtml(label)}</td><td style="${TD_BAR}" colspan="2">${escapeHtml(suppressedText)}</td></tr>`);
			distText.push(`- ${label}: ${suppressedText}`);
			return;
		}
		distRows.push(
			`<tr><td style="${TD_LABEL}">${escapeHtml(label)}</td><td style="${TD_BAR}">${bar(count / max, width, colour)}</td><td style="${TD_VALUE}">${count}</td></tr>`,
		);
		distText.push(`- ${label}: ${count}`);
	};
	const normDays = rule === 'eightWeek' ? EIGHT_WEEK_NORM_DAYS : undefined;
	for (const b of row.daysToStartDistribution) {
		const late = normDays !== undefined && b.fromDays > normDays;
		line(t.bucket(b.fromDays, b.toDays), b.count, late ? COLOURS.late : COLOURS.bucket);
	}
	line(t.openOverdue, row.openOverdue, COLOURS.overdue);
	const fmt = (v: number | null) => (v === null ? '-' : formatNumber(v, l));
	const meanMedian = t.meanMedian(fmt(row.meanDaysToStart), fmt(row.medianDaysToStart));
	// the colour legend belongs to the picture only, not to the text part
	const legend = normDays !== undefined ? ` ${t.legend}` : '';
	html.push(
		`<p style="margin:16px 0 4px;font-weight:bold">${escapeHtml(t.distributionTitle)}</p>` +
			`<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="border-collapse:collapse">${distRows.join('')}</table>` +
			`<p style="margin:4px 0;color:#555">${escapeHtml(meanMedian + legend)}</p>`,
	);
	text.push('', `${t.distributionTitle}:`, ...distText, meanMedian);

	return {
		html: `<div style="font-family:Arial,Helvetica,sans-serif;font-size:14px;color:#222">${html.join('')}</div>`,
		text: (period ? [period, ...text] : text).join('\n'),
	};
}
