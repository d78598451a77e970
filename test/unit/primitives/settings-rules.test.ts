/**
 * The settings rules that live in the domain (issue 25 §2): what a user may give as a setting, checked where the
 * value is made, with a code and the parameter it is about. The settings modules call them (their messages are
 * the configuration errors the nodes show: test/unit/nodes/settings-readers.test.ts). Expected values by hand.
 */
import { getDefaultRegistry, parseExtraMunicipalities } from '../../../domain/municipalities';
import { checkKpiSettings } from '../../../domain/deadlines';
import { checkCatchUpWindow } from '../../../domain/evaluation';
import { requireCommonHolidayRegion } from '../../../domain/calendar';
import { buildPolicy } from '../../../domain/policies/build';
import { productTable, requireLotBudgets, requireParticipants } from '../../../domain/settlement';
import { DomainError } from '../../../domain/primitives/errors';

/** The error `run` throws, to check its code and field (fails when nothing is thrown). */
function thrown(run: () => unknown): DomainError {
	try {
		run();
	} catch (error) {
		if (error instanceof DomainError) return error;
		throw error;
	}
	throw new Error('nothing thrown');
}

describe('settlement: tariffs, prices and lot budgets per product', () => {
	it('reads euro amounts per code, the default under "", skipping entries without a code', () => {
		expect(productTable([{ product: ' A1 ', amount: '80,50' }, { product: '', amount: '1' }, { product: 'B2', amount: '1.234,56' }], 'Tariff per Hour', 7500)).toEqual({
			'': 7500,
			A1: 8050,
			B2: 123456,
		});
	});

	it('refuses two codes that are the same once spaces are collapsed and case ignored', () => {
		const e = thrown(() => productTable([{ product: 'A 1', amount: '1' }, { product: 'a  1', amount: '2' }], 'Tariff per Hour'));
		expect([e.code, e.field, e.message]).toEqual(['duplicate_product_code', 'Tariff per Hour', 'Tariff per Hour: the codes "A 1" and "a  1" are the same code (spaces and letter case are ignored)']);
	});

	it('refuses an amount that is not one, naming the product', () => {
		const e = thrown(() => productTable([{ product: 'A1', amount: 'tachtig' }], 'Price per Arrangement'));
		expect([e.code, e.field]).toEqual(['invalid_amount', 'Price per Arrangement (A1)']);
	});

	it('population financing per lot needs a lot budget', () => {
		expect(requireLotBudgets({ P1: 100 })).toEqual({ P1: 100 });
		const e = thrown(() => requireLotBudgets({}));
		expect([e.code, e.field, e.message]).toEqual(['no_lot_budgets', 'lotBudgets', 'No budget per lot is set']);
	});

	it('a settlement needs participating municipalities: a custom policy without them is refused, a preset passes', () => {
		const e = thrown(() => requireParticipants(buildPolicy('custom', {}, getDefaultRegistry(), { from: '2026-01-01', to: '2026-03-31', field: 'period' })));
		expect([e.code, e.field, e.message]).toEqual(['no_participating_municipalities', 'participatingMunicipalities', 'The region policy has no participating municipalities']);
		expect(requireParticipants(buildPolicy('amsterdam_sjso', {}, getDefaultRegistry(), { from: '2026-01-01', to: '2026-03-31', field: 'period' })).participatingMunicipalities).toContain('0363');
	});
});

describe('deadlines: KPI target and suppression', () => {
	it.each([
		[0, 0],
		[75, 5],
		[100, 10],
	])('target %s%% with suppression below %s is fine', (target, below) => {
		expect(() => checkKpiSettings(target, below)).not.toThrow();
	});

	it.each([
		[-1, 0, 'invalid_target_share', 'targetPercent'],
		[100.5, 0, 'invalid_target_share', 'targetPercent'],
		[Number.NaN, 0, 'invalid_target_share', 'targetPercent'],
		[75, -1, 'invalid_suppression', 'suppressBelow'],
		[75, 2.5, 'invalid_suppression', 'suppressBelow'],
	])('target %s with suppression below %s: %s', (target, below, code, field) => {
		const e = thrown(() => checkKpiSettings(target, below));
		expect([e.code, e.field]).toEqual([code, field]);
	});
});

describe('evaluation: the catch-up window', () => {
	it.each([0, 7, 90, 365])('%s days is a window', (days) => expect(checkCatchUpWindow(days)).toBe(days));
	it.each([-1, Number.NaN, Number.POSITIVE_INFINITY, '7', undefined])('%s is not', (days) => {
		const e = thrown(() => checkCatchUpWindow(days));
		expect([e.code, e.field]).toEqual(['invalid_catch_up', 'Catch-Up Window (Days)']);
	});
});

describe('municipalities: extra municipalities, one "code;name" per line', () => {
	it('reads the lines, blank ones skipped, a ";" inside a name kept', () => {
		expect(parseExtraMunicipalities('9999;Proefgemeente\n\n 9998 ; Test;stad \n', 'Extra Municipalities')).toEqual([
			{ code: '9999', name: 'Proefgemeente' },
			{ code: '9998', name: 'Test;stad' },
		]);
	});

	it.each([
		['Proefgemeente', 1],
		['9999;Proefgemeente\nGM;Kort', 2],
		['9999;', 1],
	])('%j: line %s is not "code;name"', (text, line) => {
		const e = thrown(() => parseExtraMunicipalities(text, 'Extra Municipalities'));
		expect([e.code, e.field, e.message]).toEqual(['invalid_municipality_line', 'Extra Municipalities', `Line ${line} of "Extra Municipalities" is not "code;name"`]);
	});
});

describe('calendar: one holiday region for a policy', () => {
	const registry = getDefaultRegistry();
	it('Amersfoort and Leusden lie in midden', () => {
		expect(requireCommonHolidayRegion(['0307', '0327'].map((c) => registry.resolve(c, 'Municipalities'))).region).toBe('midden');
	});
	it('Amersfoort (midden) with Eemnes (noord) has none', () => {
		const e = thrown(() => requireCommonHolidayRegion(['0307', '0317'].map((c) => registry.resolve(c, 'Municipalities'))));
		expect(e.code).toBe('no_holiday_region');
		expect(e.message).toContain('noord: Eemnes');
	});
});
