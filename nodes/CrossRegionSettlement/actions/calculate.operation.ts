/**
 * Calculate: settings (calculate.settings.ts) → validate every record (parseItems) → reject contradicting
 * records → the core's calculateSettlement → items on three outputs (Statements, Referrals, Summary).
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties, IPairedItemData } from 'n8n-workflow';

import { formatIsoDate } from '../../../domain/primitives/dates';
import { DomainError } from '../../../domain/primitives/errors';
import { memoise } from '../../../domain/primitives/shared';
import { describeRow } from '../../../domain/primitives/rows';
import { centsToEuros, formatEuro } from '../../../domain/money';
import {
	calculateSettlement,
	findContradictions,
	newPeriodCache,
	newRecordValueCache,
	parseDeliveryRecord,
	formatPeriodText,
	statementSheetRows,
	type DeliveryRecord,
	type Language,
	type PartyStatement,
	type RejectedRecord,
	type SettlementResult,
} from '../../../domain/settlement';
import { configurationError } from '../../shared/errors';
import { errorItem, failItems, parseItems } from '../../shared/execution';
import { rowNamer } from '../../shared/rows';
import type { IdentifyingData } from '../../shared/privacy';
import { policyDatesJson, policyNoticeHints } from '../../shared/policy.description';
import { openInput } from '../../shared/input';
import { incompleteBasisHint } from '../../shared/hints';
import { attachStatementFile, statementContext, statementWordsJson } from '../statementFile';
import { readCalculateSettings, type CalculateSettings } from './calculate.settings';

export { CREDENTIAL, description, financingFormOptions } from './calculate.settings';

/** @param nodeProperties the node's parameter definitions (for names in messages about run-level parameters) */
export async function execute(ctx: IExecuteFunctions, nodeProperties: INodeProperties[]): Promise<INodeExecutionData[][]> {
	const node = ctx.getNode();
	// Every parameter is read once per run (one settlement per run); see docs/data-as-it-arrives.md.
	const input = openInput(ctx, { properties: nodeProperties, optionsName: null });
	const settings = await readCalculateSettings(ctx);
	const { registry, policy, period, financingForm, allocationKey, useRecordCost, lotBudgets, tariffs, prices, pseudonymise, keyId, privacy } = settings;

	// --- records ---
	const recordCtx = { period, financingForm, allocationKey, tariffs, prices, lotBudgets, useRecordCost, defaultArrangement: settings.defaultArrangement, registry, periods: newPeriodCache(), values: newRecordValueCache(), read: (json: Record<string, unknown>, field: string) => input.read(json as IDataObject, field) };
	const words = { messageLanguage: settings.language };
	const parsed = parseItems(ctx, (item, i) => parseDeliveryRecord(item.json as Record<string, unknown>, i, settings.fields, recordCtx), privacy, input, words);
	// from the errors themselves: an error item's json may hold only its message (error output, identifying data removed)
	const rows = rowNamer(ctx);
	const rowText = (i: number) => describeRow(rows(ctx.getInputData()[i].json, i), 'en');
	const rejected: RejectedRecord[] = parsed.refused.map(({ itemIndex, error }) =>
		error instanceof DomainError ? { index: itemIndex, code: error.code, field: error.field, row: rowText(itemIndex) } : { index: itemIndex, code: 'error', row: rowText(itemIndex) },
	);
	const failed = [...parsed.failed];
	const candidates: DeliveryRecord[] = parsed.ok.map((o) => o.value);
	const contradictions = findContradictions(candidates, settings.fields, rowText);
	const records: DeliveryRecord[] = [];
	if (contradictions.size > 0) {
		const positions = [...contradictions.keys()].sort((a, b) => candidates[a].index - candidates[b].index);
		for (const f of failItems(ctx, positions.map((p) => ({ itemIndex: candidates[p].index, error: contradictions.get(p) })), privacy, words)) failed.push(f);
		for (const p of positions) {
			const error = contradictions.get(p)!;
			rejected.push({ index: candidates[p].index, code: error.code, field: error.field, row: rowText(candidates[p].index) });
		}
		candidates.forEach((r, p) => {
			if (!contradictions.has(p)) records.push(r);
		});
	} else {
		// not push(...candidates): a spread of 250k records exceeds the call stack (issue 27 §2)
		for (const r of candidates) records.push(r);
	}

	const settle = () =>
		calculateSettlement(records, {
			policy,
			period,
			financingForm,
			allocationKey,
			fte: settings.fte,
			yearlyCostPerFte: settings.yearlyCostPerFte,
			lumpSum: settings.lumpSum,
			lotBudgets,
			refusedRecords: settings.refusedRecords,
			tariffs,
			prices,
			useRecordCost,
			financingParty: settings.financingParty,
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
		throw configurationError(node, error);
	}

	// --- items ---
	failed.sort((a, b) => (a.pairedItem as IPairedItemData).item - (b.pairedItem as IPairedItemData).item);
	// node version 1.3: the words of the document on each item, the statement file on each statement item
	const file = settings.statementFile;
	const itemsOf = async (s: PartyStatement): Promise<INodeExecutionData[]> => {
		const items = statementItems(s, result, settings, keyId);
		if (!file.words) return items;
		for (const item of items) Object.assign(item.json, statementWordsJson(s, settings.language));
		if (file.field !== undefined) await attachStatementFile(ctx, items[0], s, result, settings, file.field);
		return items;
	};
	const statementsOut: INodeExecutionData[] = [];
	const parties = settings.includeOwnShare ? [...result.statements, result.ownShare] : result.statements;
	// loops, not push(...items): a statement in lines format has an item per pupil, 100k+ spread as arguments exceeds the call stack
	for (const s of parties) for (const item of await itemsOf(s)) statementsOut.push(item);
	const referralsOut: INodeExecutionData[] = [];
	for (const s of result.referrals) for (const item of await itemsOf(s)) referralsOut.push(item);
	const allPaired: IPairedItemData[] = ctx.getInputData().map((_item, i) => ({ item: i }));
	const summaryOut: INodeExecutionData[] = [{ json: { ...summaryJson(result, settings.language, keyId), policyDates: policyDatesJson(policy), blankRows: input.blankRowCount }, pairedItem: allPaired.length > 0 ? allPaired : undefined }];
	const basisHint = incompleteBasisHint(result.summary);
	if (basisHint) ctx.addExecutionHints(basisHint);
	const dateHints = policyNoticeHints(policy);
	if (dateHints.length > 0) ctx.addExecutionHints(...dateHints);
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
	// each error item names its row, as every error item does (the error itself is the run's: the summary has it without a row)
	const rows = rowNamer(ctx);
	const items = [...failed, ...records.map((r) => errorItem(node, input[r.index], r.index, error, privacy, { messageLanguage: language, row: rows(input[r.index].json, r.index) }))];
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
		periodText: formatPeriodText(r.period, language),
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

/**
 * A statement line as JSON. `euros` writes an amount in words (formatEuro in the statement language), once per
 * distinct amount of a statement: a shared amount split by pupils gives most lines the same few amounts.
 */
function lineJson(l: PartyStatement['lines'][number], language: Language, euros: (cents: number) => string): IDataObject {
	// properties added in the output's key order (no object spread per line)
	const json: IDataObject = { pupil: l.pupil, residenceCode: l.residenceCode, residenceName: l.residenceName };
	if (l.formerResidences) {
		json.originalResidence = l.formerResidences.map((f) => `${f.name} (${f.code})`).join('; ');
		json.residenceNote = l.formerResidences.map((f) => f.note[language]).join('; ');
	}
	json.schools = l.schools;
	json.arrangements = l.arrangements;
	json.treatment = l.treatment;
	json.ruleId = l.ruleId;
	json.records = l.records;
	json.hours = l.hours;
	json.units = l.units;
	json.amountCents = l.amountCents;
	json.amount = centsToEuros(l.amountCents);
	json.amountText = euros(l.amountCents);
	return json;
}

function statementItems(s: PartyStatement, r: SettlementResult, settings: CalculateSettings, keyId: string): INodeExecutionData[] {
	const pairedItem = s.recordIndexes.map((item) => ({ item }));
	const head = header(s, r, settings.language, keyId);
	// formatEuro once per distinct amount of the statement: a shared amount split by pupils gives most lines the same few
	const euros = memoise((cents: number) => formatEuro(cents, settings.language));
	if (settings.outputFormat === 'lines') {
		return s.lines.map((l) => ({
			json: { ...head, kind: `${s.kind}_line`, statementAmountCents: s.amountCents, ...lineJson(l, settings.language, euros) },
			pairedItem: l.recordIndexes.map((item) => ({ item })),
		}));
	}
	// The statement for finance staff (issue 12): spreadsheet rows with a total row, made per statement, not per record.
	const sheetRows = statementSheetRows(s, statementContext(r, settings));
	return [{ json: { ...head, lines: s.lines.map((l) => lineJson(l, settings.language, euros)), sheetRows }, pairedItem }];
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
