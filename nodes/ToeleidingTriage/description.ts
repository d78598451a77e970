/**
 * What the Toeleiding Triage node shows the user. Execution lives in execute.ts.
 */
import type { ExpressionString, INodeProperties } from 'n8n-workflow';

import { PRESETS, PRESET_IDS, type PresetId } from '../../domain/policies';
import { DEFAULT_FIELD_NAMES, ROUTES, type RequestField, type Route } from '../../domain/triage';
import { GEMEENTEN_2025 } from '../../domain/municipalities';
import { FROM_POLICY, groupOfferOptions, helpAtHomeOptions, outsiderOptions, regionPolicyOptions } from '../shared/policy.description';
import { calendarTimeZoneOption } from '../shared/input';

export const ROUTE_LABELS: Record<Route, string> = {
	needs_information: 'Needs Information',
	collective: 'Collective Youth Care at School',
	individual_beschikking: 'Individual Beschikking',
	combined: 'Combined (Grijs Gebied)',
	basic_support: 'Basic Support by School',
	voorliggend_veld: 'Voorliggend Veld',
	zorgteam_weighing: 'Zorgteam Weighing',
	wlz: 'Wlz',
	anonymous_advice: 'Anonymous Advice Only',
	mandated_route: 'Mandated Route (Zorgonderwijsspecialist)',
};

/**
 * One output per route, in ROUTES order ("Needs Information" first: failed items land there under "Continue").
 * The Mandated Route output (index 9) exists only under a policy that can produce it (Rotterdam): every other
 * workflow keeps its nine outputs, so n8n's error output ("Continue (using error output)") stays at index 9
 * and no existing connection moves.
 */
/** The presets whose designated schools grant youth care under mandate (the Mandated Route output is shown). */
export const MANDATED_PRESETS: PresetId[] = PRESET_IDS.filter((id) => PRESETS[id].accessRoute === 'mandated_specialist');
/** The routes (and so outputs) of a node under a policy. */
export function routesFor(policy: { accessRoute?: string }): readonly Route[] {
	return policy.accessRoute === 'mandated_specialist' ? ROUTES : ROUTES.filter((r) => r !== 'mandated_route');
}
const outputList = (routes: readonly Route[]): string => JSON.stringify(routes.map((r) => ({ type: 'main', displayName: ROUTE_LABELS[r] })));
/** The node's outputs as an expression of the Region Policy parameter. */
export const OUTPUTS_EXPRESSION = `={{ ${JSON.stringify(MANDATED_PRESETS)}.includes($parameter.regionPolicy) ? ${outputList(ROUTES)} : ${outputList(routesFor({}))} }}` as ExpressionString;

const NAMES = new Map(GEMEENTEN_2025.map(([code, name]) => [code, name]));
/** `0307 Amersfoort, 0308 Baarn`: codes with names, so the list is readable and editable. */
export function formatMunicipalityList(codes: readonly string[]): string {
	return codes.map((c) => `${c} ${NAMES.get(c) ?? ''}`.trim()).join(', ');
}


const OUTSIDER_TEXT: Record<string, string> = {
	covered: 'all pupils covered regardless of residence',
	residents_only: 'residents only; others need a beschikking from their home municipality',
	group_open_individual_beschikking: 'group offer open to all; individual help needs the home municipality\u2019s beschikking',
	group_open_individual_settled: 'group offer open to all; individual help pre-financed and settled with the home municipality',
	prefinance_settle: 'everything pre-financed and settled with the home municipality',
	unset: 'not fixed by the region policy (Holland Rijnland: bestuurlijke keuze; Rotterdam and the Twente pilots: not in the seed): choose under "Pupils Living Elsewhere"',
};

