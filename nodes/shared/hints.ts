/**
 * Execution hints a node adds after a run (issue 12, "None of our nodes shows an execution hint"), built from
 * counts and column names only: never a value from an item (no BSN, name, free text, case reference).
 * n8n shows them above the node's output (`location: 'outputPane'`). The input layer adds the hints every
 * node shares (blank rows skipped, columns matched by a normalised name, calendar zone: nodes/shared/input.ts).
 */
import type { NodeExecutionHint } from 'n8n-workflow';

/**
 * Cases on an alert output without a zorgteam address: an e-mail step after the node cannot reach them.
 * @param count cases (not groups) on the Overdue and Due Soon outputs whose address column is empty
 * @param column the address column as configured
 */
export function missingRecipientHint(count: number, column: string): NodeExecutionHint | undefined {
	if (count <= 0) return undefined;
	return {
		type: 'warning',
		location: 'outputPane',
		message:
			`${count} overdue or due-soon case(s) have no zorgteam e-mail in column "${column}": an e-mail step after this node cannot reach their zorgteam. ` +
			'Fill in the address in the spreadsheet, or map "Zorgteam E-Mail" to the column that holds it.',
	};
}

/**
 * Group Per Recipient off: the items on Overdue and Due Soon are single cases, without the recipient list and the
 * ready mail a group item carries, so a Send Email step built for group items finds no address (n8n: "No
 * recipients defined"). Issue 24 §4.
 * @param count cases on the Overdue and Due Soon outputs
 * @param outputField the field that holds each case's deadline (default `deadline`)
 */
export function ungroupedHint(count: number, outputField: string): NodeExecutionHint | undefined {
	if (count <= 0) return undefined;
	return {
		type: 'info',
		location: 'outputPane',
		message:
			`Group Per Recipient is off: the ${count} item(s) on Overdue and Due Soon are one case each, without a recipient list or a ready mail (no recipientEmail, subject, text or html), so a Send Email step that uses {{ $json.recipientEmail }} stops with "No recipients defined". ` +
			`Switch Group Per Recipient on for one mail per zorgteam, or address each case with {{ $json.${outputField}.recipientEmails.join(',') }}.`,
	};
}

/** The counts of a settlement that say whether its statements are final. */
export interface BasisCounts {
	/** Delivery records the node received (blank rows not counted). */
	recordsIn: number;
	/** Records refused (errors under On Error "Continue"). */
	recordsRejected: number;
	/** False when a shared amount was split while records were refused: every statement is provisional. */
	basisComplete: boolean;
}

/** Statements made from an incomplete basis: provisional (shared amount) or final with records left out. */
export function incompleteBasisHint(counts: BasisCounts): NodeExecutionHint | undefined {
	if (counts.recordsRejected <= 0) return undefined;
	if (!counts.basisComplete) {
		return {
			type: 'warning',
			location: 'outputPane',
			message:
				`The statements are provisional: ${counts.recordsRejected} of ${counts.recordsIn} delivery record(s) were refused, so the shared amount was split over an incomplete basis. ` +
				'Correct the refused records (each error names the field) and run again before sending the statements (status "provisional").',
		};
	}
	return {
		type: 'info',
		location: 'outputPane',
		message:
			`${counts.recordsRejected} of ${counts.recordsIn} delivery record(s) were refused and are not on any statement; the other amounts are final (status "final_records_refused"). ` +
			'Correct the refused records and run again to settle them too.',
	};
}
