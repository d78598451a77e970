/**
 * The one input layer every node of this package reads items through (issue 11 §1, §2, §6; issue 15 §1).
 *
 * - Columns: a configured field name finds its column by exact match, else by a normalised match
 *   (BOM, zero-width characters, NBSP/repeated spaces, trim, case — `domain/primitives/headers.ts`). Resolution happens
 *   once per distinct set of keys (cached), not per item; a normalised match is reported once per run as
 *   an execution hint naming the column as it really is. Two columns normalising to one name stop the run
 *   (configuration error naming both). A required field without any matching column gets "did you mean …".
 * - Blank rows (every value empty, whitespace or null): never an error, never stop a run; skipped,
 *   counted, and reported once as an execution hint (and in the node's summary output where it has one).
 * - Parameters read once per run: an expression in one that resolves differently for a later item is a
 *   configuration error naming the parameter and the item, never silently item 1's value.
 * - Calendar days: Europe/Amsterdam unless the node's "Calendar Time Zone" option names another zone; a
 *   hint says so once when the workflow's zone differs.
 */
import { IANAZone } from 'luxon';
import {
	IDataObject,
	IExecuteFunctions,
	INodeProperties,
	NodeExecutionHint,
	NodeOperationError,
} from 'n8n-workflow';

import { DEFAULT_TIME_ZONE } from '../../domain/primitives/dates';
import { isBlank } from '../../domain/primitives/blank';
import { ConfigurationError, MissingFieldError } from '../../domain/primitives/errors';
import { closestColumn, resolveColumn, visibleHeader } from '../../domain/primitives/headers';
import { describeRows, type RowRef } from '../../domain/primitives/rows';
import { rowNamer, type RowNamer } from './rows';

/**
 * Keys a source adds to every row by itself, so they say nothing about whether the row holds data:
 * n8n's Google Sheets node gives each row its sheet row number (`row_number`), blank rows too.
 */
const SOURCE_KEYS = new Set(['row_number']);

/**
 * True when every value of the item is empty (a blank spreadsheet row, e.g. a formatted empty line).
 * A source's own row key (`row_number` from Google Sheets) is not data and is ignored.
 */
export function isBlankRow(json: IDataObject): boolean {
	for (const key in json) if (!SOURCE_KEYS.has(key) && !isBlank(json[key])) return false;
	return true;
}

/**
 * True when `json`'s own keys are exactly `keys`, in order: a same-shape check without allocating
 * (Object.keys plus a joined signature per item made header resolution cost per item, not per run).
 */
function sameKeys(json: IDataObject, keys: string[]): boolean {
	let i = 0;
	for (const key in json) {
		if (i >= keys.length || keys[i] !== key || !Object.prototype.hasOwnProperty.call(json, key)) return false;
		i++;
	}
	return i === keys.length;
}

/** The option every node offers for the zone calendar days are read in (issue 15 §1). */
export const calendarTimeZoneOption: INodeProperties = {
	displayName: 'Calendar Time Zone',
	name: 'calendarTimeZone',
	type: 'string',
	default: '',
	placeholder: 'Europe/Amsterdam (leave empty)',
	description:
		'Time zone whose calendar days this node uses for "today" and for the date of a timestamp. Empty: Europe/Amsterdam, whatever the time zone of the workflow or the n8n instance.',
};

const MAX_LISTED = 10;


