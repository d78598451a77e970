/**
 * Table tests of every settings reader (issue 25 §2) at every node version it has: for a few parameter sets a
 * user can store, the typed settings object the operation runs on. The parameters are what the editor stores
 * at that version (n8n's NodeHelpers fills in the defaults of what it shows, test/helpers/settingsContext.ts);
 * the expected objects are written by hand from the parameter descriptions, the CHANGELOG's version rows and the
 * domain's column lists (day numbers: whole days since 1970-01-01, counted by hand: 2026-01-01 = 56·365 + 14
 * leap days = 20454). They would have caught the privacy choice lost at 1.2 (issue 25 §1).
 */
import type { INodeParameters } from 'n8n-workflow';

import { CrossRegionSettlement } from '../../../nodes/CrossRegionSettlement/CrossRegionSettlement.node';
import { readCalculateSettings, type CalculateSettings } from '../../../nodes/CrossRegionSettlement/actions/calculate.settings';
import { readReconcileSettings } from '../../../nodes/CrossRegionSettlement/actions/reconcile.settings';
import { DeadlineMonitor } from '../../../nodes/DeadlineMonitor/DeadlineMonitor.node';
import { readCheckCasesSettings } from '../../../nodes/DeadlineMonitor/actions/checkCases.settings';
import { readKpiSettings } from '../../../nodes/DeadlineMonitor/actions/calculateKpis.settings';
import { EvaluationTrigger } from '../../../nodes/EvaluationTrigger/EvaluationTrigger.node';
import { readWatchMomentsSettings } from '../../../nodes/EvaluationTrigger/actions/watchMoments.settings';
import { RecordCleaner } from '../../../nodes/RecordCleaner/RecordCleaner.node';
import { readCleanSettings } from '../../../nodes/RecordCleaner/actions/clean.settings';
import { ToeleidingTriage } from '../../../nodes/ToeleidingTriage/ToeleidingTriage.node';
import { readTriageSettings } from '../../../nodes/ToeleidingTriage/actions/triage.settings';
import { openInput } from '../../../nodes/shared/input';
import type { IdentifyingData } from '../../../nodes/shared/privacy';
import { executeContext, triggerContext } from '../../helpers/settingsContext';

/** The privacy choice as the user sees it: undefined = keep (the version 1 default), else where data is removed. */
const privacyOf = (p: IdentifyingData | undefined) => (p === undefined ? 'keep' : p.outputs ? 'removeEverywhere' : 'removeFromErrors');

/** Version 1 keeps identifying data by default; from 1.1 it is removed everywhere (CHANGELOG, versions tables). */
const privacyAt = (version: number) => (version >= 1.1 ? 'removeEverywhere' : 'keep');

const KEY = { pseudonymisationKeyApi: { key: 'synthetic-test-key-0123456789abcdef', keyId: 'test-2026' } };

