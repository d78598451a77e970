/**
 * Data minimisation (issue 10 §3, nodes/shared/privacy.ts) in n8n's real engine: for every table node ×
 * output kind (routed items, "Continue (using error output)", "Continue" on the regular output), input
 * items carrying a BSN, a pupil name and free text leave the node without them, with privacy.rowNumber
 * (and privacy.pseudonym where the node has the key). Node version 1 keeps them (version by adding).
 * Requires `n8n-node build` first (the harness loads dist/).
 */
import type { IDataObject, INodeExecutionData, IPairedItemData } from 'n8n-workflow';

import { loadWorkflow, runWorkflow, type WorkflowJson } from '../../helpers/engine';
import { assertNoPersonalData, SYNTHETIC_BSNS } from '../../helpers/privacy';
import { sampleCases } from '../deadlines/helpers';

const KEY = { pseudonymisationKeyApi: { key: 'engine-privacy-test-key-0123456789', keyId: 'privacy-test' } };
/** What a real sheet carries next to the fields the node reads: a BSN, a name and free text. */
const IDENTIFYING = { bsn: SYNTHETIC_BSNS[1], naam: 'Noor Testkind', opmerking: 'Gesprek met moeder van Daan Proefleerling' };

/** A complete request routed to collective youth care (field names: Toeleiding Triage's defaults). */
const TRIAGE_FIELDS =
	'school=12AB residenceMunicipality=0307 needs=gedrag riskLevel=rood zorgteamDecision=ja zorgteamDate=02-03-2026 ' +
	'oppPresent=ja helpAtHome=nee wlzIndication=nee groupOfferSuitable=nee parentalConsent=ja';
function triageRequest(id: string, overrides: IDataObject = {}): IDataObject {
	return { requestId: id, ...Object.fromEntries(TRIAGE_FIELDS.split(' ').map((kv) => kv.split('='))), ...overrides };
}

interface NodeCase {
	title: string;
	fixture: string;
	node: string;
	/** Valid items (routed) and invalid ones (error items); IDENTIFYING is added to each. */
	good: IDataObject[];
	bad: IDataObject[];
	credentials?: typeof KEY;
	/** The node has the pseudonymisation key: error items carry privacy.pseudonym. */
	pseudonym: boolean;
	/** Good items are passed on (not aggregated into new items), so they carry privacy too. */
	passesItemsOn: boolean;
}

