/**
 * Issue 21 §3 in the real engine: a municipality written without CBS's province suffix resolves when one current
 * municipality has that name; an ambiguous one is an item error naming every candidate (On Error: error output).
 * Requires `n8n-node build`.
 */
import type { IDataObject } from 'n8n-workflow';

import { loadWorkflow, runWorkflow } from '../../helpers/engine';
import { assertNoPersonalData } from '../../helpers/privacy';
import { triageRequest as req } from '../../helpers/triageRequest';

const fixture = (name: string) => loadWorkflow(`test/engine/triage/fixtures/triage.${name}.workflow.json`);
const OUT = { individual_beschikking: 2, error: 9 } as const;

describe('Toeleiding Triage: municipalities as people write them', () => {
	it('"Laren" and "Rijswijk" resolve; "Bergen" is an item error naming Bergen (L.) and Bergen (NH.); no item is lost', async () => {
		const input = [req('laren', { residenceMunicipality: 'Laren' }), req('bergen', { residenceMunicipality: 'Bergen' }), req('rijswijk', { residenceMunicipality: 'rijswijk' })];
		const result = await runWorkflow(fixture('error-output'), { input });
		expect(result.error).toBeUndefined();
		const routed = result.json('Toeleiding Triage', OUT.individual_beschikking);
		expect(routed.map((i) => [i.requestId, ((i.triage as IDataObject).responsibleMunicipality as IDataObject).code])).toEqual([
			['laren', '0417'],
			['rijswijk', '0603'],
		]);
		const errors = result.output('Toeleiding Triage')[OUT.error];
		expect(errors.map((i) => [i.json.requestId, i.pairedItem, (i.json.details as IDataObject).code, (i.json.details as IDataObject).field])).toEqual([
			['bergen', { item: 1 }, 'ambiguous_municipality', 'residenceMunicipality'],
		]);
		expect(errors[0].json.error).toBe('Field "residenceMunicipality" names more than one municipality: Bergen (L.) (0893) and Bergen (NH.) (0373) (CBS writes these names with their province) (item 2)');
		assertNoPersonalData(errors.map((i) => i.json.details), 'error details');
	});
});
