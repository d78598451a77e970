/**
 * The alert outbox (node version 1.3, issue 23) through the real engine: Deadline Monitor (Check Cases,
 * alert once, grouped per zorgteam) → a Send Email stand-in that can fail → Confirm Delivery. A case counts
 * as alerted only once its mail went out: a run that fails at the mail step leaves its alerts unconfirmed,
 * and the next run sends them again, once. Shared memory through the n8n API stand-in
 * (test/helpers/fakeN8nApi.ts) and the static-data memory; the real n8n is in test/e2e/delivery.e2e.test.ts.
 */
import { IDataObject, INodeType, NodeHelpers } from 'n8n-workflow';

import { loadPackage, PACKAGE_NAME, runWorkflow, RunOptions, WorkflowJson } from '../../helpers/engine';
import { FakeN8nApi } from '../../helpers/fakeN8nApi';
import { assertNoPersonalData } from '../../helpers/privacy';
import { fixture, NODE } from './helpers';

const OUTBOX = 'jeugdhulp_alert_outbox';
// reference date 2026-11-26 (fixed in the fixture); two zorgteams
const CASES: IDataObject[] = [
	{ caseRef: 'C-1', zorgteam: 'Regenboog', zorgteamEmail: 'regenboog@school.example', zorgteamDate: '2026-09-01' }, // overdue (deadline 27-10)
	{ caseRef: 'C-2', zorgteam: 'Regenboog', zorgteamEmail: 'regenboog@school.example', zorgteamDate: '2026-10-10' }, // due soon (deadline 05-12)
	{ caseRef: 'C-3', zorgteam: 'Baken', zorgteamEmail: 'baken@school.example', zorgteamDate: '2026-09-20' }, // overdue (deadline 15-11)
	{ caseRef: 'C-4', zorgteam: 'Baken', zorgteamEmail: 'baken@school.example', zorgteamDate: '2026-11-20' }, // on track: not mailed
];

interface Smtp {
	down: boolean;
	sent: IDataObject[];
}
const smtp = (): Smtp => (globalThis as unknown as { __jeugdhulpSmtp: Smtp }).__jeugdhulpSmtp;
/** Case references in the mails sent so far, in order. */
const mailed = () => smtp().sent.flatMap((m) => (m.cases as IDataObject[]).map((c) => c.caseRef as string));

let api: FakeN8nApi;
beforeEach(async () => {
	(globalThis as unknown as { __jeugdhulpSmtp: Smtp }).__jeugdhulpSmtp = { down: false, sent: [] };
	api = await new FakeN8nApi().start();
});
afterEach(async () => {
	await api.stop();
});

const withShared = (extra: RunOptions = {}): RunOptions => ({ mode: 'trigger', credentials: { sharedMemoryApi: api.credentials() }, ...extra });
const run = (w: WorkflowJson, options: RunOptions) => runWorkflow(w, { input: CASES, ...options });

/** The fixture with "Resend Unconfirmed After" set (minutes). */
function outboxWorkflow(resendAfterMinutes?: number): WorkflowJson {
	const w = fixture('check-cases.outbox-send-confirm');
	if (resendAfterMinutes !== undefined) w.nodes[1].parameters.resendAfterMinutes = resendAfterMinutes;
	return w;
}

