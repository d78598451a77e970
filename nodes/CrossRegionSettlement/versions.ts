/** Cross-Region Settlement's version table: each behaviour with the first node version that has it (`nodes/shared/versions.ts`). */
import { VersionTable } from '../shared/versions';

export const VERSIONS = new VersionTable([1, 1.1, 1.2, 1.3, 1.4], {
	/** Identifying columns are removed from items by default; the Identifying Data in Output choice. */
	removeIdentifyingData: 1.1,
	/** Input Columns / Invoice Columns show every expected column (before: the one-by-one Columns collections). */
	columnMapping: 1.2,
	/**
	 * Each statement item carries the statement as a formatted xlsx (binary), and the words for the document
	 * (`documentTitle`, `amountLabel`, `isInvoice`): an own share is information, not a bill (issue 24 §2).
	 */
	statementFile: 1.3,
	/** Reconcile Invoices: *Tolerance* in euros (`1.00`), converted to cents exactly (before: *Tolerance (Cents)*). */
	toleranceInEuros: 1.4,
});
