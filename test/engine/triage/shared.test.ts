/**
 * Toeleiding Triage output values shared between items (CONTRIBUTING.md "Output values shared between
 * items"), through the real engine: requests with the same decision inputs get the same frozen objects
 * and lists under `triage` (reasons, actions, texts, who pays, ...), while each item keeps its own
 * request id, pupil reference and input fields. Changing a shared value in place throws; replacing it
 * on one item leaves the others as they were.
 * Requires `n8n-node build` first (the harness loads dist/).
 */
import type { IDataObject } from 'n8n-workflow';
import { loadWorkflow, runWorkflow } from '../../helpers/engine';
import { triageRequest } from '../../helpers/triageRequest';

const fixture = loadWorkflow('test/engine/triage/fixtures/triage.routes-amersfoort.workflow.json');
const SHARED = ['responsibleMunicipality', 'financing', 'whoPays', 'policy', 'accessContact', 'actions', 'missing', 'reasons', 'warnings', 'texts'];

describe('Toeleiding Triage: shared, frozen output values', () => {
	it('items with the same decision share frozen values and keep their own fields', async () => {
		const input = [triageRequest('A', { pupilReference: 'LL-A' }), triageRequest('B', { pupilReference: 'LL-B' }), triageRequest('C', { pupilReference: 'LL-C', needs: 'leren' })];
		const result = await runWorkflow(fixture, { input });
		expect(result.error).toBeUndefined();
		const items = result.output('Toeleiding Triage').flat();
		const byId = new Map(items.map((i) => [(i.json.triage as IDataObject).requestId, i.json]));
		const a = byId.get('A')!.triage as IDataObject;
		const b = byId.get('B')!.triage as IDataObject;
		const c = byId.get('C')!.triage as IDataObject;
		expect([a.pupilReference, b.pupilReference, c.pupilReference]).toEqual(['LL-A', 'LL-B', 'LL-C']);
		expect(a).not.toBe(b);
		for (const key of SHARED) {
			expect(b[key]).toBe(a[key]);
			if (a[key] !== null) expect(Object.isFrozen(a[key])).toBe(true);
		}
		expect(c.reasons).not.toBe(a.reasons);
		expect(Object.isFrozen((a.reasons as IDataObject[])[0])).toBe(true);
		expect(() => (a.reasons as IDataObject[]).push({})).toThrow(TypeError);
		expect(() => {
			(a.whoPays as IDataObject).text = 'changed';
		}).toThrow(TypeError);
		// an item's own objects stay open: replacing a value on one item leaves the others alone
		a.reasons = [];
		expect((b.reasons as IDataObject[]).length).toBeGreaterThan(0);
		expect(Object.isFrozen(a)).toBe(false);
		expect(Object.isFrozen(byId.get('A'))).toBe(false);
	});
});
