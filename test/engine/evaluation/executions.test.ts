/**
 * The trigger's adapter for "a crash must not lose the evaluation, nor double it" (issue 23 part 3), in
 * n8n-core's real TriggerContext with the shared memory on a stand-in of n8n's public API
 * (test/helpers/fakeN8nApi.ts: Data Tables and executions). The emit's donePromise is resolved by the
 * test with the run n8n would report; a "restart" is a new context on the same API. The decision rule
 * itself is tested in test/unit/evaluation/runs.test.ts; the real proof is test/e2e/queue-mode.e2e.test.ts.
 */
import { TriggerContext } from 'n8n-core';
import {
	ICredentialDataDecryptedObject,
	ICredentialsHelper,
	IDataObject,
	INode,
	INodeExecutionData,
	INodeType,
	INodeTypes,
	IRun,
	ITriggerResponse,
	IWorkflowExecuteAdditionalData,
	sleep,
	Workflow,
} from 'n8n-workflow';
import { DateTime } from 'luxon';

import { loadPackage, loadWorkflow, PACKAGE_NAME } from '../../helpers/engine';
import { FakeN8nApi } from '../../helpers/fakeN8nApi';

const TYPE = `${PACKAGE_NAME}.evaluationTrigger`;
const MOMENT = DateTime.fromISO('2026-02-02T09:00', { zone: 'Europe/Amsterdam' }).toMillis();
const WORKFLOW_ID = 'evaluation-crashes';

/** n8n's deferred promise (the emit's donePromise), as far as the test uses it. */
type Deferred<T> = { promise: Promise<T>; resolve(value: T): void };

interface Emit {
	items: IDataObject[];
	key?: string;
	done?: Deferred<IRun>;
}

let api: FakeN8nApi;
let clock = 0;
beforeEach(async () => {
	api = await new FakeN8nApi().start();
	clock = MOMENT;
	jest.spyOn(Date, 'now').mockImplementation(() => clock);
});
afterEach(async () => {
	jest.restoreAllMocks();
	await api.stop();
});

/** A workflow: the trigger (two schools, shared memory) → Wait → Send Email. */
function workflowJson(settings: IDataObject = {}) {
	const wf = loadWorkflow('test/engine/evaluation/fixtures/defaults-two-schools.workflow.json');
	wf.nodes[0].credentials = { sharedMemoryApi: { id: 'shared-memory', name: 'Shared memory' } };
	wf.nodes.push(
		{ id: 'wait', name: 'Slow step', type: 'n8n-nodes-base.wait', typeVersion: 1.1, position: [200, 0], parameters: {} },
		{ id: 'mail', name: 'E-mail zorgteam', type: 'n8n-nodes-base.emailSend', typeVersion: 2.1, position: [400, 0], parameters: {} },
	);
	wf.connections = {
		'Semiannual Evaluation Trigger': { main: [[{ node: 'Slow step', type: 'main', index: 0 }]] },
		'Slow step': { main: [[{ node: 'E-mail zorgteam', type: 'main', index: 0 }]] },
	};
	wf.settings = { ...(wf.settings ?? {}), ...settings };
	return wf;
}

/** Start the trigger (activation or restart) at clock time `now`; every emit becomes an execution n8n lists as running. */
async function start(now: number, staticData: IDataObject, settings: IDataObject = {}) {
	clock = now;
	const wf = workflowJson(settings);
	const pkg = loadPackage();
	const nodeType = pkg.nodes.get(TYPE) as INodeType;
	const nodeTypes: INodeTypes = { getByName: () => nodeType, getByNameAndVersion: () => nodeType, getKnownTypes: () => ({}) };
	const workflow = new Workflow({ id: WORKFLOW_ID, name: wf.name, nodes: wf.nodes, connections: wf.connections, active: true, nodeTypes, staticData, settings: wf.settings });
	const credentialsHelper = {
		getDecrypted: async (): Promise<ICredentialDataDecryptedObject> => api.credentials(),
		getParentTypes: () => [],
		isCredentialUsableByNode: () => true,
	} as unknown as ICredentialsHelper;
	const emits: Emit[] = [];
	const ctx = new TriggerContext(
		workflow,
		workflow.getNode(wf.nodes[0].name) as INode,
		{ credentialsHelper } as unknown as IWorkflowExecuteAdditionalData,
		'trigger',
		'init',
		(data: INodeExecutionData[][], _response, done, key) => {
			emits.push({ items: data[0].map((i) => i.json), key, done: done as Deferred<IRun> | undefined });
			api.executions.push({ id: String(100 + api.executions.length), workflowId: WORKFLOW_ID, mode: 'trigger', status: 'running', deduplicationKey: key, local: true });
		},
		() => undefined,
		undefined,
		{ registerCron: () => undefined },
	);
	const response = await (nodeType.trigger as (this: unknown) => Promise<ITriggerResponse>).call(ctx);
	return { emits, response };
}

const run = (status: IRun['status'], runData: IDataObject = {}): IRun =>
	({ status, finished: status === 'success', mode: 'trigger', startedAt: new Date(), data: { resultData: { runData } } }) as unknown as IRun;

const rows = (event: string) => api.rows('jeugdhulp_evaluation_moments').filter((r) => r.event === event);