describe('alert outbox: a case counts as alerted once its mail went out (shared memory)', () => {
	it('a run whose mail step fails confirms nothing; the next run sends those alerts again, once; a third run sends none', async () => {
		const w = outboxWorkflow();
		// the failed run's claims are an hour old when the next run looks (past "Resend Unconfirmed After", 10 min)
		api.now = () => new Date(Date.now() - 60 * 60_000);
		smtp().down = true;
		const failed = await run(w, withShared());
		expect(failed.error?.message).toContain('Connection refused');
		expect(mailed()).toEqual([]);
		const afterFailure = api.rows(OUTBOX);
		expect(afterFailure.filter((r) => r.claim === 0).map((r) => r.caseRef).sort()).toEqual(['C-1', 'C-2', 'C-3', 'C-4']);
		expect(afterFailure.filter((r) => (r.claim as number) > 0)).toEqual([]); // no confirmation

		smtp().down = false;
		api.now = () => new Date();
		const second = await run(w, withShared());
		expect(second.error).toBeUndefined();
		// the overdue and due-soon alerts (C-4 is on track: not mailed, counted as sent when claimed)
		expect(mailed().sort()).toEqual(['C-1', 'C-2', 'C-3']);
		const confirmations = api.rows(OUTBOX).filter((r) => (r.claim as number) > 0);
		expect(confirmations.map((r) => r.caseRef).sort()).toEqual(['C-1', 'C-2', 'C-3']);
		// each confirms the claim the second run won
		const claimIds = new Set(api.rows(OUTBOX).filter((r) => r.claim === 0).map((r) => r.id));
		expect(confirmations.every((r) => claimIds.has(r.claim as number))).toBe(true);
		assertNoPersonalData(api.rows(OUTBOX));

		const third = await run(w, withShared());
		expect(mailed().sort()).toEqual(['C-1', 'C-2', 'C-3']); // nothing new
		expect(third.json(NODE, 4).map((i) => i.caseRef).sort()).toEqual(['C-1', 'C-2', 'C-3', 'C-4']); // all Unchanged
	});

	it('an unconfirmed alert younger than "Resend Unconfirmed After" is left alone (its run may still be sending); older, it is sent again', async () => {
		const w = outboxWorkflow(30);
		smtp().down = true;
		await run(w, withShared()); // claims made now
		smtp().down = false;
		const soon = await run(w, withShared());
		expect(mailed()).toEqual([]);
		expect(soon.json(NODE, 4)).toHaveLength(4);
		expect(JSON.stringify(soon.taskData(NODE)?.hints)).toContain('3 alert(s) wait for confirmation');
		const late = await run(outboxWorkflow(0), withShared());
		expect(mailed().sort()).toEqual(['C-1', 'C-2', 'C-3']);
		expect(JSON.stringify(late.taskData(NODE)?.hints)).toContain('3 alert(s) sent again');
	});

	it('a status change after a failed mail is alerted as the new status, once', async () => {
		const w = outboxWorkflow(0);
		smtp().down = true;
		await run(w, withShared());
		smtp().down = false;
		// C-2 becomes overdue (zorgteam date earlier): one mail per zorgteam, C-2 listed once, as overdue
		const changed = CASES.map((c) => (c.caseRef === 'C-2' ? { ...c, zorgteamDate: '2026-09-02' } : c));
		await runWorkflow(w, { input: changed, ...withShared() });
		expect(mailed().sort()).toEqual(['C-1', 'C-2', 'C-3']);
		const c2 = smtp().sent.flatMap((m) => m.cases as IDataObject[]).find((c) => c.caseRef === 'C-2');
		expect(c2?.status).toBe('overdue');
		await runWorkflow(w, { input: changed, ...withShared() });
		expect(mailed()).toHaveLength(3);
	});

	it('group items carry the claims to confirm: references, statuses and claim ids only', async () => {
		const r = await run(outboxWorkflow(), withShared());
		const overdue = r.json(NODE, 0);
		const delivery = overdue.map((g) => g.delivery as IDataObject);
		expect(delivery.every((d) => d.memory === 'dataTable' && d.scope === 'test-workflow:dm')).toBe(true);
		expect(delivery.flatMap((d) => (d.claims as IDataObject[]).map((c) => [c.caseRef, c.status])).sort()).toEqual([
			['C-1', 'overdue'],
			['C-3', 'overdue'],
		]);
		assertNoPersonalData(delivery);
	});

	it('two runs started together send each alert once, and each is confirmed', async () => {
		const w = outboxWorkflow();
		await Promise.all([run(w, withShared()), run(w, withShared())]);
		expect(mailed().sort()).toEqual(['C-1', 'C-2', 'C-3']);
		expect(api.rows(OUTBOX).filter((r) => (r.claim as number) > 0).map((r) => r.caseRef).sort()).toEqual(['C-1', 'C-2', 'C-3']);
	});

	it('two runs started together send each alert once also when the claims of one commit late (no pause, no timing)', async () => {
		const w = outboxWorkflow();
		await run(w, withShared({ input: [] })); // the node's first production run: its head exists
		// run A's claim insert answers (commits) 1.5 s late; run B inserts, commits and moves the head meanwhile
		api.commitNextInsertAfter(1500);
		const first = run(w, withShared());
		while (!api.requests.some((r) => r.method === 'POST' && r.path.endsWith('/rows'))) await new Promise((r) => setTimeout(r, 5));
		await Promise.all([first, run(w, withShared())]);
		expect(mailed().sort()).toEqual(['C-1', 'C-2', 'C-3']);
		expect(api.rows(OUTBOX).filter((r) => r.claim === -1)).toHaveLength(1); // one head
	});

	it('n8n answering 503 "Database is not ready!" to its writes for a moment delays the run, it does not fail it (queue mode under load)', async () => {
		// n8n's main instance answers every request 503 while its database ping times out (a busy connection pool):
		// the request was not handled, so the claims, the head and the confirmations are asked again
		api.notReadyBeforeEachWrite = true;
		const w = outboxWorkflow();
		const first = await run(w, withShared());
		expect(first.error).toBeUndefined();
		expect(mailed().sort()).toEqual(['C-1', 'C-2', 'C-3']);
		expect(api.notReadyAnswers).toBeGreaterThanOrEqual(4); // head, claims, head move, confirmations
		const rows = api.rows(OUTBOX);
		expect(rows.filter((r) => r.claim === -1)).toHaveLength(1); // one head
		expect(rows.filter((r) => (r.claim as number) > 0).map((r) => r.caseRef).sort()).toEqual(['C-1', 'C-2', 'C-3']); // each confirmed once
		await run(w, withShared());
		expect(mailed().sort()).toEqual(['C-1', 'C-2', 'C-3']); // nothing sent twice
	});

	it('when the shared memory fails, "Continue (using error output)" gets one error item and the alert outputs no case row', async () => {
		// thrown, n8n passes the node's input items to its first output (Overdue): the raw rows reached Send Email
		// ("No recipients defined" in the example workflow, the memory's failure hidden)
		api.failWritesWith = 500;
		const r = await run(outboxWorkflow(), withShared());
		expect(r.error).toBeUndefined();
		expect(smtp().sent).toEqual([]);
		const out = r.output(NODE);
		expect(out.slice(0, 5).flat()).toEqual([]);
		expect(out[5].map((i) => Object.keys(i.json).sort())).toEqual([['details', 'error']]);
		expect(out[5][0].json.error).toContain('The shared memory (n8n Data Tables through the n8n API) did not answer as expected (HTTP 500)');
		assertNoPersonalData(out[5]);
	});

	it('Confirm Delivery writes its confirmations as one bulk insert (no rows returned: n8n would insert them one by one)', async () => {
		await run(outboxWorkflow(), withShared());
		const confirmed = api.rows(OUTBOX).filter((r) => (r.claim as number) > 0);
		expect(confirmed.map((r) => r.caseRef).sort()).toEqual(['C-1', 'C-2', 'C-3']);
		// the claims' ids are needed (returned rows); the confirmations' are not
		const confirmations = api.inserts.slice(-2);
		expect(confirmations.map((i) => i.returnType)).toEqual(['count', 'count']); // one Confirm Delivery run per alert output
		expect(confirmations.reduce((n, i) => n + i.rows, 0)).toBe(3);
	});

	it('a manual test run neither claims nor confirms', async () => {
		const r = await run(outboxWorkflow(), withShared({ mode: 'manual' }));
		expect(mailed().sort()).toEqual(['C-1', 'C-2', 'C-3']); // the test run shows (and here: mails) what a production run would alert
		expect(api.rows(OUTBOX)).toEqual([]);
		expect(r.json(NODE, 0).every((g) => g.delivery === undefined)).toBe(true);
	});

	it('Confirm Delivery without the credential, when the claims are in the Data Table, stops with a clear error', async () => {
		const w = outboxWorkflow();
		delete w.nodes[3].credentials;
		const r = await run(w, withShared());
		expect(r.error?.message).toContain('no shared-memory credential');
		expect(r.error?.description).toContain('Jeugdhulp Shared Memory API');
	});

	it('Confirm Delivery placed directly after the Deadline Monitor refuses: nothing was sent yet', async () => {
		const w = outboxWorkflow();
		w.connections['Deadline Monitor'].main[0] = [{ node: 'Confirm Delivery', type: 'main', index: 0 }];
		const r = await run(w, withShared());
		expect(r.error?.message).toContain('directly after a Deadline Monitor');
	});
});

