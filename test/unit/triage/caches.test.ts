/**
 * The per-run caches of the triage (issue 14 §2) must never return a value that belongs to another
 * configuration, another run or another value: the decision caches live on the TriageConfig object, the
 * request parser's caches on the parser, the explanations on the explainer. Each test below fails when a
 * cache is keyed too coarsely (e.g. module-wide instead of per configuration) or keeps an error as a value.
 */
import fc from 'fast-check';

import { getDefaultRegistry } from '../../../domain/municipalities';
import { buildPolicy, type PresetId } from '../../../domain/policies';
import { DEFAULT_FIELD_NAMES, explain, explainer, parseRequest, requestParser, triage, type RequestField, type TriageConfig, type TriageOutcome } from '../../../domain/triage';
import { fromYmd } from '../../../domain/primitives/dates';

const registry = getDefaultRegistry();
const contacts = [{ school: '12AB', name: 'Toegang', email: 'toegang@example.org' }];

function config(preset: PresetId, designatedSchools: string[] = ['12AB'], extra: Partial<TriageConfig> = {}): TriageConfig {
	return { policy: buildPolicy(preset, { designatedSchools }), contacts, registry, ...extra };
}

const request = {
	requestId: 'R-1',
	pupilReference: 'PUP-1',
	school: '12AB',
	residence: '0307',
	needs: ['behaviour' as const],
	riskLevel: 'red' as const,
	zorgteamDecision: 'help' as const,
	zorgteamDate: fromYmd(2026, 3, 2),
	oppPresent: true,
	parentalConsent: true,
};

describe('triage caches are per configuration', () => {
	it('two configurations used in turn each get their own route, who-pays text and contact', () => {
		const designated = config('amersfoort_osj');
		const notDesignated = config('amersfoort_osj', []);
		const otherRegion = config('enschede_oja');
		const noContacts = { ...config('amersfoort_osj'), contacts: [] };
		for (let round = 0; round < 2; round++) {
			expect(triage(request, designated).route).toBe('collective');
			expect(triage(request, notDesignated).route).toBe('individual_beschikking');
			expect(triage(request, designated).whoPays.text).toContain(designated.policy.name);
			const enschedePupil = { ...request, residence: '0153' };
			expect(triage(enschedePupil, otherRegion).whoPays.text).toContain(otherRegion.policy.name);
			expect(triage(enschedePupil, otherRegion).whoPays.text).not.toContain(designated.policy.name);
			expect(triage(request, designated).accessContact).toEqual({ name: 'Toegang', email: 'toegang@example.org' });
			expect(triage(request, noContacts).accessContact).toBeNull();
		}
	});

	it('the deadline and its reason follow each request\u2019s own zorgteam date', () => {
		const c = config('amersfoort_osj');
		expect(triage(request, c).deadline).toBe('2026-04-27');
		expect(triage({ ...request, zorgteamDate: fromYmd(2026, 3, 3) }, c).deadline).toBe('2026-04-28');
		expect(explain(triage({ ...request, zorgteamDate: fromYmd(2026, 3, 3) }, c), 'nl')).toContain('uiterlijk 28-04-2026');
		expect(explain(triage(request, c), 'nl')).toContain('uiterlijk 27-04-2026');
	});

	it('who-pays texts follow the responsible municipality of each request', () => {
		const c = config('amersfoort_osj');
		expect(triage({ ...request, residence: '0307' }, c).whoPays.textNl).toMatch(/^Amersfoort,/);
		expect(triage({ ...request, residence: '0308' }, c).whoPays.textNl).toMatch(/^Baarn,/);
		expect(triage({ ...request, residence: '0307', school: '34CD' }, c).whoPays.textNl).toMatch(/^Amersfoort, met een individuele beschikking/);
	});

	it('outcomes do not share mutable objects that reach the output (municipality refs are fresh per request)', () => {
		const c = config('amersfoort_osj');
		const a = triage(request, c);
		const b = triage(request, c);
		expect(a.responsibleMunicipality).not.toBe(b.responsibleMunicipality);
		expect(a.whoPays.municipality).not.toBe(b.whoPays.municipality);
		expect(a.reasons).not.toBe(b.reasons);
		expect(a.missing).not.toBe(b.missing);
	});
});

