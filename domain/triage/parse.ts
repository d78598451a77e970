/**
 * Reading a request as it arrives from a form or spreadsheet: Dutch and English values, blanks, codes
 * and names. Invalid values throw errors that name the user's field and never echo personal data;
 * blank values are simply "not filled in" (the decision lists what is missing).
 */
import { parseAddressList } from '../primitives/addresses';
import { parseBrin } from '../primitives/brin';
import { normaliseBsn } from '../primitives/bsn';
import { parseOptionalCalendarDate } from '../primitives/dates';
import { describeValue, InvalidFieldError } from '../primitives/errors';
import type { MunicipalityRegistry } from '../municipalities';
import { DEFAULT_TRIAGE_COLUMNS } from './columns';
import { NEED_DOMAINS, type NeedDomain, type RequestField, type RiskLevel, type TriageRequest, type ZorgteamDecision } from './types';
import { isBlank } from '../primitives/blank';
import { readIdentifier } from '../primitives/identifier';

export type FieldNames = Record<RequestField, string>;

/** Default column names; labels and meaning in ./columns (the one place). */
export const DEFAULT_FIELD_NAMES: FieldNames = DEFAULT_TRIAGE_COLUMNS;

/** Blank (see `isBlank`) or an empty list (a multi-value field left empty). */
function blank(v: unknown): boolean {
	return isBlank(v) || (Array.isArray(v) && v.length === 0);
}

const SIMPLE = /^[a-z0-9]+(?: [a-z0-9]+)*$/;
/** Fold case, diacritics and punctuation: `Geen hulp!` → `geen hulp` (fast path for plain words). */
const fold = (s: string) => {
	const lower = s.trim().toLowerCase();
	if (SIMPLE.test(lower)) return lower;
	return lower
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[^a-z0-9]+/g, ' ')
		.trim();
};

const TRUE = new Set(['true', 'yes', 'y', 'ja', 'j', '1', 'x', 'on', 'waar', 'checked']);
const FALSE = new Set(['false', 'no', 'n', 'nee', '0', 'off', 'onwaar', 'geen']);

/** Yes/no as forms and spreadsheets write it; blank = not filled in. */
export function parseYesNo(value: unknown, field: string): boolean | undefined {
	if (blank(value)) return undefined;
	if (typeof value === 'boolean') return value;
	if (typeof value === 'number' && (value === 0 || value === 1)) return value === 1;
	// n8n Form Trigger checkboxes arrive as a list of the ticked labels
	if (Array.isArray(value)) return value.length > 0;
	if (typeof value === 'string') {
		const s = fold(value);
		if (TRUE.has(s)) return true;
		if (FALSE.has(s)) return false;
	}
	throw new InvalidFieldError('invalid_yes_no', field, `Field "${field}" is not a yes/no value: received ${describeValue(value)}`, 'Use yes/no, ja/nee, true/false or 1/0; leave it empty when unknown.');
}

const NEED_ALIASES: Record<string, NeedDomain> = {
	learning: 'learning', leren: 'learning', 'leerproces': 'learning', onderwijs: 'learning', didactisch: 'learning', school: 'learning',
	behaviour: 'behaviour', behavior: 'behaviour', gedrag: 'behaviour',
	upbringing: 'upbringing', family: 'upbringing', opvoeding: 'upbringing', gezin: 'upbringing', 'opvoeding gezin': 'upbringing', opvoeden: 'upbringing', 'upbringing family': 'upbringing',
	'mental health': 'mental_health', mental_health: 'mental_health', psychisch: 'mental_health', ggz: 'mental_health', 'jeugd ggz': 'mental_health', 'psychische problemen': 'mental_health',
	disability: 'disability', lvb: 'disability', beperking: 'disability', 'verstandelijke beperking': 'disability', 'disability lvb': 'disability',
	'nursing care': 'nursing_care', nursing_care: 'nursing_care', nursing: 'nursing_care', verpleging: 'nursing_care', verzorging: 'nursing_care', zorg: 'nursing_care', 'zorg in onderwijstijd': 'nursing_care', 'care during school time': 'nursing_care',
};
for (const d of NEED_DOMAINS) NEED_ALIASES[fold(d)] = d;

