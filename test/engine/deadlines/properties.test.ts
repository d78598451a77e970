/**
 * Engine-level invariant: every input item leaves through exactly one output (or is listed in exactly one group
 * item) — except blank rows (every value empty), which are counted in an execution hint (docs/data-as-it-arrives.md).
 */
import fc from 'fast-check';
import { IDataObject } from 'n8n-workflow';

import { runWorkflow } from '../../helpers/engine';
import { fixture, NODE, paired } from './helpers';

const iso = (n: number) => new Date(Date.UTC(2026, 0, 1) + n * 86400000).toISOString().slice(0, 10);
const dateOrJunk = fc.oneof(
	{ weight: 8, arbitrary: fc.integer({ min: 0, max: 400 }).map(iso) },
	{ weight: 1, arbitrary: fc.constantFrom('', 'morgen', '31-02-2026', null) },
);
const caseArb = fc.record(
	{
		caseRef: fc.oneof({ weight: 9, arbitrary: fc.integer({ min: 1, max: 9999 }).map((n) => `C-${n}`) }, { weight: 1, arbitrary: fc.constant('') }),
		zorgteam: fc.constantFrom('ZT A', 'ZT B', 'ZT C'),
		zorgteamDate: dateOrJunk,
		startDate: fc.option(dateOrJunk, { nil: undefined }),
	},
	{ requiredKeys: ['zorgteamDate'] },
);

describe('every input item leaves through exactly one output', () => {
	it.each([
		['per case', 'check-cases.error-output', {}],
		['grouped per zorgteam', 'check-cases.error-output', { groupByRecipient: true }],
		['alert once', 'check-cases.error-output', { alertOnce: true }],
	])('%s', async (_label, name, extra) => {
		await fc.assert(
			fc.asyncProperty(fc.array(caseArb, { minLength: 1, maxLength: 30 }), async (cases) => {
				const wf = fixture(name);
				Object.assign(wf.nodes[1].parameters, extra);
				const r = await runWorkflow(wf, { input: cases as IDataObject[], staticData: {}, mode: 'trigger' });
				if (r.error) throw r.error;
				const indexes = paired(r.output(NODE).flat()).sort((a, b) => a - b);
				const isBlank = (c: object) => Object.values(c).every((v) => v === undefined || v === null || (typeof v === 'string' && v.trim() === ''));
				const blank = cases.flatMap((c, i) => (isBlank(c) ? [i + 1] : []));
				expect(indexes).toEqual(cases.flatMap((c, i) => (isBlank(c) ? [] : [i])));
				const hint = (r.taskData(NODE)?.hints ?? []).map((h) => h.message).find((m) => /blank row/.test(m));
				if (blank.length === 0) expect(hint).toBeUndefined();
				else expect(hint).toContain(`${blank.length} blank row(s) (every value empty) were skipped: item(s) ${blank.slice(0, 10).join(', ')}`);
			}),
			{ numRuns: 40 },
		);
	});
});
