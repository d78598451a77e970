/**
 * The follow-up actions of a triage outcome worded for the person who reads them (issue 24 §1): the school that
 * registered the pupil, or the contact person of the municipal access team (gemeentelijke toegang). An action
 * the reader carries out is an instruction ("Vraag de individuele beschikking aan …"); an action that belongs
 * to someone else is information ("De school stelt eerst het OPP op …"); an action that is this very message
 * (informing the access team, in the mail to the access team) is left out. Dutch by default, English available
 * (DOMAIN.md "Language"). Who does what: S1 kernbepaling 2 (toeleiding by the access team contact in
 * consultation with the zorgteam), kernbepaling 3 (1G1P1R), "OPP is leidend" (the school's plan), S0 (the
 * access team of the residence municipality handles an individual beschikking), S4 §4.3.3 (Rotterdam: the
 * school asks the zorgonderwijsspecialist).
 *
 * Pure and per outcome (no per-item values): the node shares the result between items (triage.texts).
 */
import { escapeHtml } from '../primitives/html';
import type { MessageLanguage } from '../primitives/errorText';
import type { Action, ActionId } from './types';

/** Who a triage mail goes to. */
export type TriageRecipient = 'school' | 'accessTeam';

export const TRIAGE_RECIPIENTS: readonly TriageRecipient[] = ['school', 'accessTeam'];

/** One action in the words of one reader: something to do, or information about what someone else does. */
interface Worded {
	kind: 'todo' | 'info';
	text: string;
}

const todo = (text: string): Worded => ({ kind: 'todo', text });
const info = (text: string): Worded => ({ kind: 'info', text });

/**
 * Per action and reader: the sentence, and whether it is the reader's own task. `null`: not mentioned to that
 * reader (the mail itself is the action). Who carries each action out:
 * - the school: completing the request, the zorgteam discussion, the OPP, asking the zorgonderwijsspecialist;
 * - the access team: requesting the individual beschikking, aligning the family plan with the OPP;
 * - nobody in particular (information for both): settlement registration, the case registration, how help at
 *   home is arranged.
 */
