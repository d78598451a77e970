/**
 * Node × kind (issues 11 and 15, "a test over all nodes"): every node that reads items, through the
 * real engine, for each kind of data as it arrives:
 * - headers: keys with a BOM, NBSP, extra spaces, other case → the same output as clean headers;
 * - blank rows: a blank row anywhere → the same output, only the blank count differs;
 * - per-item parameters: an expression in a run-level parameter that differs per item → configuration error;
 * - calendar days: the same days under America/New_York, UTC, Pacific/Auckland as under Europe/Amsterdam,
 *   with timestamps around Amsterdam midnight;
 * - BRIN codes: messy spellings → the same output as clean codes.
 * The Evaluation Trigger (no input items) is covered in test/engine/evaluation/trigger.test.ts.
 * Property versions over random permutations are in properties.test.ts.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { assertNoPersonalData } from '../../helpers/privacy';
import { blankRow, comparable, messyHeaders, NODES, run } from './specs';

describe.each(NODES.map((n) => [n.name, n] as const))('%s', (_name, spec) => {
	it('headers: BOM, NBSP, spaces and case in column names give the same output as clean headers', async () => {
		const clean = await run(spec, spec.input);
		const messy = await run(spec, messyHeaders(spec.input));
		expect(comparable(messy.output('Node'))).toEqual(comparable(clean.output('Node')));
		expect((messy.taskData('Node')?.hints ?? []).some((h) => /was read from the column/.test(h.message))).toBe(true);
		assertNoPersonalData((messy.taskData('Node')?.hints ?? []).map((h) => h.message), 'execution hints');
	});

	it('blank rows: a blank row changes nothing but the blank count, and never stops the run', async () => {
		const clean = await run(spec, spec.input);
		const withBlank = await run(spec, [spec.input[0], blankRow(spec.input), ...spec.input.slice(1)]);
		expect(comparable(withBlank.output('Node'), spec.blankOutput)).toEqual(comparable(clean.output('Node'), spec.blankOutput));
		expect((withBlank.taskData('Node')?.hints ?? []).map((h) => h.message)).toEqual(expect.arrayContaining([expect.stringMatching(/^1 blank row\(s\).*item\(s\) 2\./)]));
	});

	it('per-item parameters: a run-level parameter whose expression differs for item 2 is a configuration error', async () => {
		const input = spec.input.map((row, i) => ({ ...row, x: spec.perItem.values[i === 0 ? 0 : 1] }));
		await expect(run(spec, input, { parameters: spec.perItem.parameters, onError: 'continueRegularOutput' })).rejects.toThrow(
			`"${spec.perItem.label}" has a different value for item 2 than for item 1`,
		);
		const same = input.map((row) => ({ ...row, x: spec.perItem.values[0] }));
		await expect(run(spec, same, { parameters: spec.perItem.parameters })).resolves.toBeDefined();
	});

	it('calendar days: the same output under America/New_York, UTC and Pacific/Auckland as in Amsterdam', async () => {
		const amsterdam = comparable((await run(spec, spec.input)).output('Node'));
		for (const timezone of ['America/New_York', 'UTC', 'Pacific/Auckland']) {
			expect(comparable((await run(spec, spec.input, { timezone })).output('Node'))).toEqual(amsterdam);
		}
	});

	if (spec.messyBrin) {
		const messyBrin = spec.messyBrin;
		it('BRIN codes: case, spaces and location numbers are read by the one rule', async () => {
			const clean = await run(spec, spec.input);
			const messy = await run(spec, messyBrin);
			// outputs that echo the input keep the school as written; compare what the node derived
			const derived = (outputs: INodeExecutionData[][]) => comparable(outputs.map((items) => items.map((i) => ({ json: { ...i.json, school: undefined } }))));
			expect(derived(messy.output('Node'))).toEqual(derived(clean.output('Node')));
		});
	}
});

/** Address lists (issue 15 §3): every node that reads an address field reads the same cell the same way. */
const MESSY_ADDRESSES = 'IB@school.example; zorg@school.example,\nib@school.example  zorg@SCHOOL.example';
const EXPECTED = { text: 'IB@school.example, zorg@school.example', array: ['IB@school.example', 'zorg@school.example'] };

const ADDRESS_READERS: Array<[string, () => Promise<{ text: unknown; array: unknown }>]> = [
	[
		'Deadline Monitor: Recipient E-Mail Field (grouped per zorgteam)',
		async () => {
			const spec = NODES[2];
			const r = await run(spec, [{ caseRef: 'C-1', zorgteamDate: '2026-01-05', zorgteam: 'ZT', zorgteamEmail: MESSY_ADDRESSES }], {
				parameters: { groupByRecipient: true, options: {} },
			});
			const group = r.output('Node').flat()[0].json;
			return { text: group.recipientEmail, array: group.recipientEmails };
		},
	],
	[
		'Toeleiding Triage: Access Contact E-Mail field',
		async () => {
			const spec = NODES[1];
			const r = await run(spec, [{ ...spec.input[0], accessContactEmail: MESSY_ADDRESSES }]);
			const contact = (r.output('Node').flat()[0].json.triage as IDataObject).accessContact as IDataObject;
			return { text: contact.email, array: contact.emails };
		},
	],
	[
		'Toeleiding Triage: Access Team Contacts → E-Mail',
		async () => {
			const spec = NODES[1];
			const r = await run(spec, [spec.input[0]], {
				parameters: { accessContacts: { contact: [{ school: '12AB', municipality: '', name: 'Toegang', email: MESSY_ADDRESSES }] } },
			});
			const contact = (r.output('Node').flat()[0].json.triage as IDataObject).accessContact as IDataObject;
			return { text: contact.email, array: contact.emails };
		},
	],
];

describe.each(ADDRESS_READERS)('address list: %s', (_name, read) => {
	it('reads ";", ",", spaces and line breaks, removes duplicates case-insensitively, gives a comma-separated list and an array', async () => {
		expect(await read()).toEqual(EXPECTED);
	});
});
