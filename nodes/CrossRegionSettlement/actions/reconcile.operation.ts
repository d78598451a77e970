/**
 * Reconcile Invoices: the input holds the statements of a calculation (items whose kind field is
 * "statement", as the Calculate operation emits them) and invoice rows (all other items), e.g. joined
 * with a Merge node in "Append" mode. Outputs: Differences, Matched, Summary.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { readIdentifier } from '../../../domain/primitives/identifier';
import { InvalidFieldError, MissingFieldError } from '../../../domain/primitives/errors';
import { formatEuro, parseAmount } from '../../../domain/money';
import { getDefaultRegistry } from '../../../domain/municipalities/registry';
import { INVOICE_COLUMNS, parsePeriod, reconcileAction, reconcileDirectionText, reconcileInvoices, type ExpectedAmount, type Invoice, type Language } from '../../../domain/settlement';
import { columnMappingProperty, legacyColumnCollection } from '../../shared/columns';
import { VERSIONS } from '../versions';
import { parseItems } from '../../shared/execution';
import { openInput } from '../../shared/input';
import { isBlank } from '../../../domain/primitives/blank';
import { buildPolicy, isMember, isPresetId, type PresetId } from '../../../domain/policies';
import { formatIsoDate } from '../../../domain/primitives/dates';
import type { MunicipalityRegistry } from '../../../domain/municipalities/registry';
import type { Period } from '../../../domain/settlement/period';
import { languageProperty } from '../../shared/language.description';
import { readReconcileSettings } from './reconcile.settings';

const rec = { operation: ['reconcile'] };

/** The parameters of the Reconcile Invoices operation (shown when Operation is Reconcile Invoices). */
export const description: INodeProperties[] = [
	// ---------------- Reconcile ----------------
	{
		displayName: 'Input: the statements (output "Statements" of Calculate) and the invoice rows together, e.g. through a Merge node in Append mode. Items whose kind is "statement" are the expected amounts; all other items are invoices.',
		name: 'reconcileNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: rec },
	},
	// Node version 1.4: the tolerance in euros; before: in cents (unchanged)
	{
		displayName: 'Tolerance',
		name: 'tolerance',
		type: 'number',
		typeOptions: { minValue: 0, numberPrecision: 2 },
		default: 0,
		displayOptions: { show: { ...rec, ...VERSIONS.shownFrom('toleranceInEuros') } },
		description: 'A difference up to this amount in euros still counts as matched (e.g. 1.00 = € 1,00)',
	},
	{
		displayName: 'Tolerance (Cents)',
		name: 'toleranceCents',
		type: 'number',
		typeOptions: { minValue: 0, numberPrecision: 0 },
		default: 0,
		displayOptions: { show: { ...rec, ...VERSIONS.shownBefore('toleranceInEuros') } },
		description: 'A difference up to this many cents still counts as matched (e.g. 100 = € 1,00)',
	},
	// Node version 1.2: every column shown, pre-filled (nodes/shared/columns.ts)
	columnMappingProperty(VERSIONS, {
		displayName: 'Invoice Columns',
		name: 'invoiceColumnMap',
		description: 'The columns of the invoice rows this node reads, with the default (Dutch) name of each; change a name to match your spreadsheet. Read once per run.',
		columns: INVOICE_COLUMNS,
		show: rec,
	}),
	// Versions 1 and 1.1: the columns one by one ("Change Column Name"), read as before
	legacyColumnCollection(VERSIONS, {
		displayName: 'Invoice Columns',
		name: 'invoiceColumns',
		placeholder: 'Change Column Name',
		description: 'Names of the columns in the invoice rows',
		columns: INVOICE_COLUMNS,
		suffix: 'Column',
		show: rec,
	}),

	{
		displayName: 'Options',
		name: 'reconcileOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: rec },
		description: 'More settings for the reconciliation',
		options: [
			{
				displayName: 'Invoices Checked',
				name: 'invoiceDirection',
				type: 'options',
				options: [
					{ name: 'Received (We Pay Them)', value: 'received', description: 'Invoices other municipalities sent us; the actions say what we ask of them or pay' },
					{ name: 'Sent (We Are Owed)', value: 'sent', description: 'Invoices we sent as the pre-financing municipality (voorfinancierende gemeente); the actions say what we send or withdraw' },
				],
				default: 'received',
				description: 'Whose invoices the rows are. Words each line\'s action for the finance team that reads it, and says so in directionText.',
			},
			{ displayName: 'Kind Field', name: 'kindField', type: 'string', default: 'kind', description: 'Field that marks statement items; items whose value is "statement" are the expected amounts' },
			languageProperty({
				displayName: 'Message Language',
				description: 'Language of the messages per line, and of the error in words on error items (details.text, details.fix)',
				english: 'Messages in English',
			}),
		],
	},
];