const WORDS: Record<MessageLanguage, Record<ActionId, Record<TriageRecipient, Worded | null>>> = {
	nl: {
		ask_school_for_information: {
			school: todo('Vul de ontbrekende gegevens van de aanmelding aan.'),
			accessTeam: info('De school is gevraagd de ontbrekende gegevens aan te vullen; daarna wordt de aanmelding opnieuw beoordeeld.'),
		},
		discuss_in_zorgteam: {
			school: todo('Bespreek de leerling in het zorgteam van uw school; de contactpersoon van de gemeentelijke toegang leidt daarna toe, in afstemming met het zorgteam.'),
			accessTeam: todo('Leid toe in afstemming met het zorgteam van de school; de school bespreekt de leerling eerst in haar zorgteam.'),
		},
		draw_up_opp: {
			school: todo('Stel eerst het ontwikkelingsperspectiefplan (OPP) op of werk het bij: het OPP is leidend voor collectieve jeugdhulp.'),
			accessTeam: info('De school stelt eerst het ontwikkelingsperspectiefplan (OPP) op of werkt het bij: het OPP is leidend voor collectieve jeugdhulp.'),
		},
		align_opp_with_family_plan: {
			school: todo('Er is ook hulp thuis nodig: stem de doelen van het OPP af met het gezinsplan (1 Gezin 1 Plan 1 Regisseur).'),
			accessTeam: todo('Er is ook hulp thuis nodig: stem het gezinsplan af met de doelen van het OPP van de school (1 Gezin 1 Plan 1 Regisseur).'),
		},
		same_care_worker_at_home: {
			school: info('Waar mogelijk biedt dezelfde jeugdhulpverlener die op school helpt ook de hulp thuis.'),
			accessTeam: info('Waar mogelijk biedt dezelfde jeugdhulpverlener die op school helpt ook de hulp thuis.'),
		},
		home_help_by_residence_municipality: {
			school: info('Het arrangement op school geldt alleen voor hulp op school: hulp thuis loopt via de reguliere toegang van de gemeente waar de leerling woont.'),
			accessTeam: info('Het arrangement op school geldt alleen voor hulp op school: hulp thuis loopt via de reguliere toegang van de gemeente waar de leerling woont.'),
		},
		request_beschikking: {
			school: info('De gemeentelijke toegang van de verantwoordelijke gemeente vraagt de individuele beschikking aan; de school hoeft die niet zelf aan te vragen.'),
			accessTeam: todo('Vraag de individuele beschikking aan bij de verantwoordelijke gemeente en laat de school weten wanneer de hulp kan starten.'),
		},
		register_for_settlement: {
			school: info('De leerling wordt geregistreerd voor verrekening: de zorg wordt voorgefinancierd en achteraf verrekend met de woongemeente.'),
			accessTeam: info('De leerling wordt geregistreerd voor verrekening: de zorg wordt voorgefinancierd en achteraf verrekend met de woongemeente.'),
		},
		inform_access_contact: {
			school: info('De contactpersoon van de gemeentelijke toegang voor uw school krijgt bericht.'),
			accessTeam: null,
		},
		register_case: {
			school: info('De casus wordt geregistreerd in het casussysteem.'),
			accessTeam: info('De casus wordt geregistreerd in het casussysteem.'),
		},
		request_through_zorgonderwijsspecialist: {
			school: todo('Vraag het onderwijs-zorgarrangement aan via de zorgonderwijsspecialist, die onder mandaat besluit (geen beschikking).'),
			accessTeam: info('De school vraagt het onderwijs-zorgarrangement aan via de zorgonderwijsspecialist, die onder mandaat besluit: een beschikking van de gemeente is niet nodig.'),
		},
	},
	en: {
		ask_school_for_information: {
			school: todo('Add the missing information to the request.'),
			accessTeam: info('The school has been asked for the missing information; the request is assessed again afterwards.'),
		},
		discuss_in_zorgteam: {
			school: todo('Discuss the pupil in your school\u2019s zorgteam; the municipal access team contact then routes the help, in consultation with the zorgteam.'),
			accessTeam: todo('Route the help in consultation with the school\u2019s zorgteam; the school first discusses the pupil in its zorgteam.'),
		},
		draw_up_opp: {
			school: todo('Draw up or update the development plan (OPP) first: the OPP is leading for collective youth care.'),
			accessTeam: info('The school first draws up or updates the development plan (OPP): the OPP is leading for collective youth care.'),
		},
		align_opp_with_family_plan: {
			school: todo('Help at home is also needed: align the OPP goals with the family plan (1 Gezin 1 Plan 1 Regisseur).'),
			accessTeam: todo('Help at home is also needed: align the family plan with the goals of the school\u2019s OPP (1 Gezin 1 Plan 1 Regisseur).'),
		},
		same_care_worker_at_home: {
			school: info('Where possible the same care worker who helps at school also helps at home.'),
			accessTeam: info('Where possible the same care worker who helps at school also helps at home.'),
		},
		home_help_by_residence_municipality: {
			school: info('The arrangement at school covers help in school only: help at home goes through the regular access of the municipality where the pupil lives.'),
			accessTeam: info('The arrangement at school covers help in school only: help at home goes through the regular access of the municipality where the pupil lives.'),
		},
		request_beschikking: {
			school: info('The access team of the responsible municipality requests the individual beschikking; the school does not need to request it.'),
			accessTeam: todo('Request the individual beschikking from the responsible municipality and let the school know when the help can start.'),
		},
		register_for_settlement: {
			school: info('The pupil is registered for cross-region settlement: the care is pre-financed and settled afterwards with the municipality where the pupil lives.'),
			accessTeam: info('The pupil is registered for cross-region settlement: the care is pre-financed and settled afterwards with the municipality where the pupil lives.'),
		},
		inform_access_contact: {
			school: info('The municipal access team contact for your school is informed.'),
			accessTeam: null,
		},
		register_case: {
			school: info('The case is registered in the case system.'),
			accessTeam: info('The case is registered in the case system.'),
		},
		request_through_zorgonderwijsspecialist: {
			school: todo('Request the onderwijs-zorgarrangement through the zorgonderwijsspecialist, who decides under mandate (no beschikking).'),
			accessTeam: info('The school requests the onderwijs-zorgarrangement through the zorgonderwijsspecialist, who decides under mandate: no beschikking of the municipality is needed.'),
		},
	},
};

