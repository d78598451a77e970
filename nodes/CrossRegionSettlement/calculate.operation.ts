/**
 * Calculate: read parameters → validate every record (parseItems) → reject contradicting records →
 * the core's calculateSettlement → items on three outputs (Statements, Referrals, Summary).
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, IPairedItemData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { formatIsoDate } from '../../domain/dates';
import { DomainError } from '../../domain/errors';
import { centsToEuros, formatEuro, parseAmount, type Cents } from '../../domain/money';
import { getDefaultRegistry } from '../../domain/municipalities/registry';
import { buildPolicy, splitList, type PolicyEdits } from '../../domain/policies/build';
import type { Arrangement } from '../../domain/policies/classify';
import type { FinancingForm, OutsiderTreatment, PresetId } from '../../domain/policies/types';
import {
	calculateSettlement,
	DEFAULT_DELIVERY_FIELDS,
	findContradictions,
	makePseudonymiser,
	normaliseProductCode,
	parseDeliveryRecord,
	parsePeriod,
	type AllocationKey,
	type DeliveryFields,
	type DeliveryRecord,
	type Language,
	type PartyStatement,
	type RefusedRecordsPolicy,
	type RejectedRecord,
	type SettlementResult,
} from '../../domain/settlement';
import { errorDetails, errorItem, parseItems, toNodeError } from '../shared/execution';
import { readIdentifyingData, type IdentifyingData } from '../shared/privacy';
import { FROM_POLICY } from '../shared/policy.description';
import { openInput } from '../shared/input';
import { properties as settlementProperties } from './description';

export const CREDENTIAL = 'pseudonymisationKeyApi';

/** Run `fn`; domain errors about parameters become a NodeOperationError naming the parameter. */
function parameter<T>(ctx: IExecuteFunctions, fn: () => T): T {
	try {
		return fn();
	} catch (error) {
		if (error instanceof DomainError) {
			throw new NodeOperationError(ctx.getNode(), error.message, { description: error.hint });
		}
		throw new NodeOperationError(ctx.getNode(), error as Error);
	}
}

function amountParameter(ctx: IExecuteFunctions, name: string, label: string): Cents | undefined {
	const raw = ctx.getNodeParameter(name, 0, '') as string | number;
	if (raw === '' || raw === undefined || raw === null) return undefined;
	return parameter(ctx, () => parseAmount(raw, label));
}

function productTable(ctx: IExecuteFunctions, name: string, valueName: string, defaultName: string | undefined, label: string): Record<string, Cents> {
	const table: Record<string, Cents> = {};
	const def = defaultName === undefined ? undefined : amountParameter(ctx, defaultName, label);
	if (def !== undefined) table[''] = def;
	const entries = ((ctx.getNodeParameter(name, 0, {}) as IDataObject).entries ?? []) as IDataObject[];
	for (const e of entries) {
		const product = String(e.product ?? '').trim();
		if (product === '') continue;
		// codes are compared trimmed, with spaces collapsed and case ignored: two that look alike are ambiguous
		const twin = Object.keys(table).find((k) => k !== '' && normaliseProductCode(k) === normaliseProductCode(product));
		if (twin !== undefined) {
			throw new NodeOperationError(ctx.getNode(), `${label}: the codes "${twin.slice(0, 20)}" and "${product.slice(0, 20)}" are the same code (spaces and letter case are ignored)`, {
				description: 'Give every product or lot one entry.',
			});
		}
		table[product] = parameter(ctx, () => parseAmount(e[valueName], `${label} (${product.slice(0, 20)})`));
	}
	return table;
}

interface Settings {
	fields: DeliveryFields;
	language: Language;
	outputFormat: 'statements' | 'lines';
	includeOwnShare: boolean;
	defaultArrangement?: Arrangement;
}

