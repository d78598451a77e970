/**
 * Calculate's settings: the parameters the operation shows (`description`, with the node version 1.3 statement
 * file) and the one reader of them (`readCalculateSettings`), the only code of this operation that calls
 * `getNodeParameter` or asks the version table (besides the shared input, privacy and column layers it calls).
 * The operation runs settings → records → calculateSettlement → items.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { formatIsoDate } from '../../../domain/primitives/dates';
import { parseAmount, type Cents } from '../../../domain/money';
import { getDefaultRegistry } from '../../../domain/municipalities/registry';
import type { MunicipalityRegistry } from '../../../domain/municipalities';
import { buildPolicy, type PolicyEdits } from '../../../domain/policies/build';
import { memberCode, parseMunicipalityList, parseMunicipalitySetting } from '../../../domain/municipalities/list';
import type { Arrangement } from '../../../domain/policies/classify';
import type { FinancingForm, MergedMemberChoice, OutsiderTreatment, PresetId, RegionPolicy } from '../../../domain/policies/types';
import {
	DELIVERY_COLUMNS,
	makePseudonymiser,
	parsePeriod,
	productTable,
	requireLotBudgets,
	requireParticipants,
	type AllocationKey,
	type DeliveryFields,
	type Language,
	type Period,
	type Pseudonymiser,
	type RefusedRecordsPolicy,
} from '../../../domain/settlement';
import { readConfiguration } from '../../shared/errors';
import { readIdentifyingData, type IdentifyingData } from '../../shared/privacy';
import { FROM_POLICY, groupOfferOptions, mergedMembersProperty, outsiderOptions, presetsWithOpen, regionPolicyOptions } from '../../shared/policy.description';
import { columnMappingProperty, legacyColumnCollection, readColumnNames } from '../../shared/columns';
import { languageProperty } from '../../shared/language.description';
import { VERSIONS } from '../versions';

const calc = { operation: ['calculate'] };

/** The financing forms (S4 §2.2.1); their names are also the canvas subtitle. */
export const financingFormOptions: INodePropertyOptions[] = [
	{ name: 'Function Financing (FTE)', value: 'function', description: 'Functiebekostiging: fte × yearly cost per fte × share of the period, allocated by pupils or hours' },
	{ name: 'Population Financing (Lump Sum)', value: 'population', description: 'Populatiebekostiging: a lump sum for the period, allocated by pupils or hours' },
	{ name: 'Effort-Oriented (PxQ)', value: 'pxq', description: 'Inspanningsgericht: hours × tariff, per product if given' },
	{ name: 'Output-Oriented (Fixed Price)', value: 'output', description: 'Outputgericht: a fixed price per delivered arrangement (one record = one arrangement)' },
];

const euroProperty = (displayName: string, name: string, description: string, show: Record<string, Array<string | boolean>>, placeholder: string): INodeProperties => ({
	displayName,
	name,
	type: 'string',
	default: '',
	placeholder,
	displayOptions: { show: { ...calc, ...show } },
	description,
});


const productTableProperty = (displayName: string, name: string, valueName: string, valueLabel: string, form: string, description: string): INodeProperties => ({
	displayName,
	name,
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	default: {},
	placeholder: 'Add Product',
	displayOptions: { show: { ...calc, financingForm: [form], useRecordCost: [false] } },
	description,
	options: [
		{
			name: 'entries',
			displayName: 'Product',
			values: [
				{ displayName: 'Product Code', name: 'product', type: 'string', default: '', description: 'The product code as it appears in the product column of the delivery records' },
				{ displayName: valueLabel, name: valueName, type: 'string', default: '', placeholder: 'e.g. 75,00', description: `${valueLabel} in euros (Dutch notation allowed: 1.234,56)` },
			],
		},
	],
});

const fileShow = { operation: ['calculate'], ...VERSIONS.shownFrom('statementFile') };

