/**
 * The period cache of delivery records is made per run (`newPeriodCache()` on the RecordContext), never
 * module-wide (CONTRIBUTING "Hot paths"), and returns each label's own period: expected periods written by hand.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_DELIVERY_FIELDS, newPeriodCache, parseDeliveryRecord, parsePeriod, type RecordContext } from '../../../domain/settlement';
import { formatIsoDate } from '../../../domain/primitives/dates';
import { REPO_ROOT } from '../../helpers/engine';

const row = (periode: unknown) => ({ leerlingnummer: 'L-0001', woonplaats: '0307', periode, school: '12AB', product: 'OSJ' });

describe('delivery records: period labels through the run cache', () => {
	const ctx: RecordContext = { period: parsePeriod('2026', 'period'), financingForm: 'function', allocationKey: 'pupils', defaultArrangement: 'group', periods: newPeriodCache() };
	const fields = { ...DEFAULT_DELIVERY_FIELDS, pupil: 'leerlingnummer', residence: 'woonplaats', period: 'periode', school: 'school', product: 'product' };
	const periodOf = (value: unknown) => {
		const p = parseDeliveryRecord(row(value), 0, fields, ctx).period;
		return [formatIsoDate(p.start), formatIsoDate(p.end)];
	};

	it('each label keeps its own period, also when labels alternate through one cache', () => {
		expect(periodOf('2026-Q1')).toEqual(['2026-01-01', '2026-03-31']);
		expect(periodOf('2026-Q2')).toEqual(['2026-04-01', '2026-06-30']);
		expect(periodOf('2026-Q1')).toEqual(['2026-01-01', '2026-03-31']);
		expect(periodOf('2026-03')).toEqual(['2026-03-01', '2026-03-31']);
		expect(ctx.periods?.size).toBe(3);
	});

	it('keeps no error: a wrong label fails for every record that has it', () => {
		for (let i = 0; i < 2; i++) expect(() => periodOf('2026-Q9')).toThrow(/periode/);
		expect(ctx.periods?.has('2026-Q9')).toBe(false);
	});

	it('holds no cache at module level', () => {
		const source = fs.readFileSync(path.join(REPO_ROOT, 'domain/settlement/records.ts'), 'utf8');
		expect(source.match(/^(?:export )?const \w+ = new (?:Map|Set|WeakMap)\b/gm) ?? []).toEqual([]);
	});
});
