/**
 * Region policy presets: one per system documented in the seeds (DOMAIN.md §4).
 *
 * Municipality lists are CBS gemeentecodes, dated in timeline.ts (who belonged when, with sources); the
 * list here is the membership as the sources know it now. Where a seed names the municipalities, the list
 * follows the seed; where it does not, the list is the best public-knowledge default,
 * `municipalitiesToConfirm` is true and the notes say so. Every list is shown and editable in
 * the node UI. No seed gives BRIN codes of designated schools, so `designatedSchools` is empty in every
 * preset: the region fills in its own.
 */
import { DomainError } from '../primitives/errors';
import { latestMembers, TIMELINES } from './timeline';
import type { PresetId, RegionPolicy } from './types';

/** The membership as the sources know it now (every member without an end date): timeline.ts, the one dated definition. */
const members = (id: PresetId): string[] => latestMembers(TIMELINES[id]);

const NO_BRIN = 'The seed names no BRIN codes: fill in the designated schools of your region.';

/** Why an open choice is open, per Twente pilot (S4 §3.3–3.5: pilots in development). */
function twenteOpen(section: string, place: string): Partial<Record<'outsiders' | 'groupOffer' | 'financing' | 'homeHelp', string>> {
	return {
		outsiders: `S4 ${section} does not say how pupils living outside ${place} are treated (pilot in development)`,
		groupOffer: `S4 ${section} does not say whether a group offer is open to pupils from other municipalities`,
		financing: `S4 ${section} does not fix the financing of the pilot yet`,
		homeHelp: `S4 ${section} does not say whether the arrangement covers school time only or also help at home`,
	};
}

