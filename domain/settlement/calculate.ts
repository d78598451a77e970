/**
 * Calculate: who pays what for the pupils in the delivery records, to the cent.
 *
 * 1. Every record is classified under the region policy (domain/policies `classifyPupil`, the same
 *    rules the triage node uses): resident or covered → the financing party's own share; settle →
 *    billed to the residence municipality (woonplaatsbeginsel); refer_beschikking → not settled, listed
 *    so the home municipality can be asked for a beschikking.
 * 2. The cost: function financing = fte × yearly cost per fte × share of the year; population = the
 *    lump sum; PxQ = Σ hours × tariff per record; output = Σ fixed price per record (one record is one
 *    delivered arrangement). Rounded once, half away from zero, to cents.
 * 3. Function/population: the total is split over the parties (billed municipalities + own share) by
 *    the allocation key with the largest-remainder rule, then each party's amount over its pupils the
 *    same way. PxQ/output: each pupil's amount is the sum of their records; a party's amount the sum
 *    of its pupils. Either way billed + own share = total cost, exactly.
 * Referred pupils are not part of the allocation base (their help is to be paid through the home
 * municipality's individual beschikking); under PxQ/output their indicative cost is shown.
 */
import { DomainError } from '../errors';
import { allocateLargestRemainder, roundDiv, toScaledInteger, type Cents } from '../money';
import { classifyPupil, type PupilClassification } from '../policies/classify';
import { lookupTariff } from './records';
import { shareOfYear } from './period';
import { functionTotalBasis, NOT_SETTLED_REASONS, partyBasis, populationTotalBasis, sumTotalBasis } from './text';
import { normalisePupilRef } from '../pseudonym';
import type { FormerReference } from '../municipalities/registry';
import type { DeliveryRecord, PartyStatement, RejectedRecord, SettlementParams, SettlementResult, StatementKind, StatementLine } from './types';

const OWN = '\u0000own';
const HOUR_SCALE = 10_000;

interface LineAcc {
	pupil: string;
	residenceCode: string;
	residenceName: string;
	formerResidences?: Map<string, FormerReference>;
	schools: Set<string>;
	arrangements: Set<string>;
	treatment: PupilClassification['treatment'];
	ruleId: string;
	records: number;
	hoursUnits: number;
	costCents: number;
	recordIndexes: number[];
}

interface PartyAcc {
	kind: StatementKind;
	code: string;
	name: string;
	lines: Map<string, LineAcc>;
	recordIndexes: number[];
	records: number;
}

export class SettlementParameterError extends DomainError {
	constructor(field: string, message: string, hint: string) {
		super('invalid_settlement_parameter', message, { field, hint });
		this.name = 'SettlementParameterError';
	}
}

function requirePositive(value: number | undefined, field: string, label: string, hint: string): number {
	if (value === undefined || !Number.isFinite(value) || value < 0) {
		throw new SettlementParameterError(field, `Parameter "${label}" is missing or negative`, hint);
	}
	return value;
}

