/**
 * The keyed pseudonym (domain/primitives/pseudonym.ts): `P-` and the first 12 base32 characters (written out bit
 * by bit here) of the HMAC-SHA-256 of the normalised reference, for keys of any length and any reference.
 */
import { createHmac } from 'crypto';
import fc from 'fast-check';

import { makePseudonymiser, normalisePupilRef } from '../../../domain/primitives/pseudonym';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** RFC 4648 base32, bit by bit (the reference). */
function base32(bytes: Buffer, chars: number): string {
	let bits = '';
	for (const b of bytes) bits += b.toString(2).padStart(8, '0');
	let out = '';
	for (let i = 0; out.length < chars; i += 5) out += BASE32[parseInt(bits.slice(i, i + 5), 2)];
	return out;
}

const textArb = fc.oneof(fc.string({ maxLength: 300 }), fc.string({ unit: 'grapheme', maxLength: 100 }), fc.string({ unit: 'binary', maxLength: 120 }));

describe('makePseudonymiser', () => {
	it('is P- and 12 base32 characters of the HMAC of the normalised reference (property)', () => {
		fc.assert(
			fc.property(fc.string({ minLength: 16, maxLength: 80 }), fc.array(textArb, { maxLength: 8 }), (key, refs) => {
				const pseudonymise = makePseudonymiser(key);
				for (const ref of [...refs, ...refs]) {
					expect(pseudonymise(ref)).toBe(`P-${base32(createHmac('sha256', key).update(normalisePupilRef(ref), 'utf8').digest(), 12)}`);
				}
			}),
			{ numRuns: 200 },
		);
	});

	it('gives one pupil written differently one pseudonym', () => {
		const pseudonymise = makePseudonymiser('test-key-0123456789abcdef');
		expect(pseudonymise(' L-0001\u200b')).toBe(pseudonymise('l-0001'));
		expect(pseudonymise('L-0001')).toMatch(/^P-[A-Z2-7]{12}$/);
	});
});
