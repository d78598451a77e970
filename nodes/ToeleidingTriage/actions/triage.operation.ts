/**
 * Toeleiding Triage: read parameters → build the policy once → per item: read the mapped fields,
 * validate, decide, route to the output of the route.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { parseAddressList, splitAddresses } from '../../../domain/primitives/addresses';
import { parseBrin } from '../../../domain/primitives/brin';
import { GEMEENTEN_2025, getDefaultRegistry, leadingCbsCode } from '../../../domain/municipalities';
import { buildPolicy, PRESETS, PRESET_IDS, splitList, type OutsiderTreatment, type PresetId } from '../../../domain/policies';
import {
	DEFAULT_FIELD_NAMES,
	explain,
	parseRequest,
	triage,
	type AccessContact,
	type FieldNames,
	type RequestField,
	type TriageConfig,
	type TriageOutcome,
	type TriageRequest,
} from '../../../domain/triage';
import { configurationError } from '../../shared/errors';
import { mapItems } from '../../shared/execution';
import { calendarTimeZoneOption, InputReader, openInput } from '../../shared/input';
import { IdentifyingData, readIdentifyingData } from '../../shared/privacy';
import { ROUTE_LABELS, routesFor } from '../parameters';
import { FROM_POLICY, groupOfferOptions, helpAtHomeOptions, outsiderOptions, regionPolicyOptions } from '../../shared/policy.description';
import { withFieldNames } from '../../../domain/primitives/headers';
import { makePseudonymiser } from '../../../domain/primitives/pseudonym';
import type { Language } from '../../../domain/primitives/language';

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

/** The parameters of the Triage operation (the node's only operation: it has no Operation selector). */
export const description: INodeProperties[] = [
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

interface Settings {
	config: TriageConfig;
	names: FieldNames;
	language: Language;
	triageOnly: boolean;
	includeBsn: boolean;
	privacy?: IdentifyingData;
}

/** `0307 Amersfoort` → `0307`; a name stays a name. */
function municipalityEntry(entry: string): string {
	return leadingCbsCode(entry) ?? entry.trim();
}

/** Every parameter is read once per run (the input reader checked they are the same for every item). */
async function readSettings(ctx: IExecuteFunctions, input: InputReader): Promise<Settings> {
	const registry = getDefaultRegistry();
	const preset = ctx.getNodeParameter('regionPolicy', 0) as PresetId | 'custom';
	const municipalities = splitList(ctx.getNodeParameter(`municipalities_${preset}`, 0, '') as string).map(municipalityEntry);
	const outsiders = ctx.getNodeParameter('outsiders', 0, FROM_POLICY) as OutsiderTreatment | typeof FROM_POLICY;
	const groupOpen = ctx.getNodeParameter('groupOfferOpenToAll', 0, FROM_POLICY) as string;
	const homeHelp = ctx.getNodeParameter('helpAtHomeArrangement', 0, FROM_POLICY) as string;
	const policy = buildPolicy(
		preset,
		{
			participatingMunicipalities: municipalities,
			designatedSchools: splitList(ctx.getNodeParameter('designatedSchools', 0, '') as string),
			outsiders: outsiders === FROM_POLICY ? undefined : outsiders,
			groupOfferOpenToAll: groupOpen === FROM_POLICY ? undefined : groupOpen === 'yes',
			schoolTimeOnly: homeHelp === FROM_POLICY ? undefined : homeHelp === 'schoolTimeOnly',
		},
		registry,
	);
	const contactRows = (ctx.getNodeParameter('accessContacts.contact', 0, []) as IDataObject[]) ?? [];
	const contacts: AccessContact[] = contactRows.map((c, i) => ({
		school: parseBrin(String(c.school ?? ''), 'accessContacts.school').code,
		municipality: c.municipality ? registry.resolve(municipalityEntry(String(c.municipality)), 'accessContacts.municipality').code : undefined,
		name: String(c.name ?? ''),
		email: parseAddressList(c.email ?? '', `Access Team Contacts → contact ${i + 1} → E-Mail`).text,
	}));
	const fields = ctx.getNodeParameter('fields', 0, {}) as Partial<FieldNames>;
	const names: FieldNames = withFieldNames(DEFAULT_FIELD_NAMES, fields);
	const options = ctx.getNodeParameter('options', 0, {}) as { language?: Language; output?: string; includeBsn?: boolean };
	let pseudonymise: ((bsn: string) => string) | undefined;
	if (ctx.getNodeParameter('pseudonymiseBsn', 0, false) as boolean) {
		const credentials = await ctx.getCredentials<{ key: string }>('pseudonymisationKeyApi');
		pseudonymise = makePseudonymiser(credentials.key);
	}
	return {
		config: { policy, contacts, registry, zone: input.zone, pseudonymise },
		names,
		language: options.language === 'en' ? 'en' : 'nl',
		triageOnly: options.output === 'triageOnly',
		includeBsn: options.includeBsn === true,
		privacy: readIdentifyingData(ctx, pseudonymise, [names.bsn]),
	};
}

/** `{ code, name }`, plus `formerCode`, `formerName` and `note` when the request named a discontinued municipality. */
function municipalityJson(m: TriageOutcome['responsibleMunicipality'], language: Language): IDataObject | null {
	if (!m) return null;
	if (!m.formerly) return { code: m.code, name: m.name };
	return { code: m.code, name: m.name, formerCode: m.formerly.code, formerName: m.formerly.name, note: m.formerly.note[language] };
}

/** The `triage` object of an output item. */
export function triageJson(outcome: TriageOutcome, req: TriageRequest, s: Settings): IDataObject {
	const en = s.language === 'en';
	const json: IDataObject = {
		route: outcome.route,
		routeLabel: ROUTE_LABELS[outcome.route],
		requestId: req.requestId ?? null,
		pupilReference: outcome.pupilReference,
		school: req.school ?? null,
		responsibleMunicipality: municipalityJson(outcome.responsibleMunicipality, s.language),
		financing: outcome.financing,
		whoPays: {
			text: en ? outcome.whoPays.text : outcome.whoPays.textNl,
			municipality: outcome.whoPays.municipality as IDataObject | null,
			preFinancedBy: outcome.whoPays.preFinancedBy as IDataObject | null,
		},
		crossRegionSettlement: outcome.crossRegionSettlement,
		policy: { id: s.config.policy.id, name: s.config.policy.name, seed: s.config.policy.seed, treatment: outcome.policyTreatment },
		zorgteamDate: outcome.zorgteamDate,
		deadline: outcome.deadline,
		accessContact: outcome.accessContact ? { ...outcome.accessContact, emails: splitAddresses(outcome.accessContact.email) } : null,
		actions: outcome.actions.map((a) => ({ id: a.id, text: en ? a.text : a.textNl })),
		missing: outcome.missing.map((f) => s.names[f]),
		reasons: outcome.reasons.map((r) => ({ ruleId: r.ruleId, seed: r.seed, text: en ? r.text : r.textNl })),
		explanation: explain(outcome, s.language),
		warnings: outcome.warnings,
	};
	if (outcome.youthCareRoute) json.youthCareRoute = outcome.youthCareRoute;
	if (s.includeBsn && req.bsn) json.bsn = req.bsn;
	return json;
}


/** A copy of `json` without one field: copying the other keys keeps the object fast (`delete` would not). */
function withoutField(json: IDataObject, field: string): IDataObject {
	const out: IDataObject = {};
	for (const key in json) if (key !== field) out[key] = json[key];
	return out;
}

/** @param nodeProperties the node's parameter definitions (for names in messages about run-level parameters) */
export async function execute(ctx: IExecuteFunctions, nodeProperties: INodeProperties[]): Promise<INodeExecutionData[][]> {
	let settings: Settings;
	let input: InputReader;
	try {
		input = openInput(ctx, { properties: nodeProperties });
		settings = await readSettings(ctx, input);
	} catch (error) {
		throw configurationError(ctx.getNode(), error);
	}
	const { names, config } = settings;
	const bsnPath = names.bsn;
	// Output index per route: the outputs are the policy's routes in ROUTES order (see OUTPUTS_EXPRESSION).
	const routes = routesFor(config.policy);
	const routeIndex = new Map(routes.map((route, index) => [route, index]));
	const outputs = mapItems(ctx, routes.length, (item) => {
		const json = item.json;
		const req = parseRequest((f) => input.read(json, names[f]), names, config.registry, config.zone);
		const outcome = triage(req, config);
		const out: IDataObject = settings.triageOnly ? {} : settings.includeBsn ? { ...json } : withoutField(json, bsnPath);
		out.triage = triageJson(outcome, req, settings);
		return { json: out, output: routeIndex.get(outcome.route)! };
	}, settings.privacy, input);
	input.finish();
	return outputs;
}
