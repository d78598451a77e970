/**
 * The settlement statement as a spreadsheet a finance officer can check on its own (issue 12): one row per
 * pupil (pseudonymous), then a total row, with headers in the statement language (Dutch by default).
 * Every row names the period, the paying and the pre-financing municipality, so a single sheet (or a single
 * row) says whose money it is and for when; the amount column adds up to the total row, to the cent.
 *
 * Pure: the rows are made from a PartyStatement and the settlement's period and parties, after the
 * calculation (only for the statements that leave the node, never per input record).
 */
import { formatLongDate } from '../evaluation/agenda';
import { centsToEuros, type Cents } from '../money';
import { ruleReason } from '../policies/classify';
import { memoise } from '../primitives/shared';
import type { FinancingForm } from '../policies/types';
import type { Period } from './period';
import { formatNumber } from './text';
import type { AllocationKey, Language, PartyStatement, StatementLine } from './types';

/** The columns of the statement sheet, in order. */
export type SheetColumn = 'period' | 'payer' | 'prefinancer' | 'pupil' | 'residence' | 'school' | 'arrangement' | 'rule' | 'records' | 'hours' | 'basis' | 'amount';

/** Column headers per language; the keys of every sheet row, in this order. */
export const SHEET_HEADERS: Record<Language, Record<SheetColumn, string>> = {
	nl: {
		period: 'Periode',
		payer: 'Betalende gemeente',
		prefinancer: 'Voorfinancierende gemeente',
		pupil: 'Leerling (pseudoniem)',
		residence: 'Woongemeente',
		school: 'School',
		arrangement: 'Arrangement',
		rule: 'Regel',
		records: 'Registraties',
		hours: 'Uren',
		basis: 'Berekening',
		amount: 'Bedrag (€)',
	},
	en: {
		period: 'Period',
		payer: 'Paying municipality',
		prefinancer: 'Pre-financing municipality',
		pupil: 'Pupil (pseudonym)',
		residence: 'Residence municipality',
		school: 'School',
		arrangement: 'Arrangement',
		rule: 'Rule',
		records: 'Records',
		hours: 'Hours',
		basis: 'Basis of calculation',
		amount: 'Amount (€)',
	},
};

/** The label of the total row (in the pupil column). */
export const TOTAL_LABEL: Record<Language, string> = { nl: 'Totaal', en: 'Total' };

/** One spreadsheet row: header → cell. Amounts are euros with two decimals (a number), hours a number. */
export type SheetRow = Record<string, string | number>;

const ARRANGEMENTS: Record<Language, Record<string, string>> = {
	nl: { group: 'groep', individual: 'individueel', class: 'onderwijs-zorgklas' },
	en: { group: 'group', individual: 'individual', class: 'care-education class' },
};

/** `1 januari 2026 t/m 31 maart 2026` / `1 January 2026 to 31 March 2026`; one day is one date. */
export function formatPeriodText(period: Period, language: Language): string {
	const start = formatLongDate(period.start, language);
	if (period.end === period.start) return start;
	return `${start} ${language === 'nl' ? 't/m' : 'to'} ${formatLongDate(period.end, language)}`;
}

/** What the sheet needs besides the statement: the settlement's period, form and financing (pre-financing) party. */
export interface SheetContext {
	period: Period;
	financingForm: FinancingForm;
	allocationKey: AllocationKey;
	financingParty: { code: string; name: string };
	/** PxQ/output: the records' own costs were used instead of tariffs or prices. */
	useRecordCost?: boolean;
	language: Language;
}

const party = (name: string, code: string) => (code === '' ? name : `${name} (${code})`);

function lineBasis(l: StatementLine, s: PartyStatement, c: SheetContext): string {
	const nl = c.language === 'nl';
	if (s.kind === 'referral') return nl ? 'Niet verrekend (beschikking van de woongemeente nodig)' : 'Not settled (needs a beschikking from the home municipality)';
	if (c.financingForm === 'function' || c.financingForm === 'population') {
		const hours = c.allocationKey === 'hours';
		const units = formatNumber(l.units, c.language);
		const of = formatNumber(s.units, c.language);
		if (nl) return `Aandeel naar rato: ${units} van ${of} ${hours ? 'uur' : 'leerlingen'} op deze verrekening (zie totaalregel)`;
		return `Pro rata share: ${units} of ${of} ${hours ? 'hours' : 'pupils'} on this statement (see total row)`;
	}
	if (c.useRecordCost) return nl ? `Som van de kosten van ${l.records} registratie(s)` : `Sum of the cost of ${l.records} record(s)`;
	if (c.financingForm === 'pxq') return nl ? `${formatNumber(l.hours, 'nl')} uur × tarief per product` : `${formatNumber(l.hours, 'en')} hours × tariff per product`;
	return nl ? `${l.records} arrangement(en) × vaste prijs per product` : `${l.records} arrangement(s) × fixed price per product`;
}

