/**
 * Issue 21 §2 in the real engine: Toeleiding Triage applies the region policy of the day it triages (Options →
 * Policy Date), by the same dated definition as Cross-Region Settlement (domain/policies/timeline.ts).
 * Requires `n8n-node build`.
 */
import type { IDataObject } from 'n8n-workflow';

import { loadWorkflow, runWorkflow } from '../../helpers/engine';
import { assertNoPersonalData } from '../../helpers/privacy';
import { triageRequest as req } from '../../helpers/triageRequest';

const fixture = (name: string) => loadWorkflow(`test/engine/triage/fixtures/triage.${name}.workflow.json`);
const OUT = { collective: 1 } as const;
const NODE = 'Toeleiding Triage';

/** Amsterdam SJSO, school 12AB designated: individual help (red, zorgteam decided) for pupils from three municipalities. */
const INPUT = [req('uithoorn', { residenceMunicipality: 'Uithoorn' }), req('diemen', { residenceMunicipality: 'Diemen' }), req('amstelveen', { residenceMunicipality: 'Amstelveen' })];

async function onDate(policyDate: string) {
	const wf = fixture('amsterdam-policy-date');
	wf.nodes[1].parameters.options = { policyDate };
	const result = await runWorkflow(wf, { input: INPUT });
	expect(result.error).toBeUndefined();
	const items = result.json(NODE, OUT.collective);
	const treatment = Object.fromEntries(items.map((i) => [i.requestId, [((i.triage as IDataObject).policy as IDataObject).treatment, (i.triage as IDataObject).crossRegionSettlement]]));
	return { result, items, treatment };
}

describe('Toeleiding Triage: the region policy of the Policy Date (S4 §4.2.4)', () => {
	it('1 February 2022: Uithoorn and Diemen take part (residents); Amstelveen is settled', async () => {
		const { result, items, treatment } = await onDate('2022-02-01');
		expect(treatment).toEqual({ uithoorn: ['resident', false], diemen: ['resident', false], amstelveen: ['settle', true] });
		const policy = (items[0].triage as IDataObject).policy as IDataObject;
		expect(policy.date).toBe('2022-02-01');
		// After 31 July 2021 the seed does not document how pupils from elsewhere are treated: said on the item and as a hint.
		expect(policy.notices).toEqual([expect.stringMatching(/^S4 §4\.2\.4 documents the treatment of pupils living elsewhere .* only up to 31 July 2021; 2022-02-01 lies outside it/)]);
		expect((result.taskData(NODE)?.hints ?? []).map((h) => h.message)).toContain(((policy.notices as string[])[0]));
		assertNoPersonalData(items.map((i) => i.triage), 'triage');
	});

	it('1 June 2021 (Amsterdam and Diemen, general provision): the Uithoorn pupil is from elsewhere and settled', async () => {
		const { items, treatment } = await onDate('2021-06-01');
		expect(treatment).toEqual({ uithoorn: ['settle', true], diemen: ['resident', false], amstelveen: ['settle', true] });
		expect(((items[0].triage as IDataObject).policy as IDataObject).notices).toEqual([]);
	});

	it('1 October 2021 (the new agreement is for Amsterdam alone): Diemen is from elsewhere too', async () => {
		const { treatment } = await onDate('01-10-2021');
		expect(treatment).toEqual({ uithoorn: ['settle', true], diemen: ['settle', true], amstelveen: ['settle', true] });
	});

	it('a Policy Date that is not a date stops the run naming the option', async () => {
		const wf = fixture('amsterdam-policy-date');
		wf.nodes[1].parameters.options = { policyDate: '31-02-2022' };
		const result = await runWorkflow(wf, { input: INPUT });
		expect(result.error?.message).toMatch(/policyDate/);
	});

	it('Rotterdam without a choice for the merged member stops and names the parameter (Brielle → Voorne aan Zee)', async () => {
		const wf = loadWorkflow('test/engine/triage/fixtures/triage.same-request-several-presets.workflow.json');
		const rotterdam = wf.nodes.find((n) => n.name === 'Rotterdam')!;
		delete rotterdam.parameters.mergedMembers;
		rotterdam.parameters.options = { policyDate: '2026-09-01' };
		const result = await runWorkflow(wf, { input: [req('r', { residenceMunicipality: 'Rotterdam' })] });
		expect(result.error?.message).toMatch(/names Brielle \(0501\), which since 1 January 2023 is part of Voorne aan Zee \(1992\); Voorne aan Zee also covers Hellevoetsluis \(0530\) and Westvoorne \(0614\)/);
		expect(result.error?.description).toMatch(/"Members Changed by a Merger" \(mergedMembers\)/);
	});
});
