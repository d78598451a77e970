/**
 * The one grammar for municipality lists in node settings (issue 22 §4): Toeleiding Triage's and
 * Cross-Region Settlement's *Participating Municipalities*, Settlement's *Financing Municipality*, Triage's
 * *Access Team Contacts → Municipality*. Pure: no n8n, no I/O.
 *
 * Grammar (docs/data-as-it-arrives.md "Municipality lists in settings"):
 *
 *     list      = entry *( separator entry )
 *     separator = line break / ";" / ","      ; a comma only where it does not continue a name (below)
 *     entry     = code / name / code name / name "(" code ")"
 *     code      = ["GM"] 1*4DIGIT                ; CBS gemeentecode: 0820, 820, GM0820
 *     name      = a municipality's name as CBS registers it (case, accents, punctuation ignored), a common
 *                 alias (Den Haag) or a former municipality since 2015 (counts as its successor)
 *
 * A comma inside an official name does not split it: the pieces around a comma are joined again whenever
 * together they name one municipality, the longest such join first. So `Nuenen, Gerwen en Nederwetten`
 * (0820) and `0820 Nuenen, Gerwen en Nederwetten` are one entry, and `Nuenen, Eindhoven` are two.
 * Line breaks and semicolons always separate. In `code name` the code and the name must name the same
 * municipality. Municipality names are public, not personal data: an error names the entry as written and
 * says how to write it.
 */
import { ConfigurationError, InvalidFieldError } from '../primitives/errors';
import { stripInvisible } from '../primitives/identifier';
import { isCbsCode, type Municipality, type MunicipalityRegistry } from './registry';

/** How to write a list, for every error about one. */
export const MUNICIPALITY_LIST_HINT =
	'Write one municipality per line, or separate them with ";" or ","; each as a CBS code (0820 or GM0820), a name as CBS registers it (Nuenen, Gerwen en Nederwetten) or both (0820 Nuenen, Gerwen en Nederwetten).';

/** At most this many characters of an entry are shown in an error. */
const SHOWN = 60;

/** An entry of a municipality list setting cannot be read. */
export class MunicipalityListError extends ConfigurationError {
	/**
	 * @param setting the setting's label as the node shows it (`Participating Municipalities`)
	 * @param position the entry's position in the list, from 1
	 * @param entry the entry as written (public: a municipality name or code)
	 * @param reason what is wrong with it
	 */
	constructor(setting: string, position: number, entry: string, reason: string) {
		const shown = entry.length > SHOWN ? `${entry.slice(0, SHOWN)}…` : entry;
		super('invalid_municipality_list', `"${setting}": entry ${position} "${shown}" ${reason}`, { field: setting, hint: MUNICIPALITY_LIST_HINT });
		this.name = 'MunicipalityListError';
	}
}

/** `0820 Nuenen…`, `GM0820 - Nuenen…`, `0820: Nuenen…`: a code, then a name. */
const CODE_NAME = /^(?:GM)?(\d{1,4})\s*[-–:]?\s+(.*\S)$/i;
/** `Nuenen… (0820)`: a name, then its code in brackets. */
const NAME_CODE = /^(.*\S)\s*\(\s*(?:GM)?(\d{1,4})\s*\)$/i;

/** An entry's municipality, or the reason it has none (never throws). */
function resolveEntry(entry: string, registry: MunicipalityRegistry): Municipality | string {
	const tryResolve = (value: string): Municipality | string => {
		const found = registry.find(value);
		if (found) return found;
		const former = registry.findFormer(value);
		if (former?.kind === 'successor') return former.municipality;
		if (former?.kind === 'split') return `names ${former.former.name} (${former.former.code}), which was divided over ${former.successors.map((m) => `${m.name} (${m.code})`).join(', ')}: list the successor(s) instead`;
		const suggestion = registry.suggest(value);
		return `is not a known municipality${suggestion ? ` (did you mean ${suggestion.name}, ${suggestion.code}?)` : ''}`;
	};
	const whole = tryResolve(entry);
	if (typeof whole !== 'string') return whole;
	const codeName = CODE_NAME.exec(entry);
	const nameCode = codeName ? null : NAME_CODE.exec(entry);
	if (!codeName && !nameCode) return whole;
	const code = codeName ? codeName[1] : nameCode![2];
	const name = codeName ? codeName[2] : nameCode![1];
	const byCode = tryResolve(code);
	if (typeof byCode === 'string') return `has the code ${code}, which ${byCode}`;
	const byName = tryResolve(name);
	if (typeof byName === 'string') return `has a name that ${byName}`;
	if (byName.code !== byCode.code) return `gives the code ${code} (${byCode.name}) and the name of ${byName.name} (${byName.code}): they must name the same municipality`;
	return byCode;
}

