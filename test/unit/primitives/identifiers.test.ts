/**
 * The one identifier rule (issue 22): format characters, float exports, BSN export forms, BRIN grammar,
 * e-mail address lists as mail clients read them, municipality lists. Expected values are worked out by
 * hand in the comments; property tests check the invariants the issue names.
 */
import fc from 'fast-check';

import { parseAddressList } from '../../../domain/primitives/addresses';
import { parseBrin, tryParseBrin } from '../../../domain/primitives/brin';
import { normaliseBsn, passesElfproef } from '../../../domain/primitives/bsn';
import { formatIsoDate, parseCalendarDate } from '../../../domain/primitives/dates';
import { isBlank } from '../../../domain/primitives/blank';
import { exportedInteger, readIdentifier, stripInvisible } from '../../../domain/primitives/identifier';
import { normalisePupilRef } from '../../../domain/primitives/pseudonym';
import { describeRow, describeRows, rowOf } from '../../../domain/primitives/rows';
import { FORMER_MUNICIPALITIES, GEMEENTEN_2025, getDefaultRegistry, parseMunicipalityList, parseMunicipalitySetting, MunicipalityListError } from '../../../domain/municipalities';

/** Characters that print as nothing, as web pages, Teams, Word and PDFs leave them. */
const FORMAT_CHARS = ['\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD', '\u200E', '\u200F', '\u202A', '\u202C', '\u2066', '\u2069'];
const formatChar = fc.constantFrom(...FORMAT_CHARS);

/** `text` with format characters inserted at random positions. */
const withFormatChars = (text: string) =>
	fc.array(fc.tuple(fc.nat({ max: text.length }), formatChar), { minLength: 1, maxLength: 4 }).map((inserts) => {
		let out = text;
		for (const [at, ch] of [...inserts].sort((a, b) => b[0] - a[0])) out = out.slice(0, Math.min(at, out.length)) + ch + out.slice(Math.min(at, out.length));
		return out;
	});

/** The outcome of a function: its value or the code of the error it throws. */
function outcome<T>(f: () => T): { value?: T; error?: string } {
	try {
		return { value: f() };
	} catch (e) {
		return { error: (e as { code?: string }).code ?? String(e) };
	}
}

