/**
 * The triage decision: one route per request, who pays and why, the follow-up actions, the 8-week
 * deadline and the reasons. Pure: no clock, no I/O.
 */
import { brinMatches, mostSpecific, parseBrin, type Brin } from '../primitives/brin';
import { addDays, formatIsoDate, formatLongDate, type CalendarDate } from '../primitives/dates';
import { classifyPupil, requireDecided, type Arrangement, type FinancingForm, type PupilClassification } from '../policies';
import { deadlineFor, EIGHT_WEEK_NORM_DAYS, NORM_DEFAULTS } from '../deadlines/clock';
import { action, ACTION_RULES, ACTION_IDS, reason, RULES, woonplaatsReason, woonplaatsVerblijfReason } from './rules';
import type { AccessContact, Action, ActionId, FinancingStream, MunicipalityRef, Reason, RequestField, Route, TriageConfig, TriageOutcome, TriageRequest, YouthCareRoute } from './types';

/** The 8-week norm (S1) in days: 56, defined once in `domain/deadlines/clock.ts` (NORM_DEFAULTS). */
export const EIGHT_WEEKS_DAYS = EIGHT_WEEK_NORM_DAYS;

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
		if (!this.has(r.ruleId)) this.reasons.push(r);
		return this;
	}
	act(id: ActionId, rule?: { ruleId: string; seed: string }): this {
		for (const a of this.actions) if (a.id === id) return this;
		const a = ACTIONS[id];
		this.actions.push(a);
		if (rule && !this.has(rule.ruleId)) this.reasons.push(actionReason(id, rule));
		return this;
	}
	private has(ruleId: string): boolean {
		for (const x of this.reasons) if (x.ruleId === ruleId) return true;
		return false;
	}
}

// --- shared constants: texts that do not depend on the request are built once (strings and frozen objects) ---

/** Every action with its texts, built once (`action(id)` per request allocated the same object again). */
const ACTIONS = Object.fromEntries(ACTION_IDS.map((id) => [id, Object.freeze(action(id))])) as Record<ActionId, Action>;
/** The reason an action adds under a rule (the action's text, the rule's id and seed): one frozen object per (action, rule, seed). */
const ACTION_REASONS = new Map<ActionId, Map<string, Map<string, Reason>>>();
function actionReason(id: ActionId, rule: { ruleId: string; seed: string }): Reason {
	// nested maps keyed by the strings as they are: no key built per request
	let byRule = ACTION_REASONS.get(id);
	if (!byRule) ACTION_REASONS.set(id, (byRule = new Map()));
	let bySeed = byRule.get(rule.ruleId);
	if (!bySeed) byRule.set(rule.ruleId, (bySeed = new Map()));
	let r = bySeed.get(rule.seed);
	if (!r) bySeed.set(rule.seed, (r = Object.freeze({ ruleId: rule.ruleId, seed: rule.seed, text: ACTIONS[id].text, textNl: ACTIONS[id].textNl })));
	return r;
}

/** The catalogue rules as reasons with their own seed, built once. */
const REASON = Object.fromEntries(Object.entries(RULES).map(([k, rule]) => [k, Object.freeze(reason(rule))])) as Record<keyof typeof RULES, Reason>;

type WhoPays = TriageOutcome['whoPays'];
const nobody = (text: string, textNl: string): WhoPays => ({ text, textNl, municipality: null, preFinancedBy: null });
const NOBODY = {
	consent: ['No named case: nothing is financed yet.', 'Geen dossier op naam: er wordt nog niets gefinancierd.'],
	incomplete: ['Not decided until the request is complete.', 'Nog niet bepaald tot de aanmelding compleet is.'],
	wlz: ['The Wlz (through the zorgkantoor), not the municipality.', 'De Wlz (via het zorgkantoor), niet de gemeente.'],
	school: ['The school and its samenwerkingsverband (Passend Onderwijs).', 'De school en het samenwerkingsverband (Passend Onderwijs).'],
	weighing: ['Not decided until the zorgteam has weighed the case.', 'Nog niet bepaald tot het zorgteam de situatie heeft afgewogen.'],
} as const;
const RED_BUT_NO_HELP = 'The risk level is red but the zorgteam decided on no help: check the request with the zorgteam.';
const NO_CONTACT = 'No access team contact is listed for this school; add one under "Access Team Contacts" or map an e-mail field.';