export async function executeCalculate(ctx: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const registry = getDefaultRegistry();
	const node = ctx.getNode();
	// Every parameter is read once per run (one settlement per run); see README "Data as it arrives".
	const input = openInput(ctx, { properties: settlementProperties, optionsName: null });
	const columns = ctx.getNodeParameter('columns', 0, {}) as Partial<DeliveryFields>;
	const options = ctx.getNodeParameter('options', 0, {}) as IDataObject;
	const settings: Settings = {
		fields: { ...DEFAULT_DELIVERY_FIELDS, ...Object.fromEntries(Object.entries(columns).filter(([, v]) => typeof v === 'string' && v.trim() !== '')) },
		language: (options.language as Language) ?? 'nl',
		outputFormat: (options.outputFormat as 'statements' | 'lines') ?? 'statements',
		includeOwnShare: options.includeOwnShare !== false,
		defaultArrangement: options.defaultArrangement && options.defaultArrangement !== 'none' ? (options.defaultArrangement as Arrangement) : undefined,
	};

	// --- policy ---
	const preset = ctx.getNodeParameter('regionPolicy', 0, 'amsterdam_sjso') as PresetId | 'custom';
	const outsiders = ctx.getNodeParameter('outsiders', 0, FROM_POLICY) as OutsiderTreatment | typeof FROM_POLICY;
	const participating = ctx.getNodeParameter('participatingMunicipalities', 0, '') as string;
	const financingMunicipality = (ctx.getNodeParameter('financingMunicipality', 0, '') as string).trim();
	const groupOpen = (options.groupOfferOpenToAll as string) ?? FROM_POLICY;
	const edits: PolicyEdits = {};
	if (outsiders !== FROM_POLICY) edits.outsiders = outsiders;
	if (splitList(participating).length > 0) edits.participatingMunicipalities = splitList(participating);
	if (financingMunicipality !== '') edits.financingMunicipality = financingMunicipality;
	if (groupOpen !== FROM_POLICY) edits.groupOfferOpenToAll = groupOpen === 'yes';
	if (ctx.getNodeParameter('financingDecided', 0, false) === true) edits.financingDecided = true;
	const policy = parameter(ctx, () => buildPolicy(preset, edits, registry));
	if (policy.participatingMunicipalities.length === 0) {
		throw new NodeOperationError(node, 'The region policy has no participating municipalities', {
			description: 'Fill in "Participating Municipalities" (CBS codes or names, separated by commas) for a custom policy.',
		});
	}
	const financingCode = policy.financingMunicipality;
	const financingParty = financingCode
		? { code: financingCode, name: registry.find(financingCode)?.name ?? financingCode }
		: { code: '', name: policy.name };

	// --- period and financing ---
	const period = parameter(ctx, () => parsePeriod(ctx.getNodeParameter('period', 0, '') as string, 'Settlement Period'));
	const financingForm = ctx.getNodeParameter('financingForm', 0, 'function') as FinancingForm;
	const allocationKey = (financingForm === 'function' || financingForm === 'population' ? ctx.getNodeParameter('allocationKey', 0, 'pupils') : 'pupils') as AllocationKey;
	const useRecordCost = financingForm === 'pxq' || financingForm === 'output' ? (ctx.getNodeParameter('useRecordCost', 0, false) as boolean) : false;
	const fte = financingForm === 'function' ? (ctx.getNodeParameter('fte', 0, 1) as number) : undefined;
	const yearlyCostPerFte = financingForm === 'function' ? amountParameter(ctx, 'yearlyCostPerFte', 'Yearly Cost per FTE') : undefined;
	const perLot = financingForm === 'population' && (ctx.getNodeParameter('lumpSumPer', 0, 'period') as string) === 'lot';
	const lumpSum = financingForm === 'population' && !perLot ? amountParameter(ctx, 'lumpSum', 'Lump Sum for the Period') : undefined;
	const lotBudgets = perLot ? productTable(ctx, 'lotBudgets', 'budget', undefined, 'Budget per Lot') : undefined;
	if (lotBudgets && Object.keys(lotBudgets).length === 0) {
		throw new NodeOperationError(node, 'No budget per lot is set', { description: 'Add each lot (perceel) with its budget under "Budgets per Lot", or set "Lump Sum Per" to Period.' });
	}
	const refusedRecords = (options.refusedRecords as RefusedRecordsPolicy | undefined) ?? 'stop';
	const tariffs = financingForm === 'pxq' && !useRecordCost ? productTable(ctx, 'tariffs', 'tariff', 'defaultTariff', 'Tariff per Hour') : undefined;
	const prices = financingForm === 'output' && !useRecordCost ? productTable(ctx, 'prices', 'price', 'defaultPrice', 'Price per Arrangement') : undefined;

	// --- credential ---
	const credentials = await ctx.getCredentials(CREDENTIAL);
	const pseudonymise = parameter(ctx, () => makePseudonymiser(String(credentials.key ?? '')));
	const keyId = String(credentials.keyId ?? '').trim();

	// --- records ---
	const recordCtx = { period, financingForm, allocationKey, tariffs, prices, lotBudgets, useRecordCost, defaultArrangement: settings.defaultArrangement, registry, read: (json: Record<string, unknown>, field: string) => input.read(json as IDataObject, field) };
	const privacy = readIdentifyingData(ctx, pseudonymise, [settings.fields.pupil]);
	const parsed = parseItems(ctx, (item, i) => parseDeliveryRecord(item.json as Record<string, unknown>, i, settings.fields, recordCtx), privacy, input);
	const rejected: RejectedRecord[] = parsed.failed.map((f) => {
		const d = (f.json.details ?? {}) as IDataObject;
		return { index: (f.pairedItem as IPairedItemData).item, code: String(d.code), field: (d.field as string) ?? undefined };
	});
	const failed = [...parsed.failed];
	const candidates: DeliveryRecord[] = parsed.ok.map((o) => o.value);
	const contradictions = findContradictions(candidates, settings.fields);
	const records: DeliveryRecord[] = [];
	if (contradictions.size > 0) {
		const input = ctx.getInputData();
		const positions = [...contradictions.keys()].sort((a, b) => candidates[a].index - candidates[b].index);
		if (!ctx.continueOnFail()) {
			const first = positions[0];
			throw toNodeError(node, contradictions.get(first), candidates[first].index);
		}
		for (const p of positions) {
			const error = contradictions.get(p)!;
			failed.push(errorItem(node, input[candidates[p].index], candidates[p].index, error, privacy));
			rejected.push({ index: candidates[p].index, code: String(errorDetails(error).code), field: error.field });
		}
		candidates.forEach((r, p) => {
			if (!contradictions.has(p)) records.push(r);
		});
	} else {
		records.push(...candidates);
	}

	const settle = () =>
		calculateSettlement(records, {
			policy,
			period,
			financingForm,
			allocationKey,
			fte,
			yearlyCostPerFte,
			lumpSum,
			lotBudgets,
			refusedRecords,
			tariffs,
			prices,
			useRecordCost,
			financingParty,
			pseudonymise,
			language: settings.language,
			municipalityName: (code) => registry.find(code)?.name ?? code,
		}, rejected);
	let result: SettlementResult;
	try {
		result = settle();
	} catch (error) {
		// Under On Error "Continue" n8n does not halt on a node error: it would pass the delivery records on
		// through the Statements output. A settlement that must stop (refused records in a shared amount,
		// a policy choice not made) therefore makes no statement: every record leaves as an error item.
		if (ctx.continueOnFail() && error instanceof DomainError) return withheld(ctx, error, failed, records, settings.language, privacy);
		if (error instanceof DomainError) throw new NodeOperationError(node, error.message, { description: error.hint });
		throw new NodeOperationError(node, error as Error);
	}

	// --- items ---
	failed.sort((a, b) => (a.pairedItem as IPairedItemData).item - (b.pairedItem as IPairedItemData).item);
	const statementsOut: INodeExecutionData[] = [];
	const parties = settings.includeOwnShare ? [...result.statements, result.ownShare] : result.statements;
	for (const s of parties) statementsOut.push(...statementItems(s, result, settings, keyId));
	const referralsOut: INodeExecutionData[] = [];
	for (const s of result.referrals) referralsOut.push(...statementItems(s, result, settings, keyId));
	const allPaired: IPairedItemData[] = ctx.getInputData().map((_item, i) => ({ item: i }));
	const summaryOut: INodeExecutionData[] = [{ json: { ...summaryJson(result, settings.language, keyId), blankRows: input.blankRowCount }, pairedItem: allPaired.length > 0 ? allPaired : undefined }];
	input.finish();
	// Error items (On Error: continue) leave through the first output, as everywhere in this package.
	return [[...statementsOut, ...failed], referralsOut, summaryOut];
}

