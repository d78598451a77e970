/**
 * The texts a triage workflow mails to people (domain/triage/text.ts) and domain errors in words
 * (domain/primitives/errorText.ts): Dutch by default, English when chosen, never an input value.
 */
import fc from 'fast-check';

import { ERROR_TEXT_CODES, errorText, ROW_CODES } from '../../../domain/primitives/errorText';
import { InvalidBsnError } from '../../../domain/primitives/bsn';
import { InvalidDateError } from '../../../domain/primitives/dates';
import { describeValue, MissingFieldError } from '../../../domain/primitives/errors';
import { getDefaultRegistry } from '../../../domain/municipalities';
import { buildPolicy } from '../../../domain/policies';
import { action, DEFAULT_FIELD_NAMES, parseRequest, ROUTE_TEXT, ROUTES, triage, triageTexts, type ActionId, type Route, type TriageConfig } from '../../../domain/triage';
import { assertNoPersonalData } from '../../helpers/privacy';

const registry = getDefaultRegistry();
const config: TriageConfig = { policy: buildPolicy('amersfoort_osj', { designatedSchools: ['12AB'] }, registry), contacts: [], registry };

/** The node's English route labels (n8n-facing output names) and English error words: never in a Dutch mail text. */
const ENGLISH_LABELS: Partial<Record<Route, string>> = {
	needs_information: 'Needs Information',
	collective: 'Collective Youth Care at School',
	combined: 'Combined (Grijs Gebied)',
	basic_support: 'Basic Support by School',
	zorgteam_weighing: 'Zorgteam Weighing',
	anonymous_advice: 'Anonymous Advice Only',
	mandated_route: 'Mandated Route (Zorgonderwijsspecialist)',
};
const ENGLISH = [...Object.values(ENGLISH_LABELS), 'Field "', ' is not ', ' the ', 'Fill in'];
const ACTION_IDS: ActionId[] = ['ask_school_for_information', 'discuss_in_zorgteam', 'draw_up_opp', 'align_opp_with_family_plan', 'same_care_worker_at_home', 'home_help_by_residence_municipality', 'request_beschikking', 'register_for_settlement', 'inform_access_contact', 'register_case', 'request_through_zorgonderwijsspecialist'];

function assertDutch(text: string): void {
	for (const word of ENGLISH) expect(text).not.toContain(word);
}

describe('triage texts (domain/triage/text.ts)', () => {
	it('has a Dutch and an English label for every route, and the Dutch ones are not the English n8n labels', () => {
		for (const route of ROUTES) {
			expect(ROUTE_TEXT.nl[route]).toMatch(/\S/);
			expect(ROUTE_TEXT.en[route]).toMatch(/\S/);
			expect(ROUTE_TEXT.nl[route]).not.toBe(ROUTE_TEXT.en[route]);
			expect(ROUTE_TEXT.nl[route]).not.toBe(ENGLISH_LABELS[route]);
			assertDutch(ROUTE_TEXT.nl[route]);
		}
		expect(ROUTE_TEXT.nl.basic_support).toBe('Basisondersteuning door de school');
		expect(ROUTE_TEXT.nl.combined).toBe('Onderwijs en jeugdhulp samen (grijs gebied)');
	});

	it('gives Dutch texts by default and English when chosen', () => {
		const req = parseRequest((f) => ({ needs: 'leren', riskLevel: 'groen', school: '12AB', residence: '0307', parentalConsent: 'ja' } as Record<string, unknown>)[f], DEFAULT_FIELD_NAMES, registry);
		const outcome = triage(req, config);
		expect(outcome.route).toBe('basic_support');
		const nl = triageTexts(outcome, []);
		expect(nl).toMatchObject({ language: 'nl', routeLabel: 'Basisondersteuning door de school', actions: [], actionsSection: '', missingSection: '', deadlineText: '' });
		expect(nl.school.actionsSection).toBe('');
		expect(nl.accessTeam.actionsSection).toBe('');
		const en = triageTexts(outcome, [], 'en');
		expect(en.routeLabel).toBe('Basic support by the school');
		expect(en.language).toBe('en');
	});

	it('writes the actions as a mail section in the chosen language, and nothing at all when there are none (no lone "-")', () => {
		const [opp, register] = [action('draw_up_opp'), action('register_case')];
		const actions = [opp, register];
		const nl = triageTexts({ route: 'collective', actions }, []);
		expect(nl.actionsSection).toBe(`Vervolgacties:\n- ${opp.textNl}\n- ${register.textNl}`);
		expect(nl.actions).toEqual([opp.textNl, register.textNl]);
		expect(triageTexts({ route: 'collective', actions }, [], 'en').actionsSection).toBe(`Follow-up actions:\n- ${opp.text}\n- ${register.text}`);
		expect(triageTexts({ route: 'wlz', actions: [] }, []).actionsSection).toBe('');
		fc.assert(
			fc.property(fc.constantFrom(...ROUTES), fc.subarray(ACTION_IDS), fc.constantFrom('nl' as const, 'en' as const), (route: Route, ids, lang) => {
				const t = triageTexts({ route, actions: ids.map(action) }, [], lang);
				expect(t.actionsSection === '').toBe(ids.length === 0);
				for (const line of t.actionsSection.split('\n').slice(1)) expect(line).toMatch(/^- \S/);
			}),
		);
	});

	it('lists what is missing with the user\u2019s column names', () => {
		expect(triageTexts({ route: 'needs_information', actions: [] }, ['Hulpvraag', 'Risico']).missingSection).toBe('Vul deze gegevens aan: Hulpvraag, Risico.');
		expect(triageTexts({ route: 'needs_information', actions: [] }, ['needs'], 'en').missingSection).toBe('Please add: needs.');
	});
});

