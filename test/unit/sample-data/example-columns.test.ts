/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test code, not shipped in dist */
/**
 * One column-name convention in the examples (issue 24 §3): the cases sheet the generator writes has Dutch
 * headers, and every example node that reads it maps them in its Input Columns (node version 1.2 on), so
 * each column it names is a header of the sheet. The headers are written out by hand here
 * (sample-data/README.md), not read from the generator.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { CASE_COLUMNS, CASE_HEADERS } from '../../helpers/sampleData';

const ROOT = path.join(__dirname, '../../..');
const SHEET = ['dossiernummer', 'school', 'brin', 'zorgteam', 'zorgteam e-mail', 'datum zorgteam', 'startdatum', 'datum aanbod', 'thuis sinds', 'start passend aanbod', 'woongemeente'];

type Node = { name: string; type: string; typeVersion: number; parameters: Record<string, unknown> };
const monitors = (file: string): Node[] =>
	(JSON.parse(fs.readFileSync(path.join(ROOT, 'workflows', file), 'utf8')) as { nodes: Node[] }).nodes.filter(
		(n) => n.type === 'n8n-nodes-jeugdhulp-onderwijs.deadlineMonitor' && n.parameters.operation !== 'confirmDelivery',
	);

it('the generator writes the cases sheet under these headers, column for column', () => {
	expect(CASE_COLUMNS.map((k) => CASE_HEADERS[k])).toEqual(SHEET);
});

describe.each(['deadline-alerts.json', 'evaluation-semiannual.json'])('workflows/%s', (file) => {
	it('maps every column its Deadline Monitor reads to a header of the sheet', () => {
		const nodes = monitors(file);
		expect(nodes.length).toBeGreaterThan(0);
		for (const node of nodes) {
			const map = node.parameters.columnMap as Record<string, string> | undefined;
			expect({ node: node.name, columns: Object.keys(map ?? {}).sort() }).toEqual({
				node: node.name,
				columns: ['brin', 'caseRef', 'homeSince', 'offerDate', 'recipientEmail', 'school', 'startDate', 'startedOfferDate', 'zorgteam', 'zorgteamDate'],
			});
			for (const [column, header] of Object.entries(map!)) expect({ node: node.name, column, header, inSheet: SHEET.includes(header) }).toEqual({ node: node.name, column, header, inSheet: true });
			expect([map!.caseRef, map!.zorgteamDate, map!.startDate, map!.recipientEmail]).toEqual(['dossiernummer', 'datum zorgteam', 'startdatum', 'zorgteam e-mail']);
		}
	});
});
