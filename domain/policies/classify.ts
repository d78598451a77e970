/**
 * How a pupil is treated under a region policy: the one place where "pupils living elsewhere" is decided,
 * used by triage (route) and by settlement (who pays).
 */
import { DomainError, InvalidFieldError, describeValue } from '../primitives/errors';
import { normaliseCode } from '../municipalities/registry';
import type { OpenChoice, OutsiderTreatment, RegionPolicy } from './types';

/**
 * - `resident`: lives in a participating municipality; the collective offer applies.
 * - `covered`: lives elsewhere but the collective offer covers the pupil anyway; no settlement.
 * - `settle`: lives elsewhere; the care is pre-financed and settled afterwards with the residence municipality.
 * - `refer_beschikking`: lives elsewhere; the residence municipality must give an individual beschikking.
 */
export type PupilTreatment = 'resident' | 'covered' | 'settle' | 'refer_beschikking';

/** `class`: a place in an onderwijs-zorgklas (care-education class), S4 §3.2.4. */
export type Arrangement = 'group' | 'individual' | 'class';

export interface PupilClassification {
	treatment: PupilTreatment;
	ruleId: string;
	/** English, readable to a parent. */
	reason: string;
	/** Dutch, readable to a parent. */
	reasonNl: string;
	seed: string;
}

const CHOICE_TEXT: Record<OpenChoice, { what: string; field: string; hint: string }> = {
	outsiders: {
		what: 'how pupils living outside the participating municipalities are treated',
		field: 'outsiders',
		hint: 'Choose a treatment under "Pupils Living Elsewhere" as your region decided (for example: residents only, or pre-finance and settle).',
	},
	groupOffer: {
		what: 'whether the group offer is open to pupils from other municipalities',
		field: 'groupOfferOpenToAll',
		hint: 'Choose Yes or No under "Group Offer Open to All" as your region decided.',
	},
	homeHelp: {
		what: 'whether the collective offer covers school time only or also help at home',
		field: 'helpAtHomeArrangement',
		hint: 'Choose under "Help at Home" whether the arrangement covers school time only (help at home through the residence municipality) or also help at home, as your region decided.',
	},
	financing: {
		what: 'the financing of the arrangement',
		field: 'financingDecided',
		hint: 'Set "Financing Form" and its amounts to what your region decided, then switch on "Financing Decided by the Region".',
	},
};

/**
 * The policy leaves a choice open and no choice was made: Holland Rijnland's "bestuurlijke keuze" about
 * pupils from elsewhere (S1 randvoorwaarde 3), or a choice a seed does not fix (`RegionPolicy.undecided`).
 * The message says why (with the seed reference); the hint says which parameter to set.
 */
export class PolicyChoiceRequiredError extends DomainError {
	constructor(policyName: string, why?: string, choice: OpenChoice = 'outsiders') {
		const c = CHOICE_TEXT[choice];
		super(
			'policy_choice_required',
			why === undefined
				? `The region policy "${policyName}" leaves open how pupils living outside the region are treated (bestuurlijke keuze), and no choice was made`
				: `The region policy "${policyName}" does not fix ${c.what} (${why}), and no choice was made`,
			{
				field: c.field,
				hint: why === undefined ? 'Choose a treatment under "Pupils Living Elsewhere" (for example: residents only, or pre-finance and settle) as your region decided.' : c.hint,
			},
		);
		this.name = 'PolicyChoiceRequiredError';
	}
}

/** Throw PolicyChoiceRequiredError when the policy leaves `choice` open. */
export function requireDecided(policy: RegionPolicy, choice: OpenChoice): void {
	const why = policy.undecided?.[choice];
	if (why !== undefined) throw new PolicyChoiceRequiredError(policy.name, why, choice);
}

interface Rule {
	ruleId: string;
	treatment: PupilTreatment;
	reason: string;
	reasonNl: string;
}

const RULES = {
	resident: {
		ruleId: 'POL-RESIDENT',
		treatment: 'resident',
		reason: 'The pupil lives in a municipality that takes part in the region\u2019s arrangement.',
		reasonNl: 'De leerling woont in een gemeente die deelneemt aan de regionale afspraak.',
	},
	covered: {
		ruleId: 'POL-OUTSIDER-COVERED',
		treatment: 'covered',
		reason: 'The pupil lives elsewhere, but the region\u2019s arrangement covers all pupils of the school regardless of where they live.',
		reasonNl: 'De leerling woont elders, maar de regionale afspraak geldt voor alle leerlingen van de school, ongeacht hun woonplaats.',
	},
	groupOpen: {
		ruleId: 'POL-OUTSIDER-GROUP-OPEN',
		treatment: 'covered',
		reason: 'The pupil lives elsewhere; the group offer is open to pupils from every municipality.',
		reasonNl: 'De leerling woont elders; het groepsaanbod staat open voor leerlingen uit alle gemeenten.',
	},
	classSettled: {
		ruleId: 'POL-OUTSIDER-CLASS-SETTLED',
		treatment: 'settle',
		reason: 'The pupil lives elsewhere; a place in a care-education class is pre-financed and settled afterwards with the municipality where the pupil lives.',
		reasonNl: 'De leerling woont elders; een plek in een onderwijs-zorgklas wordt voorgefinancierd en achteraf verrekend met de woongemeente.',
	},
	residentsOnly: {
		ruleId: 'POL-OUTSIDER-RESIDENTS-ONLY',
		treatment: 'refer_beschikking',
		reason: 'The pupil lives elsewhere; the arrangement is only for residents of the participating municipalities, so the municipality where the pupil lives must give an individual beschikking.',
		reasonNl: 'De leerling woont elders; de afspraak geldt alleen voor inwoners van de deelnemende gemeenten, dus de woongemeente moet een individuele beschikking afgeven.',
	},
	individualBeschikking: {
		ruleId: 'POL-OUTSIDER-INDIVIDUAL-BESCHIKKING',
		treatment: 'refer_beschikking',
		reason: 'The pupil lives elsewhere; individual help needs a beschikking from the municipality where the pupil lives.',
		reasonNl: 'De leerling woont elders; voor individuele hulp is een beschikking van de woongemeente nodig.',
	},
	individualSettled: {
		ruleId: 'POL-OUTSIDER-INDIVIDUAL-SETTLED',
		treatment: 'settle',
		reason: 'The pupil lives elsewhere; extra support is pre-financed and settled afterwards with the municipality where the pupil lives.',
		reasonNl: 'De leerling woont elders; extra ondersteuning wordt voorgefinancierd en achteraf verrekend met de woongemeente.',
	},
	prefinance: {
		ruleId: 'POL-OUTSIDER-PREFINANCE',
		treatment: 'settle',
		reason: 'The pupil lives elsewhere; the help is pre-financed and settled afterwards with the municipality where the pupil lives.',
		reasonNl: 'De leerling woont elders; de hulp wordt voorgefinancierd en achteraf verrekend met de woongemeente.',
	},
} satisfies Record<string, Rule>;

