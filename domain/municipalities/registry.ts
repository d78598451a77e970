/**
 * Municipality registry: resolves what users type (codes in several styles, names with or without
 * diacritics, common aliases) to a CBS gemeentecode. Codes and names of municipalities discontinued since
 * 1 January 2015 (gemeentelijke herindelingen, `former-municipalities.ts`) resolve to their legal successor.
 */
import { describeValue, InvalidFieldError } from '../primitives/errors';
import { exportedInteger, stripInvisible } from '../primitives/identifier';
import { GEMEENTEN_2025, MUNICIPALITIES_COMPLETE_UNTIL, MUNICIPALITIES_REFERENCE_DATE, MUNICIPALITIES_SOURCE } from './gemeenten-2025-01-01';
import { FORMER_MUNICIPALITIES, type FormerFate, type FormerMunicipalityRow } from './former-municipalities';
import type { Language } from '../primitives/language';

export interface Municipality {
	/** CBS gemeentecode, 4 digits with leading zeros: `0307`. */
	code: string;
	name: string;
	province?: string;
	/**
	 * Set only when the value named a discontinued municipality: the municipality as given, and the note
	 * that explains the succession. The rest of the object is the current (legal) successor.
	 */
	formerly?: FormerReference;
}

/** A discontinued municipality as the input named it, with the succession note (Dutch and English). */
export interface FormerReference {
	code: string;
	name: string;
	/** First day it no longer existed, ISO `YYYY-MM-DD`. */
	ended: string;
	fate: FormerFate;
	/** Intermediate municipalities of a chain (merged twice), oldest first; empty when direct. */
	via: Array<{ code: string; name: string }>;
	/** "Weesp (0457) is sinds 24 maart 2022 onderdeel van Amsterdam (0363)" and its English text. */
	note: { nl: string; en: string };
}

const MONTHS = {
	nl: ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'],
	en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
} as const;

/** `2022-03-24` → `24 maart 2022` / `24 March 2022`. */
export function formatLongDate(iso: string, language: Language): string {
	const [y, m, d] = iso.split('-').map(Number);
	return `${d} ${MONTHS[language][m - 1]} ${y}`;
}

function label(m: { code: string; name: string }): string {
	return `${m.name} (${m.code})`;
}

function joinList(items: string[], language: Language): string {
	if (items.length <= 1) return items.join('');
	return `${items.slice(0, -1).join(', ')} ${language === 'nl' ? 'en' : 'and'} ${items[items.length - 1]}`;
}

/** The succession note, e.g. "Weesp (0457) is since 24 March 2022 part of Amsterdam (0363)". */
export function successionNote(
	former: { code: string; name: string; ended: string; fate: FormerFate },
	successor: { code: string; name: string },
	via: Array<{ code: string; name: string }>,
	language: Language,
): string {
	const date = formatLongDate(former.ended, language);
	const main =
		former.fate === 'renamed'
			? language === 'nl'
				? `${label(former)} heet sinds ${date} ${label(successor)}`
				: `${label(former)} is since ${date} named ${label(successor)}`
			: language === 'nl'
				? `${label(former)} is sinds ${date} onderdeel van ${label(successor)}`
				: `${label(former)} is since ${date} part of ${label(successor)}`;
	return via.length === 0 ? main : `${main}, via ${joinList(via.map(label), language)}`;
}

/**
 * A split municipality cannot be resolved: which successor is responsible depends on where the pupil
 * lives now. The message names the municipality, the date and every successor (all public names).
 */
export class SplitMunicipalityError extends InvalidFieldError {
	readonly former: { code: string; name: string; ended: string };
	readonly successors: Municipality[];

