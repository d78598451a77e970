/**
 * Build the policy a node uses from a preset plus the user's edits, validating every code.
 */
import { parseBrin } from '../primitives/brin';
import { InvalidFieldError, describeValue } from '../primitives/errors';
import { formatLongDate, getDefaultRegistry, MunicipalityRegistry, type Municipality } from '../municipalities/registry';
import { getPreset, isPresetId } from './presets';
import { changesWithin, erasOn, shiftDay, memberSourcesOn, membersOn, TIMELINES, undocumentedWithin, type PresetTimeline } from './timeline';
import {
	FINANCING_FORMS,
	MERGED_MEMBER_CHOICES,
	OUTSIDER_TREATMENTS,
	type FinancingForm,
	type MergedMember,
	type MergedMemberChoice,
	type OpenChoice,
	type OutsiderTreatment,
	type PolicyNotice,
	type PresetId,
	type RegionPolicy,
} from './types';

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
	/** What a participating municipality that has since merged stands for (default `ask`: an error until chosen). */
	mergedMembers?: MergedMemberChoice;
}

/**
 * The days a policy is built for, ISO `YYYY-MM-DD`, both inclusive: a settlement period, or the one day
 * a request is triaged. `field` names the parameter that holds them, for errors.
 */
export interface PolicyDates {
	from: string;
	to: string;
	field: string;
}

/** Without dates a policy is built as the sources know it now: every membership without an end date. */
const LATEST: PolicyDates = { from: '9999-12-31', to: '9999-12-31', field: 'period' };

/** A region policy changes on a date inside the period it is applied to: split the period there. */
export class PolicyChangesWithinPeriodError extends InvalidFieldError {
	constructor(field: string, policyName: string, dates: PolicyDates, changes: string[]) {
		const first = changes[0];
		super(
			'policy_changes_within_period',
			field,
			`The region policy "${policyName}" changes on ${changes.map((c) => formatLongDate(c, 'en')).join(', ')}, inside the period ${dates.from} to ${dates.to}: its membership or rules differ before and after`,
			`Split the period at ${first}: apply the policy to ${dates.from}–${shiftDay(first, -1)} and to ${first}–${dates.to} separately (for a settlement: two runs).`,
		);
		this.name = 'PolicyChangesWithinPeriodError';
	}
}

/**
 * A participating municipality has since merged into a successor that also covers other municipalities:
 * a merger does not widen a membership by itself. The message names the successor and what it also covers.
 */
export class MergedMemberError extends InvalidFieldError {
	readonly merged: Omit<MergedMember, 'applied'>;

