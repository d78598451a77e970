/**
 * Toeleiding Triage's settings: the parameters the operation shows (`description`) and the one reader of them
 * (`readTriageSettings`), the only code of this operation that calls `getNodeParameter` or asks the version
 * table (besides the shared input, privacy and column layers it calls). The operation runs settings → parse
 * and decide per request (domain/triage) → items on the route's output.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { parseAddressList } from '../../../domain/primitives/addresses';
import { parseBrin } from '../../../domain/primitives/brin';
import { GEMEENTEN_2025, getDefaultRegistry, memberCode, parseMunicipalityList, parseMunicipalitySetting } from '../../../domain/municipalities';
import { buildPolicy, PRESETS, PRESET_IDS, splitList, type MergedMemberChoice, type OutsiderTreatment, type PresetId } from '../../../domain/policies';
import { formatIsoDate, parseCalendarDate, today } from '../../../domain/primitives/dates';
import { isBlank } from '../../../domain/primitives/blank';
import { TRIAGE_COLUMNS, type AccessContact, type FieldNames, type TriageConfig, type TriageOutcome } from '../../../domain/triage';
import { explainer } from '../../../domain/triage/decide';
import { columnMappingProperty, legacyColumnCollection, readColumnNames } from '../../shared/columns';
import { readConfiguration } from '../../shared/errors';
import { calendarTimeZoneOption, InputReader } from '../../shared/input';
import { IdentifyingData, readIdentifyingData } from '../../shared/privacy';
import { regionalCalendar, requireCommonHolidayRegion, type ClosedDayKind, type HolidayCalendar, type HolidayRegion } from '../../../domain/calendar';
import { closedDayOptions, holidayRegionOptions } from '../../shared/calendar.description';
import { VERSIONS } from '../versions';
import { FROM_POLICY, groupOfferOptions, helpAtHomeOptions, mergedMembersProperty, outsiderOptions, presetMembershipText, regionPolicyOptions } from '../../shared/policy.description';
import { makePseudonymiser } from '../../../domain/primitives/pseudonym';
import type { Language } from '../../../domain/primitives/language';
import { languageProperty } from '../../shared/language.description';

const NAMES = new Map(GEMEENTEN_2025.map(([code, name]) => [code, name]));
/** `0307 Amersfoort, 0308 Baarn`: codes with names, so the list is readable and editable. */
export function formatMunicipalityList(codes: readonly string[]): string {
	return codes.map((c) => `${c} ${NAMES.get(c) ?? ''}`.trim()).join(', ');
}


const OUTSIDER_TEXT: Record<string, string> = {
	covered: 'all pupils covered regardless of residence',
	residents_only: 'residents only; others need a beschikking from their home municipality',
	group_open_individual_beschikking: 'group offer open to all; individual help needs the home municipality\u2019s beschikking',
	group_open_individual_settled: 'group offer open to all; individual help pre-financed and settled with the home municipality',
	prefinance_settle: 'everything pre-financed and settled with the home municipality',
	unset: 'not fixed by the region policy (Holland Rijnland: bestuurlijke keuze; Rotterdam and the Twente pilots: not in the seed): choose under "Pupils Living Elsewhere"',
};

const municipalityParams: INodeProperties[] = [
	...PRESET_IDS.map(
		(id): INodeProperties => ({
			displayName: 'Participating Municipalities',
			name: `municipalities_${id}`,
			type: 'string',
			typeOptions: { rows: 3 },
			default: '',
			placeholder: `e.g. ${formatMunicipalityList(PRESETS[id].participatingMunicipalities.slice(0, 3))}`,
			displayOptions: { show: { regionPolicy: [id] } },
			description:
				`Municipalities (gemeenten) taking part, as CBS codes (0307, GM0307), names or both (0772 Eindhoven), one per line or separated by ";" or "," (a comma inside a name such as Nuenen, Gerwen en Nederwetten is kept). Empty = the preset’s membership on the Policy Date (${PRESETS[id].seed}): ${presetMembershipText(id)}` +
				(PRESETS[id].municipalitiesToConfirm ? ' — the seed does not list them: a public-knowledge default to confirm.' : '.') +
				' Or your own list, as CBS codes (0307, GM0307) or names, separated by commas: it then holds for every date.' +
				` Pupils living elsewhere: ${OUTSIDER_TEXT[PRESETS[id].outsiders]}.`,
		}),
	),
	{
		displayName: 'Participating Municipalities',
		name: 'municipalities_custom',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		placeholder: 'e.g. 0307 Amersfoort, 0308 Baarn',
		displayOptions: { show: { regionPolicy: ['custom'] } },
		description: 'Municipalities (gemeenten) taking part in your region\u2019s collective arrangement, as CBS codes, names or both (0772 Eindhoven), one per line or separated by ";" or "," (a comma inside a name such as Nuenen, Gerwen en Nederwetten is kept)',
	},
];