const OTHER_KINDS = new Set(['own_share', 'referral', 'summary', 'statement_line', 'own_share_line', 'referral_line']);

type Parsed = { type: 'expected'; value: ExpectedAmount; policy: unknown } | { type: 'invoice'; value: Invoice } | { type: 'ignored'; kind: string };

/**
 * Whether an invoiced municipality took part in the statements' region policy during the invoiced period,
 * by the same dated definition the Calculate operation uses (domain/policies/timeline.ts): a participating
 * municipality's pupils are residents, never billed as from elsewhere. Once per policy, code and period.
 * @returns the policy's name when it took part; undefined when not, or when the policy cannot be applied to
 *   that period as one (it changes inside it, or a merged member needs a choice)
 */
function memberCheck(registry: MunicipalityRegistry, policies: readonly PresetId[]): (code: string, period: Period) => string | undefined {
	const cache = new Map<string, string | undefined>();
	return (code, period) => {
		const key = `${code} ${period.start} ${period.end}`;
		if (cache.has(key)) return cache.get(key);
		let found: string | undefined;
		for (const id of policies) {
			try {
				const policy = buildPolicy(id, { mergedMembers: 'formerArea' }, registry, { from: formatIsoDate(period.start), to: formatIsoDate(period.end), field: 'period' });
				if (isMember(policy, code)) found = policy.name;
			} catch {
				// Not one policy for this period: no claim either way.
			}
			if (found) break;
		}
		cache.set(key, found);
		return found;
	};
}

