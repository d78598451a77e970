/**
 * Data minimisation for the items our nodes emit (AVG; DOMAIN.md "Privacy"; issue 10 §3): one implementation
 * for every node. Configured identifying columns — BSN, names, free text — are removed from error items
 * and (by default) from every item the node passes on, and replaced by what the user needs to find the row
 * again without them:
 *
 *   privacy: { rowNumber: 3, pseudonym: 'P-ABCDEFGHJKLM', removed: ['bsn', 'naam'] }
 *
 * - `rowNumber`: the item's position in the node's input, 1 = first item (for a sheet read in one go: the
 *   data row, header not counted).
 * - `pseudonym`: only where the node has the pseudonymisation key credential (Toeleiding Triage with
 *   "Pseudonymise BSN" on, Cross-Region Settlement calculate): the keyed hash (domain/pseudonym.ts) of the
 *   first non-empty removed value in the order of the configured list (the BSN first by default). A BSN is
 *   hashed without spaces or dots, so it equals Toeleiding Triage's `pupilReference` for the same BSN and key.
 * - `removed`: the column names that were removed from this item.
 * An item without any configured column is left as it is (no `privacy` field).
 * On the error output ("Continue (using error output)") n8n itself would merge the input row back into the
 * item; there the item is `{ error: '<message> (row 3, pupil P-…)' }` with `details` and `privacy` in
 * `item.error.context` (see errorOutputItem).
 *
 * Only top-level columns are matched, by name, ignoring case, spaces, dashes and underscores
 * ("Naam leerling" = "naamLeerling" = "naam_leerling").
 *
 * Version by adding (STYLE.md habit 12): the setting exists from node version 1.1, where it is on by
 * default; in workflows saved with version 1 it is off by default (their items do not change) and can be
 * switched on by hand.
 */
import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INode, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';

import { isValidBsn, normaliseBsn } from '../../domain/primitives/bsn';
import { normaliseHeader } from '../../domain/primitives/headers';
import { stripInvisible } from '../../domain/primitives/identifier';
import { describeRow, type RowRef } from '../../domain/primitives/rows';
import type { Pseudonymiser } from '../../domain/primitives/pseudonym';
import type { VersionsWith } from './versions';

/** Where identifying columns are removed. */
export type IdentifyingDataMode = 'removeEverywhere' | 'removeFromErrors' | 'keep';

/** Column names removed by default: BSN, names of pupil and parents, free text (Dutch and English spellings). */
export const DEFAULT_IDENTIFYING_FIELDS = [
	'bsn',
	'burgerservicenummer',
	'bsnLeerling',
	'naam',
	'name',
	'naamLeerling',
	'leerlingnaam',
	'pupilName',
	'fullName',
	'voornaam',
	'firstName',
	'roepnaam',
	'achternaam',
	'lastName',
	'tussenvoegsel',
	'naamOuder',
	'parentName',
	'opmerking',
	'opmerkingen',
	'toelichting',
	'notitie',
	'notities',
	'notes',
	'note',
	'comment',
	'comments',
	'remarks',
].join(', ');

const MODE_OPTIONS = [
	{ name: 'Remove From Every Output Item', value: 'removeEverywhere', description: 'Error items and the items passed on carry no identifying column' },
	{ name: 'Remove From Error Items Only', value: 'removeFromErrors', description: 'Items passed on keep every column (e.g. when the next step needs the BSN)' },
	{ name: 'Keep', value: 'keep', description: 'Items keep every input column, as in node version 1' },
];

const MODE_DESCRIPTION =
	'Data minimisation (AVG): remove identifying columns (BSN, names, free text) from the items this node emits. Each such item gets privacy.rowNumber (and privacy.pseudonym where the node has the pseudonymisation key) so the row can still be found.';

/** The version behaviour this layer asks the node's version table about (from it on: removed by default). */
type Privacy = VersionsWith<'removeIdentifyingData'>;

