/**
 * Which rows the user sees (nodes/shared/rows.ts, issue 22 §5): the node straight before this one decides
 * whether an item's position is a line of a file (Extract From File, header on line 1) or just an item.
 */
import type { IExecuteFunctions, NodeTypeAndVersion } from 'n8n-workflow';

import { describeRow } from '../../../domain/primitives/rows';
import { rowNamer, rowSource } from '../../../nodes/shared/rows';

/** A context whose only parent is `parent` (or none), as n8n's getInputSourceData/getParentNodes give it. */
function ctxAfter(parent?: Partial<NodeTypeAndVersion>): IExecuteFunctions {
	return {
		getNode: () => ({ name: 'Node' }),
		getInputSourceData: () => (parent ? { previousNode: parent.name } : undefined),
		getParentNodes: () => (parent ? [{ typeVersion: 1, disabled: false, ...parent }] : []),
	} as unknown as IExecuteFunctions;
}

describe('rowSource', () => {
	it('Extract From File (or Spreadsheet File) straight before: a line of the file, the header on line 1', () => {
		expect(rowSource(ctxAfter({ name: 'Extract', type: 'n8n-nodes-base.extractFromFile', parameters: {} }))).toBe('file');
		expect(rowSource(ctxAfter({ name: 'Sheet', type: 'n8n-nodes-base.spreadsheetFile' }))).toBe('file');
		expect(rowSource(ctxAfter({ name: 'Extract', type: 'n8n-nodes-base.extractFromFile', parameters: { options: { headerRow: false } } }))).toBe('fileWithoutHeader');
	});

	it('any other node, or none: items counted from 1', () => {
		expect(rowSource(ctxAfter({ name: 'Filter', type: 'n8n-nodes-base.filter' }))).toBe('items');
		expect(rowSource(ctxAfter())).toBe('items');
		expect(rowSource({ getNode: () => ({ name: 'Node' }) } as unknown as IExecuteFunctions)).toBe('items');
	});

	it('names item 4 (index 3) read by Extract From File as row 5 of the file; a Google Sheets row_number always wins', () => {
		const rows = rowNamer(ctxAfter({ name: 'Extract', type: 'n8n-nodes-base.extractFromFile' }), (json) => json.caseRef as string | undefined);
		expect(describeRow(rows({}, 3))).toBe('row 5 of the file, the header being row 1');
		expect(describeRow(rows({ caseRef: 'C-2026-0001' }, 3), 'nl')).toBe('rij 5 van het bestand, de kopregel meegeteld, casus C-2026-0001');
		expect(describeRow(rows({ row_number: 7 }, 3))).toBe('sheet row 7');
	});
});