/** @param nodeProperties the node's parameter definitions (for names in messages about run-level parameters) */
export function execute(ctx: IExecuteFunctions, nodeProperties: INodeProperties[]): INodeExecutionData[][] {
	const registry = getDefaultRegistry();
	// Every parameter is read once per run; see docs/data-as-it-arrives.md.
	const input = openInput(ctx, { properties: nodeProperties, optionsName: null });
	const readField = (json: IDataObject, field: string) => input.read(json, field);
	const { toleranceCents: tolerance, kindField, language, direction, fields, privacy } = readReconcileSettings(ctx);
	const directionText = reconcileDirectionText(direction, language);

	const parsed = parseItems(ctx, (item, index): Parsed => {
		const json = item.json;
		const kind = readField(json, kindField);
		if (kind === 'statement') {
			const code = registry.resolve(readField(json, 'municipalityCode'), 'municipalityCode');
			const cents = readField(json, 'amountCents');
			if (typeof cents !== 'number' || !Number.isSafeInteger(cents)) {
				throw new InvalidFieldError('invalid_amount', 'amountCents', 'Field "amountCents" of a statement item is not a whole number of cents', 'Feed the statements of the Calculate operation unchanged (output format "One Item per Municipality").');
			}
			return { type: 'expected', policy: readField(json, 'policy'), value: { municipalityCode: code.code, municipalityName: code.name, period: parsePeriod(readField(json, 'period'), 'period'), amountCents: cents, index, provisional: readField(json, 'status') === 'provisional' } };
		}
		if (typeof kind === 'string' && OTHER_KINDS.has(kind)) return { type: 'ignored', kind };
		const rawNumber = readField(json, fields.invoiceNumber);
		if (isBlank(rawNumber)) throw new MissingFieldError(fields.invoiceNumber, 'Every invoice row needs its invoice number (factuurnummer).');
		const municipality = registry.resolve(readField(json, fields.municipality), fields.municipality, 'invoice'); // a split one: correct the invoice
		const rawAmount = readField(json, fields.amount);
		if (isBlank(rawAmount)) throw new MissingFieldError(fields.amount, 'Fill in the invoice amount in euros (e.g. 1.234,56).');
		return {
			type: 'invoice',
			value: {
				municipalityCode: municipality.code,
				municipalityName: municipality.name,
				period: parsePeriod(readField(json, fields.period), fields.period),
				amountCents: parseAmount(rawAmount, fields.amount, { allowNegative: true }),
				// the one identifier rule: `F-2026-001` with a zero-width space is `F-2026-001` (no second invoice)
				invoiceNumber: readIdentifier(rawNumber, fields.invoiceNumber).slice(0, 60),
				index,
			},
		};
	}, privacy, input, { messageLanguage: language });

	const expected: ExpectedAmount[] = [];
	const invoices: Invoice[] = [];
	const ignored: Record<string, number> = {};
	const ignoredPairs: Array<{ item: number }> = [];
	const policyIds = new Set<PresetId>();
	for (const o of parsed.ok) {
		if (o.value.type === 'expected') {
			expected.push(o.value.value);
			if (isPresetId(o.value.policy)) policyIds.add(o.value.policy);
		}
		else if (o.value.type === 'invoice') invoices.push(o.value.value);
		else {
			ignored[o.value.kind] = (ignored[o.value.kind] ?? 0) + 1;
			ignoredPairs.push({ item: o.itemIndex });
		}
	}
	const { lines, summary } = reconcileInvoices(expected, invoices, tolerance, language);
	const wasMember = memberCheck(registry, [...policyIds]);
	const invoicePeriods = new Map(invoices.map((i) => [i.index, i.period]));

	const differences: INodeExecutionData[] = [];
	const matched: INodeExecutionData[] = [];
	for (const l of lines) {
		const period = l.indexes.map((i) => invoicePeriods.get(i)).find((p) => p !== undefined);
		const memberOf = period && l.invoicedCents !== null ? wasMember(l.municipalityCode, period) : undefined;
		const json: IDataObject = {
			status: l.status,
			municipalityCode: l.municipalityCode,
			municipalityName: l.municipalityName,
			period: l.period,
			expectedCents: l.expectedCents,
			invoicedCents: l.invoicedCents,
			differenceCents: l.differenceCents,
			expectedText: l.expectedCents === null ? '' : formatEuro(l.expectedCents, language),
			invoicedText: l.invoicedCents === null ? '' : formatEuro(l.invoicedCents, language),
			differenceText: l.differenceCents === null ? '' : formatEuro(l.differenceCents, language),
			invoiceNumbers: l.invoiceNumbers.join(', '),
			message: memberOf === undefined ? l.message : `${l.message} ${memberNote(l.municipalityName, memberOf, language)}`,
			action: reconcileAction(l.status, language, direction),
			direction,
			directionText,
			participatingMunicipality: memberOf !== undefined,
			provisional: l.provisional,
		};
		(l.status === 'matched' ? matched : differences).push({ json, pairedItem: l.indexes.map((item) => ({ item })) });
	}
	const all = ctx.getInputData().map((_i, item) => ({ item }));
	const summaryItem: INodeExecutionData = {
		json: {
			kind: 'reconciliation_summary',
			...summary,
			direction,
			directionText,
			differences: differences.length,
			ignoredItems: ignored,
			rejectedItems: parsed.failed.length,
			blankRows: input.blankRowCount,
			itemsIn: ctx.getInputData().length - input.blankRowCount,
			expectedText: formatEuro(summary.expectedCents, language),
			invoicedText: formatEuro(summary.invoicedCents, language),
		},
		pairedItem: all.length > 0 ? all : undefined,
	};
	input.finish();
	return [[...differences, ...parsed.failed], matched, [summaryItem]];
}

/** The note on an invoice line whose municipality took part in the region policy during the invoiced period. */
function memberNote(municipality: string, policyName: string, language: Language): string {
	return language === 'en'
		? `Note: ${municipality} took part in "${policyName}" in this period; pupils living there are not settled as from elsewhere.`
		: `Let op: ${municipality} nam in deze periode deel aan "${policyName}"; leerlingen die daar wonen worden niet verrekend als leerlingen van elders.`;
}