/** Need domains from a list or a text separated by commas, semicolons, slashes or new lines. */
export function parseNeeds(value: unknown, field: string): NeedDomain[] | undefined {
	if (blank(value)) return undefined;
	const parts = Array.isArray(value) ? value.map(String) : typeof value === 'string' ? value.split(/[,;|\n]+/) : undefined;
	if (!parts) throw new InvalidFieldError('invalid_needs', field, `Field "${field}" is not a list of need domains: received ${describeValue(value)}`, needsHint());
	const out: NeedDomain[] = [];
	let position = 0;
	for (const raw of parts) {
		const s = fold(raw);
		if (s === '') continue;
		position++;
		const d = NEED_ALIASES[s] ?? NEED_ALIASES[s.replace(/ /g, '_')];
		if (!d) {
			// need labels can be health data: never echoed
			throw new InvalidFieldError('invalid_needs', field, `Field "${field}": value ${position} (a text of ${raw.trim().length} characters, not shown for privacy) is not a known need domain`, needsHint());
		}
		if (!out.includes(d)) out.push(d);
	}
	return out.length ? out : undefined;
}

function needsHint(): string {
	return 'Use one or more of: learning (leren), behaviour (gedrag), upbringing (opvoeding/gezin), mental_health (psychisch/ggz), disability (lvb/beperking), nursing_care (verpleging/zorg in onderwijstijd), separated by commas.';
}

const RISK: Record<string, RiskLevel> = { green: 'green', groen: 'green', yellow: 'yellow', geel: 'yellow', oranje: 'yellow', red: 'red', rood: 'red' };

export function parseRisk(value: unknown, field: string): RiskLevel | undefined {
	if (blank(value)) return undefined;
	const r = typeof value === 'string' ? RISK[fold(value)] : undefined;
	if (!r) throw new InvalidFieldError('invalid_risk_level', field, `Field "${field}" is not a risk level: received ${describeValue(value)}`, 'Use green, yellow or red (groen, geel, rood) as in the risk pyramid (S0).');
	return r;
}

const DECISION: Record<string, ZorgteamDecision> = {
	help: 'help', yes: 'help', ja: 'help', hulp: 'help', 'youth care': 'help', jeugdhulp: 'help', 'collectieve jeugdhulp': 'help', toeleiden: 'help', true: 'help',
	'no help': 'no_help', no_help: 'no_help', no: 'no_help', nee: 'no_help', 'geen hulp': 'no_help', 'geen jeugdhulp': 'no_help', false: 'no_help',
	none: 'none', pending: 'none', 'not yet': 'none', 'nog niet': 'none', aangehouden: 'none', 'niet besproken': 'none',
};

export function parseDecision(value: unknown, field: string): ZorgteamDecision {
	if (blank(value)) return 'none';
	if (typeof value === 'boolean') return value ? 'help' : 'no_help';
	const d = typeof value === 'string' ? DECISION[fold(value)] ?? DECISION[fold(value).replace(/ /g, '_')] : undefined;
	if (!d) throw new InvalidFieldError('invalid_zorgteam_decision', field, `Field "${field}" is not a zorgteam decision: received ${describeValue(value)}`, 'Use "help" (ja/hulp) when the zorgteam decided on youth care, "no_help" (nee/geen hulp), or leave it empty when not yet discussed.');
	return d;
}

/**
 * A request's own short text (request id, pupil reference): the one identifier rule, at most `max` characters.
 * @throws InvalidFieldError `invalid_text` naming `field`
 */
export function parseOwnText(value: unknown, field: string, max = 100): string | undefined {
	if (blank(value)) return undefined;
	if (typeof value !== 'string' && typeof value !== 'number') throw new InvalidFieldError('invalid_text', field, `Field "${field}" should be a short text: received ${describeValue(value)}`, 'Map a text column to this field.');
	// request and pupil references are identifiers: the one identifier rule (domain/primitives/identifier)
	const s = readIdentifier(value, field);
	if (s.length > max) throw new InvalidFieldError('invalid_text', field, `Field "${field}" is longer than ${max} characters`, 'Use a short reference, not free text.');
	return s;
}

/** A request's own BSN: blank = none, else the elfproef (`normaliseBsn`, never echoes the number). */
export function parseOwnBsn(value: unknown, field: string): string | undefined {
	return blank(value) ? undefined : normaliseBsn(value, field);
}

/**
 * Validate a request read through `read(field)`.
 * For many requests in one run use `requestParser` (the same result, with per-run caches).
 * @throws InvalidFieldError (also InvalidBsnError, InvalidBrinError, InvalidDateError, UnknownMunicipalityError) naming the user's field
 */
export function parseRequest(read: (field: RequestField) => unknown, names: FieldNames, registry: MunicipalityRegistry, zone?: string): TriageRequest {
	return requestParser(names, registry, zone, false)(read);
}

