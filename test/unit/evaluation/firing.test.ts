import {
	activate,
	checkMoment,
	decideFiring,
	EMPTY_RECORD,
	FiredRecord,
	manualTestItems,
	markFired,
	ON_TIME_TOLERANCE_MS,
	parseSchools,
	readRecord,
	RECORD_MAX_KEYS,
	RECORD_RETENTION_DAYS,
} from '../../../domain/evaluation';
import { today } from '../../../domain/primitives/dates';
import { assertNoPersonalData } from '../../helpers/privacy';
import { at, DAY, HOUR, makeConfig, makeSchedule } from './helpers';

const MOMENT = at('2026-02-02T09:00'); // 1 Feb 2026 (Sunday) moved to Monday 2 Feb
const SCHOOLS = parseSchools([
	{ name: 'OBS De Regenboog', brin: '12AB', zorgteamEmail: 'zorgteam@regenboog.example.nl', provider: 'Jeugdhulp Voorbeeld' },
	{ name: 'CBS Het Anker', brin: '34cd 01', zorgteamEmail: 'zorgteam@anker.example.nl', provider: 'Jeugdhulp Voorbeeld' },
]);
const watching = (since: number): FiredRecord => ({ watchingSince: since, fired: {} });

describe('on time', () => {
	it('the tick at the moment fires every school once', () => {
		const config = makeConfig({ schools: SCHOOLS });
		const first = checkMoment(config, watching(MOMENT - 30 * DAY), MOMENT);
		expect(first.items.map((i) => i.dedupKey)).toEqual(['12AB:2026-02-01', '34CD01:2026-02-01']);
		expect(first.items.every((i) => i.trigger === 'onTime' && i.test === false && i.lateByMinutes === 0)).toBe(true);
		// the next hourly tick, and a tick later that day: nothing
		expect(checkMoment(config, first.record, MOMENT + HOUR).items).toEqual([]);
		expect(checkMoment(config, first.record, MOMENT + 5 * HOUR).decision.skipped).toBe('allFired');
	});

	it('ticks on other days and before the moment fire nothing', () => {
		const config = makeConfig();
		const rec = checkMoment(config, watching(0), MOMENT).record;
		expect(checkMoment(config, rec, at('2026-02-01T09:00')).items).toEqual([]); // the unmoved Sunday
		expect(checkMoment(config, rec, at('2026-03-10T09:00')).items).toEqual([]);
		expect(checkMoment(config, watching(0), MOMENT - 1).items).toEqual([]); // one ms early: the June 2025 moment is long past
	});

	it('an on-time tick needs no watching record (first activation right at the moment)', () => {
		expect(checkMoment(makeConfig(), EMPTY_RECORD, MOMENT + ON_TIME_TOLERANCE_MS).items).toHaveLength(1);
	});

	it('one item when no school list is given, keyed "all"', () => {
		const r = checkMoment(makeConfig(), watching(0), MOMENT);
		expect(r.items).toHaveLength(1);
		expect(r.items[0]).toMatchObject({ dedupKey: 'all:2026-02-01', brin: null, schoolName: null });
	});

	it('a school added to the list after the moment gets it on the next tick; the others do not get it again', () => {
		const one = makeConfig({ schools: SCHOOLS.slice(0, 1) });
		const rec = checkMoment(one, watching(MOMENT - DAY), MOMENT).record;
		const two = makeConfig({ schools: SCHOOLS });
		const later = checkMoment(two, rec, MOMENT + 2 * HOUR);
		expect(later.items.map((i) => i.brin)).toEqual(['34CD01']);
		expect(later.items[0].trigger).toBe('catchUp');
	});
});

