/**
 * What the Cross-Region Settlement node shows the user. Execution lives in *.operation.ts.
 */
import type { ExpressionString, INodeProperties } from 'n8n-workflow';

import { FROM_POLICY, groupOfferOptions, outsiderOptions, presetsWithOpen, regionPolicyOptions } from '../shared/policy.description';

const calc = { operation: ['calculate'] };
const rec = { operation: ['reconcile'] };

/** Three named outputs per operation (names depend on the operation). */
export const OUTPUTS_EXPRESSION: ExpressionString =
	'={{ ($parameter.operation ?? "calculate") === "reconcile"' +
	' ? [{ type: "main", displayName: "Differences" }, { type: "main", displayName: "Matched" }, { type: "main", displayName: "Summary" }]' +
	' : [{ type: "main", displayName: "Statements" }, { type: "main", displayName: "Referrals" }, { type: "main", displayName: "Summary" }] }}' as ExpressionString;

const euro = (displayName: string, name: string, description: string, show: Record<string, Array<string | boolean>>, placeholder: string): INodeProperties => ({
	displayName,
	name,
	type: 'string',
	default: '',
	placeholder,
	displayOptions: { show: { ...calc, ...show } },
	description,
});

const productTable = (displayName: string, name: string, valueName: string, valueLabel: string, form: string, description: string): INodeProperties => ({
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

export const properties: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Calculate',
				value: 'calculate',
				description: 'Who pays for pupils living elsewhere (verrekening): one statement per paying municipality, to the cent',
				action: 'Calculate the settlement per municipality',
			},
			{
				name: 'Reconcile Invoices',
				value: 'reconcile',
				description: 'Match invoices sent or received against the statements of a calculation',
				action: 'Reconcile invoices against the settlement',
			},
		],
		default: 'calculate',
		description: 'What to do with the incoming items',
	},

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
		description: 'CBS gemeentecodes or names, separated by commas, of the municipalities in the financing region. Empty = the preset’s list (see the documentation); required for Custom.',
	},
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
		options: [
			{ name: 'Function Financing (FTE)', value: 'function', description: 'Functiebekostiging: fte × yearly cost per fte × share of the period, allocated by pupils or hours' },
			{ name: 'Population Financing (Lump Sum)', value: 'population', description: 'Populatiebekostiging: a lump sum for the period, allocated by pupils or hours' },
			{ name: 'Effort-Oriented (PxQ)', value: 'pxq', description: 'Inspanningsgericht: hours × tariff, per product if given' },
			{ name: 'Output-Oriented (Fixed Price)', value: 'output', description: 'Outputgericht: a fixed price per delivered arrangement (one record = one arrangement)' },
		],
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
		typeOptions: { minValue: 0, numberPrecision: 4 },
		default: 1,
		displayOptions: { show: { ...calc, financingForm: ['function'] } },
		description: 'Number of fte financed (e.g. 2 per school in the Utrecht zml pilot)',
	},
	euro('Yearly Cost per FTE', 'yearlyCostPerFte', 'Cost of one fte for a whole year in euros (e.g. 85.000,00); multiplied by the share of the year the period covers (a quarter = 3/12)', { financingForm: ['function'] }, 'e.g. 85.000,00'),
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
	euro('Lump Sum for the Period', 'lumpSum', 'The lump sum (lumpsum/subsidie) for the settlement period in euros', { financingForm: ['population'], lumpSumPer: ['period'] }, 'e.g. 250.000,00'),
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
	euro('Default Tariff per Hour', 'defaultTariff', 'Tariff per hour in euros for records whose product has no tariff of its own; empty = every product needs a tariff', { financingForm: ['pxq'], useRecordCost: [false] }, 'e.g. 75,00'),
	productTable('Tariffs per Product', 'tariffs', 'tariff', 'Tariff per Hour', 'pxq', 'Tariff per hour for each product code'),
	euro('Default Price per Arrangement', 'defaultPrice', 'Fixed price in euros for records whose product has no price of its own; empty = every product needs a price', { financingForm: ['output'], useRecordCost: [false] }, 'e.g. 1.500,00'),
	productTable('Prices per Product', 'prices', 'price', 'Price per Arrangement', 'output', 'Fixed price per arrangement for each product code'),

	// ---------------- Calculate: columns and options ----------------
	{
		displayName: 'Input Columns',
		name: 'columns',
		type: 'collection',
		placeholder: 'Change Column Name',
		default: {},
		displayOptions: { show: calc },
		description: 'Names of the columns in the delivery records; change them when your spreadsheet uses other names',
		options: [
			{ displayName: 'Arrangement Column', name: 'arrangement', type: 'string', default: 'arrangement', description: 'Group (groep), individual (individueel) or class (onderwijs-zorgklas); empty cells use the Default Arrangement option' },
			{ displayName: 'Cost Column', name: 'cost', type: 'string', default: 'kosten', description: 'The record’s own cost in euros (only with Use Record Cost)' },
			{ displayName: 'Hours Column', name: 'hours', type: 'string', default: 'uren', description: 'Hours delivered (needed for PxQ and for the hours allocation key)' },
			{ displayName: 'Period Column', name: 'period', type: 'string', default: 'periode', description: 'Period or date of the record; must lie inside the settlement period; empty = the settlement period' },
			{ displayName: 'Product / Lot Column', name: 'product', type: 'string', default: 'product', description: 'Product code or lot (perceel) for tariffs, prices or budgets per lot' },
			{ displayName: 'Pupil Reference Column', name: 'pupil', type: 'string', default: 'leerling', description: 'A stable pupil reference (leerlingnummer); it is pseudonymised on every statement and never shown' },
			{ displayName: 'Residence Municipality Column', name: 'residence', type: 'string', default: 'woongemeente', description: 'Where the pupil lives (woonplaatsbeginsel): CBS code or name' },
			{ displayName: 'School Column', name: 'school', type: 'string', default: 'school', description: 'School (BRIN or name), shown on the statement lines' },
		],
	},
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
			{
				displayName: 'Statement Language',
				name: 'language',
				type: 'options',
				options: [
					{ name: 'Dutch', value: 'nl', description: 'Nederlands (default): the statements go to Dutch finance staff' },
					{ name: 'English', value: 'en', description: 'English texts and amounts' },
				],
				default: 'nl',
				description: 'Language of the basis of calculation and amounts on statements',
			},
		],
	},

	// ---------------- Reconcile ----------------
	{
		displayName: 'Input: Merge the Statements (Output "Statements" of Calculate) with the Invoice Rows; Items Whose "Kind" Is "Statement" Are the Expected Amounts, All Others Are Invoices',
		name: 'reconcileNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: rec },
	},
	{
		displayName: 'Tolerance (Cents)',
		name: 'toleranceCents',
		type: 'number',
		typeOptions: { minValue: 0, numberPrecision: 0 },
		default: 0,
		displayOptions: { show: rec },
		description: 'A difference up to this many cents still counts as matched (e.g. 100 = € 1,00)',
	},
	{
		displayName: 'Invoice Columns',
		name: 'invoiceColumns',
		type: 'collection',
		placeholder: 'Change Column Name',
		default: {},
		displayOptions: { show: rec },
		description: 'Names of the columns in the invoice rows',
		options: [
			{ displayName: 'Amount Column', name: 'amount', type: 'string', default: 'bedrag', description: 'Invoice amount in euros (Dutch notation allowed; negative for a credit note)' },
			{ displayName: 'Invoice Number Column', name: 'invoiceNumber', type: 'string', default: 'factuurnummer', description: 'The invoice number (factuurnummer)' },
			{ displayName: 'Municipality Column', name: 'municipality', type: 'string', default: 'gemeente', description: 'The municipality invoiced (CBS code or name)' },
			{ displayName: 'Period Column', name: 'period', type: 'string', default: 'periode', description: 'The period invoiced (2026-Q1, Q1 2026, 2026-03, …)' },
		],
	},
	{
		displayName: 'Options',
		name: 'reconcileOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: rec },
		description: 'More settings for the reconciliation',
		options: [
			{ displayName: 'Kind Field', name: 'kindField', type: 'string', default: 'kind', description: 'Field that marks statement items; items whose value is "statement" are the expected amounts' },
			{
				displayName: 'Message Language',
				name: 'language',
				type: 'options',
				options: [
					{ name: 'Dutch', value: 'nl', description: 'Nederlands (default)' },
					{ name: 'English', value: 'en', description: 'Messages in English' },
				],
				default: 'nl',
				description: 'Language of the messages per line',
			},
		],
	},
];
