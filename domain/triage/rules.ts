/**
 * The rule catalogue: every rule the triage can fire, with its id, seed reference and text a
 * functioneel beheerder can read to a parent (English and Dutch). The decision logic is in decide.ts;
 * the rules table in docs/toeleiding-triage.md is checked against this catalogue by test/unit/triage/readme-rules.test.ts.
 */
import type { Action, ActionId, Reason } from './types';

export interface RuleText {
	ruleId: string;
	seed: string;
	text: string;
	textNl: string;
}

export const RULES = {
	consentMissing: {
		ruleId: 'T-CONSENT-NO',
		seed: 'DOMAIN.md §1, Privacy (AVG); practice at SWV portals',
		text: 'The parents have not given consent, so no named case can be opened: only anonymous advice is possible.',
		textNl: 'De ouders hebben geen toestemming gegeven, dus er kan geen dossier op naam worden geopend: alleen anoniem advies is mogelijk.',
	},
	incomplete: {
		ruleId: 'T-INCOMPLETE',
		seed: 'DOMAIN.md §1 (incomplete requests are normal)',
		text: 'The request is not complete yet; the school is asked for the missing information before a route can be chosen.',
		textNl: 'De aanmelding is nog niet compleet; de school wordt gevraagd de ontbrekende gegevens aan te vullen voordat een route gekozen kan worden.',
	},
	wlz: {
		ruleId: 'T-WLZ',
		seed: 'S4 §4.4.4 (zml pilot: zorg in onderwijstijd)',
		text: 'The pupil has a Wlz indication and needs care during school time: this care is arranged through the Wet langdurige zorg (Wlz), not youth care.',
		textNl: 'De leerling heeft een Wlz-indicatie en heeft zorg nodig onder schooltijd: deze zorg loopt via de Wet langdurige zorg (Wlz), niet via jeugdhulp.',
	},
	learningOnly: {
		ruleId: 'T-LEARNING-ONLY',
		seed: 'S1 kernbepaling 1; S4 §2.2',
		text: 'The need concerns learning only. Support aimed at the learning process is the school\u2019s task (basisondersteuning, Passend Onderwijs), not youth care.',
		textNl: 'De hulpvraag gaat alleen over leren. Ondersteuning gericht op het leerproces is een taak van de school (basisondersteuning, Passend Onderwijs), geen jeugdhulp.',
	},
	green: {
		ruleId: 'T-GREEN',
		seed: 'S0 risicopiramide; S1 kernbepaling 1',
		text: 'The risk is low (green): general, preventive help from the wijkteam or youth health care (voorliggend veld) comes before youth care.',
		textNl: 'Het risico is laag (groen): algemene, preventieve hulp van het wijkteam of de jeugdgezondheidszorg (voorliggend veld) gaat vóór jeugdhulp.',
	},
	yellowWeigh: {
		ruleId: 'T-YELLOW-WEIGH',
		seed: 'S0 risicopiramide ("elke keer afgewogen in het zorgoverleg")',
		text: 'The risk is elevated (yellow) and the school\u2019s zorgteam has not decided yet: for this group the zorgteam weighs each case first.',
		textNl: 'Het risico is verhoogd (geel) en het zorgteam van de school heeft nog geen besluit genomen: voor deze groep weegt het zorgteam elke situatie eerst af.',
	},
	zorgteamNoHelp: {
		ruleId: 'T-ZORGTEAM-NO-HELP',
		seed: 'S0 risicopiramide; S1 kernbepaling 1',
		text: 'The zorgteam weighed the case and decided that youth care is not needed: general, preventive help (voorliggend veld) is the route.',
		textNl: 'Het zorgteam heeft de situatie afgewogen en besloten dat jeugdhulp niet nodig is: algemene, preventieve hulp (voorliggend veld) is de route.',
	},
	youthCareRed: {
		ruleId: 'T-YOUTH-CARE-RED',
		seed: 'S0 risicopiramide (rode groep: specialistische hulp)',
		text: 'The risk is very high (red): specialist youth care is needed.',
		textNl: 'Het risico is zeer hoog (rood): specialistische jeugdhulp is nodig.',
	},
	youthCareZorgteam: {
		ruleId: 'T-YOUTH-CARE-ZORGTEAM',
		seed: 'S1 kernbepaling 2; S0 werkwijze',
		text: 'The school\u2019s zorgteam decided that youth care is needed.',
		textNl: 'Het zorgteam van de school heeft besloten dat jeugdhulp nodig is.',
	},
	combined: {
		ruleId: 'T-COMBINED',
		seed: 'S1 throughput 2 (integraal arrangeren); S2; S4 §2.2 (grijs gebied)',
		text: 'The need concerns both learning and broader development, behaviour or the family (grijs gebied): the school and the municipality arrange the help together, each from its own budget (integraal arrangeren). A child must never wait because of a dispute about who pays.',
		textNl: 'De hulpvraag gaat zowel over leren als over bredere ontwikkeling, gedrag of het gezin (grijs gebied): school en gemeente regelen de hulp samen, ieder vanuit het eigen budget (integraal arrangeren). Een kind mag nooit wachten door discussie over wie betaalt.',
	},
	designated: {
		ruleId: 'T-DESIGNATED-SCHOOL',
		seed: 'S0 werkwijze OSJ; S1 kernbepaling 6',
		text: 'The school is designated for collective youth care: help at school is available without an individual beschikking.',
		textNl: 'De school is aangewezen voor collectieve jeugdhulp: hulp op school is beschikbaar zonder individuele beschikking.',
	},
	notDesignated: {
		ruleId: 'T-NOT-DESIGNATED',
		seed: 'S0 ("werkwijze van de individuele beschikkingen")',
		text: 'The school has no collective youth care arrangement: the help goes through an individual beschikking of the municipality where the pupil lives.',
		textNl: 'De school heeft geen collectieve jeugdhulp: de hulp loopt via een individuele beschikking van de woongemeente van de leerling.',
	},
	mandated: {
		ruleId: 'T-MANDATED-ROUTE',
		seed: 'S4 §4.3.3',
		text: 'In this region the request goes through the zorgonderwijsspecialist, who holds a mandate from the municipality to grant youth care to a pupil or a school: no separate beschikking of the municipality is needed.',
		textNl: 'In deze regio loopt de aanvraag via de zorgonderwijsspecialist, die van de gemeente mandaat heeft om jeugdhulp toe te kennen aan een leerling of school: een aparte beschikking van de gemeente is niet nodig.',
	},
	policyBeschikking: {
		ruleId: 'T-POLICY-BESCHIKKING',
		seed: 'DOMAIN.md §4',
		text: 'Under the region\u2019s policy the collective offer does not cover this pupil: the municipality where the pupil lives decides on an individual beschikking.',
		textNl: 'Volgens de regionale afspraak valt deze leerling niet onder het collectieve aanbod: de woongemeente besluit over een individuele beschikking.',
	},
} satisfies Record<string, RuleText>;