	/**
	 * @param subject what the value describes: a pupil's residence (default), or the municipality an
	 * invoice is addressed to / sent by (Reconcile Invoices), which gets its own hint.
	 */
	constructor(field: string, former: { code: string; name: string; ended: string }, successors: Municipality[], subject: 'residence' | 'invoice' = 'residence') {
		const codes = successors.map((s) => s.code).join(', ');
		super(
			'split_municipality',
			field,
			`Field "${field}" names ${label(former)}, which no longer exists: since ${formatLongDate(former.ended, 'en')} it is divided over ${joinList(successors.map(label), 'en')}`,
			subject === 'invoice'
				? `An invoice cannot be matched to a municipality that was split: correct the municipality on the invoice row to the successor that sent it (${joinList(successors.map(label), 'en')}).`
				: `Fill in the municipality where the pupil lives now (one of ${codes}, or another if the pupil moved); the old municipality does not say which successor is responsible.`,
		);
		this.name = 'SplitMunicipalityError';
		this.former = former;
		this.successors = successors;
	}
}

/** How a discontinued municipality resolves: to one current successor, or (split) to several. */
export type FormerResolution = { kind: 'successor'; municipality: Municipality } | { kind: 'split'; former: { code: string; name: string; ended: string }; successors: Municipality[] };

/** Well-known short or alternative names of discontinued municipalities. Keys are folded. */
export const FORMER_ALIASES: Readonly<Record<string, string>> = {
	haarlemmerliede: '0393', // Haarlemmerliede en Spaarnwoude
	kollumerland: '0079', // Kollumerland en Nieuwkruisland
	millingen: '0265', // Millingen aan de Rijn
	stoedenrode: '0846', // Sint-Oedenrode
	stanthonis: '1702', // Sint Anthonis
	mill: '0815', // Mill en Sint Hubert
	friesemeren: '1921', // De Friese Meren
	bildt: '0063', // het Bildt
	hoogezand: '0018', // Hoogezand-Sappemeer
};

/**
 * A suggestion for a misspelt name. A municipality that no longer exists is only ever proposed with
 * `noLongerExists`: the succession note that says so (issue 21: "did you mean Haren, 0017?" for Laren).
 */
export interface Suggestion extends Municipality {
	/** Set when the suggested municipality no longer exists: e.g. "Haren (0017) is since 1 January 2019 part of Groningen (0014)". */
	noLongerExists?: string;
}

function suggestionText(s: Suggestion): string {
	return s.noLongerExists === undefined ? ` (did you mean ${s.name}, ${s.code}?)` : ` (did you mean ${s.name}, ${s.code}? That municipality no longer exists: ${s.noLongerExists})`;
}

export class UnknownMunicipalityError extends InvalidFieldError {
	/** The closest known municipality, when the value looks like a misspelling of one. */
	readonly suggestion?: Suggestion;

	constructor(field: string, value: unknown, suggestion?: Suggestion) {
		super(
			'unknown_municipality',
			field,
			`Field "${field}" does not name a known municipality: received ${describeMunicipalityValue(value, suggestion)}` + (suggestion ? suggestionText(suggestion) : ''),
			`Use a CBS gemeentecode (0307, 307 or GM0307) or the municipality's name as registered by CBS on ${MUNICIPALITIES_REFERENCE_DATE}; add municipalities that are missing under the node's municipality list option.`,
		);
		this.name = 'UnknownMunicipalityError';
		this.suggestion = suggestion;
	}
}

/**
 * A name without its province suffix that more than one current municipality has ("Bergen": Bergen (L.)
 * and Bergen (NH.)). The message names every candidate (public names and codes, never other input).
 */
export class AmbiguousMunicipalityError extends InvalidFieldError {
	readonly candidates: Municipality[];

	constructor(field: string, candidates: Municipality[]) {
		const names = candidates.map(label);
		super(
			'ambiguous_municipality',
			field,
			`Field "${field}" names more than one municipality: ${joinList(names, 'en')} (CBS writes these names with their province)`,
			`Write the name as CBS does (${joinList(candidates.map((c) => `"${c.name}"`), 'en').replace(/ and /, ' or ')}) or use the code (${candidates.map((c) => c.code).join(' or ')}).`,
		);
		this.name = 'AmbiguousMunicipalityError';
		this.candidates = candidates;
	}
}

/** CBS's province suffix of a municipality name: `Laren (NH.)` → `Laren`, `Beek (L.)` → `Beek`. */
const PROVINCE_SUFFIX = /\s*\([A-Za-z]{1,3}\.\)\s*$/;

/** The name without CBS's province suffix (the name itself when it has none). */
export function withoutProvinceSuffix(name: string): string {
	return name.replace(PROVINCE_SUFFIX, '');
}

