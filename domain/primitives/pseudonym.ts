/**
 * Pseudonymous pupil references for anything that leaves the organisation (settlement statements,
 * triage outcomes passed on): a keyed hash (HMAC-SHA256) of the pupil reference or BSN, so the same pupil
 * gets the same reference every time the same key is used, and nobody without the key can link it back
 * (an unkeyed hash of a BSN could be reversed by trying all valid numbers). The key lives in an n8n
 * credential (Jeugdhulp Pseudonymisation Key). One implementation for every node.
 *
 * Reference format: `P-` + the first 12 characters of the RFC 4648 base32 encoding of the HMAC (60 bits).
 */
import { createHmac, createSecretKey } from 'crypto';

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
	// the key prepared once (a KeyObject), not again for every pupil. Node's own HMAC, not a hand-made one: a few
	// per cent of the settlement's time (issue 27) is not worth keyed hashing of our own
	const secret = createSecretKey(key, 'utf8');
	const hmac = (message: string) => createHmac('sha256', secret).update(message, 'utf8').digest();
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