/** The frame of a mail to each reader: greeting, who the reader is, whom to reply to, sign-off. */
const FRAME: Record<MessageLanguage, Record<TriageRecipient, { intro: string; replyLine: string }> & { greeting: string; signOff: string; todoHeading: string; infoHeading: string; footer: string }> = {
	nl: {
		greeting: 'Beste collega,',
		signOff: 'Met vriendelijke groet,',
		todoHeading: 'Wat u doet',
		infoHeading: 'Ter informatie',
		footer: 'Dit bericht is automatisch verstuurd. De leerling staat erin onder de leerlingcode, zonder naam of BSN.',
		accessTeam: {
			intro: 'U ontvangt dit bericht als contactpersoon van de gemeentelijke toegang voor deze school.',
			replyLine: 'Vragen over deze aanmelding? Beantwoord deze e-mail: uw antwoord gaat naar de school die de leerling heeft aangemeld.',
		},
		school: {
			intro: 'U ontvangt dit bericht omdat uw school deze leerling heeft aangemeld.',
			replyLine: 'Vragen over deze uitkomst? Beantwoord deze e-mail.',
		},
	},
	en: {
		greeting: 'Dear colleague,',
		signOff: 'Kind regards,',
		todoHeading: 'What you do',
		infoHeading: 'For your information',
		footer: 'This message was sent automatically. It names the pupil by pupil reference, without name or BSN.',
		accessTeam: {
			intro: 'You receive this message as the municipal access team contact for this school.',
			replyLine: 'Questions about this request? Reply to this e-mail: your reply goes to the school that registered the pupil.',
		},
		school: {
			intro: 'You receive this message because your school registered this pupil.',
			replyLine: 'Questions about this outcome? Reply to this e-mail.',
		},
	},
};

/** The texts of one outcome for one reader. */
export interface RecipientTexts {
	recipient: TriageRecipient;
	greeting: string;
	/** Who the reader is (why this mail reaches them). */
	intro: string;
	/** The reader's own tasks, one instruction each. */
	todo: string[];
	/** What others do, as information. */
	info: string[];
	/** Both lists as a plain-text mail section ("Wat u doet:\n- …\n\nTer informatie:\n- …"); '' when both are empty. */
	actionsSection: string;
	/** The same as HTML (headings and lists, every sentence escaped); '' when both are empty. */
	actionsHtml: string;
	replyLine: string;
	signOff: string;
	footer: string;
}

/** The actions in the words of `recipient`: own tasks first, then what others do; the mail's own action left out. */
export function actionsFor(actions: readonly Pick<Action, 'id'>[], recipient: TriageRecipient, language: MessageLanguage = 'nl'): { todo: string[]; info: string[] } {
	const lang: MessageLanguage = language === 'en' ? 'en' : 'nl';
	const out = { todo: [] as string[], info: [] as string[] };
	for (const a of actions) {
		const w = WORDS[lang][a.id][recipient];
		if (w) out[w.kind].push(w.text);
	}
	return out;
}

/** Greeting, intro, actions per kind, reply line and sign-off of one outcome for one reader. */
export function recipientTexts(actions: readonly Pick<Action, 'id'>[], recipient: TriageRecipient, language: MessageLanguage = 'nl'): RecipientTexts {
	const lang: MessageLanguage = language === 'en' ? 'en' : 'nl';
	const f = FRAME[lang];
	const { todo: own, info: others } = actionsFor(actions, recipient, lang);
	const sections: Array<[string, string[]]> = [
		[f.todoHeading, own],
		[f.infoHeading, others],
	];
	const present = sections.filter(([, list]) => list.length > 0);
	return {
		recipient,
		greeting: f.greeting,
		intro: f[recipient].intro,
		todo: own,
		info: others,
		actionsSection: present.map(([h, list]) => `${h}:\n- ${list.join('\n- ')}`).join('\n\n'),
		actionsHtml: present.map(([h, list]) => `<p><strong>${escapeHtml(h)}</strong></p><ul>${list.map((s) => `<li>${escapeHtml(s)}</li>`).join('')}</ul>`).join(''),
		replyLine: f[recipient].replyLine,
		signOff: f.signOff,
		footer: f.footer,
	};
}