describe('the one identifier rule (issue 22 §1)', () => {
	it('removes format characters and the soft hyphen, collapses white space; a second identity cannot arise', () => {
		expect(readIdentifier('L-0001\u200B', 'leerling')).toBe('L-0001');
		expect(readIdentifier('\uFEFFL-\u00AD0001\u00A0', 'leerling')).toBe('L-0001');
		expect(readIdentifier('C-2026\u20600001', 'casus')).toBe('C-20260001');
		expect(normalisePupilRef('L-0001\u200B')).toBe(normalisePupilRef('L-0001'));
		expect(stripInvisible('  Nuenen,\u00A0Gerwen  en\u200B Nederwetten ')).toBe('Nuenen, Gerwen en Nederwetten');
		expect(isBlank('\u200B')).toBe(true);
		expect(isBlank(' \u00AD ')).toBe(true);
		expect(isBlank('L-0001\u200B')).toBe(false);
	});

	it('refuses what cannot be made clean, naming the field and not the value', () => {
		for (const bad of ['L-0001\u0007', 'L-\uE0010001', 'L-0001\uD800']) {
			expect(() => readIdentifier(bad, 'leerling')).toThrow(expect.objectContaining({ code: 'invalid_identifier', field: 'leerling' }));
		}
		expect(() => readIdentifier('L-0001\u0007', 'leerling')).toThrow(/^Field "leerling" cannot be read as an identifier/);
		expect(() => readIdentifier(12.5, 'leerling')).toThrow(expect.objectContaining({ code: 'invalid_identifier' }));
	});

	it('reads a float export as the integer it denotes, or refuses it (issue 22 §2)', () => {
		expect(readIdentifier('12345.0', 'leerling')).toBe('12345');
		expect(readIdentifier('12345,00', 'leerling')).toBe('12345');
		expect(readIdentifier(12345, 'leerling')).toBe('12345');
		expect(exportedInteger('1.0000094E7', 'bsn')).toBe('10000094'); // 1.0000094 × 10^7
		expect(exportedInteger('1,0000094E+07', 'bsn')).toBe('10000094');
		expect(exportedInteger('0.5E1', 'x')).toBe('5');
		expect(() => exportedInteger('1.23E+08', 'bsn')).toThrow(expect.objectContaining({ code: 'invalid_identifier' })); // rounded: 123000000?
		expect(() => exportedInteger('1.2345E2', 'x')).toThrow(expect.objectContaining({ code: 'invalid_identifier' })); // 123.45
		expect(exportedInteger('1.000', 'x')).toBeUndefined(); // one thousand with a Dutch group separator? not read as a float
		expect(readIdentifier('L-0001', 'leerling')).toBe('L-0001');
		expect(readIdentifier('12E34', 'leerling')).toBe('12E34'); // neither separator nor sign: a text reference
	});

	it('property: inserting format characters anywhere in an identifier changes no output', () => {
		const registry = getDefaultRegistry();
		const names = GEMEENTEN_2025.map(([code, name]) => [code, name]).flat();
		const cases: Array<[fc.Arbitrary<string>, (s: string) => unknown]> = [
			[fc.constantFrom('L-0001', 'C-2026-0001', '12345', 'AB 12', 'F-2026-017'), (s) => readIdentifier(s, 'ref')],
			[fc.constantFrom('L-0001', 'Leerling 7', 'x'), (s) => normalisePupilRef(s)],
			[fc.constantFrom('12AB', '12 ab 01', '34CD00'), (s) => parseBrin(s, 'school').code],
			[fc.constantFrom('123456782', '010000094', '1234.56.782', '10000094.0', '1.0000094E7'), (s) => normaliseBsn(s, 'bsn')],
			[fc.constantFrom(...names), (s) => registry.resolve(s, 'gemeente').code],
			[fc.constantFrom('2026-03-01', '1-3-2026', '1 maart 2026', '46082'), (s) => formatIsoDate(parseCalendarDate(s, 'datum', 'Europe/Amsterdam'))],
			[fc.constantFrom('j.bakker@school.example', 'Jan <jan@school.example>; mailto:zorg@school.example'), (s) => parseAddressList(s, 'email').addresses],
		];
		for (const [values, read] of cases) {
			fc.assert(
				fc.property(values.chain((v) => fc.tuple(fc.constant(v), withFormatChars(v))), ([clean, dirty]) => {
					expect(outcome(() => read(dirty))).toEqual(outcome(() => read(clean)));
				}),
				{ numRuns: 150 },
			);
		}
	});
});

/** A valid BSN's 9 digits (elfproef), from 8 random digits plus a check digit that fits. */
const validBsn = fc
	.array(fc.integer({ min: 0, max: 9 }), { minLength: 8, maxLength: 8 })
	.map((d) => {
		const sum = d.reduce((a, x, i) => a + (9 - i) * x, 0);
		return { digits: d.join(''), last: sum % 11 };
	})
	.filter(({ digits, last }) => last < 10 && digits + last !== '000000000')
	.map(({ digits, last }) => digits + last);

