/**
 * "Alert Only on Status Change" with the Jeugdhulp Shared Memory credential: the memory lives in
 * the Data Table jeugdhulp_alert_memory, reached through n8n's public API (here a local stand-in,
 * test/helpers/fakeN8nApi.ts; the real n8n is in test/e2e/once.e2e.test.ts and queue-mode.e2e.test.ts).
 */
import { IDataObject } from 'n8n-workflow';

import { LEGACY_STATIC_KEY } from '../../../nodes/DeadlineMonitor/alertOnce';
import { runWorkflow, RunOptions } from '../../helpers/engine';
import { FakeN8nApi } from '../../helpers/fakeN8nApi';
import { assertNoPersonalData } from '../../helpers/privacy';
import { fixture, NODE, paired, refs } from './helpers';

const TABLE = 'jeugdhulp_alert_memory';
const CASES: IDataObject[] = [
	{ caseRef: 'C-1', zorgteamDate: '2026-09-01' }, // overdue
	{ caseRef: 'C-2', zorgteamDate: '2026-10-10' }, // due soon
	{ caseRef: 'C-3', zorgteamDate: '2026-11-20' }, // on track
];

let api: FakeN8nApi;
beforeEach(async () => {
	api = await new FakeN8nApi().start();
});
afterEach(async () => {
	await api.stop();
});

const wf = () => fixture('check-cases.alert-once-shared-memory');
const run = (input: IDataObject[], extra: RunOptions = {}) =>
	runWorkflow(wf(), { input, mode: 'trigger', credentials: { sharedMemoryApi: api.credentials() }, ...extra });

