/**
 * Triage mails written for their reader (issue 24 §1, domain/triage/recipients.ts): the access team contact is
 * never told to do what belongs to someone else (or to inform itself); the school is not told to request the
 * beschikking the access team requests. Expected sentences are written out here by hand.
 */
import { action, actionsFor, recipientTexts, triageTexts, TRIAGE_RECIPIENTS, type ActionId, ACTION_IDS } from '../../../domain/triage';

const ids = (...list: ActionId[]) => list.map((id) => ({ id }));

describe('triage actions per reader (domain/triage/recipients.ts)', () => {
	it('the access team gets the individual beschikking as its own task and never "informs the access team" or asks the access team', () => {
		const a = actionsFor(ids('request_beschikking', 'inform_access_contact', 'register_case'), 'accessTeam');
		expect(a).toEqual({
			todo: ['Vraag de individuele beschikking aan bij de verantwoordelijke gemeente en laat de school weten wanneer de hulp kan starten.'],
			info: ['De casus wordt geregistreerd in het casussysteem.'],
		});
		for (const s of [...a.todo, ...a.info]) {
			expect(s).not.toMatch(/via de gemeentelijke toegang|Informeer de contactpersoon/);
		}
	});

	it('the school learns that the access team requests the beschikking, as information', () => {
		expect(actionsFor(ids('request_beschikking', 'inform_access_contact'), 'school')).toEqual({
			todo: [],
			info: [
				'De gemeentelijke toegang van de verantwoordelijke gemeente vraagt de individuele beschikking aan; de school hoeft die niet zelf aan te vragen.',
				'De contactpersoon van de gemeentelijke toegang voor uw school krijgt bericht.',
			],
		});
	});

	it('what the school does (OPP, zorgteam, zorgonderwijsspecialist) is the school\u2019s task and information for the access team', () => {
		const list = ids('draw_up_opp', 'request_through_zorgonderwijsspecialist', 'ask_school_for_information');
		expect(actionsFor(list, 'school').todo).toEqual([
			'Stel eerst het ontwikkelingsperspectiefplan (OPP) op of werk het bij: het OPP is leidend voor collectieve jeugdhulp.',
			'Vraag het onderwijs-zorgarrangement aan via de zorgonderwijsspecialist, die onder mandaat besluit (geen beschikking).',
			'Vul de ontbrekende gegevens van de aanmelding aan.',
		]);
		expect(actionsFor(list, 'accessTeam')).toEqual({
			todo: [],
			info: [
				'De school stelt eerst het ontwikkelingsperspectiefplan (OPP) op of werkt het bij: het OPP is leidend voor collectieve jeugdhulp.',
				'De school vraagt het onderwijs-zorgarrangement aan via de zorgonderwijsspecialist, die onder mandaat besluit: een beschikking van de gemeente is niet nodig.',
				'De school is gevraagd de ontbrekende gegevens aan te vullen; daarna wordt de aanmelding opnieuw beoordeeld.',
			],
		});
	});

	it('every action has words for every reader in both languages, and no instruction to the access team mentions "via de gemeentelijke toegang"', () => {
		for (const language of ['nl', 'en'] as const) {
			for (const recipient of TRIAGE_RECIPIENTS) {
				const a = actionsFor(ids(...ACTION_IDS), recipient, language);
				for (const s of [...a.todo, ...a.info]) expect(s).toMatch(/^\S.*\.$/);
			}
		}
		const access = actionsFor(ids(...ACTION_IDS), 'accessTeam');
		// the access team's own tasks: requesting the beschikking, routing with the zorgteam, the family plan; nothing of the school's
		expect(access.todo).toHaveLength(3);
		for (const s of access.todo) expect(s).not.toMatch(/toegang|^Vul |^Stel |^Bespreek /);
		// information for the access team about others is stated as what they do (third person), never an instruction
		for (const s of access.info) expect(s).toMatch(/^(De |Het |Waar mogelijk)/);
	});

	it('frames the mail for its reader: greeting, who the reader is, whom a reply reaches, sign-off (Dutch; English when chosen)', () => {
		const t = recipientTexts(ids('request_beschikking', 'inform_access_contact'), 'accessTeam');
		expect(t).toMatchObject({
			recipient: 'accessTeam',
			greeting: 'Beste collega,',
			intro: 'U ontvangt dit bericht als contactpersoon van de gemeentelijke toegang voor deze school.',
			replyLine: 'Vragen over deze aanmelding? Beantwoord deze e-mail: uw antwoord gaat naar de school die de leerling heeft aangemeld.',
			signOff: 'Met vriendelijke groet,',
		});
		expect(t.actionsSection).toBe('Wat u doet:\n- Vraag de individuele beschikking aan bij de verantwoordelijke gemeente en laat de school weten wanneer de hulp kan starten.');
		expect(t.actionsHtml).toBe('<p><strong>Wat u doet</strong></p><ul><li>Vraag de individuele beschikking aan bij de verantwoordelijke gemeente en laat de school weten wanneer de hulp kan starten.</li></ul>');
		const school = recipientTexts(ids('request_beschikking', 'discuss_in_zorgteam'), 'school');
		expect(school.actionsSection).toBe(
			'Wat u doet:\n- Bespreek de leerling in het zorgteam van uw school; de contactpersoon van de gemeentelijke toegang leidt daarna toe, in afstemming met het zorgteam.' +
				'\n\nTer informatie:\n- De gemeentelijke toegang van de verantwoordelijke gemeente vraagt de individuele beschikking aan; de school hoeft die niet zelf aan te vragen.',
		);
		const en = recipientTexts(ids('request_beschikking'), 'accessTeam', 'en');
		expect(en).toMatchObject({ greeting: 'Dear colleague,', signOff: 'Kind regards,', todo: ['Request the individual beschikking from the responsible municipality and let the school know when the help can start.'] });
		expect(recipientTexts([], 'school')).toMatchObject({ actionsSection: '', actionsHtml: '' });
	});

	it('triageTexts carries both readers\u2019 texts and the deadline in words ("27 april 2026")', () => {
		const t = triageTexts({ route: 'collective', actions: [], deadline: '2026-04-27' }, []);
		expect(t.deadlineText).toBe('27 april 2026');
		expect(t.school.recipient).toBe('school');
		expect(t.accessTeam.recipient).toBe('accessTeam');
		expect(triageTexts({ route: 'collective', actions: [], deadline: '2026-03-02' }, [], 'en').deadlineText).toBe('2 March 2026');
		expect(triageTexts({ route: 'basic_support', actions: [] }, []).deadlineText).toBe('');
	});

	it('gives the reasons without the action sentences, which each reader gets in its own words (reasonsText)', () => {
		const inform = action('inform_access_contact');
		const reasons = [
			{ ruleId: 'T-RED', seed: 'S0', text: 'The risk is very high (red).', textNl: 'Het risico is zeer hoog (rood).' },
			{ ruleId: 'A-ACCESS-CONTACT', seed: 'S1', text: inform.text, textNl: inform.textNl },
		];
		const t = triageTexts({ route: 'collective', actions: [inform], reasons }, []);
		expect(t.reasonsText).toBe('Het risico is zeer hoog (rood).');
		expect(triageTexts({ route: 'collective', actions: [inform], reasons }, [], 'en').reasonsText).toBe('The risk is very high (red).');
	});
});