// --- per configuration: what depends only on the configuration and a few request values, computed once ---

/**
 * Values derived from one TriageConfig, each computed once per distinct input (a node run builds one config,
 * so these are per-run caches; a new config starts empty). Keys are codes, BRIN codes and day numbers.
 */
interface Prepared {
	designated: Brin[];
	contacts: Array<{ brin: Brin; value: AccessContact }>;
	/** registry.find per code (null: not in the registry). */
	municipalities: Map<string, { code: string; name: string } | null>;
	/** Woonplaats reason per municipality name: residence, residence before a stay. */
	woonplaats: { residence: Map<string, Reason>; beforeStay: Map<string, Reason> };
	/** findAccessContact per school and municipality ('' = none). */
	accessContacts: Map<string, Map<string, AccessContact | undefined>>;
	/** isDesignated per school. */
	designatedSchool: Map<string, boolean>;
	/** classifyPupil per arrangement and residence code, with its reason; errors are not cached. */
	classifications: Map<Arrangement, Map<string, { classification: PupilClassification; reason: Reason }>>;
	/** Who-pays texts per situation and municipality name: template strings built once. */
	texts: Map<TextKind, Map<string, [string, string]>>;
	/** ISO date and 8-week deadline reason per zorgteam day. */
	days: Map<CalendarDate, ZorgteamDay>;
	/** The policy's financing text (English, Dutch), as in the who-pays texts. */
	budget: [string, string];
	financingMunicipality: MunicipalityRef | null;
	/** The policy-beschikking reason with the policy's seed. */
	policyBeschikking: Reason;
}
const prepared = new WeakMap<TriageConfig, Prepared>();
function prepare(config: TriageConfig): Prepared {
	let p = prepared.get(config);
	if (!p) {
		const policy = config.policy;
		const financingOpen = policy.undecided?.financing !== undefined;
		// A preset whose seed leaves the financing open names no form (never a silent default).
		const budget: [string, string] = financingOpen
			? [`${policy.name}; financing not yet decided by the region`, `${policy.name}; financiering nog niet besloten door de regio`]
			: [
					`${policy.name}; ${FINANCING_FORM_TEXT[policy.financingForm][0]}${policy.financingNote ? `: ${policy.financingNote}` : ''}`,
					`${policy.name}; ${FINANCING_FORM_TEXT[policy.financingForm][1]}`,
				];
		p = {
			designated: policy.designatedSchools.map((s) => parseBrin(s, 'designatedSchools')),
			contacts: config.contacts.map((c) => ({ brin: parseBrin(c.school, 'accessContacts.school'), value: c })),
			municipalities: new Map(),
			woonplaats: { residence: new Map(), beforeStay: new Map() },
			accessContacts: new Map(),
			designatedSchool: new Map(),
			classifications: new Map(),
			texts: new Map(),
			days: new Map(),
			budget,
			financingMunicipality: null,
			policyBeschikking: Object.freeze(reason(RULES.policyBeschikking, policy.seed)),
		};
		prepared.set(config, p);
		p.financingMunicipality = ref(config, policy.financingMunicipality);
	}
	return p;
}

/** `{ code, name }` of a CBS code (a fresh object per call: it reaches the output); the code as name when unknown. */
function ref(config: TriageConfig, code: string | undefined): MunicipalityRef | null {
	if (code === undefined) return null;
	const cache = prepare(config).municipalities;
	let m = cache.get(code);
	if (m === undefined) {
		const found = config.registry.find(code);
		m = found ? { code: found.code, name: found.name } : null;
		cache.set(code, m);
	}
	return m ? { code: m.code, name: m.name } : { code, name: code };
}