describe('Alert Only on Status Change, shared memory (n8n Data Tables)', () => {
	it('alerts a case when its status changed since the last production run, and only then', async () => {
		expect((await run(CASES)).output(NODE).map(refs)).toEqual([['C-1'], ['C-2'], ['C-3'], [], []]);
		expect((await run(CASES)).output(NODE).map(refs)).toEqual([[], [], [], [], ['C-1', 'C-2', 'C-3']]);
		const third = await run([CASES[0], CASES[1], { ...CASES[2], startDate: '2026-11-25' }, { caseRef: 'C-4', zorgteamDate: '2026-08-01' }]);
		const out = third.output(NODE);
		expect(out.map(refs)).toEqual([['C-4'], [], [], ['C-3'], ['C-1', 'C-2']]);
		expect(paired(out[4])).toEqual([0, 1]);
	});

	it('keeps pseudonymous case references and statuses in the table, scoped per workflow and node, and nothing in static data', async () => {
		const r = await run(CASES);
		const rows = api.rows(TABLE);
		expect(rows.map((row) => [row.caseRef, row.status])).toEqual([
			['C-1', 'overdue'],
			['C-2', 'due_soon'],
			['C-3', 'on_track'],
		]);
		expect(new Set(rows.map((row) => row.scope))).toEqual(new Set(['test-workflow:dm']));
		expect(Object.keys(rows[0]).sort()).toEqual(['caseRef', 'createdAt', 'id', 'scope', 'status', 'updatedAt']);
		expect(Object.values(r.staticData).every((v) => Object.keys(v as IDataObject).length === 0)).toBe(true);
		assertNoPersonalData(rows);
		// no "static data is not safe" hint when the shared memory is used
		expect(JSON.stringify(r.run.data.resultData.runData[NODE][0].hints ?? [])).not.toContain('static data');
	});

	it('two runs started together on the same data alert each case once', async () => {
		const [a, b] = await Promise.all([run(CASES), run(CASES)]);
		const alerted = [...a.output(NODE).slice(0, 4), ...b.output(NODE).slice(0, 4)].flatMap(refs).sort();
		expect(alerted).toEqual(['C-1', 'C-2', 'C-3']);
		const unchanged = [...a.output(NODE)[4], ...b.output(NODE)[4]].map((i) => i.json.caseRef).sort();
		expect(unchanged).toEqual(['C-1', 'C-2', 'C-3']);
	});

	it('two runs together alert each case once also when the lower claim commits late (PostgreSQL: id before commit)', async () => {
		// Run A takes the lower ids but its insert commits 300 ms later; run B inserts and commits meanwhile.
		// Without the settle pause before the read-back (CLAIM_SETTLE_MS), B would not see A's claims and both would alert.
		api.commitNextInsertAfter(300);
		const first = run(CASES);
		while (!api.requests.some((r) => r.method === 'POST' && r.path.endsWith('/rows'))) await new Promise((r) => setTimeout(r, 5));
		const [a, b] = await Promise.all([first, run(CASES)]);
		const alerted = [...a.output(NODE).slice(0, 4), ...b.output(NODE).slice(0, 4)].flatMap(refs).sort();
		expect(alerted).toEqual(['C-1', 'C-2', 'C-3']);
		// the late committer has the lower ids, so it is the one that alerts
		expect(a.output(NODE).slice(0, 4).flatMap(refs).sort()).toEqual(['C-1', 'C-2', 'C-3']);
	});

	it('imports the memory an earlier version kept in static data once, without re-sending', async () => {
		const legacy = { version: 1, cases: [['C-1', 'overdue'], ['C-2', 'on_track']] };
		const staticData: IDataObject = { [`node:${NODE}`]: { [LEGACY_STATIC_KEY]: legacy } };
		const first = await run(CASES, { staticData });
		// C-1 was alerted as overdue before; C-2 changed (on track → due soon); C-3 is new
		expect(first.output(NODE).map(refs)).toEqual([[], ['C-2'], ['C-3'], [], ['C-1']]);
		expect(staticData[`node:${NODE}`]).toEqual({ [LEGACY_STATIC_KEY]: legacy });
		const second = await run(CASES, { staticData });
		expect(second.output(NODE).map(refs)).toEqual([[], [], [], [], ['C-1', 'C-2', 'C-3']]);
		expect(api.rows(TABLE).filter((row) => row.caseRef === 'C-1')).toHaveLength(1);
	});

	it('manual test runs compare with the memory but change nothing', async () => {
		await run([CASES[0]]);
		const before = JSON.stringify(api.rows(TABLE));
		const manual = await run(CASES, { mode: 'manual' });
		expect(manual.output(NODE).map(refs)).toEqual([[], ['C-2'], ['C-3'], [], ['C-1']]);
		expect(JSON.stringify(api.rows(TABLE))).toBe(before);
	});

	it('bounded by Max Remembered Cases once rows are past the grace period; history of a case is pruned', async () => {
		const w = wf();
		w.nodes[1].parameters.maxRemembered = 2;
		const at = (iso: string) => () => new Date(iso);
		const runW = (input: IDataObject[]) =>
			runWorkflow(w, { input, mode: 'trigger', credentials: { sharedMemoryApi: api.credentials() } });
		api.now = at('2026-11-01T07:00:00Z');
		await runW(CASES);
		// the node's clock is the real one (later than these rows by far): rows are past the grace period
		await runW(CASES.slice(1));
		const again = await runW(CASES);
		expect(again.output(NODE).map(refs)).toEqual([['C-1'], [], [], [], ['C-2', 'C-3']]);
		// never more than 2 cases remembered: now C-2 (seen longest ago) has gone
		expect(api.rows(TABLE).map((r) => r.caseRef).sort()).toEqual(['C-1', 'C-3']);
	});

	it('a refused API key is a clear node error naming the credential', async () => {
		const r = await runWorkflow(wf(), {
			input: CASES,
			mode: 'trigger',
			credentials: { sharedMemoryApi: { ...api.credentials(), baseUrl: `${api.baseUrl}/wrong` } },
		});
		expect(r.error?.message).toMatch(/shared memory .* did not answer as expected \(HTTP 404\)/);
		expect(r.error?.description).toContain('Jeugdhulp Shared Memory API');
	});
});
