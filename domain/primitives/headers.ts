/**
 * Column names as spreadsheets and CSV exports really deliver them (DOMAIN.md "Data as it really arrives";
 * issue 11 §1): a byte-order mark in front of the first header ("UTF-8 with BOM"), zero-width characters,
 * non-breaking or repeated spaces, leading/trailing blanks, another letter case.
 *
 * Rule: a configured field name finds its column by exact match first; otherwise by a normalised match
 * (`normaliseHeader`); two columns that normalise to the same name are a configuration error naming both;
 * no match gives the closest existing column as a suggestion. Pure: no n8n, no I/O.
 */
import { ConfigurationError } from './errors';

/** BOM, zero-width space/joiners, word joiner, soft hyphen: characters that print as nothing. */
const INVISIBLE = /[\uFEFF\u200B-\u200D\u2060\u00AD]/g;
/** Any run of whitespace, including NBSP (U+00A0), narrow NBSP (U+202F) and figure space (U+2007). */
const SPACES = /[\s\u00A0\u2007\u202F]+/g;

/** The name a header is compared by: invisible characters removed, spaces collapsed and trimmed, lower case. */
export function normaliseHeader(name: string): string {
	return name.replace(INVISIBLE, '').replace(SPACES, ' ').trim().toLowerCase();
}

/** Write a column name so invisible characters show: `<U+FEFF>leerling`, `school<NBSP>naam`. */
export function visibleHeader(name: string): string {
	let out = '';
	for (const ch of name) {
		const code = ch.codePointAt(0)!;
		if (ch === '\u00A0') out += '<NBSP>';
		else if (/[\uFEFF\u200B-\u200D\u2060\u00AD\u2007\u202F]/.test(ch) || code < 0x20) out += `<U+${code.toString(16).toUpperCase().padStart(4, '0')}>`;
		else out += ch;
	}
	return out;
}

/** Two or more columns normalise to the configured name and none matches it exactly. */
export class AmbiguousColumnError extends ConfigurationError {
	readonly columns: string[];
	constructor(field: string, columns: string[]) {
		super(
			'ambiguous_column',
			`Field "${field}" matches ${columns.length} columns that differ only in invisible characters, spaces or letter case: ${columns.map((c) => `"${visibleHeader(c)}"`).join(' and ')}`,
			{ field, hint: 'Rename or remove one of these columns (e.g. in the spreadsheet or with an Edit Fields node), or give the field name exactly as one of them is written.' },
		);
		this.name = 'AmbiguousColumnError';
		this.columns = columns;
	}
}

export type ColumnMatch =
	| { kind: 'exact'; key: string }
	| { kind: 'normalised'; key: string }
	| { kind: 'missing' };

/**
 * Find the column for `field` among `keys`.
 * @throws AmbiguousColumnError when no key is exactly `field` and several normalise to it
 */
export function resolveColumn(field: string, keys: readonly string[]): ColumnMatch {
	if (keys.includes(field)) return { kind: 'exact', key: field };
	const wanted = normaliseHeader(field);
	const found = keys.filter((k) => normaliseHeader(k) === wanted);
	if (found.length === 1) return { kind: 'normalised', key: found[0] };
	if (found.length > 1) throw new AmbiguousColumnError(field, found);
	return { kind: 'missing' };
}

function editDistance(a: string, b: string): number {
	const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
	for (let i = 1; i <= a.length; i++) {
		let diag = prev[0];
		prev[0] = i;
		for (let j = 1; j <= b.length; j++) {
			const up = prev[j];
			prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
			diag = up;
		}
	}
	return prev[b.length];
}

/**
 * The existing column closest to `field` (edit distance on normalised names, at most a third of the
 * name's length, or a column that contains the name or is contained in it); undefined when none is close.
 */
export function closestColumn(field: string, keys: readonly string[]): string | undefined {
	const wanted = normaliseHeader(field);
	if (wanted === '') return undefined;
	let best: { key: string; score: number } | undefined;
	for (const key of keys) {
		const k = normaliseHeader(key);
		// a "column name" with a long digit run may be data (a headerless file): never suggested, never echoed
		if (k === '' || /\d{7,}/.test(k)) continue;
		let score = editDistance(wanted, k);
		if (score > Math.max(2, Math.floor(wanted.length / 3)) && (k.includes(wanted) || wanted.includes(k))) score = Math.max(2, Math.floor(wanted.length / 3));
		if (score <= Math.max(2, Math.floor(wanted.length / 3)) && (!best || score < best.score)) best = { key, score };
	}
	return best?.key;
}
