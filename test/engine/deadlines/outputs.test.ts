/** The outputs the editor shows: they depend on the operation, "Alert Only on Status Change" and On Error. */
import { INode, INodeType, NodeHelpers, Workflow, INodeTypes, IVersionedNodeType, INodeOutputConfiguration } from 'n8n-workflow';

import { loadPackage, PACKAGE_NAME } from '../../helpers/engine';

const TYPE = `${PACKAGE_NAME}.deadlineMonitor`;

function outputNames(parameters: INode['parameters'], onError?: INode['onError']): string[] {
	const pkg = loadPackage();
	const nodeType = pkg.nodes.get(TYPE) as INodeType;
	const nodeTypes: INodeTypes = {
		getByName: () => nodeType as INodeType | IVersionedNodeType,
		getByNameAndVersion: () => nodeType,
		getKnownTypes: () => ({}),
	};
	const node: INode = { id: 'n', name: 'Deadline Monitor', type: TYPE, typeVersion: 1, position: [0, 0], parameters, ...(onError ? { onError } : {}) };
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	const outputs = NodeHelpers.getNodeOutputs(workflow, workflow.getNode(node.name)!, nodeType.description);
	return outputs.map((o) => (typeof o === 'string' ? o : ((o as INodeOutputConfiguration).displayName as string) ?? o.type));
}

describe('Deadline Monitor outputs', () => {
	it('Check Cases: Overdue, Due Soon, On Track, Closed — also when the operation is left at its default', () => {
		expect(outputNames({})).toEqual(['Overdue', 'Due Soon', 'On Track', 'Closed']);
		expect(outputNames({ operation: 'checkCases' })).toEqual(['Overdue', 'Due Soon', 'On Track', 'Closed']);
	});

	it('adds Unchanged with Alert Only on Status Change', () => {
		expect(outputNames({ alertOnce: true })).toEqual(['Overdue', 'Due Soon', 'On Track', 'Closed', 'Unchanged']);
	});

	it('Calculate KPIs has one output', () => {
		expect(outputNames({ operation: 'calculateKpis', alertOnce: true })).toEqual(['KPIs']);
	});

	it('n8n adds the Error output after ours with On Error = error output', () => {
		expect(outputNames({}, 'continueErrorOutput')).toEqual(['Overdue', 'Due Soon', 'On Track', 'Closed', 'Error']);
	});
});