describe('alert outbox without the credential (workflow static data)', () => {
	it('same guarantee in one n8n process: a failed mail step is sent again by the next run, once', async () => {
		const w = outboxWorkflow(0);
		for (const n of w.nodes) delete n.credentials;
		const staticData: IDataObject = {};
		smtp().down = true;
		await run(w, { mode: 'trigger', staticData });
		smtp().down = false;
		await run(w, { mode: 'trigger', staticData });
		expect(mailed().sort()).toEqual(['C-1', 'C-2', 'C-3']);
		await run(w, { mode: 'trigger', staticData });
		expect(mailed()).toHaveLength(3);
		const kept = JSON.stringify(staticData);
		assertNoPersonalData(staticData);
		expect(kept).toContain('jeugdhulpAlertOutbox');
	});
});

describe('versions: a node saved as 1.2 keeps counting an alert as sent when emitted', () => {
	it('version 1.2 with a failed mail step never sends those alerts again (the behaviour issue 23 fixes, kept for saved workflows)', async () => {
		const w = outboxWorkflow();
		w.nodes[1].typeVersion = 1.2;
		w.nodes.splice(3, 1); // a 1.2 workflow has no Confirm Delivery
		delete w.connections['Send Email'];
		smtp().down = true;
		await run(w, withShared());
		smtp().down = false;
		const next = await run(w, withShared());
		expect(mailed()).toEqual([]);
		expect(next.json(NODE, 4)).toHaveLength(4);
		expect(api.rows(OUTBOX)).toEqual([]); // 1.2 keeps its memory in jeugdhulp_alert_memory
		expect(api.rows('jeugdhulp_alert_memory')).toHaveLength(4);
	});
});

