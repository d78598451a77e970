/**
 * Reconcile invoices (sent or received) against the calculation.
 *
 * Both sides are keyed by municipality (CBS code) and period (normalised, so `Q1 2026` and `2026-Q1` match).
 * Per key: the sum of the distinct invoices is compared with the expected amount, within a tolerance in cents.
 * - `matched`: |invoiced − expected| ≤ tolerance;
 * - `amount_differs`: invoices exist but differ by more than the tolerance (difference = invoiced − expected);
 * - `missing_invoice`: an amount is expected (> 0) but no invoice was found;
 * - `unexpected_invoice`: an invoice for a municipality and period the calculation has no amount for;
 * - `duplicate_invoice`: an invoice number seen before (same municipality and number): it is reported once
 *   per repeat and not counted in the sum.
 * Several different invoice numbers for the same municipality and period are added up (part invoices).
 * A line whose statement is provisional (refused records in a shared amount, issue 11 §4) says so:
 * `provisional: true` and a note in the message — a match against a provisional amount is not final.
 */
import { stripInvisible } from '../primitives/identifier';
import type { Cents } from '../money';
import { formatEuro } from '../money';
import type { Period } from './period';
import type { Language } from './types';

export type ReconcileStatus = 'matched' | 'amount_differs' | 'missing_invoice' | 'unexpected_invoice' | 'duplicate_invoice';

export interface ExpectedAmount {
	municipalityCode: string;
	municipalityName: string;
	period: Period;
	amountCents: Cents;
	index: number;
	/** The statement is provisional (its allocation basis was incomplete). */
	provisional?: boolean;
}

export interface Invoice {
	municipalityCode: string;
	municipalityName: string;
	period: Period;
	amountCents: Cents;
	invoiceNumber: string;
	index: number;
}

export interface ReconcileLine {
	status: ReconcileStatus;
	municipalityCode: string;
	municipalityName: string;
	period: string;
	expectedCents: Cents | null;
	invoicedCents: Cents | null;
	differenceCents: Cents | null;
	invoiceNumbers: string[];
	message: string;
	/** The expected amount comes from a provisional statement. */
	provisional: boolean;
	/** Input indexes of the statement and invoice items behind this line. */
	indexes: number[];
}

export interface ReconcileSummary {
	statements: number;
	invoices: number;
	matched: number;
	amountDiffers: number;
	missingInvoice: number;
	unexpectedInvoice: number;
	duplicateInvoice: number;
	/** Statements that were provisional. */
	provisionalStatements: number;
	expectedCents: Cents;
	invoicedCents: Cents;
	toleranceCents: Cents;
}

const periodKey = (p: Period) => `${p.start}|${p.end}`;

/**
 * Match invoices against the expected amounts of the statements, per municipality and period.
 * @param expected the statements' amounts (cents), keyed by municipality and period
 * @param invoices the invoice rows (cents; negative for a credit note)
 * @param toleranceCents a difference up to this many cents still counts as matched
 * @param language language of the line messages (Dutch by default)
 * @returns one line per municipality and period (`matched`, `amount_differs`, `missing_invoice`,
 *   `unexpected_invoice`) plus one per repeated invoice number (`duplicate_invoice`), and a summary with
 *   counts and totals in cents (see the file comment)
 */
