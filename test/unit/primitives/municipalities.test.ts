import * as fs from 'node:fs';
import * as path from 'node:path';
import {
	foldName,
	GEMEENTEN_2025,
	getDefaultRegistry,
	MunicipalityRegistry,
	normaliseCode,
	UnknownMunicipalityError,
} from '../../../domain/municipalities';
import { assertNoPersonalData } from '../../helpers/privacy';

const registry = getDefaultRegistry();
const code = (v: unknown) => registry.resolve(v, 'woongemeente').code;

describe('municipality registry (CBS, 1 January 2025)', () => {
	it('holds exactly the 342 municipalities of the shared CSV, with the same codes, names and provinces', () => {
		// a copy of shared/data/gemeenten-2025-01-01.csv (CBS) inside the repository, so CI on GitHub has it too
		const csv = fs.readFileSync(path.join(__dirname, 'data', 'gemeenten-2025-01-01.csv'), 'utf8');
		const lines = csv.trim().split(/\r?\n/).slice(1);
		expect(lines).toHaveLength(342);
		expect(GEMEENTEN_2025).toHaveLength(342);
		const fromCsv = lines.map((l) => l.replace(/"/g, '')).sort();
		const fromModule = GEMEENTEN_2025.map(([c, n, p]) => `${c},${n},${p}`).sort();
		expect(fromModule).toEqual(fromCsv);
		expect(registry.size).toBe(342);
	});

	it.each([
		['0307', '0307'],
		['307', '0307'],
		['GM0307', '0307'],
		['gm0307', '0307'],
		[307, '0307'],
		['Amersfoort', '0307'],
		['amersfoort', '0307'],
		['  AMERSFOORT ', '0307'],
		['Sudwest-Fryslan', '1900'],
		['Súdwest-Fryslân', '1900'],
		['Den Haag', '0518'],
		["'s-Gravenhage", '0518'],
		['Den Bosch', '0796'],
		['Hengelo', '0164'],
		['Hengelo (O.)', '0164'],
		['Nuenen, Gerwen en Nederwetten', '0820'],
		['Bergen (NH.)', '0373'],
		['Hof van Twente', '1735'],
	])('resolves %j to %s', (input, expected) => {
		expect(code(input)).toBe(expected);
	});

	it.each(['Atlantis', '9999', 'GM9999', '', '12345', null, {}])('rejects %j with an error naming the field', (input) => {
		expect(() => code(input)).toThrow(UnknownMunicipalityError);
		expect(() => code(input)).toThrow(/^Field "woongemeente" does not name a known municipality/);
	});

	const messageOf = (value: unknown) => {
		try {
			code(value);
		} catch (e) {
			return e as UnknownMunicipalityError;
		}
		throw new Error('expected an error');
	};

	it('names an unknown code in the error, and says how to fix it', () => {
		expect(messageOf('9999').message).toBe('Field "woongemeente" does not name a known municipality: received "9999"');
		expect(messageOf('GM9999').message).toContain('"GM9999"');
		expect(messageOf(9999).message).toContain('the number 9999');
		expect(messageOf('9999').hint).toMatch(/CBS gemeentecode/);
	});

	it('names a misspelt municipality and suggests the right one', () => {
		const e = messageOf('Amersfort');
		expect(e.message).toBe('Field "woongemeente" does not name a known municipality: received "Amersfort" (did you mean Amersfoort, 0307?)');
		expect(e.suggestion?.code).toBe('0307');
		expect(messageOf('Zwole').message).toContain('did you mean Zwolle, 0193?');
	});

	it('does not echo text that is not close to any municipality: it could be a name in a shifted column', () => {
		for (const value of ['Atlantis', 'Noor Testkind', 'Daan Proefleerling']) {
			const e = messageOf(value);
			expect(e.message).not.toContain(value);
			expect(e.message).toContain('not shown for privacy');
			expect(e.suggestion).toBeUndefined();
		}
		assertNoPersonalData(messageOf('Noor Testkind').message);
	});

	it('a user list extends the CBS list, or replaces it', () => {
		const extended = new MunicipalityRegistry({ municipalities: [{ code: '9999', name: 'Proefgemeente' }] });
		expect(extended.resolve('Proefgemeente', 'f').code).toBe('9999');
		expect(extended.resolve('Amersfoort', 'f').code).toBe('0307');
		const replaced = new MunicipalityRegistry({ mode: 'replace', municipalities: [{ code: '9999', name: 'Proefgemeente' }] });
		expect(replaced.size).toBe(1);
		expect(() => replaced.resolve('Amersfoort', 'f')).toThrow(UnknownMunicipalityError);
		expect(replaced.source).toBe('user-supplied list');
	});

	it('accepts user aliases pointing at known codes only', () => {
		const withAlias = new MunicipalityRegistry({ aliases: { Amfo: '307' } });
		expect(withAlias.resolve('amfo', 'f').code).toBe('0307');
		expect(() => new MunicipalityRegistry({ aliases: { Nergens: '9998' } })).toThrow(UnknownMunicipalityError);
	});

	it('folds names and normalises codes', () => {
		expect(foldName("'s-Hertogenbosch")).toBe('shertogenbosch');
		expect(normaliseCode('GM0034')).toBe('0034');
		expect(normaliseCode('34')).toBe('0034');
		expect(normaliseCode('12345')).toBeUndefined();
	});

	it('every default alias points at an existing municipality', () => {
		const { DEFAULT_ALIASES } = require('../../../domain/municipalities');
		for (const c of Object.values(DEFAULT_ALIASES) as string[]) expect(registry.has(c)).toBe(true);
	});
});