describe('Cross-Region Settlement Calculate: readCalculateSettings', () => {
	const node = new CrossRegionSettlement();
	/** The delivery columns' default (Dutch) names: the same through Input Columns (1.2) and the legacy collection (1, 1.1). */
	const fields = { pupil: 'leerling', residence: 'woongemeente', school: 'school', period: 'periode', hours: 'uren', arrangement: 'arrangement', product: 'product', cost: 'kosten' };
	const read = async (version: number, given: INodeParameters) => {
		const ctx = executeContext(node, version, { operation: 'calculate', ...given }, { credentials: KEY });
		return readCalculateSettings(ctx);
	};
	const plain = (s: CalculateSettings) => ({
		fields: s.fields,
		language: s.language,
		outputFormat: s.outputFormat,
		includeOwnShare: s.includeOwnShare,
		useRecordCost: s.useRecordCost,
		defaultArrangement: s.defaultArrangement,
		policy: s.policy.id,
		period: [s.period.label, s.period.start, s.period.end],
		financingParty: s.financingParty,
		financingForm: s.financingForm,
		allocationKey: s.allocationKey,
		fte: s.fte,
		yearlyCostPerFte: s.yearlyCostPerFte,
		lumpSum: s.lumpSum,
		lotBudgets: s.lotBudgets,
		refusedRecords: s.refusedRecords,
		tariffs: s.tariffs,
		prices: s.prices,
		keyId: s.keyId,
		privacy: privacyOf(s.privacy),
		statementFile: s.statementFile,
	});

	it.each([1, 1.1, 1.2, 1.3, 1.4])('function financing, defaults elsewhere, at version %s', async (version) => {
		const s = await read(version, { regionPolicy: 'amsterdam_sjso', period: '2026-Q1', financingForm: 'function', fte: 2, yearlyCostPerFte: '85.000,00' });
		expect(plain(s)).toEqual({
			fields,
			language: 'nl',
			outputFormat: 'statements',
			includeOwnShare: true,
			useRecordCost: false,
			defaultArrangement: undefined,
			policy: 'amsterdam_sjso',
			period: ['2026-Q1', 20454, 20543],
			financingParty: { code: '0363', name: 'Amsterdam' },
			financingForm: 'function',
			allocationKey: 'pupils',
			fte: 2,
			yearlyCostPerFte: 8_500_000,
			lumpSum: undefined,
			lotBudgets: undefined,
			refusedRecords: 'stop',
			tariffs: undefined,
			prices: undefined,
			keyId: 'test-2026',
			privacy: privacyAt(version),
			// version 1.3: the document's words and the xlsx in the binary field "data"
			statementFile: version >= 1.3 ? { words: true, field: 'data' } : { words: false },
		});
		expect(s.pseudonymise('L-1')).toMatch(/^P-/);
	});

	it.each([1, 1.1, 1.2, 1.3, 1.4])('PxQ with tariffs per product, English, one item per line, at version %s', async (version) => {
		const s = await read(version, {
			regionPolicy: 'amsterdam_sjso',
			period: '2026-01-01/2026-03-31',
			financingForm: 'pxq',
			defaultTariff: '75,00',
			tariffs: { entries: [{ product: 'A1', tariff: '80,50' }] },
			options: { language: 'en', outputFormat: 'lines', includeOwnShare: false, defaultArrangement: 'group' },
		});
		expect(plain(s)).toMatchObject({
			language: 'en',
			outputFormat: 'lines',
			includeOwnShare: false,
			defaultArrangement: 'group',
			period: ['2026-01-01/2026-03-31', 20454, 20543],
			financingForm: 'pxq',
			allocationKey: 'pupils',
			fte: undefined,
			tariffs: { '': 7500, A1: 8050 },
			prices: undefined,
			// one item per line carries no file (only one item per municipality does)
			statementFile: version >= 1.3 ? { words: true, field: undefined } : { words: false },
		});
	});

	it('two product codes that differ only in spaces and case are a configuration error', async () => {
		await expect(
			read(1.3, { regionPolicy: 'amsterdam_sjso', period: '2026-Q1', financingForm: 'pxq', tariffs: { entries: [{ product: 'A 1', tariff: '1' }, { product: 'a  1', tariff: '2' }] } }),
		).rejects.toThrow('Tariff per Hour: the codes "A 1" and "a  1" are the same code (spaces and letter case are ignored)');
	});
});

describe('Cross-Region Settlement Reconcile: readReconcileSettings', () => {
	const node = new CrossRegionSettlement();
	it.each([1, 1.1, 1.2, 1.3, 1.4])('defaults at version %s', (version) => {
		const s = readReconcileSettings(executeContext(node, version, { operation: 'reconcile' }));
		expect({ toleranceCents: s.toleranceCents, kindField: s.kindField, language: s.language, direction: s.direction, fields: s.fields, privacy: privacyOf(s.privacy) }).toEqual({
			toleranceCents: 0,
			kindField: 'kind',
			language: 'nl',
			direction: 'received',
			fields: { invoiceNumber: 'factuurnummer', municipality: 'gemeente', period: 'periode', amount: 'bedrag' },
			privacy: privacyAt(version),
		});
	});

	// the privacy choice is the user's at every version that shows it (issue 25 §1: it was lost at 1.2)
	it.each([
		[1, 'removeFromErrors'],
		[1.1, 'removeFromErrors'],
		[1.1, 'keep'],
		[1.2, 'removeFromErrors'],
		[1.2, 'keep'],
		[1.3, 'removeFromErrors'],
		[1.3, 'keep'],
		[1.4, 'removeFromErrors'],
		[1.4, 'keep'],
	])('at version %s the user\'s choice %s holds', (version, choice) => {
		const s = readReconcileSettings(executeContext(node, version as number, { operation: 'reconcile', identifyingData: choice }));
		expect(privacyOf(s.privacy)).toBe(choice);
	});
});

