/**
 * The one error boundary of the node adapters: every error a node throws or puts on an error item
 * passes through here. Two entry points:
 * - `configurationError(node, error)` (or `readConfiguration(node, read)` around a block that reads
 *   parameters): a parameter or the node's setup is wrong; the run stops and no item is named (it is not
 *   about one item). Domain errors keep their hint as the description.
 * - `itemError(node, error, itemIndex)`: one input item is wrong; the error names the item, and with
 *   "On Error: Continue" it becomes an error item (see `errorItem` in execution.ts, `errorDetails` here).
 * Plus `unsupportedOperation`, what every router's default throws.
 */
import { IDataObject, INode, NodeOperationError } from 'n8n-workflow';

import { DomainError } from '../../domain/primitives/errors';
import { errorText, type MessageLanguage } from '../../domain/primitives/errorText';
import { describeRow, type RowRef } from '../../domain/primitives/rows';

/**
 * A configuration error: no item index. Node errors pass through unchanged; domain errors keep their
 * message and hint (description); anything else is wrapped.
 */
export function configurationError(node: INode, error: unknown): NodeOperationError {
	if (error instanceof NodeOperationError) return error;
	if (error instanceof DomainError) return new NodeOperationError(node, error.message, { description: error.hint });
	return new NodeOperationError(node, error instanceof Error ? error : new Error(String(error)));
}

/**
 * Run `read` (reading or checking parameters) and turn whatever it throws into a configuration error.
 * @throws NodeOperationError without item index (see `configurationError`)
 */
export function readConfiguration<T>(node: INode, read: () => T): T {
	try {
		return read();
	} catch (error) {
		throw configurationError(node, error);
	}
}

/**
 * Turn any error into a NodeOperationError for item `itemIndex`; domain errors keep their field and hint.
 * @param row the row as the user sees it (domain/primitives/rows.ts): named at the end of the message,
 *   `… (sheet row 4)` — n8n itself only adds the 0-based item index ("[item 3]")
 */
export function itemError(node: INode, error: unknown, itemIndex: number, row?: RowRef): NodeOperationError {
	if (error instanceof NodeOperationError) {
		if (error.context.itemIndex === undefined) error.context.itemIndex = itemIndex;
		return error;
	}
	const where = row ? ` (${describeRow(row, 'en')})` : '';
	if (error instanceof DomainError) {
		return new NodeOperationError(node, error.message + where, {
			itemIndex,
			description: error.hint,
		});
	}
	const message = error instanceof Error ? error.message : String(error);
	return new NodeOperationError(node, message + where, { itemIndex });
}

/**
 * The details an error item carries under "Continue" (never the input value itself): `code`, `field`,
 * `hint` (English, n8n-facing), and `text` and `fix`: the error in words for people outside n8n
 * (domain/primitives/errorText.ts), in the node's message language (Dutch by default), made from the
 * code and field only, and `where`: the row as the user sees it, in the same language (`rij 4 van het
 * werkblad`; domain/primitives/rows.ts), also named at the end of `text`. The same shape on every node.
 */
export function errorDetails(error: unknown, messageLanguage: MessageLanguage = 'nl', row?: RowRef): IDataObject {
	let details: IDataObject;
	if (error instanceof DomainError) {
		details = { code: error.code, field: error.field ?? null, hint: error.hint ?? null };
	} else {
		const description = error instanceof NodeOperationError ? error.description : undefined;
		details = { code: 'error', field: null, hint: description ?? null };
	}
	if (row) details.where = describeRow(row, messageLanguage);
	const words = errorText(details, messageLanguage);
	details.text = words.text;
	details.fix = words.fix;
	return details;
}

/** What a router throws for an operation it does not know: never a silent fallback to another operation. */
export function unsupportedOperation(node: INode, operation: string): NodeOperationError {
	return new NodeOperationError(node, `The operation "${operation.slice(0, 60)}" is not supported`, {
		description: 'Choose one of the operations this node offers, or update the package if the workflow was made with a newer version.',
	});
}