/** A CBS gemeentecode as users write it: 1–4 digits, optionally after "GM" (any case). The one pattern; group 1 = the digits. */
const CBS_CODE = '(?:GM)?(\\d{1,4})';
const CODE = new RegExp(`^${CBS_CODE}$`, 'i');
const CODE_LIKE = new RegExp(`^\\s*${CBS_CODE}\\s*$`, 'i');
const LEADING_CODE = new RegExp(`^${CBS_CODE}(?=\\s|\\(|$)`, 'i');

/** Whether `text` is a CBS gemeentecode (`0307`, `307`, `GM0307`; spaces around allowed). */
export function isCbsCode(text: string): boolean {
	return CODE_LIKE.test(text);
}

/** The digits of the CBS code `text` starts with (`0307 Amersfoort` → `0307`, `GM0307 (Amersfoort)` → `0307`); undefined when it starts with none. */
export function leadingCbsCode(text: string): string | undefined {
	return LEADING_CODE.exec(text.trim())?.[1];
}

/**
 * Name the value where that is safe: code-like values (`9999`, `GM9999`) always, and names that are a
 * misspelling of a known municipality. Any other text could be something else in a shifted column —
 * a pupil's name — so it is described, not echoed.
 */
function describeMunicipalityValue(value: unknown, suggestion: Suggestion | undefined): string {
	if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < 10000) return `the number ${value}`;
	if (typeof value === 'string' && (CODE_LIKE.test(stripInvisible(value)) || suggestion !== undefined)) return `"${stripInvisible(value)}"`;
	return describeValue(value);
}

/** Edit distance (insertions, deletions, substitutions), stopping early above `max`. */
function editDistance(a: string, b: string, max: number): number {
	if (Math.abs(a.length - b.length) > max) return max + 1;
	let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
	for (let i = 1; i <= a.length; i++) {
		const current = [i];
		let rowMin = i;
		for (let j = 1; j <= b.length; j++) {
			current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
			rowMin = Math.min(rowMin, current[j]);
		}
		if (rowMin > max) return max + 1;
		previous = current;
	}
	return previous[b.length];
}

/** Fold case, diacritics, punctuation and spacing: `Súdwest-Fryslân` → `sudwestfryslan`. */
export function foldName(name: string): string {
	return name
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]/g, '');
}

/** Well-known names that differ from the CBS spelling. Keys are folded. */
export const DEFAULT_ALIASES: Readonly<Record<string, string>> = {
	denhaag: '0518', // 's-Gravenhage
	thehague: '0518',
	sgravenhage: '0518',
	denbosch: '0796', // 's-Hertogenbosch
	hertogenbosch: '0796',
	shertogenbosch: '0796',
	hengelo: '0164', // Hengelo (O.)
	hengeloo: '0164',
	hengeloov: '0164',
	bergenl: '0893', // Bergen (L.)
	bergenlimburg: '0893',
	bergennh: '0373', // Bergen (NH.)
	bergennoordholland: '0373',
	sudwestfryslan: '1900',
	zuidwestfriesland: '1900',
	dantumadiel: '1891',
	dantumadeel: '1891',
	nuenen: '0820', // Nuenen, Gerwen en Nederwetten
	hofvantwente: '1735',
};

export interface RegistryOptions {
	/** Extra or replacement municipalities. */
	municipalities?: Municipality[];
	/** `extend` (default) adds to the CBS list, overriding codes it already has; `replace` uses only the given list. */
	mode?: 'extend' | 'replace';
	/** Extra aliases: any name → gemeentecode. */
	aliases?: Record<string, string>;
	/**
	 * Resolve codes and names of municipalities discontinued since 2015 to their successor (default: on,
	 * except in `replace` mode, where the successors may not be in the user's list).
	 */
	history?: boolean;
	/** The table of discontinued municipalities (default: `FORMER_MUNICIPALITIES`); for tests. */
	formerMunicipalities?: readonly FormerMunicipalityRow[];
	/**
	 * The last day (ISO) the registry is known to describe every municipality (default:
	 * `MUNICIPALITIES_COMPLETE_UNTIL`); later dates get a notice. A registry built from another table passes its own.
	 */
	completeUntil?: string;
}