describe('catch-up after an outage', () => {
	const config = makeConfig({ schools: SCHOOLS, catchUpWindowDays: 3 });
	const before = watching(MOMENT - 60 * DAY);

	it('fires the missed moment once when the trigger starts within the window', () => {
		const start = activate(config, before, MOMENT + 2 * DAY);
		expect(start.items).toHaveLength(2);
		expect(start.items[0]).toMatchObject({ trigger: 'catchUp', lateByMinutes: 2 * 24 * 60, momentDate: '2026-02-02' });
		// a second restart, and the following ticks: never again
		expect(activate(config, start.record, MOMENT + 2 * DAY + HOUR).items).toEqual([]);
		expect(checkMoment(config, start.record, MOMENT + 2 * DAY + 2 * HOUR).items).toEqual([]);
	});

	it('not outside the window', () => {
		expect(activate(config, before, MOMENT + 3 * DAY).items).toHaveLength(2); // the window's last instant
		const late = activate(config, before, MOMENT + 3 * DAY + 1);
		expect(late.items).toEqual([]);
		expect(late.decision.skipped).toBe('outsideCatchUpWindow');
	});

	it('window 0 catches up nothing beyond the on-time tolerance', () => {
		const none = makeConfig({ catchUpWindowDays: 0 });
		expect(activate(none, before, MOMENT + ON_TIME_TOLERANCE_MS + 1).items).toEqual([]);
	});

	it('not when the trigger first started after the moment (it missed nothing)', () => {
		const fresh = activate(config, EMPTY_RECORD, MOMENT + DAY);
		expect(fresh.items).toEqual([]);
		expect(fresh.decision.skipped).toBe('beforeWatching');
		expect(fresh.record.watchingSince).toBe(MOMENT + DAY);
		// ...but it does fire the next moment on time
		const june = at('2026-06-15T09:00');
		expect(checkMoment(config, fresh.record, june).items).toHaveLength(2);
	});

	it('only the most recent moment, never an older one', () => {
		// down from January to the day after the June moment: only June fires
		const r = activate(config, watching(at('2026-01-01T00:00')), at('2026-06-16T10:00'));
		expect(r.items.map((i) => i.momentDate)).toEqual(['2026-06-15', '2026-06-15']);
	});

	it('keeps watchingSince from the first start', () => {
		const r = activate(config, before, MOMENT + 10 * DAY);
		expect(r.record.watchingSince).toBe(before.watchingSince);
	});
});

describe('the record', () => {
	it('is pruned to the retention period and capped', () => {
		const now = at('2026-02-02T09:00');
		const old = { fired: { '12AB:2020-02-01': 1, '12AB:2025-06-15': 2 } };
		const r = markFired(old, ['12AB:2026-02-01'], now, today(now));
		expect(Object.keys(r.fired).sort()).toEqual(['12AB:2025-06-15', '12AB:2026-02-01']);
		expect(RECORD_RETENTION_DAYS).toBeGreaterThan(2 * 365);
		const many: Record<string, number> = {};
		for (let i = 0; i < RECORD_MAX_KEYS + 10; i++) many[`S${i}:2026-02-01`] = i;
		expect(Object.keys(markFired({ fired: many }, [], now, today(now)).fired)).toHaveLength(RECORD_MAX_KEYS);
	});

	it('reads garbage as an empty record', () => {
		expect(readRecord(undefined)).toEqual({ fired: {} });
		expect(readRecord({ watchingSince: 'x', fired: { a: 'b', c: 5 } })).toEqual({ fired: { c: 5 } });
		expect(readRecord({ watchingSince: 7, fired: {} })).toEqual({ watchingSince: 7, fired: {} });
	});

	it('decideFiring does not change the record', () => {
		const rec = watching(0);
		const copy = structuredClone(rec);
		decideFiring({ schedule: makeSchedule(), now: MOMENT, schoolKeys: ['all'], record: rec, catchUpWindowDays: 7 });
		expect(rec).toEqual(copy);
	});
});

