/**
 * Region policies change on dates: who takes part, how the offer is financed and how pupils living
 * elsewhere are treated. This module is the one dated definition of every preset (issue 21 part 2), read by
 * `buildPolicy` for the Toeleiding Triage node (the date it triages) and for Cross-Region Settlement
 * (the settlement period; Reconcile Invoices checks invoices against the same memberships).
 *
 * Every entry carries its source: a seed with its section (S0–S4, `../shared/seeds/`, DOMAIN.md) or a public
 * source with its address and the date it was looked up. Dates are ISO `YYYY-MM-DD`, both ends inclusive;
 * an open end means "as far as the source says nothing else".
 */
import { addDays, formatIsoDate, parseCalendarDate } from '../primitives/dates';
import type { PresetId, RegionPolicy } from './types';

/** A period, both ends inclusive, ISO `YYYY-MM-DD`; an absent end is open. */
export interface Dated {
	from?: string;
	until?: string;
}

/** A municipality that takes part during a period (its CBS code of that period), with the source that says so. */
export interface DatedMember extends Dated {
	code: string;
	source: string;
}

/** The rules of a preset that differ from its base during a period (e.g. SJSO after 31 July 2021). */
export interface PolicyEra extends Dated {
	source: string;
	set: Partial<Pick<RegionPolicy, 'financingForm' | 'financingNote' | 'outsiders' | 'groupOfferOpenToAll' | 'schoolTimeOnly' | 'notes'>>;
}

/**
 * Something the source documents only during a period. A date outside it is not silently treated as the
 * documented period: the policy carries a notice that names the parameter whose explicit setting confirms
 * the rule for that date (`DatedPolicyNotice`).
 */
export interface DocumentedWindow extends Dated {
	/** What is documented, English, e.g. `the treatment of pupils living elsewhere`. */
	what: string;
	/** The node parameter that confirms the rule when set explicitly (`outsiders`, `participatingMunicipalities`). */
	parameter: 'outsiders' | 'participatingMunicipalities';
	source: string;
}

export interface PresetTimeline {
	members: readonly DatedMember[];
	eras?: readonly PolicyEra[];
	documented?: readonly DocumentedWindow[];
}

const S4_SJSO = 'S4 §4.2.4';
const SJSO_FUTURE = 'S4 §4.2.4 "Toekomst"';
const HR_PUBLIC =
	'Holland Rijnland, "Jeugd" (hollandrijnland.nl/maatschappij-en-jeugd/jeugd: twelve municipalities work together in the youth-care region, Voorschoten in Haaglanden/H10; looked up 7 December 2026)';
const HR_VOORSCHOTEN =
	'Servicebureau Jeugdhulp Haaglanden, "Voorschoten valt vanaf 2024 onder Holland Rijnland", 22 March 2023 (sbjh.nl/2023/03/22/voorschoten-valt-vanaf-2024-onder-holland-rijnland; looked up 7 December 2026)';
const NOORDWIJKERHOUT = 'CBS via blikopnieuws.nl (December 2018): Noordwijkerhout absorbed by Noordwijk on 1 January 2019';

const always = (codes: readonly string[], source: string): DatedMember[] => codes.map((code) => ({ code, source }));