describe('BSN export forms (issue 22 §2)', () => {
	it('the example: 10000094.0 (a float export of 010000094) gives 010000094, never 100000940', () => {
		// 010000094: 9·0 + 8·1 + 7·0 + 6·0 + 5·0 + 4·0 + 3·0 + 2·9 − 4 = 22 ≡ 0 (mod 11): valid
		// 100000940: 9·1 + 3·9 + 2·4 − 0 = 44 ≡ 0 (mod 11): also valid — the wrong person
		expect(passesElfproef('010000094')).toBe(true);
		expect(passesElfproef('100000940')).toBe(true);
		expect(normaliseBsn('10000094.0', 'bsn')).toBe('010000094');
		expect(normaliseBsn('10000094,0', 'bsn')).toBe('010000094');
		expect(normaliseBsn('1.0000094E7', 'bsn')).toBe('010000094');
		expect(normaliseBsn('10.000.094', 'bsn')).toBe('010000094');
		expect(normaliseBsn('10.000.094,0', 'bsn')).toBe('010000094');
		expect(normaliseBsn('10,000,094.00', 'bsn')).toBe('010000094');
		expect(normaliseBsn(10000094, 'bsn')).toBe('010000094');
		expect(normaliseBsn('1234.56.782', 'bsn')).toBe('123456782');
		expect(normaliseBsn('123 456 782', 'bsn')).toBe('123456782');
		expect(normaliseBsn('123-45-6782', 'bsn')).toBe('123456782');
	});

	it('refuses a fraction, rounded scientific notation and ambiguous separators, saying why', () => {
		expect(() => normaliseBsn('10000094.5', 'bsn')).toThrow(/decimal fraction/);
		expect(() => normaliseBsn('1000009.40', 'bsn')).toThrow(/decimal fraction/);
		expect(() => normaliseBsn(10000094.5, 'bsn')).toThrow(/fraction/);
		expect(() => normaliseBsn('1.23E+08', 'bsn')).toThrow(/scientific notation/);
		expect(() => normaliseBsn('10.000,094.0', 'bsn')).toThrow(/unambiguously/);
		expect(() => normaliseBsn('12345.6782', 'bsn')).toThrow(/decimal fraction/);
	});

	it('property: every export form of a valid BSN gives that BSN or an error, never another valid BSN', () => {
		const group = (s: string, sizes: number[], sep: string) => {
			const parts: string[] = [];
			let at = 0;
			for (const n of sizes) {
				parts.push(s.slice(at, at + n));
				at += n;
			}
			return parts.join(sep);
		};
		const forms = (bsn: string): unknown[] => {
			const n = Number(bsn);
			const plain = String(n); // leading zero lost, as a number cell
			const thousands = (sep: string) => plain.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
			const mantissa = `${plain[0]}.${plain.slice(1)}`;
			return [
				bsn, n, plain, `${plain}.0`, `${plain},0`, `${plain}.00`, `${plain},00`, `${bsn}.0`,
				`${mantissa}E${plain.length - 1}`, `${mantissa}E+${String(plain.length - 1).padStart(2, '0')}`, `${mantissa.replace('.', ',')}E+0${plain.length - 1}`,
				`${plain[0]}.${plain.slice(1, 3)}E+${String(plain.length - 1).padStart(2, '0')}`, // rounded to 3 digits
				n.toExponential(2), n.toExponential(),
				thousands('.'), thousands(','), `${thousands('.')},0`, `${thousands(',')}.0`, `${thousands('.')},5`,
				group(bsn, [4, 2, 3], '.'), group(bsn, [3, 3, 3], '.'), group(bsn, [3, 3, 3], ' '), group(bsn, [3, 2, 4], '-'),
				group(bsn, [4, 5], '.'), group(bsn, [8, 1], '-'), group(bsn, [7, 2], ','),
				`\u200B${bsn}`, `${bsn}\u00AD`, `${plain}\u200B.0`,
			];
		};
		fc.assert(
			fc.property(validBsn, (bsn) => {
				for (const form of forms(bsn)) {
					const r = outcome(() => normaliseBsn(form, 'bsn'));
					if (r.error === undefined) expect({ form, value: r.value }).toEqual({ form, value: bsn });
				}
			}),
			{ numRuns: 400 },
		);
	});
});

