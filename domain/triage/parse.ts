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
import { NEED_DOMAINS, type NeedDomain, type RequestField, type RiskLevel, type TriageRequest, type ZorgteamDecision } from './types';
import { isBlank } from '../primitives/blank';

export type FieldNames = Record<RequestField, string>;

export const DEFAULT_FIELD_NAMES: FieldNames = {
	requestId: 'requestId',
	pupilReference: 'pupilReference',
	bsn: 'bsn',
	school: 'school',
	residence: 'residenceMunicipality',
	inResidentialCare: 'inResidentialCare',
	residenceBeforeStay: 'residenceBeforeStay',
	needs: 'needs',
	riskLevel: 'riskLevel',
	zorgteamDecision: 'zorgteamDecision',
	zorgteamDate: 'zorgteamDate',
	oppPresent: 'oppPresent',
	helpAtHome: 'helpAtHome',
	wlzIndication: 'wlzIndication',
	groupOfferSuitable: 'groupOfferSuitable',
	parentalConsent: 'parentalConsent',
	accessContactEmail: 'accessContactEmail',
};

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

function text(value: unknown, field: string, max = 100): string | undefined {
	if (blank(value)) return undefined;
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	if (typeof value !== 'string') throw new InvalidFieldError('invalid_text', field, `Field "${field}" should be a short text: received ${describeValue(value)}`, 'Map a text column to this field.');
	const s = value.trim();
	if (s.length > max) throw new InvalidFieldError('invalid_text', field, `Field "${field}" is longer than ${max} characters`, 'Use a short reference, not free text.');
	return s;
}

/**
 * Validate a request read through `read(field)`.
 * @throws InvalidFieldError (also InvalidBsnError, InvalidBrinError, InvalidDateError, UnknownMunicipalityError) naming the user's field
 */
export function parseRequest(read: (field: RequestField) => unknown, names: FieldNames, registry: MunicipalityRegistry, zone?: string): TriageRequest {
	const v = (f: RequestField) => read(f);
	const muni = (f: 'residence' | 'residenceBeforeStay') => (blank(v(f)) ? undefined : registry.resolve(v(f), names[f]));
	const residence = muni('residence');
	const residenceBeforeStay = muni('residenceBeforeStay');
	const bsnValue = v('bsn');
	// One or more addresses (`;`, `,`, spaces, line breaks), validated and de-duplicated: domain/primitives/addresses.
	const email = parseAddressList(v('accessContactEmail'), names.accessContactEmail).text || undefined;
	return {
		requestId: text(v('requestId'), names.requestId),
		pupilReference: text(v('pupilReference'), names.pupilReference),
		bsn: blank(bsnValue) ? undefined : normaliseBsn(bsnValue, names.bsn),
		school: blank(v('school')) ? undefined : parseBrin(v('school'), names.school).code,
		residence: residence?.code,
		...(residence?.formerly ? { residenceFormerly: residence.formerly } : {}),
		inResidentialCare: parseYesNo(v('inResidentialCare'), names.inResidentialCare),
		residenceBeforeStay: residenceBeforeStay?.code,
		...(residenceBeforeStay?.formerly ? { residenceBeforeStayFormerly: residenceBeforeStay.formerly } : {}),
		needs: parseNeeds(v('needs'), names.needs),
		riskLevel: parseRisk(v('riskLevel'), names.riskLevel),
		zorgteamDecision: parseDecision(v('zorgteamDecision'), names.zorgteamDecision),
		zorgteamDate: parseOptionalCalendarDate(v('zorgteamDate'), names.zorgteamDate, zone),
		oppPresent: parseYesNo(v('oppPresent'), names.oppPresent),
		helpAtHome: parseYesNo(v('helpAtHome'), names.helpAtHome),
		wlzIndication: parseYesNo(v('wlzIndication'), names.wlzIndication),
		groupOfferSuitable: parseYesNo(v('groupOfferSuitable'), names.groupOfferSuitable),
		parentalConsent: parseYesNo(v('parentalConsent'), names.parentalConsent),
		accessContactEmail: email,
	};
}
