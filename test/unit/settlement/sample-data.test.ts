/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- test code, not shipped in dist */
/**
 * The example workflow's sample data gives the statements written out in scripts/sample-data/settlement.js
 * (function financing, 3 fte × € 92.000 × 3/12 = € 69.000,00 over 30 pupils = € 2.300,00 each).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { buildPolicy } from '../../../domain/policies/build';
import { calculateSettlement, DEFAULT_DELIVERY_FIELDS, makePseudonymiser, parseDeliveryRecord, parsePeriod } from '../../../domain/settlement';
import { PSEUDONYM_FIXTURE } from './helpers';

function readCsv(file: string): Array<Record<string, string>> {
	const [head, ...lines] = fs.readFileSync(path.join(__dirname, '..', '..', '..', 'sample-data', file), 'utf8').trim().split('\n');
	const cols = head.split(',');
	return lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [cols[i], v])));
}

it('sample-data/deliveries.csv settles as documented', () => {
	const period = parsePeriod('2026-Q3', 'period');
	const rows = readCsv('deliveries.csv');
	const records = rows.map((r, i) => parseDeliveryRecord(r, i, DEFAULT_DELIVERY_FIELDS, { period, financingForm: 'function', allocationKey: 'pupils' }));
	const r = calculateSettlement(records, {
		// The policy of the period: Ouder-Amstel takes part in SJSO from 1 January 2022 (S4 §4.2.4, issue 21).
		policy: buildPolicy('amsterdam_sjso', {}, undefined, { from: '2026-07-01', to: '2026-09-30', field: 'period' }),
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
		['0362', 4, 920_000],
		['0394', 2, 460_000],
		['0479', 2, 460_000],
	]);
	// The 3 Ouder-Amstel pupils are residents in 2026 (the sample data still bills them: reported to the lead):
	// own share 19 + 3 = 22 pupils × € 2.300,00 = € 50.600,00
	expect([r.ownShare.pupils, r.ownShare.amountCents]).toEqual([22, 5_060_000]);
	expect(r.summary).toMatchObject({ recordsIn: rows.length, recordsRejected: 0, balanced: true });
});