describe('request parser caches are per parser, and never keep an error', () => {
	const values = (o: Partial<Record<RequestField, unknown>>) => (f: RequestField) => o[f];

	it('an invalid value is refused every time, naming the field of that item', () => {
		const parse = requestParser(DEFAULT_FIELD_NAMES, registry);
		for (let i = 0; i < 2; i++) expect(() => parse(values({ oppPresent: 'misschien' }))).toThrow(/oppPresent/);
		expect(() => parse(values({ helpAtHome: 'misschien' }))).toThrow(/helpAtHome/);
		for (let i = 0; i < 2; i++) expect(() => parse(values({ residence: 'Atlantis' }))).toThrow(/residenceMunicipality/);
	});

	it('a value parses the same in every field and every parser; parsers with other names report their own field', () => {
		const a = requestParser(DEFAULT_FIELD_NAMES, registry);
		const b = requestParser({ ...DEFAULT_FIELD_NAMES, oppPresent: 'OPP' }, registry);
		expect(a(values({ oppPresent: 'ja', helpAtHome: 'nee' }))).toMatchObject({ oppPresent: true, helpAtHome: false });
		expect(() => b(values({ oppPresent: 'misschien' }))).toThrow(/"OPP"/);
		expect(() => a(values({ oppPresent: 'misschien' }))).toThrow(/"oppPresent"/);
	});

	it('the parsed needs are shared between requests but cannot be changed through one of them', () => {
		const parse = requestParser(DEFAULT_FIELD_NAMES, registry);
		const first = parse(values({ needs: 'gedrag, leren' }));
		expect(() => (first.needs as string[]).push('wlz')).toThrow();
		expect(parse(values({ needs: 'gedrag, leren' })).needs).toEqual(['behaviour', 'learning']);
	});

	const raw = fc.record({
		school: fc.constantFrom('12AB', '34cd', '12AB01', '', 'x'),
		residence: fc.constantFrom('0307', 'Amersfoort', 'Weesp', '0457', '', 'Atlantis', '0228'),
		needs: fc.constantFrom('gedrag', 'leren', 'leren, gedrag', 'zorg', '', 'onbekend'),
		riskLevel: fc.constantFrom('groen', 'geel', 'rood', '', 'paars'),
		zorgteamDecision: fc.constantFrom('ja', 'nee', '', 'misschien'),
		zorgteamDate: fc.constantFrom('2026-03-02', '02-03-2026', '', '31-02-2026', '2026-03-03'),
		oppPresent: fc.constantFrom('ja', 'nee', '', 'x'),
		helpAtHome: fc.constantFrom('ja', 'nee', ''),
		wlzIndication: fc.constantFrom('ja', 'nee', ''),
		groupOfferSuitable: fc.constantFrom('ja', 'nee', ''),
		parentalConsent: fc.constantFrom('ja', 'nee', ''),
	});
	const presets: PresetId[] = ['amersfoort_osj', 'enschede_oja', 'amsterdam_sjso', 'rotterdam_oza', 'holland_rijnland_s5'];
	const outcomeOrError = (f: () => TriageOutcome): unknown => {
		try {
			return f();
		} catch (error) {
			return { error: (error as Error).message };
		}
	};

	it('property: one parser, one configuration and one explainer for a whole run give exactly what fresh ones give per request', () => {
		fc.assert(
			fc.property(fc.array(raw, { minLength: 1, maxLength: 30 }), fc.constantFrom(...presets), fc.constantFrom<'nl' | 'en'>('nl', 'en'), (rows, preset, language) => {
				const parse = requestParser(DEFAULT_FIELD_NAMES, registry);
				const shared = config(preset);
				const explainRun = explainer(language);
				for (const row of rows) {
					const read = (f: RequestField) => (row as Record<string, unknown>)[f];
					const viaRun = outcomeOrError(() => {
						const o = triage(parse(read), shared);
						expect(explainRun(o)).toBe(explain(o, language));
						return o;
					});
					const fresh = outcomeOrError(() => triage(parseRequest(read, DEFAULT_FIELD_NAMES, registry), config(preset)));
					expect(JSON.stringify(viaRun)).toBe(JSON.stringify(fresh));
				}
			}),
			{ numRuns: 150 },
		);
	});
});