/** Whether `text` names one municipality as a whole (a join of comma pieces is kept only then). */
function namesOne(text: string, registry: MunicipalityRegistry): boolean {
	return typeof resolveEntry(text, registry) !== 'string';
}

/**
 * Split a list setting into its entries by the grammar above (comma pieces joined again where together they
 * name one municipality). Empty entries are dropped; every entry is cleaned by the one identifier rule.
 */
export function splitMunicipalityList(value: unknown, registry: MunicipalityRegistry): string[] {
	if (value === undefined || value === null) return [];
	const texts = Array.isArray(value) ? value.map(String) : [String(value)];
	const entries: string[] = [];
	for (const text of texts) {
		for (const line of text.split(/\r?\n|;/)) {
			const pieces = line.split(',').map(stripInvisible);
			for (let i = 0; i < pieces.length; i++) {
				if (pieces[i] === '') continue;
				let end = i;
				// the longest join of this piece and the next ones that names one municipality (at most 3 commas)
				for (let j = Math.min(pieces.length - 1, i + 3); j > i; j--) {
					if (pieces.slice(i + 1, j + 1).some((p) => p === '')) continue;
					if (namesOne(pieces.slice(i, j + 1).join(', '), registry)) {
						end = j;
						break;
					}
				}
				entries.push(pieces.slice(i, end + 1).join(', '));
				i = end;
			}
		}
	}
	return entries;
}

/**
 * Read a municipality list setting.
 * @param setting the setting's label as the node shows it, for errors
 * @returns the municipalities in order, duplicates (the same code) removed
 * @throws MunicipalityListError naming the entry, its position and what is wrong (a ConfigurationError:
 *   the run stops whatever On Error says)
 */
export function parseMunicipalityList(value: unknown, registry: MunicipalityRegistry, setting: string): Municipality[] {
	const seen = new Set<string>();
	const out: Municipality[] = [];
	splitMunicipalityList(value, registry).forEach((entry, i) => {
		const m = resolveEntry(entry, registry);
		if (typeof m === 'string') throw new MunicipalityListError(setting, i + 1, entry, m);
		if (seen.has(m.code)) return;
		seen.add(m.code);
		out.push(m);
	});
	return out;
}

/**
 * Read a setting that holds one municipality (by the same entry grammar); undefined when empty.
 * @throws MunicipalityListError naming the entry when it is not one municipality
 */
export function parseMunicipalitySetting(value: unknown, registry: MunicipalityRegistry, setting: string): Municipality | undefined {
	const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? stripInvisible(value) : '';
	if (text === '') return undefined;
	const m = resolveEntry(text, registry);
	if (typeof m === 'string') throw new MunicipalityListError(setting, 1, text, m);
	return m;
}

/**
 * The code an entry of a member list stands for: a discontinued municipality keeps its own code (not its
 * successor's), so the policy can ask what a merger means for the membership (`mergedMembers`,
 * domain/policies/timeline.ts) instead of widening it to the whole successor.
 */
export function memberCode(m: Municipality): string {
	return m.formerly?.code ?? m.code;
}

/**
 * Read a list of municipalities a user adds to the CBS list (Record Cleaner's "Extra Municipalities"): one per
 * line as `code;name` (a name may hold ";"); blank lines are skipped.
 * @param setting the setting's label as the node shows it, for errors
 * @throws InvalidFieldError `invalid_municipality_line` naming the line that is not `code;name`
 */
export function parseExtraMunicipalities(text: string | undefined, setting: string): Municipality[] {
	const result: Municipality[] = [];
	for (const [index, raw] of (text ?? '').split(/\r?\n/).entries()) {
		const line = raw.trim();
		if (line === '') continue;
		const [code, ...name] = line.split(';');
		if (!isCbsCode(code) || name.join(';').trim() === '') {
			throw new InvalidFieldError(
				'invalid_municipality_line',
				setting,
				`Line ${index + 1} of "${setting}" is not "code;name"`,
				'Write one municipality per line as its CBS code and name separated by a semicolon, e.g. 9999;Proefgemeente.',
			);
		}
		result.push({ code: code.trim(), name: name.join(';').trim() });
	}
	return result;
}
