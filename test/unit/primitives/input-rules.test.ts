/**
 * The pure rules behind the shared input layer: column names (domain/primitives/headers), address lists
 * (domain/primitives/addresses) and the BRIN rule's "more specific entry wins" (domain/primitives/brin).
 */
import fc from 'fast-check';

import { mergeAddressLists, parseAddressList } from '../../../domain/primitives/addresses';
import { mostSpecific, parseBrin, tryParseBrin } from '../../../domain/primitives/brin';
import { AmbiguousColumnError, closestColumn, normaliseHeader, resolveColumn, visibleHeader } from '../../../domain/primitives/headers';
import { assertNoPersonalData } from '../../helpers/privacy';

describe('column names', () => {
	it('normalises BOM, zero-width characters, NBSP, repeated and outer spaces, and case', () => {
		expect(normaliseHeader('\uFEFFleerling')).toBe('leerling');
		expect(normaliseHeader('  Zorgteam\u00A0\u00A0 Datum\u200B ')).toBe('zorgteam datum');
		expect(visibleHeader('\uFEFFleer\u00A0ling')).toBe('<U+FEFF>leer<NBSP>ling');
	});

	it('exact match wins over a normalised one; one normalised match is used; two are ambiguous; none is missing', () => {
		expect(resolveColumn('leerling', ['Leerling', 'leerling'])).toEqual({ kind: 'exact', key: 'leerling' });
		expect(resolveColumn('leerling', ['\uFEFFleerling', 'school'])).toEqual({ kind: 'normalised', key: '\uFEFFleerling' });
		expect(() => resolveColumn('leerling', ['Leerling', 'leerling '])).toThrow(AmbiguousColumnError);
		expect(() => resolveColumn('leerling', ['Leerling', 'leerling '])).toThrow(/"Leerling" and "leerling "/);
		expect(resolveColumn('leerling', ['school'])).toEqual({ kind: 'missing' });
	});

	it('suggests the closest existing column, and nothing far away', () => {
		expect(closestColumn('woongemeente', ['leerling', 'woon gemeente code', 'woongemeentes'])).toBe('woongemeentes');
		expect(closestColumn('zorgteamDate', ['zorgteamDatum', 'school'])).toBe('zorgteamDatum');
		expect(closestColumn('leerling', ['bedrag', 'periode'])).toBeUndefined();
	});

	const messy = fc.tuple(
		fc.constantFrom('', '\uFEFF', '\u200B', ' ', '\u00A0', '  '),
		fc.constantFrom('', ' ', '\u00A0', '\u2060'),
		fc.boolean(),
	);
	it('property: any mix of BOM, zero-width characters, spaces and case finds the same column', () => {
		fc.assert(
			fc.property(fc.constantFrom('leerling', 'woongemeente', 'zorgteam datum'), messy, (name, [before, after, upper]) => {
				const header = before + (upper ? name.toUpperCase() : name) + after;
				const match = resolveColumn(name, ['andere kolom', header]);
				expect(match.kind === 'missing' ? undefined : match.key).toBe(header);
			}),
		);
	});
});

describe('address lists', () => {
	it('reads ";", ",", spaces and line breaks, validates each, removes duplicates case-insensitively', () => {
		expect(parseAddressList('ib@x.nl; zorg@x.nl,\nIB@x.nl  zorg@X.nl', 'e-mail')).toEqual({ addresses: ['ib@x.nl', 'zorg@x.nl'], text: 'ib@x.nl, zorg@x.nl' });
		expect(parseAddressList('', 'e-mail')).toEqual({ addresses: [], text: '' });
		expect(parseAddressList(undefined, 'e-mail')).toEqual({ addresses: [], text: '' });
		expect(mergeAddressLists([parseAddressList('a@x.nl; b@x.nl', 'f'), ['B@x.nl', 'c@x.nl']]).text).toBe('a@x.nl, b@x.nl, c@x.nl');
	});

	it('an entry that is not an address is an error naming the field and position, never the entry', () => {
		let message = '';
		try {
			parseAddressList('a@x.nl; Jan', 'zorgteamEmail');
		} catch (error) {
			message = (error as Error).message;
		}
		expect(message).toBe('Field "zorgteamEmail" holds 2 entries; entry 2 is not an e-mail address');
		assertNoPersonalData(message, 'error');
	});

	it('accepts "Name <address>" and keeps only the address; the name is never echoed in an error', () => {
		expect(parseAddressList('Jan de Vries <jan@x.nl>', 'e-mail')).toEqual({ addresses: ['jan@x.nl'], text: 'jan@x.nl' });
		expect(parseAddressList('"Vries, Jan de" <jan@x.nl>; zorg@x.nl, Zorgteam Oost <ZORG@x.nl>\nib@x.nl Piet <piet@x.nl>', 'e-mail')).toEqual({
			addresses: ['jan@x.nl', 'zorg@x.nl', 'ib@x.nl', 'piet@x.nl'],
			text: 'jan@x.nl, zorg@x.nl, ib@x.nl, piet@x.nl',
		});
		let message = '';
		try {
			parseAddressList('Jan de Vries <jan@x.nl>; Piet Jansen', 'zorgteamEmail');
		} catch (error) {
			message = (error as Error).message;
		}
		expect(message).toBe('Field "zorgteamEmail" holds 3 entries; entry 2 is not an e-mail address');
		expect(message).not.toMatch(/Jan|Vries|Piet|Jansen/);
		expect(() => parseAddressList('Jan de Vries <>', 'f')).toThrow('Field "f" is not an e-mail address');
	});

	it('property: the text is the addresses joined by ", " and splits back into them', () => {
		const address = fc.tuple(fc.stringMatching(/^[a-z]{1,6}$/), fc.constantFrom('x.nl', 'school.example')).map(([l, d]) => `${l}@${d}`);
		fc.assert(
			fc.property(fc.array(address, { maxLength: 6 }), fc.constantFrom('; ', ',', '\n', ' '), (list, sep) => {
				const parsed = parseAddressList(list.join(sep), 'f');
				expect(parseAddressList(parsed.text, 'f')).toEqual(parsed);
				expect(new Set(parsed.addresses.map((a) => a.toLowerCase())).size).toBe(parsed.addresses.length);
			}),
		);
	});
});

describe('one BRIN rule', () => {
	it('reads case, spaces and the location number', () => {
		expect(['12 ab', '12AB', '12ab'].map((v) => parseBrin(v, 'f').code)).toEqual(['12AB', '12AB', '12AB']);
		expect(tryParseBrin('12 ab 01')).toEqual({ institution: '12AB', location: '01', code: '12AB01' });
		expect(tryParseBrin('De Regenboog')).toBeUndefined();
	});

	it('the more specific list entry wins; the whole school covers its other locations', () => {
		const entries = [
			{ brin: parseBrin('12AB', 'f'), value: 'school' },
			{ brin: parseBrin('12AB01', 'f'), value: 'location 01' },
			{ brin: parseBrin('34CD', 'f'), value: 'other' },
		];
		expect(mostSpecific(entries, parseBrin('12AB01', 'f'))).toEqual(['location 01']);
		expect(mostSpecific(entries, parseBrin('12AB00', 'f'))).toEqual(['school']);
		expect(mostSpecific(entries, parseBrin('12AB', 'f'))).toEqual(['school']);
		expect(mostSpecific(entries, parseBrin('56EF', 'f'))).toEqual([]);
	});
});
