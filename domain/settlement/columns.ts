/**
 * The columns Cross-Region Settlement reads, in one place: delivery records (Calculate) and invoice rows
 * (Reconcile Invoices). Default names are the Dutch column names regions use (leerling, woongemeente, …).
 */
import { defaultColumnNames, ExpectedColumn } from '../primitives/columns';

export type DeliveryColumn = 'pupil' | 'school' | 'residence' | 'period' | 'hours' | 'arrangement' | 'product' | 'cost';

/** Delivery record columns (Calculate), in the order the node shows them. */
export const DELIVERY_COLUMNS: ReadonlyArray<ExpectedColumn<DeliveryColumn>> = [
	{ key: 'pupil', label: 'Pupil Reference', defaultName: 'leerling', required: true, meaning: 'A stable pupil reference (leerlingnummer); it is pseudonymised on every statement and never shown' },
	{ key: 'residence', label: 'Home Municipality', defaultName: 'woongemeente', required: true, meaning: 'Where the pupil lives (woonplaatsbeginsel): CBS code or name; decides who pays' },
	{ key: 'school', label: 'School', defaultName: 'school', required: false, meaning: 'School (BRIN or name), shown on the statement lines' },
	{ key: 'period', label: 'Period', defaultName: 'periode', required: false, meaning: 'Period or date of the record; must lie inside the settlement period; empty = the settlement period' },
	{ key: 'hours', label: 'Hours', defaultName: 'uren', required: false, meaning: 'Hours delivered; needed for PxQ and for the hours allocation key' },
	{ key: 'arrangement', label: 'Arrangement', defaultName: 'arrangement', required: false, meaning: 'Group (groep), individual (individueel) or class (onderwijs-zorgklas); empty cells use the Default Arrangement option' },
	{ key: 'product', label: 'Product / Lot', defaultName: 'product', required: false, meaning: 'Product code or lot (perceel); needed for tariffs, prices or budgets per lot' },
	{ key: 'cost', label: 'Cost', defaultName: 'kosten', required: false, meaning: 'The record\u2019s own cost in euros; needed only with Use Record Cost' },
];

export type InvoiceColumn = 'invoiceNumber' | 'municipality' | 'period' | 'amount';

/** Invoice row columns (Reconcile Invoices). */
export const INVOICE_COLUMNS: ReadonlyArray<ExpectedColumn<InvoiceColumn>> = [
	{ key: 'invoiceNumber', label: 'Invoice Number', defaultName: 'factuurnummer', required: true, meaning: 'The invoice number (factuurnummer)' },
	{ key: 'municipality', label: 'Municipality', defaultName: 'gemeente', required: true, meaning: 'The municipality invoiced (CBS code or name)' },
	{ key: 'period', label: 'Period', defaultName: 'periode', required: true, meaning: 'The period invoiced (2026-Q1, Q1 2026, 2026-03, …)' },
	{ key: 'amount', label: 'Amount', defaultName: 'bedrag', required: true, meaning: 'Invoice amount in euros (Dutch notation allowed; negative for a credit note)' },
];

export const DEFAULT_INVOICE_COLUMNS: Record<InvoiceColumn, string> = defaultColumnNames(INVOICE_COLUMNS);