export function woonplaatsReason(name: string): RuleText {
	return {
		ruleId: 'T-WOONPLAATS',
		seed: 'Jeugdwet art. 1.1 (woonplaatsbeginsel)',
		text: `The responsible municipality is ${name}, where the pupil lives (woonplaatsbeginsel); where the school is does not decide this.`,
		textNl: `De verantwoordelijke gemeente is ${name}, waar de leerling woont (woonplaatsbeginsel); waar de school staat, bepaalt dit niet.`,
	};
}

export function woonplaatsVerblijfReason(name: string): RuleText {
	return {
		ruleId: 'T-WOONPLAATS-VERBLIJF',
		seed: 'Jeugdwet art. 1.1 (woonplaatsbeginsel, verblijf)',
		text: `The pupil stays with a care provider, foster family or institution: the responsible municipality is ${name}, where the pupil lived just before that stay (woonplaatsbeginsel).`,
		textNl: `De leerling verblijft bij een zorgaanbieder, pleeggezin of instelling: de verantwoordelijke gemeente is ${name}, waar de leerling woonde vlak voor dat verblijf (woonplaatsbeginsel).`,
	};
}

export const ACTION_RULES = {
	opp: { ruleId: 'A-OPP', seed: 'S1 kernbepaling 2, throughput 4 ("OPP is leidend")' },
	family: { ruleId: 'A-1G1P1R', seed: 'S1 kernbepaling 3, throughput 4' },
	zorgteamFirst: { ruleId: 'A-ZORGTEAM-FIRST', seed: 'S1 kernbepaling 2' },
	deadline: { ruleId: 'A-8-WEEKS', seed: 'S1 input goal 2, outcome 2' },
	homeHelp: { ruleId: 'A-HOME-HELP-RESIDENCE', seed: 'S4 §4.1.4' },
	mandate: { ruleId: 'A-ZORGONDERWIJSSPECIALIST', seed: 'S4 §4.3.3' },
	settlement: { ruleId: 'A-SETTLEMENT', seed: 'DOMAIN.md §4' },
	contact: { ruleId: 'A-ACCESS-CONTACT', seed: 'S1 input goal 3; S3 ambitie 2' },
} as const;