const deadlineCases = sampleCases().slice(0, 3);
const CASES: NodeCase[] = [
	{
		title: 'Record Cleaner',
		fixture: 'test/engine/record-cleaner/fixtures/record-cleaner.continue-error-output.workflow.json',
		node: 'Record Cleaner',
		good: [{ leerlingRef: 'L-1', zorgteamDatum: '01-09-2026', woonplaats: 'Amersfoort', school: '12AB' }],
		bad: [{ leerlingRef: 'L-2', zorgteamDatum: '31-02-2026', woonplaats: 'Amersfoort', school: '12AB' }],
		pseudonym: false,
		passesItemsOn: true,
	},
	{
		title: 'Toeleiding Triage (pseudonymised)',
		fixture: 'test/engine/triage/fixtures/triage.pseudonymise-bsn.workflow.json',
		node: 'Toeleiding Triage',
		good: [triageRequest('R-1'), triageRequest('R-2', { riskLevel: 'groen', zorgteamDecision: '' })],
		bad: [triageRequest('R-3', { residenceMunicipality: '9999' })],
		credentials: KEY,
		pseudonym: true,
		passesItemsOn: true,
	},
	{
		title: 'Deadline Monitor: Check Cases',
		fixture: 'test/engine/deadlines/fixtures/check-cases.error-output.workflow.json',
		node: 'Deadline Monitor',
		good: deadlineCases,
		bad: [{ ...deadlineCases[0], caseRef: 'C-BAD', zorgteamDate: 'gisteren' }],
		pseudonym: false,
		passesItemsOn: true,
	},
	{
		title: 'Deadline Monitor: Check Cases grouped per zorgteam',
		fixture: 'test/engine/deadlines/fixtures/check-cases.grouped-per-zorgteam.workflow.json',
		node: 'Deadline Monitor',
		good: sampleCases(),
		bad: [{ ...deadlineCases[0], caseRef: 'C-BAD', zorgteamDate: 'gisteren' }],
		pseudonym: false,
		passesItemsOn: true,
	},
	{
		title: 'Deadline Monitor: Calculate KPIs',
		fixture: 'test/engine/deadlines/fixtures/kpis.error-output.workflow.json',
		node: 'Deadline Monitor',
		good: deadlineCases,
		bad: [{ ...deadlineCases[0], caseRef: 'C-BAD', zorgteamDate: 'gisteren' }],
		pseudonym: false,
		passesItemsOn: false,
	},
	{
		title: 'Cross-Region Settlement: Calculate',
		fixture: 'test/engine/settlement/fixtures/calculate.bad-input.error-output.workflow.json',
		node: 'Settlement',
		good: [
			{ leerling: 'Sem Voorbeeldink', school: '12AB', woongemeente: '0363', arrangement: 'individueel', uren: 10 },
			{ leerling: 'Lotte Fictiefsma', school: '12AB', woongemeente: '0437', arrangement: 'individueel', uren: 6 },
		],
		bad: [{ leerling: 'Julia Demodijk', school: '34CD', woongemeente: '9999', arrangement: 'individueel' }],
		credentials: KEY,
		pseudonym: true,
		passesItemsOn: false,
	},
	{
		title: 'Cross-Region Settlement: Reconcile',
		fixture: 'test/engine/settlement/fixtures/reconcile.bad-invoice.continue.workflow.json',
		node: 'Reconcile',
		good: [
			{ kind: 'statement', municipalityCode: '0344', municipalityName: 'Utrecht', period: '2026-Q1', amountCents: 10_000 },
			{ factuurnummer: 'A-1', gemeente: 'Utrecht', periode: '2026-Q1', bedrag: '100,00' },
		],
		bad: [{ factuurnummer: 'A-2', gemeente: 'Utrecht', periode: '2026-Q1', bedrag: 'honderd' }],
		pseudonym: false,
		passesItemsOn: false,
	},
];

type Kind = 'routed' | 'continueErrorOutput' | 'continueRegularOutput';

function workflow(c: NodeCase, kind: Kind, typeVersion: number): WorkflowJson {
	const wf = loadWorkflow(c.fixture);
	const node = wf.nodes.find((n) => n.name === c.node);
	if (!node) throw new Error(`${c.fixture} has no node ${c.node}`);
	node.typeVersion = typeVersion;
	if (kind === 'routed') delete node.onError;
	else node.onError = kind;
	return wf;
}

function input(c: NodeCase, kind: Kind): IDataObject[] {
	return (kind === 'routed' ? c.good : [...c.good, ...c.bad]).map((item) => ({ ...item, ...IDENTIFYING }));
}

/** privacy of an item: in its json, or (error output) in item.error.context, its row also in the message (items counted from 1). */
function privacyOf(item: INodeExecutionData): IDataObject {
	const fromError = (item.error?.context as IDataObject | undefined)?.privacy as IDataObject | undefined;
	if (fromError) expect(item.json.error).toContain(`(item ${fromError.rowNumber as number}`);
	return fromError ?? (item.json.privacy as IDataObject);
}

const itemOf = (i: INodeExecutionData) => (Array.isArray(i.pairedItem) ? i.pairedItem[0] : (i.pairedItem as IPairedItemData)).item;

async function run(c: NodeCase, kind: Kind, typeVersion = 1.1) {
	const result = await runWorkflow(workflow(c, kind, typeVersion), { input: input(c, kind), credentials: c.credentials });
	expect(result.error).toBeUndefined();
	const outputs = result.output(c.node);
	const errorItems =
		kind === 'continueErrorOutput'
			? outputs[outputs.length - 1]
			: kind === 'continueRegularOutput'
				? outputs.flat().filter((i) => typeof i.json.error === 'string' && i.json.details)
				: [];
	return { outputs, errorItems };
}