export class MunicipalityRegistry {
	private readonly byCode = new Map<string, Municipality>();
	private readonly byName = new Map<string, string>();
	private readonly formerByCode = new Map<string, FormerResolution>();
	private readonly formerByName = new Map<string, string>();
	/** Current names without CBS's province suffix (folded) → the codes of the municipalities with that name. */
	private readonly byBaseName = new Map<string, string[]>();
	/** Current code → the discontinued municipalities it succeeded (one successor each), for `coveredBy`. */
	private readonly predecessors = new Map<string, Array<{ code: string; name: string; ended: string }>>();
	readonly source: string;
	readonly referenceDate: string;
	/** The last day (ISO) the registry is known to be complete: municipal changes after it are not in it. */
	readonly completeUntil: string;

	constructor(options: RegistryOptions = {}) {
		const base: Municipality[] =
			options.mode === 'replace' ? [] : GEMEENTEN_2025.map(([code, name, province]) => ({ code, name, province }));
		for (const m of [...base, ...(options.municipalities ?? [])]) this.add(m);
		if (options.mode !== 'replace') {
			for (const [alias, code] of Object.entries(DEFAULT_ALIASES)) {
				if (this.byCode.has(code) && !this.byName.has(alias)) this.byName.set(alias, code);
			}
		}
		for (const [alias, code] of Object.entries(options.aliases ?? {})) {
			const normalised = normaliseCode(code);
			if (normalised === undefined || !this.byCode.has(normalised)) {
				throw new UnknownMunicipalityError('aliases', code);
			}
			this.byName.set(foldName(alias), normalised);
		}
		this.source = options.mode === 'replace' ? 'user-supplied list' : MUNICIPALITIES_SOURCE + (options.municipalities?.length ? ' plus a user-supplied list' : '');
		this.referenceDate = MUNICIPALITIES_REFERENCE_DATE;
		this.completeUntil = options.completeUntil ?? MUNICIPALITIES_COMPLETE_UNTIL;
		if (options.history ?? options.mode !== 'replace') this.addHistory(options.formerMunicipalities ?? FORMER_MUNICIPALITIES, options.mode !== 'replace');
	}

	/**
	 * Index the discontinued municipalities, each resolved once to its current successor(s) here, so that
	 * resolving a former code costs one map lookup. Codes and names of current municipalities win.
	 * With a replaced list (`strict` false), a row whose successors are not in that list is left out.
	 * @throws Error when the table has a cycle, or (strict) a successor that is neither current nor in the table
	 */
	private addHistory(rows: readonly FormerMunicipalityRow[], strict: boolean): void {
		const rowByCode = new Map(rows.map((r) => [r[0], r]));
		let incomplete = false;
		const current = (code: string, seen: string[]): { municipality: Municipality; via: Array<{ code: string; name: string }> }[] => {
			const m = this.byCode.get(code);
			if (m) return [{ municipality: m, via: [] }];
			const row = rowByCode.get(code);
			if (!row) {
				if (strict) throw new Error(`former municipality table: successor ${code} is neither a current municipality nor in the table`);
				incomplete = true;
				return [];
			}
			if (seen.includes(code)) throw new Error(`former municipality table: cycle through ${[...seen, code].join(' → ')}`);
			return row[4].flatMap((next) => current(next, [...seen, code]).map((r) => ({ municipality: r.municipality, via: [{ code: row[0], name: row[1] }, ...r.via] })));
		};
		for (const row of rows) {
			const [code, name, ended, fate] = row;
			if (this.byCode.has(code)) continue;
			incomplete = false;
			const targets = row[4].flatMap((next) => current(next, [code]));
			const distinct = [...new Map(targets.map((t) => [t.municipality.code, t])).values()];
			if (incomplete) continue; // a replaced list without (all) its successors: leave this row out
			const former = { code, name, ended };
			if (distinct.length === 1) {
				const { municipality, via } = distinct[0];
				const formerly: FormerReference = Object.freeze({
					...former,
					fate,
					via: Object.freeze(via) as FormerReference['via'],
					note: Object.freeze({ nl: successionNote({ ...former, fate }, municipality, via, 'nl'), en: successionNote({ ...former, fate }, municipality, via, 'en') }),
				});
				this.formerByCode.set(code, { kind: 'successor', municipality: Object.freeze({ ...municipality, formerly }) });
				const list = this.predecessors.get(municipality.code) ?? [];
				list.push({ code, name, ended });
				this.predecessors.set(municipality.code, list);
			} else {
				this.formerByCode.set(code, { kind: 'split', former, successors: distinct.map((t) => t.municipality).sort((a, b) => a.code.localeCompare(b.code)) });
			}
			const folded = foldName(name);
			if (!this.byName.has(folded)) this.formerByName.set(folded, code);
		}
		for (const [alias, code] of Object.entries(FORMER_ALIASES)) {
			if (this.formerByCode.has(code) && !this.byName.has(alias) && !this.formerByName.has(alias)) this.formerByName.set(alias, code);
		}
	}

