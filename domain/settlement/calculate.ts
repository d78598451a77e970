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
 *    Ties in the largest-remainder split go to the own share first, then to the lowest gemeentecode
 *    (domain/money/allocate.ts, issue 11 §5). With budgets per lot (perceel, Rotterdam S4 §4.3.3) each
 *    lot's budget is split this way over the pupils with records in that lot, and the lots are added up.
 * Referred pupils are not part of the allocation base (their help is to be paid through the home
 * municipality's individual beschikking); under PxQ/output their indicative cost is shown.
 *
 * @throws PolicyChoiceRequiredError when the policy leaves the financing (or, for a pupil from elsewhere,
 *   the treatment or the group offer) open
 * @throws IncompleteBasisError when records were refused from a shared amount under `refusedRecords: 'stop'`
 *
 * Refused records (issue 11 §4): a shared amount (function/population) split over a basis from which
 * records were refused would silently move their share onto the others. `refusedRecords: 'stop'` (the
 * default) throws IncompleteBasisError; `'allocate_valid'` splits over the valid records and marks every
 * statement and the summary provisional (`basisComplete: false`), with the number of refused records and
 * the part of the shared amount that may still move (`affectedCents`).
 */
import { DomainError } from '../primitives/errors';
import { allocateLargestRemainder, formatEuro, roundDiv, toScaledInteger, type Cents } from '../money';
import { classifyPupil, requireDecided, type PupilClassification } from '../policies/classify';
import { findProductCode, lookupTariff } from './records';
import { PupilLookup } from './pupils';
import { shareOfYear } from './period';
import { functionTotalBasis, incompleteBasisNote, lotTotalBasis, refusedRecordsNote, NOT_SETTLED_REASONS, partyBasis, populationTotalBasis, sumTotalBasis } from './text';
import { normalisePupilRef } from '../primitives/pseudonym';
import type { FormerReference } from '../municipalities/registry';
import type { DeliveryRecord, PartyStatement, RejectedRecord, SettlementParams, SettlementResult, StatementKind, StatementLine } from './types';

const OWN = '\u0000own';
const byNumber = (a: number, b: number) => a - b;

/**
 * `list` sorted ascending, in place: records arrive in item order, so their indexes usually are already
 * (then one pass instead of a sort with a comparator call per pair).
 */
function sortNumbers(list: number[]): number[] {
	for (let i = 1; i < list.length; i++) if (list[i] < list[i - 1]) return list.sort(byNumber);
	return list;
}

/**
 * The line with the former municipalities its records named, right after the residence (the output's key
 * order); the line itself when there are none (the usual case: one literal, no spread per line).
 */
function withFormerResidences(l: LineAcc, line: StatementLine): StatementLine {
	if (!l.formerResidences) return line;
	const { pupil, residenceCode, residenceName, ...rest } = line;
	return { pupil, residenceCode, residenceName, formerResidences: [...l.formerResidences.values()].sort((a, b) => a.code.localeCompare(b.code)), ...rest };
}
const HOUR_SCALE = 10_000;

interface LineAcc {
	/** The party the line is on (lines of one pupil are found by party and residence). */
	party: PartyAcc;
	/** `pupil|residenceCode`: the line's key in the amounts (and in their ties), made once. */
	key: string;
	pupil: string;
	residenceCode: string;
	residenceName: string;
	formerResidences?: Map<string, FormerReference>;
	/** Distinct schools and arrangements of the line's records (a handful: an array, not a Set per line). */
	schools: string[];
	arrangements: string[];
	/** The school and arrangement of the line's last record: the next record usually has them too (no array read). */
	lastSchool: string;
	lastArrangement: string | undefined;
	treatment: PupilClassification['treatment'];
	ruleId: string;
	records: number;
	hoursUnits: number;
	/** Hours (in 1/10 000) per lot; only with budgets per lot. */
	lotHours?: Map<string, number>;
	costCents: number;
	recordIndexes: number[];
}

/** A party's part of one lot's budget (lot budgets only), for the statement's basis. */
export interface LotPart {
	lot: string;
	units: number;
	totalUnits: number;
	budget: Cents;
	amount: Cents;
}

interface PartyAcc {
	kind: StatementKind;
	code: string;
	name: string;
	/** The party's lines in order of first record (one per pupil and residence). */
	lines: LineAcc[];
	recordIndexes: number[];
	records: number;
}

/** One pupil (by pseudonym) with their lines: on one party and residence each, usually one. */
interface PupilAcc {
	pupil: string;
	lines: LineAcc[];
}

/**
 * Records were refused while a shared amount is split over the records: the split would move the refused
 * records' share onto the others. Raised under `refusedRecords: 'stop'` (the default).
 */
export class IncompleteBasisError extends DomainError {
	constructor(refused: readonly RejectedRecord[], recordsIn: number, total: Cents) {
		const shown = [...refused].sort((a, b) => a.index - b.index).slice(0, 10);
		// each refused record by its row as the user sees it, the column and the error (never a value)
		const list = shown.map((r) => `${r.row ?? `item ${r.index + 1}`} (${r.field ? `column "${r.field}": ` : ''}${r.code})`).join(', ') + (refused.length > shown.length ? `, … (${refused.length - shown.length} more)` : '');
		super(
			'incomplete_basis',
			`${refused.length} of ${recordsIn} delivery records were refused: ${list}; so the basis for splitting the shared amount of ${formatEuro(total, 'en')} is incomplete: no statement was made`,
			{
				field: 'refusedRecords',
				hint: 'Correct the refused records (each error names the field) and run again; or, to get provisional statements over the valid records only, set Options › Refused Records in a Shared Amount to "Allocate Over Valid Records (Provisional)".',
			},
		);
		this.name = 'IncompleteBasisError';
	}
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

/**
 * Stage 1: the cost to share, known before the records (S4 §2.2.1): function financing = fte × yearly cost
 * per fte × share of the year; population = the lump sum, or the sum of the lot budgets. Cents, rounded
 * once, half away from zero. PxQ/output: undefined (the cost is the sum of the records, stage 3).
 * @returns fixedTotal in cents (undefined for pxq/output) and the text of its basis (empty for pxq/output)
 * @throws SettlementParameterError when fte, the yearly cost, the lump sum or a lot budget is missing or negative
 */
function costToShare(params: SettlementParams, lotBudgets: Record<string, number> | undefined, language: 'nl' | 'en'): { fixedTotal: Cents | undefined; totalBasis: string } {
	const form = params.financingForm;
	let fixedTotal: Cents | undefined;
	let totalBasis = '';
	if (form === 'function') {
		const fte = requirePositive(params.fte, 'fte', 'FTE', 'Fill in the number of fte financed for the period (e.g. 2 or 2,5).');
		const yearly = requirePositive(params.yearlyCostPerFte, 'yearlyCostPerFte', 'Yearly Cost per FTE', 'Fill in the yearly cost of one fte in euros (e.g. 85.000,00).');
		const share = shareOfYear(params.period);
		fixedTotal = Number(roundDiv(toScaledInteger(fte, 4) * BigInt(yearly) * BigInt(share.numerator), 10_000n * BigInt(share.denominator)));
		totalBasis = functionTotalBasis(fte, yearly, share.text, params.period.label, fixedTotal, language);
	} else if (form === 'population' && lotBudgets) {
		fixedTotal = 0;
		for (const [lot, budget] of Object.entries(lotBudgets)) fixedTotal += requirePositive(budget, 'lotBudgets', `Budget per Lot (${lot.slice(0, 20)})`, 'Fill in the budget of every lot (perceel) in euros.');
		totalBasis = lotTotalBasis(lotBudgets, params.period.label, fixedTotal, language);
	} else if (form === 'population') {
		fixedTotal = requirePositive(params.lumpSum, 'lumpSum', 'Lump Sum for the Period', 'Fill in the lump sum (lumpsum/subsidie) for the settlement period in euros.');
		totalBasis = populationTotalBasis(fixedTotal, params.period.label, language);
	}
	return { fixedTotal, totalBasis };
}

/** What stage 2 gives: the parties with their lines, and the counts for the summary. */
interface Grouped {
	/** The billed municipalities by CBS code, and the own share under OWN (first). */
	parties: Map<string, PartyAcc>;
	own: PartyAcc;
	/** Pupils referred to their home municipality's beschikking, by CBS code. */
	referrals: Map<string, PartyAcc>;
	byRule: Record<string, number>;
	recordsResident: number;
	recordsCovered: number;
	recordsSettled: number;
	recordsReferred: number;
}

/**
 * Stage 2: classify every record under the region policy (domain/policies classifyPupil, once per
 * residence and arrangement) and group it into its party (own share, billed municipality or referral) and
 * that party's line per pupil (pseudonymised) and residence: records, hours (1/10 000), lots, cost (cents).
 * @throws DomainError when a record names a lot without budget, or a product without tariff or price
 *   (records must come from parseDeliveryRecord)
 */
function classifyAndGroup(records: readonly DeliveryRecord[], params: SettlementParams, lotBudgets: Record<string, number> | undefined, useRecordCost: boolean): Grouped {
	const form = params.financingForm;
	const financing = params.financingParty;
	const inRegion = new Set(params.policy.participatingMunicipalities);
	if (financing.code) inRegion.add(financing.code);
	// Per run: the classification per arrangement and residence code, and each pupil's lines (keyed by the
	// strings as they are: no key is built per record). A pupil is found by the record's pupil number, else
	// its reference (PupilLookup), so each distinct reference is pseudonymised once; references that give the
	// same pseudonym (the same pupil written differently) share one pupil.
	const classCache = new Map<string, Map<string, PupilClassification>>();
	const byPseudonym = new Map<string, PupilAcc>();
	const pupils = new PupilLookup<PupilAcc>((ref) => {
		const pseudonym = params.pseudonymise(ref);
		let acc = byPseudonym.get(pseudonym);
		if (acc === undefined) byPseudonym.set(pseudonym, (acc = { pupil: pseudonym, lines: [] }));
		return acc;
	});
	const parties = new Map<string, PartyAcc>();
	const referrals = new Map<string, PartyAcc>();
	const own: PartyAcc = { kind: 'own_share', code: financing.code, name: financing.name, lines: [], recordIndexes: [], records: 0 };
	parties.set(OWN, own);
	const byRule: Record<string, number> = {};
	let recordsResident = 0;
	let recordsCovered = 0;
	let recordsSettled = 0;
	let recordsReferred = 0;

	for (const r of records) {
		let byCode = classCache.get(r.arrangement);
		if (!byCode) classCache.set(r.arrangement, (byCode = new Map()));
		// A record naming a discontinued municipality is keyed by that code: a member that merged since is a
		// member by its own code on the policy's dates (Rotterdam's Brielle before 2023), its successor is not.
		const formerCode = r.residenceFormerly?.code;
		const key = formerCode ?? r.residenceCode;
		let c = byCode.get(key);
		if (!c) {
			c = classifyPupil(params.policy, { residenceCode: r.residenceCode, arrangement: r.arrangement, formerCode });
			// Woonplaatsbeginsel guard: a pupil living in the financing region is never billed to (or referred to) another municipality.
			if (inRegion.has(r.residenceCode) && c.treatment !== 'resident') {
				c = { ...c, treatment: 'resident', ruleId: 'POL-RESIDENT' };
			}
			byCode.set(key, c);
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
				if (!p) parties.set(r.residenceCode, (p = { kind: 'statement', code: r.residenceCode, name: r.residenceName, lines: [], recordIndexes: [], records: 0 }));
				party = p;
				break;
			}
			case 'refer_beschikking': {
				recordsReferred++;
				let p = referrals.get(r.residenceCode);
				if (!p) referrals.set(r.residenceCode, (p = { kind: 'referral', code: r.residenceCode, name: r.residenceName, lines: [], recordIndexes: [], records: 0 }));
				party = p;
				break;
			}
		}
		const acc = pupils.of(r);
		let line: LineAcc | undefined;
		for (const l of acc.lines) {
			if (l.party === party && l.residenceCode === r.residenceCode) {
				line = l;
				break;
			}
		}
		if (!line) {
			line = {
				party,
				key: `${acc.pupil}|${r.residenceCode}`,
				pupil: acc.pupil,
				residenceCode: r.residenceCode,
				residenceName: r.residenceName,
				schools: [],
				arrangements: [],
				lastSchool: '',
				lastArrangement: undefined,
				treatment: c.treatment,
				ruleId: c.ruleId,
				records: 0,
				hoursUnits: 0,
				lotHours: lotBudgets ? new Map() : undefined,
				costCents: 0,
				recordIndexes: [],
			};
			party.lines.push(line);
			acc.lines.push(line);
		} else if (line.ruleId !== c.ruleId && line.treatment === c.treatment) {
			// same party, different rule (e.g. resident group and resident individual): keep the first rule id, deterministic below
			if (c.ruleId < line.ruleId) line.ruleId = c.ruleId;
		}
		if (r.residenceFormerly) (line.formerResidences ??= new Map()).set(r.residenceFormerly.code, r.residenceFormerly);
		if (r.school && r.school !== line.lastSchool) {
			if (!line.schools.includes(r.school)) line.schools.push(r.school);
			line.lastSchool = r.school;
		}
		if (r.arrangement !== line.lastArrangement) {
			if (!line.arrangements.includes(r.arrangement)) line.arrangements.push(r.arrangement);
			line.lastArrangement = r.arrangement;
		}
		line.records++;
		line.recordIndexes.push(r.index);
		const recordHours = r.hours === undefined ? 0 : Math.round(r.hours * HOUR_SCALE);
		line.hoursUnits += recordHours;
		if (lotBudgets) {
			const lot = findProductCode(lotBudgets, r.product);
			if (lot === undefined) {
				throw new DomainError('missing_lot_budget', 'No budget for a lot (validate records with parseDeliveryRecord first)', { field: 'product' });
			}
			line.lotHours!.set(lot, (line.lotHours!.get(lot) ?? 0) + recordHours);
		}
		if (form === 'pxq' || form === 'output') line.costCents += recordCost(r, params, useRecordCost);
		party.records++;
		party.recordIndexes.push(r.index);
	}

	return { parties, own, referrals, byRule, recordsResident, recordsCovered, recordsSettled, recordsReferred };
}

/**
 * Calculate the settlement (see the file header for the rules), in stages: 1 the cost to share
 * (costToShare), 2 classify and group the records (classifyAndGroup), 3 the amounts per party and pupil
 * (largest remainder, cents), 4 the refused records' effect on a shared amount, 5 the statements.
 * @param records validated delivery records (parseDeliveryRecord), without contradictions (findContradictions)
 * @param rejected records refused before (their item index, field and error code), for the basis note
 * @returns statements per billed municipality, the own share and referrals, amounts in cents, with the summary
 * @throws PolicyChoiceRequiredError, IncompleteBasisError, SettlementParameterError (see the file header)
 */
export function calculateSettlement(records: readonly DeliveryRecord[], params: SettlementParams, rejected: readonly RejectedRecord[] = []): SettlementResult {
	const language = params.language ?? 'nl';
	const form = params.financingForm;
	const key = params.allocationKey;
	const useRecordCost = !!params.useRecordCost && (form === 'pxq' || form === 'output');
	const nameOf = params.municipalityName ?? ((code: string) => code);
	const lotBudgets = form === 'population' && params.lotBudgets && Object.keys(params.lotBudgets).length > 0 ? params.lotBudgets : undefined;
	const financing = params.financingParty;

	// A preset whose seed leaves the financing open is never settled on a default (issue 13).
	requireDecided(params.policy, 'financing');

	// --- stage 1: the cost to share (function/population) is known before the records ---
	const { fixedTotal, totalBasis: fixedBasis } = costToShare(params, lotBudgets, language);
	let totalBasis = fixedBasis;
	const recordsIn = records.length + rejected.length;
	if (fixedTotal !== undefined && rejected.length > 0 && (params.refusedRecords ?? 'stop') === 'stop') {
		throw new IncompleteBasisError(rejected, recordsIn, fixedTotal);
	}

	// --- stage 2: classify and group ---
	const { parties, own, referrals, byRule, recordsResident, recordsCovered, recordsSettled, recordsReferred } = classifyAndGroup(records, params, lotBudgets, useRecordCost);

	// --- stage 3: amounts ---
	/** A line's weight in one lot: 1 per pupil with a record in it, or its hours there. */
	const lotWeight = (l: LineAcc, lot: string): number => {
		if (!l.lotHours) return key === 'pupils' ? 1 : l.hoursUnits / HOUR_SCALE; // one pool: every line takes part
		const h = l.lotHours.get(lot);
		if (h === undefined) return 0;
		return key === 'pupils' ? 1 : h / HOUR_SCALE;
	};
	const lineUnits = (l: LineAcc): number => {
		if (!l.lotHours) return lotWeight(l, '');
		let u = 0;
		for (const lot of l.lotHours.keys()) u += lotWeight(l, lot);
		return Math.round(u * HOUR_SCALE) / HOUR_SCALE;
	};
	const amounts = new Map<string, Map<string, Cents>>(); // party → line → cents
	const partyAmounts = new Map<string, Cents>();
	const partyLots = new Map<string, LotPart[]>(); // party → its part of each lot (lot budgets only)
	let totalUnits = 0;
	let total: Cents;
	if (fixedTotal !== undefined) {
		total = fixedTotal;
		const pools: Array<[string, Cents]> = lotBudgets ? Object.entries(lotBudgets).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)) : [['', fixedTotal]];
		for (const k of parties.keys()) {
			partyAmounts.set(k, 0);
			amounts.set(k, new Map());
			partyLots.set(k, []);
		}
		for (const [lot, budget] of pools) {
			const shares = [...parties.entries()].map(([k, p]) => {
				let u = 0;
				if (!lotBudgets) {
					// one pool: sum whole units (pupils, or hours in 1/10 000) exactly, as integers
					for (const l of p.lines) u += key === 'pupils' ? 1 : l.hoursUnits;
					return { key: k, weight: key === 'pupils' ? u : u / HOUR_SCALE };
				}
				for (const l of p.lines) u += lotWeight(l, lot);
				return { key: k, weight: Math.round(u * HOUR_SCALE) / HOUR_SCALE };
			});
			const weightOf = new Map(shares.map((x) => [x.key, x.weight]));
			const poolUnits = shares.reduce((a, s) => a + s.weight, 0);
			totalUnits += poolUnits;
			// Nobody served in this pool: the financing party carries its budget.
			const split = poolUnits > 0 ? allocateLargestRemainder(budget, shares, { firstInTies: OWN }) : new Map(shares.map((s) => [s.key, s.key === OWN ? budget : 0]));
			for (const [k, p] of parties) {
				const amount = split.get(k) ?? 0;
				partyAmounts.set(k, partyAmounts.get(k)! + amount);
				const lineShares = p.lines.map((l) => ({ key: l.key, weight: lotWeight(l, lot) }));
				const perLine = lineShares.some((s) => s.weight > 0) ? allocateLargestRemainder(amount, lineShares) : new Map(lineShares.map((s) => [s.key, 0]));
				if (pools.length === 1) amounts.set(k, perLine);
				else {
					const acc = amounts.get(k)!;
					for (const [lk, c] of perLine) acc.set(lk, (acc.get(lk) ?? 0) + c);
				}
				const units = weightOf.get(k)!;
				if (lotBudgets && (units > 0 || amount > 0)) partyLots.get(k)!.push({ lot, units, totalUnits: Math.round(poolUnits * HOUR_SCALE) / HOUR_SCALE, budget, amount });
			}
		}
	} else {
		total = 0;
		for (const [k, p] of parties) {
			let sum = 0;
			const perLine = new Map<string, Cents>();
			for (const l of p.lines) {
				perLine.set(l.key, l.costCents);
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
			for (const l of p.lines) hoursUnits += l.hoursUnits;
		}
		totalBasis = sumTotalBasis(form as 'pxq' | 'output', total, recs, hoursUnits / HOUR_SCALE, useRecordCost, language);
	}

	// --- stage 4: refused records under a shared amount (issue 11 §4) ---
	let basisComplete = true;
	let affectedCents: Cents = 0;
	let basisNote: string | null = null;
	if (fixedTotal !== undefined && rejected.length > 0) {
		basisComplete = false;
		// Pupils key, one pool: each refused record is at most one more pupil, so at most their share moves,
		// rounded up: re-rounding the others' shares moves whole cents even when that share is under one cent.
		// Hours key or lots: the refused records' hours or lots are unknown, so the whole amount may move.
		affectedCents = key === 'pupils' && !lotBudgets ? ceilShare(total, rejected.length, rejected.length + totalUnits) : total;
		basisNote = incompleteBasisNote(rejected.length, recordsIn, affectedCents, total, language);
	} else if (rejected.length > 0) {
		// PxQ/output: nobody else's amount moves, but the refused records are missing from some statement.
		basisNote = refusedRecordsNote(rejected.length, recordsIn, language);
	}

	const build = (k: string, p: PartyAcc, amount: Cents, perLine: Map<string, Cents> | undefined, indicative?: Cents): PartyStatement => {
		const lines: StatementLine[] = p.lines
			.map((l) => withFormerResidences(l, {
				pupil: l.pupil,
				residenceCode: l.residenceCode,
				residenceName: l.residenceName,
				schools: l.schools.sort().join(', '),
				arrangements: l.arrangements.sort().join(', '),
				treatment: l.treatment,
				ruleId: l.ruleId,
				records: l.records,
				hours: l.hoursUnits / HOUR_SCALE,
				units: fixedTotal !== undefined && p.kind !== 'referral' ? lineUnits(l) : 0,
				amountCents: perLine?.get(l.key) ?? 0,
				// the accumulator's own array (built once per line, not used after this): sorted in place
				recordIndexes: sortNumbers(l.recordIndexes),
			}))
			.sort((a, b) => (a.pupil < b.pupil ? -1 : a.pupil > b.pupil ? 1 : a.residenceCode < b.residenceCode ? -1 : a.residenceCode > b.residenceCode ? 1 : 0));
		const hours = lines.reduce((a, l) => a + Math.round(l.hours * HOUR_SCALE), 0) / HOUR_SCALE;
		const units = lines.reduce((a, l) => a + l.units, 0);
		// lines are sorted by pupil: each pupil's lines are adjacent
		let pupils = 0;
		for (let i = 0; i < lines.length; i++) if (i === 0 || lines[i].pupil !== lines[i - 1].pupil) pupils++;
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
			basis: (p.kind !== 'referral' && basisNote ? basisNote + ' ' : '') + partyBasis({
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
				lots: partyLots.get(k),
				language,
			}),
			lines,
			recordIndexes: sortNumbers(p.recordIndexes.slice()),
		};
	};

	// --- stage 5: the statements ---
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
				for (const l of p.lines) indicative += l.costCents;
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
		basisComplete,
		basisNote,
		statements,
		ownShare,
		referrals: referralStatements,
		summary: {
			recordsIn,
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
			sumsAddUp: billed + ownShare.amountCents === total,
			balanced: billed + ownShare.amountCents === total && basisComplete,
			complete: rejected.length === 0,
			basisComplete,
			affectedCents,
			basisNote,
			notSettled,
		},
	};
}

/** `total × part / whole`, rounded up to a whole cent (an upper bound); 0 when `whole` is 0. */
function ceilShare(total: Cents, part: number, whole: number): Cents {
	if (whole <= 0) return 0;
	const n = BigInt(total) * BigInt(part);
	const d = BigInt(whole);
	return Number(n / d + (n % d === 0n ? 0n : 1n));
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
