/**
 * What a node may do when n8n's AI Agent runs it as a tool (issue 23 part 6; docs/privacy.md "AI agents").
 * n8n offers every node with `usableAsTool` as a "<Node> Tool" variant: the same node and execute(), under
 * the type name `<package>.<name>Tool`. An agent sends a tool's inputs and outputs through its language
 * model, usually a service outside the organisation, and decides itself when to call it.
 * Only the Deadline Monitor is offered (it reads pseudonymous case data); as a tool it never changes what the
 * package remembers (alert memory, delivery confirmations): an agent must not decide that an alert was sent.
 */
import { INode, NodeOperationError } from 'n8n-workflow';

/** Whether the node runs as the tool variant n8n makes for its AI Agent. */
export function isAiTool(node: Pick<INode, 'type'>): boolean {
	return node.type.endsWith('Tool');
}

/**
 * Refuse a step that changes the package's memory when run by an AI agent.
 * @throws NodeOperationError (configuration) naming the step, when the node is the tool variant
 */
export function refuseAsAiTool(node: INode, what: string): void {
	if (!isAiTool(node)) return;
	throw new NodeOperationError(node, `${what} cannot run as an AI agent's tool`, {
		description:
			'An AI agent decides itself when to call a tool: it must not decide which alerts count as sent. Use the Deadline Monitor node itself in the workflow for this (docs/privacy.md "AI agents").',
	});
}