/** The situations with their own who-pays texts (see whoPaysForYouthCare and beforeYouthCare). */
type TextKind = 'green' | 'greenLearning' | 'noHelp' | 'beschikking' | 'mandated' | 'resident' | 'covered' | 'settle';

/** A cached pair of texts for `kind` and a municipality name, built by `make` the first time. */
function texts(config: TriageConfig, kind: TextKind, name: string, make: () => [string, string]): [string, string] {
	const cache = prepare(config).texts;
	let byName = cache.get(kind);
	if (!byName) cache.set(kind, (byName = new Map()));
	let t = byName.get(name);
	if (!t) byName.set(name, (t = make()));
	return t;
}

/**
 * The contact for (school, municipality), else the school's contact for all pupils. Schools are compared
 * by the one BRIN rule; an entry for the school's own location wins over one for the whole school.
 * @throws InvalidBrinError when `school` is not a BRIN code
 */
export function findAccessContact(config: TriageConfig, school: string | undefined, municipality: string | undefined): AccessContact | undefined {
	if (!school) return undefined;
	const p = prepare(config);
	let bySchool = p.accessContacts.get(school);
	if (!bySchool) p.accessContacts.set(school, (bySchool = new Map()));
	const key = municipality ?? '';
	if (bySchool.has(key)) return bySchool.get(key);
	const brin = parseBrin(school, 'school');
	const pick = (fits: (c: AccessContact) => boolean) => mostSpecific(p.contacts.filter((e) => fits(e.value)), brin)[0];
	const found = (municipality ? pick((c) => c.municipality === municipality) : undefined) ?? pick((c) => !c.municipality);
	bySchool.set(key, found);
	return found;
}

function isDesignated(config: TriageConfig, school: string): boolean {
	const p = prepare(config);
	let d = p.designatedSchool.get(school);
	if (d === undefined) {
		const brin = parseBrin(school, 'school');
		d = p.designated.some((s) => brinMatches(s, brin));
		p.designatedSchool.set(school, d);
	}
	return d;
}

/** classifyPupil, once per (residence, arrangement) and configuration; a thrown choice error is thrown every time. */
function classify(config: TriageConfig, residenceCode: string, arrangement: Arrangement, formerCode?: string): { classification: PupilClassification; reason: Reason } {
	const p = prepare(config);
	let byCode = p.classifications.get(arrangement);
	if (!byCode) p.classifications.set(arrangement, (byCode = new Map()));
	// Keyed by the discontinued code when the request named one: a member that merged since is a member by its own code before the merger.
	const key = formerCode ?? residenceCode;
	let c = byCode.get(key);
	if (!c) {
		const classification = classifyPupil(config.policy, { residenceCode, arrangement, formerCode }, { outsiders: config.outsiders });
		c = { classification, reason: Object.freeze({ ruleId: classification.ruleId, seed: classification.seed, text: classification.reason, textNl: classification.reasonNl }) };
		byCode.set(key, c);
	}
	return c;
}

interface ZorgteamDay {
	iso: string;
	due: string;
	reason: Reason;
	/** Counting school weeks: the warning when the calendar does not cover the days up to the due date (it is then the earliest possible one). */
	warning?: string;
}

/**
 * The zorgteam day as ISO date, its 8-week due date (ISO) and the deadline reason; once per day number.
 * With `config.deadlineCalendar` (node version 1.3, the region counts school weeks) the due date is the
 * Deadline Monitor's: 8 weeks of counted days, holidays not counted (`deadlineFor`, the one clock).
 */
