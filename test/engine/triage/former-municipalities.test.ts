/**
 * Toeleiding Triage and municipalities that no longer exist (issue 11 §3), in the real engine: the legal
 * successor is the responsible municipality, with the note. Requires `n8n-node build` first.
 */
import type { IDataObject } from 'n8n-workflow';
import { loadWorkflow, runWorkflow } from '../../helpers/engine';
import { assertNoPersonalData } from '../../helpers/privacy';
import { triageRequest } from '../../helpers/triageRequest';

const fixture = (name: string) => loadWorkflow(`test/engine/triage/fixtures/triage.${name}.workflow.json`);
const OUT = { needs_information: 0, collective: 1, individual_beschikking: 2, error: 9 } as const;

const req = triageRequest;

describe('Toeleiding Triage: former municipalities', () => {
	it('a Weesp pupil: Amsterdam is the responsible municipality, with the Dutch note', async () => {
		const result = await runWorkflow(fixture('routes-amersfoort'), { input: [req('weesp', { residenceMunicipality: 'Weesp' })] });
		expect(result.error).toBeUndefined();
		const [item] = result.json('Toeleiding Triage', OUT.individual_beschikking);
		const t = item.triage as IDataObject;
		expect(t.responsibleMunicipality).toEqual({
			code: '0363',
			name: 'Amsterdam',
			formerCode: '0457',
			formerName: 'Weesp',
			note: 'Weesp (0457) is sinds 24 maart 2022 onderdeel van Amsterdam (0363)',
		});
		expect((t.whoPays as IDataObject).municipality).toEqual({ code: '0363', name: 'Amsterdam' });
		assertNoPersonalData(item.json, 'output item');
	});

	it('the residence before a residential stay follows a chain to the current municipality', async () => {
		const result = await runWorkflow(fixture('routes-amersfoort'), {
			input: [req('stay', { residenceMunicipality: '', inResidentialCare: 'ja', residenceBeforeStay: '0265' })],
		});
		const [item] = result.json('Toeleiding Triage', OUT.individual_beschikking);
		expect((item.triage as IDataObject).responsibleMunicipality).toMatchObject({ code: '1945', name: 'Berg en Dal', formerCode: '0265', formerName: 'Millingen aan de Rijn' });
	});

	it('a member list that names a former municipality absorbed by a non-member asks: a merger never widens a membership silently (issue 21)', async () => {
		// An old list of the region: "0457 Weesp" is since 24 March 2022 part of Amsterdam, which is more than Weesp.
		const wf = fixture('routes-amersfoort');
		wf.nodes[1].parameters.municipalities_amersfoort_osj = '0307 Amersfoort, 0457 Weesp';
		const input = [req('amsterdam', { residenceMunicipality: 'Amsterdam' }), req('weesp', { residenceMunicipality: 'Weesp' }), req('ede', { residenceMunicipality: 'Ede' })];
		const asked = await runWorkflow(wf, { input });
		expect(asked.error?.message).toBe(
			'The region policy "Regio Amersfoort — Onderwijs met Specialistische Jeugdhulp (OSJ)" names Weesp (0457), which since 24 March 2022 is part of Amsterdam (0363); Amsterdam also covers the rest of Amsterdam (0363). A merger does not widen the membership by itself',
		);
		expect(asked.error?.description).toMatch(/^Choose under "Members Changed by a Merger" \(mergedMembers\)/);

		// Whole successor: a pupil from Amsterdam (or Weesp) is a resident.
		wf.nodes[1].parameters.mergedMembers = 'successor';
		const whole = await runWorkflow(wf, { input });
		expect(whole.error).toBeUndefined();
		expect(whole.json('Toeleiding Triage', OUT.collective).map((i) => i.requestId)).toEqual(['amsterdam', 'weesp']);
		expect(whole.json('Toeleiding Triage', OUT.individual_beschikking).map((i) => i.requestId)).toEqual(['ede']);

		// Former area only: only the request that names Weesp is a resident.
		wf.nodes[1].parameters.mergedMembers = 'formerArea';
		const area = await runWorkflow(wf, { input });
		expect(area.json('Toeleiding Triage', OUT.collective).map((i) => [i.requestId, ((i.triage as IDataObject).policy as IDataObject).treatment])).toEqual([['weesp', 'resident']]);
		expect(area.json('Toeleiding Triage', OUT.individual_beschikking).map((i) => i.requestId)).toEqual(['amsterdam', 'ede']);
	});

	it('a split municipality is an item error naming the successors (error output)', async () => {
		const result = await runWorkflow(fixture('error-output'), { input: [req('split', { residenceMunicipality: 'Littenseradiel' }), req('ok')] });
		const outputs = result.output('Toeleiding Triage');
		expect(outputs[OUT.error].map((i) => [i.json.requestId, i.pairedItem, (i.json.details as IDataObject).code])).toEqual([['split', { item: 0 }, 'split_municipality']]);
		expect(outputs[OUT.error][0].json.error).toBe(
			'Field "residenceMunicipality" names Littenseradiel (0140), which no longer exists: since 1 January 2018 it is divided over Leeuwarden (0080), Súdwest-Fryslân (1900) and Waadhoeke (1949) (item 1)',
		);
		expect(outputs[OUT.collective].map((i) => i.json.requestId)).toEqual(['ok']);
	});
});