	private add(m: Municipality): void {
		const code = normaliseCode(m.code);
		if (code === undefined) throw new UnknownMunicipalityError('municipalities', m.code);
		const entry = { ...m, code };
		this.byCode.set(code, entry);
		this.byName.set(foldName(m.name), code);
		const base = withoutProvinceSuffix(m.name);
		if (base !== m.name) {
			const folded = foldName(base);
			const codes = (this.byBaseName.get(folded) ?? []).filter((c) => c !== code);
			this.byBaseName.set(folded, [...codes, code]);
		}
	}

	/** The current municipalities whose name without province suffix is `folded` (those still in the registry). */
	private byBase(folded: string): string[] {
		return (this.byBaseName.get(folded) ?? []).filter((c) => this.byCode.get(c) && foldName(withoutProvinceSuffix(this.byCode.get(c)!.name)) === folded);
	}

	/**
	 * The discontinued municipalities that `code` succeeded (each with one successor), oldest end first:
	 * what a current municipality covers beyond its own former territory.
	 */
	coveredBy(code: string): Array<{ code: string; name: string; ended: string }> {
		return [...(this.predecessors.get(code) ?? [])].sort((a, b) => a.ended.localeCompare(b.ended) || a.code.localeCompare(b.code));
	}

	get size(): number {
		return this.byCode.size;
	}

	all(): Municipality[] {
		return [...this.byCode.values()];
	}

	/** Find a municipality by code or name, or `undefined`. */
	find(value: unknown): Municipality | undefined {
		const s = lookupText(value);
		if (s === undefined) return undefined;
		const code = normaliseCode(s);
		if (code !== undefined) return this.byCode.get(code);
		const folded = foldName(s);
		const byName = this.byName.get(folded);
		if (byName !== undefined) return this.byCode.get(byName);
		// A name without CBS's province suffix: only when one current municipality has it ("Laren" → Laren (NH.)).
		const base = this.byBase(folded);
		return base.length === 1 ? this.byCode.get(base[0]) : undefined;
	}

	/** The current municipalities a name without province suffix could mean, when more than one has it ("Bergen"). */
	ambiguous(value: unknown): Municipality[] {
		if (typeof value !== 'string') return [];
		const base = this.byBase(foldName(value));
		return base.length > 1 ? base.map((c) => this.byCode.get(c)!).sort((a, b) => a.name.localeCompare(b.name)) : [];
	}

	/**
	 * A discontinued municipality (since 2015) named by code or name, resolved to its successor(s); or
	 * `undefined`. Current municipalities are not found here (use `find`).
	 */
	findFormer(value: unknown): FormerResolution | undefined {
		if (this.formerByCode.size === 0) return undefined;
		const s = lookupText(value);
		if (s === undefined) return undefined;
		const code = normaliseCode(s) ?? this.formerByName.get(foldName(s));
		return code === undefined ? undefined : this.formerByCode.get(code);
	}

