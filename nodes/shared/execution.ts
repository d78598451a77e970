/**
 * The one per-item wrapper every node of this package uses. It owns:
 * - pairedItem on every output item,
 * - mapping domain errors to NodeOperationError with the item index, the field and how to fix it,
 * - n8n's "On Error" setting: stop (throw), continue (regular output) or error output.
 *
 * No item is ever dropped: each input item leaves through exactly one output or stops the run.
 * With "Continue" an erroneous item keeps all its input fields plus `error` and `details`.
 */
import {
	IDataObject,
	IExecuteFunctions,
	INode,
	INodeExecutionData,
	IPairedItemData,
	NodeOperationError,
} from 'n8n-workflow';

import type { MessageLanguage } from '../../domain/primitives/errorText';
import type { RowRef } from '../../domain/primitives/rows';
import { errorDetails, itemError } from './errors';
import { isConfigurationError, type InputReader } from './input';
import type { IdentifyingData } from './privacy';
import { rowNamer, type RowNamer } from './rows';

/** An item a handler emits, and the output it leaves through (default 0). */
export interface RoutedItem {
	json: IDataObject;
	output?: number;
	/** Defaults to the input item being processed. */
	pairedItem?: IPairedItemData | IPairedItemData[];
}

/** Optional settings of mapItems/errorItem. */
export interface ErrorItemOptions {
	/** Language of `details.text` and `details.fix` on error items (see errorDetails in errors.ts); default Dutch. */
	messageLanguage?: MessageLanguage;
	/**
	 * The pseudonymous case reference of an item, when the node has one (Deadline Monitor): errors name it
	 * with the row. Never a name or BSN.
	 */
	caseReference?: (json: IDataObject) => string | undefined;
	/** The row as the user sees it (errorItem only; mapItems, parseItems and failItems name it themselves). */
	row?: RowRef;
}

/**
 * The item that represents a failed input item when the node continues on fail. Either way the user
 * gets all input fields back plus `error` (the message) and `details` ({ code, field, hint }):
 * - "Continue (using error output)": the item carries only `error` and `details`; n8n's engine
 *   recognises it, moves it to the error output and merges the paired input item's fields back in.
 * - "Continue": the item carries the input fields itself and stays on the node's first output.
 * (An `item.error` object is not set: n8n would replace the whole json with the message.)
 * With `privacy` (nodes/shared/privacy.ts) the identifying input columns are left out either way
 * (for the error output that takes `item.error`: see IdentifyingData.errorOutputItem).
 */
export function errorItem(node: INode, item: INodeExecutionData, itemIndex: number, error: unknown, privacy?: IdentifyingData, options: ErrorItemOptions = {}): INodeExecutionData {
	const nodeError = itemError(node, error, itemIndex, options.row);
	const fields = { error: nodeError.message, details: errorDetails(error, options.messageLanguage, options.row) };
	if (node.onError === 'continueErrorOutput') {
		const out = { json: fields, pairedItem: { item: itemIndex } };
		// the message names the row and the pupil's pseudonym together: "(item 3, pupil P-…)"
		return privacy ? privacy.errorOutputItem(node, out, item.json, itemIndex, itemError(node, error, itemIndex), options.row) : out;
	}
	return { json: { ...(privacy ? privacy.strip(item.json, itemIndex) : item.json), ...fields }, pairedItem: { item: itemIndex } };
}

/**
 * The one "On Error" branch for a failed item: stop the run (the node does not continue on fail, or the
 * error is about configuration, not the item) or return the error item that replaces it.
 * @throws NodeOperationError naming the item (`itemError`), with `context.details` (errorDetails)
 */
function failItem(node: INode, continueOnFail: boolean, item: INodeExecutionData, itemIndex: number, error: unknown, privacy: IdentifyingData | undefined, options: ErrorItemOptions, rows: RowNamer): INodeExecutionData {
	if (isConfigurationError(error)) throw itemError(node, error, itemIndex);
	const row = rows(item.json, itemIndex);
	if (!continueOnFail) {
		// the run stops: the error carries the same `details` an error item would (the error in words in the
		// message language, and the row), for the Error Workflow's mail to the beheerder (execution.error.context)
		const stopped = itemError(node, error, itemIndex, row);
		stopped.context.details = errorDetails(error, options.messageLanguage, row);
		throw stopped;
	}
	return errorItem(node, item, itemIndex, error, privacy, { ...options, row });
}

/**
 * Item errors found after every item was parsed (e.g. records that contradict each other), through the
 * same "On Error" branch as `mapItems`/`parseItems`: without "Continue" the first (lowest item index) stops
 * the run; with it, each becomes an error item.
 * @returns the error items, in item order
 * @throws NodeOperationError for the first failed item when the node does not continue on fail
 */
export function failItems(ctx: IExecuteFunctions, failures: Array<{ itemIndex: number; error: unknown }>, privacy?: IdentifyingData, options: ErrorItemOptions = {}): INodeExecutionData[] {
	const items = ctx.getInputData();
	const node = ctx.getNode();
	const continueOnFail = ctx.continueOnFail();
	const rows = rowNamer(ctx, options.caseReference);
	return [...failures]
		.sort((a, b) => a.itemIndex - b.itemIndex)
		.map(({ itemIndex, error }) => failItem(node, continueOnFail, items[itemIndex], itemIndex, error, privacy, options, rows));
}