/** The parameters of the statement file (node version 1.3 on, Calculate). */
export const statementFileProperties: INodeProperties[] = [
	{
		displayName: 'Attach Statement File',
		name: 'attachStatementFile',
		type: 'boolean',
		default: true,
		displayOptions: { show: fileShow },
		description:
			'Whether each statement carries the statement as a spreadsheet (xlsx) finance staff can open and check: a title block, euro amounts, a bold header that stays in view, a total row with a SUM formula, landscape and one page wide when printed. Only with Output Format "One Item per Municipality".',
	},
	{
		displayName: 'Put Statement File in Field',
		name: 'statementFileField',
		type: 'string',
		default: 'data',
		required: true,
		displayOptions: { show: { ...fileShow, attachStatementFile: [true] } },
		description: 'The name of the binary field that holds the statement file (the Send Email node attaches it by this name)',
	},
];

/** The parameters of the Calculate operation (shown when Operation is Calculate). */
export const description: INodeProperties[] = [
	// ---------------- Calculate: policy ----------------
	{
		displayName: 'Region Policy',
		name: 'regionPolicy',
		type: 'options',
		displayOptions: { show: calc },
		options: regionPolicyOptions,
		default: 'amsterdam_sjso',
		description: 'Which region’s rules decide which pupils are settled; the same presets as the Toeleiding Triage node',
	},
	{
		displayName: 'Pupils Living Elsewhere',
		name: 'outsiders',
		type: 'options',
		displayOptions: { show: calc },
		options: outsiderOptions,
		default: FROM_POLICY,
		description: 'How pupils who live outside the participating municipalities are treated',
	},
	{
		displayName: 'Participating Municipalities',
		name: 'participatingMunicipalities',
		type: 'string',
		default: '',
		placeholder: 'e.g. 0363, 0384 or Amsterdam, Diemen',
		displayOptions: { show: calc },
		description: 'The municipalities in the financing region: CBS gemeentecodes, names or both (0772 Eindhoven), one per line or separated by ";" or "," (a comma inside a name such as Nuenen, Gerwen en Nederwetten is kept). Empty = the preset’s membership in the settlement period (who belonged when: see the documentation); required for Custom.',
	},
	mergedMembersProperty(calc),
	{
		displayName: 'Financing Municipality',
		name: 'financingMunicipality',
		type: 'string',
		default: '',
		placeholder: 'e.g. 0363 or Amsterdam',
		displayOptions: { show: calc },
		description: 'The municipality that pre-finances (voorfinanciert) and sends the statements; its own share is shown too. Empty = the preset’s, or the region as a whole.',
	},
	{
		displayName: 'Settlement Period',
		name: 'period',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 2026-Q1',
		displayOptions: { show: calc },
		description: 'The period settled: 2026-Q1, 2026-03, 2026, 2026-H1 or 2026-01-01/2026-03-31. Records outside it are errors. In a quarterly schedule use an expression for the previous quarter.',
	},

	// ---------------- Calculate: financing ----------------
	{
		displayName: 'Financing Form',
		name: 'financingForm',
		type: 'options',
		displayOptions: { show: calc },
		options: financingFormOptions,
		default: 'function',
		description: 'How the cost is determined (S4 §2.2.1)',
	},
	{
		displayName: 'Financing Decided by the Region',
		name: 'financingDecided',
		type: 'boolean',
		default: false,
		displayOptions: { show: { ...calc, regionPolicy: presetsWithOpen('financing') } },
		description:
			'Whether your region has decided the financing this preset’s seed leaves open (Rotterdam: tariff or budget per lot; the Twente pilots: not fixed yet). Until you switch it on the node stops instead of settling on a default.',
	},
	{
		displayName: 'Allocation Key',
		name: 'allocationKey',
		type: 'options',
		displayOptions: { show: { ...calc, financingForm: ['function', 'population'] } },
		options: [
			{ name: 'Pupils Served', value: 'pupils', description: 'Each pupil counts once per paying party' },
			{ name: 'Hours Delivered', value: 'hours', description: 'Each pupil counts with their hours (every record needs hours)' },
		],
		default: 'pupils',
		description: 'How the shared amount is split over municipalities (largest-remainder method, to the cent)',
	},
	{
		displayName: 'FTE',
		name: 'fte',
		type: 'number',
		// no numberPrecision: n8n would show 1 as "1.0000" beside the euro fields' "85.000,00" (issue 24 \u00a74); the value is stored as before
		typeOptions: { minValue: 0 },
		default: 1,
		displayOptions: { show: { ...calc, financingForm: ['function'] } },
		description: 'Number of fte financed, e.g. 2 (per school in the Utrecht zml pilot) or 0.8 (with a decimal point)',
	},
	euroProperty('Yearly Cost per FTE', 'yearlyCostPerFte', 'Cost of one fte for a whole year in euros (e.g. 85.000,00); multiplied by the share of the year the period covers (a quarter = 3/12)', { financingForm: ['function'] }, 'e.g. 85.000,00'),
	{
		displayName: 'Lump Sum Per',
		name: 'lumpSumPer',
		type: 'options',
		displayOptions: { show: { ...calc, financingForm: ['population'] } },
		options: [
			{ name: 'Period', value: 'period', description: 'One lump sum for the period, split over all pupils' },
			{ name: 'Lot (Perceel)', value: 'lot', description: 'A budget per lot (perceel) of the inkoopmodel, e.g. Rotterdam S4 §4.3; the product column names each record’s lot' },
		],
		default: 'period',
		description: 'Whether the lump sum is one amount for the period or a budget per lot (perceel)',
	},
	euroProperty('Lump Sum for the Period', 'lumpSum', 'The lump sum (lumpsum/subsidie) for the settlement period in euros', { financingForm: ['population'], lumpSumPer: ['period'] }, 'e.g. 250.000,00'),
	{
		displayName: 'Budgets per Lot',
		name: 'lotBudgets',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		default: {},
		placeholder: 'Add Lot',
		displayOptions: { show: { ...calc, financingForm: ['population'], lumpSumPer: ['lot'] } },
		description: 'The budget of each lot (perceel) for the period; each lot’s budget is split over the pupils with records in that lot',
		options: [
			{
				name: 'entries',
				displayName: 'Lot',
				values: [
					{ displayName: 'Lot Code', name: 'product', type: 'string', default: '', description: 'The lot (perceel) as it appears in the product column of the delivery records' },
					{ displayName: 'Budget', name: 'budget', type: 'string', default: '', placeholder: 'e.g. 50.000,00', description: 'Budget of the lot for the period in euros (Dutch notation allowed: 1.234,56)' },
				],
			},
		],
	},
	{
		displayName: 'Use Record Cost',
		name: 'useRecordCost',
		type: 'boolean',
		default: false,
		displayOptions: { show: { ...calc, financingForm: ['pxq', 'output'] } },
		description: 'Whether to take each record’s own cost column (kosten) instead of tariffs or prices',
	},
	euroProperty('Default Tariff per Hour', 'defaultTariff', 'Tariff per hour in euros for records whose product has no tariff of its own; empty = every product needs a tariff', { financingForm: ['pxq'], useRecordCost: [false] }, 'e.g. 75,00'),
	productTableProperty('Tariffs per Product', 'tariffs', 'tariff', 'Tariff per Hour', 'pxq', 'Tariff per hour for each product code'),
	euroProperty('Default Price per Arrangement', 'defaultPrice', 'Fixed price in euros for records whose product has no price of its own; empty = every product needs a price', { financingForm: ['output'], useRecordCost: [false] }, 'e.g. 1.500,00'),
	productTableProperty('Prices per Product', 'prices', 'price', 'Price per Arrangement', 'output', 'Fixed price per arrangement for each product code'),

	// ---------------- Calculate: columns and options ----------------
	// Node version 1.2: every column shown, pre-filled (nodes/shared/columns.ts)
	columnMappingProperty(VERSIONS, {
		displayName: 'Input Columns',
		name: 'columnMap',
		description: 'The columns of the delivery records this node reads, with the default (Dutch) name of each; change a name to match your spreadsheet. Read once per run.',
		columns: DELIVERY_COLUMNS,
		show: calc,
	}),
	// Versions 1 and 1.1: the columns one by one ("Change Column Name"), read as before
	legacyColumnCollection(VERSIONS, {
		displayName: 'Input Columns',
		name: 'columns',
		placeholder: 'Change Column Name',
		description: 'Names of the columns in the delivery records; change them when your spreadsheet uses other names',
		columns: DELIVERY_COLUMNS,
		suffix: 'Column',
		show: calc,
	}),

	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: calc },
		description: 'More settings for the calculation',
		options: [
			{
				displayName: 'Default Arrangement',
				name: 'defaultArrangement',
				type: 'options',
				options: [
					{ name: 'None (Required)', value: 'none', description: 'Every record must name its arrangement type' },
					{ name: 'Group', value: 'group', description: 'Empty cells mean a group offer (groepsaanbod)' },
					{ name: 'Individual', value: 'individual', description: 'Empty cells mean individual help' },
				],
				default: 'none',
				description: 'Arrangement type for records whose arrangement cell is empty',
			},
			{ displayName: 'Group Offer Open to All', name: 'groupOfferOpenToAll', type: 'options', options: groupOfferOptions, default: FROM_POLICY, description: 'Whether the group offer (groepsaanbod) is open to pupils from every municipality' },
			{ displayName: 'Include Own Share', name: 'includeOwnShare', type: 'boolean', default: true, description: 'Whether to emit the financing municipality’s own share as a statement too, so the statements add up to the total cost' },
			{
				displayName: 'Output Format',
				name: 'outputFormat',
				type: 'options',
				options: [
					{ name: 'One Item per Municipality', value: 'statements', description: 'Summary fields plus a lines array per pupil (use Split Out on "lines" for a spreadsheet)' },
					{ name: 'One Item per Pupil Line', value: 'lines', description: 'Flat rows with the municipality fields repeated, ready for Convert to File' },
				],
				default: 'statements',
				description: 'Shape of the statement and referral items',
			},
			{
				displayName: 'Refused Records in a Shared Amount',
				name: 'refusedRecords',
				type: 'options',
				options: [
					{ name: 'Stop: Make No Statement', value: 'stop', description: 'Safe default: no statement is made while a refused record could change everyone’s share; every record leaves as an error item and the summary says why' },
					{ name: 'Allocate Over Valid Records (Provisional)', value: 'allocate_valid', description: 'Split over the valid records only; every statement and the summary say the basis is incomplete, how many records were refused and how much may move' },
				],
				default: 'stop',
				description: 'What happens when records were refused (On Error: Continue) while a shared amount (fte cost or lump sum) is split over the records',
			},
			languageProperty({
				displayName: 'Statement Language',
				description: 'Language of the basis of calculation and amounts on statements, and of the error in words on error items (details.text, details.fix)',
				dutch: 'Nederlands (default): the statements go to Dutch finance staff',
				english: 'English texts and amounts',
			}),
		],
	},
	// Node version 1.3: the statement file (attached by statementFile.ts)
	...statementFileProperties,
];

