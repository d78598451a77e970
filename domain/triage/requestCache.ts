/**
 * Reading and deciding the requests of one run at once, keyed by the values as they arrive (issue 27): a run
 * of 100k requests repeats a few thousand combinations of the values the decision reads, so each combination
 * is parsed and decided once. Per request only its own fields are read again: request id, pupil reference
 * and BSN (never shared, CONTRIBUTING "Output values shared between items").
 */
import { KeyTrie } from '../primitives/shared';
import { decisionCache } from './decisionCache';
import { parseOwnBsn, parseOwnText, requestParser, type FieldNames } from './parse';
import type { RequestField, TriageConfig, TriageOutcome, TriageRequest } from './types';

/** What the node needs of one request: its own fields, its school and its (shared, frozen) outcome. */
export interface TriagedRequest<D = undefined> extends Pick<TriageRequest, 'requestId' | 'pupilReference' | 'bsn' | 'school'> {
	outcome: TriageOutcome;
	/** What `derive` made of the outcome (made once per combination, shared and frozen like the outcome). */
	derived: D;
}

/** The parts of a request shared by every request with the same decision values. */
interface Shared<D> {
	school: string | undefined;
	outcome: TriageOutcome;
	derived: D;
}

/** The fields each request has for itself: read per request, never part of the key. */
const OWN: ReadonlySet<RequestField> = new Set(['requestId', 'pupilReference', 'bsn']);

/**
 * The fields in the order `parse` reads them: every field once, in straight-line code (no read depends on a
 * value), so reading a blank request (nothing to refuse) gives the order of every request.
 */
export function readOrder(parse: (read: (field: RequestField) => unknown) => unknown): RequestField[] {
	const order: RequestField[] = [];
	parse((field) => {
		order.push(field);
		return undefined;
	});
	return order;
}

/**
 * A value that parses the same wherever it appears and is compared by content in a Map: a string, number,
 * boolean, null or undefined. Not -0 (a Map does not tell it from 0), not objects or lists (compared by
 * identity, and they could change between items): requests with such a value take the plain path.
 */
function plain(v: unknown): boolean {
	// strings first (almost every value), each test on `typeof v` itself (compiled to a type check)
	return typeof v === 'string' || v === undefined || v === null || typeof v === 'boolean' || (typeof v === 'number' && !Object.is(v, -0));
}

/** Reads one field of a request (the node: through its input layer). */
export type ReadField = (field: RequestField) => unknown;

/** In the values handed to `RequestTriage.values`: a field the caller did not read ahead (read through `read`). */
export const UNREAD: unique symbol = Symbol('not read ahead');

/** What `requestTriage` returns: call it with a reader, or hand it the values read ahead (`values`). */
export interface RequestTriage<D = undefined> {
	(read: ReadField): TriagedRequest<D>;
	/** The fields in the parser's read order: `given[i]` of `values` is the value of `fields[i]`. */
	readonly fields: readonly RequestField[];
	/**
	 * The same as calling with `read`, for a caller that has read the values already (the node, in its one
	 * pass over an item's keys): `given[i]` is exactly what `read(fields[i])` would return, or UNREAD for a
	 * field the caller did not read, which is then read through `read` in the parser's order. `read` must
	 * read every field: a request that takes the plain path is read again through it.
	 */
	values(given: readonly unknown[], read: ReadField): TriagedRequest<D>;
}

/**
 * `requestParser` and `decisionCache` for the requests of one run, with one more cache in front: keyed by the
 * values of every field but the request's own (as they arrive, in the parser's read order, in a KeyTrie), holding the
 * parsed school and the outcome. The result equals parsing and deciding each request: the same outcome
 * (shared), the same own fields, and the same error for a wrong request (the first wrong field in the
 * parser's order: a cached combination has no wrong field, so only an own field can be wrong, read in the
 * parser's order; any other request, a value that is not `plain`, or a read that throws takes the plain
 * path). Only successful results are kept. Create one per run and configuration.
 * @param limit key nodes kept at most before the cache starts again (default 100 000)
 * @param derive what the caller makes of an outcome (the node: its output template and output), made once per
 *   combination with the outcome and handed out with it (as `derived`), deep-frozen; a request that takes the
 *   plain path gets a fresh one
 * @returns read → the request's own fields, school and outcome; `values`: the same from values read ahead
 * @throws as `requestParser` and `decisionCache` do
 */
export function requestTriage<D = undefined>(names: FieldNames, config: TriageConfig, zone?: string, limit?: number, derive?: (outcome: TriageOutcome) => D): RequestTriage<D> {
	const parse = requestParser(names, config.registry, zone);
	const decide = decisionCache(config);
	const trie = new KeyTrie<Shared<D>>(limit);
	// read ahead in the parser's order, so a read that throws does so where the parser would read it
	const fields = readOrder(parse);
	const count = fields.length;
	const own = fields.map((f) => OWN.has(f));
	const [requestId, pupilReference, bsn] = (['requestId', 'pupilReference', 'bsn'] as const).map((f) => fields.indexOf(f));
	const slow = (read: ReadField): TriagedRequest<D> => {
		const req = parse(read);
		const outcome = decide(req);
		return { requestId: req.requestId, pupilReference: req.pupilReference, bsn: req.bsn, school: req.school, outcome, derived: derive?.(outcome) as D };
	};
	const values: unknown[] = new Array(count);
	const unread = UNREAD; // a local: the compiled module reads an exported const as a property of `exports`
	const run = (given: readonly unknown[] | undefined, read: ReadField): TriagedRequest<D> => {
		let node = trie.root();
		try {
			for (let i = 0; i < count; i++) {
				let v = given === undefined ? unread : given[i];
				if (v === unread) v = read(fields[i]);
				values[i] = v;
				if (own[i]) continue;
				if (!plain(v)) return slow(read);
				node = node.key(v);
			}
		} catch {
			// a read that throws (a column name two columns normalise to): the plain path reads and throws in order
			return slow(read);
		}
		const shared =
			node.made() ??
			node.get(() => {
				const r = slow(read);
				return { school: r.school, outcome: r.outcome, derived: r.derived };
			});
		return {
			requestId: parseOwnText(values[requestId], names.requestId),
			pupilReference: parseOwnText(values[pupilReference], names.pupilReference),
			bsn: parseOwnBsn(values[bsn], names.bsn),
			school: shared.school,
			outcome: shared.outcome,
			derived: shared.derived,
		};
	};
	const triageOne = (read: ReadField): TriagedRequest<D> => run(undefined, read);
	return Object.assign(triageOne, { fields: Object.freeze(fields), values: run });
}
