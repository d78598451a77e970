/**
 * Shared, frozen output values changed downstream, in a real n8n (support/workflows/e2e-shared-values.json).
 *
 * To save allocation on large runs, Toeleiding Triage hands items with the same decision the same deep-frozen
 * objects under `json.triage` (whoPays, reasons, actions, texts, …), and the Deadline Monitor one frozen
 * `deadline.recipientEmails` array per address text. Changing such a value in place would change every item
 * that shares it, or throw in strict code. What we document: n8n's own nodes copy an item before they change
 * it (Edit Fields deep-copies the item; the Code node works on a serialized copy in its task runner), so a
 * downstream change to one item never changes another item and never fails. This test proves it:
 *   - four requests with the same decision inputs → Triage → Edit Fields changes `triage.whoPays.text` and
 *     `triage.reasons[0].text` of request SV-A only → Code node pushes to `triage.actions` and sets
 *     `triage.texts.routeLabel` in place on request SV-B only;
 *   - three cases with the same zorgteam address → Deadline Monitor → Edit Fields changes
 *     `deadline.recipientEmails[0]` of case SV-C-2 only.
 * The run succeeds, the changed item carries the change, every other item (and the nodes' own output in
 * the same run data) keeps the original values.
 */
import { nodeItems, runError, startRuntime, type E2ERuntime, type ExecuteResult } from './runtime';

const WORKFLOW_ID = 'jhE2eSharedVals1';
/** The values under `json.triage` that items with the same decision share (frozen). */
const SHARED_KEYS = ['responsibleMunicipality', 'financing', 'whoPays', 'policy', 'accessContact', 'actions', 'missing', 'reasons', 'warnings', 'texts'] as const;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- run data as n8n printed it, read only in assertions
type Json = Record<string, any>;

let rt: E2ERuntime;
let result: ExecuteResult;

beforeAll(async () => {
	rt = await startRuntime();
	result = await rt.executeWorkflow(WORKFLOW_ID);
});

afterAll(async () => {
	await rt?.stop();
});

const byId = (items: Json[], field: string) => new Map(items.map((j) => [j[field] as string, j]));

describe('output values shared between items, changed downstream in real n8n', () => {
	it('runs the workflow without an error', () => {
		expect(rt.workflows.map((w) => w.id)).toContain(WORKFLOW_ID);
		// on failure the diff shows n8n's error (e.g. "Cannot assign to read only property …") and the end of its output
		const failure = result.exitCode === 0 ? undefined : { error: runError(result)?.message, output: `${result.stdout}\n${result.stderr}`.slice(-1500) };
		expect({ exitCode: result.exitCode, failure }).toEqual({ exitCode: 0, failure: undefined });
	});

	it('Edit Fields and the Code node change only their own item; Triage\'s output and the other items keep the shared values', () => {
		// Triage's own output: the four requests, one decision (collective, output 1), the same shared values
		const triaged = nodeItems(result, 'Toeleiding Triage', 1) as Json[];
		expect(triaged.map((j) => j.requestId)).toEqual(['SV-A', 'SV-B', 'SV-C', 'SV-D']);
		const original = triaged[2].triage as Json; // SV-C: no node downstream targets it
		expect(original.route).toBe('collective');
		expect(typeof original.whoPays.text).toBe('string');
		expect(original.reasons.length).toBeGreaterThan(0);
		expect(original.actions.length).toBeGreaterThan(0);
		for (const item of triaged) {
			for (const key of SHARED_KEYS) expect(item.triage[key]).toEqual(original[key]);
		}
		// ... and none of the downstream changes reached it
		expect(original.whoPays.text).not.toBe('changed');
		expect(original.reasons[0].text).not.toBe('changed reason');
		expect(original.actions).not.toContainEqual({ id: 'x', text: 'y' });
		expect(original.texts.routeLabel).not.toBe('x');

		// Edit Fields: SV-A changed, in the two places only; the other items as Triage made them
		const edited = byId(nodeItems(result, 'Change A (Edit Fields)') as Json[], 'requestId');
		expect([...edited.keys()]).toEqual(['SV-A', 'SV-B', 'SV-C', 'SV-D']);
		const a = edited.get('SV-A')!.triage as Json;
		expect(a.whoPays).toEqual({ ...original.whoPays, text: 'changed' });
		expect(a.reasons).toEqual([{ ...original.reasons[0], text: 'changed reason' }, ...original.reasons.slice(1)]);
		for (const key of SHARED_KEYS.filter((k) => k !== 'whoPays' && k !== 'reasons')) expect(a[key]).toEqual(original[key]);
		for (const id of ['SV-B', 'SV-C', 'SV-D']) {
			for (const key of SHARED_KEYS) expect(edited.get(id)!.triage[key]).toEqual(original[key]);
		}

		// Code node (in place, on its copy): SV-B changed; SV-A as Edit Fields left it; SV-C and SV-D untouched
		const coded = byId(nodeItems(result, 'Change B in place (Code)') as Json[], 'requestId');
		expect([...coded.keys()]).toEqual(['SV-A', 'SV-B', 'SV-C', 'SV-D']);
		const b = coded.get('SV-B')!.triage as Json;
		expect(b.actions).toEqual([...original.actions, { id: 'x', text: 'y' }]);
		expect(b.texts).toEqual({ ...original.texts, routeLabel: 'x' });
		for (const key of SHARED_KEYS.filter((k) => k !== 'actions' && k !== 'texts')) expect(b[key]).toEqual(original[key]);
		expect(coded.get('SV-A')!.triage).toEqual(a);
		for (const id of ['SV-C', 'SV-D']) {
			for (const key of SHARED_KEYS) expect(coded.get(id)!.triage[key]).toEqual(original[key]);
		}
	});

	it('Edit Fields changes one case\'s recipient list; the Deadline Monitor\'s output and the other cases keep the shared list', () => {
		const checked = nodeItems(result, 'Deadline Monitor', 0) as Json[]; // Overdue on the reference date 2026-11-26
		expect(checked.map((j) => j.caseRef)).toEqual(['SV-C-1', 'SV-C-2', 'SV-C-3']);
		for (const item of checked) {
			expect(item.deadline.status).toBe('overdue');
			expect(item.deadline.recipientEmails).toEqual(['zorgteam.proef@school.example']);
		}

		const edited = byId(nodeItems(result, 'Change one case (Edit Fields)') as Json[], 'caseRef');
		expect([...edited.keys()]).toEqual(['SV-C-1', 'SV-C-2', 'SV-C-3']);
		expect(edited.get('SV-C-2')!.deadline.recipientEmails).toEqual(['changed@school.example']);
		for (const id of ['SV-C-1', 'SV-C-3']) expect(edited.get(id)!.deadline).toEqual(checked.find((j) => j.caseRef === id)!.deadline);
		// the rest of the changed case as the node made it
		expect({ ...edited.get('SV-C-2')!.deadline, recipientEmails: undefined }).toEqual({ ...checked[1].deadline, recipientEmails: undefined });
	});
});
