/**
 * Which rows the user sees (issue 22 §5): where a node's items come from, read once per run from the
 * workflow, for the pure row names of `domain/primitives/rows.ts`.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { rowOf, type RowRef, type RowSource } from '../../domain/primitives/rows';

/** n8n's nodes that turn a CSV or spreadsheet file into one item per row (the header row becomes the keys). */
const FILE_NODES = new Set(['n8n-nodes-base.extractFromFile', 'n8n-nodes-base.spreadsheetFile']);

/**
 * Where the node's items come from: `file` when the node straight before it is Extract From File (or the
 * older Spreadsheet File node) with its header row on (the default), `fileWithoutHeader` when that option
 * is off, `items` otherwise (a Google Sheets row carries its own `row_number`, see `rowOf`).
 */
export function rowSource(ctx: IExecuteFunctions): RowSource {
	try {
		const previous = ctx.getInputSourceData(0)?.previousNode;
		if (!previous) return 'items';
		const parent = ctx.getParentNodes(ctx.getNode().name, { depth: 1, includeNodeParameters: true }).find((p) => p.name === previous);
		if (!parent || !FILE_NODES.has(parent.type)) return 'items';
		return (parent.parameters?.options as IDataObject | undefined)?.headerRow === false ? 'fileWithoutHeader' : 'file';
	} catch {
		return 'items'; // a context without workflow information (e.g. a partial test context)
	}
}

/** Names the rows of one run: `rowSource` read once, then `rowOf` per item. */
export type RowNamer = (json: IDataObject, itemIndex: number) => RowRef;

/**
 * @param caseReference reads an item's pseudonymous case reference, when the node has one (Deadline Monitor)
 */
export function rowNamer(ctx: IExecuteFunctions, caseReference?: (json: IDataObject) => string | undefined): RowNamer {
	let source: RowSource | undefined;
	return (json, itemIndex) => {
		source ??= rowSource(ctx);
		let ref: string | undefined;
		try {
			ref = caseReference?.(json);
		} catch {
			ref = undefined; // an unreadable reference is the error being reported, not part of the row's name
		}
		return rowOf(json, itemIndex, source, ref);
	};
}
