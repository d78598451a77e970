/**
 * Pseudonymous pupil references for anything that leaves the organisation (settlement statements,
 * triage outcomes passed on): a keyed hash (HMAC-SHA256) of the pupil reference or BSN, so the same pupil
 * gets the same reference every time the same key is used, and nobody without the key can link it back
 * (an unkeyed hash of a BSN could be reversed by trying all valid numbers). The key lives in an n8n
 * credential (Jeugdhulp Pseudonymisation Key). One implementation for every node.
 *
 * Reference format: `P-` + the first 12 characters of the RFC 4648 base32 encoding of the HMAC (60 bits).
 */
import { hash } from 'crypto';

import { DomainError } from './errors';
import { stripInvisible } from './identifier';

export type Pseudonymiser = (pupilRef: string) => string;

export const MIN_KEY_LENGTH = 16;
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const BASE32_CODES = Array.from(BASE32, (c) => c.charCodeAt(0));

/**
 * The first 12 characters of the RFC 4648 base32 encoding of `bytes` (its first 60 bits), in one flat string:
 * bits 0–31 and 32–63 as two words, five bits per character.
 */
function base32Of60Bits(bytes: Buffer): string {
	const hi = bytes.readUInt32BE(0);
	const lo = bytes.readUInt32BE(4);
	const c = BASE32_CODES;
	return String.fromCharCode(
		c[hi >>> 27],
		c[(hi >>> 22) & 31],
		c[(hi >>> 17) & 31],
		c[(hi >>> 12) & 31],
		c[(hi >>> 7) & 31],
		c[(hi >>> 2) & 31],
		c[((hi & 3) << 3) | (lo >>> 29)],
		c[(lo >>> 24) & 31],
		c[(lo >>> 19) & 31],
		c[(lo >>> 14) & 31],
		c[(lo >>> 9) & 31],
		c[(lo >>> 4) & 31],
	);
}

/** SHA-256 works in blocks of 64 bytes (RFC 2104's B). */
const BLOCK = 64;

/**
 * HMAC-SHA-256 (RFC 2104) with the key prepared once: the key XOR ipad and XOR opad are kept, and each message
 * takes two one-shot hashes, H(K ⊕ opad ‖ H(K ⊕ ipad ‖ message)). The same bytes as `createHmac('sha256', key)`
 * (tested against it), without an Hmac object, key handle and stream per pupil.
 * @param key the secret as text (UTF-8); a key longer than a block is hashed first, as RFC 2104 says
 */
export function hmacSha256(key: string): (message: string) => Buffer {
	let k = Buffer.from(key, 'utf8');
	if (k.length > BLOCK) k = hash('sha256', k, 'buffer');
	// inner: K ⊕ ipad, then the message (grown for a long one); outer: K ⊕ opad, then the inner digest
	let inner = Buffer.alloc(BLOCK + 256);
	const outer = Buffer.alloc(BLOCK + 32);
	for (let i = 0; i < BLOCK; i++) {
		const byte = i < k.length ? k[i] : 0;
		inner[i] = byte ^ 0x36;
		outer[i] = byte ^ 0x5c;
	}
	return (message) => {
		// a UTF-16 code unit takes at most 3 bytes in UTF-8: room for any message, so `write` never cuts it
		if (BLOCK + 3 * message.length > inner.length) {
			const grown = Buffer.alloc(BLOCK + 3 * message.length);
			inner.copy(grown, 0, 0, BLOCK);
			inner = grown;
		}
		const length = inner.write(message, BLOCK, 'utf8');
		hash('sha256', inner.subarray(0, BLOCK + length), 'buffer').copy(outer, BLOCK);
		return hash('sha256', outer, 'buffer');
	};
}

/** Printable ASCII without spaces: needs only lower-casing. */
const PLAIN = /^[\x21-\x7e]+$/;

/**
 * The form of a pupil reference that is pseudonymised: the same pupil typed slightly differently (spaces,
 * case, Unicode composition) gives the same text, so the same pseudonym.
 * @param ref a pupil reference as written (leerlingnummer or another stable reference)
 * @returns the reference by the one identifier rule (format characters such as a zero-width space removed,
 *   white space collapsed and trimmed: `stripInvisible`), NFC, lower case
 */
export function normalisePupilRef(ref: string): string {
	// fast path: printable ASCII without spaces (leerlingnummers) needs only lower-casing
	if (PLAIN.test(ref)) return ref.toLowerCase();
	return stripInvisible(ref.normalize('NFC')).toLowerCase();
}

/**
 * A keyed pseudonymiser: HMAC-SHA-256 of the normalised pupil reference with the user's key, as
 * `<prefix>` + 12 base32 characters. Stable for the same key across runs and periods; without the key a
 * pseudonym cannot be traced back. Results are memoised per pseudonymiser.
 * @param key the secret from the "Jeugdhulp Pseudonymisation Key" credential (at least MIN_KEY_LENGTH characters)
 * @param prefix text before the hash (default `P-`)
 * @throws DomainError `weak_pseudonymisation_key` when the key is missing or shorter than MIN_KEY_LENGTH
 */
export function makePseudonymiser(key: string, prefix = 'P-'): Pseudonymiser {
	if (typeof key !== 'string' || key.length < MIN_KEY_LENGTH) {
		throw new DomainError('weak_pseudonymisation_key', `The pseudonymisation key must be at least ${MIN_KEY_LENGTH} characters long`, {
			field: 'key',
			hint: 'Open the "Jeugdhulp Pseudonymisation Key" credential and enter a long random key (for example 32 random characters); keep it the same across periods.',
		});
	}
	// the key prepared once (hmacSha256): per pupil two one-shot hashes, no Hmac object
	const hmac = hmacSha256(key);
	// one memo, by the reference as given: callers that meet a pupil once per distinct reference (the settlement)
	// pay one lookup; two spellings of one pupil give the same pseudonym (computed for each)
	const byRaw = new Map<string, string>();
	return (pupilRef: string) => {
		let ref = byRaw.get(pupilRef);
		if (ref === undefined) {
			ref = prefix + base32Of60Bits(hmac(normalisePupilRef(pupilRef)));
			byRaw.set(pupilRef, ref);
		}
		return ref;
	};
}
