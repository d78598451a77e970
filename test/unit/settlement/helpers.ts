/** Shared helpers for settlement unit tests: build records from rows, run the calculation. */
import { formatIsoDate } from '../../../domain/primitives/dates';
import { buildPolicy, type PolicyEdits } from '../../../domain/policies/build';
import type { PresetId } from '../../../domain/policies/types';
import { getDefaultRegistry } from '../../../domain/municipalities/registry';
import {
	calculateSettlement,
	DEFAULT_DELIVERY_FIELDS,
	makePseudonymiser,
	parseDeliveryRecord,
	parsePeriod,
	type DeliveryRecord,
	type RecordContext,
	type SettlementParams,
	type SettlementResult,
} from '../../../domain/settlement';

export const PSEUDONYM_FIXTURE = 'test-key-0123456789abcdef';

export type Row = Record<string, unknown>;

export interface Scenario {
	preset: PresetId | 'custom';
	edits?: PolicyEdits;
	period: string;
	financingParty: string;
	params: Partial<Omit<SettlementParams, 'policy' | 'period' | 'pseudonymise' | 'financingParty'>>;
	rows: Row[];
}

export function records(rows: Row[], ctx: RecordContext): DeliveryRecord[] {
	return rows.map((row, i) => parseDeliveryRecord(row, i, DEFAULT_DELIVERY_FIELDS, ctx));
}

export function run(s: Scenario): SettlementResult {
	const period = parsePeriod(s.period, 'period');
	// The policy of the scenario's period, as the node builds it (memberships and rules change on dates).
	const policy = buildPolicy(s.preset, { mergedMembers: 'successor', ...s.edits }, getDefaultRegistry(), { from: formatIsoDate(period.start), to: formatIsoDate(period.end), field: 'period' });
	const form = s.params.financingForm ?? policy.financingForm;
	const key = s.params.allocationKey ?? 'pupils';
	const ctx: RecordContext = { period, financingForm: form, allocationKey: key, tariffs: s.params.tariffs, prices: s.params.prices, lotBudgets: s.params.lotBudgets, useRecordCost: s.params.useRecordCost };
	const registry = getDefaultRegistry();
	const party = registry.resolve(s.financingParty, 'financingParty');
	return calculateSettlement(records(s.rows, ctx), {
		...s.params,
		policy,
		period,
		financingForm: form,
		allocationKey: key,
		financingParty: { code: party.code, name: party.name },
		pseudonymise: makePseudonymiser(PSEUDONYM_FIXTURE),
		municipalityName: (code) => registry.find(code)?.name ?? code,
	});
}

/** amount per statement municipality code, plus OWN and the total. */
export function amounts(r: SettlementResult): Record<string, number> {
	const out: Record<string, number> = {};
	for (const s of r.statements) out[s.municipalityCode] = s.amountCents;
	out.OWN = r.ownShare.amountCents;
	out.TOTAL = r.totalCostCents;
	return out;
}

export function row(pupil: string, woongemeente: string, extra: Row = {}): Row {
	return { leerling: pupil, woongemeente, school: '12AB', arrangement: 'individueel', ...extra };
}
