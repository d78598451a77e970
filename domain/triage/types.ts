/**
 * Toeleiding triage: the vocabulary of a help request (aanmelding) and of the decision.
 * Seeds: DOMAIN.md §1; S0 (pyramid, werkwijze), S1 (kernbepalingen 1–3, 6), S2, S4 §2.2.
 */
import type { CalendarDate } from '../primitives/dates';
import type { HolidayCalendar } from '../calendar/holidays';
import type { OutsiderTreatment, PupilTreatment, RegionPolicy } from '../policies';
import type { FormerReference, MunicipalityRegistry } from '../municipalities';

/** Every request gets exactly one route. */
export type Route =
	| 'needs_information'
	| 'collective'
	| 'individual_beschikking'
	| 'combined'
	| 'basic_support'
	| 'voorliggend_veld'
	| 'zorgteam_weighing'
	| 'wlz'
	| 'anonymous_advice'
	/** Rotterdam (S4 §4.3.3): a zorgonderwijsspecialist holds a mandate to grant the youth care; no beschikking. */
	| 'mandated_route';

/**
 * The order of the node's outputs. "Needs information" is first: items that fail under "Continue" land there.
 * New routes are appended, so the outputs of existing workflows keep their index.
 */
export const ROUTES: readonly Route[] = [
	'needs_information',
	'collective',
	'individual_beschikking',
	'combined',
	'basic_support',
	'voorliggend_veld',
	'zorgteam_weighing',
	'wlz',
	'anonymous_advice',
	'mandated_route',
];

/** How the youth care part goes once youth care is needed. */
export type YouthCareRoute = 'collective' | 'individual_beschikking' | 'mandated_route';

export type NeedDomain = 'learning' | 'behaviour' | 'upbringing' | 'mental_health' | 'disability' | 'nursing_care';
export const NEED_DOMAINS: readonly NeedDomain[] = ['learning', 'behaviour', 'upbringing', 'mental_health', 'disability', 'nursing_care'];

export type RiskLevel = 'green' | 'yellow' | 'red';
export type ZorgteamDecision = 'help' | 'no_help' | 'none';

export type FinancingStream =
	/** Basisondersteuning / extra ondersteuning by the school and samenwerkingsverband (Wet passend onderwijs). */
	| 'passend_onderwijs'
	/** General, preventive provisions of the municipality (wijkteam, JGZ). */
	| 'voorliggend_veld'
	/** Collective youth care at school, beschikkingsvrij (Jeugdwet, region's collective budget). */
	| 'jeugdwet_collective'
	/** Individual youth care on a beschikking of the responsible municipality (Jeugdwet). */
	| 'jeugdwet_individual'
	/** Youth care granted under mandate by a zorgonderwijsspecialist, paid from the region's contracted lots (Jeugdwet; Rotterdam S4 §4.3.3). */
	| 'jeugdwet_mandated'
	/** Wet langdurige zorg. */
	| 'wlz';

/** The logical fields of a request; the node maps the user's column names onto these. */
export type RequestField =
	| 'requestId'
	| 'pupilReference'
	| 'bsn'
	| 'school'
	| 'residence'
	| 'inResidentialCare'
	| 'residenceBeforeStay'
	| 'needs'
	| 'riskLevel'
	| 'zorgteamDecision'
	| 'zorgteamDate'
	| 'oppPresent'
	| 'helpAtHome'
	| 'wlzIndication'
	| 'groupOfferSuitable'
	| 'parentalConsent'
	| 'accessContactEmail';

export const REQUEST_FIELDS: readonly RequestField[] = [
	'requestId',
	'pupilReference',
	'bsn',
	'school',
	'residence',
	'inResidentialCare',
	'residenceBeforeStay',
	'needs',
	'riskLevel',
	'zorgteamDecision',
	'zorgteamDate',
	'oppPresent',
	'helpAtHome',
	'wlzIndication',
	'groupOfferSuitable',
	'parentalConsent',
	'accessContactEmail',
];

