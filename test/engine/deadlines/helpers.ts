/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test code, not shipped in dist */
import * as path from 'node:path';
import { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { loadWorkflow, RunResult } from '../../helpers/engine';
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
