/**
 * The region-policy parameters shared by Toeleiding Triage and Cross-Region Settlement: both nodes offer
 * the same presets (one definition in domain/policies) and the same choices for pupils living elsewhere,
 * with the same values, so a beheerder sees one vocabulary and workflows can use either node alike.
 */
import type { IDataObject, INodeProperties, INodePropertyOptions, NodeExecutionHint } from 'n8n-workflow';

import { getDefaultRegistry } from '../../domain/municipalities/registry';
import { PRESETS, PRESET_IDS } from '../../domain/policies';
import { membershipText, TIMELINES } from '../../domain/policies/timeline';
import type { OpenChoice, PresetId, RegionPolicy } from '../../domain/policies/types';

/** Short names for the editor, with the seed section the preset comes from. */
const PRESET_LABELS: Record<PresetId, string> = {
	almere_oja: 'Almere OJA (S4 §4.1)',
	amersfoort_osj: 'Amersfoort OSJ (S0)',
	amsterdam_sjso: 'Amsterdam SJSO (S4 §4.2)',
	enschede_oja: 'Enschede OJA (S4 §3.1)',
	hengelo_borne_hvt: 'Hengelo / Borne / Hof Van Twente (S4 §3.2)',
	holland_rijnland_s5: 'Holland Rijnland Segment 5 (S1)',
	regio_utrecht_bovenregionaal: 'Regio Utrecht Bovenregionaal (S3)',
	utrecht_zml: 'Utrecht Zml Pilot (S4 §4.4)',
	zuid_limburg: 'Zuid-Limburg Doelgroeparrangement (S4 §4.5)',
	rotterdam_oza: 'Rotterdam Onderwijs-Zorgarrangementen (S4 §4.3)',
	almelo_pilot: 'Almelo Pilots, in Development (S4 §3.3)',
	hellendoorn_elimschool: 'Hellendoorn Elimschool, in Development (S4 §3.4)',
	oldenzaal_losser_dinkelland: 'Oldenzaal / Losser / Dinkelland, in Development (S4 §3.5)',
};

/** The presets that leave `choice` open (the seed does not fix it): parameters for that choice are shown for them. */
export function presetsWithOpen(choice: OpenChoice): PresetId[] {
	return PRESET_IDS.filter((id) => PRESETS[id].undecided?.[choice] !== undefined);
}

/** The option value meaning "use what the preset says". */
export const FROM_POLICY = 'fromPolicy';

/** The presets (from the seeds, DOMAIN.md §4) plus Custom, alphabetically as n8n's lint wants them. */
export const regionPolicyOptions: INodePropertyOptions[] = [
	...PRESET_IDS.map((id) => ({ name: PRESET_LABELS[id], value: id, description: `${PRESETS[id].name}; ${PRESETS[id].financingNote}` })),
	{ name: 'Custom', value: 'custom', description: 'Configure the participating municipalities and the treatment of pupils living elsewhere yourself' },
].sort((a, b) => a.name.localeCompare(b.name));

/** How pupils who live outside the participating municipalities are treated. */
export const outsiderOptions: INodePropertyOptions[] = [
	{ name: 'As in the Region Policy', value: FROM_POLICY, description: 'Use the preset’s rule (Holland Rijnland, Rotterdam and the Twente pilots in development leave it open: pupils from elsewhere are errors until you choose; Custom requires a choice)' },
	{ name: 'Covered Regardless of Residence', value: 'covered', description: 'All pupils of a designated school are covered, nobody is settled (Almere school time, Utrecht zml)' },
	{ name: 'Group Open, Individual by Beschikking', value: 'group_open_individual_beschikking', description: 'Group offer open to all; individual help needs the home municipality’s beschikking (Hengelo)' },
	{ name: 'Group Open, Individual Pre-Financed and Settled', value: 'group_open_individual_settled', description: 'Group offer open to all; extra support pre-financed and settled afterwards with the home municipality (Amsterdam SJSO)' },
	{ name: 'Pre-Finance and Settle All', value: 'prefinance_settle', description: 'Everything for pupils from elsewhere is pre-financed and settled with their home municipality' },
	{ name: 'Residents Only', value: 'residents_only', description: 'Others need an individual beschikking from their home municipality: referred, not settled (Amersfoort, Zuid-Limburg)' },
];