export const CREDENTIAL = 'pseudonymisationKeyApi';

function amountParameter(ctx: IExecuteFunctions, name: string, label: string): Cents | undefined {
	const raw = ctx.getNodeParameter(name, 0, '') as string | number;
	if (raw === '' || raw === undefined || raw === null) return undefined;
	return readConfiguration(ctx.getNode(), () => parseAmount(raw, label));
}

/** A product table parameter (its default amount first, then its entries), checked by the domain's productTable. */
function productTableParameter(ctx: IExecuteFunctions, name: string, valueName: string, defaultName: string | undefined, label: string): Record<string, Cents> {
	const def = defaultName === undefined ? undefined : amountParameter(ctx, defaultName, label);
	const entries = ((ctx.getNodeParameter(name, 0, {}) as IDataObject).entries ?? []) as IDataObject[];
	return readConfiguration(ctx.getNode(), () => productTable(entries.map((e) => ({ product: e.product, amount: e[valueName] })), label, def));
}


/** The statement file (node version 1.3 on). */
export interface StatementFileSettings {
	/** Words and file from node version 1.3 on. */
	words: boolean;
	/** The binary field for the file, or undefined for none. */
	field?: string;
}

/** What one run of Calculate is set to do (every parameter is read once per run: one settlement per run). */
export interface CalculateSettings {
	/** The delivery record columns of this run (Input Columns). */
	fields: DeliveryFields;
	/** Statement Language: the statements' texts and amounts, and the error in words on error items. */
	language: Language;
	outputFormat: 'statements' | 'lines';
	includeOwnShare: boolean;
	/** PxQ/output: the records' own costs are used (for the sheet's basis per line). */
	useRecordCost: boolean;
	defaultArrangement?: Arrangement;
	/** The municipality list names and codes are resolved in (CBS, 1 January 2025, with its history). */
	registry: MunicipalityRegistry;
	/** The region policy of the settlement period (preset with the user's edits). */
	policy: RegionPolicy;
	period: Period;
	/** Who pre-finances and sends the statements (the region itself when the policy names no municipality). */
	financingParty: { code: string; name: string };
	financingForm: FinancingForm;
	allocationKey: AllocationKey;
	fte?: number;
	yearlyCostPerFte?: Cents;
	lumpSum?: Cents;
	lotBudgets?: Record<string, Cents>;
	refusedRecords: RefusedRecordsPolicy;
	/** Tariffs / prices per product code ('' = the default). */
	tariffs?: Record<string, Cents>;
	prices?: Record<string, Cents>;
	/** Pupil references to pseudonyms, with the key of the credential. */
	pseudonymise: Pseudonymiser;
	keyId: string;
	privacy: IdentifyingData | undefined;
	statementFile: StatementFileSettings;
}

