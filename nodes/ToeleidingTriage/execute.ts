/**
 * Toeleiding Triage: read parameters → build the policy once → per item: read the mapped fields,
 * validate, decide, route to the output of the route.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { parseAddressList, splitAddresses } from '../../domain/addresses';
import { parseBrin } from '../../domain/brin';
import { getDefaultRegistry } from '../../domain/municipalities';
import { buildPolicy, splitList, type OutsiderTreatment, type PresetId } from '../../domain/policies';
import {
	DEFAULT_FIELD_NAMES,
	explain,
	makePseudonymiser,
	parseRequest,
	triage,
	type AccessContact,
	type FieldNames,
	type RequestField,
	type TriageConfig,
	type TriageOutcome,
	type TriageRequest,
} from '../../domain/triage';
import { mapItems, toNodeError } from '../shared/execution';
import { InputReader, openInput } from '../shared/input';
import { IdentifyingData, readIdentifyingData } from '../shared/privacy';
import { ROUTE_LABELS, routesFor, triageProperties } from './description';
import { FROM_POLICY } from '../shared/policy.description';

type Language = 'nl' | 'en';

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
	const m = /^(GM)?(\d{1,4})(?=\s|\(|$)/i.exec(entry.trim());
	return m ? m[2] : entry.trim();
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
	const names: FieldNames = { ...DEFAULT_FIELD_NAMES };
	for (const key of Object.keys(DEFAULT_FIELD_NAMES) as RequestField[]) {
		const v = fields[key];
		if (typeof v === 'string' && v.trim() !== '') names[key] = v.trim();
	}
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
function municipalityJson(m: TriageOutcome['responsibleMunicipality'], language: 'nl' | 'en'): IDataObject | null {
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

export async function executeTriage(ctx: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	let settings: Settings;
	let input: InputReader;
	try {
		input = openInput(ctx, { properties: triageProperties });
		settings = await readSettings(ctx, input);
	} catch (error) {
		throw toNodeError(ctx.getNode(), error, 0);
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