	constructor(policyName: string, merged: Omit<MergedMember, 'applied'>) {
		const label = (m: { code: string; name: string }) => `${m.name} (${m.code})`;
		super(
			'merged_member_unconfirmed',
			'mergedMembers',
			`The region policy "${policyName}" names ${label(merged.former)}, which since ${formatLongDate(merged.ended, 'en')} is part of ${label(merged.successor)}; ` +
				`${merged.successor.name} also covers ${merged.alsoCovers.map((m) => (m.code === merged.successor.code ? `the rest of ${label(m)}` : label(m))).join(' and ')}. A merger does not widen the membership by itself`,
			`Choose under "Members Changed by a Merger" (mergedMembers) whether all of ${merged.successor.name} takes part ("Whole Successor") or only pupils recorded with ${merged.former.name} ("Former Area Only"), as your region agreed; or list the participating municipalities yourself.`,
		);
		this.name = 'MergedMemberError';
		this.merged = merged;
	}
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
 * Apply edits to a preset (or to the custom base) for the days `at` and validate: municipalities must resolve
 * in the registry (names are turned into codes), schools must be BRIN codes. Lists are de-duplicated.
 *
 * Dates (issue 21): a preset's membership and rules come from its timeline (timeline.ts) for `at` — a settlement
 * period or a triage day; without `at`, as the sources know them now. A member that has since merged into a
 * successor covering more asks (`mergedMembers`); what the sources do not document for `at` becomes a notice.
 * @throws UnknownMunicipalityError / InvalidBrinError / InvalidFieldError naming the policy field
 * @throws PolicyChangesWithinPeriodError when the membership or the rules change inside `at`
 * @throws MergedMemberError when a member merged into a wider successor and `mergedMembers` is `ask`
 */
export function buildPolicy(base: PresetId | 'custom', edits: PolicyEdits = {}, registry: MunicipalityRegistry = getDefaultRegistry(), at?: PolicyDates): RegionPolicy {
	let policy: RegionPolicy;
	if (base === 'custom') policy = customPolicyBase();
	else if (isPresetId(base)) policy = getPreset(base);
	else
		throw new InvalidFieldError('unknown_preset', 'regionPolicy', `Unknown region policy preset: received ${describeValue(base)}`, 'Pick a preset from the list or "Custom".');
	const dates = at ?? LATEST;
	const timeline: PresetTimeline | undefined = base === 'custom' ? undefined : TIMELINES[base];
	const ownList = edits.participatingMunicipalities !== undefined;
	const choice = edits.mergedMembers ?? 'ask';
	if (!MERGED_MEMBER_CHOICES.includes(choice))
		throw new InvalidFieldError('invalid_merged_members', 'mergedMembers', `Unknown choice for members changed by a merger: received ${describeValue(choice)}`, `Use one of: ${MERGED_MEMBER_CHOICES.join(', ')}.`);

	if (timeline) {
		// A user's own list holds for every date; the rules still follow the timeline.
		const relevant = ownList ? { members: [], eras: timeline.eras } : timeline;
		const changes = changesWithin(relevant, dates.from, dates.to);
		if (changes.length > 0) throw new PolicyChangesWithinPeriodError(dates.field, policy.name, dates, changes);
		for (const era of erasOn(timeline, dates.from)) Object.assign(policy, era.set);
		if (!ownList) {
			policy.participatingMunicipalities = membersOn(timeline, dates.from);
			policy.memberSources = memberSourcesOn(timeline, dates.from);
		}
	}
	const named = ownList ? edits.participatingMunicipalities!.map((m) => (typeof m === 'number' ? String(m) : m)) : policy.participatingMunicipalities;
	const merged: MergedMember[] = [];
	const resolved = named.map((m) => registry.resolve(m, 'participatingMunicipalities'));
	const members = namedMembers(resolved);
	policy.participatingMunicipalities = dedupe(resolved.map((m) => memberCode(m, policy, dates, choice, registry, merged, members)));
	if (merged.length > 0) policy.mergedMembers = merged;
	if (policy.memberSources) {
		const sources = policy.memberSources;
		policy.memberSources = Object.fromEntries(policy.participatingMunicipalities.map((c) => [c, sources[c] ?? sourceOfMerged(c, merged, sources)]));
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
	if (at) policy.asOf = { from: at.from, to: at.to };
	const notices = datedNotices(policy, timeline, dates, edits, registry, at !== undefined);
	if (notices.length > 0) policy.notices = notices;
	return policy;
}

/** The member source of a successor that took a merged member's place: the merged member's own source. */
function sourceOfMerged(code: string, merged: MergedMember[], sources: Record<string, string>): string {
	const m = merged.find((x) => x.successor.code === code);
	return m ? `${sources[m.former.code] ?? ''}; ${m.former.name} (${m.former.code}) is since ${m.ended} part of ${m.successor.name} (${m.successor.code})`.replace(/^; /, '') : '';
}

/**
 * The code a participating municipality stands for on `dates`. A current municipality is itself. A former one
 * that still existed on every day of `dates` stays itself (pupils recorded with it match by their former code).
 * One that has since merged is its successor when the successor covers nothing more (a rename, or a merger of
 * members only); otherwise the merger would widen the membership: `choice` decides, `ask` throws.
 */
function memberCode(
	resolved: Municipality,
	policy: RegionPolicy,
	dates: PolicyDates,
	choice: MergedMemberChoice,
	registry: MunicipalityRegistry,
	merged: MergedMember[],
	named: NamedMembers,
): string {
	const former = resolved.formerly;
	if (!former) return resolved.code;
	if (dates.to < former.ended) return former.code;
	if (dates.from < former.ended) throw new PolicyChangesWithinPeriodError(dates.field, policy.name, dates, [former.ended]);
	// A rename, or a successor that is itself a member, widens nothing.
	if (former.fate === 'renamed' || named.current.has(resolved.code)) return resolved.code;
	// What the successor covers beyond the named member: its own territory when it absorbed the member, and the
	// other municipalities it succeeded (by the policy's dates) — except those that are members themselves.
	const alsoCovers: Array<{ code: string; name: string }> = [];
	if (former.fate === 'absorbed') alsoCovers.push({ code: resolved.code, name: resolved.name });
	for (const p of registry.coveredBy(resolved.code)) {
		if (p.code !== former.code && !named.former.has(p.code) && p.ended <= dates.from) alsoCovers.push({ code: p.code, name: p.name });
	}
	if (alsoCovers.length === 0) return resolved.code;
	const entry = { former: { code: former.code, name: former.name }, ended: former.ended, successor: { code: resolved.code, name: resolved.name }, alsoCovers };
	if (choice === 'ask') throw new MergedMemberError(policy.name, entry);
	merged.push({ ...entry, applied: choice });
	return choice === 'successor' ? resolved.code : former.code;
}

/** The codes a member list names: current municipalities, and discontinued ones by their own code. */
interface NamedMembers {
	current: Set<string>;
	former: Set<string>;
}

function namedMembers(resolved: readonly Municipality[]): NamedMembers {
	const named: NamedMembers = { current: new Set(), former: new Set() };
	for (const m of resolved) {
		if (m.formerly) named.former.add(m.formerly.code);
		else named.current.add(m.code);
	}
	return named;
}

/**
 * What the sources do not document for the policy's dates: a documented window of the preset that does not
 * cover them (unless the user set the parameter that confirms it), and dates after the registry's completeness.
 */
function datedNotices(policy: RegionPolicy, timeline: PresetTimeline | undefined, dates: PolicyDates, edits: PolicyEdits, registry: MunicipalityRegistry, dated: boolean): PolicyNotice[] {
	const notices: PolicyNotice[] = [];
	const confirmed = { outsiders: edits.outsiders !== undefined && edits.outsiders !== 'unset', participatingMunicipalities: edits.participatingMunicipalities !== undefined };
	if (timeline && dated) {
		for (const w of undocumentedWithin(timeline, dates.from, dates.to)) {
			if (confirmed[w.parameter]) continue;
			const span = w.from === undefined ? `up to ${formatLongDate(w.until!, 'en')}` : w.until === undefined ? `from ${formatLongDate(w.from, 'en')}` : `from ${formatLongDate(w.from, 'en')} to ${formatLongDate(w.until, 'en')}`;
			const label = w.parameter === 'outsiders' ? '"Pupils Living Elsewhere" (outsiders)' : '"Participating Municipalities" (participatingMunicipalities)';
			notices.push({
				code: 'policy_undocumented_date',
				parameter: w.parameter,
				source: w.source,
				text: `${w.source} documents ${w.what} of "${policy.name}" only ${span}; ${dates.from === dates.to ? dates.from : `${dates.from} to ${dates.to}`} lies outside it. The preset applies the documented rule: confirm it for this date by setting ${label} explicitly.`,
			});
		}
	}
	if (dated && dates.to > registry.completeUntil) {
		notices.push({
			code: 'registry_incomplete_date',
			source: registry.source,
			text: `The municipality registry is complete up to ${formatLongDate(registry.completeUntil, 'en')}; ${dates.to} lies after it, so a municipal merger since then is not known: refresh the registry (docs/reference-data.md "Municipality registry").`,
		});
	}
	return notices;
}

function dedupe(values: string[]): string[] {
	return [...new Set(values)];
}