describe('Cross-Region Settlement Reconcile: the tolerance per version', () => {
	const node = new CrossRegionSettlement();
	// hand-worked: Tolerance (Cents) is cents as entered (≤ 1.3); Tolerance is euros (1.4): € 0,29 = 29 cents, € 1 = 100 cents
	it.each([
		[1.3, { toleranceCents: 100 }, 100],
		[1.3, { toleranceCents: 100, tolerance: 5 }, 100],
		[1.4, { tolerance: 0.29 }, 29],
		[1.4, { tolerance: 1 }, 100],
		[1.4, { tolerance: 1, toleranceCents: 500 }, 100],
	])('at version %s, %j → %s cents', (version, given, cents) => {
		const s = readReconcileSettings(executeContext(node, version as number, { operation: 'reconcile', ...(given as INodeParameters) }));
		expect(s.toleranceCents).toBe(cents);
	});
});

describe('Deadline Monitor Check Cases: readCheckCasesSettings', () => {
	const node = new DeadlineMonitor();
	const read = (version: number, given: INodeParameters) => {
		const ctx = executeContext(node, version, { operation: 'checkCases', referenceDate: '2026-11-26', ...given });
		return readCheckCasesSettings(ctx, openInput(ctx, { properties: node.description.properties }));
	};

	it.each([1, 1.1, 1.2, 1.3])('alert once, grouped per zorgteam, at version %s', (version) => {
		const s = read(version, { alertOnce: true, groupByRecipient: true });
		expect({ ...s, clock: undefined, privacy: privacyOf(s.privacy) }).toEqual({
			clock: undefined,
			alertOnce: true,
			maxRemembered: 50000,
			// version 1.3: the outbox (10 minutes, overdue and due soon confirmed by Confirm Delivery)
			outbox: version >= 1.3 ? { resendAfterMs: 600_000, confirmed: new Set(['overdue', 'due_soon']) } : undefined,
			// version 1.2: one group per recipient on each status output
			grouping: { groupBy: 'zorgteam', statuses: new Set(['overdue', 'due_soon']), perOutput: version >= 1.2 },
			outputField: 'deadline',
			language: 'nl',
			privacy: privacyAt(version),
		});
		const { spec } = s.clock;
		expect({ ...spec, knownSchools: undefined }).toEqual({
			rule: 'eightWeek',
			clock: { norm: { length: 8, unit: 'weeks' }, counting: 'calendarDays', dueSoonDays: 14 },
			fields: { caseRef: 'caseRef', clockStart: 'zorgteamDate', stop: 'startDate', school: 'school', brin: 'brin', zorgteam: 'zorgteam', recipientEmail: 'zorgteamEmail' },
			reference: 20783, // 2026-11-26
			zone: 'Europe/Amsterdam',
			requireCaseRef: true,
			knownSchools: undefined,
			// version 1.3: a due date the calendar cannot decide is marked uncertain
			markUncertain: version >= 1.3,
		});
		expect(s.clock.passWithoutClockStart).toBe(false);
		expect(s.clock.fixedCalendar).toBeUndefined();
	});

	it.each([1, 1.3])('thuiszitter rule, one by one, own output field, at version %s', (version) => {
		const s = read(version, { rule: 'thuiszitter', dueSoonDays: 7, options: { outputField: ' clock ', passWithoutClockStart: true } });
		expect([s.alertOnce, s.outbox, s.grouping, s.outputField, s.clock.passWithoutClockStart]).toEqual([false, undefined, undefined, 'clock', true]);
		expect(s.clock.spec.clock).toEqual({ norm: { length: 3, unit: 'months' }, counting: 'calendarDays', dueSoonDays: 7 });
		expect(s.clock.spec.fields).toMatchObject({ clockStart: 'homeSince', stop: 'startedOfferDate' });
		expect(s.clock.spec.requireCaseRef).toBe(false);
	});

	it('school weeks with a pasted list: one calendar for every case, fixed up front', () => {
		const s = read(1.3, { counting: 'schoolWeeks', holidaySource: 'list', holidayList: '2026-10-17 - 2026-10-25 Herfstvakantie' });
		expect(s.clock.spec.clock.counting).toBe('schoolWeeks');
		expect(s.clock.fixedCalendar).toBeDefined();
		expect(s.clock.calendarFor({})).toBe(s.clock.fixedCalendar);
	});
});

