/**
 * Privacy guard for tests: fails when a text or an output item contains personal data —
 * a BSN-shaped number that passes the elfproef, or one of the synthetic pupil names used in fixtures.
 * Node tests run every error message and every shared output through it.
 */
import { passesElfproef } from '../../domain/primitives/bsn';

/** The synthetic pupil names used in this repository's fixtures and sample data. Add new ones here. */
export const SYNTHETIC_PUPIL_NAMES = [
	'Noor Testkind',
	'Daan Proefleerling',
	'Sem Voorbeeldink',
	'Lotte Fictiefsma',
	'Finn Nepstra',
	'Emma Synthema',
	'Levi Oefenhuis',
	'Julia Demodijk',
];

/**
 * How BSNs are written: 9 digits in a row, or grouped 3-3-3 / 4-2-3 with a space or dot; and 8 digits in a
 * row (a spreadsheet dropped the leading zero). Dates (2026-03-01, 20260301) are not BSN-shaped by these rules
 * unless they happen to pass the elfproef as a plain 8/9-digit run.
 */
const BSN_SHAPES = /(?<![\d.-])(\d{9}|\d{8}|\d{3}[ .]\d{3}[ .]\d{3}|\d{4}[ .]\d{2}[ .]\d{3})(?![\d.-]?\d)/g;

/** All elfproef-valid BSN-shaped numbers in a text. */
export function findBsnLike(text: string): string[] {
	const found: string[] = [];
	for (const m of text.matchAll(BSN_SHAPES)) {
		const digits = m[1].replace(/\D/g, '');
		if (passesElfproef(digits.length === 8 ? '0' + digits : digits)) found.push(m[1]);
	}
	return found;
}

export function findPupilNames(text: string, names: string[] = SYNTHETIC_PUPIL_NAMES): string[] {
	const lower = text.toLowerCase();
	const hits: string[] = [];
	for (const name of names) {
		if (lower.includes(name.toLowerCase())) hits.push(name);
		// the (made-up) surname alone also counts: "Testkind" is as identifying as "Noor Testkind"
		const surname = name.split(' ').slice(1).join(' ');
		if (surname && new RegExp(`\\b${surname}\\b`, 'i').test(text)) hits.push(surname);
	}
	return [...new Set(hits)];
}

/** Throws when `value` (a string or any JSON-able value) contains a BSN or a synthetic pupil name. */
export function assertNoPersonalData(value: unknown, what = 'value', names?: string[]): void {
	const text = typeof value === 'string' ? value : JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? String(v) : v));
	if (text === undefined) return;
	const bsns = findBsnLike(text);
	const people = findPupilNames(text, names);
	if (bsns.length || people.length) {
		throw new Error(
			`${what} contains personal data: ${bsns.length} BSN-like number(s)${people.length ? `, pupil name(s) ${people.join(', ')}` : ''}`,
		);
	}
}

/** A list of valid synthetic BSNs (elfproef-valid, from the test range used in the Netherlands' own test sets). */
export const SYNTHETIC_BSNS = ['111222333', '123456782', '999999990'];
