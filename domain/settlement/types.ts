/**
 * Types of the cross-region settlement core (verrekening).
 */
import type { Cents } from '../money';
import type { Arrangement, PupilTreatment } from '../policies/classify';
import type { FinancingForm, RegionPolicy } from '../policies/types';
import type { Period } from './period';
import type { Pseudonymiser } from '../primitives/pseudonym';
import type { FormerReference } from '../municipalities/registry';
import type { Language } from '../primitives/language';

export type AllocationKey = 'pupils' | 'hours';
export type RefusedRecordsPolicy = 'stop' | 'allocate_valid';
export type { Language };

/** One delivery record (one row of the delivery spreadsheet), validated. */
export interface DeliveryRecord {
	/** Position in the input (item index); used for paired items and error messages, never for results. */
	index: number;
	/** The pupil reference as given (never shown: statements carry the pseudonym). */
	pupilRef: string;
	/**
	 * The number of the pupil reference's value in the run that read it (parseDeliveryRecord with a value
	 * cache): records with the same number have the same `pupilRef`, so a run finds a pupil by position
	 * instead of by text. Only a shortcut: a number whose `pupilRef` differs (records of another run) is
	 * looked up by text. Undefined without a value cache.
	 */
	pupilKey?: number;
	school: string;
	/** CBS gemeentecode of the residence municipality (woonplaatsbeginsel). */
	residenceCode: string;
	residenceName: string;
	/** Set when the record named a municipality that no longer exists: `residenceCode` is its legal successor. */
	residenceFormerly?: FormerReference;
	period: Period;
	/** Hours delivered, if given. */
	hours?: number;
	arrangement: Arrangement;
	/** Product code for tariffs / fixed prices ('' when not given). */
	product: string;
	/** Cost on the record itself (only used when the settlement is told to use record costs). */
	cost?: Cents;
}

export interface SettlementParams {
	policy: RegionPolicy;
	period: Period;
	financingForm: FinancingForm;
	/** For function and population financing. */
	allocationKey: AllocationKey;
	/** Function financing: fte and yearly cost per fte. */
	fte?: number;
	yearlyCostPerFte?: Cents;
	/** Population financing: the lump sum for the period. */
	lumpSum?: Cents;
	/** PxQ: tariff per hour in cents, per product; `''` = the default tariff. */
	tariffs?: Record<string, Cents>;
	/** Output: fixed price per arrangement in cents, per product; `''` = the default price. */
	prices?: Record<string, Cents>;
	/**
	 * Population financing with a budget per lot (perceel, Rotterdam's inkoopmodel S4 §4.3.3): lot code →
	 * budget in cents for the period. The record's product is its lot; each lot's budget is split over the
	 * pupils with records in that lot. Replaces `lumpSum` when given.
	 */
	lotBudgets?: Record<string, Cents>;
	/**
	 * What to do when records were refused while a shared amount (function/population) is split:
	 * `stop` (default) throws IncompleteBasisError; `allocate_valid` splits over the valid records and
	 * marks the result provisional (issue 11 §4).
	 */
	refusedRecords?: RefusedRecordsPolicy;
	/** PxQ/output: take each record's own cost instead of tariff/price. */
	useRecordCost?: boolean;
	/** The financing (pre-financing) party: CBS code and name. */
	financingParty: { code: string; name: string };
	pseudonymise: Pseudonymiser;
	language?: Language;
	/** Name lookup for municipality codes (statement headers). */
	municipalityName?: (code: string) => string;
}

/** A record that was not used, and why (for the summary: nothing is silently dropped). */
export interface RejectedRecord {
	/** The item's index in the node's input (0-based). */
	index: number;
	/** The error's code (`unknown_municipality`). */
	code: string;
	/** The column the error is about. */
	field?: string;
	/** The row as the user sees it (`sheet row 4`; domain/primitives/rows.ts); default `item <index + 1>`. */
	row?: string;
}

/** One pupil on a statement (pseudonymous). */
export interface StatementLine {
	pupil: string;
	residenceCode: string;
	residenceName: string;
	/** The discontinued municipalities this pupil's records named (the successor pays); absent when none. */
	formerResidences?: FormerReference[];
	schools: string;
	arrangements: string;
	treatment: PupilTreatment;
	ruleId: string;
	records: number;
	hours: number;
	/** Weight in the allocation (pupils: 1, hours: the hours), or 0 for PxQ/output. */
	units: number;
	amountCents: Cents;
	/** Input indexes of this pupil's records (for paired items). */
	recordIndexes: number[];
}

export type StatementKind = 'statement' | 'own_share' | 'referral';

/** What one party pays (statement), carries itself (own share), or is asked to decide on (referral). */
export interface PartyStatement {
	kind: StatementKind;
	municipalityCode: string;
	municipalityName: string;
	pupils: number;
	records: number;
	hours: number;
	units: number;
	amountCents: Cents;
	/** For referrals under PxQ/output: what the help would cost (not billed). */
	indicativeCents?: Cents;
	basis: string;
	lines: StatementLine[];
	/** Input indexes of the records behind this statement. */
	recordIndexes: number[];
}

export interface SettlementSummary {
	recordsIn: number;
	recordsRejected: number;
	/** Records billed to another municipality. */
	recordsSettled: number;
	/** Records of pupils living in the financing region (own share). */
	recordsResident: number;
	/** Records of pupils from elsewhere whom the policy covers (own share). */
	recordsCovered: number;
	/** Records of pupils from elsewhere who need a beschikking from their home municipality (not settled). */
	recordsReferred: number;
	rejectedByReason: Record<string, number>;
	recordsByRule: Record<string, number>;
	pupilsSettled: number;
	pupilsReferred: number;
	totalCostCents: Cents;
	billedCents: Cents;
	ownShareCents: Cents;
	referredIndicativeCents: Cents;
	/** billed + own share === total cost (arithmetic only). */
	sumsAddUp: boolean;
	/** The sums add up **and** the split used every record (`basisComplete`): the statements are final. */
	balanced: boolean;
	/** No record was refused. */
	complete: boolean;
	/** False when a shared amount was split while records were refused: every statement is provisional. */
	basisComplete: boolean;
	/** Cents of the shared amount that may move once the refused records are corrected (0 when complete). */
	affectedCents: Cents;
	/** The provisional note on every statement, in the statement language; null when the basis is complete. */
	basisNote: string | null;
	notSettled: Array<{ reason: string; records: number }>;
}

export interface SettlementResult {
	period: Period;
	policyId: string;
	policyName: string;
	policySeed: string;
	financingForm: FinancingForm;
	allocationKey: AllocationKey;
	financingParty: { code: string; name: string };
	totalCostCents: Cents;
	/** How the total was computed, in words. */
	totalBasis: string;
	/** See SettlementSummary.basisComplete. */
	basisComplete: boolean;
	basisNote: string | null;
	statements: PartyStatement[];
	ownShare: PartyStatement;
	referrals: PartyStatement[];
	summary: SettlementSummary;
}
