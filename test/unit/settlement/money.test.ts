import fc from 'fast-check';

import { allocateLargestRemainder, AllocationError, formatEuro, parseAmount, parseDecimal, roundDiv, sumCents, toScaledInteger } from '../../../domain/money';
import { InvalidFieldError } from '../../../domain/primitives/errors';
import { assertNoPersonalData } from '../../helpers/privacy';

describe('parseAmount (euro cents)', () => {
	it.each([
		['1.234,56', 123456],
		['€ 1.234,56', 123456],
		['€1.234,56', 123456],
		['EUR 1234,56', 123456],
		['1234,56', 123456],
		['1234.56', 123456],
		['1,234.56', 123456],
		['1.234', 123400], // Dutch thousands separator
		['1.234.567', 123456700],
		['12.5', 1250],
		['12,5', 1250],
		['1.234,-', 123400],
		['0,01', 1],
		['  € 0,99 ', 99],
		['1\u00a0234,56', 123456],
		[1234.56, 123456],
		[0.1 + 0.2, 30],
		[7, 700],
	])('%p → %p cents', (input, cents) => {
		expect(parseAmount(input, 'bedrag')).toBe(cents);
	});

	it('reads negative amounts only when allowed', () => {
		expect(parseAmount('-12,50', 'bedrag', { allowNegative: true })).toBe(-1250);
		expect(parseAmount('€ -12,50', 'bedrag', { allowNegative: true })).toBe(-1250);
		expect(() => parseAmount('-12,50', 'bedrag')).toThrow(/negative/);
	});

	it.each([['1,234,56'], ['12,345'], ['abc'], [''], ['1.23.4'], [12.345], [null], [true], ['€'], ['12.3456']])(
		'rejects %p with an error naming the field',
		(input) => {
			let error: unknown;
			try {
				parseAmount(input, 'bedrag');
			} catch (e) {
				error = e;
			}
			expect(error).toBeInstanceOf(InvalidFieldError);
			expect((error as InvalidFieldError).field).toBe('bedrag');
			expect((error as Error).message).toContain('"bedrag"');
			expect((error as InvalidFieldError).hint).toMatch(/1\.234,56/);
		},
	);

	it('never echoes a BSN-like text in the error', () => {
		try {
			parseAmount('111222333 euro of zo', 'bedrag');
		} catch (e) {
			assertNoPersonalData((e as Error).message);
		}
		expect(() => parseAmount('111222333 euro of zo', 'bedrag')).toThrow();
	});

	it('round-trips formatted amounts (property)', () => {
		fc.assert(
			fc.property(fc.integer({ min: 0, max: 10_000_000_000 }), (cents) => {
				expect(parseAmount(formatEuro(cents, 'nl'), 'x')).toBe(cents);
				expect(parseAmount(formatEuro(cents, 'en'), 'x')).toBe(cents);
			}),
		);
	});
});

describe('parseDecimal', () => {
	it('reads hours and fte in Dutch and English notation', () => {
		expect(parseDecimal('1,5', 'uren')).toBe(1.5);
		expect(parseDecimal('2.25', 'uren')).toBe(2.25);
		expect(parseDecimal(3, 'uren')).toBe(3);
	});
	it('rejects negative values naming the field', () => {
		expect(() => parseDecimal('-2', 'uren')).toThrow(/"uren".*negative/);
	});
});

describe('formatEuro', () => {
	it('writes Dutch and English notation', () => {
		expect(formatEuro(123456)).toBe('€ 1.234,56');
		expect(formatEuro(5, 'nl')).toBe('€ 0,05');
		expect(formatEuro(123456789, 'en')).toBe('€1,234,567.89');
		expect(formatEuro(-1250)).toBe('-€ 12,50');
	});
});

describe('roundDiv', () => {
	it('rounds half away from zero', () => {
		expect(roundDiv(5n, 2n)).toBe(3n);
		expect(roundDiv(7n, 3n)).toBe(2n);
		expect(roundDiv(-5n, 2n)).toBe(-3n);
	});
});

