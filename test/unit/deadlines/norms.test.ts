/** Issue 21 §4: the 8-week norm is defined once (NORM_DEFAULTS) and everything else reads it. */
import { DEFAULT_DISTRIBUTION_BOUNDS, EIGHT_WEEK_NORM_DAYS, NORM_DEFAULTS } from '../../../domain/deadlines';
import { EIGHT_WEEKS_DAYS } from '../../../domain/triage/decide';
import { clockProperties } from '../../../nodes/DeadlineMonitor/parameters';

describe('one 8-week norm', () => {
	it('is 8 weeks = 56 days (S1), and 3 months for thuiszitters (S2)', () => {
		expect(NORM_DEFAULTS.eightWeek).toEqual({ length: 8, unit: 'weeks' });
		expect(NORM_DEFAULTS.thuiszitter).toEqual({ length: 3, unit: 'months' });
		expect(EIGHT_WEEK_NORM_DAYS).toBe(56);
	});

	it('Triage, the KPI buckets and the Deadline Monitor\'s defaults agree with it', () => {
		expect(EIGHT_WEEKS_DAYS).toBe(EIGHT_WEEK_NORM_DAYS);
		expect(DEFAULT_DISTRIBUTION_BOUNDS).toEqual([28, 56, 84]);
		const def = (name: string) => clockProperties.find((p) => p.name === name)?.default;
		// the description holds literals (the n8n lint reads them statically): they must equal the domain's norm
		expect([def('normLength'), def('normUnit')]).toEqual([NORM_DEFAULTS.eightWeek.length, NORM_DEFAULTS.eightWeek.unit]);
		expect([def('thuiszitterNormLength'), def('thuiszitterNormUnit')]).toEqual([NORM_DEFAULTS.thuiszitter.length, NORM_DEFAULTS.thuiszitter.unit]);
	});
});
