/**
 * The municipality → holiday region table against the regio-indeling (Regeling vaststelling schoolvakanties
 * 2016–2019 art. 3, unchanged in 2022–2025). Expected regions are read by hand from the regeling's text.
 */
import { commonHolidayRegion, holidayRegionOf } from '../../../domain/calendar';
import { getDefaultRegistry } from '../../../domain/municipalities';
import { PRESETS } from '../../../domain/policies';

const registry = getDefaultRegistry();
const regionOf = (name: string) => {
	const m = registry.resolve(name, 'test');
	return holidayRegionOf({ code: m.code, name: m.name, province: m.province }).region;
};
const presetRegion = (id: keyof typeof PRESETS) =>
	commonHolidayRegion(PRESETS[id].participatingMunicipalities.map((code) => registry.resolve(code, 'test')));

describe('holidayRegionOf', () => {
	it('by province: Noord-Holland, Overijssel, Fryslân, Flevoland noord; Zuid-Holland, Utrecht midden; Limburg, Zeeland, Noord-Brabant zuid', () => {
		expect(['Amsterdam', 'Enschede', 'Leeuwarden', 'Almere', 'Groningen', 'Assen'].map(regionOf)).toEqual(['noord', 'noord', 'noord', 'noord', 'noord', 'noord']);
		expect(['Rotterdam', 'Leiden', 'Utrecht', 'Amersfoort'].map(regionOf)).toEqual(['midden', 'midden', 'midden', 'midden']);
		expect(['Maastricht', 'Heerlen', 'Vlissingen', 'Eindhoven'].map(regionOf)).toEqual(['zuid', 'zuid', 'zuid', 'zuid']);
	});

	it('the named exceptions: Zeewolde midden, Eemnes noord, Hattem noord', () => {
		expect(regionOf('Zeewolde')).toBe('midden');
		expect(regionOf('Eemnes')).toBe('noord');
		expect(regionOf('Hattem')).toBe('noord');
	});

	it('Gelderland is split by municipality: Apeldoorn, Ede, Zutphen midden; Arnhem, Nijmegen, Lingewaard zuid; mergers follow their parts', () => {
		expect(['Apeldoorn', 'Ede', 'Zutphen', 'West Betuwe'].map(regionOf)).toEqual(['midden', 'midden', 'midden', 'midden']);
		expect(['Arnhem', 'Nijmegen', 'Lingewaard', 'Berg en Dal', 'Zevenaar'].map(regionOf)).toEqual(['zuid', 'zuid', 'zuid', 'zuid', 'zuid']);
	});

	it('split municipalities have no single region and say why', () => {
		const split = holidayRegionOf({ code: '0736', name: 'De Ronde Venen', province: 'Utrecht' });
		expect(split.region).toBeUndefined();
		expect(split.reason).toMatch(/Abcoude is in region noord/);
		expect(regionOf('Altena')).toBeUndefined();
		expect(regionOf('Montferland')).toBeUndefined();
		expect(regionOf('Neder-Betuwe')).toBeUndefined();
	});
});

describe('a preset\'s holiday region', () => {
	it('Twente, Almere and Amsterdam presets lie in noord; Zuid-Limburg in zuid', () => {
		expect(presetRegion('enschede_oja').region).toBe('noord');
		expect(presetRegion('almere_oja').region).toBe('noord');
		expect(presetRegion('amsterdam_sjso').region).toBe('noord');
		expect(presetRegion('zuid_limburg').region).toBe('zuid');
		expect(presetRegion('zuid_limburg').reason).toMatch(/All 13 municipalities lie in holiday region zuid/);
	});

	it('a "midden" preset with a noord municipality has no single region and names it: Amersfoort with Eemnes', () => {
		const r = presetRegion('amersfoort_osj');
		expect(r.region).toBeUndefined();
		expect(r.reason).toMatch(/noord: Eemnes/);
		expect(r.reason).toMatch(/midden: Amersfoort/);
	});
});