export function reconcileInvoices(
	expected: readonly ExpectedAmount[],
	invoices: readonly Invoice[],
	toleranceCents: Cents,
	language: Language = 'nl',
): { lines: ReconcileLine[]; summary: ReconcileSummary } {
	interface Group {
		code: string;
		name: string;
		period: Period;
		expected: ExpectedAmount[];
		invoices: Invoice[];
	}
	const groups = new Map<string, Group>();
	const groupOf = (code: string, name: string, period: Period): Group => {
		const k = `${code}|${periodKey(period)}`;
		let g = groups.get(k);
		if (!g) groups.set(k, (g = { code, name, period, expected: [], invoices: [] }));
		return g;
	};
	for (const e of expected) groupOf(e.municipalityCode, e.municipalityName, e.period).expected.push(e);

	// duplicates: the same invoice number for the same municipality, in input order of their index
	const seen = new Map<string, Invoice>();
	const duplicates: Invoice[] = [];
	for (const inv of [...invoices].sort((a, b) => a.index - b.index)) {
		const k = `${inv.municipalityCode}|${stripInvisible(inv.invoiceNumber).toUpperCase()}`;
		if (seen.has(k)) {
			duplicates.push(inv);
			continue;
		}
		seen.set(k, inv);
		groupOf(inv.municipalityCode, inv.municipalityName, inv.period).invoices.push(inv);
	}

	const nl = language === 'nl';
	const eur = (c: Cents) => formatEuro(c, language);
	const lines: ReconcileLine[] = [];
	for (const g of groups.values()) {
		const hasExpected = g.expected.length > 0;
		const expectedCents = g.expected.reduce((a, e) => a + e.amountCents, 0);
		const invoicedCents = g.invoices.reduce((a, i) => a + i.amountCents, 0);
		const numbers = g.invoices.map((i) => i.invoiceNumber).sort();
		const indexes = [...g.expected.map((e) => e.index), ...g.invoices.map((i) => i.index)].sort((a, b) => a - b);
		const provisional = g.expected.some((e) => e.provisional === true);
		const base = { municipalityCode: g.code, municipalityName: g.name, period: g.period.label, invoiceNumbers: numbers, indexes, provisional };
		if (!hasExpected) {
			lines.push({
				...base,
				status: 'unexpected_invoice',
				expectedCents: null,
				invoicedCents,
				differenceCents: invoicedCents,
				message: nl
					? `Onverwachte factuur: de berekening heeft geen bedrag voor ${g.name} in ${g.period.label}; gefactureerd ${eur(invoicedCents)}.`
					: `Unexpected invoice: the calculation has no amount for ${g.name} in ${g.period.label}; invoiced ${eur(invoicedCents)}.`,
			});
		} else if (g.invoices.length === 0) {
			const ok = Math.abs(expectedCents) <= toleranceCents;
			lines.push({
				...base,
				status: ok ? 'matched' : 'missing_invoice',
				expectedCents,
				invoicedCents: null,
				differenceCents: expectedCents === 0 ? 0 : -expectedCents,
				message: ok
					? nl
						? `Geen factuur nodig: verwacht ${eur(expectedCents)}.`
						: `No invoice needed: expected ${eur(expectedCents)}.`
					: nl
						? `Factuur ontbreekt: verwacht ${eur(expectedCents)} voor ${g.name} in ${g.period.label}.`
						: `Missing invoice: expected ${eur(expectedCents)} for ${g.name} in ${g.period.label}.`,
			});
		} else {
			const diff = invoicedCents - expectedCents;
			const ok = Math.abs(diff) <= toleranceCents;
			lines.push({
				...base,
				status: ok ? 'matched' : 'amount_differs',
				expectedCents,
				invoicedCents,
				differenceCents: diff,
				message: ok
					? nl
						? `Akkoord: gefactureerd ${eur(invoicedCents)}, verwacht ${eur(expectedCents)}${diff !== 0 ? ` (verschil ${eur(diff)} binnen de tolerantie)` : ''}.`
						: `Matched: invoiced ${eur(invoicedCents)}, expected ${eur(expectedCents)}${diff !== 0 ? ` (difference ${eur(diff)} within tolerance)` : ''}.`
					: nl
						? `Bedrag wijkt af: gefactureerd ${eur(invoicedCents)}, verwacht ${eur(expectedCents)}, verschil ${eur(diff)}.`
						: `Amount differs: invoiced ${eur(invoicedCents)}, expected ${eur(expectedCents)}, difference ${eur(diff)}.`,
			});
		}
	}
	for (const l of lines) {
		if (l.provisional) {
			l.message += nl
				? ' Let op: het verwachte bedrag komt uit een voorlopige berekening (verdeelbasis onvolledig) en is niet definitief.'
				: ' Note: the expected amount comes from a provisional calculation (allocation basis incomplete) and is not final.';
		}
	}
	for (const d of duplicates) {
		lines.push({
			provisional: false,
			status: 'duplicate_invoice',
			municipalityCode: d.municipalityCode,
			municipalityName: d.municipalityName,
			period: d.period.label,
			expectedCents: null,
			invoicedCents: d.amountCents,
			differenceCents: null,
			invoiceNumbers: [d.invoiceNumber],
			message: nl
				? `Dubbele factuur: factuurnummer ${d.invoiceNumber} komt vaker voor; alleen de eerste is meegeteld.`
				: `Duplicate invoice: invoice number ${d.invoiceNumber} appears more than once; only the first was counted.`,
			indexes: [d.index],
		});
	}
	const order: Record<ReconcileStatus, number> = { matched: 0, amount_differs: 0, missing_invoice: 0, unexpected_invoice: 0, duplicate_invoice: 1 };
	lines.sort(
		(a, b) =>
			(a.municipalityCode < b.municipalityCode ? -1 : a.municipalityCode > b.municipalityCode ? 1 : 0) ||
			(a.period < b.period ? -1 : a.period > b.period ? 1 : 0) ||
			order[a.status] - order[b.status] ||
			a.indexes[0] - b.indexes[0],
	);
	const count = (s: ReconcileStatus) => lines.filter((l) => l.status === s).length;
	return {
		lines,
		summary: {
			statements: expected.length,
			invoices: invoices.length,
			matched: count('matched'),
			amountDiffers: count('amount_differs'),
			missingInvoice: count('missing_invoice'),
			unexpectedInvoice: count('unexpected_invoice'),
			duplicateInvoice: count('duplicate_invoice'),
			provisionalStatements: expected.filter((e) => e.provisional === true).length,
			expectedCents: expected.reduce((a, e) => a + e.amountCents, 0),
			invoicedCents: invoices.reduce((a, i) => a + i.amountCents, 0),
			toleranceCents,
		},
	};
}
