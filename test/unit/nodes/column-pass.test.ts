/**
 * ColumnPass (nodes/shared/input.ts, issue 27): the columns it picks up in its one pass over an item's keys are
 * exactly what `InputReader.read` gives for them, and the copy it makes is the item without the skipped key,
 * in the item's key order. Items change shape from one to the next (key order, missing columns, headers that
 * differ by spaces or case, two headers that normalise to one name, dot paths, inherited names), so every
 * plan the pass makes is also left again.
 */
import fc from 'fast-check';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { ColumnPass, InputReader } from '../../../nodes/shared/input';

const ctx = {
	getInputData: () => [],
	getNode: () => ({ parameters: {} }),
	getTimezone: () => 'Europe/Amsterdam',
	addExecutionHints: () => undefined,
} as unknown as IExecuteFunctions;

const UNREAD = Symbol('unread');
const COLUMNS = ['school', 'needs', 'bsn', 'riskLevel', 'needs', 'address.city', 'toString', 'consent'];
// headers as they may arrive: exact, decorated (normalised match), a second one normalising to the same name, nested
const HEADERS = ['school', ' School', 'SCHOOL ', 'needs', 'bsn', 'riskLevel', 'risk level', 'address', 'address.city', 'consent', 'other'];
const VALUES = ['ja', '', ' ', 0, -0, null, undefined, true, 'gedrag', { city: 'Ede' }, ['a']];

const item = fc
	.uniqueArray(fc.constantFrom(...HEADERS), { maxLength: HEADERS.length })
	.chain((keys) => fc.tuple(fc.constant(keys), fc.array(fc.constantFrom(...VALUES), { minLength: keys.length, maxLength: keys.length })))
	.map(([keys, values]) => Object.fromEntries(keys.map((k, i) => [k, values[i]])) as IDataObject);

/** What `read` gives, or that it throws. */
function readOrThrow(input: InputReader, json: IDataObject, column: string): unknown {
	try {
		return { value: input.read(json, column) };
	} catch (error) {
		return { threw: (error as Error).message };
	}
}

describe('ColumnPass', () => {
	it('property: every column it picks up is what InputReader.read gives; the copy is the item without the skipped key, in order', () => {
		fc.assert(
			fc.property(fc.array(item, { minLength: 1, maxLength: 12 }), fc.constantFrom('bsn', 'school', 'none'), (items, skip) => {
				const pass = new ColumnPass(new InputReader(ctx, { optionsName: null }), COLUMNS, UNREAD);
				const reference = new InputReader(ctx, { optionsName: null });
				const values: unknown[] = new Array(COLUMNS.length).fill('stale');
				for (const json of items) {
					const copy: IDataObject = {};
					pass.read(json, values, copy, skip);
					COLUMNS.forEach((column, i) => {
						const expected = readOrThrow(reference, json, column);
						if (values[i] === UNREAD) return; // read through InputReader.read by the caller
						expect({ value: values[i] }).toEqual(expected);
						expect(Object.is(values[i], (expected as { value: unknown }).value)).toBe(true);
					});
					const expectedCopy = Object.entries(json).filter(([k]) => k !== skip);
					expect(Object.entries(copy)).toEqual(expectedCopy);
				}
			}),
			{ numRuns: 400 },
		);
	});

	it('picks up plain columns itself (not left to the caller) and leaves a dot path, an inherited name, a column named twice and an ambiguous header to read', () => {
		const pass = new ColumnPass(new InputReader(ctx, { optionsName: null }), COLUMNS, UNREAD);
		const values: unknown[] = [];
		pass.read({ ' School': '12AB', needs: 'gedrag', riskLevel: 'rood', address: { city: 'Ede' } }, values);
		expect(values).toEqual(['12AB', 'gedrag', undefined, 'rood', UNREAD, UNREAD, UNREAD, undefined]);
		pass.read({ school: '34CD', 'SCHOOL ': 'x', needs: 'leren' }, values);
		expect(values.slice(0, 2)).toEqual(['34CD', 'leren']);
		pass.read({ ' School': '12AB', 'SCHOOL ': 'x' }, values);
		expect(values[0]).toBe(UNREAD);
	});
});
