/**
 * The per-run caches of the triage (issue 14 §2) must never return a value that belongs to another
 * configuration, another run or another value: the decision caches live on the TriageConfig object, the
 * request parser's caches on the parser, the explanations on the explainer. Each test below fails when a
 * cache is keyed too coarsely (e.g. module-wide instead of per configuration) or keeps an error as a value.
 */
import fc from 'fast-check';

import { getDefaultRegistry } from '../../../domain/municipalities';
import { buildPolicy, type PresetId } from '../../../domain/policies';
import { decisionCache, DEFAULT_FIELD_NAMES, explain, explainer, parseRequest, pupilReferenceOf, readOrder, REQUEST_FIELDS, requestParser, requestTriage, triage, UNREAD, type RequestField, type TriageConfig, type TriageOutcome } from '../../../domain/triage';
import { fromYmd } from '../../../domain/primitives/dates';
import { makePseudonymiser } from '../../../domain/primitives/pseudonym';

const registry = getDefaultRegistry();
const contacts = [{ school: '12AB', name: 'Toegang', email: 'toegang@example.org' }];

function config(preset: PresetId, designatedSchools: string[] = ['12AB'], extra: Partial<TriageConfig> = {}): TriageConfig {
	return { policy: buildPolicy(preset, { designatedSchools, mergedMembers: 'successor' }), contacts, registry, ...extra };
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
		expect(explain(triage({ ...request, zorgteamDate: fromYmd(2026, 3, 3) }, c), 'nl')).toContain('uiterlijk 28 april 2026');
		expect(explain(triage(request, c), 'nl')).toContain('uiterlijk 27 april 2026');
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

	// decisionCache: one outcome per distinct decision input, shared and frozen (the node's path per item).
	// Rows are walks: each row changes one field of the row before, so requests that differ in a single
	// field meet in the cache (a key that left a field out would hand back the wrong outcome).
	const domains: Record<string, unknown[]> = {
		school: ['12AB', '34cd', '12AB01', '', 'x'],
		residence: ['0307', 'Amersfoort', 'Weesp', '0457', '', 'Atlantis', '0228', '0363'],
		needs: ['gedrag', 'leren', 'leren, gedrag', 'zorg', 'zorg, gedrag', '', 'onbekend'],
		riskLevel: ['groen', 'geel', 'rood', '', 'paars'],
		zorgteamDecision: ['ja', 'nee', '', 'misschien'],
		zorgteamDate: ['2026-03-02', '02-03-2026', '', '31-02-2026', '2026-03-03'],
		oppPresent: ['ja', 'nee', '', 'x'],
		helpAtHome: ['ja', 'nee', ''],
		wlzIndication: ['ja', 'nee', ''],
		groupOfferSuitable: ['ja', 'nee', ''],
		parentalConsent: ['ja', 'nee', ''],
		requestId: ['R-1', 'R-2', ''],
		pupilReference: ['LL-1', 'LL-2', ''],
		bsn: ['111222333', '123456782', ''],
		inResidentialCare: ['ja', 'nee', ''],
		residenceBeforeStay: ['0307', 'Weesp', '', '0363'],
		accessContactEmail: ['', 'toegang@example.org', 'a@example.org; b@example.org'],
	};
	const fields = Object.keys(domains);
	// walks start from a complete request with consent (most routes are decided there), then go anywhere
	const complete: Record<string, unknown[]> = {
		...domains,
		school: ['12AB', '34cd', '12AB01'],
		residence: ['0307', '0228', '0363', 'Weesp'],
		needs: ['gedrag', 'zorg, gedrag', 'leren, gedrag', 'zorg'],
		riskLevel: ['rood', 'geel', 'rood'],
		zorgteamDecision: ['ja', 'nee'],
		zorgteamDate: ['2026-03-02', '2026-03-03'],
		parentalConsent: ['ja'],
	};
	const start = fc.record(Object.fromEntries(fields.map((f) => [f, fc.constantFrom(...complete[f])])));
	/** The rows of a walk: `first`, then each step sets one field to one of its `values`. */
	function* walkRows(first: Record<string, unknown>, walk: Array<[string, number]>, values: Record<string, unknown[]>): Generator<Record<string, unknown>> {
		let row = first;
		yield row;
		for (const [field, pick] of walk) {
			row = { ...row, [field]: values[field][pick % values[field].length] };
			yield row;
		}
	}
	/** A configuration's pseudonymiser, or none. */
	const withKey = (on: boolean) => (on ? { pseudonymise: makePseudonymiser('a-long-enough-test-key-0123') } : {});
	const steps = fc.array(fc.tuple(fc.constantFrom(...fields), fc.nat()), { minLength: 1, maxLength: 30 });

	it('property: decisionCache gives what triage gives per request, with the request\u2019s own pupil reference', () => {
		fc.assert(
			fc.property(start, steps, fc.constantFrom(...presets), fc.boolean(), (first, walk, preset, pseudonymise) => {
				const extra = withKey(pseudonymise);
				const parse = requestParser(DEFAULT_FIELD_NAMES, registry);
				const shared = config(preset, ['12AB'], extra);
				const decide = decisionCache(shared);
				for (const row of walkRows(first, walk, domains)) {
					const read = (f: RequestField) => row[f];
					const viaCache = outcomeOrError(() => {
						const req = parse(read);
						const o = decide(req);
						expect(o.pupilReference).toBeNull();
						expect(Object.isFrozen(o) && Object.isFrozen(o.reasons) && Object.isFrozen(o.actions) && Object.isFrozen(o.whoPays)).toBe(true);
						return { ...o, pupilReference: pupilReferenceOf(req, shared) };
					});
					const fresh = outcomeOrError(() => triage(parseRequest(read, DEFAULT_FIELD_NAMES, registry), config(preset, ['12AB'], extra)));
					expect(JSON.stringify(viaCache)).toBe(JSON.stringify(fresh));
				}
			}),
			{ numRuns: 300 },
		);
	});

	// requestTriage: parsed and decided once per combination of the values as they arrive (the node's path per
	// item since issue 27). Walks as above, plus values a Map cannot key by content (lists, -0) and the same
	// walk twice, so cached combinations meet requests that differ in one field, own fields included.
	const arriving: Record<string, unknown[]> = { ...domains, needs: [...domains.needs, ['gedrag'], ['leren', 'gedrag']], oppPresent: [...domains.oppPresent, 0, -0, 1, true], bsn: [...domains.bsn, '111222334', 111222333] };
	const arrivingSteps = fc.array(fc.tuple(fc.constantFrom(...fields), fc.nat()), { minLength: 1, maxLength: 30 });

	it('property: requestTriage gives what parsing and triage give per request (own fields, school, outcome, or the same error)', () => {
		fc.assert(
			fc.property(start, arrivingSteps, fc.constantFrom(...presets), fc.boolean(), (first, walk, preset, pseudonymise) => {
				const extra = withKey(pseudonymise);
				const shared = config(preset, ['12AB'], extra);
				const triageOne = requestTriage(DEFAULT_FIELD_NAMES, shared);
				for (let round = 0; round < 2; round++) {
					for (const row of walkRows(first, walk, arriving)) {
						const read = (f: RequestField) => row[f];
						const viaCache = outcomeOrError(() => {
							const r = triageOne(read);
							return { own: [r.requestId, r.pupilReference, r.bsn, r.school, pupilReferenceOf(r, shared)], ...r.outcome } as unknown as TriageOutcome;
						});
						const fresh = outcomeOrError(() => {
							const req = parseRequest(read, DEFAULT_FIELD_NAMES, registry);
							const o = triage(req, config(preset, ['12AB'], extra));
							return { own: [req.requestId, req.pupilReference, req.bsn, req.school, pupilReferenceOf(req, shared)], ...o, pupilReference: null } as unknown as TriageOutcome;
						});
						expect(JSON.stringify(viaCache)).toBe(JSON.stringify(fresh));
					}
				}
			}),
			{ numRuns: 300 },
		);
	});

	it('property: requestTriage.values (values read ahead, some left UNREAD) gives what requestTriage gives with a reader; `derived` is made once per combination from its outcome', () => {
		fc.assert(
			fc.property(start, arrivingSteps, fc.constantFrom(...presets), fc.array(fc.boolean(), { minLength: 17, maxLength: 17 }), (first, walk, preset, ahead) => {
				const shared = config(preset);
				const plain = requestTriage(DEFAULT_FIELD_NAMES, shared);
				const made: TriageOutcome[] = [];
				const derive = (o: TriageOutcome) => {
					made.push(o);
					return { route: o.route, outcome: o };
				};
				const triageOne = requestTriage(DEFAULT_FIELD_NAMES, shared, undefined, undefined, derive);
				const given: unknown[] = new Array(triageOne.fields.length);
				for (let round = 0; round < 2; round++) {
					for (const row of walkRows(first, walk, arriving)) {
						const read = (f: RequestField) => row[f];
						triageOne.fields.forEach((f, i) => (given[i] = ahead[i] ? row[f] : UNREAD));
						const viaValues = outcomeOrError(() => {
							const r = triageOne.values(given, read);
							expect(r.derived.outcome).toBe(r.outcome);
							return { own: [r.requestId, r.pupilReference, r.bsn, r.school, r.derived.route], ...r.outcome } as unknown as TriageOutcome;
						});
						const viaRead = outcomeOrError(() => {
							const r = plain(read);
							return { own: [r.requestId, r.pupilReference, r.bsn, r.school, r.outcome.route], ...r.outcome } as unknown as TriageOutcome;
						});
						expect(JSON.stringify(viaValues)).toBe(JSON.stringify(viaRead));
					}
				}
				// made once per combination (and again only for requests on the plain path: values a Map cannot key)
				expect(made.length).toBeLessThanOrEqual(2 * (walk.length + 1));
			}),
			{ numRuns: 300 },
		);
	});

	it('the parser reads every field once, in the same order for a blank and a complete request (requestTriage reads ahead in that order)', () => {
		const parse = requestParser(DEFAULT_FIELD_NAMES, registry);
		const blankOrder = readOrder(parse);
		const completeOrder: RequestField[] = [];
		const row: Record<string, unknown> = { requestId: 'R-1', pupilReference: 'LL-1', bsn: '111222333', school: '12AB', residence: '0307', inResidentialCare: 'ja', residenceBeforeStay: '0363', needs: 'gedrag', riskLevel: 'rood', zorgteamDecision: 'ja', zorgteamDate: '2026-03-02', oppPresent: 'ja', helpAtHome: 'nee', wlzIndication: 'nee', groupOfferSuitable: 'ja', parentalConsent: 'ja', accessContactEmail: 'toegang@example.org' };
		parse((f) => {
			completeOrder.push(f);
			return row[f];
		});
		expect(completeOrder).toEqual(blankOrder);
		expect([...blankOrder].sort()).toEqual([...REQUEST_FIELDS].sort());
	});

	it('requestTriage keeps no error: a wrong own field is reported for each request, with the shared outcome for the next', () => {
		const triageOne = requestTriage(DEFAULT_FIELD_NAMES, config('amersfoort_osj'));
		const base = { school: '12AB', residence: '0307', needs: 'gedrag', riskLevel: 'rood', zorgteamDecision: 'ja', zorgteamDate: '2026-03-02', parentalConsent: 'ja' };
		const a = triageOne(values({ ...base, requestId: 'R-1', bsn: '111222333' }));
		expect(() => triageOne(values({ ...base, requestId: 'R-2', bsn: '111222334' }))).toThrow(/BSN|elfproef/i);
		expect(() => triageOne(values({ ...base, requestId: 'R-2', bsn: '111222334' }))).toThrow(/BSN|elfproef/i);
		const b = triageOne(values({ ...base, requestId: 'R-3' }));
		expect(b.outcome).toBe(a.outcome);
		expect([b.requestId, b.bsn]).toEqual(['R-3', undefined]);
	});

	it('decisionCache shares one outcome between requests that differ only in request id, pupil reference and BSN', () => {
		const parse = requestParser(DEFAULT_FIELD_NAMES, registry);
		const decide = decisionCache(config('amersfoort_osj'));
		const base = { school: '12AB', residence: '0307', needs: 'gedrag', riskLevel: 'rood', zorgteamDecision: 'ja', zorgteamDate: '2026-03-02', parentalConsent: 'ja' };
		const a = decide(parse(values({ ...base, requestId: 'R-1', pupilReference: 'LL-1' })));
		const b = decide(parse(values({ ...base, requestId: 'R-2', bsn: '111222333' })));
		const c = decide(parse(values({ ...base, zorgteamDate: '2026-03-03' })));
		expect(b).toBe(a);
		expect(c).not.toBe(a);
		expect(c.deadline).toBe('2026-04-28');
		expect(() => (a.reasons as unknown[]).push({})).toThrow(TypeError);
	});
});