describe('BRIN by its published grammar (issue 22 §5)', () => {
	it('2 digits, 2 letters, an optional 2-digit location number', () => {
		expect(parseBrin('12AB', 'school').code).toBe('12AB');
		expect(parseBrin('12 ab 01', 'school').code).toBe('12AB01');
		expect(parseBrin('12\u200BAB', 'school').code).toBe('12AB');
		for (const code of ['11AA', '22BB', '33CC', '23CD', '34EF', '45GH']) expect(parseBrin(code, 'school').code).toBe(code);
	});

	it('refuses digits where the letters belong: a year or a gemeentecode is not a school', () => {
		for (const bad of ['1234', '2026', '202601', '12A4', '1A2B', 'AB12', '12ABC', '12AB1']) {
			expect(() => parseBrin(bad, 'school')).toThrow(expect.objectContaining({ code: 'invalid_brin', field: 'school' }));
			expect(tryParseBrin(bad)).toBeUndefined();
		}
		expect(() => parseBrin(2026, 'school')).toThrow(expect.objectContaining({ code: 'invalid_brin' }));
		expect(() => parseBrin('2026', 'school')).toThrow(/2 digits and 2 letters/);
	});
});

describe('e-mail address lists as mail clients read them (issue 22 §3)', () => {
	it('the example: mailto:j.bakker@school.example and j.bakker@school.example are one recipient', () => {
		expect(parseAddressList(['mailto:j.bakker@school.example', 'j.bakker@school.example'], 'zorgteamEmail')).toEqual({ addresses: ['j.bakker@school.example'], text: 'j.bakker@school.example' });
	});

	it('display names (quoted, with commas), comments, mailto links, domain case', () => {
		expect(parseAddressList('"Bakker, J." <J.Bakker@School.EXAMPLE>, zorg@school.example (zorgteam)', 'e').addresses).toEqual(['J.Bakker@school.example', 'zorg@school.example']);
		expect(parseAddressList('"Vries, \\"Jan\\" de" <jan@x.example>', 'e').addresses).toEqual(['jan@x.example']);
		expect(parseAddressList('<mailto:zorg@school.example?subject=MDO>', 'e').addresses).toEqual(['zorg@school.example']);
		expect(parseAddressList('MAILTO:zorg%40school.example', 'e').addresses).toEqual(['zorg@school.example']);
		expect(parseAddressList('Zorg@School.Example; zorg@school.example', 'e').addresses).toEqual(['Zorg@school.example']);
		expect(parseAddressList('a\u200B@school.example', 'e').addresses).toEqual(['a@school.example']);
	});

	it('refuses what the mail nodes do not accept, naming the field and the entry position', () => {
		for (const bad of ['"jan de vries"@x.example', 'jan@localhost', 'jan..de@x.example', '.jan@x.example', 'jan@[192.0.2.1]', 'jan@-x.example', 'mailto:', 'jan@x_y.example']) {
			expect(() => parseAddressList(`ok@x.example, ${bad}`, 'Zorgteam Email')).toThrow(expect.objectContaining({ code: 'invalid_email', field: 'Zorgteam Email' }));
		}
		expect(() => parseAddressList('ok@x.example; jan@localhost', 'Zorgteam Email')).toThrow('Field "Zorgteam Email" holds 2 entries; entry 2 is not an e-mail address');
	});
});

