/**
 * Region policies for youth care in schools: who takes part, which schools are designated, how the
 * collective offer is financed and how pupils who live elsewhere are treated.
 *
 * One shared definition, used by the Toeleiding Triage node and by the Cross-Region Settlement node.
 * Seeds: DOMAIN.md §4 table (S0, S1, S3, S4).
 */

/**
 * Financing forms (S4 §2.2.1): task-oriented `function` (fte, paid for availability — functiebekostiging)
 * or `population` (lump sum — populatiebekostiging); effort-oriented `pxq` (units × tariff);
 * output-oriented `output` (fixed price per result).
 */
export type FinancingForm = 'function' | 'population' | 'pxq' | 'output';

/** How a region treats pupils at its schools who live in a municipality that does not take part. */
export type OutsiderTreatment =
	/** All pupils covered regardless of residence (Almere during school time, Utrecht zml, Regio Utrecht bovenregionaal). */
	| 'covered'
	/** Others need an individual beschikking from their home municipality (Amersfoort OSJ, Enschede except group offer, Zuid-Limburg). */
	| 'residents_only'
	/** Group offer open to all; individual help needs the home municipality's beschikking (Hengelo/Borne/Hof van Twente). */
	| 'group_open_individual_beschikking'
	/** Basic/group services open to all; extra/individual support pre-financed and settled afterwards with the home municipality (Amsterdam SJSO). */
	| 'group_open_individual_settled'
	/** Everything pre-financed by the financing municipality and settled afterwards. */
	| 'prefinance_settle'
	/** Holland Rijnland segment 5: "bestuurlijke keuze" — the user must choose; using it unchosen is an error. */
	| 'unset';

export const OUTSIDER_TREATMENTS: readonly OutsiderTreatment[] = [
	'covered',
	'residents_only',
	'group_open_individual_beschikking',
	'group_open_individual_settled',
	'prefinance_settle',
	'unset',
];

export const FINANCING_FORMS: readonly FinancingForm[] = ['function', 'population', 'pxq', 'output'];

export type PresetId =
	| 'amersfoort_osj'
	| 'holland_rijnland_s5'
	| 'enschede_oja'
	| 'hengelo_borne_hvt'
	| 'almere_oja'
	| 'amsterdam_sjso'
	| 'utrecht_zml'
	| 'zuid_limburg'
	| 'regio_utrecht_bovenregionaal'
	| 'rotterdam_oza'
	| 'almelo_pilot'
	| 'hellendoorn_elimschool'
	| 'oldenzaal_losser_dinkelland';

/**
 * A policy choice the seed leaves open. A preset that leaves one open never applies a silent default:
 * - `outsiders`: how pupils living elsewhere are treated (the preset's `outsiders` is `unset`);
 * - `groupOffer`: whether the group offer is open to pupils from elsewhere;
 * - `financing`: the financing form and amounts (the settlement node requires an explicit confirmation);
 * - `homeHelp`: whether the collective offer covers school time only (help at home by the residence municipality).
 * Each is an error that says why (with the seed reference) and which parameter to set, until the user chooses.
 */
export type OpenChoice = 'outsiders' | 'groupOffer' | 'financing' | 'homeHelp';
export const OPEN_CHOICES: readonly OpenChoice[] = ['outsiders', 'groupOffer', 'financing', 'homeHelp'];

/**
 * How youth care is granted at a designated school:
 * - `collective`: beschikkingsvrij collective youth care through the municipal access team (default);
 * - `mandated_specialist`: a zorgonderwijsspecialist (of MEE) holds a mandate to grant the youth care to a
 *   pupil or a school, no separate beschikking of the municipality (Rotterdam, S4 §4.3.3).
 */
export type AccessRoute = 'collective' | 'mandated_specialist';

export interface RegionPolicy {
	id: PresetId | 'custom';
	name: string;
	/** Seed reference, e.g. `S4 §4.2`. */
	seed: string;
	/** CBS gemeentecodes (4 digits) of the municipalities that take part; visible and editable in the node UI. */
	participatingMunicipalities: string[];
	/** BRIN codes of the designated collective/OSJ schools (`[]` = the user fills them in). */
	designatedSchools: string[];
	financingForm: FinancingForm;
	/** E.g. `3 fte 2021, 6 fte from 2022 from the BSA task budget`. */
	financingNote: string;
	outsiders: OutsiderTreatment;
	/** Group offers (groepsaanbod) at designated schools are open to pupils from any municipality. */
	groupOfferOpenToAll: boolean;
	/** CBS code of the municipality that pre-finances, if the seed says. */
	financingMunicipality?: string;
	/**
	 * Places in an onderwijs-zorgklas (care-education class) for pupils from elsewhere are pre-financed and
	 * settled with the municipality of origin (Hengelo/Borne/Hof van Twente, S4 §3.2.4). Optional; default false.
	 */
	classPlacesSettled?: boolean;
	/**
	 * The collective offer covers help during school time only; help at home is arranged by the residence
	 * municipality (Almere from 2021, S4 §4.1.5; Rotterdam). Optional; default false.
	 */
	schoolTimeOnly?: boolean;
	/** How youth care is granted at a designated school; default `collective`. */
	accessRoute?: AccessRoute;
	/**
	 * Choices the seed leaves open, each with why (seed reference, English). A choice the user made in the
	 * node (an edit) is removed by `buildPolicy`. Optional; default: nothing open.
	 */
	undecided?: Partial<Record<OpenChoice, string>>;
	/** True when the municipality list is a public-knowledge default the seed does not give: confirm it. */
	municipalitiesToConfirm?: boolean;
	notes: string;
	/**
	 * The days the policy was built for (ISO, inclusive): the settlement period, or the triage day. Set by
	 * `buildPolicy`; absent on the static `PRESETS`.
	 */
	asOf?: { from: string; to: string };
	/** Per participating code, the source that makes it a member on `asOf` (timeline.ts). Presets only. */
	memberSources?: Record<string, string>;
	/** Members named by a municipality that has since merged, and what the node did with them (`MergedMember`). */
	mergedMembers?: MergedMember[];
	/** What the sources do not document for `asOf` (hints that name the parameter that confirms the rule). */
	notices?: PolicyNotice[];
}

/**
 * How a member that has since merged takes part (parameter "Members Changed by a Merger"):
 * - `ask` (default): stop with an error that names the successor and what it also covers;
 * - `successor`: the whole successor takes part;
 * - `formerArea`: only pupils recorded with the former municipality (its code or name) take part.
 */
export type MergedMemberChoice = 'ask' | 'successor' | 'formerArea';
export const MERGED_MEMBER_CHOICES: readonly MergedMemberChoice[] = ['ask', 'successor', 'formerArea'];

/** A participating municipality that has since merged into a successor covering more than it did. */
export interface MergedMember {
	former: { code: string; name: string };
	/** ISO date of the first day the former municipality no longer existed. */
	ended: string;
	successor: { code: string; name: string };
	/** The other municipalities (former ones, or the absorbing one) the successor also covers. */
	alsoCovers: Array<{ code: string; name: string }>;
	/** What the policy does: the successor takes part, or only the former area. */
	applied: 'successor' | 'formerArea';
}

/** Something the sources do not document for the policy's dates; the node shows it and names the parameter. */
export interface PolicyNotice {
	code: 'policy_undocumented_date' | 'registry_incomplete_date';
	/** The parameter that confirms the rule when set explicitly. */
	parameter?: string;
	/** English, for the n8n user. */
	text: string;
	source: string;
}
