/**
 * E-mail address lists as cells and parameters hold them (issue 15 §3): one cell may hold several
 * addresses separated by `;`, `,`, spaces or line breaks, each bare or as `Name <address>` (only the address is kept). Every node reads them with `parseAddressList`:
 * each address is validated, duplicates are removed case-insensitively (the first spelling is kept), and
 * the result is both an array and one comma-separated text, the form n8n's Gmail and Outlook nodes split on.
 * Pure: no n8n, no I/O.
 */
import { describeValue, InvalidFieldError } from './errors';

/** One address: local part, @, a domain with a dot; no spaces, separators or angle brackets. */
const EMAIL = /^[^\s@,;<>()]+@[^\s@,;<>()]+\.[^\s@,;<>()]+$/;

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
/** A quoted display name directly before `<address>` (`"Vries, Jan de" <jan@x.nl>`). */
const QUOTED_NAME = /"[^"]*"\s*(?=<)/g;

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
	for (const m of text.replace(QUOTED_NAME, ' ').matchAll(TOKEN)) {
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
		if (!EMAIL.test(entry)) throw new InvalidEmailError(field, i + 1, entries.length);
		const key = entry.toLowerCase();
		if (seen.has(key)) return;
		seen.add(key);
		addresses.push(entry);
	});
	return { addresses, text: addresses.join(', ') };
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