/** Does a raw parameter value hold an expression that can depend on the item? */
function itemDependentExpression(raw: unknown): boolean {
	if (typeof raw === 'string') return raw.startsWith('=') && /\$json|\$binary|\$item|\$input|\$\(|\$node|\bitems?\b|\.item\b|\$position/.test(raw);
	if (Array.isArray(raw)) return raw.some(itemDependentExpression);
	if (raw !== null && typeof raw === 'object') return Object.values(raw).some(itemDependentExpression);
	return false;
}

export interface InputOptions {
	/** The node's (or operation's) parameter definitions, for display names in messages. */
	properties?: INodeProperties[];
	/** Parameters the node reads per item; all others are checked to be the same for every item. */
	perItem?: string[];
	/** The options collection holding `calendarTimeZone` (default `options`); none: the node reads no dates. */
	optionsName?: string | null;
}

/** One run's input: create it with `openInput` at the start of `execute`, call `finish` before returning. */
export class InputReader {
	/** The zone calendar days are read in. */
	readonly zone: string;
	private readonly hints: NodeExecutionHint[] = [];
	private readonly blankRows: RowRef[] = [];
	private readonly rows: RowNamer;
	private readonly normalisedUses = new Map<string, string>();
	private readonly shapes = new Map<string, Map<string, string | null>>();
	private lastJson: IDataObject | undefined;
	private lastShape: Map<string, string | null> | undefined;
	private lastKeys: string[] = [];
	/** Watched fields (watchColumns) no item has had a column for yet, with their labels. */
	private unmatched = new Map<string, string>();
	/** The last non-blank item while fields are unmatched; its columns give the "did you mean". */
	private lastSeen: IDataObject | undefined;

	constructor(private readonly ctx: IExecuteFunctions, options: InputOptions = {}) {
		checkRunParameters(ctx, options.properties ?? [], options.perItem ?? []);
		this.rows = rowNamer(ctx);
		this.zone = DEFAULT_TIME_ZONE;
		if (options.optionsName !== null) {
			const raw = (ctx.getNodeParameter(options.optionsName ?? 'options', 0, {}) as IDataObject).calendarTimeZone;
			const chosen = typeof raw === 'string' ? raw.trim() : '';
			if (chosen !== '') {
				if (!IANAZone.isValidZone(chosen)) {
					throw new NodeOperationError(ctx.getNode(), `"Calendar Time Zone" is not a known time zone`, {
						description: 'Use an IANA zone name such as Europe/Amsterdam, or leave the option empty for Europe/Amsterdam.',
					});
				}
				this.zone = chosen;
			}
			const workflowZone = ctx.getTimezone();
			if (workflowZone !== this.zone) {
				this.hints.push({
					type: 'info',
					location: 'outputPane',
					message:
						`Calendar days are read in ${this.zone}${chosen === '' ? ' (the default: dates in this package are Amsterdam calendar days)' : ' (Calendar Time Zone)'}, ` +
						`while this workflow runs in ${workflowZone}. "Today" and the dates of timestamps are the days in ${this.zone}.`,
				});
			}
		}
	}

	/** The key of `json` that `field` resolves to for this item's shape; undefined when no column matches. */
	private keyFor(json: IDataObject, field: string): string | undefined {
		let shape: Map<string, string | null>;
		if (this.lastShape && (json === this.lastJson || sameKeys(json, this.lastKeys))) {
			// The usual case: the item has the same columns, in the same order, as the previous one.
			shape = this.lastShape;
			this.lastJson = json;
		} else {
			const keys = Object.keys(json);
			const signature = keys.join('\u0000');
			let found = this.shapes.get(signature);
			if (!found) {
				// items with ever-changing keys must not grow the cache without bound
				if (this.shapes.size >= 1000) this.shapes.clear();
				found = new Map();
				this.shapes.set(signature, found);
			}
			shape = found;
			this.lastJson = json;
			this.lastShape = shape;
			this.lastKeys = keys;
		}
		const cached = shape.get(field);
		if (cached !== undefined) return cached ?? undefined;
		const match = resolveColumn(field, this.lastKeys);
		const key = match.kind === 'missing' ? null : match.key;
		if (match.kind === 'normalised') this.normalisedUses.set(`${field}\u0000${match.key}`, field);
		shape.set(field, key);
		return key ?? undefined;
	}

	/**
	 * Read a field: the column named exactly so, else the one whose name differs only by invisible
	 * characters, spaces or case, else a dot path (`a.b`) into nested objects.
	 * @throws AmbiguousColumnError (a ConfigurationError) when two columns normalise to the field name
	 */
	read(json: IDataObject, field: string): unknown {
		// one property lookup in the usual case (the column is there, with a value)
		const value = json[field];
		if (value !== undefined || field in json) return value;
		const key = this.keyFor(json, field);
		if (key !== undefined) return json[key];
		if (!field.includes('.')) return undefined;
		const [head, ...rest] = field.split('.');
		let current: unknown = head in json ? json[head] : (() => {
			const k = this.keyFor(json, head);
			return k === undefined ? undefined : json[k];
		})();
		for (const part of rest) {
			if (current === null || typeof current !== 'object') return undefined;
			current = (current as IDataObject)[part];
		}
		return current;
	}

	/** The key `field` is read from in this item (exact or normalised match), undefined when none. */
	columnOf(json: IDataObject, field: string): string | undefined {
		return field in json ? field : this.keyFor(json, field);
	}

	/** A reader bound to one item, for domain functions that take `(field) => value`. */
	reader(json: IDataObject): (field: string) => unknown {
		return (field) => this.read(json, field);
	}

	/** Count the item as a blank row when it is one; returns true when it is. */
	skipBlank(json: IDataObject, itemIndex: number): boolean {
		if (!isBlankRow(json)) {
			if (this.unmatched.size > 0) this.match(json);
			return false;
		}
		this.blankRows.push(this.rows(json, itemIndex));
		return true;
	}

	/**
	 * Fields a node reads without stopping when they are empty (Triage's required facts send a request to
	 * Needs Info instead of failing): when no item of the run has a column
	 * for one, `finish` adds a warning naming the field and the closest column ("did you mean"), because a
	 * column name that does not match looks like empty data, not like a mistake.
	 * @param fields field name as configured → its label in the node (e.g. "Risk Level")
	 */
	watchColumns(fields: ReadonlyArray<{ name: string; label: string }>): void {
		for (const f of fields) if (f.name !== '') this.unmatched.set(f.name, f.label);
	}

	/** Drop the watched fields this item has a column for (cheap: stops once every field was seen). */
	private match(json: IDataObject): void {
		for (const field of this.unmatched.keys()) if (this.columnOf(json, field) !== undefined) this.unmatched.delete(field);
		this.lastSeen = this.unmatched.size > 0 ? json : undefined;
	}

	/** How many blank rows this run skipped (or routed to Empty Rows). */
	get blankRowCount(): number {
		return this.blankRows.length;
	}

	/**
	 * Turn a "field is empty or missing" error for an item without any matching column into one that
	 * names the closest existing column ("did you mean …"). Other errors are returned unchanged.
	 */
	explain(error: unknown, json: IDataObject): unknown {
		if (!(error instanceof MissingFieldError) || error.field === undefined) return error;
		const field = error.field;
		if (field in json || this.keyFor(json, field) !== undefined) return error;
		const keys = Object.keys(json);
		const closest = closestColumn(field, keys);
		const where = closest === undefined ? 'No input column has this name.' : `No input column has this name; did you mean "${visibleHeader(closest)}"?`;
		return new MissingFieldError(field, `${where} ${error.hint ?? ''}`.trim());
	}

	/** Add this run's hints to the node's execution (once each). Call before returning the outputs. */
	finish(blankRowsWhere = 'were skipped'): void {
		const hints = [...this.hints];
		for (const [usage, field] of this.normalisedUses) {
			const key = usage.slice(field.length + 1);
			hints.push({
				type: 'info',
				location: 'outputPane',
				message: `Field "${field}" was read from the column "${visibleHeader(key)}", whose name differs by invisible characters, spaces or letter case. Rename the column or set the field name to match it exactly to silence this hint.`,
			});
		}
		if (this.lastSeen) {
			const keys = Object.keys(this.lastSeen);
			for (const [field, label] of this.unmatched) {
				const closest = closestColumn(field, keys);
				hints.push({
					type: 'warning',
					location: 'outputPane',
					message:
						`No input item has a column "${field}" (${label}), so it was read as empty for every item` +
						(closest === undefined ? '.' : `; did you mean "${visibleHeader(closest)}"?`) +
						` Set the column name under the node's input columns, or ignore this if your data has no such column.`,
				});
			}
		}
		if (this.blankRows.length > 0) {
			hints.push({
				type: 'info',
				location: 'outputPane',
				message: `${this.blankRows.length} blank row(s) (every value empty) ${blankRowsWhere}: ${describeRows(this.blankRows, MAX_LISTED)}. Blank rows are never errors.`,
			});
		}
		if (hints.length > 0) this.ctx.addExecutionHints(...hints);
	}
}

/** Start reading a run's input (checks run-level parameters and the calendar zone). */
export function openInput(ctx: IExecuteFunctions, options: InputOptions = {}): InputReader {
	return new InputReader(ctx, options);
}

/**
 * A parameter the node reads per item. When its raw value holds no expression that can depend on the
 * item, it is read once and the same value is returned for every item (fast on large inputs).
 */
export function perItemParameter<T>(ctx: IExecuteFunctions, name: string, fallback: T): (itemIndex: number) => T {
	if (!itemDependentExpression(ctx.getNode().parameters[name])) {
		const value = ctx.getNodeParameter(name, 0, fallback as never) as T;
		return () => value;
	}
	return (itemIndex) => ctx.getNodeParameter(name, itemIndex, fallback as never) as T;
}

function displayName(properties: INodeProperties[], name: string): string {
	return properties.find((p) => p.name === name)?.displayName ?? name;
}

/**
 * Parameters this node reads once per run must not vary per item. For every parameter holding an
 * expression that can depend on the item, compare its value for each item with the first item's.
 * @throws NodeOperationError naming the parameter and the first item where it differs
 */
export function checkRunParameters(ctx: IExecuteFunctions, properties: INodeProperties[], perItem: string[]): void {
	const items = ctx.getInputData();
	if (items.length < 2) return;
	// Only parameters holding an item-dependent expression are compared (usually none: then no item is read).
	const toCheck = Object.entries(ctx.getNode().parameters).filter(([name, raw]) => !perItem.includes(name) && itemDependentExpression(raw));
	if (toCheck.length === 0) return;
	// Blank rows are never errors (docs/data-as-it-arrives.md "Blank rows"): their value for an item expression is not compared.
	const rows: number[] = [];
	for (let i = 0; i < items.length; i++) if (!isBlankRow(items[i].json ?? {})) rows.push(i);
	if (rows.length < 2) return;
	for (const [name] of toCheck) {
		const label = displayName(properties, name);
		const valueFor = (i: number): string => {
			try {
				return JSON.stringify(ctx.getNodeParameter(name, i));
			} catch (error) {
				throw new NodeOperationError(ctx.getNode(), `"${label}" cannot be evaluated for item ${i + 1}`, {
					itemIndex: i,
					description: `This node reads "${label}" once per run, so its expression must give the same value for every item. For item ${i + 1} it fails: ${(error as Error).message ?? 'unknown error'}`,
				});
			}
		};
		const firstRow = rows[0];
		const first = valueFor(firstRow);
		if (firstRow !== 0) {
			// The nodes read run parameters for item 1; when that is a blank row, its value must still agree.
			let blankValue: string | undefined;
			try {
				blankValue = JSON.stringify(ctx.getNodeParameter(name, 0));
			} catch {
				blankValue = undefined;
			}
			if (blankValue !== first) {
				throw new NodeOperationError(ctx.getNode(), `"${label}" is read once per run from item 1, a blank row, where its expression gives another value than for item ${firstRow + 1}`, {
					itemIndex: 0,
					description: `Remove the blank row(s) before this node, or use an expression that gives the same value for every item (e.g. refer to a fixed node with $('Node').first()).`,
				});
			}
		}
		for (const i of rows.slice(1)) {
			if (valueFor(i) !== first) {
				throw new NodeOperationError(ctx.getNode(), `"${label}" has a different value for item ${i + 1} than for item ${firstRow + 1}`, {
					itemIndex: i,
					description: `This node reads "${label}" once per run. Its expression gives each item its own value, which would silently apply item ${firstRow + 1}'s value to all. Use an expression that gives the same value for every item (e.g. refer to a fixed node with $('Node').first()), or split the items into separate runs.`,
				});
			}
		}
	}
}

/** Configuration errors stop the run whatever "On Error" says; item errors follow On Error. */
export function isConfigurationError(error: unknown): boolean {
	return error instanceof ConfigurationError;
}

/** How a ColumnPass finds its columns in the items with one list of keys. */
interface ColumnPlan {
	/** The item's own keys, in order. */
	keys: string[];
	proto: object | null;
	/** Per key position: the index of the column read from it, or -1. */
	slot: number[];
	/** Per column not read from a key position: `undefined` (no such column) or the `unread` marker. */
	rest: Array<{ index: number; value: unknown }>;
}

/**
 * Reading a fixed list of columns from every item in one pass over the item's keys (issue 27), instead of
 * one lookup by name per column: items with the same keys in the same order (the usual run) find each column
 * at the same position, so the pass that copies an item's fields also picks up the columns. What it reads
 * is what `InputReader.read` gives; a column it cannot read from a key position (a dot path, a column name two
 * columns normalise to, an inherited property) is left as the `unread` marker, for the caller to read through
 * `InputReader.read` (which also reports errors as usual). Create one per run, after `openInput`.
 */
export class ColumnPass {
	private plan: ColumnPlan | undefined;

	/**
	 * @param columns the configured column names, in the order of the values
	 * @param unread the marker for a value the caller must read through `InputReader.read`
	 */
	constructor(private readonly input: InputReader, private readonly columns: readonly string[], private readonly unread: unknown) {}

	/**
	 * One pass over `json`'s keys (for…in, as a copy makes): `values[i]` becomes what `input.read(json,
	 * columns[i])` returns, or the `unread` marker; with `copy`, every key but `skip` is copied into it.
	 */
	read(json: IDataObject, values: unknown[], copy?: IDataObject, skip?: string): void {
		const plan = this.plan;
		let same = plan !== undefined && Object.getPrototypeOf(json) === plan.proto;
		let k = 0;
		for (const key in json) {
			const value = json[key];
			if (same) {
				if (key === plan!.keys[k]) {
					const slot = plan!.slot[k];
					if (slot >= 0) values[slot] = value;
				} else same = false;
			}
			k++;
			if (copy !== undefined && key !== skip) copy[key] = value;
		}
		if (!same || k !== plan!.keys.length) {
			// another list of keys than the last item's (or the first item): plan it, and read by the plan
			const next = this.planFor(json);
			this.plan = next;
			for (let p = 0; p < next.keys.length; p++) if (next.slot[p] >= 0) values[next.slot[p]] = json[next.keys[p]];
		}
		const rest = this.plan!.rest;
		for (let r = 0; r < rest.length; r++) values[rest[r].index] = rest[r].value;
	}

	private planFor(json: IDataObject): ColumnPlan {
		const keys = Object.keys(json);
		const position = new Map(keys.map((key, p) => [key, p]));
		const slot: number[] = keys.map(() => -1);
		const rest: ColumnPlan['rest'] = [];
		this.columns.forEach((column, index) => {
			// an own key named so: `read` returns its value; else a column that differs by invisible characters, spaces or case
			let key: string | undefined = position.has(column) ? column : undefined;
			let resolved = key !== undefined;
			if (!resolved && !(column in json)) {
				try {
					key = this.input.columnOf(json, column);
					resolved = key !== undefined || !column.includes('.');
				} catch {
					// two columns normalise to the name: `read` throws, in the caller's order
				}
			}
			const p = key === undefined ? undefined : position.get(key);
			if (p !== undefined && slot[p] < 0) slot[p] = index;
			else rest.push({ index, value: resolved && key === undefined ? undefined : this.unread });
		});
		return { keys, proto: Object.getPrototypeOf(json), slot, rest };
	}
}