/** Every preset's timeline (presets.ts reads its membership from it). */
export const TIMELINES: Readonly<Record<PresetId, PresetTimeline>> = {
	amersfoort_osj: {
		// S0 does not list the municipalities: the public-knowledge default of presets.ts (to confirm).
		members: always(['0307', '0308', '0313', '0317', '0327', '0342', '0351'], 'jeugdregio Amersfoort/Eemland (public-knowledge default; S0 names no municipalities)'),
		eras: [
			{ until: '2021-12-31', source: 'S0 Financiën OSJ', set: { financingNote: '3 fte in 2021 from the BSA task budget (fte-financiering zonder beschikking)' } },
			{ from: '2022-01-01', source: 'S0 Financiën OSJ', set: { financingNote: '6 fte from 2022 from the BSA task budget (fte-financiering zonder beschikking)' } },
		],
		documented: [
			{ from: '2021-01-01', until: '2024-12-31', what: 'OSJ as part of the region\u2019s transformatieplan 2020-2024 (business case: 3 fte in 2021, 6 fte from 2022)', parameter: 'participatingMunicipalities', source: 'S0 Financiën OSJ (transformatieplan 2020-2024)' },
		],
	},
	holland_rijnland_s5: {
		members: [
			...always(['0484', '0534', '1884', '0537', '0546', '0547', '0553', '0569', '0575', '0579', '1525', '0638'], HR_PUBLIC),
			{ code: '0576', until: '2018-12-31', source: NOORDWIJKERHOUT },
			{ code: '0626', from: '2024-01-01', source: HR_VOORSCHOTEN },
		],
		documented: [
			{ from: '2021-09-01', until: '2026-12-31', what: 'segment 5 (the region\u2019s budget for collective youth care in schools)', parameter: 'participatingMunicipalities', source: 'S1 inputdoel 1 (1 September 2021 to 31 December 2026)' },
		],
	},
	enschede_oja: { members: always(['0153'], 'S4 §3.1') },
	hengelo_borne_hvt: {
		members: always(['0164', '0147', '1735'], 'S4 §3.2'),
		documented: [
			{ from: '2020-08-01', until: '2021-12-31', what: 'the pilot (started in school year 2020-2021; a decision on its continuation in November 2021)', parameter: 'participatingMunicipalities', source: 'S4 §3.2.3, §3.2.5' },
		],
	},
	almere_oja: {
		members: always(['0034'], 'S4 §4.1'),
		eras: [{ until: '2020-12-31', source: 'S4 §4.1.5', set: { schoolTimeOnly: false } }],
	},
	amsterdam_sjso: {
		members: [
			{ code: '0363', source: S4_SJSO },
			// Before the new framework agreement: Amsterdam and Diemen (S4 §4.2.4, "niet woonachtig in de gemeente Amsterdam of Diemen").
			{ code: '0384', until: '2021-07-31', source: S4_SJSO },
			// The agreement after 31 July 2021 is "voor de gemeente Amsterdam"; "Per 1 januari 2022 sluiten ook de gemeenten Diemen, Uithoorn en Ouder-Amstel aan".
			{ code: '0384', from: '2022-01-01', source: SJSO_FUTURE },
			{ code: '0451', from: '2022-01-01', source: SJSO_FUTURE },
			{ code: '0437', from: '2022-01-01', source: SJSO_FUTURE },
		],
		eras: [
			{
				from: '2021-08-01',
				source: SJSO_FUTURE,
				set: {
					financingNote:
						'from 1 August 2021 an individual provision within specialist youth care ("ambulante jeugdhulp in netwerk jeugdige") under a new framework agreement; function financing with a fixed budget per provider',
				},
			},
		],
		documented: [
			{ until: '2021-07-31', what: 'the treatment of pupils living elsewhere (SJSO as a general provision: basic services open to all, extra support pre-financed and settled)', parameter: 'outsiders', source: S4_SJSO },
		],
	},
	utrecht_zml: { members: always(['0344'], 'S4 §4.4') },
	zuid_limburg: { members: always(['0888', '1954', '0899', '1903', '1729', '0928', '0935', '0938', '0965', '1883', '0971', '0981', '0994'], 'S4 §4.5.4') },
	regio_utrecht_bovenregionaal: {
		members: always(
			['0321', '0353', '0331', '0356', '1961', '0736', '0335', '0589', '1904', '0632', '0312', '0310', '1581', '0352', '0355', '0344'],
			'S3 ambitie 1 (four regions; municipalities a public-knowledge default)',
		),
	},
	rotterdam_oza: {
		// The 2018 tender names Brielle (0501), which merged on 1 January 2023 with Hellevoetsluis and Westvoorne into
		// Voorne aan Zee (1992): buildPolicy asks before the successor takes Brielle's place (mergedMembers).
		members: always(['0599', '0502', '0542', '1621', '0501'], 'S4 §4.3.1 (tender of 2018)'),
	},
	almelo_pilot: { members: always(['0141'], 'S4 §3.3') },
	hellendoorn_elimschool: { members: always(['0163'], 'S4 §3.4') },
	oldenzaal_losser_dinkelland: { members: always(['0173', '0168', '1774'], 'S4 §3.5') },
};

