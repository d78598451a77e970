/**
 * E-mail address lists as cells and parameters hold them (issue 15 §3, issue 22 §3), read the way mail
 * clients read an RFC 5322 address list: one cell may hold several addresses separated by `;`, `,`, spaces or
 * line breaks, each bare or with a display name — `Jan de Vries <jan@school.example>`, a quoted name with
 * commas `"Vries, Jan de" <jan@school.example>`, or a comment `jan@school.example (Jan)` — of which only the
 * address is kept; a `mailto:` link (`mailto:jan@school.example`, `<mailto:…?subject=…>`) is its address;
 * characters that print as nothing (format characters, NBSP) are removed. The domain is written in lower
 * case (domains are case-insensitive), the local part as given. Every node reads them with `parseAddressList`:
 * each address is validated against what n8n's Send Email, Gmail and Outlook nodes accept (a dot-atom local
 * part of RFC 5322 `atext`, `@`, a domain of two or more labels; no quoted local parts, IP literals or
 * comments inside the address), duplicates are removed case-insensitively (the first spelling is kept), and
 * the result is both an array and one comma-separated text, the form those nodes split on.
 * Pure: no n8n, no I/O.
 */
import { describeValue, InvalidFieldError } from './errors';

/** RFC 5322 `atext`: the characters of a dot-atom local part. */
const ATEXT = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]";
/** A domain label: letters or digits (any script), hyphens inside. */
const LABEL = '[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?';
/** One address as the mail nodes accept it: dot-atom local part (at most 64), @, at least two domain labels. */
const EMAIL = new RegExp(`^(?=.{1,64}@)(${ATEXT}+(?:\\.${ATEXT}+)*)@((?:${LABEL}\\.)+${LABEL})$`, 'u');
/** Characters that print as nothing (Cf: zero-width space, soft hyphen, BOM…) and non-breaking spaces. */
const INVISIBLE = /\p{Cf}/gu;
const NBSP = /[\u00A0\u2007\u202F]/g;
/** An RFC 5322 comment, `(…)`, with escaped characters inside. */
const COMMENT = /\((?:[^()\\]|\\.)*\)/g;
const MAILTO = /^mailto:/i;

export interface AddressList {
	/** The addresses in order of first appearance, duplicates (case-insensitive) removed. */
	addresses: string[];
	/** `a@x.nl, b@y.nl` — what n8n's mail nodes accept in their To field. */
	text: string;
}

export class InvalidEmailError extends InvalidFieldError {
	constructor(field: string, position: number, count: number) {
		super(
			'invalid_email',
			field,
			count > 1
				? `Field "${field}" holds ${count} entries; entry ${position} is not an e-mail address`
				: `Field "${field}" is not an e-mail address`,
			'Give one or more e-mail addresses such as zorgteam@school.example, separated by ";", "," or a line break.',
		);
		this.name = 'InvalidEmailError';
	}
}

/** A token of an address cell: `<address>`, a separator, or a word. */
const TOKEN = /<([^<>]*)>|[;,]|[^\s<>;,]+/g;
/** A quoted display name directly before `<address>` (`"Vries, Jan de" <jan@x.nl>`), with escapes (`\"`). */
const QUOTED_NAME = /"(?:[^"\\]|\\.)*"\s*(?=<)/g;

/**
 * Split one text into its entries. `Name <address>` keeps only the address: words without `@` directly
 * before an `<address>` are its display name and dropped; other words are entries of their own.
 */
function splitText(text: string, out: string[]): void {
	let pending: string[] = [];
	const flush = () => {
		out.push(...pending);
		pending = [];
	};
	const plain = text.replace(INVISIBLE, '').replace(NBSP, ' ').replace(QUOTED_NAME, ' ').replace(COMMENT, ' ');
	for (const m of plain.matchAll(TOKEN)) {
		if (m[1] !== undefined) {
			pending = []; // the display name of this address
			out.push(m[1].trim());
		} else if (m[0] === ';' || m[0] === ',') {
			flush();
		} else if (m[0].includes('@')) {
			flush();
			out.push(m[0]);
		} else {
			pending.push(m[0]);
		}
	}
	flush();
}

/** Split a cell into its entries (no validation). */
export function splitAddresses(value: unknown): string[] {
	if (value === undefined || value === null) return [];
	const values = Array.isArray(value) ? value : [value];
	const out: string[] = [];
	for (const v of values) {
		if (v === undefined || v === null) continue;
		if (typeof v !== 'string') {
			out.push(String(v));
			continue;
		}
		splitText(v, out);
	}
	return out;
}

/**
 * Read an address list. Empty input gives an empty list.
 * @param field the user's name for the field, used in the error
 * @throws InvalidEmailError naming the field and the position of the first entry that is not an address
 *   (the entry itself is never echoed: it may be a name)
 */
export function parseAddressList(value: unknown, field: string): AddressList {
	if (value !== undefined && value !== null && typeof value !== 'string' && !Array.isArray(value)) {
		throw new InvalidFieldError('invalid_email', field, `Field "${field}" is not an e-mail address: received ${describeValue(value)}`, 'Give one or more e-mail addresses separated by ";" or ",".');
	}
	const entries = splitAddresses(value);
	const seen = new Set<string>();
	const addresses: string[] = [];
	entries.forEach((entry, i) => {
		const address = normaliseAddress(entry);
		if (address === undefined) throw new InvalidEmailError(field, i + 1, entries.length);
		const key = address.toLowerCase();
		if (seen.has(key)) return;
		seen.add(key);
		addresses.push(address);
	});
	return { addresses, text: addresses.join(', ') };
}

/**
 * One entry as the mail nodes get it: a `mailto:` link reduced to its address (query dropped, `%40`
 * decoded), the domain in lower case, the local part as written. Undefined when it is not an address.
 */
export function normaliseAddress(entry: string): string | undefined {
	let s = entry.trim();
	if (MAILTO.test(s)) {
		s = s.replace(MAILTO, '').split('?')[0];
		try {
			s = decodeURIComponent(s);
		} catch {
			return undefined;
		}
	}
	const m = EMAIL.exec(s);
	return m ? `${m[1]}@${m[2].toLowerCase()}` : undefined;
}

/** Merge several lists into one, duplicates (case-insensitive) removed, first spelling kept. */
export function mergeAddressLists(lists: ReadonlyArray<AddressList | readonly string[]>): AddressList {
	const seen = new Set<string>();
	const addresses: string[] = [];
	for (const l of lists) {
		for (const a of Array.isArray(l) ? (l as readonly string[]) : (l as AddressList).addresses) {
			const key = a.toLowerCase();
			if (seen.has(key)) continue;
			seen.add(key);
			addresses.push(a);
		}
	}
	return { addresses, text: addresses.join(', ') };
}
