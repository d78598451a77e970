/**
 * The decision table: every triage rule and every preset, with the expected route and the reasons
 * (rule ids in the order they fire) written out.
 */
import { getDefaultRegistry } from '../../../domain/municipalities';
import { buildPolicy, PolicyChoiceRequiredError, type OutsiderTreatment, type PolicyEdits, type PresetId } from '../../../domain/policies';
import { ALL_RULE_IDS, explain, triage, type AccessContact, type TriageOutcome, type TriageRequest } from '../../../domain/triage';
import { POLICY_RULE_IDS } from '../../../domain/policies';
import { fromYmd } from '../../../domain/primitives/dates';
import { assertNoPersonalData } from '../../helpers/privacy';

const registry = getDefaultRegistry();
const DESIGNATED = '12AB';
const OTHER_SCHOOL = '34CD';
const ZT = fromYmd(2026, 3, 2); // zorgteam date; +56 days = 2026-04-27
const OUTSIDE = '0228'; // Ede: in no preset

const CONTACTS: AccessContact[] = [
	{ school: DESIGNATED, name: 'Toegang Algemeen', email: 'toegang@school12ab.example' },
	{ school: DESIGNATED, municipality: OUTSIDE, name: 'Toegang Ede', email: 'toegang@ede.example' },
	{ school: OTHER_SCHOOL, name: 'Toegang 34CD', email: 'toegang@school34cd.example' },
];

/** A complete request that leads to collective youth care for a resident of the preset's first municipality. */
function request(overrides: Partial<TriageRequest> = {}): TriageRequest {
	return {
		requestId: 'R-1',
		pupilReference: 'PUP-001',
		school: DESIGNATED,
		residence: '0307',
		needs: ['behaviour'],
		riskLevel: 'red',
		zorgteamDecision: 'help',
		zorgteamDate: ZT,
		oppPresent: true,
		helpAtHome: false,
		wlzIndication: false,
		groupOfferSuitable: false,
		parentalConsent: true,
		...overrides,
	};
}

function run(preset: PresetId | 'custom', req: TriageRequest, outsiders?: OutsiderTreatment, edits: PolicyEdits = {}): TriageOutcome {
	const policy = buildPolicy(preset, { mergedMembers: 'successor', designatedSchools: [DESIGNATED], ...(preset === 'custom' ? { participatingMunicipalities: ['0307'] } : {}), ...edits });
	const out = triage(req, { policy, outsiders, contacts: CONTACTS, registry });
	assertNoPersonalData(out, 'triage outcome');
	return out;
}

interface Row {
	name: string;
	preset: PresetId | 'custom';
	req: Partial<TriageRequest>;
	outsiders?: OutsiderTreatment;
	edits?: PolicyEdits;
	route: TriageOutcome['route'];
	rules: string[];
	treatment?: TriageOutcome['policyTreatment'];
	settlement?: boolean;
	deadline?: string | null;
	actions?: string[];
	responsible?: string | null;
	missing?: string[];
}

const yc = ['T-YOUTH-CARE-RED', 'T-YOUTH-CARE-ZORGTEAM'];
const collectiveTail = ['T-WOONPLAATS', 'A-ACCESS-CONTACT'];
/** Rotterdam's mandated route (S4 §4.3.3): its own reason and action, no access team, no 8-week clock. */
const mandated = ['T-DESIGNATED-SCHOOL', 'POL-RESIDENT', 'T-MANDATED-ROUTE', 'A-ZORGONDERWIJSSPECIALIST'];

