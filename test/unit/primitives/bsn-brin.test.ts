import fc from 'fast-check';
import { InvalidBsnError, isValidBsn, normaliseBsn, passesElfproef } from '../../../domain/primitives/bsn';
import { brinMatches, InvalidBrinError, parseBrin } from '../../../domain/primitives/brin';
import { describeValue } from '../../../domain/primitives/errors';

describe('BSN elfproef', () => {
	it.each(['111222333', '123456782', '999999990'])('accepts the valid synthetic BSN %s', (bsn) => {
		expect(passesElfproef(bsn)).toBe(true);
		expect(normaliseBsn(bsn, 'bsn')).toBe(bsn);
	});

	it('rejects numbers that fail the check digit, all zeros, and wrong lengths', () => {
		expect(passesElfproef('111222334')).toBe(false);
		expect(passesElfproef('123456789')).toBe(false);
		expect(passesElfproef('000000000')).toBe(false);
		expect(passesElfproef('12345678')).toBe(false);
	});

	it('normalises spaces, dots and a dropped leading zero; numbers from spreadsheets too', () => {
		// 012345672: 0*9+1*8+2*7+3*6+4*5+5*4+6*3+7*2-2 = 110 ≡ 0
		expect(passesElfproef('012345672')).toBe(true);
		expect(normaliseBsn('12345672', 'bsn')).toBe('012345672');
		expect(normaliseBsn(12345672, 'bsn')).toBe('012345672');
		expect(normaliseBsn('1112.22.333', 'bsn')).toBe('111222333');
		expect(normaliseBsn(' 111 222 333 ', 'bsn')).toBe('111222333');
		expect(isValidBsn('123456782')).toBe(true);
		expect(isValidBsn('123456789')).toBe(false);
	});

	it.each([
		['123456789', /fails the elfproef/],
		['12345', /has 5 digits instead of 9/],
		['12345678a', /other than digits/],
		['', /empty/],
		[null, /expected a number of 9 digits/],
	])('rejects %j with a reason, and never echoes the number', (input, reason) => {
		let error: unknown;
		try {
			normaliseBsn(input, 'leerlingBsn');
		} catch (e) {
			error = e;
		}
		expect(error).toBeInstanceOf(InvalidBsnError);
		const message = (error as Error).message;
		expect(message).toMatch(/^Field "leerlingBsn" is not a valid BSN: /);
		expect(message).toMatch(reason);
		if (typeof input === 'string' && input.length > 3) expect(message).not.toContain(input);
		expect(message).not.toMatch(/\d{4,}/);
	});

	it('the error message never contains any digit run of the input (property)', () => {
		fc.assert(
			fc.property(fc.stringMatching(/^\d{9}$/), (digits) => {
				try {
					normaliseBsn(digits, 'bsn');
				} catch (e) {
					expect((e as Error).message).not.toContain(digits);
					expect((e as Error).message).not.toMatch(/\d{3,}/);
				}
			}),
		);
	});

	it('exactly one in eleven-ish 9-digit numbers passes: a changed digit is always caught (property)', () => {
		fc.assert(
			fc.property(fc.integer({ min: 0, max: 8 }), fc.integer({ min: 1, max: 9 }), (pos, delta) => {
				const valid = '111222333';
				const d = (Number(valid[pos]) + delta) % 10;
				const changed = valid.slice(0, pos) + d + valid.slice(pos + 1);
				expect(passesElfproef(changed)).toBe(false);
			}),
		);
	});
});

describe('BRIN school codes', () => {
	it('normalises case and separators, with an optional location number', () => {
		expect(parseBrin('12ab', 'brin')).toEqual({ institution: '12AB', code: '12AB' });
		expect(parseBrin(' 12 AB 01 ', 'brin')).toEqual({ institution: '12AB', location: '01', code: '12AB01' });
		expect(parseBrin('12-AB-00', 'brin').code).toBe('12AB00');
		expect(parseBrin('00ZZ', 'brin').code).toBe('00ZZ');
	});

	it.each(['1AB', '12ABC', 'ABCD', '12AB0', '12AB001', '', 42])('rejects %j naming the field', (v) => {
		expect(() => parseBrin(v, 'schoolBrin')).toThrow(InvalidBrinError);
		expect(() => parseBrin(v, 'schoolBrin')).toThrow(/Field "schoolBrin" is not a valid BRIN code/);
	});

	it('matches a code without location against all its locations', () => {
		expect(brinMatches(parseBrin('12AB', 'b'), parseBrin('12AB01', 'b'))).toBe(true);
		expect(brinMatches(parseBrin('12AB00', 'b'), parseBrin('12AB01', 'b'))).toBe(false);
		expect(brinMatches(parseBrin('12AB', 'b'), parseBrin('12AC', 'b'))).toBe(false);
	});

	it('an entry for one location covers only that location, never a code without location (issue 15 §2)', () => {
		expect(brinMatches(parseBrin('12AB01', 'b'), parseBrin('12AB', 'b'))).toBe(false);
		expect(brinMatches(parseBrin('12AB01', 'b'), parseBrin('12AB00', 'b'))).toBe(false);
		expect(brinMatches(parseBrin('12AB01', 'b'), parseBrin('12 ab 01', 'b'))).toBe(true);
		expect(brinMatches(parseBrin('12AB', 'b'), parseBrin('12 ab', 'b'))).toBe(true);
	});
});

describe('describeValue: mention a bad value without leaking it', () => {
	it('quotes short date-like values', () => {
		expect(describeValue('31-02-2026')).toBe('"31-02-2026"');
		expect(describeValue(46082)).toBe('the number 46082');
	});
	it('hides text, long digit runs and numbers that could be a BSN', () => {
		expect(describeValue('Noor Testkind')).toBe('a text of 13 characters (not shown for privacy)');
		expect(describeValue('111222333')).toMatch(/not shown/);
		expect(describeValue(111222333)).toBe('a number that is not shown');
		expect(describeValue('06-12345678')).toMatch(/not shown/);
	});
});
