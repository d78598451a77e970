/**
 * Property tests through the real engine (issue 11 "Done when"):
 * - any permutation of BOM / zero-width / NBSP / spaces / case in the headers gives the same output as clean headers;
 * - adding blank rows anywhere changes nothing but the blank count.
 * Over every node that reads items (the node specs of the table test).
 */
import fc from 'fast-check';
import type { IDataObject } from 'n8n-workflow';

import { blankRow, comparable, NODES, run } from './specs';

const decoration = fc.record({
	before: fc.constantFrom('', '\uFEFF', '\u200B', ' ', '\u00A0', '\uFEFF '),
	after: fc.constantFrom('', ' ', '\u00A0', '  ', '\u2060'),
	inner: fc.constantFrom(' ', '\u00A0', '  '),
	caseChange: fc.constantFrom('same', 'upper', 'lower', 'first'),
});
type Decoration = { before: string; after: string; inner: string; caseChange: string };

function decorate(key: string, d: Decoration): string {
	const cased = d.caseChange === 'upper' ? key.toUpperCase() : d.caseChange === 'lower' ? key.toLowerCase() : d.caseChange === 'first' ? key[0].toUpperCase() + key.slice(1) : key;
	return d.before + cased.replace(/ /g, d.inner) + d.after;
}

const RUNS = 8;

describe.each(NODES.map((n) => [n.name, n] as const))('%s', (_name, spec) => {
	const keys = [...new Set(spec.input.flatMap((row) => Object.keys(row)))];

	it('property: any mix of BOM, zero-width characters, spaces and case in the headers gives the clean output', async () => {
		const clean = comparable((await run(spec, spec.input)).output('Node'));
		await fc.assert(
			fc.asyncProperty(fc.array(decoration, { minLength: keys.length, maxLength: keys.length }), async (decorations) => {
				const rename = new Map(keys.map((k, i) => [k, decorate(k, decorations[i])]));
				const input = spec.input.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [rename.get(k)!, v])));
				expect(comparable((await run(spec, input)).output('Node'))).toEqual(clean);
			}),
			{ numRuns: RUNS },
		);
	});

	it('property: blank rows anywhere change nothing but the blank count', async () => {
		const clean = comparable((await run(spec, spec.input)).output('Node'), spec.blankOutput);
		await fc.assert(
			fc.asyncProperty(fc.array(fc.nat({ max: spec.input.length }), { minLength: 1, maxLength: 4 }), async (positions) => {
				const input: IDataObject[] = [...spec.input];
				for (const p of positions) input.splice(Math.min(p, input.length), 0, blankRow(spec.input));
				const r = await run(spec, input);
				expect(comparable(r.output('Node'), spec.blankOutput)).toEqual(clean);
				const hint = (r.taskData('Node')?.hints ?? []).map((h) => h.message).find((m) => /blank row/.test(m));
				expect(hint).toMatch(new RegExp(`^${positions.length} blank row`));
			}),
			{ numRuns: RUNS },
		);
	});
});
