/**
 * Node version 1.3 (issue 24 §2): the statement file finance staff open, attached to each statement item as
 * binary data, and the words that say what the document is (an own share is information, not a bill).
 * The sheet and its bytes are made in the domain (domain/settlement/statementFile.ts, domain/primitives/xlsx.ts);
 * this file only reads the two parameters and hands the bytes to n8n.
 */
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { XLSX_MIME_TYPE } from '../../domain/primitives/xlsx';
import { statementFile, statementWords, type Language, type PartyStatement, type SettlementResult, type StatementFileContext } from '../../domain/settlement';
import { VERSIONS } from './versions';

const show = { operation: ['calculate'], ...VERSIONS.shownFrom('statementFile') };

/** The parameters of the statement file (node version 1.3 on, Calculate). */
export const statementFileProperties: INodeProperties[] = [
	{
		displayName: 'Attach Statement File',
		name: 'attachStatementFile',
		type: 'boolean',
		default: true,
		displayOptions: { show },
		description:
			'Whether each statement carries the statement as a spreadsheet (xlsx) finance staff can open and check: a title block, euro amounts, a bold header that stays in view, a total row with a SUM formula, landscape and one page wide when printed. Only with Output Format "One Item per Municipality".',
	},
	{
		displayName: 'Put Statement File in Field',
		name: 'statementFileField',
		type: 'string',
		default: 'data',
		required: true,
		displayOptions: { show: { ...show, attachStatementFile: [true] } },
		description: 'The name of the binary field that holds the statement file (the Send Email node attaches it by this name)',
	},
];

export interface StatementFileSettings {
	/** Words and file from node version 1.3 on. */
	words: boolean;
	/** The binary field for the file, or undefined for none. */
	field?: string;
}

/** Reads the parameters once per run. */
export function readStatementFileSettings(ctx: IExecuteFunctions, outputFormat: string): StatementFileSettings {
	if (!VERSIONS.has(ctx.getNode(), 'statementFile')) return { words: false };
	const attach = outputFormat === 'statements' && (ctx.getNodeParameter('attachStatementFile', 0, true) as boolean);
	const field = attach ? String(ctx.getNodeParameter('statementFileField', 0, 'data')).trim() || 'data' : undefined;
	return { words: true, field };
}

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
