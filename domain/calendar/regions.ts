/**
 * Which holiday region (vakantieregio) a municipality belongs to, from the official regio-indeling:
 * Regeling vaststelling schoolvakanties 2016–2019, art. 3 (wetten.overheid.nl BWBR0037100; text in
 * statengeneraal/laws-markdown), kept unchanged by the Regeling vaststelling schoolvakanties 2022–2025
 * (Staatscourant 2021, 25317: "De regio-indeling is ongewijzigd … Wel zijn er namen geactualiseerd van
 * gemeenten die zijn gefuseerd", AVS via onderwijsstartpunt.nl, 31 May 2021). Art. 2: the place where the
 * school is located decides its region; art. 4: a merger of municipalities from different regions is
 * placed by the minister.
 *
 * The regeling works by province with named exceptions. Mergers since 2016 are mapped here by art. 4:
 * West Betuwe (Geldermalsen, Lingewaal, Neerijnen: all midden) → midden; Berg en Dal (Groesbeek, Millingen
 * aan de Rijn, Ubbergen: all zuid) → zuid; Zevenaar with Rijnwaarden (both zuid) → zuid. Municipalities
 * the regeling splits — or that merged across regions, where the minister's decision is not in our
 * sources — have no single region: De Ronde Venen (former Abcoude noord, the rest midden), Montferland
 * (former Didam zuid, the rest midden), Neder-Betuwe (former Dodewaard zuid, the rest midden), Altena
 * (former Werkendam without Hank and Dussen, and Woudrichem: midden; Aalburg, Hank and Dussen: zuid).
 * For those the school's region must be given.
 */
import { DomainError } from '../primitives/errors';
import type { HolidayRegion } from './schoolvakanties';

export const REGION_TABLE_SOURCE =
	'Regeling vaststelling schoolvakanties 2016–2019, art. 3 (BWBR0037100), regio-indeling unchanged in the Regeling vaststelling schoolvakanties 2022–2025 (Stcrt. 2021, 25317)';

/** Provinces that lie wholly in one region, apart from the exceptions below (CBS province names). */
const PROVINCE_REGION: Readonly<Record<string, HolidayRegion>> = {
	Groningen: 'noord',
	Fryslân: 'noord',
	Drenthe: 'noord',
	Overijssel: 'noord',
	Flevoland: 'noord',
	'Noord-Holland': 'noord',
	Utrecht: 'midden',
	'Zuid-Holland': 'midden',
	'Noord-Brabant': 'zuid',
	Zeeland: 'zuid',
	Limburg: 'zuid',
};

/** Municipalities (CBS code) whose region differs from their province's, or whose province is split (Gelderland). */
const MUNICIPALITY_REGION: Readonly<Record<string, HolidayRegion>> = {
	'0050': 'midden', // Zeewolde (Flevoland)
	'0317': 'noord', // Eemnes (Utrecht)
	'0244': 'noord', // Hattem (Gelderland)
	// Gelderland, regio midden
	'0197': 'midden', // Aalten
	'0200': 'midden', // Apeldoorn
	'0203': 'midden', // Barneveld
	'1859': 'midden', // Berkelland
	'1876': 'midden', // Bronckhorst
	'0213': 'midden', // Brummen
	'0214': 'midden', // Buren
	'0216': 'midden', // Culemborg
	'0222': 'midden', // Doetinchem
	'0228': 'midden', // Ede
	'0230': 'midden', // Elburg
	'0232': 'midden', // Epe
	'0233': 'midden', // Ermelo
	'0243': 'midden', // Harderwijk
	'0246': 'midden', // Heerde
	'0262': 'midden', // Lochem
	'0267': 'midden', // Nijkerk
	'0302': 'midden', // Nunspeet
	'0269': 'midden', // Oldebroek
	'1586': 'midden', // Oost Gelre
	'1509': 'midden', // Oude IJsselstreek
	'0273': 'midden', // Putten
	'0279': 'midden', // Scherpenzeel
	'0281': 'midden', // Tiel
	'0285': 'midden', // Voorst
	'0289': 'midden', // Wageningen
	'1960': 'midden', // West Betuwe (Geldermalsen, Lingewaal, Neerijnen)
	'0294': 'midden', // Winterswijk
	'0301': 'midden', // Zutphen
	// Gelderland, regio zuid
	'0202': 'zuid', // Arnhem
	'1945': 'zuid', // Berg en Dal (Groesbeek, Millingen aan de Rijn, Ubbergen)
	'0209': 'zuid', // Beuningen
	'0221': 'zuid', // Doesburg
	'0225': 'zuid', // Druten
	'0226': 'zuid', // Duiven
	'0252': 'zuid', // Heumen
	'1705': 'zuid', // Lingewaard
	'0263': 'zuid', // Maasdriel
	'0268': 'zuid', // Nijmegen
	'1734': 'zuid', // Overbetuwe
	'0274': 'zuid', // Renkum
	'0275': 'zuid', // Rheden
	'0277': 'zuid', // Rozendaal
	'0293': 'zuid', // Westervoort
	'0668': 'zuid', // West Maas en Waal
	'0296': 'zuid', // Wijchen
	'0297': 'zuid', // Zaltbommel
	'0299': 'zuid', // Zevenaar (with Rijnwaarden)
};

