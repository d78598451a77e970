/**
 * The triage decision: one route per request, who pays and why, the follow-up actions, the 8-week
 * deadline and the reasons. Pure: no clock, no I/O.
 */
import { brinMatches, mostSpecific, parseBrin, type Brin } from '../primitives/brin';
import { addDays, formatDutchDate, formatIsoDate } from '../primitives/dates';
import { classifyPupil, requireDecided, type Arrangement, type FinancingForm, type PupilClassification } from '../policies';
import { action, ACTION_RULES, reason, RULES, woonplaatsReason, woonplaatsVerblijfReason } from './rules';
import type { AccessContact, Action, ActionId, FinancingStream, MunicipalityRef, Reason, RequestField, Route, TriageConfig, TriageOutcome, TriageRequest, YouthCareRoute } from './types';

/** The 8-week norm (S1): 56 calendar days after the zorgteam discussion. */
export const EIGHT_WEEKS_DAYS = 56;

/** Financing forms in words (S4 §2.2.1): English, Dutch. */
const FINANCING_FORM_TEXT: Record<FinancingForm, [string, string]> = {
	function: ['function financing (availability, fte)', 'functiebekostiging (beschikbaarheid, fte)'],
	population: ['population financing (lump sum)', 'populatiebekostiging (vast bedrag)'],
	pxq: ['effort-oriented financing (units × tariff)', 'inspanningsgerichte bekostiging (P×Q)'],
	output: ['output-oriented financing (price per result)', 'outputgerichte bekostiging (prijs per resultaat)'],
};

/** Routes for which the municipal access team's contact is named. */
const NEEDS_ACCESS_TEAM: ReadonlySet<Route> = new Set(['collective', 'individual_beschikking', 'combined', 'zorgteam_weighing']);

class Builder {
	readonly reasons: Reason[] = [];
	readonly actions: Action[] = [];
	readonly warnings: string[] = [];
	add(r: Reason): this {
		if (!this.reasons.some((x) => x.ruleId === r.ruleId)) this.reasons.push(r);
		return this;
	}
	act(id: ActionId, rule?: { ruleId: string; seed: string }): this {
		if (!this.actions.some((a) => a.id === id)) {
			const a = action(id);
			this.actions.push(a);
			if (rule && !this.reasons.some((x) => x.ruleId === rule.ruleId)) this.reasons.push({ ruleId: rule.ruleId, seed: rule.seed, text: a.text, textNl: a.textNl });
		}
		return this;
	}
}

function ref(config: TriageConfig, code: string | undefined): MunicipalityRef | null {
	if (code === undefined) return null;
	const m = config.registry.find(code);
	return m ? { code: m.code, name: m.name } : { code, name: code };
}

/** BRIN codes of the configuration, parsed once per configuration (not once per request). */
interface Prepared {
	designated: Brin[];
	contacts: Array<{ brin: Brin; contact: AccessContact }>;
}
const prepared = new WeakMap<TriageConfig, Prepared>();
function prepare(config: TriageConfig): Prepared {
	let p = prepared.get(config);
	if (!p) {
		p = {
			designated: config.policy.designatedSchools.map((s) => parseBrin(s, 'designatedSchools')),
			contacts: config.contacts.map((c) => ({ brin: parseBrin(c.school, 'accessContacts.school'), contact: c })),
		};
		prepared.set(config, p);
	}
	return p;
}

/**
 * The contact for (school, municipality), else the school's contact for all pupils. Schools are compared
 * by the one BRIN rule; an entry for the school's own location wins over one for the whole school.
 */
export function findAccessContact(config: TriageConfig, school: string | undefined, municipality: string | undefined): AccessContact | undefined {
	if (!school) return undefined;
	const brin = parseBrin(school, 'school');
	const entries = prepare(config).contacts.map((c) => ({ brin: c.brin, value: c.contact }));
	const pick = (fits: (c: AccessContact) => boolean) => mostSpecific(entries.filter((e) => fits(e.value)), brin)[0];
	return (municipality ? pick((c) => c.municipality === municipality) : undefined) ?? pick((c) => !c.municipality);
}

function isDesignated(config: TriageConfig, school: string): boolean {
	const brin = parseBrin(school, 'school');
	return prepare(config).designated.some((s) => brinMatches(s, brin));
}

/**
 * Decide the route for one validated request.
 * @throws PolicyChoiceRequiredError when the policy leaves outsiders open and the pupil lives elsewhere, leaves
 *   the group offer open for a group arrangement of a pupil from elsewhere, or leaves help at home open and
 *   help at home is needed (RegionPolicy.undecided; Rotterdam and the Twente pilots, S4 §3.3–3.5, §4.3)
 */