/**
 * The node parameters (same names in every node): the mode, with its default by node version, and the column list.
 * @param versions the node's version table (`nodes/<Node>/versions.ts`): the choice defaults to Keep before
 *   `removeIdentifyingData`, to Remove From Every Output Item from it on — at every later version too
 */
export function identifyingDataProperties(versions: Privacy): INodeProperties[] {
	const mode = (def: IdentifyingDataMode, show: ReturnType<Privacy['shownFrom']>): INodeProperties => ({
		displayName: 'Identifying Data in Output',
		name: 'identifyingData',
		type: 'options',
		default: def,
		description: MODE_DESCRIPTION,
		options: MODE_OPTIONS,
		displayOptions: { show },
	});
	return [
		mode('keep', versions.shownBefore('removeIdentifyingData')),
		mode('removeEverywhere', versions.shownFrom('removeIdentifyingData')),
		{
			displayName: 'Identifying Columns',
			name: 'identifyingFields',
			type: 'string',
			default: DEFAULT_IDENTIFYING_FIELDS,
			description:
				'Column names to remove, separated by commas. Case, spaces, dashes and underscores do not matter. Add the columns of your own sheet that hold a BSN, a name or free text.',
			displayOptions: { hide: { identifyingData: ['keep'] } },
		},
	];
}

/** The input layer's header rule (BOM, zero-width characters, NBSP, case), and spaces, dashes and underscores do not matter. */
const normalise = (name: string) => normaliseHeader(name).replace(/[\s_-]+/g, '');

/** Removes configured columns from item JSON; built once per execution. */
export class IdentifyingData {
	/** Whether items passed on (not only error items) are minimised. */
	readonly outputs: boolean;
	private readonly rank = new Map<string, number>();
	private readonly seen = new Map<string, number>();

	/**
	 * @param fields the configured column names (comma or newline separated)
	 * @param pseudonymise the package's keyed pseudonymiser, when the node has the key
	 * @param nodeFields columns the node itself knows to hold a BSN or pupil reference (e.g. a BSN rule's field);
	 *   removed too, and first in line for the pseudonym
	 */
	constructor(
		mode: Exclude<IdentifyingDataMode, 'keep'>,
		fields: string,
		private readonly pseudonymise?: Pseudonymiser,
		nodeFields: string[] = [],
	) {
		this.outputs = mode === 'removeEverywhere';
		[...nodeFields, ...fields.split(/[,\n;]/)]
			.map((f) => normalise(f.trim()))
			.filter((f) => f !== '')
			.forEach((f, i) => {
				if (!this.rank.has(f)) this.rank.set(f, i);
			});
	}

	/** Position of a column in the configured list, or -1 when it is not identifying (cached per name). */
	private rankOf(key: string): number {
		let r = this.seen.get(key);
		if (r === undefined) {
			r = this.rank.get(normalise(key)) ?? -1;
			this.seen.set(key, r);
		}
		return r;
	}

	/** The identifying column names present in `json`, in the order of the configured list. */
	present(json: IDataObject): string[] {
		let found: Array<[string, number]> | undefined;
		for (const key in json) {
			const r = this.rankOf(key);
			if (r >= 0) (found ??= []).push([key, r]);
		}
		return found ? found.sort((a, b) => a[1] - b[1]).map(([key]) => key) : [];
	}

	/** Where the row is: row number, and the pseudonym of the first non-empty removed value when there is a key. */
	private reference(json: IDataObject, removed: string[], itemIndex: number): IDataObject {
		const ref: IDataObject = { rowNumber: itemIndex + 1 };
		if (this.pseudonymise) {
			for (const key of removed) {
				const value = json[key];
				if (value === undefined || value === null || typeof value === 'object') continue;
				let text = stripInvisible(String(value));
				if (text === '') continue;
				// A BSN as a number, or written 123 456 782 / 123.456.782 / 10000094.0: hash the BSN, as triage does
				// (the one BSN rule: never another number's digits).
				// only number-like text is tried as a BSN (a thrown error per item would be slow on 100k pupil references)
				if (/^[\d\s.,+eE-]+$/.test(text) && isValidBsn(text)) text = normaliseBsn(text, key);
				else {
					const digits = text.replace(/[\s.-]/g, '');
					if (/^\d{8,9}$/.test(digits)) text = digits.padStart(9, '0');
				}
				ref.pseudonym = this.pseudonymise(text);
				break;
			}
		}
		ref.removed = removed;
		return ref;
	}