/**
 * Read the node's parameters and the pseudonymisation credential for one run, in the order the operation always read them.
 * @throws NodeOperationError (no item index) when a parameter is wrong
 */
export async function readCalculateSettings(ctx: IExecuteFunctions): Promise<CalculateSettings> {
	const registry = getDefaultRegistry();
	const node = ctx.getNode();
	const options = ctx.getNodeParameter('options', 0, {}) as IDataObject;
	// version 1.2: Input Columns; before: the Input Columns collection (read as before: trimmed, blank = default)
	const fields = readColumnNames(ctx, VERSIONS, DELIVERY_COLUMNS, { mapping: 'columnMap', legacy: 'columns' });
	const language = (options.language as Language) ?? 'nl';
	const outputFormat = (options.outputFormat as 'statements' | 'lines') ?? 'statements';
	const includeOwnShare = options.includeOwnShare !== false;
	const defaultArrangement = options.defaultArrangement && options.defaultArrangement !== 'none' ? (options.defaultArrangement as Arrangement) : undefined;
	// --- policy ---
	const preset = ctx.getNodeParameter('regionPolicy', 0, 'amsterdam_sjso') as PresetId | 'custom';
	const outsiders = ctx.getNodeParameter('outsiders', 0, FROM_POLICY) as OutsiderTreatment | typeof FROM_POLICY;
	const participating = ctx.getNodeParameter('participatingMunicipalities', 0, '') as string;
	const financingMunicipality = readConfiguration(node, () => parseMunicipalitySetting(ctx.getNodeParameter('financingMunicipality', 0, ''), registry, 'Financing Municipality'))?.code ?? '';
	const groupOpen = (options.groupOfferOpenToAll as string) ?? FROM_POLICY;
	const edits: PolicyEdits = {};
	if (outsiders !== FROM_POLICY) edits.outsiders = outsiders;
	// the one municipality-list grammar (domain/municipalities/list.ts): codes, names, `0772 Eindhoven`, names with commas
	const participatingCodes = readConfiguration(node, () => parseMunicipalityList(participating, registry, 'Participating Municipalities')).map(memberCode);
	if (participatingCodes.length > 0) edits.participatingMunicipalities = participatingCodes;
	if (financingMunicipality !== '') edits.financingMunicipality = financingMunicipality;
	if (groupOpen !== FROM_POLICY) edits.groupOfferOpenToAll = groupOpen === 'yes';
	if (ctx.getNodeParameter('financingDecided', 0, false) === true) edits.financingDecided = true;
	edits.mergedMembers = ctx.getNodeParameter('mergedMembers', 0, 'ask') as MergedMemberChoice;
	// The policy of the settlement period: membership and rules are functions of the date (domain/policies/timeline.ts).
	const period = readConfiguration(ctx.getNode(), () => parsePeriod(ctx.getNodeParameter('period', 0, '') as string, 'Settlement Period'));
	const policy = readConfiguration(ctx.getNode(), () => requireParticipants(buildPolicy(preset, edits, registry, { from: formatIsoDate(period.start), to: formatIsoDate(period.end), field: 'period' })));
	const financingCode = policy.financingMunicipality;
	const financingParty = financingCode
		? { code: financingCode, name: registry.find(financingCode)?.name ?? financingCode }
		: { code: '', name: policy.name };

	// --- financing ---
	const financingForm = ctx.getNodeParameter('financingForm', 0, 'function') as FinancingForm;
	const allocationKey = (financingForm === 'function' || financingForm === 'population' ? ctx.getNodeParameter('allocationKey', 0, 'pupils') : 'pupils') as AllocationKey;
	const useRecordCost = financingForm === 'pxq' || financingForm === 'output' ? (ctx.getNodeParameter('useRecordCost', 0, false) as boolean) : false;
	const fte = financingForm === 'function' ? (ctx.getNodeParameter('fte', 0, 1) as number) : undefined;
	const yearlyCostPerFte = financingForm === 'function' ? amountParameter(ctx, 'yearlyCostPerFte', 'Yearly Cost per FTE') : undefined;
	const perLot = financingForm === 'population' && (ctx.getNodeParameter('lumpSumPer', 0, 'period') as string) === 'lot';
	const lumpSum = financingForm === 'population' && !perLot ? amountParameter(ctx, 'lumpSum', 'Lump Sum for the Period') : undefined;
	const lotBudgets = perLot ? readConfiguration(node, () => requireLotBudgets(productTableParameter(ctx, 'lotBudgets', 'budget', undefined, 'Budget per Lot'))) : undefined;
	const refusedRecords = (options.refusedRecords as RefusedRecordsPolicy | undefined) ?? 'stop';
	const tariffs = financingForm === 'pxq' && !useRecordCost ? productTableParameter(ctx, 'tariffs', 'tariff', 'defaultTariff', 'Tariff per Hour') : undefined;
	const prices = financingForm === 'output' && !useRecordCost ? productTableParameter(ctx, 'prices', 'price', 'defaultPrice', 'Price per Arrangement') : undefined;

	// --- credential ---
	const credentials = await ctx.getCredentials(CREDENTIAL);
	const pseudonymise = readConfiguration(ctx.getNode(), () => makePseudonymiser(String(credentials.key ?? '')));
	const keyId = String(credentials.keyId ?? '').trim();


	const privacy = readIdentifyingData(ctx, VERSIONS, pseudonymise, [fields.pupil]);
	// node version 1.3: the words of the document on each item, the statement file on each statement item
	const statementFile = readStatementFile(ctx, outputFormat);
	return {
		fields,
		language,
		outputFormat,
		includeOwnShare,
		useRecordCost,
		defaultArrangement,
		registry,
		policy,
		period,
		financingParty,
		financingForm,
		allocationKey,
		fte,
		yearlyCostPerFte,
		lumpSum,
		lotBudgets,
		refusedRecords,
		tariffs,
		prices,
		pseudonymise,
		keyId,
		privacy,
		statementFile,
	};
}

/** The statement file parameters (node version 1.3 on), read once per run. */
function readStatementFile(ctx: IExecuteFunctions, outputFormat: string): StatementFileSettings {
	if (!VERSIONS.has(ctx.getNode(), 'statementFile')) return { words: false };
	const attach = outputFormat === 'statements' && (ctx.getNodeParameter('attachStatementFile', 0, true) as boolean);
	const field = attach ? String(ctx.getNodeParameter('statementFileField', 0, 'data')).trim() || 'data' : undefined;
	return { words: true, field };
}