/** Whether group offers are open to pupils from every municipality. */
export const groupOfferOptions: INodePropertyOptions[] = [
	{ name: 'As in the Region Policy', value: FROM_POLICY, description: 'Use the preset’s setting (Rotterdam and the Twente pilots in development leave it open: a group offer for a pupil from elsewhere is an error until you choose)' },
	{ name: 'Yes', value: 'yes', description: 'Pupils from any municipality may join group offers (groepsaanbod)' },
	{ name: 'No', value: 'no', description: 'Group offers follow the same residence rule as individual help' },
];

/** Whether the collective offer covers school time only (help at home through the residence municipality). */
export const helpAtHomeOptions: INodePropertyOptions[] = [
	{ name: 'As in the Region Policy', value: FROM_POLICY, description: 'Use the preset’s setting (the Twente pilots in development leave it open: help at home is an error until you choose)' },
	{ name: 'School Time Only', value: 'schoolTimeOnly', description: 'The arrangement covers help in school only; help at home goes through the residence municipality (Almere, Rotterdam)' },
	{ name: 'Also Help at Home', value: 'alsoAtHome', description: 'Where possible the same care worker who helps at school also helps at home (1 Gezin 1 Plan 1 Regisseur)' },
];

/**
 * "Members Changed by a Merger": what a participating municipality that has since merged into a wider successor
 * stands for (Rotterdam's Brielle, since 2023 part of Voorne aan Zee). Default: stop and ask (a merger never
 * widens a membership silently; domain/policies/build.ts MergedMemberError).
 */
export function mergedMembersProperty(show: Record<string, string[]> = {}): INodeProperties {
	return {
		displayName: 'Members Changed by a Merger',
		name: 'mergedMembers',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Ask (Stop Until Chosen)', value: 'ask', description: 'Stop with an error that names the successor and what it also covers (Rotterdam: Brielle is since 2023 part of Voorne aan Zee, with Hellevoetsluis and Westvoorne)' },
			{ name: 'Whole Successor', value: 'successor', description: 'The whole successor takes part: also pupils from the other former municipalities it covers' },
			{ name: 'Former Area Only', value: 'formerArea', description: 'Only pupils recorded with the former municipality (its code or name) take part; a record that names the successor counts as from elsewhere' },
		],
		default: 'ask',
		...(Object.keys(show).length > 0 ? { displayOptions: { show } } : {}),
		description: 'What a participating municipality that has since merged into a successor covering more municipalities stands for. Used only when the region policy names one for the date(s) applied.',
	};
}

/** The policy as applied to its dates, for the output: dates, members with their sources, mergers and notices. */
export function policyDatesJson(policy: RegionPolicy): IDataObject {
	return {
		asOf: policy.asOf ? { ...policy.asOf } : null,
		participatingMunicipalities: policy.participatingMunicipalities.map((code) => ({ code, source: policy.memberSources?.[code] ?? null })),
		mergedMembers: (policy.mergedMembers ?? []).map((m) => ({ ...m, former: { ...m.former }, successor: { ...m.successor }, alsoCovers: m.alsoCovers.map((c) => ({ ...c })) })),
		notices: (policy.notices ?? []).map((n) => n.text),
	};
}

/** One execution hint per notice of the policy's dates (what the sources do not document; the registry's date). */
export function policyNoticeHints(policy: RegionPolicy): NodeExecutionHint[] {
	return (policy.notices ?? []).map((n) => ({ type: 'warning', location: 'outputPane', message: n.text }));
}

/** The name of a CBS code, current or discontinued (`0501` → `Brielle`); the code itself when unknown. */
export function municipalityName(code: string): string {
	const registry = getDefaultRegistry();
	const current = registry.find(code);
	if (current) return current.name;
	const former = registry.findFormer(code);
	if (former?.kind === 'successor') return former.municipality.formerly!.name;
	return former?.kind === 'split' ? former.former.name : code;
}

/** A preset's memberships with their dates (timeline.ts), e.g. for a parameter description and the preset table in docs/toeleiding-triage.md. */
export function presetMembershipText(id: PresetId): string {
	return membershipText(TIMELINES[id], (code) => {
		const former = getDefaultRegistry().findFormer(code);
		if (former?.kind !== 'successor') return municipalityName(code);
		const { municipality } = former;
		return `${municipality.formerly!.name}, part of ${municipality.code} ${municipality.name} since ${municipality.formerly!.ended}`;
	});
}
