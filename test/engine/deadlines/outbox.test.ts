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
// the outbox's `claim` column (domain/deadlines/outbox.ts OutboxRow), written out again here: a claim carries its
// attempt's mark (-2 × token), its confirmation that mark minus one; -1 is the head
const claimOf = (r: IDataObject) => r.claim as number;
const isClaim = (r: IDataObject) => claimOf(r) <= -2 && claimOf(r) % 2 === 0;
const isConfirmation = (r: IDataObject) => claimOf(r) <= -3 && -claimOf(r) % 2 === 1;
// a claim or confirmation row with an empty caseRef holds many: status = [[caseRef, status], …]
const entriesOf = (rows: readonly IDataObject[]): IDataObject[] =>
	rows.flatMap((r) => (r.caseRef === '' && r.claim !== -1 ? (JSON.parse(r.status as string) as string[][]).map(([caseRef, status]) => ({ ...r, caseRef, status })) : [r]));
const outbox = () => entriesOf(api.rows(OUTBOX) as unknown as IDataObject[]);
/** How many claims or confirmations each packed row matching `f` holds, in id order. */
const sizes = (f: (r: IDataObject) => boolean) => (api.rows(OUTBOX) as unknown as IDataObject[]).filter(f).map((r) => (JSON.parse(r.status as string) as unknown[]).length);
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

/** 600 overdue cases of three zorgteams (reference date 2026-11-26: a zorgteam date of 2026-09-01 is overdue). */
const MANY: IDataObject[] = Array.from({ length: 600 }, (_, i) => ({
	caseRef: `M-${i + 1}`,
	zorgteam: ['Regenboog', 'Baken', 'Klimop'][i % 3],
	zorgteamEmail: `${['regenboog', 'baken', 'klimop'][i % 3]}@school.example`,
	zorgteamDate: '2026-09-01',
}));

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
		const afterFailure = outbox();
		expect(afterFailure.filter(isClaim).map((r) => r.caseRef).sort()).toEqual(['C-1', 'C-2', 'C-3', 'C-4']);
		expect(new Set(afterFailure.filter(isClaim).map(claimOf)).size).toBe(1); // one attempt, one mark
		expect(afterFailure.filter((r) => !isClaim(r) && r.claim !== -1)).toEqual([]); // no confirmation

		smtp().down = false;
		api.now = () => new Date();
		const second = await run(w, withShared());
		expect(second.error).toBeUndefined();
		// the overdue and due-soon alerts (C-4 is on track: not mailed, counted as sent when claimed)
		expect(mailed().sort()).toEqual(['C-1', 'C-2', 'C-3']);
		const confirmations = outbox().filter(isConfirmation);
		expect(confirmations.map((r) => r.caseRef).sort()).toEqual(['C-1', 'C-2', 'C-3']);
		// each confirms the claim the second run won: same case, its mark minus one
		const secondMarks = new Set(outbox().filter((r) => isClaim(r) && r.caseRef === 'C-1').map(claimOf));
		expect(secondMarks.size).toBe(2); // the failed run's and the second run's
		const won = outbox().filter((r) => isClaim(r) && confirmations.some((c) => c.caseRef === r.caseRef && claimOf(c) === claimOf(r) - 1));
		expect(won.map((r) => r.caseRef).sort()).toEqual(['C-1', 'C-2', 'C-3']);
		expect(new Set(won.map(claimOf)).size).toBe(1); // all of the second run's one attempt
		expect(won.every((r) => !afterFailure.some((f) => f.id === r.id))).toBe(true); // not the failed run's claims
		// packed: the failed run's 4 claims in one row, the second run's 3 re-sent claims in one; their confirmations in one
		// row per run of Confirm Delivery (it runs once for the overdue mails, C-1 and C-3, once for the due-soon one, C-2)
		expect(sizes(isClaim)).toEqual([4, 3]);
		expect(sizes(isConfirmation).sort()).toEqual([1, 2]);
		// claims and confirmations go in in bulk (n8n returns a count): never row by row
		expect(api.inserts.length).toBeGreaterThan(0);
		expect(api.inserts.filter((i) => i.returnType !== 'count')).toEqual([]);
		assertNoPersonalData(outbox());

		const third = await run(w, withShared());
		expect(mailed().sort()).toEqual(['C-1', 'C-2', 'C-3']); // nothing new
		expect(third.json(NODE, 4).map((i) => i.caseRef).sort()).toEqual(['C-1', 'C-2', 'C-3', 'C-4']); // all Unchanged
	});

	it('600 alerts: claims and confirmations packed 400 to a row; the next run reads them and sends nothing', async () => {
		const w = outboxWorkflow();
		await runWorkflow(w, { input: MANY, ...withShared() });
		expect(mailed()).toHaveLength(600);
		expect(outbox().filter(isClaim)).toHaveLength(600);
		expect(outbox().filter(isConfirmation)).toHaveLength(600);
		// the head; 600 claims in one request (2 rows); 600 confirmations in one request (2 rows)
		expect(api.inserts.map((i) => i.rows)).toEqual([1, 2, 2]);
		expect(sizes((r) => r.claim !== -1)).toEqual([400, 200, 400, 200]);
		const second = await runWorkflow(w, { input: MANY, ...withShared() });
		expect(second.error).toBeUndefined();
		expect(mailed()).toHaveLength(600); // nothing again
	});

	it('a memory of more than a page (1,201 rows of one claim each, as an earlier build wrote them): read whole, page after page by id; nothing is sent again', async () => {
		// as an earlier build of 1.3 left it: the head, 600 marked claims and their 600 confirmations, a row each
		const w = outboxWorkflow();
		const head = { scope: 'test-workflow:dm', caseRef: '', status: 'h:1:seed', claim: -1 };
		const seeded = [head, ...[-14, -15].flatMap((claim) => MANY.map((c) => ({ scope: 'test-workflow:dm', caseRef: c.caseRef, status: 'overdue', claim })))];
		api.seedRows(OUTBOX, seeded, new Date(Date.now() - 60 * 60_000));
		api.requests.length = 0;
		const next = await runWorkflow(w, { input: MANY, ...withShared() });
		expect(next.error).toBeUndefined();
		expect(mailed()).toEqual([]); // every one of the 1,201 rows was read
		const pages = api.requests.filter((r) => r.method === 'GET' && r.path.endsWith('/rows'));
		expect(pages).toHaveLength(5); // 1,201 rows, 250 a page
		expect(pages.every((r) => !r.query.includes('cursor'))).toBe(true);
		expect(pages.slice(1).every((r) => r.query.includes('"columnName":"id","condition":"gt"'))).toBe(true);
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

	it('group items carry the claims to confirm: references, statuses and claim marks only', async () => {
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
		expect(outbox().filter(isConfirmation).map((r) => r.caseRef).sort()).toEqual(['C-1', 'C-2', 'C-3']);
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
		expect(api.rows(OUTBOX).filter((r) => r.claim === -1)).toHaveLength(1); // one head
		expect(outbox().filter(isConfirmation).map((r) => r.caseRef).sort()).toEqual(['C-1', 'C-2', 'C-3']); // each confirmed once
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
		const confirmed = outbox().filter(isConfirmation);
		expect(confirmed.map((r) => r.caseRef).sort()).toEqual(['C-1', 'C-2', 'C-3']);
		// one Confirm Delivery run per alert output (overdue: C-1 and C-3; due soon: C-2), each one packed row
		const confirmations = api.inserts.slice(-2);
		expect(confirmations).toEqual([
			{ rows: 1, returnType: 'count' },
			{ rows: 1, returnType: 'count' },
		]);
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
