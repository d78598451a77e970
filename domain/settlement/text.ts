/**
 * Words on statements (Dutch by default, English available): the basis of calculation a finance
 * officer can check by hand.
 */
import { formatEuro, type Cents } from '../money';
import type { FinancingForm } from '../policies/types';
import type { AllocationKey, Language, StatementKind } from './types';

export function formatNumber(n: number, language: Language): string {
	const rounded = Math.round(n * 100) / 100;
	const text = String(rounded);
	return language === 'nl' ? text.replace('.', ',') : text;
}

const FORM_NAMES: Record<Language, Record<FinancingForm, string>> = {
	nl: {
		function: 'Functiebekostiging (taakgericht)',
		population: 'Populatiebekostiging (taakgericht, lumpsum)',
		pxq: 'Inspanningsgericht (PxQ)',
		output: 'Outputgericht (vaste prijs per arrangement)',
	},
	en: {
		function: 'Function financing (task-oriented)',
		population: 'Population financing (task-oriented, lump sum)',
		pxq: 'Effort-oriented (PxQ)',
		output: 'Output-oriented (fixed price per arrangement)',
	},
};

export function financingFormName(form: FinancingForm, language: Language): string {
	return FORM_NAMES[language][form];
}

export function functionTotalBasis(fte: number, yearly: Cents, shareText: string, periodLabel: string, total: Cents, language: Language): string {
	const f = formatNumber(fte, language);
	return language === 'nl'
		? `${FORM_NAMES.nl.function}: ${f} fte × ${formatEuro(yearly, 'nl')} per fte per jaar × ${shareText} jaar (periode ${periodLabel}) = ${formatEuro(total, 'nl')}`
		: `${FORM_NAMES.en.function}: ${f} fte × ${formatEuro(yearly, 'en')} per fte per year × ${shareText} of a year (period ${periodLabel}) = ${formatEuro(total, 'en')}`;
}

export function populationTotalBasis(lumpSum: Cents, periodLabel: string, language: Language): string {
	return language === 'nl'
		? `${FORM_NAMES.nl.population}: lumpsum ${formatEuro(lumpSum, 'nl')} voor periode ${periodLabel}`
		: `${FORM_NAMES.en.population}: lump sum ${formatEuro(lumpSum, 'en')} for period ${periodLabel}`;
}

export function lotTotalBasis(budgets: Record<string, Cents>, periodLabel: string, total: Cents, language: Language): string {
	const lots = Object.entries(budgets)
		.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
		.map(([lot, c]) => `${lot} ${formatEuro(c, language)}`)
		.join('; ');
	return language === 'nl'
		? `${FORM_NAMES.nl.population}: budget per perceel voor periode ${periodLabel} (${lots}) = ${formatEuro(total, 'nl')}`
		: `${FORM_NAMES.en.population}: budget per lot for period ${periodLabel} (${lots}) = ${formatEuro(total, 'en')}`;
}

/** The provisional note on every statement when records were refused from a shared amount (issue 11 §4). */
export function incompleteBasisNote(refused: number, recordsIn: number, affected: Cents, total: Cents, language: Language): string {
	const whole = affected === total;
	if (language === 'nl') {
		const part = whole ? `het hele bedrag van ${formatEuro(total, 'nl')} kan anders verdeeld worden (uren of percelen van de geweigerde registraties zijn onbekend)` : `tot ${formatEuro(affected, 'nl')} van ${formatEuro(total, 'nl')} kan anders verdeeld worden`;
		return `VOORLOPIG — verdeelbasis onvolledig: ${refused} van ${recordsIn} registratie(s) geweigerd (zie de foutmelding per item); ${part}. Niet factureren: herstel de geweigerde registraties en bereken opnieuw.`;
	}
	const part = whole ? `the whole amount of ${formatEuro(total, 'en')} may be allocated differently (the hours or lots of the refused records are unknown)` : `up to ${formatEuro(affected, 'en')} of ${formatEuro(total, 'en')} may be allocated differently`;
	return `PROVISIONAL — allocation basis incomplete: ${refused} of ${recordsIn} record(s) refused (see the error per item); ${part}. Do not invoice: correct the refused records and recalculate.`;
}

