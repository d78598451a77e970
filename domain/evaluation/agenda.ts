/**
 * The evaluation agenda: what the provider and the zorgteam discuss per school twice a year.
 * The items are those of S1 kernbepaling 11 (Holland Rijnland, segment 5): "Onderdelen van de
 * evaluatie en monitoring zijn in elk geval: ..."; the annual report is its last sentence
 * ("De jeugdhulpaanbieder rapporteert hierover jaarlijks aan de gemeente").
 *
 * Text that reaches people outside n8n: Dutch by default, English available.
 */
import { CalendarDate, toYmd } from '../primitives/dates';
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

const MONTHS: Record<AgendaLanguage, string[]> = {
	nl: ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'],
	en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

/** `2 februari 2026` / `2 February 2026`. */
export function formatLongDate(date: CalendarDate, language: AgendaLanguage): string {
	const { year, month, day } = toYmd(date);
	return `${day} ${MONTHS[language][month - 1]} ${year}`;
}

export interface AgendaTextInput {
	language: AgendaLanguage;
	schoolName?: string;
	moment: CalendarDate;
	periodStart: CalendarDate;
	periodEnd: CalendarDate;
	annualReport: boolean;
}

/** The agenda as plain text, ready for an e-mail body. */
export function agendaText(input: AgendaTextInput): string {
	const { language: l } = input;
	const items = evaluationAgenda(l, input.annualReport);
	const heading =
		l === 'nl'
			? `Halfjaarlijkse evaluatie collectieve jeugdhulp${input.schoolName ? ` – ${input.schoolName}` : ''}`
			: `Semiannual evaluation of collective youth care${input.schoolName ? ` – ${input.schoolName}` : ''}`;
	const when =
		l === 'nl'
			? `Evaluatiemoment: ${formatLongDate(input.moment, l)}. Periode: ${formatLongDate(input.periodStart, l)} t/m ${formatLongDate(input.periodEnd, l)}.`
			: `Evaluation moment: ${formatLongDate(input.moment, l)}. Period: ${formatLongDate(input.periodStart, l)} to ${formatLongDate(input.periodEnd, l)} inclusive.`;
	const lines = items.map((item, i) => `${i + 1}. ${item.title}: ${item.description}`);
	const basis =
		l === 'nl'
			? 'Grondslag: de jeugdhulpaanbieder monitort en evalueert de collectieve jeugdhulp per school twee keer per jaar met het zorgteam (kernbepaling 11).'
			: 'Basis: the provider monitors and evaluates collective youth care per school twice a year with the zorgteam (kernbepaling 11).';
	return [heading, when, '', 'Agenda:', ...lines, '', basis].join('\n');
}
