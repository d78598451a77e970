/**
 * Real-engine test harness: runs a workflow JSON (n8n's export format) through n8n-core's real
 * `WorkflowExecute`, with this package's nodes loaded from the BUILD (dist/, via package.json's
 * `n8n.nodes`, as n8n loads a community package). Real expressions, real `onError` handling,
 * real paired items. Written for this project; n8n's own NodeTestHarness is not used.
 *
 * Besides our nodes, the harness knows one test node type, `test.source`: a pass-through that
 * emits the items given to `runWorkflow({ input })`. Fixture workflows start from it.
 */
import * as path from 'node:path';
import * as fs from 'node:fs';
import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import {
	createRunExecutionData,
	ICredentialDataDecryptedObject,
	ICredentialsHelper,
	IDataObject,
	IExecuteFunctions,
	INode,
	INodeCredentialsDetails,
	INodeExecutionData,
	INodeType,
	INodeTypes,
	IRun,
	IRunExecutionData,
	ITaskData,
	IVersionedNodeType,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
	NodeConnectionTypes,
	NodeHelpers,
	Workflow,
	WorkflowExecuteMode,
	ICredentialType,
	INodeProperties,
	IConnections,
} from 'n8n-workflow';

export const PACKAGE_NAME = 'n8n-nodes-jeugdhulp-onderwijs';
/** The repository root; benchmarks compiled to .bench-build/ set JEUGDHULP_REPO_ROOT (scripts/bench.js). */
export const REPO_ROOT = process.env.JEUGDHULP_REPO_ROOT ?? path.resolve(__dirname, '..', '..');

// ---------- loading the built package the way n8n does ----------

export interface LoadedPackage {
	nodes: Map<string, INodeType | IVersionedNodeType>;
	credentials: Map<string, ICredentialType>;
	nodeFiles: Map<string, string>;
	credentialFiles: Map<string, string>;
	/** Entries of package.json whose built file does not exist (the description test requires none). */
	missing: string[];
}

let loaded: LoadedPackage | undefined;

function instantiateExport(file: string): unknown {
	const mod = require(file) as Record<string, new () => unknown>;
	const exported = Object.values(mod).filter((v) => typeof v === 'function');
	if (exported.length !== 1) throw new Error(`${file} should export exactly one class, found ${exported.length}`);
	return new exported[0]();
}

/** Load every node and credential listed in package.json → n8n from dist/. Requires `n8n-node build` first. */
export function loadPackage(): LoadedPackage {
	if (loaded) return loaded;
	const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
		n8n: { nodes: string[]; credentials: string[] };
	};
	const result: LoadedPackage = { nodes: new Map(), credentials: new Map(), nodeFiles: new Map(), credentialFiles: new Map(), missing: [] };
	for (const rel of pkg.n8n.nodes) {
		const file = path.join(REPO_ROOT, rel);
		if (!fs.existsSync(file)) {
			result.missing.push(rel);
			continue;
		}
		const node = instantiateExport(file) as INodeType | IVersionedNodeType;
		result.nodes.set(`${PACKAGE_NAME}.${node.description.name}`, node);
		result.nodeFiles.set(`${PACKAGE_NAME}.${node.description.name}`, file);
	}
	for (const rel of pkg.n8n.credentials) {
		const file = path.join(REPO_ROOT, rel);
		if (!fs.existsSync(file)) {
			result.missing.push(rel);
			continue;
		}
		const cred = instantiateExport(file) as ICredentialType;
		result.credentials.set(cred.name, cred);
		result.credentialFiles.set(cred.name, file);
	}
	loaded = result;
	return result;
}

// ---------- test-only node types ----------

/** Emits its input unchanged; the harness feeds it the test's items. */
class TestSource implements INodeType {
	description = {
		displayName: 'Test Source',
		name: 'source',
		group: ['input'],
		version: 1,
		description: 'Emits the items given by the test',
		defaults: { name: 'Source' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [],
	} as INodeType['description'];

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [this.getInputData().map((item, index) => ({ json: item.json, pairedItem: { item: index } }))];
	}
}

