/**
 * Reconcile Invoices' settings: the one reader of its parameters (`readReconcileSettings`), the only code of
 * the operation that calls `getNodeParameter` (besides the shared privacy and column layers it calls). The
 * parameter definitions stay in reconcile.operation.ts for now.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { parseAmount, type Cents } from '../../../domain/money';
import { isBlank } from '../../../domain/primitives/blank';
import { INVOICE_COLUMNS, type InvoiceDirection, type Language } from '../../../domain/settlement';
import { readConfiguration } from '../../shared/errors';
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
	/** A difference up to this many cents still counts as matched (whole, not negative). */
	toleranceCents: Cents;
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
	const toleranceCents = readToleranceCents(ctx);
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

/**
 * The tolerance in cents. Version 1.4: *Tolerance* in euros, through the money rules (`parseAmount`: 0.29 is
 * exactly 29 cents; an emptied field is 0; more than two decimals or a negative amount is a configuration
 * error). Before: *Tolerance (Cents)* as entered, rounded to whole cents, a negative one read as 0 (as before).
 */
function readToleranceCents(ctx: IExecuteFunctions): Cents {
	if (VERSIONS.has(ctx.getNode(), 'toleranceInEuros')) {
		const euros = ctx.getNodeParameter('tolerance', 0, 0);
		return isBlank(euros) ? 0 : readConfiguration(ctx.getNode(), () => parseAmount(euros, 'Tolerance'));
	}
	const cents = ctx.getNodeParameter('toleranceCents', 0, 0) as number;
	return Math.max(0, Math.round(cents));
}