/** PxQ/output with refused records: no amount moves onto others, but the refused records are not settled yet. */
export function refusedRecordsNote(refused: number, recordsIn: number, language: Language): string {
	return language === 'nl'
		? `Let op: ${refused} van ${recordsIn} registratie(s) geweigerd (zie de foutmelding per item) en niet in deze verrekening opgenomen; na herstel volgt een aanvullende verrekening.`
		: `Note: ${refused} of ${recordsIn} record(s) refused (see the error per item) and not included in this settlement; they follow in a supplementary settlement once corrected.`;
}

export function sumTotalBasis(form: 'pxq' | 'output', total: Cents, records: number, hours: number, useRecordCost: boolean, language: Language): string {
	if (language === 'nl') {
		const how = useRecordCost ? 'kosten per registratie' : form === 'pxq' ? `${formatNumber(hours, 'nl')} uur × tarief per product` : `${records} arrangementen × vaste prijs per product`;
		return `${FORM_NAMES.nl[form]}: ${how} = ${formatEuro(total, 'nl')}`;
	}
	const how = useRecordCost ? 'cost per record' : form === 'pxq' ? `${formatNumber(hours, 'en')} hours × tariff per product` : `${records} arrangements × fixed price per product`;
	return `${FORM_NAMES.en[form]}: ${how} = ${formatEuro(total, 'en')}`;
}