/**
 * Run `handle` for every input item and route what it returns. With `input` (the shared input layer),
 * blank rows are skipped and counted — or routed by `blankRow` — and a missing column's error names the
 * closest existing column.
 *
 * @param outputCount number of main outputs of the node
 * @param handle returns the item(s) to emit for one input item; throw a DomainError for bad input
 * @param privacy removes identifying columns from error items (and routed items, per its mode)
 * @param options `messageLanguage`: the language of the error in words on error items (`details.text`, `details.fix`; default Dutch)
 * @returns one array per output
 */
export function mapItems(
	ctx: IExecuteFunctions,
	outputCount: number,
	handle: (item: INodeExecutionData, itemIndex: number) => RoutedItem | RoutedItem[],
	privacy?: IdentifyingData,
	input?: InputReader,
	blankRow?: (item: INodeExecutionData, itemIndex: number) => RoutedItem,
	options: ErrorItemOptions = {},
): INodeExecutionData[][] {
	const items = ctx.getInputData();
	const outputs: INodeExecutionData[][] = Array.from({ length: outputCount }, () => []);
	const node = ctx.getNode();
	const continueOnFail = ctx.continueOnFail();
	const strip = privacy?.outputs ? privacy : undefined;
	const rows = rowNamer(ctx, options.caseReference);
	const emit = (r: RoutedItem, i: number) => {
		const output = r.output ?? 0;
		if (output < 0 || output >= outputCount) throw new NodeOperationError(node, `Internal error: output ${output} does not exist`, { itemIndex: i });
		outputs[output].push({ json: strip ? strip.strip(r.json, i) : r.json, pairedItem: r.pairedItem ?? { item: i } });
	};
	for (let i = 0; i < items.length; i++) {
		if (input?.skipBlank(items[i].json, i)) {
			// Blank rows are counted by the input layer; a node may still route them (Record Cleaner: Empty Rows).
			const r = blankRow?.(items[i], i);
			if (r) outputs[r.output ?? 0].push({ json: privacy?.outputs ? privacy.strip(r.json, i) : r.json, pairedItem: r.pairedItem ?? { item: i } });
			continue;
		}
		let routed: RoutedItem | RoutedItem[];
		try {
			routed = handle(items[i], i);
		} catch (caught) {
			outputs[0].push(failItem(node, continueOnFail, items[i], i, input ? input.explain(caught, items[i].json) : caught, privacy, options, rows));
			continue;
		}
		if (!Array.isArray(routed)) emit(routed, i);
		else for (const r of routed) emit(r, i);
	}
	return outputs;
}

/** Result of validating every item before a whole-batch computation (KPIs, settlement). */
export interface Parsed<T> {
	/** Successfully parsed items with their input index. */
	ok: Array<{ value: T; itemIndex: number }>;
	/** Error items to emit (only when the node continues on fail). */
	failed: INodeExecutionData[];
	/**
	 * The error of each failed item, by input index: what a node reports about refused items. Read it here,
	 * not from `failed`: under "Continue (using error output)" with identifying data removed an error item's
	 * json holds only the message (see IdentifyingData.errorOutputItem).
	 */
	refused: Array<{ itemIndex: number; error: unknown }>;
}

/**
 * Parse every input item; errors stop the run or become error items, honouring "On Error".
 * Use for operations that compute over all items at once. With `input`, blank rows are skipped and
 * counted there, and a missing column's error names the closest existing one.
 * @param options `messageLanguage`: the language of the error in words on error items (`details.text`, `details.fix`; default Dutch)
 */
export function parseItems<T>(
	ctx: IExecuteFunctions,
	parse: (item: INodeExecutionData, itemIndex: number) => T,
	privacy?: IdentifyingData,
	input?: InputReader,
	options: ErrorItemOptions = {},
): Parsed<T> {
	const items = ctx.getInputData();
	const node = ctx.getNode();
	const continueOnFail = ctx.continueOnFail();
	const result: Parsed<T> = { ok: [], failed: [], refused: [] };
	const rows = rowNamer(ctx, options.caseReference);
	for (let i = 0; i < items.length; i++) {
		if (input?.skipBlank(items[i].json, i)) continue;
		try {
			result.ok.push({ value: parse(items[i], i), itemIndex: i });
		} catch (caught) {
			const error = input ? input.explain(caught, items[i].json) : caught;
			result.failed.push(failItem(node, continueOnFail, items[i], i, error, privacy, options, rows));
			result.refused.push({ itemIndex: i, error });
		}
	}
	return result;
}

/** Read a field by its name, or by a dot path when no field has the literal name. */
export function readField(json: IDataObject, field: string): unknown {
	if (field in json) return json[field];
	if (!field.includes('.')) return undefined;
	let current: unknown = json;
	for (const part of field.split('.')) {
		if (current === null || typeof current !== 'object') return undefined;
		current = (current as IDataObject)[part];
	}
	return current;
}