function day(config: TriageConfig, date: CalendarDate): ZorgteamDay {
	const p = prepare(config);
	let d = p.days.get(date);
	if (!d) {
		const calendar = config.deadlineCalendar;
		const norm = NORM_DEFAULTS.eightWeek;
		const due = calendar ? deadlineFor(date, { norm, counting: 'schoolWeeks', dueSoonDays: 0 }, calendar) : addDays(date, EIGHT_WEEKS_DAYS);
		const gaps = calendar ? calendar.uncovered(date + 1, due) : [];
		const weeks = calendar ? `${norm.length} school weeks (holidays not counted: ${calendar.source})` : `${norm.length} weeks`;
		const weeksNl = calendar ? `${norm.length} schoolweken (vakanties tellen niet mee)` : `${norm.length} weken`;
		const by = gaps.length ? `not before ${formatLongDate(due, 'en')}` : `by ${formatLongDate(due, 'en')}`;
		const byNl = gaps.length ? `niet vóór ${formatLongDate(due, 'nl')}` : `uiterlijk ${formatLongDate(due, 'nl')}`;
		d = {
			iso: formatIsoDate(date),
			due: formatIsoDate(due),
			reason: Object.freeze({
				ruleId: ACTION_RULES.deadline.ruleId,
				seed: ACTION_RULES.deadline.seed,
				text: `Collective youth care should start within ${weeks} after the zorgteam discussion of ${formatLongDate(date, 'en')}: ${by}.`,
				textNl: `Collectieve jeugdhulp start binnen ${weeksNl} na de bespreking in het zorgteam op ${formatLongDate(date, 'nl')}: ${byNl}.`,
			}),
			...(gaps.length
				? {
						warning: `The holiday calendar does not cover ${gaps.map((g) => `${formatIsoDate(g.start)} to ${formatIsoDate(g.end)}`).join(', ')}: the deadline ${formatIsoDate(due)} is the earliest possible one; add the school's holidays for that period.`,
					}
				: {}),
		};
		p.days.set(date, d);
	}
	return d;
}

// --- the stages of one decision ---

/** Stage 1 (woonplaatsbeginsel, DOMAIN.md §1): who is responsible, and why. */
interface Responsibility {
	/** CBS code of the residence, or of the residence before a residential stay; undefined when not known. */
	code: string | undefined;
	/** `{ code, name }` of `code`, with `formerly` when the request named a discontinued municipality. */
	municipality: MunicipalityRef | null;
	/** The same municipality without `formerly` (the who-pays texts and fields name the current one). */
	current: MunicipalityRef | null;
	/** The woonplaats reason, added to every route except needs_information and anonymous_advice. */
	reason: Reason | undefined;
}

function woonplaatsOf(config: TriageConfig, kind: 'residence' | 'beforeStay', name: string): Reason {
	const cache = prepare(config).woonplaats[kind];
	let r = cache.get(name);
	if (!r) {
		r = Object.freeze(reason(kind === 'residence' ? woonplaatsReason(name) : woonplaatsVerblijfReason(name)));
		cache.set(name, r);
	}
	return r;
}

/**
 * Woonplaatsbeginsel: the residence, or the residence before a residential stay (pushes `residenceBeforeStay`
 * onto `missing` when that is needed and empty). A discontinued municipality resolved to its legal successor
 * is named with the responsible one.
 */
function responsibility(req: TriageRequest, config: TriageConfig, missing: RequestField[]): Responsibility {
	let code: string | undefined;
	let why: Reason | undefined;
	if (req.inResidentialCare === true) {
		if (req.residenceBeforeStay === undefined) missing.push('residenceBeforeStay');
		else code = req.residenceBeforeStay;
		if (code) why = woonplaatsOf(config, 'beforeStay', ref(config, code)!.name);
	} else if (req.residence !== undefined) {
		code = req.residence;
		why = woonplaatsOf(config, 'residence', ref(config, code)!.name);
	}
	const current = ref(config, code);
	const formerly = req.inResidentialCare === true ? req.residenceBeforeStayFormerly : req.residenceFormerly;
	return { code, municipality: current && formerly ? { ...current, formerly } : current, current, reason: why };
}