export const PRESETS: Readonly<Record<PresetId, RegionPolicy>> = {
	amersfoort_osj: {
		id: 'amersfoort_osj',
		name: 'Regio Amersfoort — Onderwijs met Specialistische Jeugdhulp (OSJ)',
		seed: 'S0 Financiën OSJ',
		participatingMunicipalities: members('amersfoort_osj'),
		designatedSchools: [],
		financingForm: 'function',
		financingNote: '3 fte 2021, 6 fte from 2022 from the BSA task budget (fte-financiering zonder beschikking)',
		outsiders: 'residents_only',
		groupOfferOpenToAll: false,
		municipalitiesToConfirm: true,
		notes:
			'S0: "Alle ondersteuning wordt geboden zonder individuele beschikking voor leerlingen binnen de regio Amersfoort"; pupils from elsewhere need an individual beschikking. ' +
			'S0 does not list the municipalities: the default is jeugdregio Amersfoort/Eemland (Amersfoort, Baarn, Bunschoten, Eemnes, Leusden, Soest, Woudenberg) — confirm it. ' +
			'OSJ starts at 3 to 5 schools. ' + NO_BRIN,
	},
	holland_rijnland_s5: {
		id: 'holland_rijnland_s5',
		name: 'Holland Rijnland — segment 5 Onderwijs (collectieve jeugdhulp op school)',
		seed: 'S1 randvoorwaarde 3, kernbepaling 6',
		participatingMunicipalities: members('holland_rijnland_s5'),
		designatedSchools: [],
		financingForm: 'function',
		financingNote: 'fte per school, agreed beforehand; availability financing (beschikbaarheidsfinanciering)',
		outsiders: 'unset',
		groupOfferOpenToAll: false,
		municipalitiesToConfirm: true,
		notes:
			'S1 randvoorwaarde 3 leaves open how pupils living outside Holland Rijnland are treated ("bestuurlijke keuze"): choose a treatment for pupils from elsewhere before using this preset. ' +
			'S1 does not list the municipalities: the default is the youth-care region Holland Rijnland from public sources — twelve municipalities, Voorschoten from 1 January 2024 (until then in Haaglanden) — confirm it. ' +
			'S1 documents segment 5 for 1 September 2021 to 31 December 2026. ' +
			'Schools are designated by the municipalities (kernbepaling 6). ' + NO_BRIN,
	},
	enschede_oja: {
		id: 'enschede_oja',
		name: 'Enschede — onderwijs-jeugdhulp-arrangementen (OJA)',
		seed: 'S4 §3.1',
		participatingMunicipalities: members('enschede_oja'),
		designatedSchools: [],
		financingForm: 'population',
		financingNote: 'subsidy per main provider (hoofdaanbieder) per school, population financing based on 2018 spending, shrinking yearly',
		outsiders: 'residents_only',
		groupOfferOpenToAll: true,
		financingMunicipality: '0153',
		notes:
			'S4 §3.1.4: the subsidy is for pupils living in Enschede; pupils from other municipalities need an individual beschikking unless they use the group offer. Six (v)so, sbo and praktijkonderwijs schools take part. ' +
			NO_BRIN,
	},
	hengelo_borne_hvt: {
		id: 'hengelo_borne_hvt',
		name: 'Hengelo, Borne en Hof van Twente — jeugdhulp in zorgintensieve scholen',
		seed: 'S4 §3.2',
		participatingMunicipalities: members('hengelo_borne_hvt'),
		designatedSchools: [],
		financingForm: 'function',
		financingNote: 'fte of six youth care providers per school (functiebekostiging), from the municipalities\u2019 youth care budget',
		outsiders: 'group_open_individual_beschikking',
		groupOfferOpenToAll: true,
		classPlacesSettled: true,
		notes:
			'S4 §3.2.4: pupils from municipalities not in the pilot may join group activities; individual help needs a beschikking from their own municipality. ' +
			'Onderwijs-zorgklassen are pre-financed by the participating municipalities and settled with the municipalities of origin (use arrangement "class"). ' +
			'The seed does not say which of the three pre-finances. ' + NO_BRIN,
	},
	almere_oja: {
		id: 'almere_oja',
		name: 'Almere — onderwijs-jeugdhulp-arrangement (OJA)',
		seed: 'S4 §4.1',
		participatingMunicipalities: members('almere_oja'),
		designatedSchools: [],
		financingForm: 'population',
		financingNote: 'lump-sum subsidy per OJA school (populatiebekostiging), set from the 2015 individual beschikkingen',
		outsiders: 'covered',
		groupOfferOpenToAll: true,
		financingMunicipality: '0034',
		schoolTimeOnly: true,
		notes:
			'S4 §4.1.4: pupils at an OJA school always qualify for OJA during school time, also when they do not live in Almere; help at home is provided by the municipality where the child lives. ' +
			'From January 2021 (sbo, OPDC) only help during school time is in the arrangement; help at home needs a beschikking (§4.1.5). ' +
			NO_BRIN,
	},
	amsterdam_sjso: {
		id: 'amsterdam_sjso',
		name: 'Amsterdam en Diemen — specialistische jeugdhulp in het speciaal onderwijs (SJSO)',
		seed: 'S4 §4.2',
		participatingMunicipalities: members('amsterdam_sjso'),
		designatedSchools: [],
		financingForm: 'function',
		financingNote: 'fte places per school under the SJSO framework contract (functiebekostiging with a fixed budget; € 17 million in 2020)',
		outsiders: 'group_open_individual_settled',
		groupOfferOpenToAll: true,
		financingMunicipality: '0363',
		notes:
			'S4 §4.2.4: pupils not living in Amsterdam or Diemen may use SJSO basic services (preventive, short, group or class-wide); for extra support Amsterdam and Diemen pre-finance the care and settle afterwards with the pupil\u2019s region. ' +
			'Membership by date (S4 §4.2.4): Amsterdam and Diemen until 31 July 2021; from 1 August 2021 the new framework agreement is for Amsterdam, and SJSO an individual provision within specialist youth care; from 1 January 2022 Diemen, Uithoorn (0451) and Ouder-Amstel (0437) join. ' +
			'The seed documents the treatment of pupils from elsewhere up to 31 July 2021 only: later dates carry a notice until you choose it. ' +
			'About 50 schools (so cluster 3 and 4, praktijkonderwijs). ' + NO_BRIN,
	},
	utrecht_zml: {
		id: 'utrecht_zml',
		name: 'Utrecht — zorg in onderwijstijd, pilot zml-scholen',
		seed: 'S4 §4.4',
		participatingMunicipalities: members('utrecht_zml'),
		designatedSchools: [],
		financingForm: 'function',
		financingNote: '2 fte care workers in total for the two zml schools (functiebekostiging), financed by the municipality of Utrecht',
		outsiders: 'covered',
		groupOfferOpenToAll: true,
		financingMunicipality: '0344',
		notes:
			'S4 §4.4.4: the care workers make no distinction between pupils living in Utrecht or elsewhere; the financing is for all pupils of the schools. If their support is not enough, an individual beschikking is still needed. ' +
			NO_BRIN,
	},
	zuid_limburg: {
		id: 'zuid_limburg',
		name: 'Zuid-Limburg — doelgroeparrangementen (toetsingskader)',
		seed: 'S4 §4.5',
		participatingMunicipalities: members('zuid_limburg'),
		designatedSchools: [],
		financingForm: 'population',
		financingNote: 'subsidy per school on a plan, based on pupil numbers and the support needed',
		outsiders: 'residents_only',
		groupOfferOpenToAll: false,
		notes:
			'S4 §4.5.4: only pupils living in one of the 13 municipalities of the toetsingskader receive youth care through a doelgroeparrangement; pupils from other municipalities need an individual beschikking. ' +
			'Heerlen (0917), Voerendaal (0986) and Landgraaf (0882) are in the region but have their own arrangement (footnote 13) and are not participating. ' +
			'First two (v)so schools and one sbo school. ' + NO_BRIN,
	},
	regio_utrecht_bovenregionaal: {
		id: 'regio_utrecht_bovenregionaal',
		name: 'Regio Utrecht — bovenregionale samenwerking (v)so',
		seed: 'S3 ambitie 1',
		participatingMunicipalities: members('regio_utrecht_bovenregionaal'),
		designatedSchools: [],
		financingForm: 'function',
		financingNote: 'collective financing of youth care at 2 pilot schools with fixed care workers (form to be agreed; function financing assumed)',
		outsiders: 'covered',
		groupOfferOpenToAll: true,
		municipalitiesToConfirm: true,
		notes:
			'S3: children in Lekstroom, Utrecht West, Zuid-Oost Utrecht and Utrecht Stad develop "ongehinderd door grenzen tussen gemeenten"; within the four regions residence does not limit help at the pilot schools. ' +
			'S3 names the four regions, not the municipalities: the default is Lekstroom (Houten, IJsselstein, Lopik, Nieuwegein, Vijfheerenlanden), Utrecht West (De Ronde Venen, Montfoort, Oudewater, Stichtse Vecht, Woerden), ' +
			'Zuid-Oost Utrecht (Bunnik, De Bilt, Utrechtse Heuvelrug, Wijk bij Duurstede, Zeist) and Utrecht Stad (Utrecht) — confirm it. ' +
			'S3 does not say how pupils from outside the four regions are treated: "covered" follows the brief; change it if your region decides otherwise. ' +
			'The financing form is not stated in S3. ' + NO_BRIN,
	},
	rotterdam_oza: {
		id: 'rotterdam_oza',
		name: 'Rotterdam — onderwijs-zorgarrangementen (zorgonderwijsspecialist met mandaat)',
		seed: 'S4 §4.3',
		participatingMunicipalities: members('rotterdam_oza'),
		designatedSchools: [],
		financingForm: 'pxq',
		financingNote: 'inkoopmodel: providers selected by tender for seven lots (percelen) per kind of care; settle per lot with a tariff (PxQ, product = lot) or a budget per lot (lump sum per lot)',
		outsiders: 'unset',
		groupOfferOpenToAll: false,
		schoolTimeOnly: true,
		accessRoute: 'mandated_specialist',
		undecided: {
			outsiders: 'S4 §4.3 does not say how pupils living outside Rotterdam, Capelle aan den IJssel, Krimpen aan den IJssel, Lansingerland and Brielle are treated',
			groupOffer: 'S4 §4.3 does not say whether a group offer is open to pupils from other municipalities',
			financing: 'S4 §4.3.3 names an inkoopmodel with seven lots (percelen) but not whether a lot is paid per tariff or as a budget',
		},
		notes:
			'S4 §4.3.3: requests go through a zorgonderwijsspecialist of MEE who holds a mandate to grant youth care to a pupil or a school; no separate beschikking of the municipality is needed. ' +
			'The arrangement covers youth care in school only, not at home: help at home goes through the residence municipality’s regular access. ' +
			'Onderwijs-zorgarrangementen in (v)so, later also sbo, PrO, OPDC, MBO-1 (§4.3.2). Tender of 2018 with Brielle, Capelle aan den IJssel, Krimpen aan den IJssel and Lansingerland (§4.3.1); ' +
			'Brielle (0501) is since 1 January 2023 part of Voorne aan Zee (1992), which also covers the former Hellevoetsluis and Westvoorne: for dates from 2023 choose under "Members Changed by a Merger" whether all of Voorne aan Zee takes part. ' +
			'The seed does not say how pupils from elsewhere are treated, nor whether a lot is paid per tariff or as a budget: choose both. ' +
			NO_BRIN,
	},
	almelo_pilot: {
		id: 'almelo_pilot',
		name: 'Almelo — pilots jeugdhulp in het speciaal onderwijs (cluster 3 en 4), in development',
		seed: 'S4 §3.3',
		participatingMunicipalities: members('almelo_pilot'),
		designatedSchools: [],
		financingForm: 'function',
		financingNote: 'not decided; the intention is fte of a main provider per school, set from the hours needed and earlier individual beschikkingen (S4 §3.3.3)',
		outsiders: 'unset',
		groupOfferOpenToAll: false,
		undecided: twenteOpen('§3.3', 'Almelo'),
		notes:
			'S4 §3.3: two pilots at two schools for special education (cluster 3 and 4), intended to start in school year 2021-2022; each school has a main provider (hoofdaanbieder) and the wijkteam makes an integral plan. ' +
			'The seed names Almelo only (it coordinates with municipalities in the region through zorgintensief). ' +
			'Open in the seed: pupils from elsewhere, the group offer, the financing (fte per school is the intention), help at home ("op maat"): each must be chosen. ' +
			NO_BRIN,
	},
	hellendoorn_elimschool: {
		id: 'hellendoorn_elimschool',
		name: 'Hellendoorn — onderwijs-zorgarrangement Elimschool (SO), in development',
		seed: 'S4 §3.4',
		participatingMunicipalities: members('hellendoorn_elimschool'),
		designatedSchools: [],
		financingForm: 'function',
		financingNote: 'not decided in the seed (S4 §3.4.3: the practical elaboration is being discussed)',
		outsiders: 'unset',
		groupOfferOpenToAll: false,
		undecided: twenteOpen('§3.4', 'Hellendoorn'),
		notes:
			'S4 §3.4: an onderwijs-zorgarrangement for pupils aged 4 to 12 of the Elimschool (SO), one youth care provider; vso not yet included. ' +
			'Many pupils come from other municipalities than Hellendoorn; neighbouring municipalities are invited to think along. ' +
			'Open in the seed: pupils from elsewhere, the group offer, the financing, help at home: each must be chosen. ' +
			NO_BRIN,
	},
	oldenzaal_losser_dinkelland: {
		id: 'oldenzaal_losser_dinkelland',
		name: 'Oldenzaal, Losser en Dinkelland — pilot zorgintensief (sbo de Windroos, Twents Carmel College praktijkonderwijs), in development',
		seed: 'S4 §3.5',
		participatingMunicipalities: members('oldenzaal_losser_dinkelland'),
		designatedSchools: [],
		financingForm: 'function',
		financingNote: 'not decided in the seed (S4 §3.5.3: the form of the pilot is in development)',
		outsiders: 'unset',
		groupOfferOpenToAll: false,
		undecided: twenteOpen('§3.5', 'Oldenzaal, Losser and Dinkelland'),
		notes:
			'S4 §3.5: two zorgintensieve scholen in Oldenzaal (sbo de Windroos and Twents Carmel College, location praktijkonderwijs) that mainly serve pupils from Oldenzaal, Losser and Dinkelland; a nulmeting comes first. ' +
			'Open in the seed: pupils from elsewhere, the group offer, the financing, help at home: each must be chosen. ' +
			NO_BRIN,
	},
};

