/**
 * Toeleiding Triage through the real engine: one fixture workflow per scenario.
 * Requires `n8n-node build` first (the harness loads dist/).
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import { loadWorkflow, runWorkflow } from '../../helpers/engine';
import { assertNoPersonalData } from '../../helpers/privacy';
import { triageRequest } from '../../helpers/triageRequest';

const fixture = (name: string) => loadWorkflow(`test/engine/triage/fixtures/triage.${name}.workflow.json`);
const OUT = { needs_information: 0, collective: 1, individual_beschikking: 2, combined: 3, basic_support: 4, voorliggend_veld: 5, zorgteam_weighing: 6, wlz: 7, anonymous_advice: 8, mandated_route: 9 } as const;

function req(id: string, overrides: IDataObject = {}): IDataObject {
	return triageRequest(id, { bsn: '111222333', ...overrides });
}

const ROUTE_REQUESTS: Array<[IDataObject, keyof typeof OUT]> = [
	[req('collective'), 'collective'],
	[req('beschikking', { school: '34CD' }), 'individual_beschikking'],
	[req('combined', { needs: 'leren, gedrag', oppPresent: 'nee' }), 'combined'],
	[req('basic', { needs: 'leren' }), 'basic_support'],
	[req('voorliggend', { riskLevel: 'groen', zorgteamDecision: '' }), 'voorliggend_veld'],
	[req('weigh', { riskLevel: 'geel', zorgteamDecision: '', zorgteamDate: '' }), 'zorgteam_weighing'],
	[req('wlz', { wlzIndication: 'ja', needs: 'zorg in onderwijstijd' }), 'wlz'],
	[req('anonymous', { parentalConsent: 'nee' }), 'anonymous_advice'],
	[req('incomplete', { needs: '', riskLevel: '' }), 'needs_information'],
	[req('outsider', { residenceMunicipality: 'Ede' }), 'individual_beschikking'],
];

function allItems(outputs: INodeExecutionData[][]): INodeExecutionData[] {
	return outputs.flat();
}

describe('Toeleiding Triage in the engine', () => {
	it('routes every request to exactly one output, with paired items, without the BSN', async () => {
		const input = ROUTE_REQUESTS.map(([r]) => r);
		const result = await runWorkflow(fixture('routes-amersfoort'), { input });
		expect(result.error).toBeUndefined();
		const outputs = result.output('Toeleiding Triage');
		expect(outputs).toHaveLength(9);
		const items = allItems(outputs);
		expect(items).toHaveLength(input.length);
		ROUTE_REQUESTS.forEach(([r, route], index) => {
			const found = outputs[OUT[route]].find((i) => i.json.requestId === r.requestId);
			expect(found).toBeDefined();
			expect(found!.pairedItem).toEqual({ item: index });
			expect((found!.json.triage as IDataObject).route).toBe(route);
		});
		for (const item of items) {
			expect(item.json.bsn).toBeUndefined();
			assertNoPersonalData(item.json, 'output item');
		}
	});

	it('Designated Schools for one location (12AB01) designates only that location, not the school code without location (issue 15 §2)', async () => {
		const wf = fixture('routes-amersfoort');
		wf.nodes[1].parameters.designatedSchools = '12AB01';
		const result = await runWorkflow(wf, { input: [req('no-location', { school: '12AB' }), req('main', { school: '12AB00' }), req('location', { school: '12 ab 01' })] });
		expect(result.error).toBeUndefined();
		const route = (id: string) => (result.output('Toeleiding Triage').flat().find((i) => i.json.requestId === id)!.json.triage as IDataObject).route;
		expect([route('no-location'), route('main'), route('location')]).toEqual(['individual_beschikking', 'individual_beschikking', 'collective']);
	});

	it('collective output: who pays, 8-week deadline, access contact, Dutch reasons', async () => {
		const result = await runWorkflow(fixture('routes-amersfoort'), { input: [req('collective', { oppPresent: 'nee', helpAtHome: 'ja' })] });
		const [item] = result.json('Toeleiding Triage', OUT.collective);
		const t = item.triage as IDataObject;
		expect(t).toMatchObject({
			route: 'collective',
			routeLabel: 'Collective Youth Care at School',
			requestId: 'collective',
			pupilReference: 'PUP-collective',
			responsibleMunicipality: { code: '0307', name: 'Amersfoort' },
			financing: ['jeugdwet_collective'],
			crossRegionSettlement: false,
			zorgteamDate: '2026-03-02',
			deadline: '2026-04-27',
			accessContact: { name: 'Toegang OSJ-school', email: 'toegang.12ab@amersfoort.example' },
			policy: { id: 'amersfoort_osj', treatment: 'resident', seed: 'S0 Financiën OSJ' },
		});
		expect((t.actions as IDataObject[]).map((a) => a.id)).toEqual(['register_case', 'draw_up_opp', 'align_opp_with_family_plan', 'same_care_worker_at_home', 'inform_access_contact']);
		expect((t.whoPays as IDataObject).text).toMatch(/^Amersfoort, via het collectieve budget van de regio/);
		expect(t.explanation).toContain('uiterlijk 27 april 2026');
		expect((t.reasons as IDataObject[]).map((r) => r.ruleId)).toContain('T-DESIGNATED-SCHOOL');
	});

	it('needs information lists the user\u2019s missing field names; the outsider gets the Ede contact', async () => {
		const result = await runWorkflow(fixture('routes-amersfoort'), { input: [req('incomplete', { needs: '', riskLevel: '' }), req('outsider', { residenceMunicipality: 'Ede' })] });
		const [incomplete] = result.json('Toeleiding Triage', OUT.needs_information);
		expect((incomplete.triage as IDataObject).missing).toEqual(['needs', 'riskLevel']);
		const [outsider] = result.json('Toeleiding Triage', OUT.individual_beschikking);
		expect((outsider.triage as IDataObject).accessContact).toEqual({ name: 'Toegang Ede', email: 'toegang@ede.example', emails: ['toegang@ede.example'] });
		expect((outsider.triage as IDataObject).responsibleMunicipality).toEqual({ code: '0228', name: 'Ede' });
	});

	it('the same request under several presets includes Rotterdam: individual help at a Rotterdam vso school → mandated route; under Enschede → individual beschikking', async () => {
		const result = await runWorkflow(fixture('same-request-several-presets'), { input: [req('r', { residenceMunicipality: 'Rotterdam' })] });
		expect(result.error).toBeUndefined();
		const outputs = result.output('Rotterdam');
		expect(outputs).toHaveLength(10);
		expect(outputs.map((o) => o.length)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
		const rotterdam = result.json('Rotterdam', OUT.mandated_route)[0].triage as IDataObject;
		expect(rotterdam).toMatchObject({ route: 'mandated_route', routeLabel: 'Mandated Route (Zorgonderwijsspecialist)', financing: ['jeugdwet_mandated'], accessContact: null, deadline: null, crossRegionSettlement: false });
		expect((rotterdam.actions as IDataObject[])[0]).toEqual({ id: 'request_through_zorgonderwijsspecialist', text: 'Request the onderwijs-zorgarrangement through the zorgonderwijsspecialist, who decides under mandate (no beschikking).' });
		expect((rotterdam.reasons as IDataObject[]).map((r) => [r.ruleId, r.seed])).toContainEqual(['T-MANDATED-ROUTE', 'S4 §4.3.3']);
		const enschede = result.json('Enschede', OUT.individual_beschikking)[0].triage as IDataObject;
		expect(enschede.route).toBe('individual_beschikking');
		expect((enschede.whoPays as IDataObject).text).toBe('Rotterdam, on an individual beschikking (Jeugdwet).');
	});

	it('Rotterdam: a pupil living elsewhere is an item error saying why (the seed does not say) and where to choose', async () => {
		const result = await runWorkflow(fixture('same-request-several-presets'), { input: [req('x', { residenceMunicipality: 'Ede' })] });
		const [failed] = result.json('Rotterdam', OUT.needs_information);
		expect(failed.error).toMatch(/does not fix how pupils living outside the participating municipalities are treated \(S4 §4\.3 does not say/);
		expect((failed.details as IDataObject).hint).toMatch(/Pupils Living Elsewhere/);
		expect(failed.requestId).toBe('x');
	});

	it('Almelo (pilot in development): help at home is an item error naming "Help at Home" until the region chooses', async () => {
		const input = [req('home', { residenceMunicipality: 'Almelo', helpAtHome: 'ja' }), req('school', { residenceMunicipality: 'Almelo' })];
		const result = await runWorkflow(fixture('twente-help-at-home'), { input });
		expect(result.error).toBeUndefined();
		const [failed] = result.json('Not Chosen', OUT.needs_information);
		expect(failed.requestId).toBe('home');
		expect(failed.error).toMatch(/does not fix whether the collective offer covers school time only or also help at home \(S4 §3\.3/);
		expect((failed.details as IDataObject).hint).toMatch(/Help at Home/);
		expect(result.json('Not Chosen', OUT.collective).map((j) => j.requestId)).toEqual(['school']);
		const chosen = result.json('School Time Only', OUT.collective);
		expect(chosen.map((j) => j.requestId)).toEqual(['home', 'school']);
		expect(((chosen[0].triage as IDataObject).actions as IDataObject[]).map((a) => a.id)).toContain('home_help_by_residence_municipality');
	});

	it('the same request under Enschede, Amsterdam and Almere', async () => {
		const result = await runWorkflow(fixture('same-request-several-presets'), { input: [req('x', { residenceMunicipality: 'Ede' })] });
		const enschede = result.json('Enschede', OUT.individual_beschikking)[0].triage as IDataObject;
		const amsterdam = result.json('Amsterdam', OUT.collective)[0].triage as IDataObject;
		const almere = result.json('Almere', OUT.collective)[0].triage as IDataObject;
		expect((enschede.whoPays as IDataObject).text).toBe('Ede, on an individual beschikking (Jeugdwet).');
		expect(amsterdam.crossRegionSettlement).toBe(true);
		expect((amsterdam.whoPays as IDataObject).preFinancedBy).toEqual({ code: '0363', name: 'Amsterdam' });
		expect(almere.crossRegionSettlement).toBe(false);
		expect((almere.policy as IDataObject).treatment).toBe('covered');
	});

	const BAD = [
		req('ok-1'),
		req('bad-bsn', { bsn: '111222334' }),
		req('bad-municipality', { residenceMunicipality: 'Atlantis' }),
		req('bad-date', { zorgteamDate: '31-02-2026' }),
		req('ok-2'),
	];

	it('On Error "Continue": invalid items leave on "Needs Information" with the error, keeping their fields', async () => {
		const result = await runWorkflow(fixture('continue-regular-output'), { input: BAD });
		expect(result.error).toBeUndefined();
		const outputs = result.output('Toeleiding Triage');
		expect(allItems(outputs)).toHaveLength(5);
		const errors = outputs[OUT.needs_information];
		expect(errors.map((i) => [i.json.requestId, i.pairedItem])).toEqual([
			['bad-bsn', { item: 1 }],
			['bad-municipality', { item: 2 }],
			['bad-date', { item: 3 }],
		]);
		expect(errors.map((i) => (i.json.details as IDataObject).field)).toEqual(['bsn', 'residenceMunicipality', 'zorgteamDate']);
		for (const e of errors) {
			expect(String(e.json.error)).not.toMatch(/111222/);
			assertNoPersonalData(String(e.json.error) + JSON.stringify(e.json.details));
		}
		expect(outputs[OUT.collective].map((i) => [i.json.requestId, i.pairedItem])).toEqual([
			['ok-1', { item: 0 }],
			['ok-2', { item: 4 }],
		]);
	});

	it('On Error "Error Output": invalid items leave on the extra error output', async () => {
		const result = await runWorkflow(fixture('error-output'), { input: BAD });
		const outputs = result.output('Toeleiding Triage');
		expect(outputs).toHaveLength(10);
		expect(outputs[9].map((i) => [i.json.requestId, i.pairedItem, (i.json.details as IDataObject).code])).toEqual([
			['bad-bsn', { item: 1 }, 'invalid_bsn'],
			['bad-municipality', { item: 2 }, 'unknown_municipality'],
			['bad-date', { item: 3 }, 'invalid_date'],
		]);
		for (const e of outputs[9]) assertNoPersonalData(String(e.json.error));
		expect(outputs[OUT.needs_information]).toHaveLength(0);
		expect(outputs[OUT.collective]).toHaveLength(2);
	});

	it('On Error "Stop": the run stops at the first invalid item, naming the field, not the BSN', async () => {
		const result = await runWorkflow(fixture('stop-on-error'), { input: BAD });
		expect(result.error).toBeDefined();
		expect(result.error!.message).toMatch(/Field "bsn" is not a valid BSN/);
		expect(result.error!.message).not.toMatch(/111222/);
		expect((result.error as unknown as { context: IDataObject }).context.itemIndex).toBe(1);
		assertNoPersonalData(result.error!.message + (result.error!.description ?? ''));
	});

	it('Holland Rijnland: an outsider is an item error until the region chooses', async () => {
		const input = [req('leiden', { residenceMunicipality: 'Leiden' }), req('ede', { residenceMunicipality: 'Ede' })];
		const result = await runWorkflow(fixture('holland-rijnland-choice'), { input });
		const notChosen = result.output('Not Chosen');
		expect(notChosen[OUT.collective].map((i) => i.json.requestId)).toEqual(['leiden']);
		expect(notChosen[9].map((i) => i.json.requestId)).toEqual(['ede']);
		expect(String(notChosen[9][0].json.error)).toMatch(/bestuurlijke keuze/);
		const chosen = result.json('Chosen Settle', OUT.collective);
		expect(chosen.map((j) => [j.requestId, (j.triage as IDataObject).crossRegionSettlement])).toEqual([
			['leiden', false],
			['ede', true],
		]);
	});

	it('maps Dutch columns, uses the edited municipality list, outputs the triage only', async () => {
		const row = (id: string, woonplaats: string): IDataObject => ({
			Aanmeldnummer: id, Leerlingcode: `LL-${id}`, Naam: 'Noor Testkind', BSN: '123456782', BRIN: '56EF', Woonplaats: woonplaats,
			Hulpvraag: 'gedrag; opvoeding', Risico: 'Rood', 'Besluit zorgteam': 'ja', 'Datum zorgteam': '2026-03-02', OPP: 'ja', 'Hulp thuis': 'nee', 'Toestemming ouders': 'ja',
		});
		const result = await runWorkflow(fixture('dutch-columns-triage-only'), { input: [row('1', 'Maastricht'), row('2', 'Heerlen'), row('3', 'Kerkrade'), { ...row('4', ''), Risico: '' }] });
		const collective = result.json('Toeleiding Triage', OUT.collective);
		// Heerlen was added to the list by the user; Kerkrade was removed from it
		expect(collective.map((j) => (j.triage as IDataObject).requestId)).toEqual(['1', '2']);
		expect(result.json('Toeleiding Triage', OUT.individual_beschikking).map((j) => (j.triage as IDataObject).requestId)).toEqual(['3']);
		const [incomplete] = result.json('Toeleiding Triage', OUT.needs_information);
		expect((incomplete.triage as IDataObject).missing).toEqual(['Woonplaats', 'Risico']);
		for (const j of [...collective, incomplete]) {
			expect(Object.keys(j)).toEqual(['triage']);
			assertNoPersonalData(j);
		}
	});

	it('node version 1.1 keeps working (the intake example used it before issue 24): the field-name collection is read, name and BSN leave no item', async () => {
		const row = (id: string, woonplaats: string): IDataObject => ({
			Aanmeldnummer: id, Leerlingcode: `LL-${id}`, Naam: 'Noor Testkind', BSN: '123456782', BRIN: '56EF', Woonplaats: woonplaats,
			Hulpvraag: 'gedrag; opvoeding', Risico: 'Rood', 'Besluit zorgteam': 'ja', 'Datum zorgteam': '2026-03-02', OPP: 'ja', 'Hulp thuis': 'nee', 'Toestemming ouders': 'ja',
		});
		const result = await runWorkflow(fixture('v1-1-field-names'), { input: [row('1', 'Maastricht'), row('2', 'Heerlen'), row('3', 'Kerkrade')] });
		expect(result.error).toBeUndefined();
		const collective = result.json('Toeleiding Triage', OUT.collective);
		expect(collective.map((j) => (j.triage as IDataObject).requestId)).toEqual(['1', '2']);
		expect(result.json('Toeleiding Triage', OUT.individual_beschikking).map((j) => (j.triage as IDataObject).requestId)).toEqual(['3']);
		for (const j of collective) {
			expect(j).toMatchObject({ Aanmeldnummer: expect.any(String), Leerlingcode: expect.any(String), privacy: { rowNumber: expect.any(Number) } });
			expect(j).not.toHaveProperty('Naam');
			expect(j).not.toHaveProperty('BSN');
		}
	});

	it('makes a stable pseudonymous reference from the BSN with the key credential', async () => {
		const input = [req('a', { pupilReference: '' }), req('b', { pupilReference: '' }), req('c', { pupilReference: '', bsn: '123456782' })];
		const credentials = { pseudonymisationKeyApi: { key: 'a-long-test-key-of-32-characters!', keyId: 't' } };
		const result = await runWorkflow(fixture('pseudonymise-bsn'), { input, credentials });
		const refs = result.json('Toeleiding Triage', OUT.collective).map((j) => (j.triage as IDataObject).pupilReference as string);
		expect(refs[0]).toMatch(/^P-[A-Z2-7]{12}$/);
		expect(refs[0]).toBe(refs[1]);
		expect(refs[2]).not.toBe(refs[0]);
		for (const r of refs) expect(r).not.toContain('111222333');
	});

	it('keeps the BSN only when the user opts in', async () => {
		const result = await runWorkflow(fixture('include-bsn-opt-in'), { input: [req('a', { bsn: '11122 2333' })] });
		const [j] = result.json('Toeleiding Triage', OUT.collective);
		expect((j.triage as IDataObject).bsn).toBe('111222333');
	});

	it('a policy list with an unknown municipality stops the run with a configuration error', async () => {
		const result = await runWorkflow(fixture('invalid-policy-list'), { input: [req('a')] });
		// municipality names are public: the error names the entry and says how to write it (issue 22 §4)
		expect(result.error?.message).toBe('"Participating Municipalities": entry 2 "Atlantis" is not a known municipality');
		expect(result.error?.description).toMatch(/one municipality per line, or separate them with ";" or ","; each as a CBS code/);
		// a configuration error (nodes/shared/errors.ts): about the parameter, not about item 1
		expect((result.error as { context?: { itemIndex?: number } } | undefined)?.context?.itemIndex).toBeUndefined();
	});

	it('English texts when the language option says so', async () => {
		const result = await runWorkflow(fixture('same-request-several-presets'), { input: [req('x', { residenceMunicipality: 'Ede' })] });
		const almere = result.json('Almere', OUT.collective)[0].triage as IDataObject;
		expect((almere.reasons as IDataObject[]).map((r) => r.text)).toContain('The pupil lives elsewhere, but the region\u2019s arrangement covers all pupils of the school regardless of where they live.');
		expect((almere.actions as IDataObject[])[0].text).toBe('Register the case in the case system.');
	});
});