const TABLE: Row[] = [
	// ---- default rules (DOMAIN.md §1), custom policy with Amersfoort participating ----
	{ name: 'no parental consent → anonymous advice', preset: 'custom', req: { parentalConsent: false, needs: undefined }, route: 'anonymous_advice', rules: ['T-CONSENT-NO'] },
	{ name: 'consent unknown → needs information', preset: 'custom', req: { parentalConsent: undefined }, route: 'needs_information', rules: ['T-INCOMPLETE'], missing: ['parentalConsent'], actions: ['ask_school_for_information'] },
	{ name: 'school, residence, needs, risk missing → needs information listing all four', preset: 'custom', req: { school: undefined, residence: undefined, needs: undefined, riskLevel: undefined }, route: 'needs_information', rules: ['T-INCOMPLETE'], missing: ['school', 'residence', 'needs', 'riskLevel'], responsible: null },
	{ name: 'zorgteam decided on help but no date → needs information', preset: 'custom', req: { zorgteamDate: undefined }, route: 'needs_information', rules: ['T-YOUTH-CARE-RED', 'T-YOUTH-CARE-ZORGTEAM', 'T-INCOMPLETE'], missing: ['zorgteamDate'] },
	{ name: 'residential care without the residence before the stay → needs information', preset: 'custom', req: { inResidentialCare: true }, route: 'needs_information', rules: ['T-INCOMPLETE'], missing: ['residenceBeforeStay'], responsible: null },
	{ name: 'Wlz indication + care during school time → Wlz', preset: 'custom', req: { wlzIndication: true, needs: ['nursing_care', 'disability'] }, route: 'wlz', rules: ['T-WLZ', 'T-WOONPLAATS'] },
	{ name: 'Wlz indication without a care need → not Wlz', preset: 'custom', req: { wlzIndication: true, needs: ['behaviour'] }, route: 'collective', rules: [...yc, 'T-DESIGNATED-SCHOOL', 'POL-RESIDENT', 'A-8-WEEKS', ...collectiveTail] },
	{ name: 'learning only → basic support by the school', preset: 'custom', req: { needs: ['learning'] }, route: 'basic_support', rules: ['T-LEARNING-ONLY', 'T-WOONPLAATS'] },
	{ name: 'green, behaviour → voorliggend veld', preset: 'custom', req: { riskLevel: 'green', zorgteamDecision: 'none' }, route: 'voorliggend_veld', rules: ['T-GREEN', 'T-WOONPLAATS'] },
	{ name: 'yellow, no zorgteam decision → zorgteam weighing', preset: 'custom', req: { riskLevel: 'yellow', zorgteamDecision: 'none', zorgteamDate: undefined }, route: 'zorgteam_weighing', rules: ['T-YELLOW-WEIGH', 'T-WOONPLAATS', 'A-ACCESS-CONTACT'], actions: ['discuss_in_zorgteam', 'inform_access_contact'] },
	{ name: 'yellow, zorgteam decided no help → voorliggend veld', preset: 'custom', req: { riskLevel: 'yellow', zorgteamDecision: 'no_help' }, route: 'voorliggend_veld', rules: ['T-ZORGTEAM-NO-HELP', 'T-WOONPLAATS'] },
	{ name: 'yellow, zorgteam decided help, designated school → collective with 8-week deadline', preset: 'custom', req: { riskLevel: 'yellow' }, route: 'collective', rules: ['T-YOUTH-CARE-ZORGTEAM', 'T-DESIGNATED-SCHOOL', 'POL-RESIDENT', 'A-8-WEEKS', ...collectiveTail], treatment: 'resident', deadline: '2026-04-27', actions: ['register_case', 'inform_access_contact'] },
	{ name: 'red without zorgteam decision, designated → collective, discuss in zorgteam, no clock', preset: 'custom', req: { zorgteamDecision: 'none', zorgteamDate: undefined }, route: 'collective', rules: ['T-YOUTH-CARE-RED', 'T-DESIGNATED-SCHOOL', 'POL-RESIDENT', 'A-ZORGTEAM-FIRST', ...collectiveTail], deadline: null, actions: ['register_case', 'discuss_in_zorgteam', 'inform_access_contact'] },
	{ name: 'collective without OPP → draw up the OPP first', preset: 'custom', req: { oppPresent: false }, route: 'collective', rules: [...yc, 'T-DESIGNATED-SCHOOL', 'POL-RESIDENT', 'A-OPP', 'A-8-WEEKS', ...collectiveTail], actions: ['register_case', 'draw_up_opp', 'inform_access_contact'] },
	{ name: 'collective with help at home → 1G1P1R, same care worker', preset: 'custom', req: { helpAtHome: true }, route: 'collective', rules: [...yc, 'T-DESIGNATED-SCHOOL', 'POL-RESIDENT', 'A-1G1P1R', 'A-8-WEEKS', ...collectiveTail], actions: ['register_case', 'align_opp_with_family_plan', 'same_care_worker_at_home', 'inform_access_contact'] },
	{ name: 'school not designated → individual beschikking', preset: 'custom', req: { school: OTHER_SCHOOL }, route: 'individual_beschikking', rules: [...yc, 'T-NOT-DESIGNATED', ...collectiveTail], deadline: null, actions: ['request_beschikking', 'inform_access_contact'] },
	{ name: 'learning + behaviour, designated → combined (grijs gebied), collective part', preset: 'custom', req: { needs: ['learning', 'behaviour'], oppPresent: false }, route: 'combined', rules: [...yc, 'T-DESIGNATED-SCHOOL', 'POL-RESIDENT', 'T-COMBINED', 'A-OPP', 'A-8-WEEKS', ...collectiveTail] },
	{ name: 'learning + upbringing, not designated → combined, beschikking part, OPP', preset: 'custom', req: { needs: ['learning', 'upbringing'], school: OTHER_SCHOOL, oppPresent: false }, route: 'combined', rules: [...yc, 'T-NOT-DESIGNATED', 'T-COMBINED', 'A-OPP', ...collectiveTail] },
	{ name: 'residential care: responsible is the municipality before the stay', preset: 'custom', req: { inResidentialCare: true, residence: '0363', residenceBeforeStay: '0307' }, route: 'collective', rules: [...yc, 'T-DESIGNATED-SCHOOL', 'POL-RESIDENT', 'A-8-WEEKS', 'T-WOONPLAATS-VERBLIJF', 'A-ACCESS-CONTACT'], responsible: '0307' },
	{ name: 'custom policy, outsiders unset, resident → no choice needed', preset: 'custom', req: {}, route: 'collective', rules: [...yc, 'T-DESIGNATED-SCHOOL', 'POL-RESIDENT', 'A-8-WEEKS', ...collectiveTail] },

	// ---- the same outsider request (Ede, individual help at a designated school) under every preset ----
	{ name: 'Amersfoort OSJ: outsider → beschikking from home municipality', preset: 'amersfoort_osj', req: { residence: OUTSIDE }, route: 'individual_beschikking', rules: [...yc, 'T-DESIGNATED-SCHOOL', 'POL-OUTSIDER-RESIDENTS-ONLY', 'T-POLICY-BESCHIKKING', ...collectiveTail], treatment: 'refer_beschikking', settlement: false, responsible: OUTSIDE },
	{ name: 'Holland Rijnland with the choice "prefinance and settle": outsider → collective + settlement', preset: 'holland_rijnland_s5', outsiders: 'prefinance_settle', req: { residence: OUTSIDE }, route: 'collective', rules: [...yc, 'T-DESIGNATED-SCHOOL', 'POL-OUTSIDER-PREFINANCE', 'A-SETTLEMENT', 'A-8-WEEKS', ...collectiveTail], treatment: 'settle', settlement: true },
	{ name: 'Holland Rijnland with the choice "residents only": outsider → beschikking', preset: 'holland_rijnland_s5', outsiders: 'residents_only', req: { residence: OUTSIDE }, route: 'individual_beschikking', rules: [...yc, 'T-DESIGNATED-SCHOOL', 'POL-OUTSIDER-RESIDENTS-ONLY', 'T-POLICY-BESCHIKKING', ...collectiveTail], treatment: 'refer_beschikking' },
	{ name: 'Holland Rijnland: a Leiden resident → collective', preset: 'holland_rijnland_s5', req: { residence: '0546' }, route: 'collective', rules: [...yc, 'T-DESIGNATED-SCHOOL', 'POL-RESIDENT', 'A-8-WEEKS', ...collectiveTail], treatment: 'resident' },
	{ name: 'Enschede: outsider, individual help → beschikking from home municipality', preset: 'enschede_oja', req: { residence: OUTSIDE }, route: 'individual_beschikking', rules: [...yc, 'T-DESIGNATED-SCHOOL', 'POL-OUTSIDER-RESIDENTS-ONLY', 'T-POLICY-BESCHIKKING', ...collectiveTail], treatment: 'refer_beschikking' },
	{ name: 'Enschede: outsider, group offer suitable → collective (group offer open)', preset: 'enschede_oja', req: { residence: OUTSIDE, groupOfferSuitable: true }, route: 'collective', rules: [...yc, 'T-DESIGNATED-SCHOOL', 'POL-OUTSIDER-GROUP-OPEN', 'A-8-WEEKS', ...collectiveTail], treatment: 'covered', settlement: false },
	{ name: 'Enschede: resident → collective', preset: 'enschede_oja', req: { residence: '0153' }, route: 'collective', rules: [...yc, 'T-DESIGNATED-SCHOOL', 'POL-RESIDENT', 'A-8-WEEKS', ...collectiveTail], treatment: 'resident' },
	{ name: 'Hengelo/Borne/HvT: outsider, individual → beschikking', preset: 'hengelo_borne_hvt', req: { residence: OUTSIDE }, route: 'individual_beschikking', rules: [...yc, 'T-DESIGNATED-SCHOOL', 'POL-OUTSIDER-INDIVIDUAL-BESCHIKKING', 'T-POLICY-BESCHIKKING', ...collectiveTail], treatment: 'refer_beschikking' },
	{ name: 'Hengelo/Borne/HvT: outsider, group → collective', preset: 'hengelo_borne_hvt', req: { residence: OUTSIDE, groupOfferSuitable: true }, route: 'collective', rules: [...yc, 'T-DESIGNATED-SCHOOL', 'POL-OUTSIDER-GROUP-OPEN', 'A-8-WEEKS', ...collectiveTail], treatment: 'covered' },
	{ name: 'Hengelo/Borne/HvT: Borne resident → collective', preset: 'hengelo_borne_hvt', req: { residence: '0147' }, route: 'collective', rules: [...yc, 'T-DESIGNATED-SCHOOL', 'POL-RESIDENT', 'A-8-WEEKS', ...collectiveTail], treatment: 'resident' },
	{ name: 'Almere: outsider, individual → covered during school time', preset: 'almere_oja', req: { residence: OUTSIDE }, route: 'collective', rules: [...yc, 'T-DESIGNATED-SCHOOL', 'POL-OUTSIDER-COVERED', 'A-8-WEEKS', ...collectiveTail], treatment: 'covered', settlement: false },
	{ name: 'Almere: outsider with help at home → home help by the residence municipality', preset: 'almere_oja', req: { residence: OUTSIDE, helpAtHome: true }, route: 'collective', rules: [...yc, 'T-DESIGNATED-SCHOOL', 'POL-OUTSIDER-COVERED', 'A-1G1P1R', 'A-HOME-HELP-RESIDENCE', 'A-8-WEEKS', ...collectiveTail], actions: ['register_case', 'align_opp_with_family_plan', 'home_help_by_residence_municipality', 'inform_access_contact'] },
	{ name: 'Amsterdam SJSO: outsider, individual → pre-financed and settled', preset: 'amsterdam_sjso', req: { residence: OUTSIDE }, route: 'collective', rules: [...yc, 'T-DESIGNATED-SCHOOL', 'POL-OUTSIDER-INDIVIDUAL-SETTLED', 'A-SETTLEMENT', 'A-8-WEEKS', ...collectiveTail], treatment: 'settle', settlement: true },
	{ name: 'Amsterdam SJSO: outsider, group → basic services open to all', preset: 'amsterdam_sjso', req: { residence: OUTSIDE, groupOfferSuitable: true }, route: 'collective', rules: [...yc, 'T-DESIGNATED-SCHOOL', 'POL-OUTSIDER-GROUP-OPEN', 'A-8-WEEKS', ...collectiveTail], treatment: 'covered', settlement: false },
	{ name: 'Amsterdam SJSO: Diemen resident → collective', preset: 'amsterdam_sjso', req: { residence: '0384' }, route: 'collective', rules: [...yc, 'T-DESIGNATED-SCHOOL', 'POL-RESIDENT', 'A-8-WEEKS', ...collectiveTail], treatment: 'resident' },
	{ name: 'Utrecht zml: outsider → covered (no distinction by residence)', preset: 'utrecht_zml', req: { residence: OUTSIDE }, route: 'collective', rules: [...yc, 'T-DESIGNATED-SCHOOL', 'POL-OUTSIDER-COVERED', 'A-8-WEEKS', ...collectiveTail], treatment: 'covered' },
	{ name: 'Zuid-Limburg: Heerlen pupil → beschikking (not in the 13)', preset: 'zuid_limburg', req: { residence: '0917' }, route: 'individual_beschikking', rules: [...yc, 'T-DESIGNATED-SCHOOL', 'POL-OUTSIDER-RESIDENTS-ONLY', 'T-POLICY-BESCHIKKING', ...collectiveTail], treatment: 'refer_beschikking', responsible: '0917' },
	{ name: 'Zuid-Limburg: Maastricht resident → collective', preset: 'zuid_limburg', req: { residence: '0935' }, route: 'collective', rules: [...yc, 'T-DESIGNATED-SCHOOL', 'POL-RESIDENT', 'A-8-WEEKS', ...collectiveTail], treatment: 'resident' },
	{ name: 'Zuid-Limburg: outsider, group → still beschikking (group offer not open)', preset: 'zuid_limburg', req: { residence: OUTSIDE, groupOfferSuitable: true }, route: 'individual_beschikking', rules: [...yc, 'T-DESIGNATED-SCHOOL', 'POL-OUTSIDER-RESIDENTS-ONLY', 'T-POLICY-BESCHIKKING', ...collectiveTail] },
	{ name: 'Regio Utrecht bovenregionaal: Zeist pupil at a designated school → collective', preset: 'regio_utrecht_bovenregionaal', req: { residence: '0355' }, route: 'collective', rules: [...yc, 'T-DESIGNATED-SCHOOL', 'POL-RESIDENT', 'A-8-WEEKS', ...collectiveTail], treatment: 'resident' },
	{ name: 'Regio Utrecht bovenregionaal: outsider → covered', preset: 'regio_utrecht_bovenregionaal', req: { residence: OUTSIDE }, route: 'collective', rules: [...yc, 'T-DESIGNATED-SCHOOL', 'POL-OUTSIDER-COVERED', 'A-8-WEEKS', ...collectiveTail], treatment: 'covered' },
	// ---- Rotterdam (S4 §4.3): the mandated route through the zorgonderwijsspecialist ----
	{ name: 'Rotterdam: a Rotterdam pupil needing individual help at a designated (v)so school → mandated route, no beschikking', preset: 'rotterdam_oza', req: { residence: '0599' }, route: 'mandated_route', rules: [...yc, ...mandated, 'T-WOONPLAATS'], treatment: 'resident', settlement: false, deadline: null, actions: ['request_through_zorgonderwijsspecialist', 'register_case'], responsible: '0599' },
	{ name: 'Rotterdam: a Voorne aan Zee (former Brielle) pupil → mandated route', preset: 'rotterdam_oza', req: { residence: '1992' }, route: 'mandated_route', rules: [...yc, ...mandated, 'T-WOONPLAATS'], responsible: '1992' },
	{ name: 'Rotterdam: help at home too → in school only; help at home through the residence municipality', preset: 'rotterdam_oza', req: { residence: '0502', helpAtHome: true }, route: 'mandated_route', rules: [...yc, ...mandated, 'A-1G1P1R', 'A-HOME-HELP-RESIDENCE', 'T-WOONPLAATS'], actions: ['request_through_zorgonderwijsspecialist', 'register_case', 'align_opp_with_family_plan', 'home_help_by_residence_municipality'] },
	{ name: 'Rotterdam: school without an onderwijs-zorgarrangement → individual beschikking', preset: 'rotterdam_oza', req: { residence: '0599', school: OTHER_SCHOOL }, route: 'individual_beschikking', rules: [...yc, 'T-NOT-DESIGNATED', ...collectiveTail], actions: ['request_beschikking', 'inform_access_contact'] },
	{ name: 'Rotterdam: learning + behaviour → combined, youth care part mandated', preset: 'rotterdam_oza', req: { residence: '1621', needs: ['learning', 'behaviour'], oppPresent: false }, route: 'combined', rules: [...yc, 'T-DESIGNATED-SCHOOL', 'POL-RESIDENT', 'T-MANDATED-ROUTE', 'T-COMBINED', 'A-ZORGONDERWIJSSPECIALIST', 'A-OPP', ...collectiveTail] },
	{ name: 'Rotterdam with the choice "residents only": outsider → beschikking from home municipality', preset: 'rotterdam_oza', outsiders: 'residents_only', req: { residence: OUTSIDE }, route: 'individual_beschikking', rules: [...yc, 'T-DESIGNATED-SCHOOL', 'POL-OUTSIDER-RESIDENTS-ONLY', 'T-POLICY-BESCHIKKING', ...collectiveTail], treatment: 'refer_beschikking' },
	{ name: 'Rotterdam with the choice "pre-finance and settle": outsider → mandated route + settlement', preset: 'rotterdam_oza', outsiders: 'prefinance_settle', req: { residence: OUTSIDE }, route: 'mandated_route', rules: [...yc, 'T-DESIGNATED-SCHOOL', 'POL-OUTSIDER-PREFINANCE', 'T-MANDATED-ROUTE', 'A-ZORGONDERWIJSSPECIALIST', 'A-SETTLEMENT', 'T-WOONPLAATS'], treatment: 'settle', settlement: true },
	// ---- the Twente pilots in development (S4 §3.3–3.5): residents as usual; every open choice is explicit ----
	{ name: 'Almelo: resident at a designated school → collective', preset: 'almelo_pilot', req: { residence: '0141' }, route: 'collective', rules: [...yc, 'T-DESIGNATED-SCHOOL', 'POL-RESIDENT', 'A-8-WEEKS', ...collectiveTail], treatment: 'resident' },
	{ name: 'Almelo: help at home with the choice "school time only" → home help by the residence municipality', preset: 'almelo_pilot', edits: { schoolTimeOnly: true }, req: { residence: '0141', helpAtHome: true }, route: 'collective', rules: [...yc, 'T-DESIGNATED-SCHOOL', 'POL-RESIDENT', 'A-1G1P1R', 'A-HOME-HELP-RESIDENCE', 'A-8-WEEKS', ...collectiveTail] },
	{ name: 'Hellendoorn: resident at the Elimschool → collective', preset: 'hellendoorn_elimschool', req: { residence: '0163' }, route: 'collective', rules: [...yc, 'T-DESIGNATED-SCHOOL', 'POL-RESIDENT', 'A-8-WEEKS', ...collectiveTail], treatment: 'resident' },
	{ name: 'Hellendoorn: outsider with the choices "group open, individual beschikking" and group open → group covered', preset: 'hellendoorn_elimschool', outsiders: 'group_open_individual_beschikking', edits: { groupOfferOpenToAll: true }, req: { residence: OUTSIDE, groupOfferSuitable: true }, route: 'collective', rules: [...yc, 'T-DESIGNATED-SCHOOL', 'POL-OUTSIDER-GROUP-OPEN', 'A-8-WEEKS', ...collectiveTail], treatment: 'covered' },
	{ name: 'Oldenzaal/Losser/Dinkelland: a Losser pupil → collective', preset: 'oldenzaal_losser_dinkelland', req: { residence: '0168' }, route: 'collective', rules: [...yc, 'T-DESIGNATED-SCHOOL', 'POL-RESIDENT', 'A-8-WEEKS', ...collectiveTail], treatment: 'resident' },
	{ name: 'Oldenzaal/Losser/Dinkelland with help at home "also at home" → same care worker', preset: 'oldenzaal_losser_dinkelland', edits: { schoolTimeOnly: false }, req: { residence: '1774', helpAtHome: true }, route: 'collective', rules: [...yc, 'T-DESIGNATED-SCHOOL', 'POL-RESIDENT', 'A-1G1P1R', 'A-8-WEEKS', ...collectiveTail], actions: ['register_case', 'align_opp_with_family_plan', 'same_care_worker_at_home', 'inform_access_contact'] },
];