/**
 * Runs a JavaScript function body over all items, like n8n's Code node in "Run Once for All Items"
 * mode (without the task-runner sandbox, which only adds overhead). Used for baselines in benchmarks
 * and for shaping data in fixtures. Parameter `code`: a function body receiving `items`, `luxon` and
 * `require`, returning items. `require` gives Node's `crypto` only, as n8n's Code node does with
 * `NODE_FUNCTION_ALLOW_BUILTIN=crypto` (a baseline that computes keyed pseudonyms needs it).
 */
class TestCode implements INodeType {
	description = {
		displayName: 'Test Code',
		name: 'code',
		group: ['transform'],
		version: 1,
		description: 'Runs JavaScript over all items',
		defaults: { name: 'Code' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [{ displayName: 'Code', name: 'code', type: 'string', default: '' }],
	} as INodeType['description'];

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const code = this.getNodeParameter('code', 0) as string;
		// eslint-disable-next-line @typescript-eslint/no-implied-eval
		const fn = new Function('items', 'luxon', 'require', code) as (items: INodeExecutionData[], luxon: unknown, require: (module: string) => unknown) => INodeExecutionData[];
		return [fn(this.getInputData(), require('luxon'), allowedBuiltin)];
	}
}

/** The `require` a test.code body gets: only `crypto` (n8n's NODE_FUNCTION_ALLOW_BUILTIN=crypto). */
function allowedBuiltin(module: string): unknown {
	if (module !== 'crypto') throw new Error(`test.code: only require('crypto') is allowed, not "${module}"`);
	return require('crypto');
}

const TEST_NODES: Record<string, INodeType> = {
	'test.source': new TestSource(),
	'test.code': new TestCode(),
};

export class PackageNodeTypes implements INodeTypes {
	constructor(private readonly pkg: LoadedPackage) {}

	getByName(nodeType: string): INodeType | IVersionedNodeType {
		const found = this.pkg.nodes.get(nodeType) ?? TEST_NODES[nodeType];
		if (!found) {
			const hint = this.pkg.missing.length ? `; not built: ${this.pkg.missing.join(', ')} (run \`n8n-node build\`)` : '';
			throw new Error(`Unknown node type ${nodeType} (the harness knows this package's built nodes and test.source/test.code${hint})`);
		}
		return found;
	}

	getByNameAndVersion(nodeType: string, version?: number): INodeType {
		return NodeHelpers.getVersionedNodeType(this.getByName(nodeType), version);
	}

	getKnownTypes() {
		return {};
	}
}

// ---------- credentials ----------

class InMemoryCredentialsHelper extends ICredentialsHelper {
	constructor(private readonly store: Record<string, ICredentialDataDecryptedObject>, private readonly pkg: LoadedPackage) {
		super();
	}
	getParentTypes(): string[] {
		return [];
	}
	isCredentialUsableByNode(): boolean {
		return true;
	}
	async authenticate(_c: ICredentialDataDecryptedObject, _t: string, requestOptions: never) {
		return requestOptions;
	}
	async preAuthentication() {
		return undefined;
	}
	async runPreAuthentication() {
		return undefined;
	}
	async getCredentials(): Promise<never> {
		throw new Error('not supported in the harness');
	}
	async getDecrypted(_a: IWorkflowExecuteAdditionalData, nodeCredentials: INodeCredentialsDetails, type: string) {
		const data = this.store[type] ?? (nodeCredentials.id ? this.store[nodeCredentials.id] : undefined);
		if (!data) throw new Error(`No test credentials of type ${type}`);
		return data;
	}
	async updateCredentials() {}
	async updateCredentialsOauthTokenData() {}
	getCredentialsProperties(type: string): INodeProperties[] {
		return this.pkg.credentials.get(type)?.properties ?? [];
	}
}

// ---------- running ----------