const ACTION_TEXT: Record<ActionId, [string, string]> = {
	ask_school_for_information: ['Ask the school for the missing information.', 'Vraag de school om de ontbrekende gegevens.'],
	discuss_in_zorgteam: [
		'Discuss the pupil in the school\u2019s zorgteam; the access team contact routes the help in consultation with the zorgteam.',
		'Bespreek de leerling in het zorgteam van de school; de contactpersoon van de toegang leidt toe in afstemming met het zorgteam.',
	],
	draw_up_opp: [
		'Draw up or update the development plan (OPP) first: the OPP is leading for collective youth care.',
		'Stel eerst het ontwikkelingsperspectiefplan (OPP) op of werk het bij: het OPP is leidend voor collectieve jeugdhulp.',
	],
	align_opp_with_family_plan: [
		'Help at home is also needed: align the OPP goals with the family plan (1 Gezin 1 Plan 1 Regisseur).',
		'Er is ook hulp thuis nodig: stem de doelen van het OPP af met het gezinsplan (1 Gezin 1 Plan 1 Regisseur).',
	],
	same_care_worker_at_home: [
		'Where possible the same care worker who helps at school also helps at home.',
		'Waar mogelijk biedt dezelfde jeugdhulpverlener die op school helpt ook de hulp thuis.',
	],
	home_help_by_residence_municipality: [
		'The arrangement at school covers help in school only: help at home goes through the regular access of the municipality where the pupil lives.',
		'Het arrangement op school geldt alleen voor hulp op school: hulp thuis loopt via de reguliere toegang van de gemeente waar de leerling woont.',
	],
	request_beschikking: [
		'Request an individual beschikking from the responsible municipality through its access team.',
		'Vraag een individuele beschikking aan bij de verantwoordelijke gemeente, via de gemeentelijke toegang.',
	],
	register_for_settlement: [
		'Register the pupil for cross-region settlement: the care is pre-financed and settled afterwards with the municipality where the pupil lives.',
		'Registreer de leerling voor verrekening: de zorg wordt voorgefinancierd en achteraf verrekend met de woongemeente.',
	],
	inform_access_contact: [
		'Inform the contact person of the municipal access team for this school.',
		'Informeer de contactpersoon van de gemeentelijke toegang voor deze school.',
	],
	register_case: ['Register the case in the case system.', 'Registreer de casus in het casussysteem.'],
	request_through_zorgonderwijsspecialist: [
		'Request the onderwijs-zorgarrangement through the zorgonderwijsspecialist, who decides under mandate (no beschikking).',
		'Vraag het onderwijs-zorgarrangement aan via de zorgonderwijsspecialist, die onder mandaat besluit (geen beschikking).',
	],
};

/** Every action id, in catalogue order. */
export const ACTION_IDS = Object.keys(ACTION_TEXT) as ActionId[];

export function action(id: ActionId): Action {
	const [text, textNl] = ACTION_TEXT[id];
	return { id, text, textNl };
}

export function reason(rule: RuleText, seed?: string): Reason {
	return { ruleId: rule.ruleId, seed: seed ?? rule.seed, text: rule.text, textNl: rule.textNl };
}

/** Every rule id the triage can report (for the decision-table test and the docs). */
export const ALL_RULE_IDS = [
	...Object.values(RULES).map((r) => r.ruleId),
	'T-WOONPLAATS',
	'T-WOONPLAATS-VERBLIJF',
	...Object.values(ACTION_RULES).map((r) => r.ruleId),
];