	/**
	 * A copy of `json` without the identifying columns, plus `privacy`; `json` itself when it has none.
	 * @param itemIndex index of the input item the json belongs to (0-based)
	 */
	strip(json: IDataObject, itemIndex: number): IDataObject {
		const removed = this.present(json);
		if (removed.length === 0) return json;
		const drop = new Set(removed);
		const out: IDataObject = {};
		for (const key in json) if (!drop.has(key)) out[key] = json[key];
		out.privacy = this.reference(json, removed, itemIndex);
		return out;
	}

	/**
	 * An error item for "Continue (using error output)" when the input has identifying columns.
	 * n8n's engine merges all fields of the paired input item into an error item whose json holds only
	 * error/details (WorkflowExecute.handleNodeErrorOutput), and no extra json key can stop that without the
	 * item leaving through the regular output. An item with `item.error` is the one kind n8n does not merge:
	 * its json becomes `{ error: message }` (WorkflowExecute.normalizeNodeErrors), pairedItem stays. So the
	 * message names the row as the user sees it (`row`, domain/primitives/rows.ts) and the pseudonym, and
	 * `item.error.context` carries `details` and `privacy`.
	 */
	errorOutputItem(node: INode, item: INodeExecutionData, input: IDataObject, itemIndex: number, error: NodeOperationError, row?: RowRef): INodeExecutionData {
		const removed = this.present(input);
		if (removed.length === 0) return item;
		const privacy = this.reference(input, removed, itemIndex);
		const parts = [row ? describeRow(row, 'en') : '', privacy.pseudonym ? `pupil ${privacy.pseudonym as string}` : ''].filter((p) => p !== '');
		const where = parts.length > 0 ? ` (${parts.join(', ')})` : '';
		const located = new NodeOperationError(node, `${error.message}${where}`, { itemIndex, description: error.description ?? undefined });
		located.context.details = item.json.details;
		located.context.privacy = privacy;
		return { json: { error: located.message }, error: located, pairedItem: item.pairedItem };
	}
}

/**
 * Read the node's setting. Returns undefined when identifying data is kept.
 * @param versions the node's version table (the default of a workflow that never set the choice)
 * @param pseudonymise give it when the node has the pseudonymisation key credential
 * @param nodeFields columns the node knows to be identifying whatever their name (see IdentifyingData)
 */
export function readIdentifyingData(ctx: IExecuteFunctions, versions: Privacy, pseudonymise?: Pseudonymiser, nodeFields: string[] = []): IdentifyingData | undefined {
	const byVersion: IdentifyingDataMode = versions.has(ctx.getNode(), 'removeIdentifyingData') ? 'removeEverywhere' : 'keep';
	const mode = ctx.getNodeParameter('identifyingData', 0, byVersion) as IdentifyingDataMode;
	if (mode === 'keep') return undefined;
	const fields = ctx.getNodeParameter('identifyingFields', 0, DEFAULT_IDENTIFYING_FIELDS) as string;
	return new IdentifyingData(mode, fields, pseudonymise, nodeFields);
}

/** Minimise an item the node passes on (unchanged unless the mode removes everywhere); `itemIndex`: its input item. */
export function minimiseOutput(privacy: IdentifyingData | undefined, json: IDataObject, itemIndex: number): IDataObject {
	return privacy?.outputs ? privacy.strip(json, itemIndex) : json;
}
