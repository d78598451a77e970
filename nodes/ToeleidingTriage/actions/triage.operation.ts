/**
 * Toeleiding Triage: settings (triage.settings.ts: the parameters, the policy built once) → per item: read the
 * mapped fields, validate, decide, route to the output of the route.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { splitAddresses } from '../../../domain/primitives/addresses';
import {
	TRIAGE_COLUMNS,
	type RequestField,
	type Action,
	type MunicipalityRef,
	type Reason,
	type TriageOutcome,
} from '../../../domain/triage';
import { KeyTrie } from '../../../domain/primitives/shared';
// The per-item functions straight from their modules: a call through the barrel's re-export is a getter call per item.
import { pupilReferenceOf } from '../../../domain/triage/decide';
import { requestTriage, UNREAD, type TriagedRequest } from '../../../domain/triage/requestCache';
import { triageTexts } from '../../../domain/triage/text';
import { configurationError } from '../../shared/errors';
import { mapItems } from '../../shared/execution';
import { ColumnPass, InputReader, openInput } from '../../shared/input';
import { ROUTE_LABELS, routesFor } from '../parameters';
import { policyNoticeHints } from '../../shared/policy.description';
import type { Language } from '../../../domain/primitives/language';
import { readTriageSettings, type TriageSettings as Settings } from './triage.settings';

export { description } from './triage.settings';

/** `{ code, name }`, plus `formerCode`, `formerName` and `note` when the request named a discontinued municipality. */
function municipalityJson(m: MunicipalityRef, language: Language): IDataObject {
	if (!m.formerly) return { code: m.code, name: m.name };
	return { code: m.code, name: m.name, formerCode: m.formerly.code, formerName: m.formerly.name, note: m.formerly.note[language] };
}

type Shared = IDataObject | IDataObject[] | string[];

/**
 * The sub-values of the `triage` object, built once per distinct key per run and shared, frozen, by every
 * item with that key (domain/primitives/shared.ts): a run repeats the same few municipalities, reasons,
 * actions and texts on every item. Keys: codes and texts by content, reasons and actions by identity (the
 * domain hands out one frozen object per rule, municipality name or zorgteam day and configuration).
 */
class OutputParts {
	private readonly trie = new KeyTrie<Shared>();
	private readonly templates = new WeakMap<TriageOutcome, Template>();
	private readonly en: boolean;

	constructor(private readonly s: Settings) {
		this.en = s.language === 'en';
	}

	/** The outcome's template, made once per outcome object (outcomes are shared: decisionCache). */
	template(outcome: TriageOutcome, make: () => Template): Template {
		let t = this.templates.get(outcome);
		if (!t) {
			t = make();
			this.templates.set(outcome, t);
		}
		return t;
	}

	private at(kind: string) {
		return this.trie.root().key(kind);
	}

	municipality(m: MunicipalityRef | null): IDataObject | null {
		if (!m) return null;
		return this.at('municipality').key(m.code).key(m.name).key(m.formerly?.code).get(() => municipalityJson(m, this.s.language)) as IDataObject;
	}

	/** A list of strings (financing streams, warnings, missing column names). */
	strings(kind: string, list: readonly string[]): string[] {
		return this.at(kind).keys(list).get(() => [...list]) as string[];
	}

	whoPays(w: TriageOutcome['whoPays']): IDataObject {
		const text = this.en ? w.text : w.textNl;
		const m = w.municipality;
		const p = w.preFinancedBy;
		return this.at('whoPays').key(text).key(m?.code).key(m?.name).key(p?.code).key(p?.name).get(() => ({
			text,
			municipality: m && { code: m.code, name: m.name },
			preFinancedBy: p && { code: p.code, name: p.name },
		})) as IDataObject;
	}

	policy(treatment: TriageOutcome['policyTreatment']): IDataObject {
		const policy = this.s.config.policy;
		return this.at('policy').key(treatment).get(() => ({ id: policy.id, name: policy.name, seed: policy.seed, treatment, date: policy.asOf?.from ?? null, notices: (policy.notices ?? []).map((n) => n.text) })) as IDataObject;
	}

	accessContact(c: TriageOutcome['accessContact']): IDataObject | null {
		if (!c) return null;
		return this.at('contact').key(c.name).key(c.email).get(() => ({ ...c, emails: splitAddresses(c.email) })) as IDataObject;
	}

	actions(actions: readonly Action[]): IDataObject[] {
		return this.at('actions').keys(actions).get(() => actions.map((a) => ({ id: a.id, text: this.en ? a.text : a.textNl }))) as IDataObject[];
	}

	reasons(reasons: readonly Reason[]): IDataObject[] {
		return this.at('reasons').keys(reasons).get(() => reasons.map((r) => ({ ruleId: r.ruleId, seed: r.seed, text: this.en ? r.text : r.textNl }))) as IDataObject[];
	}

	/** The words a workflow mails to people, in the Message Language (domain/triage/text.ts). */
	texts(outcome: TriageOutcome, missing: string[]): IDataObject {
		return this.at('texts').key(outcome.route).key(outcome.deadline).keys(outcome.actions).key(REASONS_MARK).keys(outcome.reasons).key(MISSING_MARK).keys(missing).get(
			() => triageTexts(outcome, missing, this.s.language) as unknown as IDataObject,
		) as IDataObject;
	}
}

/** Separate the actions, the reasons and the missing fields in the key of `texts`. */
const MISSING_MARK = Symbol('missing');
const REASONS_MARK = Symbol('reasons');

