/**
 * "Is blank": how an empty spreadsheet cell or form field arrives. The one definition every reader uses
 * (domain parsers and node adapters alike).
 */

/** True for `undefined`, `null` and text that is empty or only white space; false for everything else (0, false, []). */
export function isBlank(value: unknown): boolean {
	return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}