/** A request after validation. `undefined` = not filled in. */
export interface TriageRequest {
	requestId?: string;
	pupilReference?: string;
	/** Normalised 9-digit BSN; never leaves the core unless the user opts in. */
	bsn?: string;
	/** BRIN code, upper case. */
	school?: string;
	/** CBS code of the BRP residence municipality. */
	residence?: string;
	/** Set when the request named a municipality that no longer exists: `residence` is its successor. */
	residenceFormerly?: FormerReference;
	inResidentialCare?: boolean;
	/** CBS code of the residence just before a stay with a provider, foster family or institution. */
	residenceBeforeStay?: string;
	/** Set when the request named a municipality that no longer exists: `residenceBeforeStay` is its successor. */
	residenceBeforeStayFormerly?: FormerReference;
	needs?: NeedDomain[];
	riskLevel?: RiskLevel;
	zorgteamDecision: ZorgteamDecision;
	zorgteamDate?: CalendarDate;
	oppPresent?: boolean;
	helpAtHome?: boolean;
	wlzIndication?: boolean;
	groupOfferSuitable?: boolean;
	parentalConsent?: boolean;
	accessContactEmail?: string;
}

/** The contact person of the municipal access team for a school (and, for regional schools, per municipality). */
export interface AccessContact {
	/** BRIN code of the school. */
	school: string;
	/** CBS code; empty = the school's contact for all pupils (S1 input goal 3). */
	municipality?: string;
	name: string;
	email: string;
}

export interface TriageConfig {
	policy: RegionPolicy;
	/** The region's explicit choice for pupils living elsewhere (overrides the policy; needed for Holland Rijnland). */
	outsiders?: OutsiderTreatment;
	contacts: AccessContact[];
	registry: MunicipalityRegistry;
	/** Time zone for reading timestamps as dates (Europe/Amsterdam). */
	zone?: string;
	/** Turns a BSN into a pseudonymous reference; without it no reference is made from a BSN. */
	pseudonymise?: (bsn: string) => string;
	/**
	 * Node version 1.3, when the region counts school weeks: the holiday calendar of the 8-week deadline (the
	 * Deadline Monitor's clock, `domain/deadlines/clock.ts`). Absent: 56 calendar days.
	 */
	deadlineCalendar?: HolidayCalendar;
}

export interface Reason {
	ruleId: string;
	seed: string;
	text: string;
	textNl: string;
}

export type ActionId =
	| 'ask_school_for_information'
	| 'discuss_in_zorgteam'
	| 'draw_up_opp'
	| 'align_opp_with_family_plan'
	| 'same_care_worker_at_home'
	| 'home_help_by_residence_municipality'
	| 'request_beschikking'
	| 'register_for_settlement'
	| 'inform_access_contact'
	| 'register_case'
	| 'request_through_zorgonderwijsspecialist';

export interface Action {
	id: ActionId;
	text: string;
	textNl: string;
}

export interface MunicipalityRef {
	code: string;
	name: string;
	/** The discontinued municipality the request named, when this is its legal successor (with the note). */
	formerly?: FormerReference;
}

export interface TriageOutcome {
	route: Route;
	/** The request's own reference, or a pseudonym made from the BSN; never the BSN itself. */
	pupilReference: string | null;
	/** For `combined`: how the youth care part goes. */
	youthCareRoute?: YouthCareRoute;
	financing: FinancingStream[];
	/** Woonplaatsbeginsel: the residence municipality, or the one before a residential stay. */
	responsibleMunicipality: MunicipalityRef | null;
	whoPays: { text: string; textNl: string; municipality: MunicipalityRef | null; preFinancedBy: MunicipalityRef | null };
	policyTreatment: PupilTreatment | null;
	crossRegionSettlement: boolean;
	actions: Action[];
	/** ISO date: zorgteam date + 8 weeks (56 calendar days; 8 school weeks with `TriageConfig.deadlineCalendar`), where the 8-week clock starts. */
	deadline: string | null;
	zorgteamDate: string | null;
	accessContact: { name: string; email: string } | null;
	/** Logical names of the fields that are needed and empty (the node reports the user's column names). */
	missing: RequestField[];
	reasons: Reason[];
	warnings: string[];
}
