/**
 * A minimal stand-in for n8n's execution (or trigger) context, for table tests of the settings readers
 * (`actions/<operation>.settings.ts`). The node's parameters are what the editor stores for `given` at
 * `typeVersion`: n8n's own `NodeHelpers.getNodeParameters` fills in the defaults of every parameter shown
 * (and leaves out the hidden ones), as the editor does; `getNodeParameter` then reads them as n8n does
 * (a dotted path into the stored values, or the fallback when absent). No expressions are resolved.
 */
import {
	NodeHelpers,
	type ICredentialDataDecryptedObject,
	type IDataObject,
	type IExecuteFunctions,
	type INode,
	type INodeParameters,
	type INodeType,
	type ITriggerFunctions,
	type NodeExecutionHint,
} from 'n8n-workflow';

/** n8n's reading of a stored parameter: a dotted path into the values, or the fallback when a step is absent. */
function get(values: INodeParameters, path: string, fallback: unknown): unknown {
	let at: unknown = values;
	for (const step of path.split('.')) {
		if (at === null || typeof at !== 'object' || !(step in at)) return fallback;
		at = (at as Record<string, unknown>)[step];
	}
	return at === undefined ? fallback : at;
}

export interface StandInOptions {
	/** Input items (default: one empty item). */
	items?: IDataObject[];
	/** Credentials by type name. */
	credentials?: Record<string, ICredentialDataDecryptedObject>;
	/** The workflow's time zone (default Europe/Amsterdam). */
	timezone?: string;
}

/** The parameters n8n stores for a node of `type` at `typeVersion` whose user set `given`. */
export function storedParameters(type: INodeType, typeVersion: number, given: INodeParameters): INodeParameters {
	const d = type.description;
	return NodeHelpers.getNodeParameters(d.properties, given, true, false, { typeVersion }, d) ?? {};
}

function nodeOf(type: INodeType, typeVersion: number, given: INodeParameters): INode {
	return {
		id: 'settings-test',
		name: type.description.displayName,
		type: `n8n-nodes-jeugdhulp-onderwijs.${type.description.name}`,
		typeVersion,
		position: [0, 0],
		parameters: storedParameters(type, typeVersion, given),
	};
}

/** An IExecuteFunctions stand-in: enough for the settings readers and the input layer they are given. */
export function executeContext(type: INodeType, typeVersion: number, given: INodeParameters, options: StandInOptions = {}): IExecuteFunctions & { hints: NodeExecutionHint[] } {
	const node = nodeOf(type, typeVersion, given);
	const items = (options.items ?? [{}]).map((json) => ({ json }));
	const hints: NodeExecutionHint[] = [];
	const ctx = {
		hints,
		getNode: () => node,
		getNodeParameter: (name: string, _itemIndex: number, fallback?: unknown) => get(node.parameters, name, fallback),
		getInputData: () => items,
		getTimezone: () => options.timezone ?? 'Europe/Amsterdam',
		getMode: () => 'trigger',
		continueOnFail: () => false,
		addExecutionHints: (...h: NodeExecutionHint[]) => hints.push(...h),
		getCredentials: async (name: string) => {
			const c = options.credentials?.[name];
			if (!c) throw new Error(`no credential ${name}`);
			return c;
		},
		getExecutionCancelSignal: () => undefined,
	};
	return ctx as unknown as IExecuteFunctions & { hints: NodeExecutionHint[] };
}

/** An ITriggerFunctions stand-in for the trigger's settings reader (`getNodeParameter(name, fallback)`). */
export function triggerContext(type: INodeType, typeVersion: number, given: INodeParameters): ITriggerFunctions {
	const node = nodeOf(type, typeVersion, given);
	const ctx = {
		getNode: () => node,
		getNodeParameter: (name: string, fallback?: unknown) => get(node.parameters, name, fallback),
		getTimezone: () => 'Europe/Amsterdam',
		getMode: () => 'trigger',
	};
	return ctx as unknown as ITriggerFunctions;
}