/** The parameters of the Triage operation (the node's only operation: it has no Operation selector). */
export const description: INodeProperties[] = [
	{
		displayName: 'Region Policy',
		name: 'regionPolicy',
		type: 'options',
		noDataExpression: true,
		options: regionPolicyOptions,
		default: 'amersfoort_osj',
		description: 'The region\u2019s arrangement for collective youth care at school (preset from the seeds, DOMAIN.md §4); its municipality list is shown below and can be edited',
	},
	...municipalityParams,
	mergedMembersProperty(),
	{
		displayName: 'Designated Schools',
		name: 'designatedSchools',
		type: 'string',
		default: '',
		placeholder: 'e.g. 12AB, 34CD00',
		description: 'BRIN codes of the schools designated for collective youth care (OSJ/OJA/SJSO schools), separated by commas. A code without location number matches all locations; a code with one (12AB01) only that location. Pupils at other schools go to an individual beschikking.',
	},
	{
		displayName: 'Pupils Living Elsewhere',
		name: 'outsiders',
		type: 'options',
		options: outsiderOptions,
		default: FROM_POLICY,
		description: 'How pupils at a designated school who live in a non-participating municipality are treated',
	},
	{
		displayName: 'Group Offer Open to All',
		name: 'groupOfferOpenToAll',
		type: 'options',
		options: groupOfferOptions,
		default: FROM_POLICY,
		description: 'Whether group offers (groepsaanbod) at designated schools are open to pupils from every municipality',
	},
	{
		displayName: 'Help at Home',
		name: 'helpAtHomeArrangement',
		type: 'options',
		options: helpAtHomeOptions,
		default: FROM_POLICY,
		description: 'Whether the collective offer covers school time only (help at home through the residence municipality) or also help at home',
	},
	{
		displayName: 'Access Team Contacts',
		name: 'accessContacts',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		default: {},
		placeholder: 'Add Contact',
		description: 'The contact person of the municipal access team (gemeentelijke toegang) per school; for a school with a regional function, one per school and municipality (S1 input goal 3, S3)',
		options: [
			{
				displayName: 'Contact',
				name: 'contact',
				values: [
					{ displayName: 'School (BRIN)', name: 'school', type: 'string', default: '', placeholder: 'e.g. 12AB', description: 'BRIN code of the school' },
					{ displayName: 'Municipality', name: 'municipality', type: 'string', default: '', placeholder: 'e.g. 0307 or Amersfoort', description: 'Leave empty for the school\u2019s contact for all pupils; fill in for a contact per municipality at a school with a regional function' },
					{ displayName: 'Name', name: 'name', type: 'string', default: '', description: 'Name of the contact person (a professional, not a pupil)' },
					{ displayName: 'Email', name: 'email', type: 'string', default: '', placeholder: 'name@example.com', description: 'E-mail address of the contact person' },
				],
			},
		],
	},
	{
		displayName: 'Pseudonymise BSN',
		name: 'pseudonymiseBsn',
		type: 'boolean',
		default: false,
		description: 'Whether to make a pseudonymous pupil reference from the BSN (keyed hash, needs the Jeugdhulp Pseudonymisation Key credential) when the request has no pupil reference',
	},
	// Node version 1.3 (issue 21 §4): the 8-week deadline with the Deadline Monitor's clock and calendar settings
	{
		displayName: 'Deadline Counting',
		name: 'deadlineCounting',
		type: 'options',
		options: [
			{ name: 'Calendar Days', value: 'calendarDays', description: '8 weeks = 56 calendar days after the zorgteam discussion' },
			{ name: 'School Weeks', value: 'schoolWeeks', description: 'Days inside school holidays do not count, as in the Deadline Monitor with Counting: School Weeks' },
		],
		default: 'calendarDays',
		displayOptions: { show: VERSIONS.shownFrom('schoolWeekDeadline') },
		description: 'How the 8-week deadline is counted; choose what your Deadline Monitor uses, so both give the same date',
	},
	{
		displayName: 'Holiday Region',
		name: 'deadlineHolidayRegion',
		type: 'options',
		options: [
			{ name: "From the Region Policy's Municipalities", value: FROM_POLICY, description: 'The one holiday region of every municipality in the list above (regio-indeling schoolvakanties); stops with the reason when they lie in more than one' },
			...holidayRegionOptions,
		],
		default: FROM_POLICY,
		displayOptions: { show: { deadlineCounting: ['schoolWeeks'], ...VERSIONS.shownFrom('schoolWeekDeadline') } },
		description: 'The built-in schoolvakanties of this holiday region (vakantieregio) do not count',
	},
	{
		displayName: 'Extra Closed Days',
		name: 'deadlineExtraClosedDays',
		type: 'multiOptions',
		options: closedDayOptions,
		default: [],
		displayOptions: { show: { deadlineCounting: ['schoolWeeks'], ...VERSIONS.shownFrom('schoolWeekDeadline') } },
		description: 'Days the schools close besides the regional holidays, every year; the same choice as in the Deadline Monitor',
	},
	// Node version 1.2: every field shown, pre-filled; the five without which a request goes to Needs Info say "(Required)"
	columnMappingProperty(VERSIONS, {
		displayName: 'Input Columns',
		name: 'columnMap',
		description: 'The fields (columns) of your form or spreadsheet this node reads, with the default name of each; change a name to match yours. Dot paths (a.b) work too. Read once per run.',
		columns: TRIAGE_COLUMNS,
	}),
	// Versions 1 and 1.1: the fields one by one ("Change Field Name"), read as before
	legacyColumnCollection(VERSIONS, {
		displayName: 'Input Field Names',
		name: 'fields',
		placeholder: 'Change Field Name',
		description: 'Names of the fields (columns) in the incoming form or spreadsheet; change them to match yours. Dot paths (a.b) work too.',
		columns: TRIAGE_COLUMNS,
	}),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		description: 'Further settings',
		options: [
			calendarTimeZoneOption,
			{
				displayName: 'Policy Date',
				name: 'policyDate',
				type: 'string',
				default: '',
				placeholder: 'e.g. 2026-09-01',
				description:
					'The date whose region policy applies: memberships and rules change on dates (Amsterdam SJSO: Uithoorn and Ouder-Amstel from 1 January 2022). Empty = the day the node runs, in the calendar time zone. ISO, Dutch (01-09-2026) or an expression.',
			},
			languageProperty({
				displayName: 'Message Language',
				description: 'Language of the texts meant for people outside n8n: route label, actions and missing fields ("texts"), reasons, who pays, and the error in words on error items (details.text, details.fix)',
				dutch: 'Nederlands (default): the texts go to Dutch schools, parents and access teams',
			}),
			{
				displayName: 'Output',
				name: 'output',
				type: 'options',
				options: [
					{ name: 'Input Fields and Triage', value: 'inputAndTriage', description: 'Keep the request\u2019s fields (without the BSN) and add a "triage" object' },
					{ name: 'Triage Only', value: 'triageOnly', description: 'Only the "triage" object (data minimisation)' },
				],
				default: 'inputAndTriage',
				description: 'What each output item contains',
			},
			{
				displayName: 'Include BSN in Output',
				name: 'includeBsn',
				type: 'boolean',
				default: false,
				description: 'Whether to keep the BSN in the output items (as triage.bsn, normalised). Off by default: data minimisation.',
			},
		],
	},
];