describe('triage decision table', () => {
	it.each(TABLE.map((r) => [r.name, r] as const))('%s', (_name, row) => {
		const out = run(row.preset, request(row.req), row.outsiders, row.edits);
		expect({ route: out.route, rules: out.reasons.map((r) => r.ruleId) }).toEqual({ route: row.route, rules: row.rules });
		if (row.treatment !== undefined) expect(out.policyTreatment).toBe(row.treatment);
		if (row.settlement !== undefined) expect(out.crossRegionSettlement).toBe(row.settlement);
		if (row.deadline !== undefined) expect(out.deadline).toBe(row.deadline);
		if (row.actions !== undefined) expect(out.actions.map((a) => a.id)).toEqual(row.actions);
		if (row.missing !== undefined) expect(out.missing).toEqual(row.missing);
		if (row.responsible !== undefined) expect(out.responsibleMunicipality?.code ?? null).toBe(row.responsible);
		for (const r of out.reasons) {
			expect(r.seed.length).toBeGreaterThan(2);
			expect(r.text.length).toBeGreaterThan(20);
			expect(r.textNl.length).toBeGreaterThan(20);
		}
	});

	it('covers every triage rule and every policy rule', () => {
		const fired = new Set(TABLE.flatMap((r) => r.rules));
		const notCovered = [...ALL_RULE_IDS, ...POLICY_RULE_IDS.filter((id) => id !== 'POL-OUTSIDER-CLASS-SETTLED')].filter((id) => !fired.has(id));
		expect(notCovered).toEqual([]);
	});

	it('covers every preset', () => {
		const presets = new Set(TABLE.map((r) => r.preset));
		for (const id of ['amersfoort_osj', 'holland_rijnland_s5', 'enschede_oja', 'hengelo_borne_hvt', 'almere_oja', 'amsterdam_sjso', 'utrecht_zml', 'zuid_limburg', 'regio_utrecht_bovenregionaal', 'rotterdam_oza', 'almelo_pilot', 'hellendoorn_elimschool', 'oldenzaal_losser_dinkelland']) {
			expect(presets).toContain(id);
		}
	});
});