/** The `triage` fields that follow from the outcome alone, shared by the items with that outcome. */
interface Template {
	route: string;
	routeLabel: string;
	responsibleMunicipality: IDataObject | null;
	financing: string[];
	whoPays: IDataObject;
	crossRegionSettlement: boolean;
	policy: IDataObject;
	zorgteamDate: string | null;
	deadline: string | null;
	accessContact: IDataObject | null;
	actions: IDataObject[];
	missing: string[];
	reasons: IDataObject[];
	explanation: string;
	warnings: string[];
	texts: IDataObject;
	youthCareRoute: string | undefined;
}

function template(outcome: TriageOutcome, s: Settings, parts: OutputParts): Template {
	const missing = parts.strings('missing', outcome.missing.map((f) => s.names[f]));
	return {
		route: outcome.route,
		routeLabel: ROUTE_LABELS[outcome.route],
		responsibleMunicipality: parts.municipality(outcome.responsibleMunicipality),
		financing: parts.strings('financing', outcome.financing),
		whoPays: parts.whoPays(outcome.whoPays),
		crossRegionSettlement: outcome.crossRegionSettlement,
		policy: parts.policy(outcome.policyTreatment),
		zorgteamDate: outcome.zorgteamDate,
		deadline: outcome.deadline,
		accessContact: parts.accessContact(outcome.accessContact),
		actions: parts.actions(outcome.actions),
		missing,
		reasons: parts.reasons(outcome.reasons),
		explanation: s.explain(outcome),
		warnings: parts.strings('warnings', outcome.warnings),
		texts: parts.texts(outcome, missing),
		youthCareRoute: outcome.youthCareRoute,
	};
}

/**
 * The `triage` object of an output item: the item's own fields (request id, pupil reference, school, BSN
 * when asked) plus the fields of its outcome, whose objects and lists are shared and frozen (OutputParts).
 * @param t the template of the request's outcome (`template`, made once per outcome)
 * @param pupilReference the request's own reference or its pseudonym (pupilReferenceOf), not the outcome's
 */
export function triageJson(t: Template, req: Pick<TriagedRequest, 'requestId' | 'school' | 'bsn'>, pupilReference: string | null, s: Settings): IDataObject {
	const json: IDataObject = {
		route: t.route,
		routeLabel: t.routeLabel,
		requestId: req.requestId ?? null,
		pupilReference,
		school: req.school ?? null,
		responsibleMunicipality: t.responsibleMunicipality,
		financing: t.financing,
		whoPays: t.whoPays,
		crossRegionSettlement: t.crossRegionSettlement,
		policy: t.policy,
		zorgteamDate: t.zorgteamDate,
		deadline: t.deadline,
		accessContact: t.accessContact,
		actions: t.actions,
		missing: t.missing,
		reasons: t.reasons,
		explanation: t.explanation,
		warnings: t.warnings,
		texts: t.texts,
	};
	if (t.youthCareRoute) json.youthCareRoute = t.youthCareRoute;
	if (s.includeBsn && req.bsn) json.bsn = req.bsn;
	return json;
}

/** @param nodeProperties the node's parameter definitions (for names in messages about run-level parameters) */
export async function execute(ctx: IExecuteFunctions, nodeProperties: INodeProperties[]): Promise<INodeExecutionData[][]> {
	let settings: Settings;
	let input: InputReader;
	try {
		input = openInput(ctx, { properties: nodeProperties });
		settings = await readTriageSettings(ctx, input);
	} catch (error) {
		throw configurationError(ctx.getNode(), error);
	}
	const { names, config } = settings;
	const bsnPath = names.bsn;
	// Output index per route: the outputs are the policy's routes in ROUTES order (see OUTPUTS_EXPRESSION).
	const routes = routesFor(config.policy);
	const routeIndex = new Map(routes.map((route, index) => [route, index]));
	// One parser per run: it caches what each distinct value (municipality, school, date, yes/no) parses to.
	// A required fact whose column is in no item would send every request to Needs Info: say so once.
	input.watchColumns(TRIAGE_COLUMNS.filter((c) => c.required).map((c) => ({ name: names[c.key], label: c.label })));
	// Parsed and decided once per distinct combination of the values the decision reads, the outcome shared
	// (domain/triage/requestCache.ts, over the parser's per-value caches and domain/triage/decisionCache.ts).
	const parts = new OutputParts(settings);
	// per combination, with the outcome: the outcome's template (one per outcome) and its output
	const triageOne = requestTriage(names, config, config.zone, undefined, (outcome) => ({
		template: parts.template(outcome, () => template(outcome, settings, parts)),
		output: routeIndex.get(outcome.route)!,
	}));
	let json: IDataObject = {};
	const read = (f: RequestField) => input.read(json, names[f]);
	// The request's columns are picked up in the pass that copies the item (one pass over its keys, not a
	// lookup by name per column); a column it cannot pick up is read through the input layer (UNREAD).
	const columns = new ColumnPass(input, triageOne.fields.map((f) => names[f]), UNREAD);
	const values: unknown[] = new Array(triageOne.fields.length);
	const outputs = mapItems(ctx, routes.length, (item) => {
		json = item.json;
		const copy = settings.triageOnly || settings.includeBsn ? undefined : {};
		columns.read(json, values, copy, bsnPath);
		const req = triageOne.values(values, read);
		const out: IDataObject = copy ?? (settings.triageOnly ? {} : { ...json });
		out.triage = triageJson(req.derived.template, req, pupilReferenceOf(req, config), settings);
		return { json: out, output: req.derived.output };
	}, settings.privacy, input, undefined, { messageLanguage: settings.language });
	const dateHints = policyNoticeHints(config.policy);
	if (dateHints.length > 0) ctx.addExecutionHints(...dateHints);
	input.finish();
	return outputs;
}