const municipalityParams: INodeProperties[] = [
	...PRESET_IDS.map(
		(id): INodeProperties => ({
			displayName: 'Participating Municipalities',
			name: `municipalities_${id}`,
			type: 'string',
			typeOptions: { rows: 3 },
			default: formatMunicipalityList(PRESETS[id].participatingMunicipalities),
			displayOptions: { show: { regionPolicy: [id] } },
			description:
				`Municipalities (gemeenten) taking part, as CBS codes (0307, GM0307) or names, separated by commas. Preset default from ${PRESETS[id].seed}` +
				(PRESETS[id].municipalitiesToConfirm ? ' — the seed does not list them: a public-knowledge default to confirm.' : '.') +
				` Pupils living elsewhere: ${OUTSIDER_TEXT[PRESETS[id].outsiders]}.`,
		}),
	),
	{
		displayName: 'Participating Municipalities',
		name: 'municipalities_custom',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		placeholder: 'e.g. 0307 Amersfoort, 0308 Baarn',
		displayOptions: { show: { regionPolicy: ['custom'] } },
		description: 'Municipalities (gemeenten) taking part in your region\u2019s collective arrangement, as CBS codes or names, separated by commas',
	},
];

const FIELD_DESCRIPTIONS: Record<RequestField, [string, string]> = {
	requestId: ['Request ID', 'Field with the ID of the request (aanmelding); passed on to the outputs'],
	pupilReference: ['Pupil Reference', 'Field with a pseudonymous pupil reference (not a name or BSN); passed on instead of the BSN'],
	bsn: ['BSN', 'Field with the pupil\u2019s BSN (optional). Validated by the elfproef, never shown in errors, removed from the outputs unless "Include BSN in Output" is on'],
	school: ['School (BRIN)', 'Field with the BRIN code of the school (e.g. 12AB or 12AB00)'],
	residence: ['Residence Municipality', 'Field with the municipality of the pupil\u2019s BRP address (woonplaats), as CBS code or name'],
	inResidentialCare: ['In Residential Care', 'Field saying (yes/no) whether the pupil stays with a provider, foster family or institution (verblijf)'],
	residenceBeforeStay: ['Residence Before Stay', 'Field with the municipality of the BRP address just before a residential stay (woonplaatsbeginsel)'],
	needs: ['Need Domains', 'Field with the need domains: learning (leren), behaviour (gedrag), upbringing (opvoeding/gezin), mental_health (psychisch/ggz), disability (lvb), nursing_care (zorg in onderwijstijd), separated by commas'],
	riskLevel: ['Risk Level', 'Field with the risk level of the pyramid (S0): green, yellow, red (groen, geel, rood)'],
	zorgteamDecision: ['Zorgteam Decision', 'Field with the zorgteam decision: help (ja), no_help (nee) or empty when not yet discussed'],
	zorgteamDate: ['Zorgteam Date', 'Field with the date the zorgteam discussed the pupil; starts the 8-week clock'],
	oppPresent: ['OPP Present', 'Field saying (yes/no) whether the pupil has a current ontwikkelingsperspectiefplan (OPP)'],
	helpAtHome: ['Help at Home Needed', 'Field saying (yes/no) whether help at home is also needed (1 Gezin 1 Plan 1 Regisseur)'],
	wlzIndication: ['Wlz Indication', 'Field saying (yes/no) whether the pupil has a Wlz indication'],
	groupOfferSuitable: ['Group Offer Suitable', 'Field saying (yes/no) whether a group offer (groepsaanbod) fits the need'],
	parentalConsent: ['Parental Consent', 'Field saying (yes/no) whether the parents consented to a named case'],
	accessContactEmail: ['Access Contact E-Mail', 'Field with the e-mail of the access team contact, if the form carries it; otherwise the contact list below is used'],
};

