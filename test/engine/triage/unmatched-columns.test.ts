/**
 * Toeleiding Triage with a required column that matches in no item (issue 11 §1, the kind "a column name that
 * does not match"): a blank required fact is never an error (the request goes to Needs Info), so a column
 * named differently would look like empty data. The node says so once, as a warning naming the field and the
 * closest column, and routes as before. Requires `n8n-node build` first (the harness loads dist/).
 */
import type { IDataObject } from 'n8n-workflow';
import { loadWorkflow, runWorkflow } from '../../helpers/engine';
import { assertNoPersonalData } from '../../helpers/privacy';
import { triageRequest } from '../../helpers/triageRequest';

const fixture = loadWorkflow('test/engine/triage/fixtures/triage.routes-amersfoort.workflow.json');
const hints = (r: Awaited<ReturnType<typeof runWorkflow>>) => (r.taskData('Toeleiding Triage')?.hints ?? []).map((h) => `${h.type}: ${h.message}`);

/** The request with its risk level under another column name. */
function renamed(id: string, column: string): IDataObject {
	const { riskLevel, ...rest } = triageRequest(id);
	return { ...rest, [column]: riskLevel };
}

describe('Toeleiding Triage: a required column in no item', () => {
	it('warns once, naming the field and the closest column, and still sends the requests to Needs Info', async () => {
		const result = await runWorkflow(fixture, { input: [renamed('A', 'risk_level'), renamed('B', 'risk_level')] });
		expect(result.error).toBeUndefined();
		const routed = result.output('Toeleiding Triage').flat();
		expect(routed.map((i) => (i.json.triage as IDataObject).route)).toEqual(['needs_information', 'needs_information']);
		const warnings = hints(result).filter((h) => h.startsWith('warning: No input item has a column'));
		expect(warnings).toEqual([
			'warning: No input item has a column "riskLevel" (Risk Level), so it was read as empty for every item; did you mean "risk_level"? Set the column name under the node\'s input columns, or ignore this if your data has no such column.',
		]);
		assertNoPersonalData(hints(result).join('\n'));
	});

	it('says nothing when one item has the column (an empty value there is normal)', async () => {
		const result = await runWorkflow(fixture, { input: [renamed('A', 'risk_level'), triageRequest('B', { riskLevel: '' })] });
		expect(hints(result).filter((h) => h.includes('No input item has a column'))).toEqual([]);
	});

	it('says nothing for columns that match in every item', async () => {
		const result = await runWorkflow(fixture, { input: [triageRequest('A'), triageRequest('B')] });
		expect(hints(result).filter((h) => h.includes('No input item has a column'))).toEqual([]);
	});
});
