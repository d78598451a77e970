/**
 * The columns a node expects in its input, in one place: each column's default name, its label in the
 * node, what it means and whether a run needs it (issue 12, "Column mapping is hidden"). The node's column
 * mapping shows every entry with its default before the first run; the core reads with the names the
 * beheerder kept or changed. Pure data and two pure functions: no n8n import.
 */

/** One column a node reads from each incoming item. */
export interface ExpectedColumn<K extends string = string> {
	/** Key of the column in the node's parameters and in the core's field-name record. */
	key: K;
	/** Label in the node's parameter panel, e.g. "Zorgteam Date". */
	label: string;
	/** The column name used when the beheerder changes nothing, e.g. "zorgteamDate". */
	defaultName: string;
	/** What the column holds and what happens when it is empty (the field's description in the panel). */
	meaning: string;
	/** True when a row without a value is an error or cannot be decided (marked with * in the panel). */
	required: boolean;
}

/** The default name of every column: `{ key: defaultName }`. */
export function defaultColumnNames<K extends string>(columns: ReadonlyArray<ExpectedColumn<K>>): Record<K, string> {
	const names = {} as Record<K, string>;
	for (const c of columns) names[c.key] = c.defaultName;
	return names;
}

/**
 * The column names for one run: what the beheerder entered (trimmed), the default where a value is missing,
 * blank or not text. Keys that are not expected columns are ignored.
 */
export function resolveColumnNames<K extends string>(
	columns: ReadonlyArray<ExpectedColumn<K>>,
	given: Partial<Record<string, unknown>> | undefined,
): Record<K, string> {
	const names = defaultColumnNames(columns);
	for (const c of columns) {
		const value = given?.[c.key];
		if (typeof value === 'string' && value.trim() !== '') names[c.key] = value.trim();
	}
	return names;
}
