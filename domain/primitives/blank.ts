/**
 * "Is blank": how an empty spreadsheet cell or form field arrives. The one definition every reader uses
 * (domain parsers and node adapters alike).
 */

/** Only white space and format characters (Cf: zero-width space, word joiner, soft hyphen…; see identifier.ts). */
const INVISIBLE_ONLY = /^[\s\p{Cf}]*$/u;

/**
 * True for `undefined`, `null` and text that is empty or only white space (NBSP included) and characters that
 * print as nothing (a cell holding only a zero-width space); false for everything else (0, false, []).
 */
export function isBlank(value: unknown): boolean {
	if (value === undefined || value === null) return true;
	if (typeof value !== 'string') return false;
	const t = value.trim();
	return t === '' || (t.charCodeAt(0) > 0x7f && INVISIBLE_ONLY.test(t));
}
