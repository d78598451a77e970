import fc from 'fast-check';
import {
	FORMER_MUNICIPALITIES,
	FORMER_MUNICIPALITIES_FROM,
	foldName,
	GEMEENTEN_2025,
	getDefaultRegistry,
	MUNICIPALITIES_REFERENCE_DATE,
	MunicipalityRegistry,
	SplitMunicipalityError,
	UnknownMunicipalityError,
	type FormerMunicipalityRow,
} from '../../../domain/municipalities';
import { buildPolicy, classifyPupil, PRESETS } from '../../../domain/policies';
import { assertNoPersonalData } from '../../helpers/privacy';

const registry = getDefaultRegistry();
const current = new Map(GEMEENTEN_2025.map(([code, name]) => [code, name]));
const former = new Map(FORMER_MUNICIPALITIES.map((r) => [r[0], r]));

const errorOf = (value: unknown) => {
	try {
		registry.resolve(value, 'woongemeente');
	} catch (e) {
		return e as Error & { code: string; hint?: string; suggestion?: { code: string; name: string } };
	}
	throw new Error(`expected ${JSON.stringify(value)} to be refused`);
};

describe('table of discontinued municipalities (gemeentelijke herindelingen since 2015)', () => {
	it('has one row per code, with a valid CBS code, a name and sources', () => {
		expect(former.size).toBe(FORMER_MUNICIPALITIES.length);
		for (const [code, name, , , , sources] of FORMER_MUNICIPALITIES) {
			expect(code).toMatch(/^\d{4}$/);
			expect(name.trim()).toBe(name);
			expect(name.length).toBeGreaterThan(1);
			expect(sources).toMatch(/^S\d+( S\d+)*$/);
		}
	});

	it('every successor exists in the CBS list of 1 January 2025 or in the table itself', () => {
		for (const [code, , , , successors] of FORMER_MUNICIPALITIES) {
			expect(successors.length).toBeGreaterThan(0);
			for (const s of successors) expect({ code, successor: s, known: current.has(s) || former.has(s) }).toEqual({ code, successor: s, known: true });
		}
	});

	it('has no cycles: following successors always ends at current municipalities', () => {
		const ends = (code: string, seen: string[]): string[] => {
			if (current.has(code)) return [code];
			expect(seen).not.toContain(code);
			return former.get(code)![4].flatMap((s) => ends(s, [...seen, code]));
		};
		for (const [code] of FORMER_MUNICIPALITIES) for (const end of ends(code, [])) expect(current.has(end)).toBe(true);
	});

	it('every end date is a real date on or after 1 January 2015 and not after the CBS list it complements', () => {
		for (const [code, , ended] of FORMER_MUNICIPALITIES) {
			expect(ended).toMatch(/^\d{4}-\d{2}-\d{2}$/);
			expect(new Date(`${ended}T00:00:00Z`).toISOString().slice(0, 10)).toBe(ended);
			expect({ code, after: ended >= FORMER_MUNICIPALITIES_FROM }).toEqual({ code, after: true });
			expect(ended <= MUNICIPALITIES_REFERENCE_DATE).toBe(true);
		}
	});

	it('no municipality of the 2025 list is marked discontinued, by code or by name', () => {
		const currentNames = new Set(GEMEENTEN_2025.map(([, name]) => foldName(name)));
		for (const [code, name] of FORMER_MUNICIPALITIES) {
			expect({ code, current: current.has(code) }).toEqual({ code, current: false });
			expect({ name, current: currentNames.has(foldName(name)) }).toEqual({ name, current: false });
		}
	});

	it('a split has several successors; every other fate exactly one', () => {
		for (const [code, , , fate, successors] of FORMER_MUNICIPALITIES) {
			expect({ code, count: fate === 'split' ? successors.length > 1 : successors.length === 1 }).toEqual({ code, count: true });
		}
	});

	it('gives the municipality counts CBS published (S2, S6–S10): 393 in 2015 … 344 after Weesp, 342 from 2023', () => {
		// On day D: the 2025 list, plus every row that still existed on D, minus every code formed after D
		// (successors of merges under a new name and of renames that took effect after D).
		const countOn = (d: string) =>
			GEMEENTEN_2025.length +
			FORMER_MUNICIPALITIES.filter((r) => r[2] > d).length -
			new Set(FORMER_MUNICIPALITIES.filter((r) => r[2] > d && (r[3] === 'merged' || r[3] === 'renamed')).flatMap((r) => r[4])).size;
		const days = ['2015-01-01', '2016-01-01', '2017-01-01', '2018-01-01', '2019-01-01', '2020-01-01', '2021-01-01', '2022-01-01', '2022-03-24', '2023-01-01', '2024-01-01'];
		expect(days.map(countOn)).toEqual([393, 390, 388, 380, 355, 355, 352, 345, 344, 342, 342]);
	});
});