describe('municipality lists in node settings (issue 22 §4)', () => {
	const registry = getDefaultRegistry();
	const codes = (text: string) => parseMunicipalityList(text, registry, 'Participating Municipalities').map((m) => m.code);

	it('the example: Nuenen, Gerwen en Nederwetten (0820) is one entry; 0772 Eindhoven is Eindhoven', () => {
		expect(codes('Nuenen, Gerwen en Nederwetten')).toEqual(['0820']);
		expect(codes('0772 Eindhoven, Nuenen, Gerwen en Nederwetten, Eindhoven')).toEqual(['0772', '0820']);
		expect(codes('0820 Nuenen, Gerwen en Nederwetten; 0772 Eindhoven')).toEqual(['0820', '0772']);
		expect(codes('Nuenen, Eindhoven')).toEqual(['0820', '0772']); // the alias Nuenen, then Eindhoven
		expect(codes('Eindhoven (0772)\nGM0820')).toEqual(['0772', '0820']);
		expect(codes('0457 Weesp')).toEqual(['0363']); // a former municipality counts as its successor
		expect(parseMunicipalitySetting(' 0363 Amsterdam ', registry, 'Financing Municipality')?.code).toBe('0363');
	});

	it('an error names the entry, its position and how to write it', () => {
		expect(() => codes('0307 Amersfoort, Atlantis')).toThrow('"Participating Municipalities": entry 2 "Atlantis" is not a known municipality');
		expect(() => codes('Gerwen en Nederwetten')).toThrow(MunicipalityListError);
		expect(() => codes('0772 Amsterdam')).toThrow('"Participating Municipalities": entry 1 "0772 Amsterdam" gives the code 0772 (Eindhoven) and the name of Amsterdam (0363): they must name the same municipality');
		expect(() => codes('Amsterdm')).toThrow(/did you mean Amsterdam, 0363/);
		try {
			codes('Atlantis');
		} catch (e) {
			expect((e as MunicipalityListError).hint).toMatch(/one municipality per line, or separate them with ";" or ","/);
			expect((e as MunicipalityListError).hint).toContain('0820 Nuenen, Gerwen en Nederwetten');
		}
	});

	it('property: any official municipality name can be entered, alone, with its code, and among others', () => {
		const official = GEMEENTEN_2025.map(([code, name]) => ({ code, name }));
		const current = new Set(official.map((m) => m.name.toLowerCase()));
		// former municipalities (not split) count as their successor; a former name that is also a current one means the current one
		const formerNames = FORMER_MUNICIPALITIES.filter((r) => r[3] !== 'split' && !current.has(r[1].toLowerCase())).map((r) => ({ code: registry.resolve(r[0], 'x').code, name: r[1] }));
		const entry = fc.constantFrom(...official, ...formerNames).chain((m) =>
			fc.constantFrom(m.name, `${m.code} ${m.name}`, `GM${m.code} ${m.name}`, `${m.name} (${m.code})`, m.name.toUpperCase()).map((text) => ({ code: m.code, text })),
		);
		const separator = fc.constantFrom(', ', ',', '; ', '\n', ' ;\n');
		fc.assert(
			fc.property(fc.array(fc.tuple(entry, separator), { minLength: 1, maxLength: 5 }), (entries) => {
				const text = entries.map(([e, sep], i) => (i === 0 ? '' : sep) + e.text).join('');
				expect(codes(text)).toEqual([...new Set(entries.map(([e]) => e.code))]);
			}),
			{ numRuns: 300 },
		);
		for (const { code, name } of official) expect(codes(name)).toEqual([code]);
	});
});

describe('rows as the user sees them (issue 22 §5)', () => {
	it('Google Sheets row_number, Extract From File position plus the header row, or the item counted from 1', () => {
		expect(describeRow(rowOf({ row_number: 4 }, 2, 'items'))).toBe('sheet row 4');
		expect(describeRow(rowOf({ row_number: 4 }, 2, 'items'), 'nl')).toBe('rij 4 van het werkblad');
		expect(describeRow(rowOf({}, 3, 'file'))).toBe('row 5 of the file, the header being row 1');
		expect(describeRow(rowOf({}, 3, 'file'), 'nl')).toBe('rij 5 van het bestand, de kopregel meegeteld');
		expect(describeRow(rowOf({}, 2, 'items', 'C-2026-0001'))).toBe('item 3, case C-2026-0001');
		expect(describeRow(rowOf({}, 2, 'items', 'C-2026-0001'), 'nl')).toBe('item 3, casus C-2026-0001');
		expect(describeRows([rowOf({ row_number: 6 }, 4), rowOf({ row_number: 9 }, 7)])).toBe('sheet row(s) 6, 9');
		expect(describeRows([rowOf({}, 4)])).toBe('item(s) 5');
	});
});
