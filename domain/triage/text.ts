/**
 * The words a workflow mails to people about a triage outcome (a school, the access team contact): the
 * route in words, the follow-up actions, what is missing — Dutch by default, English available
 * (DOMAIN.md "Language"). The node's n8n-facing fields (`route`, `routeLabel`, output names) stay English.
 *
 * A separate step after the decision (decide.ts stays free of presentation): a pure function of the
 * outcome and the language, reading precomputed tables; per item it only joins what the output carries.
 * Errors in words (which field, what to do) are in ../primitives/errorText.ts, shared with the Record Cleaner.
 */
import { formatLongDate, parseCalendarDate } from '../primitives/dates';
import type { MessageLanguage } from '../primitives/errorText';
import { recipientTexts, type RecipientTexts } from './recipients';
import type { Action, Reason, Route } from './types';

/** The route in words, for a subject line or a sentence. Seeds: DOMAIN.md §1. */
export const ROUTE_TEXT: Readonly<Record<MessageLanguage, Readonly<Record<Route, string>>>> = {
	nl: {
		needs_information: 'Aanvulling nodig',
		collective: 'Collectieve jeugdhulp op school',
		individual_beschikking: 'Individuele beschikking',
		combined: 'Onderwijs en jeugdhulp samen (grijs gebied)',
		basic_support: 'Basisondersteuning door de school',
		voorliggend_veld: 'Voorliggend veld (wijkteam, JGZ)',
		zorgteam_weighing: 'Afweging in het zorgteam',
		wlz: 'Zorg via de Wet langdurige zorg (Wlz)',
		anonymous_advice: 'Alleen anoniem advies',
		mandated_route: 'Jeugdhulp via de zorgonderwijsspecialist (mandaat)',
	},
	en: {
		needs_information: 'Information needed',
		collective: 'Collective youth care at school',
		individual_beschikking: 'Individual beschikking (decision by the municipality)',
		combined: 'Education and youth care together (grey area)',
		basic_support: 'Basic support by the school',
		voorliggend_veld: 'Voorliggend veld (neighbourhood team, youth health care)',
		zorgteam_weighing: 'Weighing in the zorgteam',
		wlz: 'Care through the Long-term Care Act (Wlz)',
		anonymous_advice: 'Anonymous advice only',
		mandated_route: 'Youth care through the zorgonderwijsspecialist (mandate)',
	},
};

const ACTIONS_HEADING: Record<MessageLanguage, string> = { nl: 'Vervolgacties:', en: 'Follow-up actions:' };
const MISSING_LEAD: Record<MessageLanguage, string> = { nl: 'Vul deze gegevens aan: ', en: 'Please add: ' };

/** The texts of one outcome for people outside n8n. */
export interface TriageTexts {
	language: MessageLanguage;
	/** The route in words (ROUTE_TEXT). */
	routeLabel: string;
	/** The follow-up actions, one sentence each; empty when there are none. */
	actions: string[];
	/**
	 * The actions as a plain-text mail section: the heading ("Vervolgacties:") and one "- " line per
	 * action; an empty string when there are none, so a mail never shows a heading over a lone "-".
	 */
	actionsSection: string;
	/** For an incomplete request: "Vul deze gegevens aan: Hulpvraag, Risico." (the user's column names); else ''. */
	missingSection: string;
	/**
	 * Why this route, for a mail's "Waarom" section: the reasons in the message language without the follow-up
	 * actions (those are worded per reader in `school` and `accessTeam`; `explanation` repeats them as given).
	 */
	reasonsText: string;
	/** The 8-week deadline in words, the one date style of every mail ("27 april 2026"); '' when no clock started. */
	deadlineText: string;
	/** The outcome for the school that registered the pupil: its own tasks, what others do, greeting, sign-off (recipients.ts). */
	school: RecipientTexts;
	/** The outcome for the access team contact: its own tasks, what others do, greeting, sign-off (recipients.ts). */
	accessTeam: RecipientTexts;
}

/**
 * The mail texts of a triage outcome.
 * @param outcome the route, actions, deadline (ISO) and reasons of `triage()` (domain/triage/decide.ts)
 * @param missing the user's column names of the missing fields (the node maps the logical names)
 * @param language 'nl' (default) or 'en'
 */
export function triageTexts(
	outcome: { route: Route; actions: readonly Action[]; deadline?: string | null; reasons?: readonly Reason[] },
	missing: readonly string[],
	language: MessageLanguage = 'nl',
): TriageTexts {
	const lang: MessageLanguage = language === 'en' ? 'en' : 'nl';
	const actions = outcome.actions.map((a) => (lang === 'en' ? a.text : a.textNl));
	const actionTexts = new Set(outcome.actions.map((a) => a.text));
	return {
		language: lang,
		routeLabel: ROUTE_TEXT[lang][outcome.route],
		actions,
		actionsSection: actions.length === 0 ? '' : `${ACTIONS_HEADING[lang]}\n- ${actions.join('\n- ')}`,
		missingSection: missing.length === 0 ? '' : `${MISSING_LEAD[lang]}${missing.join(', ')}.`,
		reasonsText: (outcome.reasons ?? [])
			.filter((r) => !actionTexts.has(r.text))
			.map((r) => (lang === 'en' ? r.text : r.textNl))
			.join(' '),
		deadlineText: outcome.deadline ? formatLongDate(parseCalendarDate(outcome.deadline, 'deadline'), lang) : '',
		school: recipientTexts(outcome.actions, 'school', lang),
		accessTeam: recipientTexts(outcome.actions, 'accessTeam', lang),
	};
}
