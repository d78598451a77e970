/**
 * End-to-end harness: a real n8n 2.41.1 with this package installed as a community package,
 * plus maildev (SMTP + inbox) and the local case-system API. Same code as `npm start`
 * (scripts/runtime/*.js), but on free ports in a temporary user folder.
 *
 * Usage in a test file:
 *
 *   import { startRuntime, E2ERuntime } from './runtime';
 *   let rt: E2ERuntime;
 *   beforeAll(async () => { rt = await startRuntime(); });
 *   afterAll(async () => { await rt?.stop(); });
 *
 * Run through scripts/test-e2e.sh, one runtime is started for the whole jest run
 * (support/global-setup.ts) and every test file attaches to it; `stop()` is then a no-op and the
 * global teardown ends it. Run plainly (`jest -c jest.e2e.config.js …`), each file starts its own.
 * Either way nothing survives the run: stop() in afterAll, and a watchdog process (reaper.js)
 * kills the services if the jest process dies.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

// The runtime modules are plain CommonJS shared with `npm start`.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const runtimeJs = require('../../scripts/runtime/runtime.js');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const configJs = require('../../scripts/runtime/config.js');

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
/** Environment variable holding the runtime.json path of the shared runtime (set by global-setup). */
export const STATE_ENV = 'JEUGDHULP_E2E_RUNTIME';
/** Test-only workflows (imported next to workflows/) and their data (copied to <dataDir>/e2e). */
export const E2E_WORKFLOWS_DIR = path.join(__dirname, 'support', 'workflows');
export const E2E_DATA_DIR = path.join(__dirname, 'support', 'data');

export interface Mail {
	id: string;
	from?: string;
	to: string[];
	cc: string[];
	/** Reply-To addresses (empty when the mail has none). */
	replyTo: string[];
	subject: string;
	text?: string;
	html?: string;
	date?: string;
	attachments: Array<{ fileName?: string; generatedFileName?: string; contentType?: string }>;
}

export interface CaseRequest {
	method: string;
	path: string;
	query: Record<string, string>;
	/** How the request authenticated: 'apiKey', 'bearerToken' or null (rejected with 401). */
	auth: 'apiKey' | 'bearerToken' | null;
	body: unknown;
	status: number;
	receivedAt: string;
}

/** Items of one node output as n8n stores them. */
export interface NodeRun {
	startTime?: number;
	executionStatus?: string;
	error?: { message: string; description?: string; [k: string]: unknown };
	data?: { main?: Array<Array<{ json: Record<string, unknown>; pairedItem?: unknown }> | null> };
}

/** Parsed result of `n8n execute` (the run data n8n prints). */
export interface RunOutput {
	data?: { resultData?: { runData?: Record<string, NodeRun[]>; error?: { message: string; [k: string]: unknown }; lastNodeExecuted?: string } };
	status?: string;
	[k: string]: unknown;
}

export interface ExecuteResult {
	/** 0 when the workflow succeeded, 1 when a node failed. */
	exitCode: number;
	/** The run data, when n8n printed it. */
	output?: RunOutput;
	stdout: string;
	stderr: string;
}

export interface E2ERuntime {
	userFolder: string;
	/** Folder n8n may read/write (N8N_RESTRICT_FILE_ACCESS_TO); sample-data/ and e2e/ are copied in. */
	dataDir: string;
	/** The day the sample data in <dataDir>/sample-data was made for (YYYY-MM-DD; scripts/sample-data/generate.js). */
	sampleDate: string;
	urls: { editor: string; inbox: string; caseApi: string; smtp: string };
	ports: { n8n: number; broker: number; caseApi: number; smtp: number; mailWeb: number };
	owner: { email: string; password: string; firstName: string; lastName: string };
	workflows: Array<{ id: string; name: string; file: string }>;
	/** Node types of our package that n8n loaded, e.g. {name: 'n8n-nodes-jeugdhulp-onderwijs.recordCleaner', displayName: 'Record Cleaner'}. */
	nodes: Array<{ name: string; displayName: string }>;
	/** `n8n execute --id=<id>`: runs a workflow from its Manual Trigger in a separate n8n process. */
	executeWorkflow(id: string): Promise<ExecuteResult>;
	/** Activate a trigger workflow in the running server (editor REST call). */
	publishWorkflow(id: string): Promise<unknown>;
	unpublishWorkflow(id: string): Promise<unknown>;
	/** Executions the server stored for a workflow (e.g. of a published trigger workflow). */
	executions(workflowId: string): Promise<Array<Record<string, unknown>>>;
	/** Cookie header of a logged-in owner session, for your own fetch() calls to n8n. */
	session(): Promise<string>;
	/** Authenticated call to n8n's internal REST API (/rest/...). */
	rest(method: string, route: string, body?: unknown): Promise<any>;
	mails(): Promise<Mail[]>;
	clearMails(): Promise<void>;
	/** Forget what one workflow's Deadline Monitors remember (alert once), so its next run alerts as a first run; → rows deleted. */
	forgetAlertMemory(workflowId: string): Promise<number>;
	caseRequests(): Promise<CaseRequest[]>;
	cases(): Promise<Array<Record<string, unknown>>>;
	resetCaseApi(): Promise<void>;
	stop(): Promise<void>;
}

/** Start a runtime owned by the caller (temporary folder, free ports). */
export async function startOwnRuntime(log: (m: string) => void = (m) => process.stderr.write(`${m}\n`)): Promise<E2ERuntime> {
	const userFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'jeugdhulp-e2e-'));
	return runtimeJs.startRuntime({
		userFolder,
		temporary: process.env.JEUGDHULP_E2E_KEEP !== '1',
		freePorts: true,
		build: process.env.JEUGDHULP_SKIP_BUILD !== '1',
		workflowsDirs: [path.join(REPO_ROOT, 'workflows'), E2E_WORKFLOWS_DIR],
		extraDataDirs: { e2e: E2E_DATA_DIR },
		log,
	});
}

/**
 * The runtime for a test file: attaches to the shared one when global-setup started it,
 * otherwise starts one for this file (call stop() in afterAll).
 */
export async function startRuntime(): Promise<E2ERuntime> {
	const stateFile = process.env[STATE_ENV];
	if (stateFile && fs.existsSync(stateFile)) return runtimeJs.attachRuntime(stateFile);
	return startOwnRuntime();
}

/** Items a node produced on output `outputIndex` in the last run of that node. */
export function nodeItems(result: ExecuteResult, nodeName: string, outputIndex = 0): Array<Record<string, unknown>> {
	const runs = result.output?.data?.resultData?.runData?.[nodeName];
	if (!runs?.length) return [];
	const out = runs[runs.length - 1].data?.main?.[outputIndex];
	return (out ?? []).map((i) => i.json);
}

/** The error a node (or the run) reported, if any. */
export function runError(result: ExecuteResult, nodeName?: string): { message: string; [k: string]: unknown } | undefined {
	const rd = result.output?.data?.resultData;
	if (nodeName) {
		const runs = rd?.runData?.[nodeName];
		return runs?.[runs.length - 1]?.error;
	}
	return rd?.error;
}

/** Conventions shared with workflow authors (see docs/runtime.md). */
export const conventions = {
	credentials: configJs.CREDENTIALS as Record<'smtp' | 'caseSystem', { id: string; name: string; type: string }>,
	dataDirPlaceholder: configJs.DATA_DIR_PLACEHOLDER as string,
	packageName: configJs.PACKAGE_NAME as string,
};
