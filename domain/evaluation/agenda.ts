/**
 * The evaluation agenda: what the provider and the zorgteam discuss per school twice a year.
 * The items are those of S1 kernbepaling 11 (Holland Rijnland, segment 5): "Onderdelen van de
 * evaluatie en monitoring zijn in elk geval: ..."; the annual report is its last sentence
 * ("De jeugdhulpaanbieder rapporteert hierover jaarlijks aan de gemeente").
 *
 * Text that reaches people outside n8n: Dutch by default, English available.
 */
import { CalendarDate, formatLongDate as formatDate } from '../primitives/dates';
import { escapeHtml } from '../primitives/html';
import type { Language } from '../primitives/language';

export type AgendaLanguage = Language;

export interface AgendaItem {
	/** Stable id, the same in every language. */
	id: string;
	title: string;
	description: string;
	/** Where the item comes from in the policy documents. */
	source: string;
}

const KB11 = 'S1 kernbepaling 11';

const ITEMS: Record<AgendaLanguage, Array<Omit<AgendaItem, 'source'>>> = {
	nl: [
		{
			id: 'doorlooptijd',
			title: 'Duur tussen toeleiding en start',
			description: 'De duur tussen toeleiding en de start van collectieve jeugdhulp in deze periode (norm: binnen 8 weken na bespreking in het zorgteam, voor 75% van de jeugdigen).',
		},
		{
			id: 'integraal-arrangeren',
			title: 'Toepassing integraal arrangeren',
			description: 'Hoe de methode integraal arrangeren is toegepast, te evalueren conform de handreiking.',
		},
		{
			id: 'werkproces',
			title: 'Gezamenlijk werkproces',
			description: 'Evaluatie van het gezamenlijke werkproces van school, zorgteam, toegang en jeugdhulpaanbieder.',
		},
		{
			id: 'ervaringen-aanbod',
			title: 'Ervaringen en toereikendheid van het aanbod',
			description: 'Ervaringen met collectieve jeugdhulp en of het aanbod voldoende is.',
		},
		{
			id: 'ander-aanbod',
			title: 'Toeleiding naar ander aanbod',
			description: 'Vastleggen wanneer en waarom naar ander aanbod is toegeleid.',
		},
	],
	en: [
		{
			id: 'doorlooptijd',
			title: 'Time from toeleiding to start',
			description: 'The time between toeleiding and the start of collective youth care in this period (norm: within 8 weeks of the zorgteam discussion, for 75% of youths).',
		},
		{
			id: 'integraal-arrangeren',
			title: 'Use of integraal arrangeren',
			description: 'How the integraal arrangeren method was applied, evaluated according to the guide (handreiking).',
		},
		{
			id: 'werkproces',
			title: 'Joint work process',
			description: 'Evaluation of the joint work process of school, zorgteam, municipal access team and provider.',
		},
		{
			id: 'ervaringen-aanbod',
			title: 'Experiences and sufficiency of the offer',
			description: 'Experiences with collective youth care and whether the offer is sufficient.',
		},
		{
			id: 'ander-aanbod',
			title: 'Referrals to other help',
			description: 'Record when and why pupils were routed to other help.',
		},
	],
};

const ANNUAL: Record<AgendaLanguage, Omit<AgendaItem, 'source'>> = {
	nl: {
		id: 'jaarrapportage',
		title: 'Jaarrapportage aan de gemeente',
		description: 'De jeugdhulpaanbieder rapporteert jaarlijks aan de gemeente over bovenstaande onderdelen; dit moment levert die rapportage op.',
	},
	en: {
		id: 'jaarrapportage',
		title: 'Annual report to the municipality',
		description: 'The provider reports yearly to the municipality on the items above; this moment delivers that report.',
	},
};

/** The agenda of one evaluation moment; with `annualReport` the annual-report item is added last. */
export function evaluationAgenda(language: AgendaLanguage, annualReport: boolean): AgendaItem[] {
	const items = ITEMS[language].map((i) => ({ ...i, source: KB11 }));
	if (annualReport) items.push({ ...ANNUAL[language], source: KB11 });
	return items;
}

/** `2 februari 2026` / `2 February 2026` (the shared style of `domain/dates`). */
export function formatLongDate(date: CalendarDate, language: AgendaLanguage): string {
	return formatDate(date, language);
}

export interface AgendaTextInput {
	language: AgendaLanguage;
	schoolName?: string;
	moment: CalendarDate;
	periodStart: CalendarDate;
	periodEnd: CalendarDate;
	annualReport: boolean;
}

interface AgendaParts {
	heading: string;
	when: string;
	items: AgendaItem[];
	basis: string;
}

function agendaParts(input: AgendaTextInput): AgendaParts {
	const { language: l } = input;
	const heading =
		l === 'nl'
			? `Halfjaarlijkse evaluatie collectieve jeugdhulp${input.schoolName ? ` – ${input.schoolName}` : ''}`
			: `Semiannual evaluation of collective youth care${input.schoolName ? ` – ${input.schoolName}` : ''}`;
	const when =
		l === 'nl'
			? `Evaluatiemoment: ${formatLongDate(input.moment, l)}. Periode: ${formatLongDate(input.periodStart, l)} t/m ${formatLongDate(input.periodEnd, l)}.`
			: `Evaluation moment: ${formatLongDate(input.moment, l)}. Period: ${formatLongDate(input.periodStart, l)} to ${formatLongDate(input.periodEnd, l)} inclusive.`;
	const basis =
		l === 'nl'
			? 'Grondslag: de jeugdhulpaanbieder monitort en evalueert de collectieve jeugdhulp per school twee keer per jaar met het zorgteam (kernbepaling 11).'
			: 'Basis: the provider monitors and evaluates collective youth care per school twice a year with the zorgteam (kernbepaling 11).';
	return { heading, when, items: evaluationAgenda(l, input.annualReport), basis };
}

/** The agenda as plain text, ready for an e-mail body. */
export function agendaText(input: AgendaTextInput): string {
	const { heading, when, items, basis } = agendaParts(input);
	const lines = items.map((item, i) => `${i + 1}. ${item.title}: ${item.description}`);
	return [heading, when, '', 'Agenda:', ...lines, '', basis].join('\n');
}

/** The same agenda as an HTML fragment (inline styles only, every value escaped), for an HTML e-mail body. */
export function agendaHtml(input: AgendaTextInput): string {
	const { heading, when, items, basis } = agendaParts(input);
	const li = items.map((item) => `<li style="margin:0 0 6px"><strong>${escapeHtml(item.title)}</strong>: ${escapeHtml(item.description)}</li>`).join('');
	return (
		`<div style="font-family:Arial,Helvetica,sans-serif;font-size:14px;color:#222">` +
		`<h2 style="font-size:18px;margin:0 0 8px">${escapeHtml(heading)}</h2>` +
		`<p style="margin:0 0 8px">${escapeHtml(when)}</p>` +
		`<p style="margin:12px 0 4px;font-weight:bold">Agenda</p><ol style="margin:0 0 8px;padding-left:20px">${li}</ol>` +
		`<p style="margin:8px 0;color:#555">${escapeHtml(basis)}</p></div>`
	);
}