describe.each(CASES)('$title: identifying columns leave the node with no item (version 1.1)', (c) => {
	it.each<Kind>(['routed', 'continueErrorOutput', 'continueRegularOutput'])('%s', async (kind) => {
		const { outputs, errorItems } = await run(c, kind);
		outputs.forEach((items, o) => assertNoPersonalData(items.map((i) => i.json), `${c.title} ${kind} output ${o}`));
		expect(errorItems).toHaveLength(kind === 'routed' ? 0 : c.bad.length);
		for (const item of errorItems) {
			// the user can still find the row: its number (1 = first input item), and a pseudonym where there is a key
			expect(privacyOf(item)).toMatchObject({ rowNumber: itemOf(item) + 1 });
			expect(privacyOf(item).removed).toEqual(expect.arrayContaining(['bsn', 'naam', 'opmerking']));
			if (c.pseudonym) expect(privacyOf(item).pseudonym).toMatch(/^P-[A-Z2-7]{12}$/);
			expect(Object.keys(item.json)).not.toEqual(expect.arrayContaining(['bsn']));
			expect(typeof item.json.error).toBe('string');
			if (kind === 'continueErrorOutput') assertNoPersonalData(item.error, 'item.error');
		}
		if (c.passesItemsOn) {
			const passed = outputs.flat().filter((i) => !errorItems.includes(i) && !Array.isArray(i.pairedItem));
			expect(passed.length).toBeGreaterThan(0);
			for (const item of passed) expect(item.json.privacy).toMatchObject({ rowNumber: itemOf(item) + 1 });
		}
	});

	it('version 1 keeps every column (existing workflows do not change), unless switched on', async () => {
		const { errorItems } = await run(c, 'continueErrorOutput', 1);
		expect(errorItems.map((i) => i.json.naam)).toEqual(c.bad.map(() => 'Noor Testkind'));
		const wf = workflow(c, 'continueErrorOutput', 1);
		wf.nodes.find((n) => n.name === c.node)!.parameters.identifyingData = 'removeFromErrors';
		const result = await runWorkflow(wf, { input: input(c, 'continueErrorOutput'), credentials: c.credentials });
		const outputs = result.output(c.node);
		assertNoPersonalData(outputs[outputs.length - 1].map((i) => i.json), `${c.title} v1 switched on`);
	});
});

describe.each(CASES)('$title: identifying columns with messy headers are removed too', (c) => {
	it('BOM, zero-width space, NBSP and case in the identifying column names', async () => {
		const messy = { '\uFEFFBSN': IDENTIFYING.bsn, 'na\u200Bam': IDENTIFYING.naam, ' Opmerking\u00A0': IDENTIFYING.opmerking };
		const result = await runWorkflow(workflow(c, 'continueRegularOutput', 1.1), {
			input: [...c.good, ...c.bad].map((item) => ({ ...item, ...messy })),
			credentials: c.credentials,
		});
		expect(result.error).toBeUndefined();
		result.output(c.node).forEach((items, o) => assertNoPersonalData(items.map((i) => i.json), `${c.title} messy headers output ${o}`));
	});
});

describe('the pseudonym', () => {
	it('equals Toeleiding Triage’s pupilReference for the same BSN and key, however the BSN is written', async () => {
		const c = CASES[1];
		const wf = workflow(c, 'continueErrorOutput', 1.1);
		const written = ['123456782', '123 456 782', '123.456.782'];
		const result = await runWorkflow(wf, {
			input: [{ ...triageRequest('R-1'), bsn: written[0] }, ...written.map((bsn, i) => ({ ...triageRequest(`R-${i + 2}`, { residenceMunicipality: '9999' }), bsn }))],
			credentials: KEY,
		});
		const outputs = result.output(c.node);
		const routed = outputs.slice(0, -1).flat()[0].json;
		const reference = (routed.triage as IDataObject).pupilReference;
		expect(reference).toMatch(/^P-/);
		expect(outputs[outputs.length - 1].map((i) => privacyOf(i).pseudonym)).toEqual([reference, reference, reference]);
	});
});