/** Let the adapter's background work (store calls, the lookup of the execution id) settle. */
const settle = (ms = 600) => sleep(ms);

describe('a fired moment counts as held only after an execution that really finished (issue 23 part 3)', () => {
	it('an execution that ended in error before its mail (a worker killed): fired again at once, as attempt 2; that one crashing too: never a third', async () => {
		const { emits, response } = await start(MOMENT, {});
		expect(emits).toHaveLength(1);
		expect(emits[0].key).toMatch(/:1$/);
		await settle(1500); // the trigger looks up and records the execution's id
		expect(api.rows('jeugdhulp_evaluation_runs').filter((r) => r.event === 'started').map((r) => r.execution)).toEqual(['100', '100']);
		api.executions[0].status = 'error';
		emits[0].done!.resolve(run('error', { 'Slow step': [{}] }));
		await settle();
		expect(rows('done')).toHaveLength(0);
		expect(emits).toHaveLength(2);
		expect(emits[1].key).toMatch(/:2$/);
		expect(emits[1].items.map((i) => i.brin)).toEqual(['12AB', '34CD01']);
		api.executions[1].status = 'error';
		emits[1].done!.resolve(run('crashed'));
		await settle();
		expect(emits).toHaveLength(2); // the retry budget is spent: never a third run
		expect(rows('done')).toHaveLength(0);
		await response.closeFunction?.();
	});

	it('an execution that succeeded: done, nothing fired again; a restart fires nothing', async () => {
		const staticData = {};
		const first = await start(MOMENT, staticData);
		first.emits[0].done!.resolve(run('success'));
		await settle();
		expect(rows('done').map((r) => r.attempt)).toEqual([1, 1]);
		await first.response.closeFunction?.();
		const again = await start(MOMENT + 60_000, staticData);
		expect(again.emits).toHaveLength(0);
		await again.response.closeFunction?.();
	});

	it('an execution that failed after its mail went out: done, not sent again', async () => {
		const { emits, response } = await start(MOMENT, {});
		emits[0].done!.resolve(run('error', { 'Slow step': [{}], 'E-mail zorgteam': [{ executionStatus: 'success' }] }));
		await settle();
		expect(rows('done')).toHaveLength(2);
		expect(emits).toHaveLength(1);
		await response.closeFunction?.();
	});
});

describe('the main instance restarted while the execution ran elsewhere', () => {
	it('still running on a worker: nothing fired at the restart; when it succeeds, done — one execution in all', async () => {
		const staticData = {};
		const first = await start(MOMENT, staticData);
		await settle(1500);
		await first.response.closeFunction?.(); // main killed: its donePromise never resolves
		api.executions[0].local = false; // a new main process: n8n lists it again
		const restarted = await start(MOMENT + 30_000, staticData);
		expect(restarted.emits).toHaveLength(0);
		api.executions[0].status = 'success';
		await settle(6500); // the trigger reads the running execution every 5 s
		expect(rows('done')).toHaveLength(2);
		expect(restarted.emits).toHaveLength(0);
		await restarted.response.closeFunction?.();
	});

	/** Main killed before it recorded the execution's id; at the restart n8n says `status` about that execution. */
	async function restartWithoutRecordedId(status: string) {
		const staticData = {};
		const first = await start(MOMENT, staticData);
		await first.response.closeFunction?.();
		await settle(100);
		api.tables.forEach((t) => {
			if (t.name === 'jeugdhulp_evaluation_runs') t.rows = t.rows.filter((r) => r.event !== 'started');
		});
		Object.assign(api.executions[0], { status, local: false });
		return start(MOMENT + 30_000, staticData);
	}

	it('found by its deduplication key when the id was never recorded: still running → nothing fired', async () => {
		const restarted = await restartWithoutRecordedId('running');
		expect(restarted.emits).toHaveLength(0);
		await restarted.response.closeFunction?.();
	});

	it('found by its deduplication key when the id was never recorded; crashed without sending: fired once more', async () => {
		const restarted = await restartWithoutRecordedId('crashed');
		expect(restarted.emits).toHaveLength(1);
		expect(restarted.emits[0].key).toMatch(/:2$/);
		await restarted.response.closeFunction?.();
	});

	it('the recorded execution is gone (n8n deleted it when it ended well, keeping failed ones): done, nothing fired', async () => {
		const staticData = {};
		const first = await start(MOMENT, staticData);
		await settle(1500);
		await first.response.closeFunction?.();
		api.executions = []; // a successful execution of a workflow that keeps none
		const restarted = await start(MOMENT + 30_000, staticData);
		expect(restarted.emits).toHaveLength(0);
		expect(rows('done')).toHaveLength(2);
		await restarted.response.closeFunction?.();
	});

	it('the same, in a workflow that keeps no failed executions either: it may have died, so it is fired once more', async () => {
		const staticData = {};
		const first = await start(MOMENT, staticData, { saveDataErrorExecution: 'none' });
		await settle(1500);
		await first.response.closeFunction?.();
		api.executions = [];
		const restarted = await start(MOMENT + 30_000, staticData, { saveDataErrorExecution: 'none' });
		expect(restarted.emits).toHaveLength(1);
		await restarted.response.closeFunction?.();
	});
});