/** What one run of Toeleiding Triage is set to do (every parameter is read once per run). */
export interface TriageSettings {
	config: TriageConfig;
	names: FieldNames;
	language: Language;
	triageOnly: boolean;
	includeBsn: boolean;
	privacy?: IdentifyingData;
	/** `explain` in the run's language, with a per-run cache (domain/triage/decide.ts explainer). */
	explain: (outcome: TriageOutcome) => string;
}

/**
 * Node version 1.3: the holiday calendar of the 8-week deadline when the region counts school weeks (the
 * Deadline Monitor's built-in calendar, region and extra closed days); undefined for calendar days.
 * @throws a configuration error when the region follows the policy and its municipalities lie in more than one holiday region
 */
function readDeadlineCalendar(ctx: IExecuteFunctions, municipalityCodes: string[], registry: ReturnType<typeof getDefaultRegistry>): HolidayCalendar | undefined {
	if ((ctx.getNodeParameter('deadlineCounting', 0, 'calendarDays') as string) !== 'schoolWeeks') return undefined;
	const choice = ctx.getNodeParameter('deadlineHolidayRegion', 0, FROM_POLICY) as HolidayRegion | typeof FROM_POLICY;
	const kinds = ctx.getNodeParameter('deadlineExtraClosedDays', 0, []) as ClosedDayKind[];
	if (choice !== FROM_POLICY) return regionalCalendar(choice, { kinds });
	const common = readConfiguration(ctx.getNode(), () => requireCommonHolidayRegion(municipalityCodes.map((code) => registry.resolve(code, 'Municipalities'))));
	return regionalCalendar(common.region, { kinds, why: common.reason });
}