/** What every decision carries besides its route. */
interface Decision {
	req: TriageRequest;
	config: TriageConfig;
	b: Builder;
	missing: RequestField[];
	who: Responsibility;
	pupilReference: string | null;
}

/**
 * The last stage of every route: the woonplaats reason, the access contact (with its action or warning), and
 * the outcome object (the same key order for every route; `extra` overrides the defaults).
 */
function finish(d: Decision, route: Route, financing: FinancingStream[], whoPays: WhoPays, extra?: YouthCareExtra): TriageOutcome {
	const { b, req } = d;
	if (d.who.reason && route !== 'needs_information' && route !== 'anonymous_advice') b.add(d.who.reason);
	let accessContact: { name: string; email: string } | null = null;
	const needsAccessTeam = NEEDS_ACCESS_TEAM.has(route);
	if (needsAccessTeam || route === 'anonymous_advice') {
		if (req.accessContactEmail) accessContact = { name: '', email: req.accessContactEmail };
		else {
			const c = findAccessContact(d.config, req.school, d.who.code);
			if (c) accessContact = { name: c.name, email: c.email };
			else if (needsAccessTeam) b.warnings.push(NO_CONTACT);
		}
	}
	if (accessContact && needsAccessTeam) b.act('inform_access_contact', ACTION_RULES.contact);
	// One literal for every route (a spread of `extra` over it built a second object per request).
	return {
		route,
		pupilReference: d.pupilReference,
		responsibleMunicipality: d.who.municipality,
		policyTreatment: extra ? extra.policyTreatment : null,
		crossRegionSettlement: extra ? extra.crossRegionSettlement : false,
		deadline: extra ? extra.deadline : null,
		zorgteamDate: req.zorgteamDate === undefined ? null : day(d.config, req.zorgteamDate).iso,
		financing,
		whoPays,
		actions: b.actions,
		accessContact,
		missing: d.missing,
		reasons: b.reasons,
		warnings: b.warnings,
		youthCareRoute: extra?.youthCareRoute,
	};
}

/** What the youth care routes add to the outcome (see `triage`). */
interface YouthCareExtra {
	youthCareRoute: YouthCareRoute | undefined;
	policyTreatment: TriageOutcome['policyTreatment'];
	crossRegionSettlement: boolean;
	deadline: string | null;
}

function needsInformation(d: Decision): TriageOutcome {
	d.b.add(REASON.incomplete);
	d.b.act('ask_school_for_information');
	return finish(d, 'needs_information', [], nobody(...NOBODY.incomplete));
}

/**
 * Stage 2: the routes decided before youth care is at stake — no consent, incomplete, Wlz, learning only,
 * and the pyramid's green and yellow (S0; S1 kernbepaling 1; S4 §2.2, §4.4.4). Undefined: youth care is needed.
 */