/**
 * No statement is made (a whole-run DomainError under On Error "Continue"): the refused records keep their own
 * errors, every other record gets the run's error, and the summary says the settlement stopped and why.
 */
function withheld(
	ctx: IExecuteFunctions,
	error: DomainError,
	failed: INodeExecutionData[],
	records: readonly DeliveryRecord[],
	language: Language,
	privacy: IdentifyingData | undefined,
): INodeExecutionData[][] {
	const node = ctx.getNode();
	const input = ctx.getInputData();
	const items = [...failed, ...records.map((r) => errorItem(node, input[r.index], r.index, error, privacy))];
	items.sort((a, b) => (a.pairedItem as IPairedItemData).item - (b.pairedItem as IPairedItemData).item);
	const summary: IDataObject = {
		kind: 'summary',
		status: 'stopped',
		stoppedBecause: error.message,
		stoppedCode: error.code,
		hint: error.hint ?? null,
		recordsIn: input.length,
		recordsRejected: failed.length,
		recordsNotSettled: records.length,
		balanced: false,
		complete: false,
		basisComplete: false,
		billedCents: 0,
		billedText: formatEuro(0, language),
	};
	const all = input.map((_i, item) => ({ item }));
	return [items, [], [{ json: summary, pairedItem: all.length > 0 ? all : undefined }]];
}

