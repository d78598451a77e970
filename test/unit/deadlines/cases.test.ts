import { fromYmd, formatIsoDate } from '../../../domain/primitives/dates';
import { CheckSpec, checkCase, caseOutput, parseKnownSchools } from '../../../domain/deadlines';
import { defaultHolidayCalendar, HolidayCalendar } from '../../../domain/calendar';
import { assertNoPersonalData, SYNTHETIC_BSNS, SYNTHETIC_PUPIL_NAMES } from '../../helpers/privacy';

const spec = (over: Partial<CheckSpec> = {}): CheckSpec => ({
	rule: 'eightWeek',
	clock: { norm: { length: 8, unit: 'weeks' }, counting: 'calendarDays', dueSoonDays: 14 },
	fields: { caseRef: 'caseRef', clockStart: 'zorgteamDate', stop: 'startDate', school: 'school', brin: 'brin', zorgteam: 'zorgteam', recipientEmail: 'zorgteamEmail' },
	reference: fromYmd(2026, 11, 26),
	zone: 'Europe/Amsterdam',
	requireCaseRef: false,
	...over,
});
const reader = (o: Record<string, unknown>) => (f: string) => o[f];

function errorOf(fn: () => unknown): { code: string; field: string; message: string; hint: string } {
	try {
		fn();
	} catch (error) {
		return error as never;
	}
	throw new Error('expected an error');
}

describe('checkCase', () => {
	it('reads the configured fields and passes school, zorgteam and recipient through', () => {
		const c = checkCase(
			reader({ caseRef: 'C-2026-0001', zorgteamDate: '01-09-2026', school: 'De Regenboog', zorgteam: 'ZT Regenboog', zorgteamEmail: 'zt@example.org' }),
			spec(),
		);
		expect(c).toMatchObject({ caseRef: 'C-2026-0001', school: 'De Regenboog', zorgteam: 'ZT Regenboog', recipientEmail: 'zt@example.org', status: 'overdue' });
		expect(formatIsoDate(c.deadline)).toBe('2026-10-27');
	});

	it('reads Excel date numbers and Dutch written dates', () => {
		const c = checkCase(reader({ zorgteamDate: 46266, startDate: '15 oktober 2026' }), spec()); // 46266 = 2026-09-01
		expect(formatIsoDate(c.clockStart)).toBe('2026-09-01');
		expect(c.status).toBe('met');
	});

	it('reads a timestamp on its day in Amsterdam, also across the DST change', () => {
		// 22:30 UTC on 28 March is 23:30 CET (28 March); 22:30 UTC on 29 March is 00:30 CEST (30 March)
		const a = checkCase(reader({ zorgteamDate: new Date(Date.UTC(2026, 2, 28, 22, 30)) }), spec());
		const b = checkCase(reader({ zorgteamDate: '2026-03-29T22:30:00Z' }), spec());
		expect(formatIsoDate(a.clockStart)).toBe('2026-03-28');
		expect(formatIsoDate(b.clockStart)).toBe('2026-03-30');
	});

	it('missing clock start: an error naming the field', () => {
		const e = errorOf(() => checkCase(reader({ caseRef: 'C-1', zorgteamDate: '  ' }), spec()));
		expect(e).toMatchObject({ code: 'missing_field', field: 'zorgteamDate' });
	});

	it('invalid dates: an error naming the field, without echoing text', () => {
		const e = errorOf(() => checkCase(reader({ zorgteamDate: '2026-09-01', startDate: SYNTHETIC_PUPIL_NAMES[0] }), spec()));
		expect(e).toMatchObject({ code: 'invalid_date', field: 'startDate' });
		assertNoPersonalData(e.message + e.hint);
		const f = errorOf(() => checkCase(reader({ zorgteamDate: '31-02-2026' }), spec()));
		expect(f).toMatchObject({ code: 'invalid_date', field: 'zorgteamDate' });
	});

	it('start before the zorgteam date: an error naming the start field', () => {
		expect(errorOf(() => checkCase(reader({ zorgteamDate: '2026-09-01', startDate: '2026-08-31' }), spec()))).toMatchObject({
			code: 'stop_before_clock_start',
			field: 'startDate',
		});
	});

	it('unknown school: an error when a list of known schools is given; BRIN or name match', () => {
		const known = parseKnownSchools('De Regenboog, 12AB\nHet Baken');
		const s = spec({ knownSchools: known });
		expect(checkCase(reader({ zorgteamDate: '2026-09-01', school: 'de regenboog ' }), s).school).toBe('de regenboog');
		expect(checkCase(reader({ zorgteamDate: '2026-09-01', school: 'Other name', brin: '12ab' }), s).status).toBe('overdue');
		const e = errorOf(() => checkCase(reader({ zorgteamDate: '2026-09-01', school: 'De Horizon', brin: '99ZZ' }), s));
		expect(e).toMatchObject({ code: 'unknown_school', field: 'school' });
		expect(errorOf(() => checkCase(reader({ zorgteamDate: '2026-09-01' }), s))).toMatchObject({ code: 'missing_field', field: 'school' });
		expect(checkCase(reader({ zorgteamDate: '2026-09-01', school: 'Anything' }), spec()).school).toBe('Anything');
		expect(parseKnownSchools(' \n ')).toBeUndefined();
	});

	it('case references: required for alerts and grouping, and must look pseudonymous', () => {
		expect(errorOf(() => checkCase(reader({ zorgteamDate: '2026-09-01' }), spec({ requireCaseRef: true })))).toMatchObject({
			code: 'missing_field',
			field: 'caseRef',
		});
		for (const bad of [SYNTHETIC_PUPIL_NAMES[1], SYNTHETIC_BSNS[0] + ' x']) {
			const e = errorOf(() => checkCase(reader({ caseRef: bad, zorgteamDate: '2026-09-01' }), spec()));
			expect(e).toMatchObject({ code: 'invalid_case_ref', field: 'caseRef' });
			assertNoPersonalData(e.message + e.hint);
		}
	});

	it('uses the configured field names', () => {
		const s = spec({ fields: { ...spec().fields, clockStart: 'Datum zorgteam', stop: 'Datum start' } });
		expect(checkCase(reader({ 'Datum zorgteam': '2026-11-20', 'Datum start': '2026-11-25' }), s).status).toBe('met');
	});
});

