/**
 * The region-policy parameters shared by Toeleiding Triage and Cross-Region Settlement: both nodes offer
 * the same presets (one definition in domain/policies) and the same choices for pupils living elsewhere,
 * with the same values, so a beheerder sees one vocabulary and workflows can use either node alike.
 */
import type { INodePropertyOptions } from 'n8n-workflow';

import { PRESETS, PRESET_IDS } from '../../domain/policies';
import type { OpenChoice, PresetId } from '../../domain/policies/types';

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