export const POLICY_RULE_IDS = Object.values(RULES).map((r) => r.ruleId);

/**
 * The rule behind a pupil's treatment in words (Dutch or English), for statements a finance officer reads.
 * @returns the rule's reason, or undefined for an unknown rule id
 */
export function ruleReason(ruleId: string, language: 'nl' | 'en'): string | undefined {
	const rule = Object.values(RULES).find((r) => r.ruleId === ruleId);
	if (rule === undefined) return undefined;
	return language === 'nl' ? rule.reasonNl : rule.reason;
}

/**
 * Whether a pupil living in `residenceCode` (recorded as the discontinued `formerCode`, if so) lives in a
 * participating municipality. A member that has merged since stays a member by its own code until the merger
 * (buildPolicy keeps it on earlier dates, or on "Former Area Only"): pupils recorded with it match by that code.
 */
export function isMember(policy: RegionPolicy, residenceCode: string, formerCode?: string): boolean {
	return policy.participatingMunicipalities.some((m) => {
		const c = normaliseCode(m);
		return c === residenceCode || (formerCode !== undefined && c === formerCode);
	});
}

/**
 * Decide how a pupil is treated under a policy.
 * @param pupil.residenceCode CBS gemeentecode of the responsible (residence) municipality, `0307`/`307`/`GM0307`
 * @param pupil.formerCode the discontinued municipality the pupil was recorded with, when it was one (`Municipality.formerly.code`)
 * @param options.outsiders overrides `policy.outsiders` (the explicit choice a region makes for an `unset` policy)
 * @throws PolicyChoiceRequiredError when the treatment of outsiders is `unset` and the pupil lives elsewhere,
 *   or a group arrangement of a pupil from elsewhere meets an undecided group offer
 * @throws InvalidFieldError when residenceCode is not a 4-digit code
 */
export function classifyPupil(
	policy: RegionPolicy,
	pupil: { residenceCode: string; arrangement: Arrangement; formerCode?: string },
	options: { outsiders?: OutsiderTreatment } = {},
): PupilClassification {
	const code = typeof pupil.residenceCode === 'string' ? normaliseCode(pupil.residenceCode) : undefined;
	if (code === undefined) {
		throw new InvalidFieldError(
			'invalid_municipality_code',
			'residenceCode',
			`The residence municipality must be a CBS gemeentecode: received ${describeValue(pupil.residenceCode)}`,
			'Resolve the municipality to its 4-digit CBS code first (for example 0307 for Amersfoort).',
		);
	}
	const seed = policy.seed;
	const done = (rule: Rule): PupilClassification => ({ treatment: rule.treatment, ruleId: rule.ruleId, reason: rule.reason, reasonNl: rule.reasonNl, seed });

	if (isMember(policy, code, pupil.formerCode)) return done(RULES.resident);

	const outsiders = options.outsiders && options.outsiders !== 'unset' ? options.outsiders : policy.outsiders;
	if (outsiders === 'unset') throw new PolicyChoiceRequiredError(policy.name, policy.undecided?.outsiders);
	if (outsiders === 'covered') return done(RULES.covered);
	if (pupil.arrangement === 'group') requireDecided(policy, 'groupOffer');
	if (pupil.arrangement === 'group' && policy.groupOfferOpenToAll) return done(RULES.groupOpen);
	if (pupil.arrangement === 'class' && policy.classPlacesSettled) return done(RULES.classSettled);
	switch (outsiders) {
		case 'residents_only':
			return done(RULES.residentsOnly);
		case 'group_open_individual_beschikking':
			return done(RULES.individualBeschikking);
		case 'group_open_individual_settled':
			return done(RULES.individualSettled);
		case 'prefinance_settle':
			return done(RULES.prefinance);
	}
	// Exhaustive: a new OutsiderTreatment must be handled above.
	const unknown: never = outsiders;
	throw new DomainError('unknown_outsider_treatment', `Unknown treatment of pupils living elsewhere: ${describeValue(unknown)}`, { field: 'outsiders' });
}