describe('domain errors in words (domain/primitives/errorText.ts)', () => {
	it('says in Dutch which field is wrong and what to do, without the value', () => {
		const bsn = errorText(new InvalidBsnError('BSN', 'it fails the elfproef (check digit)'));
		expect(bsn.text).toBe('Het veld "BSN" bevat geen geldig BSN (9 cijfers die aan de elfproef voldoen).');
		expect(bsn.fix).toMatch(/^Controleer het BSN/);
		assertDutch(`${bsn.text} ${bsn.fix}`);
		const date = errorText(new InvalidDateError('Datum zorgteam', `${describeValue('31-02-2026')} does not exist`));
		expect(date.text).toBe('Het veld "Datum zorgteam" bevat geen geldige datum.');
		expect(date.text + date.fix).not.toContain('31-02-2026');
		expect(errorText(new MissingFieldError('Risico'))).toEqual({ text: 'Het veld "Risico" is leeg.', fix: 'Vul "Risico" in.' });
	});

	it('gives English when chosen', () => {
		expect(errorText({ code: 'invalid_bsn', field: 'BSN' }, 'en').text).toBe('The field "BSN" does not hold a valid BSN (9 digits that pass the elfproef).');
	});

	it('has a Dutch text for every code it knows, a general one for others, and one for errors without a field', () => {
		for (const code of ERROR_TEXT_CODES) {
			const t = errorText({ code, field: 'Kolom' });
			// a code about one field names it; a code about the whole row names none, with or without a field
			if (ROW_CODES.has(code)) {
				expect(t).toEqual(errorText({ code, field: null }));
				expect(t.text).not.toContain('Kolom');
			} else expect(t.text).toContain('"Kolom"');
			expect(t.text).not.toBe(errorText({ code: 'something_new', field: 'Kolom' }).text);
			assertDutch(`${t.text} ${t.fix}`);
			expect(errorText({ code, field: 'Kolom' }, 'en').text).not.toBe(t.text);
		}
		expect(errorText({ code: 'something_new', field: 'Kolom' }).text).toBe('Het veld "Kolom" bevat een waarde die niet gebruikt kan worden.');
		expect(errorText({ code: 'error', field: null }).text).toBe('Deze rij bevat een waarde die niet gebruikt kan worden.');
	});

	it('never carries personal data, whatever the field and code (property)', () => {
		fc.assert(
			fc.property(fc.constantFrom(...ERROR_TEXT_CODES, 'unknown'), fc.constantFrom('BSN', 'Datum zorgteam', 'woonplaats', ''), fc.constantFrom('nl' as const, 'en' as const), (code, field, lang) => {
				const t = errorText({ code, field }, lang);
				assertNoPersonalData([t.text, t.fix], 'error text');
			}),
		);
	});
});
