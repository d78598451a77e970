/**
 * The settlement examples' sample data settles as documented on any day (scripts/sample-data/settlement.js):
 * function financing, 3 fte × € 92.000 × 3/12 = € 69.000,00 over 30 pupils = € 2.300,00 each, in the
 * quarter the examples settle on that day (the previous one), and the invoices for that quarter carry
 * that quarter's numbers.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DateTime } from 'luxon';

import { buildPolicy } from '../../../domain/policies/build';
import { calculateSettlement, DEFAULT_DELIVERY_FIELDS, makePseudonymiser, parseDeliveryRecord, parsePeriod } from '../../../domain/settlement';
import { deliveryRows, invoiceRows, previousQuarter, todayInAmsterdam } from '../../helpers/sampleData';
import { PSEUDONYM_FIXTURE } from './helpers';

/** Day → the quarter settled on it, worked out by hand (the quarter of the date three months earlier). */
const SETTLED: Array<[string, string, string[]]> = [
	['2026-11-26', '2026-Q3', ['2026-07', '2026-08', '2026-09']],
	['2026-12-07', '2026-Q3', ['2026-07', '2026-08', '2026-09']],
	['2027-01-01', '2026-Q4', ['2026-10', '2026-11', '2026-12']],
	['2027-03-31', '2026-Q4', ['2026-10', '2026-11', '2026-12']],
	['2027-04-01', '2027-Q1', ['2027-01', '2027-02', '2027-03']],
	['2027-07-25', '2027-Q2', ['2027-04', '2027-05', '2027-06']],
	['2027-12-31', '2027-Q3', ['2027-07', '2027-08', '2027-09']],
	['2028-02-29', '2027-Q4', ['2027-10', '2027-11', '2027-12']],
];

it.each(SETTLED)('on %s the examples settle %s', (day, label, months) => {
	expect(previousQuarter(day)).toEqual({ year: Number(label.slice(0, 4)), quarter: Number(label.slice(6)), label, months });
	expect(new Set(deliveryRows(day).map((r) => r.periode))).toEqual(new Set(months));
	const numbers = invoiceRows(day).map((r) => r.factuurnummer);
	expect(numbers).toEqual([1, 2, 4, 4, 5].map((k) => `VF-${label.slice(0, 4)}-${label.slice(5)}-00${k}`));
});

it.each([...SETTLED.map(([d]) => d), todayInAmsterdam()])('the deliveries made for %s settle as documented', (day) => {
	const { label, months } = previousQuarter(day);
	const period = parsePeriod(label, 'period');
	const rows = deliveryRows(day);
	const records = rows.map((r, i) => parseDeliveryRecord(r, i, DEFAULT_DELIVERY_FIELDS, { period, financingForm: 'function', allocationKey: 'pupils' }));
	const r = calculateSettlement(records, {
		// the policy of the settled period (memberships change on dates: S4 §4.2.4)
		policy: buildPolicy('amsterdam_sjso', {}, undefined, { from: `${months[0]}-01`, to: `${months[2]}-28`, field: 'period' }),
		period,
		financingForm: 'function',
		allocationKey: 'pupils',
		fte: 3,
		yearlyCostPerFte: 9_200_000,
		financingParty: { code: '0363', name: 'Amsterdam' },
		pseudonymise: makePseudonymiser(PSEUDONYM_FIXTURE),
	});
	expect(r.totalCostCents).toBe(6_900_000);
	expect(r.statements.map((s) => [s.municipalityCode, s.pupils, s.amountCents])).toEqual([
		['0358', 3, 690_000],
		['0362', 4, 920_000],
		['0394', 2, 460_000],
		['0479', 2, 460_000],
	]);
	expect([r.ownShare.pupils, r.ownShare.amountCents]).toEqual([19, 4_370_000]);
	expect(r.summary).toMatchObject({ recordsIn: rows.length, recordsRejected: 0, balanced: true });
});

/**
 * The examples' own Period expression settles the quarter the generator fills: evaluated (as n8n's `$now`
 * in Europe/Amsterdam) at noon of each day, it names the same quarter as the table above.
 */
it.each(['settlement-quarterly.json', 'settlement-reconcile.json'])('%s settles the quarter the sample data fills', (file) => {
	const wf = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', 'workflows', file), 'utf8')) as { nodes: Array<{ parameters: Record<string, unknown> }> };
	const periods = wf.nodes.map((n) => n.parameters.period).filter((p): p is string => typeof p === 'string');
	expect(periods).toEqual([`={{ $now.setZone('Europe/Amsterdam').minus({ months: 3 }).toFormat("yyyy-'Q'q") }}`]);
	for (const [day, label] of SETTLED) {
		const $now = DateTime.fromISO(`${day}T12:00:00`, { zone: 'Europe/Amsterdam' });
		expect({ day, period: $now.setZone('Europe/Amsterdam').minus({ months: 3 }).toFormat("yyyy-'Q'q") }).toEqual({ day, period: label });
	}
});
