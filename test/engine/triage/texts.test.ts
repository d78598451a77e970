/**
 * Toeleiding Triage's texts for people outside n8n (issue 12 §1), through the real engine: every routed item
 * carries `triage.texts` (route in words, actions, what is missing) in the Message Language — Dutch by
 * default, English when chosen — beside the English n8n-facing `route`/`routeLabel`; error items carry the
 * error in words (`details.text`, `details.fix`) without any input value.
 * Requires `n8n-node build` first (the harness loads dist/).
 */
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';
import { loadWorkflow, runWorkflow, type WorkflowJson } from '../../helpers/engine';
import { assertNoPersonalData } from '../../helpers/privacy';
import { triageRequest } from '../../helpers/triageRequest';

const fixture = (name: string) => loadWorkflow(`test/engine/triage/fixtures/triage.${name}.workflow.json`);
const req = (id: string, overrides: IDataObject = {}) => triageRequest(id, { bsn: '111222333', ...overrides });

/** The node's English output labels and English error words: none may reach a Dutch text. */
const ENGLISH = ['Needs Information', 'Collective Youth Care', 'Combined (Grijs Gebied)', 'Basic Support by School', 'Zorgteam Weighing', 'Anonymous Advice', 'Field "', ' is not ', 'Fill in', 'Register the case'];

function withOptions(wf: WorkflowJson, options: IDataObject, node: Partial<{ onError: string; typeVersion: number }> = {}): WorkflowJson {
	const copy = structuredClone(wf);
	const triage = copy.nodes.find((n) => n.name === 'Toeleiding Triage')!;
	triage.parameters.options = { ...((triage.parameters.options as IDataObject) ?? {}), ...options } as INodeParameters;
	Object.assign(triage, node);
	return copy;
}

const texts = (item: INodeExecutionData) => (item.json.triage as IDataObject).texts as IDataObject;

const ROUTED = [
	req('collective'),
	req('combined', { needs: 'leren, gedrag', school: '34CD', oppPresent: 'nee' }),
	req('basic', { needs: 'leren' }),
	req('weigh', { riskLevel: 'geel', zorgteamDecision: '', zorgteamDate: '' }),
	req('incomplete', { needs: '', riskLevel: '' }),
];

describe('Toeleiding Triage texts for mails', () => {
	it('gives Dutch route labels, actions and missing fields by default, beside the English n8n-facing labels', async () => {
		const result = await runWorkflow(fixture('routes-amersfoort'), { input: ROUTED });
		expect(result.error).toBeUndefined();
		const items = result.output('Toeleiding Triage').flat();
		const byId = new Map(items.map((i) => [i.json.requestId as string, i]));
		expect(texts(byId.get('collective')!)).toMatchObject({ language: 'nl', routeLabel: 'Collectieve jeugdhulp op school' });
		expect((byId.get('collective')!.json.triage as IDataObject).routeLabel).toBe('Collective Youth Care at School'); // n8n-facing, unchanged
		expect(texts(byId.get('combined')!).routeLabel).toBe('Onderwijs en jeugdhulp samen (grijs gebied)');
		expect(texts(byId.get('collective')!).actionsSection).toMatch(/^Vervolgacties:\n- Registreer de casus/);
		expect(texts(byId.get('weigh')!)).toMatchObject({ routeLabel: 'Afweging in het zorgteam' });
		expect(texts(byId.get('incomplete')!).missingSection).toBe('Vul deze gegevens aan: needs, riskLevel.');
		// basic support has no follow-up actions: no section at all (a mail never shows a lone "-")
		expect(texts(byId.get('basic')!)).toMatchObject({ routeLabel: 'Basisondersteuning door de school', actions: [], actionsSection: '', missingSection: '' });
		for (const item of items) {
			const t = texts(item);
			const mailText = [t.routeLabel, t.actionsSection, t.missingSection, (item.json.triage as IDataObject).explanation].join('\n');
			for (const word of ENGLISH) expect(mailText).not.toContain(word);
			expect(mailText).not.toMatch(/^-\s*$/m);
		}
	});

	it('gives English texts when Message Language is English', async () => {
		const result = await runWorkflow(withOptions(fixture('routes-amersfoort'), { language: 'en' }), { input: ROUTED });
		const items = result.output('Toeleiding Triage').flat();
		const basic = items.find((i) => i.json.requestId === 'basic')!;
		expect(texts(basic)).toMatchObject({ language: 'en', routeLabel: 'Basic support by the school', actionsSection: '' });
		const collective = items.find((i) => i.json.requestId === 'collective')!;
		expect(texts(collective).actionsSection).toMatch(/^Follow-up actions:\n- Register the case in the case system\./);
	});

	const BAD = [req('ok'), req('bad-bsn', { bsn: '111222334' }), req('bad-date', { zorgteamDate: '31-02-2026' }), req('bad-municipality', { residenceMunicipality: 'Atlantis' })];

	it('On Error "Continue": error items explain in Dutch which field is wrong and what to do, without the value', async () => {
		const result = await runWorkflow(fixture('continue-regular-output'), { input: BAD });
		const errors = result.output('Toeleiding Triage')[0];
		expect(errors.map((i) => (i.json.details as IDataObject).text)).toEqual([
			'Het veld "bsn" bevat geen geldig BSN (9 cijfers die aan de elfproef voldoen) (item 2).',
			'Het veld "zorgteamDate" bevat geen geldige datum (item 3).',
			'Het veld "residenceMunicipality" noemt geen bekende gemeente (item 4).',
		]);
		for (const e of errors) {
			const d = e.json.details as IDataObject;
			expect(d.fix).toMatch(/\S/);
			for (const word of ENGLISH) expect(`${d.text} ${d.fix}`).not.toContain(word);
			expect(`${d.text} ${d.fix}`).not.toMatch(/111222|31-02-2026|Atlantis/);
			assertNoPersonalData([d.text, d.fix], 'error text');
			expect(d.hint).toMatch(/\S/); // the English n8n-facing hint stays
		}
	});

	it('error items follow the Message Language, on the error output too', async () => {
		const result = await runWorkflow(withOptions(fixture('error-output'), { language: 'en' }), { input: BAD });
		const errors = result.output('Toeleiding Triage')[9];
		expect(errors.map((i) => (i.json.details as IDataObject).text)).toEqual([
			'The field "bsn" does not hold a valid BSN (9 digits that pass the elfproef) (item 2).',
			'The field "zorgteamDate" does not hold a valid date (item 3).',
			'The field "residenceMunicipality" does not name a known municipality (item 4).',
		]);
		const dutch = await runWorkflow(fixture('error-output'), { input: BAD });
		expect((dutch.output('Toeleiding Triage')[9][0].json.details as IDataObject).text).toMatch(/^Het veld "bsn"/);
	});
});