describe('Deadline Monitor Calculate KPIs: readKpiSettings', () => {
	const node = new DeadlineMonitor();
	const read = (version: number, given: INodeParameters) => {
		const ctx = executeContext(node, version, { operation: 'calculateKpis', referenceDate: '2026-11-26', ...given });
		return readKpiSettings(ctx, openInput(ctx, { properties: node.description.properties }));
	};

	it.each([1, 1.1, 1.2, 1.3])('defaults at version %s', (version) => {
		const s = read(version, {});
		expect({ ...s, clock: undefined, privacy: privacyOf(s.privacy) }).toEqual({
			clock: undefined,
			groupBy: 'overall',
			targetPercent: 75,
			suppressBelow: 0,
			chartLanguage: 'nl',
			periodStart: undefined,
			periodEnd: undefined,
			privacy: privacyAt(version),
		});
		expect(s.clock.spec).toMatchObject({ rule: 'eightWeek', reference: 20783, requireCaseRef: false, markUncertain: version >= 1.3 });
		expect(s.clock.spec.clock.dueSoonDays).toBe(0);
	});

	it('a period in Dutch notation, per school, suppressed below 5, English chart', () => {
		const s = read(1.3, { kpiGroupBy: 'school', targetPercent: 80, suppressBelow: 5, periodStart: '01-01-2026', periodEnd: '26-11-2026', chartLanguage: 'en' });
		expect([s.groupBy, s.targetPercent, s.suppressBelow, s.periodStart, s.periodEnd, s.chartLanguage]).toEqual(['school', 80, 5, 20454, 20783, 'en']);
	});

	it.each([
		[{ targetPercent: 120 }, 'Target Share must be between 0 and 100'],
		[{ suppressBelow: 2.5 }, 'Suppress Counts Below must be a whole number of 0 or more'],
		[{ periodStart: '31-02-2026' }, 'Period Start'],
	])('%j is a configuration error', (given, message) => {
		expect(() => read(1.3, given)).toThrow(message);
	});
});

