/**
 * Municipality registry: resolves what users type (codes in several styles, names with or without
 * diacritics, common aliases) to a CBS gemeentecode.
 */
import { describeValue, InvalidFieldError } from '../errors';
import { GEMEENTEN_2025, MUNICIPALITIES_REFERENCE_DATE, MUNICIPALITIES_SOURCE } from './gemeenten-2025-01-01';

export interface Municipality {
	/** CBS gemeentecode, 4 digits with leading zeros: `0307`. */
	code: string;
	name: string;
	province?: string;
}

export class UnknownMunicipalityError extends InvalidFieldError {
	/** The closest known municipality, when the value looks like a misspelling of one. */
	readonly suggestion?: Municipality;

	constructor(field: string, value: unknown, suggestion?: Municipality) {
		super(
			'unknown_municipality',
			field,
			`Field "${field}" does not name a known municipality: received ${describeMunicipalityValue(value, suggestion)}` +
				(suggestion ? ` (did you mean ${suggestion.name}, ${suggestion.code}?)` : ''),
			`Use a CBS gemeentecode (0307, 307 or GM0307) or the municipality's name as registered by CBS on ${MUNICIPALITIES_REFERENCE_DATE}; add municipalities that are missing under the node's municipality list option.`,
		);
		this.name = 'UnknownMunicipalityError';
		this.suggestion = suggestion;
	}
}

const CODE_LIKE = /^\s*(GM)?\d{1,4}\s*$/i;

/**
 * Name the value where that is safe: code-like values (`9999`, `GM9999`) always, and names that are a
 * misspelling of a known municipality. Any other text could be something else in a shifted column —
 * a pupil's name — so it is described, not echoed.
 */
function describeMunicipalityValue(value: unknown, suggestion: Municipality | undefined): string {
	if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < 10000) return `the number ${value}`;
	if (typeof value === 'string' && (CODE_LIKE.test(value) || suggestion !== undefined)) return `"${value.trim()}"`;
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
}

const CODE = /^(?:GM)?(\d{1,4})$/i;

export class MunicipalityRegistry {
	private readonly byCode = new Map<string, Municipality>();
	private readonly byName = new Map<string, string>();
	readonly source: string;
	readonly referenceDate: string;

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
	}

	private add(m: Municipality): void {
		const code = normaliseCode(m.code);
		if (code === undefined) throw new UnknownMunicipalityError('municipalities', m.code);
		const entry = { ...m, code };
		this.byCode.set(code, entry);
		this.byName.set(foldName(m.name), code);
	}

	get size(): number {
		return this.byCode.size;
	}

	all(): Municipality[] {
		return [...this.byCode.values()];
	}

	/** Find a municipality by code or name, or `undefined`. */
	find(value: unknown): Municipality | undefined {
		if (typeof value === 'number' && Number.isInteger(value)) value = String(value);
		if (typeof value !== 'string') return undefined;
		const s = value.trim();
		if (s === '') return undefined;
		const code = normaliseCode(s);
		if (code !== undefined) return this.byCode.get(code);
		const byName = this.byName.get(foldName(s));
		return byName === undefined ? undefined : this.byCode.get(byName);
	}

	/**
	 * Resolve a value to a municipality, or throw an error naming the field — and the value where that is
	 * safe (a code, or a misspelt municipality name, with a suggestion).
	 */
	resolve(value: unknown, field: string): Municipality {
		const found = this.find(value);
		if (!found) throw new UnknownMunicipalityError(field, value, this.suggest(value));
		return found;
	}

	/** The known municipality whose name is closest to `value` (at most 2 edits, or 1 for short names). */
	suggest(value: unknown): Municipality | undefined {
		if (typeof value !== 'string') return undefined;
		const folded = foldName(value);
		if (folded.length < 3 || /\d/.test(folded)) return undefined;
		const max = folded.length <= 5 ? 1 : 2;
		let best: { code: string; distance: number } | undefined;
		for (const [name, code] of this.byName) {
			const distance = editDistance(folded, name, max);
			if (distance <= max && (best === undefined || distance < best.distance)) best = { code, distance };
		}
		return best ? this.byCode.get(best.code) : undefined;
	}

	has(code: string): boolean {
		const c = normaliseCode(code);
		return c !== undefined && this.byCode.has(c);
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