export const triageProperties: INodeProperties[] = [
	{
		displayName: 'Region Policy',
		name: 'regionPolicy',
		type: 'options',
		noDataExpression: true,
		options: regionPolicyOptions,
		default: 'amersfoort_osj',
		description: 'The region\u2019s arrangement for collective youth care at school (preset from the seeds, DOMAIN.md §4); its municipality list is shown below and can be edited',
	},
	...municipalityParams,
	{
		displayName: 'Designated Schools',
		name: 'designatedSchools',
		type: 'string',
		default: '',
		placeholder: 'e.g. 12AB, 34CD00',
		description: 'BRIN codes of the schools designated for collective youth care (OSJ/OJA/SJSO schools), separated by commas. A code without location number matches all locations; a code with one (12AB01) only that location. Pupils at other schools go to an individual beschikking.',
	},
	{
		displayName: 'Pupils Living Elsewhere',
		name: 'outsiders',
		type: 'options',
		options: outsiderOptions,
		default: FROM_POLICY,
		description: 'How pupils at a designated school who live in a non-participating municipality are treated',
	},
	{
		displayName: 'Group Offer Open to All',
		name: 'groupOfferOpenToAll',
		type: 'options',
		options: groupOfferOptions,
		default: FROM_POLICY,
		description: 'Whether group offers (groepsaanbod) at designated schools are open to pupils from every municipality',
	},
	{
		displayName: 'Help at Home',
		name: 'helpAtHomeArrangement',
		type: 'options',
		options: helpAtHomeOptions,
		default: FROM_POLICY,
		description: 'Whether the collective offer covers school time only (help at home through the residence municipality) or also help at home',
	},
	{
		displayName: 'Access Team Contacts',
		name: 'accessContacts',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		default: {},
		placeholder: 'Add Contact',
		description: 'The contact person of the municipal access team (gemeentelijke toegang) per school; for a school with a regional function, one per school and municipality (S1 input goal 3, S3)',
		options: [
			{
				displayName: 'Contact',
				name: 'contact',
				values: [
					{ displayName: 'School (BRIN)', name: 'school', type: 'string', default: '', placeholder: 'e.g. 12AB', description: 'BRIN code of the school' },
					{ displayName: 'Municipality', name: 'municipality', type: 'string', default: '', placeholder: 'e.g. 0307 or Amersfoort', description: 'Leave empty for the school\u2019s contact for all pupils; fill in for a contact per municipality at a school with a regional function' },
					{ displayName: 'Name', name: 'name', type: 'string', default: '', description: 'Name of the contact person (a professional, not a pupil)' },
					{ displayName: 'Email', name: 'email', type: 'string', default: '', placeholder: 'name@example.com', description: 'E-mail address of the contact person' },
				],
			},
		],
	},
	{
		displayName: 'Pseudonymise BSN',
		name: 'pseudonymiseBsn',
		type: 'boolean',
		default: false,
		description: 'Whether to make a pseudonymous pupil reference from the BSN (keyed hash, needs the Jeugdhulp Pseudonymisation Key credential) when the request has no pupil reference',
	},
	{
		displayName: 'Input Field Names',
		name: 'fields',
		type: 'collection',
		placeholder: 'Change Field Name',
		default: {},
		description: 'Names of the fields (columns) in the incoming form or spreadsheet; change them to match yours. Dot paths (a.b) work too.',
		options: (Object.keys(FIELD_DESCRIPTIONS) as RequestField[]).map((f) => ({
			displayName: FIELD_DESCRIPTIONS[f][0],
			name: f,
			type: 'string' as const,
			default: DEFAULT_FIELD_NAMES[f],
			description: FIELD_DESCRIPTIONS[f][1],
		})),
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		description: 'Further settings',
		options: [
			calendarTimeZoneOption,
			{
				displayName: 'Language of Texts',
				name: 'language',
				type: 'options',
				options: [
					{ name: 'Dutch (Nederlands)', value: 'nl', description: 'Reasons, actions and who-pays text in Dutch' },
					{ name: 'English', value: 'en', description: 'Reasons, actions and who-pays text in English' },
				],
				default: 'nl',
				description: 'Language of the texts a beheerder reads to parents or sends on',
			},
			{
				displayName: 'Output',
				name: 'output',
				type: 'options',
				options: [
					{ name: 'Input Fields and Triage', value: 'inputAndTriage', description: 'Keep the request\u2019s fields (without the BSN) and add a "triage" object' },
					{ name: 'Triage Only', value: 'triageOnly', description: 'Only the "triage" object (data minimisation)' },
				],
				default: 'inputAndTriage',
				description: 'What each output item contains',
			},
			{
				displayName: 'Include BSN in Output',
				name: 'includeBsn',
				type: 'boolean',
				default: false,
				description: 'Whether to keep the BSN in the output items (as triage.bsn, normalised). Off by default: data minimisation.',
			},
		],
	},
];
