/**
 * The decision cache's key is derived from the request field list (REQUEST_FIELD_ROLES, which the compiler
 * makes list every TriageRequest field): a request that differs from another in any one field the decision
 * reads gets its own outcome; one that differs only in its own fields (request id, pupil reference, BSN)
 * shares it. Each field's other value is written by hand below; a field missing here fails the first test.
 */
import { getDefaultRegistry } from '../../../domain/municipalities';
import { buildPolicy } from '../../../domain/policies';
import { decisionCache, REQUEST_FIELD_ROLES, type TriageConfig, type TriageRequest } from '../../../domain/triage';
import { fromYmd } from '../../../domain/primitives/dates';

const registry = getDefaultRegistry();
const config: TriageConfig = {
	policy: buildPolicy('amersfoort_osj', { designatedSchools: ['12AB'], mergedMembers: 'successor' }),
	contacts: [{ school: '12AB', name: 'Toegang', email: 'toegang@example.org' }],
	registry,
};

const base: TriageRequest = {
	school: '12AB',
	residence: '0307',
	needs: ['behaviour'],
	riskLevel: 'red',
	zorgteamDecision: 'help',
	zorgteamDate: fromYmd(2026, 3, 2),
	oppPresent: true,
	parentalConsent: true,
};


/** Per field: another value than `base` has (or one where base has none). */
const OTHER: { [F in keyof Required<TriageRequest>]: TriageRequest[F] } = {
	requestId: 'R-2',
	pupilReference: 'LL-2',
	bsn: '111222333',
	parentalConsent: false,
	riskLevel: 'yellow',
	zorgteamDecision: 'no_help',
	wlzIndication: true,
	groupOfferSuitable: true,
	oppPresent: false,
	helpAtHome: true,
	inResidentialCare: true,
	accessContactEmail: 'a@example.org',
	school: '34CD',
	residence: '0363',
	residenceFormerly: { code: '0457', name: 'Weesp', ended: '2022-03-24', fate: 'merged', via: [] } as unknown as TriageRequest['residenceFormerly'],
	residenceBeforeStay: '0228',
	residenceBeforeStayFormerly: { code: '0457', name: 'Weesp', ended: '2022-03-24', fate: 'merged', via: [] } as unknown as TriageRequest['residenceBeforeStayFormerly'],
	needs: ['behaviour', 'learning'],
	zorgteamDate: fromYmd(2026, 3, 3),
};

const OWN_FIELDS = ['requestId', 'pupilReference', 'bsn'];

describe('decision cache key', () => {
	it('lists every request field with a role, and only the request’s own fields stay out of the key', () => {
		expect(Object.keys(REQUEST_FIELD_ROLES).sort()).toEqual(Object.keys(OTHER).sort());
		expect(Object.entries(REQUEST_FIELD_ROLES).filter(([, r]) => r === 'own').map(([f]) => f).sort()).toEqual([...OWN_FIELDS].sort());
	});

	it.each(Object.keys(OTHER).filter((f) => !OWN_FIELDS.includes(f)))('a request differing only in %s gets its own outcome', (field) => {
		const decide = decisionCache(config);
		const a = decide(base);
		const b = decide({ ...base, [field]: OTHER[field as keyof TriageRequest] });
		expect(b).not.toBe(a);
		// and each is found again
		expect(decide({ ...base })).toBe(a);
	});

	it.each(OWN_FIELDS)('a request differing only in %s shares the outcome, which holds none of it', (field) => {
		const decide = decisionCache(config);
		const a = decide(base);
		const b = decide({ ...base, [field]: OTHER[field as keyof TriageRequest] });
		expect(b).toBe(a);
		expect(JSON.stringify(b)).not.toContain(String(OTHER[field as keyof TriageRequest]));
	});

	it('the needs list is keyed by content: no list, an empty list and a longer list differ', () => {
		const decide = decisionCache(config);
		const outcomes = [undefined, [], ['behaviour'], ['behaviour', 'learning']].map((needs) => decide({ ...base, needs: needs as TriageRequest['needs'] }));
		expect(new Set(outcomes).size).toBe(4);
		expect(decide({ ...base, needs: ['behaviour', 'learning'] })).toBe(outcomes[3]);
	});
});