function row(h: Record<SheetColumn, string>, cells: Record<SheetColumn, string | number>, columns = Object.keys(h) as SheetColumn[]): SheetRow {
	const out: SheetRow = {};
	for (const k of columns) out[h[k]] = cells[k];
	return out;
}

/**
 * The number a line's basis text depends on besides the statement (`lineBasis`, branch by branch): the
 * texts of one statement are made once per distinct number.
 */
function lineBasisKey(l: StatementLine, s: PartyStatement, c: SheetContext): number {
	if (s.kind === 'referral') return 0;
	if (c.financingForm === 'function' || c.financingForm === 'population') return l.units;
	if (c.useRecordCost) return l.records;
	if (c.financingForm === 'pxq') return l.hours;
	return l.records;
}

/**
 * The statement as spreadsheet rows: one per pupil line (pseudonym only: no name, BSN or pupil number), then
 * the total row (pupil column "Totaal"/"Total", the statement's basis of calculation in words, its amount).
 * @returns rows whose amount column (euros) adds up, in cents, to the total row, which is `s.amountCents`
 *   (for a referral: 0, nothing is billed)
 * Source: issue 12 (statement checkable on its own); the basis texts are text.ts's `partyBasis`.
 */
export function statementSheetRows(s: PartyStatement, c: SheetContext): SheetRow[] {
	const l = c.language;
	const h = SHEET_HEADERS[l];
	const common = {
		period: `${formatPeriodText(c.period, l)} (${c.period.label})`,
		payer: s.kind === 'referral' ? `${party(s.municipalityName, s.municipalityCode)} — ${l === 'nl' ? 'niet verrekend' : 'not settled'}` : party(s.municipalityName, s.municipalityCode),
		prefinancer: party(c.financingParty.name, c.financingParty.code),
	};
	// what repeats over the lines is made once per distinct value: texts per arrangement list, rule and basis number
	const columns = Object.keys(h) as SheetColumn[];
	const arrangementText = memoise((arrangements: string) =>
		arrangements
			.split(', ')
			.map((a) => ARRANGEMENTS[l][a] ?? a)
			.join(', '),
	);
	const ruleText = memoise((ruleId: string) => `${ruleId}: ${ruleReason(ruleId, l) ?? ''}`.replace(/: $/, ''));
	const residenceText = memoise((name: string) => memoise((code: string) => party(name, code)));
	const basisTexts = new Map<number, string>();
	const rows = s.lines.map((line) => {
		const basisKey = lineBasisKey(line, s, c);
		let basis = basisTexts.get(basisKey);
		if (basis === undefined) basisTexts.set(basisKey, (basis = lineBasis(line, s, c)));
		return row(
			h,
			{
				period: common.period,
				payer: common.payer,
				prefinancer: common.prefinancer,
				pupil: line.pupil,
				residence: residenceText(line.residenceName)(line.residenceCode) + (line.formerResidences ? ` (${line.formerResidences.map((f) => f.note[l]).join('; ')})` : ''),
				school: line.schools,
				arrangement: arrangementText(line.arrangements),
				rule: ruleText(line.ruleId),
				records: line.records,
				hours: line.hours,
				basis,
				amount: centsToEuros(line.amountCents),
			},
			columns,
		);
	});
	const total: Cents = s.amountCents;
	// The own share of a shared amount with no pupil on it (no record in the period): the amount stays with the
	// financing party without a pupil line, so one row says so and the rows still add up to the total.
	const rest = total - s.lines.reduce((a, line) => a + line.amountCents, 0);
	if (rest !== 0) {
		rows.push(
			row(h, {
				...common,
				pupil: l === 'nl' ? 'Geen leerling' : 'No pupil',
				residence: '',
				school: '',
				arrangement: '',
				rule: '',
				records: 0,
				hours: 0,
				basis: l === 'nl' ? 'Deel van het bedrag dat aan geen leerling is toe te rekenen (geen registraties in de periode)' : 'Part of the amount attributable to no pupil (no records in the period)',
				amount: centsToEuros(rest),
			}),
		);
	}
	rows.push(
		row(h, {
			...common,
			pupil: TOTAL_LABEL[l],
			residence: '',
			school: '',
			arrangement: '',
			rule: l === 'nl' ? `${s.pupils} leerling(en)` : `${s.pupils} pupil(s)`,
			records: s.records,
			hours: s.hours,
			basis: s.basis,
			amount: centsToEuros(total),
		}),
	);
	return rows;
}