/** Entries a per-run cache holds at most; then it starts again (a run with ever-new values stays bounded). */
const CACHE_LIMIT = 20_000;

/**
 * A cache from a text value as it arrives to what `parse` makes of it. Only successful results of text
 * values are kept (an error is thrown again for each item, with the item's own field); the parsed values
 * are shared between requests, so they are frozen.
 */
function memo<T>(parse: (value: unknown, field: string) => T, enabled = true): (value: unknown, field: string) => T {
	if (!enabled) return parse;
	const cache = new Map<string, T>();
	return (value, field) => {
		if (typeof value !== 'string') return parse(value, field);
		let r = cache.get(value);
		if (r === undefined && !cache.has(value)) {
			r = parse(value, field);
			if (cache.size >= CACHE_LIMIT) cache.clear();
			cache.set(value, r);
		}
		return r as T;
	};
}

/**
 * A parser for the requests of one run: `parseRequest` with the field names, registry and zone fixed, and
 * per-run caches (per distinct text value) for municipalities, schools, needs, yes/no, risk, decision and
 * dates — a run of 100k requests holds a few hundred distinct values. Create one per run.
 * @param cache false: no caches (parseRequest, one request at a time)
 * @returns read → TriageRequest
 * @throws (the parser) InvalidFieldError (also InvalidBsnError, InvalidBrinError, InvalidDateError,
 *   UnknownMunicipalityError) naming the user's field, exactly as parseRequest
 */
export function requestParser(names: FieldNames, registry: MunicipalityRegistry, zone?: string, cache = true): (read: (field: RequestField) => unknown) => TriageRequest {
	const municipality = memo((value, field) => registry.resolve(value, field), cache);
	const school = memo((value, field) => parseBrin(value, field).code, cache);
	const needs = memo((value, field) => {
		const n = parseNeeds(value, field);
		return n && cache ? Object.freeze(n) : n;
	}, cache) as (value: unknown, field: string) => NeedDomain[] | undefined;
	const yesNo = memo(parseYesNo, cache);
	const risk = memo(parseRisk, cache);
	const decision = memo(parseDecision, cache);
	const date = memo((value, field) => parseOptionalCalendarDate(value, field, zone), cache);
	return (read) => {
		// Read in the order parseRequest always validated in: the first invalid field is the one reported.
		const residenceValue = read('residence');
		const residence = blank(residenceValue) ? undefined : municipality(residenceValue, names.residence);
		const beforeStayValue = read('residenceBeforeStay');
		const residenceBeforeStay = blank(beforeStayValue) ? undefined : municipality(beforeStayValue, names.residenceBeforeStay);
		const bsnValue = read('bsn');
		// One or more addresses (`;`, `,`, spaces, line breaks), validated and de-duplicated: domain/primitives/addresses.
		const emailValue = read('accessContactEmail');
		const email = (emailValue === undefined ? '' : parseAddressList(emailValue, names.accessContactEmail).text) || undefined;
		const requestId = parseOwnText(read('requestId'), names.requestId);
		const pupilReference = parseOwnText(read('pupilReference'), names.pupilReference);
		const bsn = parseOwnBsn(bsnValue, names.bsn);
		const schoolValue = read('school');
		const req: TriageRequest = {
			requestId,
			pupilReference,
			bsn,
			school: blank(schoolValue) ? undefined : school(schoolValue, names.school),
			residence: residence?.code,
			inResidentialCare: yesNo(read('inResidentialCare'), names.inResidentialCare),
			residenceBeforeStay: residenceBeforeStay?.code,
			needs: needs(read('needs'), names.needs),
			riskLevel: risk(read('riskLevel'), names.riskLevel),
			zorgteamDecision: decision(read('zorgteamDecision'), names.zorgteamDecision),
			zorgteamDate: date(read('zorgteamDate'), names.zorgteamDate),
			oppPresent: yesNo(read('oppPresent'), names.oppPresent),
			helpAtHome: yesNo(read('helpAtHome'), names.helpAtHome),
			wlzIndication: yesNo(read('wlzIndication'), names.wlzIndication),
			groupOfferSuitable: yesNo(read('groupOfferSuitable'), names.groupOfferSuitable),
			parentalConsent: yesNo(read('parentalConsent'), names.parentalConsent),
			accessContactEmail: email,
		};
		if (residence?.formerly) req.residenceFormerly = residence.formerly;
		if (residenceBeforeStay?.formerly) req.residenceBeforeStayFormerly = residenceBeforeStay.formerly;
		return req;
	};
}