/**
 * Every parameter is read once per run (the input reader checked they are the same for every item), with the
 * pseudonymisation credential when Pseudonymise BSN is on.
 * @throws whatever a wrong parameter raises (a domain error or a configuration error); the operation makes it a configuration error
 */
export async function readTriageSettings(ctx: IExecuteFunctions, input: InputReader): Promise<TriageSettings> {
	const registry = getDefaultRegistry();
	const preset = ctx.getNodeParameter('regionPolicy', 0) as PresetId | 'custom';
	// the one municipality-list grammar (domain/municipalities/list.ts): codes, names, `0772 Eindhoven`, names with commas
	const municipalities = parseMunicipalityList(ctx.getNodeParameter(`municipalities_${preset}`, 0, '') as string, registry, 'Participating Municipalities').map(memberCode);
	const outsiders = ctx.getNodeParameter('outsiders', 0, FROM_POLICY) as OutsiderTreatment | typeof FROM_POLICY;
	const groupOpen = ctx.getNodeParameter('groupOfferOpenToAll', 0, FROM_POLICY) as string;
	const homeHelp = ctx.getNodeParameter('helpAtHomeArrangement', 0, FROM_POLICY) as string;
	const options = ctx.getNodeParameter('options', 0, {}) as { language?: Language; output?: string; includeBsn?: boolean; policyDate?: string };
	// The policy of the day the requests are triaged (or the Policy Date): memberships and rules change on dates.
	const policyDay = formatIsoDate(isBlank(options.policyDate) ? today(new Date(), input.zone) : parseCalendarDate(options.policyDate, 'policyDate', input.zone));
	const policy = buildPolicy(
		preset,
		{
			participatingMunicipalities: municipalities.length > 0 ? municipalities : undefined,
			mergedMembers: ctx.getNodeParameter('mergedMembers', 0, 'ask') as MergedMemberChoice,
			designatedSchools: splitList(ctx.getNodeParameter('designatedSchools', 0, '') as string),
			outsiders: outsiders === FROM_POLICY ? undefined : outsiders,
			groupOfferOpenToAll: groupOpen === FROM_POLICY ? undefined : groupOpen === 'yes',
			schoolTimeOnly: homeHelp === FROM_POLICY ? undefined : homeHelp === 'schoolTimeOnly',
		},
		registry,
		{ from: policyDay, to: policyDay, field: 'policyDate' },
	);
	const contactRows = (ctx.getNodeParameter('accessContacts.contact', 0, []) as IDataObject[]) ?? [];
	const contacts: AccessContact[] = contactRows.map((c, i) => ({
		school: parseBrin(String(c.school ?? ''), 'accessContacts.school').code,
		municipality: parseMunicipalitySetting(c.municipality, registry, `Access Team Contacts → contact ${i + 1} → Municipality`)?.code,
		name: String(c.name ?? ''),
		email: parseAddressList(c.email ?? '', `Access Team Contacts → contact ${i + 1} → E-Mail`).text,
	}));
	// version 1.2: Input Columns; before: Input Field Names (read as before: trimmed, blank = default)
	const names: FieldNames = readColumnNames(ctx, VERSIONS, TRIAGE_COLUMNS, { mapping: 'columnMap', legacy: 'fields' });
	let pseudonymise: ((bsn: string) => string) | undefined;
	if (ctx.getNodeParameter('pseudonymiseBsn', 0, false) as boolean) {
		const credentials = await ctx.getCredentials<{ key: string }>('pseudonymisationKeyApi');
		pseudonymise = makePseudonymiser(credentials.key);
	}
	const deadlineCalendar = VERSIONS.has(ctx.getNode(), 'schoolWeekDeadline') ? readDeadlineCalendar(ctx, policy.participatingMunicipalities, registry) : undefined;
	return {
		config: { policy, contacts, registry, zone: input.zone, pseudonymise, ...(deadlineCalendar ? { deadlineCalendar } : {}) },
		names,
		language: options.language === 'en' ? 'en' : 'nl',
		explain: explainer(options.language === 'en' ? 'en' : 'nl'),
		triageOnly: options.output === 'triageOnly',
		includeBsn: options.includeBsn === true,
		privacy: readIdentifyingData(ctx, VERSIONS, pseudonymise, [names.bsn]),
	};
}
