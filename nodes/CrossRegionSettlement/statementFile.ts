/**
 * Node version 1.3 (issue 24 §2): the statement file finance staff open, attached to each statement item as
 * binary data, and the words that say what the document is (an own share is information, not a bill).
 * The sheet and its bytes are made in the domain (domain/settlement/statementFile.ts, domain/primitives/xlsx.ts);
 * this file only hands the bytes to n8n. Its two parameters and their reading live in Calculate's settings
 * (actions/calculate.settings.ts).
 */
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { XLSX_MIME_TYPE } from '../../domain/primitives/xlsx';
import { statementFile, statementWords, type Language, type PartyStatement, type SettlementResult, type StatementFileContext } from '../../domain/settlement';

/** The words of the document on the item (and its file name when a file is attached). */
export function statementWordsJson(s: PartyStatement, language: Language): { documentTitle: string; amountLabel: string; isInvoice: boolean } {
	const w = statementWords(s.kind, language);
	return { documentTitle: w.title, amountLabel: w.amountLabel, isInvoice: w.isInvoice };
}

/** What the statement's rows and file need from the settlement: one context for the items' `sheetRows` and the file. */
export function statementContext(r: SettlementResult, settings: { language: Language; useRecordCost?: boolean }): StatementFileContext {
	return {
		period: r.period,
		financingForm: r.financingForm,
		allocationKey: r.allocationKey,
		financingParty: r.financingParty,
		useRecordCost: settings.useRecordCost,
		language: settings.language,
		totalBasis: r.totalBasis,
		basisNote: r.summary.basisNote,
	};
}

/** Attaches the statement's xlsx to its item (one item per statement). */
export async function attachStatementFile(
	ctx: IExecuteFunctions,
	item: INodeExecutionData,
	s: PartyStatement,
	r: SettlementResult,
	settings: { language: Language; useRecordCost?: boolean },
	field: string,
): Promise<void> {
	const file = statementFile(s, statementContext(r, settings));
	item.json.fileName = file.fileName;
	item.binary = { ...(item.binary ?? {}), [field]: await ctx.helpers.prepareBinaryData(Buffer.from(file.data.buffer, file.data.byteOffset, file.data.byteLength), file.fileName, XLSX_MIME_TYPE) };
}