/** The basis of one party's amount. */
export function partyBasis(args: {
	kind: StatementKind;
	form: FinancingForm;
	key: AllocationKey;
	units: number;
	totalUnits: number;
	amount: Cents;
	total: Cents;
	pupils: number;
	hours: number;
	records: number;
	useRecordCost: boolean;
	indicative?: Cents;
	/** Budgets per lot: this party's part of each lot. */
	lots?: Array<{ lot: string; units: number; totalUnits: number; budget: Cents; amount: Cents }>;
	language: Language;
}): string {
	const { language: l } = args;
	const nl = l === 'nl';
	if (args.kind === 'referral') {
		const base = nl
			? `Niet verrekend: ${args.pupils} leerling(en) wonen in deze gemeente en hebben volgens de regionale afspraak een individuele beschikking van de woongemeente nodig.`
			: `Not settled: ${args.pupils} pupil(s) live in this municipality and, under the regional arrangement, need an individual beschikking from their home municipality.`;
		const indicative =
			args.indicative !== undefined ? (nl ? ` Indicatieve kosten: ${formatEuro(args.indicative, 'nl')}.` : ` Indicative cost: ${formatEuro(args.indicative, 'en')}.`) : '';
		return base + indicative;
	}
	const prefix = args.kind === 'own_share' ? (nl ? 'Eigen aandeel financierende partij. ' : 'Own share of the financing party. ') : '';
	const ties = nl
		? 'grootste-restmethode, afgerond op centen; bij gelijke rest eerst het eigen aandeel, dan de laagste gemeentecode'
		: 'largest-remainder method, rounded to cents; equal remainders: own share first, then the lowest municipality code';
	if (args.lots && args.lots.length > 0) {
		const unit = args.key === 'pupils' ? (nl ? 'leerlingen' : 'pupils') : nl ? 'uur' : 'hours';
		const parts = args.lots
			.map((p) =>
				nl
					? `perceel ${p.lot}: ${formatNumber(p.units, l)} van ${formatNumber(p.totalUnits, l)} ${unit} van ${formatEuro(p.budget, 'nl')} = ${formatEuro(p.amount, 'nl')}`
					: `lot ${p.lot}: ${formatNumber(p.units, l)} of ${formatNumber(p.totalUnits, l)} ${unit} of ${formatEuro(p.budget, 'en')} = ${formatEuro(p.amount, 'en')}`,
			)
			.join('; ');
		return nl
			? `${prefix}${FORM_NAMES.nl.population}, budget per perceel verdeeld naar rato van ${args.key === 'pupils' ? 'het aantal leerlingen' : 'de geleverde uren'}: ${parts}; totaal ${formatEuro(args.amount, 'nl')} (${ties}).`
			: `${prefix}${FORM_NAMES.en.population}, budget per lot allocated by ${args.key === 'pupils' ? 'pupils served' : 'hours delivered'}: ${parts}; total ${formatEuro(args.amount, 'en')} (${ties}).`;
	}
	if (args.form === 'function' || args.form === 'population') {
		const unitText =
			args.key === 'pupils'
				? nl
					? `${formatNumber(args.units, l)} van ${formatNumber(args.totalUnits, l)} leerlingen`
					: `${formatNumber(args.units, l)} of ${formatNumber(args.totalUnits, l)} pupils`
				: nl
					? `${formatNumber(args.units, l)} van ${formatNumber(args.totalUnits, l)} uur`
					: `${formatNumber(args.units, l)} of ${formatNumber(args.totalUnits, l)} hours`;
		return nl
			? `${prefix}${FORM_NAMES.nl[args.form]}: ${formatEuro(args.total, 'nl')} verdeeld naar rato van ${args.key === 'pupils' ? 'het aantal leerlingen' : 'de geleverde uren'}: ${unitText} = ${formatEuro(args.amount, 'nl')} (${ties}).`
			: `${prefix}${FORM_NAMES.en[args.form]}: ${formatEuro(args.total, 'en')} allocated by ${args.key === 'pupils' ? 'pupils served' : 'hours delivered'}: ${unitText} = ${formatEuro(args.amount, 'en')} (${ties}).`;
	}
	if (args.useRecordCost) {
		return nl
			? `${prefix}${FORM_NAMES.nl[args.form]}: som van de kosten van ${args.records} registratie(s) = ${formatEuro(args.amount, 'nl')}.`
			: `${prefix}${FORM_NAMES.en[args.form]}: sum of the cost of ${args.records} record(s) = ${formatEuro(args.amount, 'en')}.`;
	}
	if (args.form === 'pxq') {
		return nl
			? `${prefix}${FORM_NAMES.nl.pxq}: ${formatNumber(args.hours, l)} uur × tarief per product = ${formatEuro(args.amount, 'nl')} (zie regels).`
			: `${prefix}${FORM_NAMES.en.pxq}: ${formatNumber(args.hours, l)} hours × tariff per product = ${formatEuro(args.amount, 'en')} (see lines).`;
	}
	return nl
		? `${prefix}${FORM_NAMES.nl.output}: ${args.records} arrangement(en) × vaste prijs per product = ${formatEuro(args.amount, 'nl')} (zie regels).`
		: `${prefix}${FORM_NAMES.en.output}: ${args.records} arrangement(s) × fixed price per product = ${formatEuro(args.amount, 'en')} (see lines).`;
}

export const NOT_SETTLED_REASONS: Record<Language, Record<string, string>> = {
	nl: {
		resident: 'woont in de financierende regio (eigen aandeel)',
		covered: 'woont elders, maar valt onder de regionale afspraak (eigen aandeel)',
		referred: 'woont elders en heeft een individuele beschikking van de woongemeente nodig (niet verrekend, doorverwezen)',
		rejected: 'registratie onbruikbaar (zie foutmelding per item)',
	},
	en: {
		resident: 'lives in the financing region (own share)',
		covered: 'lives elsewhere but is covered by the regional arrangement (own share)',
		referred: 'lives elsewhere and needs an individual beschikking from the home municipality (not settled, referred)',
		rejected: 'record could not be used (see the error per item)',
	},
};

type ReconcileStatusKey = 'matched' | 'amount_differs' | 'missing_invoice' | 'unexpected_invoice' | 'duplicate_invoice';