	/**
	 * Resolve a value to a current municipality, or throw an error naming the field — and the value where
	 * that is safe (a code, or a misspelt municipality name, with a suggestion). A discontinued
	 * municipality resolves to its legal successor, with `formerly` set (code, name, date, note).
	 * A name without CBS's province suffix ("Laren", "Rijswijk") resolves when one current municipality has it.
	 * @throws SplitMunicipalityError when the value names a municipality that was split over several
	 * @throws AmbiguousMunicipalityError when a name without province suffix fits several current municipalities
	 * @throws UnknownMunicipalityError when the value names no municipality, current or discontinued
	 * @param subject what the value describes, for the split hint: a pupil's residence (default) or an invoice's municipality
	 */
	resolve(value: unknown, field: string, subject: 'residence' | 'invoice' = 'residence'): Municipality {
		const found = this.find(value);
		if (found) return found;
		const candidates = this.ambiguous(value);
		if (candidates.length > 0) throw new AmbiguousMunicipalityError(field, candidates);
		const former = this.findFormer(value);
		if (former?.kind === 'successor') return former.municipality;
		if (former?.kind === 'split') throw new SplitMunicipalityError(field, former.former, former.successors, subject);
		throw new UnknownMunicipalityError(field, value, this.suggest(value));
	}

	/**
	 * The known municipality whose name is closest to `value` (at most 2 edits, or 1 for short names),
	 * current (also by its name without province suffix) or discontinued. A current one wins a tie; a
	 * discontinued one is returned as it was named (its own code and name) with `noLongerExists` saying so.
	 */
	suggest(value: unknown): Suggestion | undefined {
		if (typeof value !== 'string') return undefined;
		const folded = foldName(value);
		if (folded.length < 3 || /\d/.test(folded)) return undefined;
		const max = folded.length <= 5 ? 1 : 2;
		let best: { code: string; distance: number; former: boolean } | undefined;
		const consider = (name: string, code: string, former: boolean) => {
			const distance = editDistance(folded, name, max);
			if (distance <= max && (best === undefined || distance < best.distance)) best = { code, distance, former };
		};
		for (const [name, code] of this.byName) consider(name, code, false);
		for (const name of this.byBaseName.keys()) {
			const codes = this.byBase(name);
			if (codes.length === 1) consider(name, codes[0], false);
		}
		for (const [name, code] of this.formerByName) consider(name, code, true);
		const found = best as { code: string; distance: number; former: boolean } | undefined;
		if (!found) return undefined;
		if (!found.former) return this.byCode.get(found.code);
		const r = this.formerByCode.get(found.code);
		if (!r) return undefined;
		if (r.kind === 'split') {
			const f = r.former;
			return { code: f.code, name: f.name, noLongerExists: `since ${formatLongDate(f.ended, 'en')} it is divided over ${joinList(r.successors.map(label), 'en')}` };
		}
		const f = r.municipality.formerly!;
		return { code: f.code, name: f.name, noLongerExists: f.note.en };
	}

	has(code: string): boolean {
		const c = normaliseCode(code);
		return c !== undefined && this.byCode.has(c);
	}
}

/**
 * A value as the registry looks it up, by the one identifier rule (domain/primitives/identifier): format
 * characters (zero-width space, soft hyphen…) removed, spaces collapsed, a float export read as its integer
 * (`307.0` → `307`). Undefined for an empty value or one that is not a text or whole number.
 */
function lookupText(value: unknown): string | undefined {
	if (typeof value === 'number') return Number.isInteger(value) && value >= 0 ? String(value) : undefined;
	if (typeof value !== 'string') return undefined;
	const s = stripInvisible(value);
	if (s === '') return undefined;
	try {
		return exportedInteger(s, 'municipality') ?? s;
	} catch {
		return s; // scientific notation that lost digits: no municipality, an unknown-municipality error follows
	}
}

/** `307`, `0307`, `GM0307` → `0307`; anything else → undefined. */
export function normaliseCode(value: string): string | undefined {
	const m = CODE.exec(value.trim());
	return m ? m[1].padStart(4, '0') : undefined;
}

let defaultRegistry: MunicipalityRegistry | undefined;

/** The CBS list of 1 January 2025 with default aliases (built once). */
export function getDefaultRegistry(): MunicipalityRegistry {
	defaultRegistry ??= new MunicipalityRegistry();
	return defaultRegistry;
}