/** Whether ISO day `day` lies in `d` (both ends inclusive, open ends open). ISO dates compare as strings. */
export function holdsOn(d: Dated, day: string): boolean {
	return (d.from === undefined || d.from <= day) && (d.until === undefined || day <= d.until);
}

/** ISO `day` moved by `days` (the day after: 1, the day before: -1). */
export function shiftDay(day: string, days: number): string {
	return formatIsoDate(addDays(parseCalendarDate(day, 'day'), days));
}

/** The members (codes as the source names them) on ISO day `day`, in the timeline's order, without duplicates. */
export function membersOn(t: PresetTimeline, day: string): string[] {
	return [...new Set(t.members.filter((m) => holdsOn(m, day)).map((m) => m.code))];
}

/** The sources of the members on `day`, per code. */
export function memberSourcesOn(t: PresetTimeline, day: string): Record<string, string> {
	const out: Record<string, string> = {};
	for (const m of t.members) if (holdsOn(m, day)) out[m.code] = m.source;
	return out;
}

/** The eras in force on `day`. */
export function erasOn(t: PresetTimeline, day: string): PolicyEra[] {
	return (t.eras ?? []).filter((e) => holdsOn(e, day));
}

/**
 * The days strictly after `from` and up to `to` on which a membership or a rule of the timeline changes
 * (ISO, ascending): a period that contains one is not one policy.
 */
export function changesWithin(t: PresetTimeline, from: string, to: string): string[] {
	const days = new Set<string>();
	for (const d of [...t.members, ...(t.eras ?? [])]) {
		if (d.from !== undefined && from < d.from && d.from <= to) days.add(d.from);
		if (d.until !== undefined && from <= d.until && d.until < to) days.add(shiftDay(d.until, 1));
	}
	return [...days].sort();
}

/** The windows of what the source documents that do not cover the whole of `from`…`to`. */
export function undocumentedWithin(t: PresetTimeline, from: string, to: string): DocumentedWindow[] {
	return (t.documented ?? []).filter((w) => !(holdsOn(w, from) && holdsOn(w, to)));
}

/** The members without an end date: the membership as far as the sources know it now (the presets' static list). */
export function latestMembers(t: PresetTimeline): string[] {
	return [...new Set(t.members.filter((m) => m.until === undefined).map((m) => m.code))];
}

/** Words for a dated entry, ISO dates: `from 2022-01-01`, `until 2021-07-31`, `2019-01-01 to 2021-12-31`. */
function span(d: Dated): string {
	if (d.from !== undefined && d.until !== undefined) return `${d.from} to ${d.until}`;
	if (d.from !== undefined) return `from ${d.from}`;
	return d.until !== undefined ? `until ${d.until}` : '';
}

/**
 * Every membership of a timeline with its dates, in one line: `0363 Amsterdam, 0384 Diemen (until 2021-07-31;
 * from 2022-01-01), 0451 Uithoorn (from 2022-01-01)`. Used by the node descriptions and checked against the
 * preset table in docs/toeleiding-triage.md.
 * @param nameOf the name of a CBS code (current or discontinued)
 */
export function membershipText(t: PresetTimeline, nameOf: (code: string) => string): string {
	const byCode = new Map<string, string[]>();
	for (const m of t.members) byCode.set(m.code, [...(byCode.get(m.code) ?? []), span(m)]);
	return [...byCode]
		.map(([code, spans]) => {
			const dated = spans.filter((s) => s !== '');
			return `${code} ${nameOf(code)}${dated.length > 0 && dated.length === spans.length ? ` (${dated.join('; ')})` : ''}`;
		})
		.join(', ');
}