export function triage(req: TriageRequest, config: TriageConfig): TriageOutcome {
	const b = new Builder();
	const missing: RequestField[] = [];
	const pupilReference = req.pupilReference ?? (req.bsn && config.pseudonymise ? config.pseudonymise(req.bsn) : null);

	// Woonplaatsbeginsel: the residence, or the residence before a residential stay.
	let responsibleCode: string | undefined;
	let woonplaats: Reason | undefined;
	if (req.inResidentialCare === true) {
		if (req.residenceBeforeStay === undefined) missing.push('residenceBeforeStay');
		else responsibleCode = req.residenceBeforeStay;
		if (responsibleCode) woonplaats = reason(woonplaatsVerblijfReason(ref(config, responsibleCode)!.name));
	} else if (req.residence !== undefined) {
		responsibleCode = req.residence;
		woonplaats = reason(woonplaatsReason(ref(config, responsibleCode)!.name));
	}
	const responsible = ref(config, responsibleCode);
	// A municipality that no longer exists resolved to its legal successor: say so with the responsible one.
	const formerly = req.inResidentialCare === true ? req.residenceBeforeStayFormerly : req.residenceFormerly;

	const base = {
		pupilReference,
		responsibleMunicipality: responsible && formerly ? { ...responsible, formerly } : responsible,
		policyTreatment: null,
		crossRegionSettlement: false,
		deadline: null,
		zorgteamDate: req.zorgteamDate === undefined ? null : formatIsoDate(req.zorgteamDate),
	} as const;
	const contactFor = (route: Route): { name: string; email: string } | null => {
		if (!NEEDS_ACCESS_TEAM.has(route) && route !== 'anonymous_advice') return null;
		if (req.accessContactEmail) return { name: '', email: req.accessContactEmail };
		const c = findAccessContact(config, req.school, responsibleCode);
		if (!c) {
			if (NEEDS_ACCESS_TEAM.has(route)) b.warnings.push('No access team contact is listed for this school; add one under "Access Team Contacts" or map an e-mail field.');
			return null;
		}
		return { name: c.name, email: c.email };
	};
	const finish = (route: Route, financing: FinancingStream[], whoPays: TriageOutcome['whoPays'], extra: Partial<TriageOutcome> = {}): TriageOutcome => {
		if (woonplaats && route !== 'needs_information' && route !== 'anonymous_advice') b.add(woonplaats);
		const accessContact = contactFor(route);
		if (accessContact && NEEDS_ACCESS_TEAM.has(route)) b.act('inform_access_contact', ACTION_RULES.contact);
		return {
			route,
			...base,
			financing,
			whoPays,
			actions: b.actions,
			accessContact,
			missing,
			reasons: b.reasons,
			warnings: b.warnings,
			...extra,
		};
	};
	const nobody = (text: string, textNl: string): TriageOutcome['whoPays'] => ({ text, textNl, municipality: null, preFinancedBy: null });

	// 1. No consent: anonymous advice only.
	if (req.parentalConsent === false) {
		missing.length = 0; // nothing is needed for anonymous advice
		b.add(reason(RULES.consentMissing));
		return finish('anonymous_advice', [], nobody('No named case: nothing is financed yet.', 'Geen dossier op naam: er wordt nog niets gefinancierd.'));
	}

	// 2. What every route needs.
	if (req.parentalConsent === undefined) missing.push('parentalConsent');
	if (req.school === undefined) missing.push('school');
	if (req.residence === undefined && req.inResidentialCare !== true) missing.push('residence');
	if (req.needs === undefined) missing.push('needs');
	if (req.riskLevel === undefined) missing.push('riskLevel');
	const needsInformation = (): TriageOutcome => {
		b.add(reason(RULES.incomplete));
		b.act('ask_school_for_information');
		return finish('needs_information', [], nobody('Not decided until the request is complete.', 'Nog niet bepaald tot de aanmelding compleet is.'));
	};
	if (missing.length) return needsInformation();
	const needs = req.needs!;
	const school = req.school!;
	const learning = needs.includes('learning');
	const nonLearning = needs.some((n) => n !== 'learning');
	const schoolPays = nobody('The school and its samenwerkingsverband (Passend Onderwijs).', 'De school en het samenwerkingsverband (Passend Onderwijs).');

	// 3. Wlz.
	if (req.wlzIndication === true && needs.includes('nursing_care')) {
		b.add(reason(RULES.wlz));
		return finish('wlz', ['wlz'], nobody('The Wlz (through the zorgkantoor), not the municipality.', 'De Wlz (via het zorgkantoor), niet de gemeente.'));
	}

	// 4. Learning only.
	if (!nonLearning) {
		b.add(reason(RULES.learningOnly));
		return finish('basic_support', ['passend_onderwijs'], schoolPays);
	}

	const municipalityPays = (text: string, textNl: string): TriageOutcome['whoPays'] => ({ text, textNl, municipality: responsible, preFinancedBy: null });

	// 5. The pyramid: green, yellow.
	if (req.riskLevel === 'green') {
		b.add(reason(RULES.green));
		return finish('voorliggend_veld', learning ? ['voorliggend_veld', 'passend_onderwijs'] : ['voorliggend_veld'], municipalityPays(
			`${responsible!.name}, as a general provision (no beschikking)${learning ? '; the learning part by the school (Passend Onderwijs)' : ''}.`,
			`${responsible!.name}, als algemene voorziening (geen beschikking)${learning ? '; het leerdeel door de school (Passend Onderwijs)' : ''}.`,
		));
	}
	if (req.riskLevel === 'yellow' && req.zorgteamDecision === 'none') {
		b.add(reason(RULES.yellowWeigh));
		b.act('discuss_in_zorgteam');
		return finish('zorgteam_weighing', [], nobody('Not decided until the zorgteam has weighed the case.', 'Nog niet bepaald tot het zorgteam de situatie heeft afgewogen.'));
	}
	if (req.riskLevel === 'yellow' && req.zorgteamDecision === 'no_help') {
		b.add(reason(RULES.zorgteamNoHelp));
		return finish('voorliggend_veld', learning ? ['voorliggend_veld', 'passend_onderwijs'] : ['voorliggend_veld'], municipalityPays(
			`${responsible!.name}, as a general provision (no beschikking).`,
			`${responsible!.name}, als algemene voorziening (geen beschikking).`,
		));
	}

	// 6. Youth care is needed: red, or the zorgteam decided on help.
	if (req.riskLevel === 'red') b.add(reason(RULES.youthCareRed));
	if (req.zorgteamDecision === 'help') b.add(reason(RULES.youthCareZorgteam));
	if (req.riskLevel === 'red' && req.zorgteamDecision === 'no_help') {
		b.warnings.push('The risk level is red but the zorgteam decided on no help: check the request with the zorgteam.');
	}
	if (req.zorgteamDecision === 'help' && req.zorgteamDate === undefined) {
		missing.push('zorgteamDate');
		return needsInformation();
	}

	let youthCare: YouthCareRoute;
	let classification: PupilClassification | undefined;
	if (isDesignated(config, school)) {
		b.add(reason(RULES.designated));
		const arrangement: Arrangement = req.groupOfferSuitable === true ? 'group' : 'individual';
		classification = classifyPupil(config.policy, { residenceCode: responsibleCode!, arrangement }, { outsiders: config.outsiders });
		b.add({ ruleId: classification.ruleId, seed: classification.seed, text: classification.reason, textNl: classification.reasonNl });
		if (classification.treatment === 'refer_beschikking') {
			b.add(reason(RULES.policyBeschikking, config.policy.seed));
			youthCare = 'individual_beschikking';
		} else if (config.policy.accessRoute === 'mandated_specialist') {
			// Rotterdam (S4 §4.3.3): granted under mandate by the zorgonderwijsspecialist — its own route.
			b.add(reason(RULES.mandated));
			youthCare = 'mandated_route';
		} else youthCare = 'collective';
	} else {
		b.add(reason(RULES.notDesignated));
		youthCare = 'individual_beschikking';
	}
	const route: Route = learning ? 'combined' : youthCare;
	if (route === 'combined') b.add(reason(RULES.combined));

	const policy = config.policy;
	const financingMunicipality = ref(config, policy.financingMunicipality);
	const financingOpen = policy.undecided?.financing !== undefined;
	let whoPays: TriageOutcome['whoPays'];
	let crossRegionSettlement = false;
	if (youthCare === 'individual_beschikking') {
		b.act('request_beschikking');
		whoPays = municipalityPays(
			`${responsible!.name}, on an individual beschikking (Jeugdwet).`,
			`${responsible!.name}, met een individuele beschikking (Jeugdwet).`,
		);
	} else {
		if (youthCare === 'mandated_route') b.act('request_through_zorgonderwijsspecialist', ACTION_RULES.mandate);
		b.act('register_case');
		// A preset whose seed leaves the financing open names no form (never a silent default).
		const budget = financingOpen
			? `${policy.name}; financing not yet decided by the region`
			: `${policy.name}; ${FINANCING_FORM_TEXT[policy.financingForm][0]}${policy.financingNote ? `: ${policy.financingNote}` : ''}`;
		const budgetNl = financingOpen ? `${policy.name}; financiering nog niet besloten door de regio` : `${policy.name}; ${FINANCING_FORM_TEXT[policy.financingForm][1]}`;
		if (classification!.treatment === 'resident' && youthCare === 'mandated_route') {
			whoPays = municipalityPays(
				`${responsible!.name}, through the region’s contracted lots (${budget}); granted under mandate by the zorgonderwijsspecialist, no beschikking.`,
				`${responsible!.name}, via de ingekochte percelen van de regio (${budgetNl}); toegekend onder mandaat door de zorgonderwijsspecialist, geen beschikking.`,
			);
		} else if (classification!.treatment === 'resident') {
			whoPays = municipalityPays(
				`${responsible!.name}, through the region\u2019s collective budget (${budget}); no beschikking.`,
				`${responsible!.name}, via het collectieve budget van de regio (${budgetNl}); geen beschikking.`,
			);
		} else if (classification!.treatment === 'covered') {
			const payer = financingMunicipality?.name ?? 'the participating municipalities';
			const payerNl = financingMunicipality?.name ?? 'de deelnemende gemeenten';
			whoPays = {
				text: `${payer}, through the collective arrangement (${budget}); nothing is settled with ${responsible!.name}.`,
				textNl: `${payerNl}, via het collectieve arrangement (${budgetNl}); er wordt niets verrekend met ${responsible!.name}.`,
				municipality: financingMunicipality,
				preFinancedBy: null,
			};
		} else {
			crossRegionSettlement = true;
			b.act('register_for_settlement', { ruleId: ACTION_RULES.settlement.ruleId, seed: policy.seed });
			const pre = financingMunicipality?.name ?? 'the participating municipalities';
			const preNl = financingMunicipality?.name ?? 'de deelnemende gemeenten';
			whoPays = {
				text: `${responsible!.name}, afterwards: ${pre} pre-finances the care and settles it with ${responsible!.name}.`,
				textNl: `${responsible!.name}, achteraf: ${preNl} financiert de zorg voor en verrekent die met ${responsible!.name}.`,
				municipality: responsible,
				preFinancedBy: financingMunicipality,
			};
		}
		if (youthCare === 'collective') {
			if (req.oppPresent !== true) b.act('draw_up_opp', ACTION_RULES.opp);
			if (req.zorgteamDecision === 'none') b.act('discuss_in_zorgteam', ACTION_RULES.zorgteamFirst);
		}
	}
	if (route === 'combined' && req.oppPresent !== true) b.act('draw_up_opp', ACTION_RULES.opp);
	if (req.helpAtHome === true) {
		const atSchool = youthCare === 'collective' || youthCare === 'mandated_route';
		// A preset whose seed leaves help at home open: the region must choose (error naming the parameter).
		if (atSchool) requireDecided(policy, 'homeHelp');
		b.act('align_opp_with_family_plan', ACTION_RULES.family);
		if (atSchool && policy.schoolTimeOnly) b.act('home_help_by_residence_municipality', { ruleId: ACTION_RULES.homeHelp.ruleId, seed: policy.seed });
		else b.act('same_care_worker_at_home', ACTION_RULES.family);
	}

	let deadline: string | null = null;
	if (youthCare === 'collective' && req.zorgteamDate !== undefined) {
		const due = addDays(req.zorgteamDate, EIGHT_WEEKS_DAYS);
		deadline = formatIsoDate(due);
		b.add({
			ruleId: ACTION_RULES.deadline.ruleId,
			seed: ACTION_RULES.deadline.seed,
			text: `Collective youth care should start within 8 weeks after the zorgteam discussion of ${formatDutchDate(req.zorgteamDate)}: by ${formatDutchDate(due)}.`,
			textNl: `Collectieve jeugdhulp start binnen 8 weken na de bespreking in het zorgteam op ${formatDutchDate(req.zorgteamDate)}: uiterlijk ${formatDutchDate(due)}.`,
		});
	}

	const financing: FinancingStream[] = [youthCare === 'collective' ? 'jeugdwet_collective' : youthCare === 'mandated_route' ? 'jeugdwet_mandated' : 'jeugdwet_individual'];
	if (route === 'combined') {
		financing.unshift('passend_onderwijs');
		whoPays = {
			...whoPays,
			text: `Learning part: the school and its samenwerkingsverband (Passend Onderwijs). Youth care part: ${whoPays.text}`,
			textNl: `Leerdeel: de school en het samenwerkingsverband (Passend Onderwijs). Jeugdhulpdeel: ${whoPays.textNl}`,
		};
	}
	return finish(route, financing, whoPays, {
		youthCareRoute: route === 'combined' ? youthCare : undefined,
		policyTreatment: classification?.treatment ?? null,
		crossRegionSettlement,
		deadline,
	});
}

/** Readable explanation: the reasons in order, in Dutch (default) or English. */
export function explain(outcome: TriageOutcome, language: 'nl' | 'en' = 'nl'): string {
	return outcome.reasons.map((r) => (language === 'en' ? r.text : r.textNl)).join(' ');
}
