/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test code, not shipped in dist */
import * as path from 'node:path';
import { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { loadWorkflow, RunResult, WorkflowJson } from '../../helpers/engine';
import { assertNoPersonalData } from '../../helpers/privacy';
import { sampleCaseRows } from '../../helpers/sampleKpis';

export const NODE = 'Deadline Monitor';
export const fixture = (name: string) => loadWorkflow(path.join('test/engine/deadlines/fixtures', `${name}.workflow.json`));

/** The sample spreadsheet's rows (CSV twin of sample-data/cases.xlsx), as Extract from File gives them. */
export const sampleCases = (): IDataObject[] => sampleCaseRows();

export const refs = (items: INodeExecutionData[] | undefined) => (items ?? []).map((i) => i.json.caseRef ?? i.json.Casusnummer);
export const paired = (items: INodeExecutionData[]) =>
	items.flatMap((i) => (Array.isArray(i.pairedItem) ? i.pairedItem : [i.pairedItem])).map((p) => (p as { item: number }).item);

/** Every output item and error message of the node contains no personal data. */
export function assertPrivate(result: RunResult, node = NODE): void {
	const task = result.taskData(node);
	if (task?.data) assertNoPersonalData(task.data, `${node} output`);
	if (result.error) assertNoPersonalData(`${result.error.message} ${result.error.description ?? ''}`, 'run error');
}

/**
 * The weekly alert example's own Deadline Monitor (workflows/deadline-alerts.json) after a test source,
 * its parameters unchanged but for a pinned Reference Date, the memory off (every day judged afresh, as
 * on a first run) and `overrides`.
 */
export function exampleMonitor(reference: string, overrides: IDataObject = {}): WorkflowJson {
	const example = loadWorkflow('workflows/deadline-alerts.json');
	const monitor = example.nodes.find((n) => n.name === NODE)!;
	return {
		name: 'deadline-alerts.json, Deadline Monitor only',
		nodes: [
			{ id: 'src', name: 'Cases', type: 'test.source', typeVersion: 1, position: [0, 0], parameters: {} },
			{ ...monitor, parameters: { ...monitor.parameters, referenceDate: reference, alertOnce: false, ...overrides } },
		],
		connections: { Cases: { main: [[{ node: NODE, type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
	};
}