describe('what the editor shows (built description)', () => {
	const description = (loadPackage().nodes.get(`${PACKAGE_NAME}.deadlineMonitor`) as INodeType).description;
	const node = { typeVersion: 1.3 };
	const visible = (values: IDataObject) => {
		const full = NodeHelpers.getNodeParameters(description.properties, values as never, true, false, node as never, description) as IDataObject;
		return description.properties.filter((p) => NodeHelpers.displayParameter(full as never, p, node, description)).map((p) => p.name);
	};
	const credentialShown = (values: IDataObject) => {
		const full = NodeHelpers.getNodeParameters(description.properties, values as never, true, false, node as never, description) as IDataObject;
		return NodeHelpers.displayParameter(full as never, description.credentials![0], node, description);
	};

	it('Confirm Delivery shows its notice and the shared-memory credential, nothing of the cases', () => {
		expect(visible({ operation: 'confirmDelivery' })).toEqual(['operation', 'confirmNotice']);
		expect(credentialShown({ operation: 'confirmDelivery' })).toBe(true);
	});

	it('Check Cases shows Confirm Delivery Of and Resend Unconfirmed After with Alert Only on Status Change (version 1.3), and the credential only then', () => {
		expect(visible({ operation: 'checkCases', alertOnce: true })).toEqual(expect.arrayContaining(['confirmStatuses', 'resendAfterMinutes']));
		expect(visible({ operation: 'checkCases' })).not.toEqual(expect.arrayContaining(['confirmStatuses']));
		expect(credentialShown({ operation: 'checkCases', alertOnce: true })).toBe(true);
		expect(credentialShown({ operation: 'checkCases' })).toBe(false);
		expect(credentialShown({ operation: 'calculateKpis' })).toBe(false);
	});
});
