/**
 * Memoised triage for the requests of one run (CONTRIBUTING "Output values shared between items"): decided
 * once per distinct decision input, the outcome shared. The decision itself is `triage` (./decide.ts).
 */
import { KeyTrie } from '../primitives/shared';
import { triage } from './decide';
import type { TriageConfig, TriageOutcome, TriageRequest } from './types';

/**
 * What the cache does with each request field. `key`: the decision reads it, so it is part of the key;
 * `list`: the same for a list, keyed by its content; `own`: the decision does not read it (each request's
 * own, never shared). The type lists **every** field of TriageRequest: a field added there without a role
 * here does not compile, so no new field can be left out of the key (requests differing only in it would
 * share one outcome). Order: few distinct values first, the many last (a smaller trie).
 */
export const REQUEST_FIELD_ROLES: { readonly [F in keyof Required<TriageRequest>]: 'key' | 'list' | 'own' } = {
	requestId: 'own',
	pupilReference: 'own',
	bsn: 'own',
	parentalConsent: 'key',
	riskLevel: 'key',
	zorgteamDecision: 'key',
	wlzIndication: 'key',
	groupOfferSuitable: 'key',
	oppPresent: 'key',
	helpAtHome: 'key',
	inResidentialCare: 'key',
	accessContactEmail: 'key',
	school: 'key',
	residence: 'key',
	// a former municipality by identity (one frozen object per registry entry)
	residenceFormerly: 'key',
	residenceBeforeStay: 'key',
	residenceBeforeStayFormerly: 'key',
	needs: 'list',
	zorgteamDate: 'key',
};

type Field = keyof TriageRequest;
const KEYED = (Object.keys(REQUEST_FIELD_ROLES) as Field[]).filter((f) => REQUEST_FIELD_ROLES[f] !== 'own');
const OWN = (Object.keys(REQUEST_FIELD_ROLES) as Field[]).filter((f) => REQUEST_FIELD_ROLES[f] === 'own' && f !== 'requestId');

/** Key parts no request value can be: where a list ends, and an absent list. */
const END_OF_LIST = Symbol('end of list');
const NO_LIST = Symbol('no list');

/**
 * `triage` for the requests of one run, decided once per distinct decision input and shared.
 *
 * Requests equal in every `key`/`list` field of REQUEST_FIELD_ROLES get the same outcome (keyed in a KeyTrie,
 * domain/primitives/shared.ts), computed once and, deep-frozen, returned for each of them. Its
 * `pupilReference` is null: take each request's own from `pupilReferenceOf`. A thrown error
 * (PolicyChoiceRequiredError) is not cached: it is thrown again for every request it applies to. Use one per
 * run and configuration.
 *
 * @param limit key nodes kept at most before the cache starts again (KeyTrie; default 100 000)
 * @returns `(req) => outcome`, equal to `triage(req, config)` apart from `pupilReference`
 * @throws PolicyChoiceRequiredError as `triage` does
 */
export function decisionCache(config: TriageConfig, limit?: number): (req: TriageRequest) => TriageOutcome {
	const trie = new KeyTrie<TriageOutcome>(limit);
	return (req) => {
		let node = trie.root();
		for (const field of KEYED) {
			const value = req[field];
			if (REQUEST_FIELD_ROLES[field] === 'list') node = value === undefined ? node.key(NO_LIST) : node.keys(value as readonly unknown[]).key(END_OF_LIST);
			else node = node.key(value);
		}
		return node.get(() => triage(withoutOwn(req), config));
	};
}

/** The request without the per-request fields the decision must not see (so the shared outcome holds none). */
function withoutOwn(req: TriageRequest): TriageRequest {
	if (OWN.every((f) => req[f] === undefined)) return req;
	const copy: TriageRequest = { ...req };
	for (const f of OWN) copy[f] = undefined as never;
	return copy;
}