describe('caseOutput', () => {
	it('formats the result with ISO dates and the counting unit', () => {
		const s = spec();
		const out = caseOutput(checkCase(reader({ zorgteamDate: '2026-10-10' }), s), s);
		expect(out).toEqual({
			rule: 'eightWeek',
			status: 'due_soon',
			clockStart: '2026-10-10',
			stopDate: null,
			dueDate: '2026-12-05',
			daysElapsed: 47,
			daysRemaining: 9,
			referenceDate: '2026-11-26',
			countedIn: 'calendar days',
			recipientEmail: '',
			recipientEmails: [],
		});
	});

	it('says when the holiday calendar does not cover the clock', () => {
		const s = spec({ clock: { norm: { length: 8, unit: 'weeks' }, counting: 'schoolWeeks', dueSoonDays: 14 } });
		// a list that covers October 2026 only: the clock from 10 October runs past it
		const october = new HolidayCalendar([{ start: fromYmd(2026, 10, 17), end: fromYmd(2026, 10, 25) }], [{ start: fromYmd(2026, 10, 1), end: fromYmd(2026, 10, 31) }]);
		const out = caseOutput(checkCase(reader({ zorgteamDate: '2026-10-10' }), s, october), s);
		expect(out.countedIn).toBe('school days');
		expect(out.calendarGaps).toEqual([{ from: '2026-11-01', to: '2026-12-14' }]);
		expect(out.calendarWarning).toMatch(/does not cover 2026-11-01 to 2026-12-14/);
		// 10 October + 56 days = 5 December, + 9 days of herfstvakantie (17-25 October) = 14 December
		expect(out.dueDate).toBe('2026-12-14');
		// the built-in calendar covers 2026-2027 (issue 21): the same case, no gaps
		const builtIn = caseOutput(checkCase(reader({ zorgteamDate: '2026-10-10' }), s, defaultHolidayCalendar('midden')), s);
		expect(builtIn).toMatchObject({ dueDate: '2026-12-14' });
		expect(builtIn.calendarGaps).toBeUndefined();
		// the Christmas holiday 2026 is known, so a clock running through it moves past it (16 days)
		const late = caseOutput(checkCase(reader({ zorgteamDate: '2026-11-20' }), s, defaultHolidayCalendar('midden')), s);
		expect(late.dueDate).toBe('2027-01-31');
	});
});