export function calculateSettlement(records: readonly DeliveryRecord[], params: SettlementParams, rejected: readonly RejectedRecord[] = []): SettlementResult {
	const language = params.language ?? 'nl';
	const form = params.financingForm;
	const key = params.allocationKey;
	const useRecordCost = !!params.useRecordCost && (form === 'pxq' || form === 'output');
	const nameOf = params.municipalityName ?? ((code: string) => code);
	const financing = params.financingParty;
	const inRegion = new Set(params.policy.participatingMunicipalities);
	if (financing.code) inRegion.add(financing.code);

	// --- the cost to share (function/population) is known before the records ---
	let fixedTotal: Cents | undefined;
	let totalBasis = '';
	if (form === 'function') {
		const fte = requirePositive(params.fte, 'fte', 'FTE', 'Fill in the number of fte financed for the period (e.g. 2 or 2,5).');
		const yearly = requirePositive(params.yearlyCostPerFte, 'yearlyCostPerFte', 'Yearly Cost per FTE', 'Fill in the yearly cost of one fte in euros (e.g. 85.000,00).');
		const share = shareOfYear(params.period);
		fixedTotal = Number(roundDiv(toScaledInteger(fte, 4) * BigInt(yearly) * BigInt(share.numerator), 10_000n * BigInt(share.denominator)));
		totalBasis = functionTotalBasis(fte, yearly, share.text, params.period.label, fixedTotal, language);
	} else if (form === 'population') {
		fixedTotal = requirePositive(params.lumpSum, 'lumpSum', 'Lump Sum for the Period', 'Fill in the lump sum (lumpsum/subsidie) for the settlement period in euros.');
		totalBasis = populationTotalBasis(fixedTotal, params.period.label, language);
	}

	// --- classify and group ---
	const classCache = new Map<string, PupilClassification>();
	const parties = new Map<string, PartyAcc>();
	const referrals = new Map<string, PartyAcc>();
	const own: PartyAcc = { kind: 'own_share', code: financing.code, name: financing.name, lines: new Map(), recordIndexes: [], records: 0 };
	parties.set(OWN, own);
	const byRule: Record<string, number> = {};
	let recordsResident = 0;
	let recordsCovered = 0;
	let recordsSettled = 0;
	let recordsReferred = 0;

	for (const r of records) {
		const cacheKey = `${r.residenceCode}|${r.arrangement}`;
		let c = classCache.get(cacheKey);
		if (!c) {
			c = classifyPupil(params.policy, { residenceCode: r.residenceCode, arrangement: r.arrangement });
			// Woonplaatsbeginsel guard: a pupil living in the financing region is never billed to (or referred to) another municipality.
			if (inRegion.has(r.residenceCode) && c.treatment !== 'resident') {
				c = { ...c, treatment: 'resident', ruleId: 'POL-RESIDENT' };
			}
			classCache.set(cacheKey, c);
		}
		byRule[c.ruleId] = (byRule[c.ruleId] ?? 0) + 1;
		let party: PartyAcc;
		switch (c.treatment) {
			case 'resident':
				recordsResident++;
				party = own;
				break;
			case 'covered':
				recordsCovered++;
				party = own;
				break;
			case 'settle': {
				recordsSettled++;
				let p = parties.get(r.residenceCode);
				if (!p) parties.set(r.residenceCode, (p = { kind: 'statement', code: r.residenceCode, name: r.residenceName, lines: new Map(), recordIndexes: [], records: 0 }));
				party = p;
				break;
			}
			case 'refer_beschikking': {
				recordsReferred++;
				let p = referrals.get(r.residenceCode);
				if (!p) referrals.set(r.residenceCode, (p = { kind: 'referral', code: r.residenceCode, name: r.residenceName, lines: new Map(), recordIndexes: [], records: 0 }));
				party = p;
				break;
			}
		}
		const pupil = params.pseudonymise(r.pupilRef);
		const lineKey = `${r.residenceCode}|${pupil}`;
		let line = party.lines.get(lineKey);
		if (!line) {
			line = {
				pupil,
				residenceCode: r.residenceCode,
				residenceName: r.residenceName,
				schools: new Set(),
				arrangements: new Set(),
				treatment: c.treatment,
				ruleId: c.ruleId,
				records: 0,
				hoursUnits: 0,
				costCents: 0,
				recordIndexes: [],
			};
			party.lines.set(lineKey, line);
		} else if (line.ruleId !== c.ruleId && line.treatment === c.treatment) {
			// same party, different rule (e.g. resident group and resident individual): keep the first rule id, deterministic below
			if (c.ruleId < line.ruleId) line.ruleId = c.ruleId;
		}
		if (r.residenceFormerly) (line.formerResidences ??= new Map()).set(r.residenceFormerly.code, r.residenceFormerly);
		if (r.school) line.schools.add(r.school);
		line.arrangements.add(r.arrangement);
		line.records++;
		line.recordIndexes.push(r.index);
		line.hoursUnits += r.hours === undefined ? 0 : Math.round(r.hours * HOUR_SCALE);
		if (form === 'pxq' || form === 'output') line.costCents += recordCost(r, params, useRecordCost);
		party.records++;
		party.recordIndexes.push(r.index);
	}

	// --- amounts ---
	const lineUnits = (l: LineAcc): number => (key === 'pupils' ? 1 : l.hoursUnits / HOUR_SCALE);
	const amounts = new Map<string, Map<string, Cents>>(); // party → line → cents
	const partyAmounts = new Map<string, Cents>();
	let totalUnits = 0;
	let total: Cents;
	if (fixedTotal !== undefined) {
		total = fixedTotal;
		const shares = [...parties.entries()].map(([k, p]) => {
			let u = 0;
			for (const l of p.lines.values()) u += key === 'pupils' ? 1 : l.hoursUnits;
			return { key: k, weight: key === 'pupils' ? u : u / HOUR_SCALE, units: u };
		});
		totalUnits = shares.reduce((a, s) => a + s.weight, 0);
		const split = totalUnits > 0 ? allocateLargestRemainder(total, shares) : new Map(shares.map((s) => [s.key, s.key === OWN ? total : 0]));
		for (const [k, p] of parties) {
			const amount = split.get(k) ?? 0;
			partyAmounts.set(k, amount);
			const lineShares = [...p.lines.values()].map((l) => ({ key: `${l.pupil}|${l.residenceCode}`, weight: lineUnits(l) }));
			const perLine =
				lineShares.some((s) => s.weight > 0) ? allocateLargestRemainder(amount, lineShares) : new Map(lineShares.map((s) => [s.key, 0]));
			amounts.set(k, perLine);
		}
	} else {
		total = 0;
		for (const [k, p] of parties) {
			let sum = 0;
			const perLine = new Map<string, Cents>();
			for (const l of p.lines.values()) {
				perLine.set(`${l.pupil}|${l.residenceCode}`, l.costCents);
				sum += l.costCents;
			}
			amounts.set(k, perLine);
			partyAmounts.set(k, sum);
			total += sum;
		}
		let hoursUnits = 0;
		let recs = 0;
		for (const p of parties.values()) {
			recs += p.records;
			for (const l of p.lines.values()) hoursUnits += l.hoursUnits;
		}
		totalBasis = sumTotalBasis(form as 'pxq' | 'output', total, recs, hoursUnits / HOUR_SCALE, useRecordCost, language);
	}

	const build = (k: string, p: PartyAcc, amount: Cents, perLine: Map<string, Cents> | undefined, indicative?: Cents): PartyStatement => {
		const lines: StatementLine[] = [...p.lines.values()]
			.map((l) => ({
				pupil: l.pupil,
				residenceCode: l.residenceCode,
				residenceName: l.residenceName,
				...(l.formerResidences ? { formerResidences: [...l.formerResidences.values()].sort((a, b) => a.code.localeCompare(b.code)) } : {}),
				schools: [...l.schools].sort().join(', '),
				arrangements: [...l.arrangements].sort().join(', '),
				treatment: l.treatment,
				ruleId: l.ruleId,
				records: l.records,
				hours: l.hoursUnits / HOUR_SCALE,
				units: fixedTotal !== undefined && p.kind !== 'referral' ? lineUnits(l) : 0,
				amountCents: perLine?.get(`${l.pupil}|${l.residenceCode}`) ?? 0,
				recordIndexes: [...l.recordIndexes].sort((a, b) => a - b),
			}))
			.sort((a, b) => (a.pupil < b.pupil ? -1 : a.pupil > b.pupil ? 1 : a.residenceCode < b.residenceCode ? -1 : a.residenceCode > b.residenceCode ? 1 : 0));
		const hours = lines.reduce((a, l) => a + Math.round(l.hours * HOUR_SCALE), 0) / HOUR_SCALE;
		const units = lines.reduce((a, l) => a + l.units, 0);
		const pupils = new Set(lines.map((l) => l.pupil)).size;
		return {
			kind: p.kind,
			municipalityCode: p.code,
			municipalityName: p.kind === 'own_share' ? p.name : nameOf(p.code) || p.name,
			pupils,
			records: p.records,
			hours,
			units: Math.round(units * HOUR_SCALE) / HOUR_SCALE,
			amountCents: amount,
			indicativeCents: indicative,
			basis: partyBasis({
				kind: p.kind,
				form,
				key,
				units: Math.round(units * HOUR_SCALE) / HOUR_SCALE,
				totalUnits: Math.round(totalUnits * HOUR_SCALE) / HOUR_SCALE,
				amount,
				total,
				pupils,
				hours,
				records: p.records,
				useRecordCost,
				indicative,
				language,
			}),
			lines,
			recordIndexes: [...p.recordIndexes].sort((a, b) => a - b),
		};
	};

	const statements = [...parties.entries()]
		.filter(([k]) => k !== OWN)
		.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
		.map(([k, p]) => build(k, p, partyAmounts.get(k) ?? 0, amounts.get(k)));
	const ownShare = build(OWN, own, partyAmounts.get(OWN) ?? 0, amounts.get(OWN));
	const referralStatements = [...referrals.entries()]
		.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
		.map(([k, p]) => {
			let indicative: Cents | undefined;
			if (form === 'pxq' || form === 'output') {
				indicative = 0;
				for (const l of p.lines.values()) indicative += l.costCents;
			}
			return build(k, p, 0, undefined, indicative);
		});

	const billed = statements.reduce((a, s) => a + s.amountCents, 0);
	const rejectedByReason: Record<string, number> = {};
	for (const r of rejected) rejectedByReason[r.code] = (rejectedByReason[r.code] ?? 0) + 1;
	const reasons = NOT_SETTLED_REASONS[language];
	const notSettled = [
		{ reason: reasons.resident, records: recordsResident },
		{ reason: reasons.covered, records: recordsCovered },
		{ reason: reasons.referred, records: recordsReferred },
		{ reason: reasons.rejected, records: rejected.length },
	].filter((n) => n.records > 0);

	return {
		period: params.period,
		policyId: params.policy.id,
		policyName: params.policy.name,
		policySeed: params.policy.seed,
		financingForm: form,
		allocationKey: key,
		financingParty: financing,
		totalCostCents: total,
		totalBasis,
		statements,
		ownShare,
		referrals: referralStatements,
		summary: {
			recordsIn: records.length + rejected.length,
			recordsRejected: rejected.length,
			recordsSettled,
			recordsResident,
			recordsCovered,
			recordsReferred,
			rejectedByReason,
			recordsByRule: byRule,
			pupilsSettled: statements.reduce((a, s) => a + s.pupils, 0),
			pupilsReferred: referralStatements.reduce((a, s) => a + s.pupils, 0),
			totalCostCents: total,
			billedCents: billed,
			ownShareCents: ownShare.amountCents,
			referredIndicativeCents: referralStatements.reduce((a, s) => a + (s.indicativeCents ?? 0), 0),
			balanced: billed + ownShare.amountCents === total,
			notSettled,
		},
	};
}

function recordCost(r: DeliveryRecord, params: SettlementParams, useRecordCost: boolean): Cents {
	if (useRecordCost) return r.cost ?? 0;
	if (params.financingForm === 'pxq') {
		const tariff = lookupTariff(params.tariffs, r.product);
		if (tariff === undefined) throw new DomainError('missing_tariff', 'No tariff for a product (validate records with parseDeliveryRecord first)', { field: 'product' });
		return Number(roundDiv(BigInt(Math.round((r.hours ?? 0) * HOUR_SCALE)) * BigInt(tariff), BigInt(HOUR_SCALE)));
	}
	const price = lookupTariff(params.prices, r.product);
	if (price === undefined) throw new DomainError('missing_price', 'No fixed price for a product (validate records with parseDeliveryRecord first)', { field: 'product' });
	return price;
}

/** Normalised identity of a pupil reference (used for contradiction checks). */
export const pupilIdentity = normalisePupilRef;
