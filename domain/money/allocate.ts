/**
 * Splitting a shared amount of cents into parts that add up exactly to the whole: the largest-remainder
 * method (Hamilton's method).
 *
 * Rule, for a total T ≥ 0 and weights w_i ≥ 0 with W = Σ w_i > 0:
 * 1. every part first gets floor(T · w_i / W) cents (computed exactly, in integers);
 * 2. the cents still missing (fewer than the number of parts) go one each to the parts with the largest
 *    remainder (T · w_i mod W);
 * 3. equal remainders are broken, in this order: the key named `firstInTies` (if any) first, then the
 *    other keys in ascending order (code-point order; for 4-digit CBS codes that is the lowest code first).
 *    The result depends only on the set of (key, weight) pairs — never on the order they were given in.
 * Every part differs from its exact share by less than one cent. Keys must be unique.
 *
 * Why this tie rule (issue 11 §5): a finance officer can redo it by hand from the statement — list the
 * remainders, give the spare cents to the largest ones, and on a tie to the named party first (settlement
 * names the financing party's own share: a tie cent is then carried by the party that pre-finances and
 * never invoiced to another municipality), then to the lowest gemeentecode.
 *
 * Weights are decimals (pupils, hours); they are scaled to integers of 1/10 000 first, so the arithmetic is exact.
 */
import { DomainError } from '../primitives/errors';
import type { Cents } from './cents';
import { toScaledInteger } from './cents';

export interface Share {
	key: string;
	weight: number;
}

export const WEIGHT_DIGITS = 4;
const SCALE = 10 ** WEIGHT_DIGITS;

export class AllocationError extends DomainError {
	constructor(message: string) {
		super('allocation_error', message);
		this.name = 'AllocationError';
	}
}

function compareKeys(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

export interface AllocateOptions {
	/** The key that gets a spare cent first when remainders are equal (settlement: the own share). */
	firstInTies?: string;
}

/**
 * Split `total` cents over `shares` by weight. Returns a Map from key to cents, in tie order
 * (`firstInTies` first, then ascending key).
 * @throws AllocationError for a negative or non-integer total, negative weights, duplicate keys,
 *   or a positive total with no positive weight.
 */
export function allocateLargestRemainder(total: Cents, shares: readonly Share[], options: AllocateOptions = {}): Map<string, Cents> {
	if (!Number.isSafeInteger(total) || total < 0) throw new AllocationError('The amount to share must be a whole, non-negative number of cents');
	const first = options.firstInTies;
	const sorted = [...shares].sort((a, b) => (a.key === first ? (b.key === first ? 0 : -1) : b.key === first ? 1 : compareKeys(a.key, b.key)));
	// weights in 1/10 000: as numbers while every one is exact there (whole pupils, quarter hours); else exact
	// decimal scaling as bigints
	const scaledWeights: number[] = new Array(sorted.length);
	let exact = true;
	let maxWeight = 0;
	let sum = 0;
	for (let i = 0; i < sorted.length; i++) {
		const w = sorted[i].weight;
		if (!Number.isFinite(w) || w < 0) throw new AllocationError('Allocation weights must be zero or positive numbers');
		const scaled = w * SCALE;
		if (!Number.isSafeInteger(scaled)) exact = false;
		scaledWeights[i] = scaled;
		if (scaled > maxWeight) maxWeight = scaled;
		sum += scaled;
	}
	// sorted by key: equal keys are next to each other
	for (let i = 1; i < sorted.length; i++) {
		if (sorted[i].key === sorted[i - 1].key) throw new AllocationError('Allocation keys must be unique');
	}
	const result = new Map<string, Cents>();
	if (exact && total * maxWeight <= EXACT_PRODUCT && sum <= EXACT_PRODUCT) {
		// every product total × weight, and the sum of the weights, is an integer a double holds exactly (below
		// 2^52): the same floors and remainders as with bigints, computed in doubles
		return splitExactly(total, sorted, scaledWeights, sum, result);
	}
	const weights: bigint[] = sorted.map((s, i) => (Number.isSafeInteger(scaledWeights[i]) ? BigInt(scaledWeights[i]) : toScaledInteger(s.weight, WEIGHT_DIGITS)));
	const W = weights.reduce((a, b) => a + b, 0n);
	if (W === 0n) {
		if (total !== 0) throw new AllocationError('There is an amount to share but nothing to share it by (all weights are zero)');
		for (const s of sorted) result.set(s.key, 0);
		return result;
	}
	const T = BigInt(total);
	const floors: bigint[] = new Array(sorted.length);
	const remainders: bigint[] = new Array(sorted.length);
	let given = 0n;
	for (let i = 0; i < sorted.length; i++) {
		const p = T * weights[i];
		floors[i] = p / W;
		remainders[i] = p % W;
		given += floors[i];
	}
	let left = Number(T - given);
	const order = sorted.map((_s, i) => i);
	// largest remainder first; ties in `sorted` order (firstInTies, then key ascending; sort is stable)
	order.sort((a, b) => (remainders[a] > remainders[b] ? -1 : remainders[a] < remainders[b] ? 1 : a - b));
	const extra = new Array<number>(sorted.length).fill(0);
	for (let k = 0; left > 0; k++, left--) extra[order[k]] = 1;
	for (let i = 0; i < sorted.length; i++) result.set(sorted[i].key, Number(floors[i]) + extra[i]);
	return result;
}

/** 2^52: integers up to here, and their sums with one more such integer, are exact in a double. */
const EXACT_PRODUCT = 2 ** 52;

/**
 * The largest-remainder split of `total` over integer weights `w` (in tie order) whose products with `total`
 * and whose sum `W` are at most EXACT_PRODUCT: floor and remainder of each `total × w / W`, exactly.
 */
function splitExactly(total: Cents, sorted: readonly Share[], w: readonly number[], W: number, result: Map<string, Cents>): Map<string, Cents> {
	if (W === 0) {
		if (total !== 0) throw new AllocationError('There is an amount to share but nothing to share it by (all weights are zero)');
		for (const s of sorted) result.set(s.key, 0);
		return result;
	}
	const n = sorted.length;
	const floors: number[] = new Array(n);
	const remainders: number[] = new Array(n);
	let given = 0;
	for (let i = 0; i < n; i++) {
		const p = total * w[i];
		// the double quotient can be one off near a whole number: corrected by the exact remainder
		let q = Math.floor(p / W);
		let r = p - q * W;
		if (r < 0) {
			q--;
			r += W;
		} else if (r >= W) {
			q++;
			r -= W;
		}
		floors[i] = q;
		remainders[i] = r;
		given += q;
	}
	let left = total - given;
	const order: number[] = new Array(n);
	for (let i = 0; i < n; i++) order[i] = i;
	// largest remainder first; ties in `sorted` order (firstInTies, then key ascending)
	order.sort((a, b) => remainders[b] - remainders[a] || a - b);
	const extra: number[] = new Array(n).fill(0);
	for (let k = 0; left > 0; k++, left--) extra[order[k]] = 1;
	for (let i = 0; i < n; i++) result.set(sorted[i].key, floors[i] + extra[i]);
	return result;
}

/** Sum of cents (safe integers). */
export function sumCents(values: Iterable<Cents>): Cents {
	let s = 0;
	for (const v of values) s += v;
	return s;
}