function beforeYouthCare(d: Decision): TriageOutcome | undefined {
	const { req, b, missing } = d;
	// No consent: anonymous advice only.
	if (req.parentalConsent === false) {
		missing.length = 0; // nothing is needed for anonymous advice
		b.add(REASON.consentMissing);
		return finish(d, 'anonymous_advice', [], nobody(...NOBODY.consent));
	}
	// What every route needs.
	if (req.parentalConsent === undefined) missing.push('parentalConsent');
	if (req.school === undefined) missing.push('school');
	if (req.residence === undefined && req.inResidentialCare !== true) missing.push('residence');
	if (req.needs === undefined) missing.push('needs');
	if (req.riskLevel === undefined) missing.push('riskLevel');
	if (missing.length) return needsInformation(d);
	const needs = req.needs!;
	const learning = needs.includes('learning');
	// Wlz.
	if (req.wlzIndication === true && needs.includes('nursing_care')) {
		b.add(REASON.wlz);
		return finish(d, 'wlz', ['wlz'], nobody(...NOBODY.wlz));
	}
	// Learning only.
	if (!needs.some((n) => n !== 'learning')) {
		b.add(REASON.learningOnly);
		return finish(d, 'basic_support', ['passend_onderwijs'], nobody(...NOBODY.school));
	}
	// The pyramid: green, yellow.
	const name = d.who.current!.name;
	if (req.riskLevel === 'green') {
		b.add(REASON.green);
		const [text, textNl] = texts(d.config, learning ? 'greenLearning' : 'green', name, () => [
			`${name}, as a general provision (no beschikking)${learning ? '; the learning part by the school (Passend Onderwijs)' : ''}.`,
			`${name}, als algemene voorziening (geen beschikking)${learning ? '; het leerdeel door de school (Passend Onderwijs)' : ''}.`,
		]);
		return finish(d, 'voorliggend_veld', learning ? ['voorliggend_veld', 'passend_onderwijs'] : ['voorliggend_veld'], { text, textNl, municipality: d.who.current, preFinancedBy: null });
	}
	if (req.riskLevel === 'yellow' && req.zorgteamDecision === 'none') {
		b.add(REASON.yellowWeigh);
		b.act('discuss_in_zorgteam');
		return finish(d, 'zorgteam_weighing', [], nobody(...NOBODY.weighing));
	}
	if (req.riskLevel === 'yellow' && req.zorgteamDecision === 'no_help') {
		b.add(REASON.zorgteamNoHelp);
		const [text, textNl] = texts(d.config, 'noHelp', name, () => [
			`${name}, as a general provision (no beschikking).`,
			`${name}, als algemene voorziening (geen beschikking).`,
		]);
		return finish(d, 'voorliggend_veld', learning ? ['voorliggend_veld', 'passend_onderwijs'] : ['voorliggend_veld'], { text, textNl, municipality: d.who.current, preFinancedBy: null });
	}
	return undefined;
}

/** Stage 3: how youth care goes — collective at a designated school (per the policy), mandated, or a beschikking. */
function youthCareRouteOf(d: Decision): { youthCare: YouthCareRoute; classification?: PupilClassification } {
	const { req, b, config } = d;
	if (!isDesignated(config, req.school!)) {
		b.add(REASON.notDesignated);
		return { youthCare: 'individual_beschikking' };
	}
	b.add(REASON.designated);
	const arrangement: Arrangement = req.groupOfferSuitable === true ? 'group' : 'individual';
	const { classification, reason: why } = classify(config, d.who.code!, arrangement, d.who.municipality?.formerly?.code);
	b.add(why);
	if (classification.treatment === 'refer_beschikking') {
		b.add(prepare(config).policyBeschikking);
		return { youthCare: 'individual_beschikking', classification };
	}
	if (config.policy.accessRoute === 'mandated_specialist') {
		// Rotterdam (S4 §4.3.3): granted under mandate by the zorgonderwijsspecialist — its own route.
		b.add(REASON.mandated);
		return { youthCare: 'mandated_route', classification };
	}
	return { youthCare: 'collective', classification };
}

/**
 * Stage 4: who pays for the youth care part and the actions that go with it (S4 §2.2.1, §3, §4; DOMAIN.md §4).
 * @throws PolicyChoiceRequiredError when help at home is needed at school and the policy leaves it open
 */
