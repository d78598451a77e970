/**
 * What an AI agent gets (issue 23 part 6; docs/privacy.md "AI agents"). n8n offers a node with
 * `usableAsTool` to its AI Agent as "<Node> Tool": the same node and execute() under the type name
 * `<package>.<name>Tool`, whose inputs and outputs the agent sends through its language model. Here the built
 * Deadline Monitor runs under that type name in the real engine (the agent itself is not needed to show what
 * the node does): Check Cases answers with pseudonymous case data only — a BSN, name or remark in the sheet
 * stays behind — and the steps that change the alert memory refuse to run for an agent. The other table nodes
 * are not offered as tools at all (checked on the built descriptions in test/unit/descriptions.test.ts).
 */
import { IDataObject } from 'n8n-workflow';

import { loadPackage, PACKAGE_NAME, runWorkflow, singleNodeWorkflow } from '../../helpers/engine';
import { assertNoPersonalData, SYNTHETIC_BSNS } from '../../helpers/privacy';

const TOOL_TYPE = `${PACKAGE_NAME}.deadlineMonitorTool`;
const NODE = 'Node'; // singleNodeWorkflow's name
const CASES: IDataObject[] = [
	{ caseRef: 'C-1', zorgteam: 'Regenboog', zorgteamEmail: 'regenboog@school.example', zorgteamDate: '2026-09-01', bsn: SYNTHETIC_BSNS[1], naam: 'Noor Testkind', opmerking: 'Gesprek met moeder' },
	{ caseRef: 'C-2', zorgteam: 'Regenboog', zorgteamEmail: 'regenboog@school.example', zorgteamDate: '2026-11-20' },
];

beforeAll(() => {
	// what n8n's loader registers for a usableAsTool node: the same node under "<name>Tool"
	const pkg = loadPackage();
	pkg.nodes.set(TOOL_TYPE, pkg.nodes.get(`${PACKAGE_NAME}.deadlineMonitor`)!);
});

/** A workflow whose one node is the Deadline Monitor's tool variant (version 1.3, as a node added today). */
function toolWorkflow(parameters: IDataObject) {
	const w = singleNodeWorkflow('deadlineMonitorTool', { referenceDate: '2026-11-26', ...parameters }, { typeVersion: 1.3 });
	return { ...w, settings: { executionOrder: 'v1' } };
}

describe('Deadline Monitor as an AI agent\'s tool', () => {
	it('Check Cases answers with pseudonymous case data: the BSN, name and remark stay behind', async () => {
		const r = await runWorkflow(toolWorkflow({}), { input: CASES, mode: 'trigger' });
		expect(r.error).toBeUndefined();
		const out = r.output(NODE);
		expect(out[0].map((i) => i.json.caseRef)).toEqual(['C-1']); // overdue
		expect(out[2].map((i) => i.json.caseRef)).toEqual(['C-2']); // on track
		for (const item of out.flat()) {
			expect(Object.keys(item.json)).not.toEqual(expect.arrayContaining(['bsn']));
			expect(item.json).not.toHaveProperty('naam');
			expect(item.json).not.toHaveProperty('opmerking');
		}
		assertNoPersonalData(out, 'tool output');
		expect(JSON.stringify(out)).not.toContain('moeder');
	});

	it('Alert Only on Status Change refuses to run for an agent: an agent must not decide what counts as sent', async () => {
		const r = await runWorkflow(toolWorkflow({ alertOnce: true }), { input: CASES, mode: 'trigger' });
		expect(r.error?.message).toBe('Alert Only on Status Change cannot run as an AI agent\'s tool');
		expect(r.error?.description).toContain('AI agents');
	});

	it('Confirm Delivery refuses to run for an agent', async () => {
		const r = await runWorkflow(toolWorkflow({ operation: 'confirmDelivery' }), { input: [{ accepted: ['x@school.example'] }], mode: 'trigger' });
		expect(r.error?.message).toBe('Confirm Delivery cannot run as an AI agent\'s tool');
	});

	it('the same node, not as a tool, keeps its memory (the guard is the tool variant only)', async () => {
		const w = toolWorkflow({ alertOnce: true });
		w.nodes.find((n) => n.name === NODE)!.type = `${PACKAGE_NAME}.deadlineMonitor`;
		const r = await runWorkflow(w, { input: CASES, mode: 'trigger' });
		expect(r.error).toBeUndefined();
	});
});