describe('triage details', () => {
	it('the same request under three presets gives the answers the seeds describe', () => {
		const req = request({ residence: OUTSIDE });
		const enschede = run('enschede_oja', req);
		const amsterdam = run('amsterdam_sjso', req);
		const almere = run('almere_oja', req);
		expect(enschede.route).toBe('individual_beschikking');
		expect(enschede.whoPays.municipality?.code).toBe(OUTSIDE);
		expect(enschede.whoPays.text).toBe('Ede, on an individual beschikking (Jeugdwet).');
		expect(amsterdam.crossRegionSettlement).toBe(true);
		expect(amsterdam.whoPays).toMatchObject({ municipality: { code: OUTSIDE }, preFinancedBy: { code: '0363' } });
		expect(amsterdam.whoPays.textNl).toContain('Amsterdam financiert de zorg voor en verrekent die met Ede');
		expect(almere.route).toBe('collective');
		expect(almere.crossRegionSettlement).toBe(false);
		expect(almere.whoPays.municipality?.code).toBe('0034');
	});

	it('the same request — individual help at a designated (v)so school — under Rotterdam and under Enschede', () => {
		const rotterdam = run('rotterdam_oza', request({ residence: '0599' }));
		expect(rotterdam.route).toBe('mandated_route');
		expect(rotterdam.financing).toEqual(['jeugdwet_mandated']);
		expect(rotterdam.accessContact).toBeNull();
		expect(rotterdam.reasons.find((r) => r.ruleId === 'T-MANDATED-ROUTE')).toMatchObject({ seed: 'S4 §4.3.3' });
		expect(rotterdam.actions[0]).toMatchObject({ id: 'request_through_zorgonderwijsspecialist', textNl: 'Vraag het onderwijs-zorgarrangement aan via de zorgonderwijsspecialist, die onder mandaat besluit (geen beschikking).' });
		expect(rotterdam.whoPays.text).toBe(
			'Rotterdam, through the region\u2019s contracted lots (Rotterdam — onderwijs-zorgarrangementen (zorgonderwijsspecialist met mandaat); financing not yet decided by the region); granted under mandate by the zorgonderwijsspecialist, no beschikking.',
		);
		const enschede = run('enschede_oja', request({ residence: '0599' }));
		expect(enschede.route).toBe('individual_beschikking');
		expect(enschede.financing).toEqual(['jeugdwet_individual']);
	});

	it('Rotterdam and the Twente pilots: an outsider without a choice is an error saying why and where to choose', () => {
		for (const id of ['rotterdam_oza', 'almelo_pilot', 'hellendoorn_elimschool', 'oldenzaal_losser_dinkelland'] as PresetId[]) {
			expect(() => run(id, request({ residence: OUTSIDE }))).toThrow(PolicyChoiceRequiredError);
		}
		expect(() => run('rotterdam_oza', request({ residence: OUTSIDE }))).toThrow(
			'The region policy "Rotterdam — onderwijs-zorgarrangementen (zorgonderwijsspecialist met mandaat)" does not fix how pupils living outside the participating municipalities are treated (S4 §4.3 does not say how pupils living outside Rotterdam, Capelle aan den IJssel, Krimpen aan den IJssel, Lansingerland and Brielle are treated), and no choice was made',
		);
	});

	it('the Twente pilots: help at home at a designated school is an error until the region chooses', () => {
		expect(() => run('almelo_pilot', request({ residence: '0141', helpAtHome: true }))).toThrow(/does not fix whether the collective offer covers school time only or also help at home \(S4 §3\.3/);
		// help at home with an individual beschikking (school not designated) needs no choice
		expect(run('almelo_pilot', request({ residence: '0141', helpAtHome: true, school: OTHER_SCHOOL })).route).toBe('individual_beschikking');
	});

	it('Holland Rijnland: an outsider without a choice is an error, a resident is not', () => {
		expect(() => run('holland_rijnland_s5', request({ residence: OUTSIDE }))).toThrow(/bestuurlijke keuze/);
		expect(run('holland_rijnland_s5', request({ residence: '0546' })).route).toBe('collective');
	});

	it('names the access contact for the school and the municipality, else the school', () => {
		expect(run('amersfoort_osj', request({ residence: OUTSIDE })).accessContact).toEqual({ name: 'Toegang Ede', email: 'toegang@ede.example' });
		expect(run('amersfoort_osj', request()).accessContact).toEqual({ name: 'Toegang Algemeen', email: 'toegang@school12ab.example' });
		expect(run('amersfoort_osj', request({ school: OTHER_SCHOOL })).accessContact?.email).toBe('toegang@school34cd.example');
		expect(run('amersfoort_osj', request({ accessContactEmail: 'direct@gemeente.example' })).accessContact?.email).toBe('direct@gemeente.example');
		const none = run('amersfoort_osj', request({ school: '99ZZ' }));
		expect(none.accessContact).toBeNull();
		expect(none.warnings.join(' ')).toMatch(/No access team contact/);
		expect(run('amersfoort_osj', request({ needs: ['learning'] })).accessContact).toBeNull();
	});

	it('financing streams per route', () => {
		expect(run('custom', request({ needs: ['learning'] })).financing).toEqual(['passend_onderwijs']);
		expect(run('custom', request()).financing).toEqual(['jeugdwet_collective']);
		expect(run('custom', request({ school: OTHER_SCHOOL })).financing).toEqual(['jeugdwet_individual']);
		expect(run('custom', request({ needs: ['learning', 'behaviour'] })).financing).toEqual(['passend_onderwijs', 'jeugdwet_collective']);
		expect(run('custom', request({ needs: ['learning', 'behaviour'] })).youthCareRoute).toBe('collective');
		expect(run('custom', request({ riskLevel: 'green' })).financing).toEqual(['voorliggend_veld']);
		expect(run('custom', request({ riskLevel: 'green', needs: ['learning', 'behaviour'] })).financing).toEqual(['voorliggend_veld', 'passend_onderwijs']);
		expect(run('custom', request({ wlzIndication: true, needs: ['nursing_care'] })).financing).toEqual(['wlz']);
	});

	it('the 8-week deadline is the zorgteam date + 56 calendar days, also across DST and leap years', () => {
		expect(run('custom', request({ zorgteamDate: fromYmd(2028, 2, 1) })).deadline).toBe('2028-03-28');
		expect(run('custom', request({ zorgteamDate: fromYmd(2026, 10, 20) })).deadline).toBe('2026-12-15');
		const out = run('custom', request());
		expect(out.zorgteamDate).toBe('2026-03-02');
		expect(explain(out, 'nl')).toContain('uiterlijk 27 april 2026');
		expect(explain(out, 'en')).toContain('by 27 April 2026');
	});

	it('red with a zorgteam "no help" still routes to youth care, with a warning', () => {
		const out = run('custom', request({ zorgteamDecision: 'no_help' }));
		expect(out.route).toBe('collective');
		expect(out.warnings.join(' ')).toMatch(/check the request/);
	});

	it('uses the pupil reference, or a pseudonym from the BSN; never the BSN', () => {
		const policy = buildPolicy('custom', { designatedSchools: [DESIGNATED], participatingMunicipalities: ['0307'] });
		const pseudo = (bsn: string) => 'PSN-' + bsn.length;
		const a = triage(request({ pupilReference: undefined, bsn: '111222333' }), { policy, contacts: CONTACTS, registry, pseudonymise: pseudo });
		expect(a.pupilReference).toBe('PSN-9');
		const b = triage(request({ pupilReference: undefined, bsn: '111222333' }), { policy, contacts: CONTACTS, registry });
		expect(b.pupilReference).toBeNull();
		assertNoPersonalData(a);
		assertNoPersonalData(b);
	});
});
