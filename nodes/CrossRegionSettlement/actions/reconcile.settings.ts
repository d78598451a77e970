/**
 * Reconcile Invoices' settings: the one reader of its parameters (`readReconcileSettings`), the only code of
 * the operation that calls `getNodeParameter` (besides the shared privacy and column layers it calls). The
 * parameter definitions stay in reconcile.operation.ts for now.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { INVOICE_COLUMNS, type InvoiceDirection, type Language } from '../../../domain/settlement';
import { readColumnNames } from '../../shared/columns';
import { readIdentifyingData, type IdentifyingData } from '../../shared/privacy';
import { VERSIONS } from '../versions';

/** The invoice columns of this run (Invoice Columns). */
export interface InvoiceFields {
	municipality: string;
	period: string;
	amount: string;
	invoiceNumber: string;
}

/** What one run of Reconcile Invoices is set to do. */
export interface ReconcileSettings {
	/** A difference up to this many cents still counts as matched (as entered: the domain rounds it). */
	toleranceCents: number;
	/** The field that tells statement items from invoice rows (default `kind`). */
	kindField: string;
	/** Language of the messages per line and of the error in words on error items. */
	language: Language;
	/** Invoices Checked: whose invoices the rows are (`received`, the default, or `sent` as the pre-financing municipality). */
	direction: InvoiceDirection;
	fields: InvoiceFields;
	privacy: IdentifyingData | undefined;
}

/** Read the node's parameters for one run (all of them once, from the first item). */
export function readReconcileSettings(ctx: IExecuteFunctions): ReconcileSettings {
	const toleranceCents = ctx.getNodeParameter('toleranceCents', 0, 0) as number;
	const options = ctx.getNodeParameter('reconcileOptions', 0, {}) as IDataObject;
	return {
		toleranceCents,
		kindField: (typeof options.kindField === 'string' && options.kindField.trim()) || 'kind',
		language: ((options.language as Language) ?? 'nl') as Language,
		direction: options.invoiceDirection === 'sent' ? 'sent' : 'received',
		// version 1.2: Invoice Columns; before: the Invoice Columns collection (read as before: trimmed, blank = default)
		fields: readColumnNames(ctx, VERSIONS, INVOICE_COLUMNS, { mapping: 'invoiceColumnMap', legacy: 'invoiceColumns' }),
		privacy: readIdentifyingData(ctx, VERSIONS),
	};
}
