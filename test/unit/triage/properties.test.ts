/** Property tests: every request gets exactly one route; the responsible municipality is a valid CBS code or the item is an error. */
import fc from 'fast-check';
import { getDefaultRegistry } from '../../../domain/municipalities';
import { buildPolicy, OUTSIDER_TREATMENTS, PRESET_IDS, type OutsiderTreatment } from '../../../domain/policies';
import { DomainError } from '../../../domain/primitives/errors';
import { DEFAULT_FIELD_NAMES, parseRequest, ROUTES, triage, type RequestField } from '../../../domain/triage';
import { assertNoPersonalData } from '../../helpers/privacy';

const registry = getDefaultRegistry();
const codes = registry.all().map((m) => m.code);
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.oneof(arb, fc.constant(undefined), fc.constant(''));

const municipality = fc.oneof(fc.constantFrom(...codes), fc.constantFrom('Amersfoort', 'GM0363', '153', 'Hengelo', 'Atlantis', '9999'));
const rawRequest = fc.record({
	school: maybe(fc.constantFrom('12AB', '34CD', '12AB01', 'bad school')),
	residence: maybe(municipality),
	inResidentialCare: maybe(fc.constantFrom('ja', 'nee', true, false)),
	residenceBeforeStay: maybe(municipality),
	needs: maybe(fc.subarray(['leren', 'gedrag', 'opvoeding', 'ggz', 'lvb', 'zorg', 'onbekend'], { minLength: 1 })),
	riskLevel: maybe(fc.constantFrom('groen', 'geel', 'rood', 'green', 'red', 'paars')),
	zorgteamDecision: maybe(fc.constantFrom('ja', 'nee', 'help', 'no_help', 'misschien')),
	zorgteamDate: maybe(fc.oneof(fc.integer({ min: 2020, max: 2030 }).map((y) => `${y}-03-15`), fc.constant('31-02-2026'))),
	oppPresent: maybe(fc.boolean()),
	helpAtHome: maybe(fc.boolean()),
	wlzIndication: maybe(fc.boolean()),
	groupOfferSuitable: maybe(fc.boolean()),
	parentalConsent: maybe(fc.constantFrom(true, false, 'ja', 'nee')),
	bsn: maybe(fc.constantFrom('111222333', '111222334', '12345')),
});
const policyArb = fc.record({
	preset: fc.constantFrom(...PRESET_IDS, 'custom' as const),
	outsiders: fc.option(fc.constantFrom(...OUTSIDER_TREATMENTS), { nil: undefined }),
});

/** Complete requests that reach the policy (youth care at the designated school), varying what the policy decides on. */
const validRequest = fc.record({
	school: fc.constantFrom('12AB', '34CD'),
	needs: fc.subarray(['gedrag', 'leren', 'opvoeding'], { minLength: 1 }),
	riskLevel: fc.constantFrom('rood', 'geel', 'groen'),
	zorgteamDecision: fc.constantFrom('ja', 'nee'),
	zorgteamDate: fc.constant('2026-03-15'),
	oppPresent: fc.boolean(),
	helpAtHome: fc.boolean(),
	wlzIndication: fc.constant(false),
	groupOfferSuitable: fc.boolean(),
	parentalConsent: fc.constant(true),
});

