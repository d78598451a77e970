/**
 * The trigger in n8n-core's real TriggerContext, loaded from the build like n8n loads it, with an
 * injected registerCron (the test fires the ticks itself) and an injected clock (Date.now).
 * Static data is the workflow's real static data object, kept across "restarts" (new contexts).
 */
import { TriggerContext } from 'n8n-core';
import {
	IDataObject,
	INode,
	INodeExecutionData,
	INodeType,
	INodeTypes,
	ITriggerResponse,
	IWorkflowExecuteAdditionalData,
	Workflow,
	WorkflowActivateMode,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { DateTime } from 'luxon';

import { loadPackage, loadWorkflow, PACKAGE_NAME } from '../../helpers/engine';
import { assertNoPersonalData } from '../../helpers/privacy';

const TYPE = `${PACKAGE_NAME}.evaluationTrigger`;
const fixture = (name: string) => loadWorkflow(`test/engine/evaluation/fixtures/${name}.workflow.json`);

const at = (local: string, zone = 'Europe/Amsterdam') => DateTime.fromISO(local, { zone }).toMillis();
const HOUR = 3600_000;
const DAY = 24 * HOUR;

interface Started {
	response: ITriggerResponse;
	emitted: INodeExecutionData[][][];
	/** The deduplication key passed with each emit (n8n refuses a second execution with the same key). */
	keys: Array<string | undefined>;
	errors: Error[];
	crons: Array<{ expression: string; onTick: (d: Date) => void }>;
	staticData: IDataObject;
	/** Fire every registered cron's tick at `instant` (as n8n's scheduler would). */
	tick(instant: number): void;
	items(): IDataObject[];
}

let clock = 0;
beforeEach(() => {
	jest.spyOn(Date, 'now').mockImplementation(() => clock);
});
afterEach(() => jest.restoreAllMocks());

/** Start the trigger as n8n does on activation (or in a manual run), at clock time `now`. */
async function start(
	name: string,
	now: number,
	options: { staticData?: IDataObject; mode?: WorkflowExecuteMode; activation?: WorkflowActivateMode; timezone?: string; parameters?: IDataObject } = {},
): Promise<Started> {
	clock = now;
	const wf = fixture(name);
	if (options.timezone) wf.settings = { ...(wf.settings ?? {}), timezone: options.timezone };
	if (options.parameters) wf.nodes[0].parameters = { ...wf.nodes[0].parameters, ...(options.parameters as INode['parameters']) };
	const pkg = loadPackage();
	const nodeType = pkg.nodes.get(TYPE) as INodeType;
	const nodeTypes: INodeTypes = {
		getByName: () => nodeType,
		getByNameAndVersion: () => nodeType,
		getKnownTypes: () => ({}),
	};
	const staticData = options.staticData ?? {};
	const workflow = new Workflow({
		id: wf.id,
		name: wf.name,
		nodes: wf.nodes,
		connections: wf.connections,
		active: true,
		nodeTypes,
		staticData,
		settings: wf.settings,
	});
	const node = workflow.getNode(wf.nodes[0].name) as INode;
	const emitted: INodeExecutionData[][][] = [];
	const keys: Array<string | undefined> = [];
	const errors: Error[] = [];
	const crons: Started['crons'] = [];
	const ctx = new TriggerContext(
		workflow,
		node,
		{} as IWorkflowExecuteAdditionalData,
		options.mode ?? 'trigger',
		options.activation ?? 'activate',
		(data, _response, _done, key) => {
			emitted.push(data);
			keys.push(key);
		},
		(error) => errors.push(error),
		undefined,
		{ registerCron: (cron, onTick) => void crons.push({ expression: cron.expression, onTick }) },
	);
	const response = await (nodeType.trigger as (this: unknown) => Promise<ITriggerResponse>).call(ctx);
	return {
		response,
		emitted,
		keys,
		errors,
		crons,
		staticData: workflow.staticData as IDataObject,
		tick(instant: number) {
			clock = instant;
			for (const c of crons) c.onTick(new Date(instant));
		},
		items: () => emitted.flatMap((e) => e[0].map((i) => i.json)),
	};
}

const MOMENT = at('2026-02-02T09:00'); // 1 February 2026 is a Sunday: the moment moves to Monday

describe('activation and on-time firing', () => {
	it('registers one hourly cron (6 fields) and emits nothing before the moment', async () => {
		const t = await start('defaults-two-schools', at('2026-01-20T10:00'));
		expect(t.crons.map((c) => c.expression)).toEqual(['0 0 * * * *']);
		expect(t.emitted).toEqual([]);
		expect(t.response.manualTriggerFunction).toBeUndefined();
	});

	it('fires at the moved moment, one item per school, exactly once', async () => {
		const t = await start('defaults-two-schools', at('2026-01-20T10:00'));
		t.tick(at('2026-02-01T09:00')); // the configured Sunday
		expect(t.emitted).toHaveLength(0);
		t.tick(MOMENT);
		expect(t.emitted).toHaveLength(1);
		expect(t.items().map((i) => [i.brin, i.zorgteamEmail, i.momentDate, i.trigger, i.test])).toEqual([
			['12AB', 'zorgteam@regenboog.example.nl', '2026-02-02', 'onTime', false],
			['34CD01', 'zorgteam@anker.example.nl', '2026-02-02', 'onTime', false],
		]);
		expect(t.items()[0]).toMatchObject({ periodStart: '2025-06-16', periodEnd: '2026-02-01', annualReport: false, dedupKey: '12AB:2026-02-01' });
		t.tick(MOMENT + HOUR);
		t.tick(MOMENT + DAY);
		expect(t.emitted).toHaveLength(1);
		for (const item of t.items()) assertNoPersonalData(item, 'trigger output');
	});

	it('passes n8n a deduplication key per moment and schools, so a lost record cannot make n8n run the moment twice', async () => {
		const t = await start('defaults-two-schools', at('2026-01-20T10:00'));
		t.tick(MOMENT);
		expect(t.keys).toHaveLength(1);
		expect(t.keys[0]).toMatch(/^jeugdhulp-evaluation:[0-9a-f]{32}:1$/);
		// a second instance whose static data lost the record (as a queue-mode worker's save did) fires
		// again, but with the same key: n8n's unique index on executions refuses that second execution
		const lost = await start('defaults-two-schools', at('2026-01-20T10:00'));
		lost.tick(MOMENT + 5 * 60_000);
		expect(lost.keys).toEqual(t.keys);
		// the next moment gets another key
		const next = await start('defaults-two-schools', at('2026-06-01T10:00'), { staticData: t.staticData });
		next.tick(at('2026-06-15T09:00'));
		expect(next.keys).toHaveLength(1);
		expect(next.keys[0]).not.toBe(t.keys[0]);
	});

	it('one item when no school list is given; the June moment owes the annual report', async () => {
		const t = await start('no-school-list', at('2026-06-01T10:00'));
		t.tick(at('2026-06-15T09:00'));
		expect(t.items()).toHaveLength(1);
		expect(t.items()[0]).toMatchObject({ brin: null, dedupKey: 'all:2026-06-15', annualReport: true, annualReportPeriodStart: '2025-06-16' });
		expect(String(t.items()[0].agendaText)).toContain('Jaarrapportage aan de gemeente');
	});

	it('a holiday moves the moment past the weekend; English agenda; annual report on the first moment', async () => {
		const t = await start('holiday-list-english', at('2026-06-01T10:00'));
		expect(t.crons.map((c) => c.expression)).toEqual(['0 0,30 * * * *']);
		t.tick(at('2026-06-12T13:30'));
		expect(t.emitted).toHaveLength(0);
		t.tick(at('2026-06-15T13:30'));
		expect(t.items()[0]).toMatchObject({ momentDate: '2026-06-15', scheduledDate: '2026-06-12', shiftedBecause: ['holiday', 'weekend'], annualReport: false, language: 'en' });
		expect(String(t.items()[0].agendaText)).toContain('Time from toeleiding to start');
	});

	it('keeps Amsterdam wall-clock times in a New York workflow (issue 15), and no shifting when turned off', async () => {
		const t = await start('no-shift-new-york', at('2026-01-25T10:00', 'America/New_York'));
		t.tick(at('2026-02-01T02:59', 'America/New_York')); // 08:59 in Amsterdam: not yet
		expect(t.emitted).toHaveLength(0);
		t.tick(at('2026-02-01T03:00', 'America/New_York')); // 09:00 in Amsterdam, a Sunday, not moved
		expect(t.items()[0]).toMatchObject({ momentAt: '2026-02-01T09:00:00.000+01:00', timeZone: 'Europe/Amsterdam', shifted: false });
	});

	it('uses the zone chosen in "Calendar Time Zone" when the user sets one', async () => {
		const t = await start('new-york-calendar-zone', at('2026-01-25T10:00', 'America/New_York'));
		t.tick(at('2026-02-01T03:00', 'America/New_York'));
		expect(t.emitted).toHaveLength(0);
		t.tick(at('2026-02-01T09:00', 'America/New_York'));
		expect(t.items()[0]).toMatchObject({ momentAt: '2026-02-01T09:00:00.000-05:00', timeZone: 'America/New_York', shifted: false });
	});
});

describe('exactly once across restarts', () => {
	it('a restart after the moment fired does not fire again', async () => {
		const staticData: IDataObject = {};
		const a = await start('defaults-two-schools', at('2026-01-20T10:00'), { staticData });
		a.tick(MOMENT);
		expect(a.items()).toHaveLength(2);
		const b = await start('defaults-two-schools', MOMENT + 2 * HOUR, { staticData, activation: 'init' });
		expect(b.emitted).toEqual([]);
		b.tick(MOMENT + 3 * HOUR);
		expect(b.emitted).toEqual([]);
	});

	it('an outage over the moment: the missed moment fires once at start, within the window', async () => {
		const staticData: IDataObject = {};
		await start('catch-up-window-3-days', at('2026-01-20T10:00'), { staticData });
		// n8n is down from 1 to 3 February; it starts again on 4 February at 08:00 (within 3 days)
		const b = await start('catch-up-window-3-days', at('2026-02-04T08:00'), { staticData, activation: 'init' });
		expect(b.items().map((i) => [i.brin, i.trigger, i.lateByMinutes])).toEqual([
			['12AB', 'catchUp', 47 * 60],
			['34CD01', 'catchUp', 47 * 60],
		]);
		b.tick(at('2026-02-04T09:00'));
		const c = await start('catch-up-window-3-days', at('2026-02-04T10:00'), { staticData, activation: 'init' });
		c.tick(at('2026-02-04T11:00'));
		expect(b.emitted).toHaveLength(1);
		expect(c.emitted).toHaveLength(0);
	});

	it('not outside the window', async () => {
		const staticData: IDataObject = {};
		await start('catch-up-window-3-days', at('2026-01-20T10:00'), { staticData });
		const late = await start('catch-up-window-3-days', MOMENT + 3 * DAY + HOUR, { staticData, activation: 'init' });
		expect(late.emitted).toEqual([]);
	});

	it('a workflow first activated after a moment does not fire it (it missed nothing)', async () => {
		const t = await start('catch-up-window-3-days', MOMENT + DAY);
		expect(t.emitted).toEqual([]);
		expect((t.staticData['node:Semiannual Evaluation Trigger'] as IDataObject).evaluationRecord).toMatchObject({ watchingSince: MOMENT + DAY });
		// n8n saves static data after activation only when it is marked changed
		expect(t.staticData.__dataChanged).toBe(true);
	});
});

describe('manual test run', () => {
	it('emits the most recent moment marked as a test, registers no cron, and leaves the record alone', async () => {
		const staticData: IDataObject = {};
		const prod = await start('defaults-two-schools', at('2026-01-20T10:00'), { staticData });
		prod.tick(MOMENT);
		const before = JSON.parse(JSON.stringify(staticData));
		const manual = await start('defaults-two-schools', at('2026-03-10T15:00'), { staticData, mode: 'manual', activation: 'manual' });
		expect(manual.crons).toEqual([]);
		expect(manual.emitted).toEqual([]);
		await manual.response.manualTriggerFunction?.();
		expect(manual.items().map((i) => [i.brin, i.momentDate, i.trigger, i.test])).toEqual([
			['12AB', '2026-02-02', 'manualTest', true],
			['34CD01', '2026-02-02', 'manualTest', true],
		]);
		expect(JSON.parse(JSON.stringify(staticData))).toEqual(before);
		// and production still fires the next moment
		const again = await start('defaults-two-schools', at('2026-06-01T10:00'), { staticData, activation: 'init' });
		again.tick(at('2026-06-15T09:00'));
		expect(again.items()).toHaveLength(2);
	});

	it('a manual run in a fresh workflow records nothing', async () => {
		const staticData: IDataObject = {};
		const manual = await start('no-school-list', at('2026-03-10T15:00'), { staticData, mode: 'manual', activation: 'manual' });
		await manual.response.manualTriggerFunction?.();
		expect(manual.items()).toHaveLength(1);
		expect(JSON.stringify(staticData)).not.toContain('evaluationRecord');
	});
});

describe('parameter errors stop activation with the field and a fix', () => {
	it.each([
		['invalid-time', /First Moment Time/, /HH:mm/],
		['duplicate-brin', /School 2 has the same BRIN code as school 1/, /once/],
	])('%s', async (name, message, hint) => {
		const error = await start(name, at('2026-01-20T10:00')).then(
			() => undefined,
			(e: Error & { description?: string }) => e,
		);
		expect(error?.constructor.name).toBe('NodeOperationError');
		expect(error?.message).toMatch(message);
		expect(error?.description).toMatch(hint);
		assertNoPersonalData(error?.message ?? '', 'error');
	});
});

describe('data as it arrives (issues 11 and 15)', () => {
	it.each(['America/New_York', 'UTC', 'Pacific/Auckland'])('fires on the Amsterdam day and hour in a workflow running in %s', async (zone) => {
		const t = await start('no-school-list', at('2026-06-01T10:00'), { timezone: zone });
		t.tick(at('2026-06-15T08:59'));
		expect(t.emitted).toHaveLength(0);
		t.tick(at('2026-06-15T09:00'));
		expect(t.items()).toHaveLength(1);
		expect(t.items()[0]).toMatchObject({ momentDate: '2026-06-15', momentAt: '2026-06-15T09:00:00.000+02:00', timeZone: 'Europe/Amsterdam' });
	});

	it('in a workflow zone half an hour off Amsterdam (Asia/Kolkata) the ticks still meet 09:00 Amsterdam', async () => {
		const t = await start('no-school-list', at('2026-06-01T10:00'), { timezone: 'Asia/Kolkata' });
		expect(t.crons.map((c) => c.expression)).toEqual(['0 30 * * * *']);
		t.tick(at('2026-06-15T09:00'));
		expect(t.items()[0]).toMatchObject({ momentAt: '2026-06-15T09:00:00.000+02:00', trigger: 'onTime' });
	});

	it('reads the school list by the one BRIN rule and the one address rule', async () => {
		const t = await start('no-school-list', at('2026-06-01T10:00'), {
			parameters: {
				schools: {
					school: [
						{ name: 'De Regenboog', brin: '12 ab', zorgteamEmail: 'ib@regenboog.example; zorg@regenboog.example,ZORG@regenboog.example' },
						{ name: 'Het Anker', brin: '34cd 01', zorgteamEmail: 'zorg@anker.example\nib@anker.example' },
					],
				},
			},
		});
		t.tick(at('2026-06-15T09:00'));
		expect(t.items().map((i) => [i.brin, i.zorgteamEmail, i.zorgteamEmails])).toEqual([
			['12AB', 'ib@regenboog.example, zorg@regenboog.example', ['ib@regenboog.example', 'zorg@regenboog.example']],
			['34CD01', 'zorg@anker.example, ib@anker.example', ['zorg@anker.example', 'ib@anker.example']],
		]);
	});

	it('skips and counts a school entry left completely empty (issue 11 §2)', async () => {
		const t = await start('no-school-list', at('2026-06-01T10:00'), {
			parameters: { schools: { school: [{ name: '', brin: '', zorgteamEmail: '' }, { name: 'De Regenboog', brin: '12AB' }, { name: ' ', brin: ' ', zorgteamEmail: '', provider: '' }] } },
		});
		t.tick(at('2026-06-15T09:00'));
		expect(t.items().map((i) => [i.brin, i.blankSchoolEntries])).toEqual([['12AB', 2]]);
		// an entry with some data but no BRIN stays an error (row numbers count the blank entries)
		await expect(
			start('no-school-list', at('2026-06-01T10:00'), { parameters: { schools: { school: [{ brin: '' }, { name: 'De Regenboog', brin: '' }] } } }),
		).rejects.toThrow(/^School 2 has no BRIN code$/);
	});

	it('the same school written twice by the BRIN rule is a duplicate; a school and one of its locations: the location gets its own evaluation (issue 15 §2)', async () => {
		await expect(
			start('no-school-list', at('2026-06-01T10:00'), { parameters: { schools: { school: [{ brin: '12AB' }, { brin: '12 ab' }] } } }),
		).rejects.toThrow(/^School 2 has the same BRIN code as school 1$/);
		await expect(
			start('no-school-list', at('2026-06-01T10:00'), { parameters: { schools: { school: [{ brin: '12AB01' }, { brin: '12 ab-01' }] } } }),
		).rejects.toThrow(/^School 2 has the same BRIN code as school 1$/);
		const t = await start('no-school-list', at('2026-06-01T10:00'), {
			parameters: { schools: { school: [{ brin: '12AB', zorgteamEmail: 'zorg@school.example' }, { brin: '12 ab 00', zorgteamEmail: 'zorg@hoofd.example' }, { brin: '12AB01', zorgteamEmail: 'zorg@dependance.example' }, { brin: '34CD' }] } },
		});
		t.tick(at('2026-06-15T09:00'));
		expect(t.items().map((i) => [i.brin, i.zorgteamEmail, i.locationsEvaluatedSeparately])).toEqual([
			['12AB', 'zorg@school.example', ['12AB00', '12AB01']],
			['12AB00', 'zorg@hoofd.example', []],
			['12AB01', 'zorg@dependance.example', []],
			['34CD', null, []],
		]);
	});

	it('an address list with an entry that is not an address is an error naming the school row, not the text', async () => {
		await expect(
			start('no-school-list', at('2026-06-01T10:00'), { parameters: { schools: { school: [{ brin: '12AB', zorgteamEmail: 'ib@regenboog.example; Jan Jansen' }] } } }),
		).rejects.toThrow(/Schools → school 1 → Zorgteam Email" holds 3 entries; entry 2 is not an e-mail address/);
	});
});
