/**
 * The keyed pseudonym (domain/primitives/pseudonym.ts): HMAC-SHA-256 computed with the key prepared once
 * (`hmacSha256`, two one-shot hashes per message, issue 27) gives exactly Node's `createHmac`, for every key
 * length (a key longer than a block is hashed first) and every message (long, non-ASCII); and the pseudonym is
 * `P-` and the first 12 base32 characters of that HMAC of the normalised reference.
 */
import { createHmac } from 'crypto';
import fc from 'fast-check';

import { hmacSha256, makePseudonymiser, normalisePupilRef } from '../../../domain/primitives/pseudonym';

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

describe('hmacSha256', () => {
	it('gives the bytes of createHmac for any key and message (property)', () => {
		fc.assert(
			fc.property(fc.oneof(textArb, fc.string({ minLength: 60, maxLength: 200 })), fc.array(textArb, { maxLength: 6 }), (key, messages) => {
				const hmac = hmacSha256(key);
				for (const m of messages) expect(hmac(m).toString('hex')).toBe(createHmac('sha256', key).update(m, 'utf8').digest('hex'));
			}),
			{ numRuns: 300 },
		);
	});

	it('keys around the block size: 63, 64, 65 bytes (and multi-byte characters across it)', () => {
		for (const key of ['k'.repeat(63), 'k'.repeat(64), 'k'.repeat(65), 'é'.repeat(32), 'é'.repeat(33), `${'k'.repeat(63)}é`]) {
			const hmac = hmacSha256(key);
			for (const m of ['', 'l-0001', 'x'.repeat(1000), '€'.repeat(300), 'short again']) {
				expect(hmac(m).toString('hex')).toBe(createHmac('sha256', key).update(m, 'utf8').digest('hex'));
			}
		}
	});
});

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