function whoPaysForYouthCare(d: Decision, youthCare: YouthCareRoute, classification: PupilClassification | undefined): { whoPays: WhoPays; crossRegionSettlement: boolean } {
	const { b, config, req } = d;
	const policy = config.policy;
	const responsible = d.who.current!;
	const name = responsible.name;
	const municipalityPays = ([text, textNl]: [string, string]): WhoPays => ({ text, textNl, municipality: d.who.current, preFinancedBy: null });
	if (youthCare === 'individual_beschikking') {
		b.act('request_beschikking');
		return {
			whoPays: municipalityPays(texts(config, 'beschikking', name, () => [
				`${name}, on an individual beschikking (Jeugdwet).`,
				`${name}, met een individuele beschikking (Jeugdwet).`,
			])),
			crossRegionSettlement: false,
		};
	}
	if (youthCare === 'mandated_route') b.act('request_through_zorgonderwijsspecialist', ACTION_RULES.mandate);
	b.act('register_case');
	const p = prepare(config);
	const [budget, budgetNl] = p.budget;
	const treatment = classification!.treatment;
	let whoPays: WhoPays;
	let crossRegionSettlement = false;
	if (treatment === 'resident' && youthCare === 'mandated_route') {
		whoPays = municipalityPays(texts(config, 'mandated', name, () => [
			`${name}, through the region’s contracted lots (${budget}); granted under mandate by the zorgonderwijsspecialist, no beschikking.`,
			`${name}, via de ingekochte percelen van de regio (${budgetNl}); toegekend onder mandaat door de zorgonderwijsspecialist, geen beschikking.`,
		]));
	} else if (treatment === 'resident') {
		whoPays = municipalityPays(texts(config, 'resident', name, () => [
			`${name}, through the region\u2019s collective budget (${budget}); no beschikking.`,
			`${name}, via het collectieve budget van de regio (${budgetNl}); geen beschikking.`,
		]));
	} else if (treatment === 'covered') {
		const financing = p.financingMunicipality;
		const [text, textNl] = texts(config, 'covered', name, () => [
			`${financing?.name ?? 'the participating municipalities'}, through the collective arrangement (${budget}); nothing is settled with ${name}.`,
			`${financing?.name ?? 'de deelnemende gemeenten'}, via het collectieve arrangement (${budgetNl}); er wordt niets verrekend met ${name}.`,
		]);
		whoPays = { text, textNl, municipality: financing && { ...financing }, preFinancedBy: null };
	} else {
		crossRegionSettlement = true;
		b.act('register_for_settlement', { ruleId: ACTION_RULES.settlement.ruleId, seed: policy.seed });
		const financing = p.financingMunicipality;
		const [text, textNl] = texts(config, 'settle', name, () => [
			`${name}, afterwards: ${financing?.name ?? 'the participating municipalities'} pre-finances the care and settles it with ${name}.`,
			`${name}, achteraf: ${financing?.name ?? 'de deelnemende gemeenten'} financiert de zorg voor en verrekent die met ${name}.`,
		]);
		whoPays = { text, textNl, municipality: d.who.current, preFinancedBy: financing && { ...financing } };
	}
	if (youthCare === 'collective') {
		if (req.oppPresent !== true) b.act('draw_up_opp', ACTION_RULES.opp);
		if (req.zorgteamDecision === 'none') b.act('discuss_in_zorgteam', ACTION_RULES.zorgteamFirst);
	}
	return { whoPays, crossRegionSettlement };
}

/**
 * Decide the route for one validated request, in stages: responsibility (woonplaatsbeginsel), the routes
 * before youth care (consent, completeness, Wlz, learning only, pyramid), the youth care route (designated
 * school, policy classification), who pays, help at home and the 8-week deadline (56 days, S1).
 * Texts that depend only on the configuration and a few values (municipality names, zorgteam days) are
 * built once per configuration object (see Prepared): pass a new config when the configuration changes.
 * @throws PolicyChoiceRequiredError when the policy leaves outsiders open and the pupil lives elsewhere, leaves
 *   the group offer open for a group arrangement of a pupil from elsewhere, or leaves help at home open and
 *   help at home is needed (RegionPolicy.undecided; Rotterdam and the Twente pilots, S4 §3.3–3.5, §4.3)
 */