describe('resolving discontinued municipalities to their legal successor', () => {
	it.each(['Weesp', 'weesp', ' WEESP ', '0457', '457', 'GM0457', 457])('%j resolves to Amsterdam (0363) with the note', (value) => {
		const m = registry.resolve(value, 'woongemeente');
		expect(m.code).toBe('0363');
		expect(m.name).toBe('Amsterdam');
		expect(m.formerly).toMatchObject({ code: '0457', name: 'Weesp', ended: '2022-03-24', fate: 'absorbed', via: [] });
		expect(m.formerly?.note.nl).toBe('Weesp (0457) is sinds 24 maart 2022 onderdeel van Amsterdam (0363)');
		expect(m.formerly?.note.en).toBe('Weesp (0457) is since 24 March 2022 part of Amsterdam (0363)');
	});

	it('current municipalities resolve as before, without a note', () => {
		expect(registry.resolve('Amsterdam', 'f').formerly).toBeUndefined();
		expect(registry.resolve('0363', 'f')).toEqual({ code: '0363', name: 'Amsterdam', province: 'Noord-Holland' });
	});

	it.each([
		['Brielle', '1992'],
		['Hellevoetsluis', '1992'],
		['Westvoorne', '1992'],
		['0501', '1992'],
		['Beemster', '0439'],
		['Uden', '1991'],
		['Heerhugowaard', '1980'],
		['Haren', '0014'],
		['Haarlemmerliede', '0394'],
		['Noordwijkerhout', '0575'],
		['Zeevang', '0385'],
		['Schermer', '0361'],
		['Rijnwaarden', '0299'],
		['Leeuwarderadeel', '0080'],
		['Delfzijl', '1979'],
		['Sint-Oedenrode', '1948'],
		['De Friese Meren', '1940'],
	])('%s resolves to %s', (value, code) => {
		expect(registry.resolve(value, 'f').code).toBe(code);
	});

	it('a chain (merged, then renamed) resolves to the current municipality and names the step between', () => {
		const m = registry.resolve('Millingen aan de Rijn', 'f');
		expect(m.code).toBe('1945');
		expect(m.formerly?.via).toEqual([{ code: '0241', name: 'Groesbeek' }]);
		expect(m.formerly?.note.nl).toBe('Millingen aan de Rijn (0265) is sinds 1 januari 2015 onderdeel van Berg en Dal (1945), via Groesbeek (0241)');
		expect(m.formerly?.note.en).toBe('Millingen aan de Rijn (0265) is since 1 January 2015 part of Berg en Dal (1945), via Groesbeek (0241)');
		expect(registry.resolve('0282', 'f').code).toBe('1945');
		expect(registry.resolve('Groesbeek', 'f').formerly?.note.nl).toBe('Groesbeek (0241) heet sinds 1 januari 2016 Berg en Dal (1945)');
		expect(registry.resolve('Groesbeek', 'f').formerly?.note.en).toBe('Groesbeek (0241) is since 1 January 2016 named Berg en Dal (1945)');
	});

	it('a split municipality is an item error that names every successor and asks for the current residence', () => {
		const e = errorOf('Haaren');
		expect(e).toBeInstanceOf(SplitMunicipalityError);
		expect(e.code).toBe('split_municipality');
		expect(e.message).toBe(
			'Field "woongemeente" names Haaren (0788), which no longer exists: since 1 January 2021 it is divided over Boxtel (0757), Oisterwijk (0824), Tilburg (0855) and Vught (0865)',
		);
		expect(e.hint).toMatch(/^Fill in the municipality where the pupil lives now \(one of 0757, 0824, 0855, 0865/);
		assertNoPersonalData(e.message);
		expect(errorOf('0788')).toBeInstanceOf(SplitMunicipalityError);
		expect(errorOf('Littenseradiel').message).toContain('since 1 January 2018 it is divided over Leeuwarden (0080), Súdwest-Fryslân (1900) and Waadhoeke (1949)');
		expect(errorOf('Maasdonk').message).toContain("'s-Hertogenbosch (0796) and Oss (0828)");
		expect(errorOf('Winsum').message).toContain('Het Hogeland (1966) and Westerkwartier (1969)');
	});

	it('a known former municipality never gets a "did you mean" for another name', () => {
		for (const [code, name] of FORMER_MUNICIPALITIES) {
			for (const value of [code, name, `GM${code}`]) {
				try {
					registry.resolve(value, 'f');
				} catch (e) {
					expect({ value, error: (e as Error).name }).toEqual({ value, error: 'SplitMunicipalityError' });
					expect((e as Error).message).not.toContain('did you mean');
				}
			}
		}
	});

	it('typos still get a suggestion, of a current or a former municipality', () => {
		expect(errorOf('Amsterdm').message).toContain('(did you mean Amsterdam, 0363?)');
		const weesb = errorOf('Weesb');
		expect(weesb).toBeInstanceOf(UnknownMunicipalityError);
		// A municipality that no longer exists is never proposed without saying so (issue 21).
		expect(weesb.message).toContain('(did you mean Weesp, 0457? That municipality no longer exists: Weesp (0457) is since 24 March 2022 part of Amsterdam (0363))');
		expect(errorOf('Hellevoetslius').message).toContain('(did you mean Hellevoetsluis, 0530? That municipality no longer exists: Hellevoetsluis (0530) is since 1 January 2023 part of Voorne aan Zee (1992))');
	});

	it('every short name of a former municipality points at a row of the table and resolves like it', () => {
		const { FORMER_ALIASES } = require('../../../domain/municipalities');
		for (const [alias, code] of Object.entries(FORMER_ALIASES) as Array<[string, string]>) {
			expect(former.has(code)).toBe(true);
			expect(registry.resolve(alias, 'f')).toBe(registry.resolve(code, 'f'));
		}
		expect(registry.resolve('Haarlemmerliede', 'f').code).toBe('0394');
	});

	it('find() and has() still answer for current municipalities only', () => {
		expect(registry.find('0457')).toBeUndefined();
		expect(registry.has('0457')).toBe(false);
		expect(registry.findFormer('Amsterdam')).toBeUndefined();
	});

	it('a user-supplied municipality with a former code wins; a replaced list has no history', () => {
		const extended = new MunicipalityRegistry({ municipalities: [{ code: '0457', name: 'Proefgemeente' }] });
		expect(extended.resolve('0457', 'f')).toEqual({ code: '0457', name: 'Proefgemeente' });
		expect(extended.resolve('Brielle', 'f').code).toBe('1992');
		const replaced = new MunicipalityRegistry({ mode: 'replace', municipalities: [{ code: '0363', name: 'Amsterdam' }] });
		expect(() => replaced.resolve('Weesp', 'f')).toThrow(UnknownMunicipalityError);
		expect(new MunicipalityRegistry({ mode: 'replace', history: true, municipalities: [{ code: '0363', name: 'Amsterdam' }] }).resolve('Weesp', 'f').code).toBe('0363');
		expect(() => new MunicipalityRegistry({ history: false }).resolve('Weesp', 'f')).toThrow(UnknownMunicipalityError);
	});

	it('refuses a table with a cycle or a successor nobody knows', () => {
		const cyclic: FormerMunicipalityRow[] = [
			['9001', 'Eenstad', '2020-01-01', 'merged', ['9002'], 'S1'],
			['9002', 'Tweestad', '2020-01-01', 'merged', ['9001'], 'S1'],
		];
		expect(() => new MunicipalityRegistry({ formerMunicipalities: cyclic })).toThrow(/cycle through 9001 → 9002 → 9001/);
		expect(() => new MunicipalityRegistry({ formerMunicipalities: [['9001', 'Eenstad', '2020-01-01', 'merged', ['9003'], 'S1']] })).toThrow(/successor 9003/);
	});

	it('property: a former code and its name resolve alike, always to a current municipality', () => {
		fc.assert(
			fc.property(fc.constantFrom(...FORMER_MUNICIPALITIES), fc.constantFrom('code', 'GM', 'number'), ([code, name, , fate], style) => {
				const value = style === 'code' ? code : style === 'GM' ? `GM${code}` : Number(code);
				if (fate === 'split' || former.get(code)![4].some((s) => former.get(s)?.[3] === 'split')) {
					expect(() => registry.resolve(value, 'f')).toThrow(SplitMunicipalityError);
					expect(() => registry.resolve(name, 'f')).toThrow(SplitMunicipalityError);
					return;
				}
				const byCode = registry.resolve(value, 'f');
				expect(registry.resolve(name, 'f')).toBe(byCode);
				expect(registry.has(byCode.code)).toBe(true);
				expect(byCode.formerly?.code).toBe(code);
			}),
		);
	});
});

describe('region policy member lists and former municipalities', () => {
	it('every preset lists current municipalities, except a member named as its source names it that merged since (never silently renamed)', () => {
		const formerCodes: string[] = [];
		for (const preset of Object.values(PRESETS)) {
			for (const code of [...preset.participatingMunicipalities, ...(preset.financingMunicipality ? [preset.financingMunicipality] : [])]) {
				if (!registry.has(code)) formerCodes.push(`${preset.id} ${code}`);
			}
		}
		// Rotterdam's 2018 tender names Brielle (S4 §4.3.1): buildPolicy asks before Voorne aan Zee takes its place (issue 21).
		expect(formerCodes).toEqual(['rotterdam_oza 0501']);
	});

	it('an edited member list naming former municipalities resolves them to their successors, once each', () => {
		const policy = buildPolicy('zuid_limburg', { participatingMunicipalities: ['Beekdaelen', 'Nuth', '0962', 'Weesp', 'Amsterdam'] });
		expect(policy.participatingMunicipalities).toEqual(['1954', '0363']);
		const resident = (residence: string) => classifyPupil(policy, { residenceCode: registry.resolve(residence, 'woongemeente').code, arrangement: 'individual' }).treatment;
		expect(resident('Onderbanken')).toBe('resident');
		expect(resident('Weesp')).toBe('resident');
		expect(resident('Heerlen')).not.toBe('resident');
	});

	it('a split municipality in a member list is a configuration error naming the field', () => {
		expect(() => buildPolicy('custom', { participatingMunicipalities: ['Haaren'] })).toThrow(SplitMunicipalityError);
		expect(() => buildPolicy('custom', { participatingMunicipalities: ['Haaren'] })).toThrow(/^Field "participatingMunicipalities" names Haaren \(0788\)/);
	});
});