export interface WorkflowJson {
	id?: string;
	name?: string;
	nodes: INode[];
	connections: IConnections;
	settings?: IDataObject;
	staticData?: IDataObject;
	pinData?: IDataObject;
}

export interface RunOptions {
	/** Items fed to the start node (default: the node of type `test.source`, else the first node). */
	input?: IDataObject[] | INodeExecutionData[];
	startNode?: string;
	/** Credentials by type name (or credential id). */
	credentials?: Record<string, ICredentialDataDecryptedObject>;
	mode?: WorkflowExecuteMode;
	/** Workflow static data, kept between runs when the same object is passed again. */
	staticData?: IDataObject;
	/** Workflow time zone (settings.timezone). */
	timezone?: string;
}

export interface RunResult {
	run: IRun;
	/** Output items of a node, per output index (first run of the node). */
	output(nodeName: string): INodeExecutionData[][];
	/** JSON of the items on one output of a node. */
	json(nodeName: string, outputIndex?: number): IDataObject[];
	/** The error the execution stopped with, if any. */
	error: IRun['data']['resultData']['error'];
	taskData(nodeName: string): ITaskData | undefined;
	staticData: IDataObject;
}

function toItems(input: IDataObject[] | INodeExecutionData[]): INodeExecutionData[] {
	return input.map((i) =>
		typeof (i as INodeExecutionData).json === 'object' && Object.keys(i).every((k) => ['json', 'binary', 'pairedItem'].includes(k))
			? (i as INodeExecutionData)
			: { json: i as IDataObject },
	);
}

/** Fixture workflows read by `loadWorkflow`, by workflow name (fixture names are unique) → path relative to the repo. */
const fixtureByName = new Map<string, string>();

/**
 * Called after every run of a fixture workflow (one `loadWorkflow` read, also when the test changed it), with the
 * workflow and options as they were before the run (copies: static data is not yet changed by it).
 * Used by test/engine/versions/every-version.test.ts to run the same fixture again at every later node version.
 */
export type FixtureRunObserver = (fixture: string, workflow: WorkflowJson, options: RunOptions, result: RunResult) => Promise<void>;
let fixtureRunObserver: FixtureRunObserver | undefined;

export function observeFixtureRuns(observer: FixtureRunObserver | undefined): void {
	fixtureRunObserver = observer;
}

export async function runWorkflow(workflowJson: WorkflowJson, options: RunOptions = {}): Promise<RunResult> {
	const observer = fixtureRunObserver;
	const fixture = observer && workflowJson.name ? fixtureByName.get(workflowJson.name) : undefined;
	if (!observer || !fixture) return runOnce(workflowJson, options);
	const before = {
		workflow: structuredClone(workflowJson),
		options: { ...options, input: options.input && copy(options.input), staticData: options.staticData && copy(options.staticData) },
	};
	const result = await runOnce(workflowJson, options);
	await observer(fixture, before.workflow, before.options, result);
	return result;
}

/** A deep copy; JSON's when a value cannot be cloned (n8n's observable static data). */
const copy = <T>(value: T): T => {
	try {
		return structuredClone(value);
	} catch {
		return JSON.parse(JSON.stringify(value)) as T;
	}
};