/** Municipalities the regeling splits between regions (by former municipality or village), with the split in words. */
const SPLIT: Readonly<Record<string, string>> = {
	'0736': 'the former municipality Abcoude is in region noord, the rest of De Ronde Venen in midden',
	'1955': 'the former municipality Didam is in region zuid, the rest of Montferland in midden',
	'1740': 'the former municipality Dodewaard is in region zuid, the rest of Neder-Betuwe in midden',
	'1959': 'the former Werkendam (without Hank and Dussen) and Woudrichem are in region midden; Aalburg, Hank and Dussen in zuid',
};

export interface MunicipalityRegionInput {
	code: string;
	name: string;
	province?: string;
}

export type HolidayRegionLookup =
	| { region: HolidayRegion; municipality: { code: string; name: string }; reason: string }
	| { region: undefined; municipality: { code: string; name: string }; reason: string };

/** The holiday region of one municipality, with the rule that decided it in words; `region` undefined when it has none. */
export function holidayRegionOf(m: MunicipalityRegionInput): HolidayRegionLookup {
	const municipality = { code: m.code, name: m.name };
	const split = SPLIT[m.code];
	if (split) return { region: undefined, municipality, reason: `${m.name} (${m.code}) has no single holiday region: ${split}. Give the school's region.` };
	const own = MUNICIPALITY_REGION[m.code];
	if (own) return { region: own, municipality, reason: `${m.name} (${m.code}) is named in region ${own} by the regio-indeling schoolvakanties.` };
	const byProvince = m.province ? PROVINCE_REGION[m.province] : undefined;
	if (byProvince) return { region: byProvince, municipality, reason: `${m.name} (${m.code}) lies in ${m.province}, region ${byProvince} by the regio-indeling schoolvakanties.` };
	return { region: undefined, municipality, reason: `${m.name} (${m.code}) is not in the regio-indeling table. Give the school's region.` };
}

/**
 * The one holiday region of a list of municipalities (e.g. a region policy preset), or undefined with the
 * reason when they do not share one (a municipality in another region, or a split one).
 */
export function commonHolidayRegion(municipalities: MunicipalityRegionInput[]): { region: HolidayRegion | undefined; reason: string } {
	const lookups = municipalities.map(holidayRegionOf);
	const undetermined = lookups.filter((l) => l.region === undefined);
	if (undetermined.length) return { region: undefined, reason: undetermined.map((l) => l.reason).join(' ') };
	const regions = new Set(lookups.map((l) => l.region));
	if (regions.size === 1) {
		const [region] = regions;
		return { region, reason: `All ${lookups.length} municipalities lie in holiday region ${region} (regio-indeling schoolvakanties).` };
	}
	const per = [...regions].map((r) => `${r}: ${lookups.filter((l) => l.region === r).map((l) => l.municipality.name).join(', ')}`);
	return { region: undefined, reason: `The municipalities lie in more than one holiday region (${per.join('; ')}). Give the school's region.` };
}

/**
 * The one holiday region of a region policy's municipalities, for a deadline counted in school weeks.
 * @throws DomainError `no_holiday_region` (naming the municipalities per region) when they lie in more than one
 *   or one has none: the user must choose the region
 */
export function requireCommonHolidayRegion(municipalities: MunicipalityRegionInput[]): { region: HolidayRegion; reason: string } {
	const common = commonHolidayRegion(municipalities);
	if (!common.region) {
		throw new DomainError('no_holiday_region', `The region policy's municipalities have no single holiday region: ${common.reason}`, {
			hint: 'Choose the Holiday Region (noord, midden or zuid) of the schools under "Holiday Region".',
		});
	}
	return { region: common.region, reason: common.reason };
}
