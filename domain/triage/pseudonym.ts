/**
 * Pseudonymous pupil references: a keyed hash (HMAC-SHA-256) of the BSN. Without a secret key a
 * hash of a BSN could be reversed by trying all valid numbers, so a key is required.
 */
import { createHmac } from 'crypto';

import { InvalidFieldError } from '../errors';

export function makePseudonymiser(key: string): (bsn: string) => string {
	if (typeof key !== 'string' || key.length < 16) {
		throw new InvalidFieldError('weak_pseudonym_key', 'pseudonymKey', 'The pseudonym key must be at least 16 characters long', 'Use a long random secret and keep it the same across runs, so the same pupil keeps the same reference.');
	}
	return (bsn: string) => 'PSN-' + createHmac('sha256', key).update(bsn).digest('hex').slice(0, 16).toUpperCase();
}