describe('manual test run', () => {
	it('emits what the most recent moment emitted, marked as a test, recording nothing', () => {
		const config = makeConfig({ schools: SCHOOLS });
		const items = manualTestItems(config, at('2026-04-20T14:00'));
		expect(items.map((i) => [i.brin, i.momentDate, i.trigger, i.test])).toEqual([
			['12AB', '2026-02-02', 'manualTest', true],
			['34CD01', '2026-02-02', 'manualTest', true],
		]);
		// the same content as the real firing, apart from the trigger fields
		const real = checkMoment(config, watching(0), MOMENT).items;
		const strip = (i: Record<string, unknown>) => ({ ...i, trigger: undefined, test: undefined, lateByMinutes: undefined });
		expect(items.map(strip)).toEqual(real.map(strip));
	});

	it('also emits for moments already fired', () => {
		const config = makeConfig();
		expect(manualTestItems(config, MOMENT + HOUR)).toHaveLength(1);
	});
});

describe('items', () => {
	const [item] = checkMoment(makeConfig({ schools: SCHOOLS }), watching(0), MOMENT).items;
	it('carry school, moment, period, agenda and the annual-report flag', () => {
		expect(item).toMatchObject({
			brin: '12AB',
			schoolName: 'OBS De Regenboog',
			zorgteamEmail: 'zorgteam@regenboog.example.nl',
			provider: 'Jeugdhulp Voorbeeld',
			moment: 'first',
			momentDate: '2026-02-02',
			scheduledDate: '2026-02-01',
			shifted: true,
			shiftedBecause: ['weekend'],
			momentAt: '2026-02-02T09:00:00.000+01:00',
			timeZone: 'Europe/Amsterdam',
			periodStart: '2025-06-16',
			periodEnd: '2026-02-01',
			periodDays: 231,
			annualReport: false,
			annualReportPeriodStart: null,
			language: 'nl',
		});
		expect(item.agenda.map((a) => a.id)).toEqual(['doorlooptijd', 'integraal-arrangeren', 'werkproces', 'ervaringen-aanbod', 'ander-aanbod']);
		expect(item.agenda.every((a) => a.source === 'S1 kernbepaling 11')).toBe(true);
		expect(item.agendaText).toContain('Duur tussen toeleiding en start');
		expect(item.agendaText).toContain('Periode: 16 juni 2025 t/m 1 februari 2026');
		assertNoPersonalData(item, 'evaluation item');
	});

	it('the annual-report moment adds the report item and its twelve-month period', () => {
		const [june] = checkMoment(makeConfig(), watching(0), at('2026-06-15T09:00')).items;
		expect(june).toMatchObject({ annualReport: true, annualReportPeriodStart: '2025-06-16', annualReportPeriodEnd: '2026-06-14' });
		expect(june.agenda.at(-1)?.id).toBe('jaarrapportage');
		expect(june.agendaText).toContain('Jaarrapportage aan de gemeente');
	});

	it('English on request', () => {
		const [en] = checkMoment(makeConfig({ language: 'en' }), watching(0), MOMENT).items;
		expect(en.agendaText).toContain('Time from toeleiding to start');
		expect(en.agendaText).toContain('Period: 16 June 2025 to 1 February 2026 inclusive');
	});
});

describe('school list', () => {
	it('normalises BRIN codes and rejects duplicates and bad values naming the row', () => {
		expect(SCHOOLS.map((s) => s.brin)).toEqual(['12AB', '34CD01']);
		expect(() => parseSchools([{ brin: '12AB' }, { brin: '12ab' }])).toThrow(/School 2 has the same BRIN code as school 1/);
		expect(() => parseSchools([{ name: 'X' }])).toThrow(/no BRIN/);
		expect(() => parseSchools([{ brin: 'XYZ' }])).toThrow(/BRIN/);
		expect(() => parseSchools([{ brin: '12AB', zorgteamEmail: 'not an address' }])).toThrow(/e-mail/);
		try {
			parseSchools([{ brin: '12AB', zorgteamEmail: 'Noor Testkind' }]);
		} catch (e) {
			assertNoPersonalData((e as Error).message);
		}
	});
	it('uses the BRIN as name when none is given', () => {
		expect(parseSchools([{ brin: '12AB' }])[0].name).toBe('12AB');
	});
});