/**
 * Which invoices a reconciliation checks, seen from the finance team that reads the result (issue 24 §1):
 * `sent`: the invoices this municipality sent to the municipalities that owe it (it pre-finances, as Amsterdam
 * does for SJSO, and is owed the money); `received`: invoices this municipality received and pays.
 */
export type InvoiceDirection = 'sent' | 'received';

/** What the finance team that reads the line does, per direction: it never pays what it is owed, nor asks itself for an invoice. */
const RECONCILE_ACTIONS: Record<InvoiceDirection, Record<Language, Record<ReconcileStatusKey, string>>> = {
	received: {
		nl: {
			matched: 'Niets te doen.',
			amount_differs: 'Vraag de gemeente om een creditnota of een aanvullende factuur, of herstel de verrekening als die niet klopt.',
			missing_invoice: 'Vraag de gemeente om de factuur.',
			unexpected_invoice: 'Ga na of de factuur bij deze verrekening hoort; zo niet, stuur haar terug.',
			duplicate_invoice: 'Betaal de factuur één keer en vraag de gemeente de dubbele in te trekken.',
		},
		en: {
			matched: 'Nothing to do.',
			amount_differs: 'Ask the municipality for a credit note or a supplementary invoice, or correct the settlement if it is wrong.',
			missing_invoice: 'Ask the municipality for the invoice.',
			unexpected_invoice: 'Check whether the invoice belongs to this settlement; if not, send it back.',
			duplicate_invoice: 'Pay the invoice once and ask the municipality to withdraw the duplicate.',
		},
	},
	sent: {
		nl: {
			matched: 'Niets te doen.',
			amount_differs: 'Stuur de gemeente een creditnota of een aanvullende factuur voor het verschil, of herstel de verrekening als die niet klopt.',
			missing_invoice: 'Stuur de gemeente de factuur voor het verwachte bedrag.',
			unexpected_invoice: 'Ga na of deze factuur bij de verrekening hoort; zo niet, trek haar in met een creditnota.',
			duplicate_invoice: 'Trek de dubbele factuur in met een creditnota en laat de gemeente weten dat zij het bedrag één keer betaalt.',
		},
		en: {
			matched: 'Nothing to do.',
			amount_differs: 'Send the municipality a credit note or a supplementary invoice for the difference, or correct the settlement if it is wrong.',
			missing_invoice: 'Send the municipality the invoice for the expected amount.',
			unexpected_invoice: 'Check whether this invoice belongs to the settlement; if not, withdraw it with a credit note.',
			duplicate_invoice: 'Withdraw the duplicate invoice with a credit note and tell the municipality it pays the amount once.',
		},
	},
};

/** The direction checked, in one sentence for the top of a mail. */
const DIRECTION_TEXT: Record<InvoiceDirection, Record<Language, string>> = {
	sent: {
		nl: 'Gecontroleerd zijn de facturen die wij als voorfinancierende gemeente aan de woongemeenten hebben gestuurd: wij krijgen deze bedragen van hen.',
		en: 'Checked: the invoices we sent, as the pre-financing municipality, to the municipalities where the pupils live: they owe us these amounts.',
	},
	received: {
		nl: 'Gecontroleerd zijn de facturen die wij van andere gemeenten hebben ontvangen: wij betalen deze bedragen aan hen.',
		en: 'Checked: the invoices we received from other municipalities: we pay them these amounts.',
	},
};

/**
 * What a finance officer does about one reconciliation line (issue 12: mails say what to do), in the message language.
 * @param status a ReconcileStatus
 * @param direction whose invoices were checked (default `received`, the wording before the option existed)
 */
export function reconcileAction(status: ReconcileStatusKey, language: Language, direction: InvoiceDirection = 'received'): string {
	return RECONCILE_ACTIONS[direction][language][status];
}

/** Which invoices were checked, for whom the amounts are owed, in one sentence (the mail's opening). */
export function reconcileDirectionText(direction: InvoiceDirection, language: Language): string {
	return DIRECTION_TEXT[direction][language];
}