export const PRESET_IDS = Object.keys(PRESETS) as PresetId[];

/** Whether `value` names one of the region policy presets (`PRESET_IDS`). */
export function isPresetId(value: unknown): value is PresetId {
	return typeof value === 'string' && Object.prototype.hasOwnProperty.call(PRESETS, value);
}

/** A fresh, editable copy of a preset (arrays are copied: editing the result never changes the preset). */
export function getPreset(id: PresetId): RegionPolicy {
	if (!isPresetId(id)) {
		throw new DomainError('unknown_preset', `Unknown region policy preset "${String(id).slice(0, 40)}"`, {
			field: 'preset',
			hint: `Use one of: ${PRESET_IDS.join(', ')}.`,
		});
	}
	const p = PRESETS[id];
	return {
		...p,
		participatingMunicipalities: [...p.participatingMunicipalities],
		designatedSchools: [...p.designatedSchools],
		...(p.undecided ? { undecided: { ...p.undecided } } : {}),
	};
}

// Presets are shared: freeze them so no caller can change them by accident.
for (const p of Object.values(PRESETS)) {
	Object.freeze(p.participatingMunicipalities);
	Object.freeze(p.designatedSchools);
	if (p.undecided) Object.freeze(p.undecided);
	Object.freeze(p);
}