describe('allocateLargestRemainder', () => {
	it('splits 100 cents over three equal parts: the extra cent goes to the lowest key', () => {
		const parts = allocateLargestRemainder(100, [
			{ key: '0363', weight: 1 },
			{ key: '0153', weight: 1 },
			{ key: '0307', weight: 1 },
		]);
		expect([...parts]).toEqual([
			['0153', 34],
			['0307', 33],
			['0363', 33],
		]);
	});

	it('with firstInTies, an equal remainder gives the cent to that key first, then to the lowest key', () => {
		// 100 cents over three equal parts: exact 33⅓ each, floors 33 (99), one cent left, all remainders equal
		const own = allocateLargestRemainder(100, [{ key: '0363', weight: 1 }, { key: 'own', weight: 1 }, { key: '0153', weight: 1 }], { firstInTies: 'own' });
		expect(Object.fromEntries(own)).toEqual({ own: 34, '0153': 33, '0363': 33 });
		// 101 cents: floors 33 × 3 = 99, two cents left, remainders equal → own, then the lowest key 0153
		const two = allocateLargestRemainder(101, [{ key: '0363', weight: 1 }, { key: 'own', weight: 1 }, { key: '0153', weight: 1 }], { firstInTies: 'own' });
		expect(Object.fromEntries(two)).toEqual({ own: 34, '0153': 34, '0363': 33 });
		// a larger remainder still wins over firstInTies
		expect(Object.fromEntries(allocateLargestRemainder(10, [{ key: 'own', weight: 1 }, { key: '0153', weight: 2 }], { firstInTies: 'own' }))).toEqual({ own: 3, '0153': 7 });
	});

	it('gives the cents to the largest remainders', () => {
		// 1000 cents by 1 : 2 : 4 → exact 142.857, 285.714, 571.428 → floors 142, 285, 571 (998), remainders .857 .714 .428
		const parts = allocateLargestRemainder(1000, [
			{ key: 'a', weight: 1 },
			{ key: 'b', weight: 2 },
			{ key: 'c', weight: 4 },
		]);
		expect(Object.fromEntries(parts)).toEqual({ a: 143, b: 286, c: 571 });
	});

	it('handles decimal weights (hours) exactly', () => {
		// € 100,00 by 1,5 h and 0,5 h → 75,00 and 25,00
		expect(Object.fromEntries(allocateLargestRemainder(10000, [{ key: 'x', weight: 1.5 }, { key: 'y', weight: 0.5 }]))).toEqual({ x: 7500, y: 2500 });
	});

	it('refuses what cannot be shared', () => {
		expect(() => allocateLargestRemainder(100, [{ key: 'a', weight: 0 }])).toThrow(AllocationError);
		expect(() => allocateLargestRemainder(-1, [{ key: 'a', weight: 1 }])).toThrow(AllocationError);
		expect(() => allocateLargestRemainder(1, [{ key: 'a', weight: -1 }])).toThrow(AllocationError);
		expect(() => allocateLargestRemainder(1, [{ key: 'a', weight: 1 }, { key: 'a', weight: 2 }])).toThrow(AllocationError);
		expect(Object.fromEntries(allocateLargestRemainder(0, [{ key: 'a', weight: 0 }]))).toEqual({ a: 0 });
	});

	const sharesArb = fc.uniqueArray(
		fc.record({ key: fc.string({ minLength: 1, maxLength: 6 }), weight: fc.oneof(fc.integer({ min: 0, max: 1000 }), fc.double({ min: 0, max: 500, noNaN: true }).map((d) => Math.round(d * 100) / 100)) }),
		{ selector: (s) => s.key, minLength: 1, maxLength: 40 },
	).filter((shares) => shares.some((s) => s.weight > 0));

	it('parts always sum to the whole: no cent created or lost (property)', () => {
		fc.assert(
			fc.property(fc.integer({ min: 0, max: 100_000_000_000 }), sharesArb, (total, shares) => {
				const parts = allocateLargestRemainder(total, shares);
				expect(sumCents(parts.values())).toBe(total);
				for (const v of parts.values()) expect(Number.isSafeInteger(v) && v >= 0).toBe(true);
			}),
		);
	});

	it('every part is within one cent of its exact share (property)', () => {
		fc.assert(
			fc.property(fc.integer({ min: 0, max: 1_000_000_000 }), sharesArb, (total, shares) => {
				const parts = allocateLargestRemainder(total, shares);
				const W = shares.reduce((a, s) => a + s.weight, 0);
				for (const s of shares) expect(Math.abs(parts.get(s.key)! - (total * s.weight) / W)).toBeLessThan(1 + 1e-6);
			}),
		);
	});

	/** The rule in bigints throughout, as allocateLargestRemainder computed it before its exact-double path (issue 27). */
	function bigintSplit(total: number, shares: ReadonlyArray<{ key: string; weight: number }>, first?: string): Array<[string, number]> {
		const sorted = [...shares].sort((a, b) => (a.key === first ? (b.key === first ? 0 : -1) : b.key === first ? 1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
		const weights = sorted.map((s) => toScaledInteger(s.weight, 4));
		const W = weights.reduce((a, b) => a + b, 0n);
		const T = BigInt(total);
		const floors = weights.map((w) => (T * w) / W);
		const remainders = weights.map((w) => (T * w) % W);
		let left = Number(T - floors.reduce((a, b) => a + b, 0n));
		const order = sorted.map((_s, i) => i).sort((a, b) => (remainders[a] > remainders[b] ? -1 : remainders[a] < remainders[b] ? 1 : a - b));
		const extra = sorted.map(() => 0);
		for (let k = 0; left > 0; k++, left--) extra[order[k]] = 1;
		return sorted.map((s, i) => [s.key, Number(floors[i]) + extra[i]]);
	}

	it('gives exactly the bigint split, in doubles where they are exact and in bigints beyond (property)', () => {
		// totals up to the largest safe integer and weights up to a million pupils: both paths are taken
		const heavySharesArb = fc.uniqueArray(
			fc.record({ key: fc.constantFrom('own', '0363', '0384', 'a', 'b', 'c', 'P-A|0363', 'P-B|0363', 'P-C|0384'), weight: fc.oneof(fc.constant(1), fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 0, max: 4000 }).map((q) => q / 4), fc.double({ min: 0, max: 500, noNaN: true }).map((d) => Math.round(d * 10_000) / 10_000)) }),
			{ selector: (s) => s.key, minLength: 1, maxLength: 9 },
		).filter((shares) => shares.some((s) => s.weight > 0));
		fc.assert(
			fc.property(fc.oneof(fc.integer({ min: 0, max: 1_000_000_000 }), fc.maxSafeNat()), fc.oneof(heavySharesArb, sharesArb), fc.constantFrom(undefined, 'own', 'a'), (total, shares, first) => {
				expect([...allocateLargestRemainder(total, shares, { firstInTies: first })]).toEqual(bigintSplit(total, shares, first));
			}),
			{ numRuns: 500 },
		);
	});

	it('permuting the input order changes nothing (property)', () => {
		fc.assert(
			fc.property(fc.integer({ min: 0, max: 1_000_000 }), sharesArb.chain((s) => fc.tuple(fc.constant(s), fc.shuffledSubarray(s, { minLength: s.length, maxLength: s.length }))), (total, [shares, permuted]) => {
				expect([...allocateLargestRemainder(total, permuted)]).toEqual([...allocateLargestRemainder(total, shares)]);
			}),
		);
	});
});
