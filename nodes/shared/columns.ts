/**
 * Column mapping (issue 12, "Column mapping is hidden"): from node version 1.2 a node shows every column it
 * expects, with its default name, its meaning and " *" after the label of the required ones, as soon as the node is added —
 * one group of fields (a collection) whose default already holds every column, pre-filled from the domain's
 * column list (`domain/primitives/columns.ts`). Version 1 and 1.1 keep their empty "Change a Field Name" collection,
 * read exactly as before.
 *
 * Why not n8n's resource mapper (`type: 'resourceMapper'`, Postgres v2, Google Sheets v2): it maps values
 * *to* a destination's columns, each value an expression evaluated per item; its fields carry no
 * description (the meaning would be lost), appear only after a call to the node's `methods.resourceMapping`
 * and are stored with their whole schema in the workflow. Here the beheerder names *source* columns once
 * per run. Why not a single-value fixedCollection: n8n 2.41's `NodeHelpers.getNodeParameters` fails on one
 * whose default is not empty while the node has no value for it yet (a new node), so a pre-filled
 * collection is the shape that shows every column at once. Column names stay read once per run
 * (`getNodeParameter(name, 0)`): no per-item evaluation.
 */
import type { IDataObject, IDisplayOptions, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { defaultColumnNames, type ExpectedColumn, resolveColumnNames } from '../../domain/primitives/columns';
import type { VersionsWith } from './versions';

/** The version behaviour this layer asks the node's version table about (from it on: the mapping). */
type Mapping = VersionsWith<'columnMapping'>;

type Show = NonNullable<IDisplayOptions['show']>;

export interface ColumnMappingSpec<K extends string> {
	/** Label of the group, e.g. "Input Columns". */
	displayName: string;
	/** Parameter name of the mapping (new from version 1.2; never the name of the legacy collection). */
	name: string;
	description: string;
	columns: ReadonlyArray<ExpectedColumn<K>>;
	/** Conditions on the whole group (e.g. the operation); the version condition is added. */
	show?: Show;
	/** Conditions per column on other parameters, written as root paths (`{ '/rule': ['eightWeek'] }`). */
	showColumn?: Partial<Record<K, Show>>;
}

/**
 * The label of a column in the panel: "Zorgteam Date *" for a column a run needs — the asterisk n8n itself puts
 * after a required parameter's name. Short enough for n8n's default panel width (issue 24 §4: "Parental Consent
 * (Required)" was cut to "Parental Consent (Requ…"); `descriptions.test.ts` keeps every label within 22 characters.
 */
export function requiredLabel(column: ExpectedColumn): string {
	return column.required ? `${column.label} *` : column.label;
}

/** The collection that shows every expected column, pre-filled (from the node's `columnMapping` version on). */
export function columnMappingProperty<K extends string>(versions: Mapping, spec: ColumnMappingSpec<K>): INodeProperties {
	return {
		displayName: spec.displayName,
		name: spec.name,
		type: 'collection',
		placeholder: 'Add Column',
		default: { ...defaultColumnNames(spec.columns) },
		displayOptions: { show: { ...(spec.show ?? {}), ...versions.shownFrom('columnMapping') } },
		description: spec.description,
		options: spec.columns.map(
			(c): INodeProperties => ({
				// " *" in the label, not `required: true`: n8n 2.41 checks a required collection field at the
				// node's top level (NodeHelpers.getParameterIssues), so the flag would block every run.
				displayName: requiredLabel(c),
				name: c.key,
				type: 'string' as const,
				default: c.defaultName,
				placeholder: c.defaultName,
				description: `${c.meaning}. Default column: "${c.defaultName}".`.replace(/\.\./g, '.'),
				...(spec.showColumn?.[c.key] ? { displayOptions: { show: spec.showColumn[c.key] } } : {}),
			}),
		),
	};
}

export interface LegacyCollectionSpec<K extends string> {
	/** Label of the collection, as versions 1 and 1.1 show it. */
	displayName: string;
	/** Parameter name saved workflows hold (never change it). */
	name: string;
	/** The "add" button, e.g. "Change Column Name". */
	placeholder: string;
	description: string;
	/** The domain's one column list: each option's name, default name and meaning come from it. */
	columns: ReadonlyArray<ExpectedColumn<K>>;
	/** Word after each column's label ("Column", "Field"), as the old panel said it. */
	suffix?: string;
	/** Conditions on the whole group (e.g. the operation); the version condition is added. */
	show?: Show;
}

/**
 * The one-by-one field-name collection of versions 1 and 1.1 (existing workflows), shown only below the node's
 * column-mapping version and generated from the same domain column list as the mapping: one option per column,
 * its default the column's default name.
 */
export function legacyColumnCollection<K extends string>(versions: Mapping, spec: LegacyCollectionSpec<K>): INodeProperties {
	return {
		displayName: spec.displayName,
		name: spec.name,
		type: 'collection',
		placeholder: spec.placeholder,
		default: {},
		displayOptions: { show: { ...(spec.show ?? {}), ...versions.shownBefore('columnMapping') } },
		description: spec.description,
		options: spec.columns.map(
			(c): INodeProperties => ({
				displayName: spec.suffix ? `${c.label} ${spec.suffix}` : c.label,
				name: c.key,
				type: 'string' as const,
				default: c.defaultName,
				description: c.meaning,
			}),
		),
	};
}

/**
 * The column names for this run, read once (item 0): from the mapping under version 1.2 and later, from the
 * legacy collection before; blank or missing entries fall back to the domain defaults.
 */
export function readColumnNames<K extends string>(
	ctx: IExecuteFunctions,
	versions: Mapping,
	columns: ReadonlyArray<ExpectedColumn<K>>,
	names: { mapping: string; legacy: string },
): Record<K, string> {
	// both read alike: trimmed, a blank name keeps the default (as versions 1 and 1.1 always did)
	const parameter = versions.has(ctx.getNode(), 'columnMapping') ? names.mapping : names.legacy;
	return resolveColumnNames(columns, ctx.getNodeParameter(parameter, 0, {}) as IDataObject);
}