describe('Toeleiding Triage: readTriageSettings', () => {
	const node = new ToeleidingTriage();
	const read = async (version: number, given: INodeParameters) => {
		const ctx = executeContext(node, version, { options: { policyDate: '2026-11-26' }, ...given });
		return readTriageSettings(ctx, openInput(ctx, { properties: node.description.properties }));
	};

	it.each([1, 1.1, 1.2, 1.3])('a preset with one access contact, at version %s', async (version) => {
		const s = await read(version, {
			regionPolicy: 'amersfoort_osj',
			accessContacts: { contact: [{ school: '12ab 00', municipality: 'Amersfoort', name: 'Toegang A', email: 'toegang@example.org' }] },
			deadlineCounting: 'schoolWeeks',
			deadlineHolidayRegion: 'midden',
		});
		expect({
			policy: s.config.policy.id,
			contacts: s.config.contacts,
			zone: s.config.zone,
			pseudonymised: s.config.pseudonymise !== undefined,
			// version 1.3: the deadline counts school weeks when asked
			schoolWeekDeadline: s.config.deadlineCalendar !== undefined,
			names: [s.names.bsn, s.names.school, s.names.residence, s.names.riskLevel, s.names.parentalConsent],
			language: s.language,
			triageOnly: s.triageOnly,
			includeBsn: s.includeBsn,
			privacy: privacyOf(s.privacy),
		}).toEqual({
			policy: 'amersfoort_osj',
			contacts: [{ school: '12AB00', municipality: '0307', name: 'Toegang A', email: 'toegang@example.org' }],
			zone: 'Europe/Amsterdam',
			pseudonymised: false,
			schoolWeekDeadline: version >= 1.3,
			names: ['bsn', 'school', 'residenceMunicipality', 'riskLevel', 'parentalConsent'],
			language: 'nl',
			triageOnly: false,
			includeBsn: false,
			privacy: privacyAt(version),
		});
	});

	it('version 1.3, school weeks with the region from the policy: Amersfoort OSJ spans two holiday regions (Eemnes lies in noord)', async () => {
		await expect(read(1.3, { regionPolicy: 'amersfoort_osj', deadlineCounting: 'schoolWeeks' })).rejects.toThrow("The region policy's municipalities have no single holiday region");
		// before 1.3 the parameter does not exist: calendar days, no error
		expect((await read(1.2, { regionPolicy: 'amersfoort_osj', deadlineCounting: 'schoolWeeks' })).config.deadlineCalendar).toBeUndefined();
	});

	it('English, triage only, BSN kept and pseudonymised', async () => {
		const ctx = executeContext(
			node,
			1.3,
			{ regionPolicy: 'amersfoort_osj', pseudonymiseBsn: true, options: { policyDate: '2026-11-26', language: 'en', output: 'triageOnly', includeBsn: true } },
			{ credentials: KEY },
		);
		const s = await readTriageSettings(ctx, openInput(ctx, { properties: node.description.properties }));
		expect([s.language, s.triageOnly, s.includeBsn, s.config.pseudonymise !== undefined, s.config.deadlineCalendar]).toEqual(['en', true, true, true, undefined]);
	});
});

describe('Semiannual Evaluation Trigger: readWatchMomentsSettings', () => {
	const node = new EvaluationTrigger();
	const now = Date.UTC(2026, 10, 26, 12); // 26 November 2026

	it('defaults at version 1 (its only version)', () => {
		const c = readWatchMomentsSettings(triggerContext(node, 1, {}), now);
		expect({ schools: c.schools, blank: c.blankSchoolEntries, language: c.language, catchUp: c.catchUpWindowDays }).toEqual({ schools: [], blank: 0, language: 'nl', catchUp: 7 });
		expect(c.schedule).toMatchObject({ zone: 'Europe/Amsterdam', shiftToWorkingDay: true, dutchPublicHolidays: true, annualReportMoment: 'second' });
		expect(c.schedule.moments.map((m) => [m.id, m.month, m.day, m.hour, m.minute])).toEqual([
			['first', 2, 1, 9, 0],
			['second', 6, 15, 9, 0],
		]);
	});

	it('a negative catch-up window is a configuration error naming the parameter', () => {
		expect(() => readWatchMomentsSettings(triggerContext(node, 1, { catchUpWindowDays: -1 }), now)).toThrow('"Catch-Up Window (Days)" must be 0 or more');
	});
});

describe('Record Cleaner: readCleanSettings', () => {
	const node = new RecordCleaner();
	it.each([1, 1.1])('defaults at version %s', (version) => {
		const s = readCleanSettings(executeContext(node, version, {}));
		expect({ rules: s.rulesOf(0), ...s.cleaning, registry: undefined, messageLanguage: s.messageLanguage, privacy: privacyOf(s.privacy) }).toEqual({
			rules: [{ field: 'zorgteamDate', type: 'date', required: true, outputField: '' }],
			dateFormat: 'iso',
			addMunicipalityName: false,
			removeBsn: false,
			noteLanguage: 'nl',
			registry: undefined,
			messageLanguage: 'nl',
			privacy: privacyAt(version),
		});
	});
});