export function triage(req: TriageRequest, config: TriageConfig): TriageOutcome {
	const b = new Builder();
	const missing: RequestField[] = [];
	const pupilReference = pupilReferenceOf(req, config);
	const who = responsibility(req, config, missing);
	const d: Decision = { req, config, b, missing, who, pupilReference };

	const early = beforeYouthCare(d);
	if (early) return early;

	// Youth care is needed: red, or the zorgteam decided on help.
	if (req.riskLevel === 'red') b.add(REASON.youthCareRed);
	if (req.zorgteamDecision === 'help') b.add(REASON.youthCareZorgteam);
	if (req.riskLevel === 'red' && req.zorgteamDecision === 'no_help') b.warnings.push(RED_BUT_NO_HELP);
	if (req.zorgteamDecision === 'help' && req.zorgteamDate === undefined) {
		missing.push('zorgteamDate');
		return needsInformation(d);
	}

	const { youthCare, classification } = youthCareRouteOf(d);
	const learning = req.needs!.includes('learning');
	const route: Route = learning ? 'combined' : youthCare;
	if (route === 'combined') b.add(REASON.combined);

	const paid = whoPaysForYouthCare(d, youthCare, classification);
	const crossRegionSettlement = paid.crossRegionSettlement;
	let whoPays = paid.whoPays;
	if (route === 'combined' && req.oppPresent !== true) b.act('draw_up_opp', ACTION_RULES.opp);
	if (req.helpAtHome === true) {
		const policy = config.policy;
		const atSchool = youthCare === 'collective' || youthCare === 'mandated_route';
		// A preset whose seed leaves help at home open: the region must choose (error naming the parameter).
		if (atSchool) requireDecided(policy, 'homeHelp');
		b.act('align_opp_with_family_plan', ACTION_RULES.family);
		if (atSchool && policy.schoolTimeOnly) b.act('home_help_by_residence_municipality', { ruleId: ACTION_RULES.homeHelp.ruleId, seed: policy.seed });
		else b.act('same_care_worker_at_home', ACTION_RULES.family);
	}

	let deadline: string | null = null;
	if (youthCare === 'collective' && req.zorgteamDate !== undefined) {
		const zorgteamDay = day(config, req.zorgteamDate);
		deadline = zorgteamDay.due;
		b.add(zorgteamDay.reason);
		if (zorgteamDay.warning) b.warnings.push(zorgteamDay.warning);
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
	return finish(d, route, financing, whoPays, {
		youthCareRoute: route === 'combined' ? youthCare : undefined,
		policyTreatment: classification?.treatment ?? null,
		crossRegionSettlement,
		deadline,
	});
}

/** The request's own pupil reference, else a pseudonym made from its BSN (when the config can), else null. */
export function pupilReferenceOf(req: Pick<TriageRequest, 'pupilReference' | 'bsn'>, config: TriageConfig): string | null {
	return req.pupilReference ?? (req.bsn && config.pseudonymise ? config.pseudonymise(req.bsn) : null);
}

/** Readable explanation: the reasons in order, in Dutch (default) or English. */
export function explain(outcome: TriageOutcome, language: 'nl' | 'en' = 'nl'): string {
	return outcome.reasons.map((r) => (language === 'en' ? r.text : r.textNl)).join(' ');
}

/** Explanations a per-run explainer keeps at most before it starts again. */
const EXPLAIN_LIMIT = 50_000;

interface ExplainNode {
	next: Map<Reason, ExplainNode>;
	text?: string;
}

/**
 * `explain` for many outcomes of one run: the reasons are shared, frozen objects (one per rule, municipality
 * name or zorgteam day and configuration), so an explanation is looked up by the sequence of reason objects
 * and built once per distinct sequence. The same text as `explain`. Create one per run and language.
 */
export function explainer(language: 'nl' | 'en' = 'nl'): (outcome: TriageOutcome) => string {
	let root: ExplainNode = { next: new Map() };
	let size = 0;
	return (outcome) => {
		let node = root;
		for (const r of outcome.reasons) {
			let n = node.next.get(r);
			if (!n) {
				if (++size > EXPLAIN_LIMIT) {
					root = { next: new Map() };
					size = 0;
					return explain(outcome, language);
				}
				node.next.set(r, (n = { next: new Map() }));
			}
			node = n;
		}
		return (node.text ??= explain(outcome, language));
	};
}