describe('triage properties', () => {
	it('every request gets exactly one route, or is an item error; a routed request names a valid CBS code unless it is incomplete or anonymous', () => {
		fc.assert(
			fc.property(rawRequest, policyArb, (raw, p) => {
				const policy = buildPolicy(p.preset, { designatedSchools: ['12AB'], mergedMembers: 'successor' });
				let out;
				try {
					const req = parseRequest((f: RequestField) => (raw as Record<string, unknown>)[f], DEFAULT_FIELD_NAMES, registry);
					out = triage(req, { policy, outsiders: p.outsiders as OutsiderTreatment | undefined, contacts: [], registry });
				} catch (e) {
					expect(e).toBeInstanceOf(DomainError);
					assertNoPersonalData((e as Error).message);
					return;
				}
				expect(ROUTES.filter((r) => r === out.route)).toHaveLength(1);
				if (out.route === 'needs_information') expect(out.missing.length).toBeGreaterThan(0);
				else expect(out.missing).toEqual([]);
				if (out.route !== 'needs_information' && out.route !== 'anonymous_advice') {
					expect(out.responsibleMunicipality).not.toBeNull();
					expect(registry.has(out.responsibleMunicipality!.code)).toBe(true);
					expect(out.responsibleMunicipality!.code).toMatch(/^\d{4}$/);
				}
				if (out.deadline !== null) expect(['collective', 'combined']).toContain(out.route);
				if (out.crossRegionSettlement) expect(out.policyTreatment).toBe('settle');
				expect(out.reasons.length).toBeGreaterThan(0);
				assertNoPersonalData(out);
			}),
			{ numRuns: 3000 },
		);
	});

	it('a choice a preset leaves open is never defaulted: an outsider or help at home is an error until chosen', () => {
		const open = PRESET_IDS.filter((id) => buildPolicy(id, { mergedMembers: 'successor' }).undecided !== undefined);
		expect(open.sort()).toEqual(['almelo_pilot', 'hellendoorn_elimschool', 'oldenzaal_losser_dinkelland', 'rotterdam_oza']);
		fc.assert(
			fc.property(validRequest, fc.constantFrom(...open), fc.nat(), fc.option(fc.constantFrom(...OUTSIDER_TREATMENTS.filter((t) => t !== 'unset')), { nil: undefined }), (raw, preset, pick, chosen) => {
				const policy = buildPolicy(preset, { designatedSchools: ['12AB'], mergedMembers: 'successor', ...(chosen ? { outsiders: chosen } : {}) });
				// mostly residents of the preset (the interesting case), sometimes a pupil from elsewhere (Ede)
				const homes = [...policy.participatingMunicipalities, '0228'];
				const fields = { ...raw, residence: homes[pick % homes.length] } as Record<string, unknown>;
				let out;
				try {
					const req = parseRequest((f: RequestField) => fields[f], DEFAULT_FIELD_NAMES, registry);
					out = triage(req, { policy, contacts: [], registry });
				} catch (e) {
					expect(e).toBeInstanceOf(DomainError);
					return;
				}
				// without the region's choice only residents are classified: a pupil from elsewhere needs it
				if (out.policyTreatment !== null && chosen === undefined) expect(out.policyTreatment).toBe('resident');
				// with it, a group offer for a pupil from elsewhere still needs the group-offer choice
				if (out.policyTreatment !== null && out.policyTreatment !== 'resident' && chosen !== 'covered') expect(fields.groupOfferSuitable === true || fields.groupOfferSuitable === 'ja').toBe(false);
				const atSchool = out.route === 'collective' || out.route === 'mandated_route' || (out.route === 'combined' && out.youthCareRoute !== 'individual_beschikking');
				if (atSchool && policy.undecided?.homeHelp !== undefined) {
					expect(out.actions.map((a) => a.id)).not.toContain('same_care_worker_at_home');
					expect(out.actions.map((a) => a.id)).not.toContain('home_help_by_residence_municipality');
				}
			}),
			{ numRuns: 2000 },
		);
	});

	it('the decision does not depend on the BSN or the pupil reference', () => {
		fc.assert(
			fc.property(rawRequest, fc.constantFrom(...PRESET_IDS), fc.constantFrom('111222333', '123456782', undefined), (raw, preset, bsn) => {
				const policy = buildPolicy(preset, { designatedSchools: ['12AB'], mergedMembers: 'successor' });
				const run = (b: unknown) => {
					try {
						const req = parseRequest((f) => (f === 'bsn' ? b : (raw as Record<string, unknown>)[f]), DEFAULT_FIELD_NAMES, registry);
						const o = triage(req, { policy, outsiders: 'prefinance_settle', contacts: [], registry });
						return { ...o, pupilReference: null };
					} catch (e) {
						return (e as DomainError).code;
					}
				};
				expect(run(bsn)).toEqual(run('999999990'));
			}),
			{ numRuns: 500 },
		);
	});
});
