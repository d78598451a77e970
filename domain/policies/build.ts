/**
 * Build the policy a node uses from a preset plus the user's edits, validating every code.
 */
import { parseBrin } from '../primitives/brin';
import { InvalidFieldError, describeValue } from '../primitives/errors';
import { getDefaultRegistry, MunicipalityRegistry } from '../municipalities/registry';
import { getPreset, isPresetId } from './presets';
import { FINANCING_FORMS, OUTSIDER_TREATMENTS, type FinancingForm, type OpenChoice, type OutsiderTreatment, type PresetId, type RegionPolicy } from './types';

export interface PolicyEdits {
	name?: string;
	/** CBS codes or municipality names; replaces the preset's list when given. */
	participatingMunicipalities?: Array<string | number>;
	/** BRIN codes; replaces the preset's list when given. */
	designatedSchools?: Array<string | number>;
	outsiders?: OutsiderTreatment;
	groupOfferOpenToAll?: boolean;
	financingForm?: FinancingForm;
	financingNote?: string;
	financingMunicipality?: string;
	classPlacesSettled?: boolean;
	schoolTimeOnly?: boolean;
	/** The region has decided the financing the preset leaves open (settlement's explicit confirmation). */
	financingDecided?: boolean;
	notes?: string;
}

/** An empty starting point for a region that configures everything itself. */
export function customPolicyBase(): RegionPolicy {
	return {
		id: 'custom',
		name: 'Custom region policy',
		seed: 'DOMAIN.md §1 (default rules)',
		participatingMunicipalities: [],
		designatedSchools: [],
		financingForm: 'function',
		financingNote: '',
		outsiders: 'unset',
		groupOfferOpenToAll: false,
		notes: 'Configured by the region.',
	};
}

/** Split a list typed into a text field: commas, semicolons, new lines. */
export function splitList(value: unknown): string[] {
	if (Array.isArray(value)) return value.map((v) => String(v).trim()).filter((v) => v !== '');
	if (value === undefined || value === null) return [];
	return String(value)
		.split(/[,;\n]+/)
		.map((v) => v.trim())
		.filter((v) => v !== '');
}

/**
 * Apply edits to a preset (or to the custom base) and validate: municipalities must resolve in the
 * registry (names are turned into codes), schools must be BRIN codes. Lists are de-duplicated.
 * @throws UnknownMunicipalityError / InvalidBrinError / InvalidFieldError naming the policy field
 */
export function buildPolicy(base: PresetId | 'custom', edits: PolicyEdits = {}, registry: MunicipalityRegistry = getDefaultRegistry()): RegionPolicy {
	let policy: RegionPolicy;
	if (base === 'custom') policy = customPolicyBase();
	else if (isPresetId(base)) policy = getPreset(base);
	else
		throw new InvalidFieldError('unknown_preset', 'regionPolicy', `Unknown region policy preset: received ${describeValue(base)}`, 'Pick a preset from the list or "Custom".');

	if (edits.participatingMunicipalities !== undefined) {
		policy.participatingMunicipalities = dedupe(edits.participatingMunicipalities.map((m) => registry.resolve(typeof m === 'number' ? String(m) : m, 'participatingMunicipalities').code));
	} else {
		policy.participatingMunicipalities = policy.participatingMunicipalities.map((m) => registry.resolve(m, 'participatingMunicipalities').code);
	}
	if (edits.designatedSchools !== undefined) {
		policy.designatedSchools = dedupe(edits.designatedSchools.map((s) => parseBrin(s, 'designatedSchools').code));
	}
	// A choice the user made in the node is no longer open.
	const decide = (choice: OpenChoice): void => {
		if (policy.undecided?.[choice] !== undefined) {
			const rest = { ...policy.undecided };
			delete rest[choice];
			policy.undecided = rest;
		}
	};
	if (edits.outsiders !== undefined) {
		if (edits.outsiders !== 'unset') decide('outsiders');
		if (!OUTSIDER_TREATMENTS.includes(edits.outsiders))
			throw new InvalidFieldError('invalid_outsiders', 'outsiders', `Unknown treatment of pupils living elsewhere: received ${describeValue(edits.outsiders)}`, `Use one of: ${OUTSIDER_TREATMENTS.join(', ')}.`);
		policy.outsiders = edits.outsiders;
	}
	if (edits.financingForm !== undefined) {
		if (!FINANCING_FORMS.includes(edits.financingForm))
			throw new InvalidFieldError('invalid_financing_form', 'financingForm', `Unknown financing form: received ${describeValue(edits.financingForm)}`, `Use one of: ${FINANCING_FORMS.join(', ')}.`);
		policy.financingForm = edits.financingForm;
	}
	if (edits.financingMunicipality !== undefined && edits.financingMunicipality.trim() !== '') {
		policy.financingMunicipality = registry.resolve(edits.financingMunicipality, 'financingMunicipality').code;
	}
	if (edits.name !== undefined && edits.name.trim() !== '') policy.name = edits.name.trim();
	if (edits.groupOfferOpenToAll !== undefined) {
		policy.groupOfferOpenToAll = edits.groupOfferOpenToAll;
		decide('groupOffer');
	}
	if (edits.financingDecided === true) decide('financing');
	if (edits.financingNote !== undefined) policy.financingNote = edits.financingNote;
	if (edits.classPlacesSettled !== undefined) policy.classPlacesSettled = edits.classPlacesSettled;
	if (edits.schoolTimeOnly !== undefined) {
		policy.schoolTimeOnly = edits.schoolTimeOnly;
		decide('homeHelp');
	}
	if (edits.notes !== undefined) policy.notes = edits.notes;
	return policy;
}

function dedupe(values: string[]): string[] {
	return [...new Set(values)];
}
