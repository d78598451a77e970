/**
 * Clean's settings: the parameters the operation shows (`description`) and the one reader of them
 * (`readCleanSettings`), the only code of this operation that calls `getNodeParameter` (besides the shared
 * input and privacy layers it calls). The operation runs settings → cleanRecord → items.
 */
import { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { MunicipalityRegistry, parseExtraMunicipalities } from '../../../domain/municipalities';
import { readConfiguration } from '../../shared/errors';
import type { Language } from '../../../domain/primitives/language';
import { calendarTimeZoneOption, perItemParameter } from '../../shared/input';
import { languageProperty } from '../../shared/language.description';
import { readIdentifyingData, type IdentifyingData } from '../../shared/privacy';
import { VERSIONS } from '../versions';
import { CleaningOptions, CleaningRule, readRules } from '../cleanRecord';

/** The parameters of the Clean operation (the node's only operation: it has no Operation selector). */
export const description: INodeProperties[] = [
	{
		displayName: 'Fields to Clean',
		name: 'rules',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: 'Add Field',
		default: { rule: [{ field: 'zorgteamDate', type: 'date', required: true }] },
		description: 'The columns of the spreadsheet or form to check and normalise, and what each one contains',
		options: [
			{
				displayName: 'Field',
				name: 'rule',
				values: [
					{
						displayName: 'Field Name',
						name: 'field',
						type: 'string',
						default: '',
						required: true,
						placeholder: 'e.g. zorgteamDatum',
						description: 'Name of the column (field) in the incoming items; dots reach into nested objects',
					},
					{
						displayName: 'Contains',
						name: 'type',
						type: 'options',
						default: 'date',
						description: 'What the field contains, which decides how it is read and normalised',
						options: [
							{
								name: 'Date',
								value: 'date',
								description: 'ISO (2026-03-01), Dutch (01-03-2026, 1-3-2026, 01/03/2026, 1 maart 2026), Excel date numbers and timestamps; written as a calendar date',
							},
							{
								name: 'Municipality',
								value: 'municipality',
								description: 'CBS gemeentecode (0307, 307, GM0307) or name (Amersfoort, Den Haag); written as the 4-digit code',
							},
							{
								name: 'School (BRIN)',
								value: 'brin',
								description: 'BRIN code of the school, optionally with location number (12AB, 12AB00); written in upper case without spaces',
							},
							{
								name: 'BSN',
								value: 'bsn',
								description: 'Burgerservicenummer; checked with the elfproef and written as 9 digits. The number never appears in error messages.',
							},
						],
					},
					{
						displayName: 'Required',
						name: 'required',
						type: 'boolean',
						default: true,
						description: 'Whether an empty value is an error. When off, empty values are left empty.',
					},
					{
						displayName: 'Write To',
						name: 'outputField',
						type: 'string',
						default: '',
						placeholder: 'Leave empty to overwrite the field',
						description: 'Name of the field to write the normalised value to. Leave empty to replace the value in place.',
					},
				],
			},
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		description: 'Further settings for how values are written',
		options: [
			calendarTimeZoneOption,
			{
				displayName: 'Add Municipality Name',
				name: 'addMunicipalityName',
				type: 'boolean',
				default: false,
				description: 'Whether to also write the official CBS name of the municipality, in a field named like the output field with "Name" appended',
			},
			{
				displayName: 'Date Format',
				name: 'dateFormat',
				type: 'options',
				default: 'iso',
				description: 'How cleaned dates are written',
				options: [
					{ name: 'ISO (2026-03-01)', value: 'iso', description: 'Sorts correctly and is read by every system' },
					{ name: 'Dutch (01-03-2026)', value: 'dutch', description: 'As Dutch readers write dates' },
				],
			},
			{
				displayName: 'Extra Municipalities',
				name: 'extraMunicipalities',
				type: 'string',
				typeOptions: { rows: 3 },
				default: '',
				placeholder: '9999;Proefgemeente',
				description: 'Municipalities missing from the CBS list of 1 January 2025 (municipalities discontinued since 2015 are already known and resolve to their successor), one per line as code;name',
			},
			languageProperty({
				displayName: 'Former Municipality Note Language',
				name: 'noteLanguage',
				description:
					'Language of the note written when a municipality no longer exists (gemeentelijke herindeling): its code is replaced by the successor\'s, the old code goes to a field with "FormerCode" appended and the note to one with "Note" appended',
				dutch: 'Weesp (0457) is sinds 24 maart 2022 onderdeel van Amsterdam (0363)',
				english: 'Weesp (0457) is since 24 March 2022 part of Amsterdam (0363)',
			}),
			languageProperty({
				displayName: 'Message Language',
				description: 'Language of the error in words on the items of rows that cannot be used (details.text: which column is wrong; details.fix: what to do), for a mail to whoever fixes the source file. Never contains the value itself.',
				dutch: 'Nederlands (default): Het veld "zorgteamDatum" bevat geen geldige datum',
				english: 'The field "zorgteamDatum" does not hold a valid date',
			}),
			{
				displayName: 'Remove BSN After Check',
				name: 'removeBsn',
				type: 'boolean',
				default: false,
				description: 'Whether to remove BSN fields from the output once they passed the check (data minimisation: only keep the BSN where a later step needs it)',
			},
		],
	},
];

/** What one run of Clean is set to do. */
export interface CleanSettings {
	/** The rules of "Fields to Clean" for an item: read per item (an expression may differ per item), parsed again only when they do. */
	rulesOf: (itemIndex: number) => CleaningRule[];
	/** The options cleanRecord takes from the settings (the input layer adds the zone and its reader). */
	cleaning: Pick<CleaningOptions, 'dateFormat' | 'addMunicipalityName' | 'removeBsn' | 'noteLanguage' | 'registry'>;
	/** Language of the error in words on error items (details.text, details.fix). */
	messageLanguage: Language;
	/** Data minimisation: the configured identifying columns and the BSN columns of the first item's rules. */
	privacy: IdentifyingData | undefined;
}

/**
 * Read the node's parameters for one run ("Fields to Clean" per item, the options once).
 * @throws NodeOperationError when Extra Municipalities has a line that is not "code;name"
 */
export function readCleanSettings(ctx: IExecuteFunctions): CleanSettings {
	const rulesFor = perItemParameter(ctx, 'rules', {} as { rule?: CleaningRule[] });
	let lastRaw: { rule?: CleaningRule[] } | undefined;
	let lastRules: CleaningRule[] = [];
	const rulesOf = (itemIndex: number): CleaningRule[] => {
		const raw = rulesFor(itemIndex);
		if (raw === lastRaw) return lastRules;
		lastRaw = raw;
		lastRules = readRules(raw);
		return lastRules;
	};
	const options = ctx.getNodeParameter('options', 0, {}) as {
		dateFormat?: 'iso' | 'dutch';
		addMunicipalityName?: boolean;
		removeBsn?: boolean;
		noteLanguage?: Language;
		language?: Language;
		extraMunicipalities?: string;
	};
	const registry = new MunicipalityRegistry({ municipalities: readConfiguration(ctx.getNode(), () => parseExtraMunicipalities(options.extraMunicipalities, 'Extra Municipalities')) });
	// The BSN columns the privacy layer removes besides its list: those of the first item's rules.
	let firstRules: CleaningRule[] = [];
	try {
		firstRules = ctx.getInputData().length > 0 ? rulesOf(0) : [];
	} catch {
		firstRules = []; // reported for the item itself
	}
	const bsnFields = firstRules.filter((r) => r.type === 'bsn').flatMap((r) => [r.field, r.outputField?.trim() || r.field]);
	return {
		rulesOf,
		cleaning: {
			dateFormat: options.dateFormat ?? 'iso',
			addMunicipalityName: options.addMunicipalityName ?? false,
			removeBsn: options.removeBsn ?? false,
			noteLanguage: options.noteLanguage ?? 'nl',
			registry,
		},
		messageLanguage: options.language === 'en' ? 'en' : 'nl',
		privacy: readIdentifyingData(ctx, VERSIONS, undefined, bsnFields),
	};
}