function header(s: PartyStatement, r: SettlementResult, language: Language, keyId: string): IDataObject {
	return {
		kind: s.kind,
		municipalityCode: s.municipalityCode,
		municipalityName: s.municipalityName,
		period: r.period.label,
		periodStart: formatIsoDate(r.period.start),
		periodEnd: formatIsoDate(r.period.end),
		financingMunicipalityCode: r.financingParty.code,
		financingMunicipalityName: r.financingParty.name,
		policy: r.policyId,
		policyName: r.policyName,
		policySeed: r.policySeed,
		financingForm: r.financingForm,
		allocationKey: r.allocationKey,
		pupils: s.pupils,
		records: s.records,
		hours: s.hours,
		amountCents: s.amountCents,
		amount: centsToEuros(s.amountCents),
		amountText: formatEuro(s.amountCents, language),
		...(s.indicativeCents !== undefined ? { indicativeCents: s.indicativeCents, indicativeAmountText: formatEuro(s.indicativeCents, language) } : {}),
		totalCostCents: r.totalCostCents,
		totalCostText: formatEuro(r.totalCostCents, language),
		basis: s.basis,
		totalBasis: r.totalBasis,
		...completeness(r),
		pseudonymKeyId: keyId,
	};
}

/** Whether the statements are final (issue 11 §4): on every statement and on the summary. */
function completeness(r: SettlementResult): IDataObject {
	const m = r.summary;
	return {
		status: m.basisComplete ? (m.complete ? 'final' : 'final_records_refused') : 'provisional',
		complete: m.complete,
		basisComplete: m.basisComplete,
		recordsRejected: m.recordsRejected,
		affectedCents: m.affectedCents,
		basisNote: m.basisNote,
	};
}

function lineJson(l: PartyStatement['lines'][number], language: Language): IDataObject {
	return {
		pupil: l.pupil,
		residenceCode: l.residenceCode,
		residenceName: l.residenceName,
		...(l.formerResidences
			? { originalResidence: l.formerResidences.map((f) => `${f.name} (${f.code})`).join('; '), residenceNote: l.formerResidences.map((f) => f.note[language]).join('; ') }
			: {}),
		schools: l.schools,
		arrangements: l.arrangements,
		treatment: l.treatment,
		ruleId: l.ruleId,
		records: l.records,
		hours: l.hours,
		units: l.units,
		amountCents: l.amountCents,
		amount: centsToEuros(l.amountCents),
		amountText: formatEuro(l.amountCents, language),
	};
}

function statementItems(s: PartyStatement, r: SettlementResult, settings: Settings, keyId: string): INodeExecutionData[] {
	const pairedItem = s.recordIndexes.map((item) => ({ item }));
	const head = header(s, r, settings.language, keyId);
	if (settings.outputFormat === 'lines') {
		return s.lines.map((l) => ({
			json: { ...head, kind: `${s.kind}_line`, statementAmountCents: s.amountCents, ...lineJson(l, settings.language) },
			pairedItem: l.recordIndexes.map((item) => ({ item })),
		}));
	}
	return [{ json: { ...head, lines: s.lines.map((l) => lineJson(l, settings.language)) }, pairedItem }];
}

function summaryJson(r: SettlementResult, language: Language, keyId: string): IDataObject {
	const m = r.summary;
	return {
		kind: 'summary',
		period: r.period.label,
		periodStart: formatIsoDate(r.period.start),
		periodEnd: formatIsoDate(r.period.end),
		policy: r.policyId,
		policyName: r.policyName,
		policySeed: r.policySeed,
		financingForm: r.financingForm,
		allocationKey: r.allocationKey,
		financingMunicipalityCode: r.financingParty.code,
		financingMunicipalityName: r.financingParty.name,
		recordsIn: m.recordsIn,
		recordsSettled: m.recordsSettled,
		recordsResident: m.recordsResident,
		recordsCovered: m.recordsCovered,
		recordsReferred: m.recordsReferred,
		recordsRejected: m.recordsRejected,
		rejectedByReason: m.rejectedByReason,
		recordsByRule: m.recordsByRule,
		notSettled: m.notSettled,
		pupilsSettled: m.pupilsSettled,
		pupilsReferred: m.pupilsReferred,
		municipalitiesBilled: r.statements.length,
		municipalitiesReferred: r.referrals.length,
		totalCostCents: m.totalCostCents,
		totalCostText: formatEuro(m.totalCostCents, language),
		billedCents: m.billedCents,
		billedText: formatEuro(m.billedCents, language),
		ownShareCents: m.ownShareCents,
		ownShareText: formatEuro(m.ownShareCents, language),
		referredIndicativeCents: m.referredIndicativeCents,
		balanced: m.balanced,
		sumsAddUp: m.sumsAddUp,
		...completeness(r),
		affectedText: formatEuro(m.affectedCents, language),
		totalBasis: r.totalBasis,
		pseudonymKeyId: keyId,
	};
}