/** One run, never observed (the observer's own runs go here). */
export async function runOnce(workflowJson: WorkflowJson, options: RunOptions = {}): Promise<RunResult> {
	const pkg = loadPackage();
	const nodeTypes = new PackageNodeTypes(pkg);
	const staticData = options.staticData ?? (workflowJson.staticData ? structuredClone(workflowJson.staticData) : {});
	const workflow = new Workflow({
		id: workflowJson.id ?? 'test-workflow',
		name: workflowJson.name ?? 'Test workflow',
		nodes: workflowJson.nodes,
		connections: workflowJson.connections,
		active: false,
		nodeTypes,
		staticData,
		settings: { ...(workflowJson.settings ?? {}), ...(options.timezone ? { timezone: options.timezone } : {}) },
	});
	const mode = options.mode ?? 'manual';
	const hooks = new ExecutionLifecycleHooks(mode, 'test-execution', workflowJson as unknown as IWorkflowBase);
	const additionalData = {
		credentialsHelper: new InMemoryCredentialsHelper(options.credentials ?? {}, pkg),
		hooks,
		restApiUrl: 'http://localhost/rest',
		instanceBaseUrl: 'http://localhost/',
		webhookBaseUrl: 'http://localhost/webhook',
		webhookWaitingBaseUrl: 'http://localhost/webhook-waiting',
		webhookTestBaseUrl: 'http://localhost/webhook-test',
		formBaseUrl: 'http://localhost/form',
		formWaitingBaseUrl: 'http://localhost/form-waiting',
		formTestBaseUrl: 'http://localhost/form-test',
		mcpBaseUrl: 'http://localhost/mcp',
		mcpTestBaseUrl: 'http://localhost/mcp-test',
		variables: {},
		currentNodeExecutionIndex: 0,
		executeWorkflow: async () => {
			throw new Error('Sub-workflows are not supported in the harness');
		},
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		logAiEvent: () => {},
		startRunnerTask: async () => {
			throw new Error('Task runners are not available in the harness');
		},
	} as unknown as IWorkflowExecuteAdditionalData;

	const startNodeName =
		options.startNode ?? workflowJson.nodes.find((n) => n.type === 'test.source')?.name ?? workflowJson.nodes[0].name;
	const startNode = workflow.getNode(startNodeName);
	if (!startNode) throw new Error(`Start node ${startNodeName} not found`);

	const executor = new WorkflowExecute(additionalData, mode, createRunExecutionData());
	const run = await executor.run({
		workflow,
		startNode,
		triggerToStartFrom: {
			name: startNodeName,
			data: {
				startTime: 0,
				executionTime: 0,
				executionIndex: 0,
				source: [],
				data: { main: [toItems(options.input ?? [{}])] },
			} as unknown as ITaskData,
		},
	});

	const runData = (run.data as IRunExecutionData).resultData.runData;
	const taskData = (name: string) => runData[name]?.[0];
	const output = (name: string) => {
		const task = taskData(name);
		if (!task) throw new Error(`Node "${name}" did not run${run.data.resultData.error ? `: ${run.data.resultData.error.message}` : ''}`);
		return (task.data?.main ?? []).map((items) => items ?? []);
	};
	return {
		run,
		output,
		json: (name, outputIndex = 0) => (output(name)[outputIndex] ?? []).map((i) => i.json),
		error: run.data.resultData.error,
		taskData,
		staticData: workflow.staticData as IDataObject,
	};
}

/** Read a fixture workflow from test/engine/fixtures (or any path relative to the repo). */
export function loadWorkflow(relativePath: string): WorkflowJson {
	const file = path.isAbsolute(relativePath) ? relativePath : path.join(REPO_ROOT, relativePath);
	const workflow = JSON.parse(fs.readFileSync(file, 'utf8')) as WorkflowJson;
	if (workflow.name) fixtureByName.set(workflow.name, path.relative(REPO_ROOT, file));
	return workflow;
}

/** Build a minimal workflow: test.source → one node of ours (→ nothing). */
export function singleNodeWorkflow(
	nodeName: string,
	parameters: IDataObject,
	extra: Partial<INode> = {},
): WorkflowJson {
	return {
		nodes: [
			{ id: 's', name: 'Source', type: 'test.source', typeVersion: 1, position: [0, 0], parameters: {} },
			{
				id: 'n',
				name: 'Node',
				type: `${PACKAGE_NAME}.${nodeName}`,
				typeVersion: 1,
				position: [200, 0],
				parameters: parameters as INode['parameters'],
				...extra,
			},
		],
		connections: { Source: { main: [[{ node: 'Node', type: 'main', index: 0 }]] } },
	};
}
