/**
 * Domain errors in words for people outside n8n (a school, a beheerder reading a mail): what is wrong
 * with which field and what to do, in Dutch (default) or English. Made from the error's `code` and
 * `field` only — never from the received value — so the text can go into a mail without leaking a BSN,
 * a name or free text (DOMAIN.md "Privacy", "Language").
 *
 * The error's own `message` and `hint` stay English: they are n8n-facing (NodeOperationError, README).
 * Used by every node that reads items (error items carry `details.text` and `details.fix`, in the node's
 * message language).
 */

import type { Language } from './language';

/** Language of texts that reach people outside n8n: Dutch by default, English available. */
export type MessageLanguage = Language;

export const MESSAGE_LANGUAGES: readonly MessageLanguage[] = ['nl', 'en'];

/** One error in words. */
export interface ErrorText {
	/** What is wrong, naming the field (the user's column name) but never its value. */
	text: string;
	/** What to do about it, in one sentence. */
	fix: string;
}

/** The parts of a DomainError this needs (structural, so a plain `{ code, field }` object works too). */
export interface ErrorLike {
	code?: unknown;
	field?: unknown;
	/** The row as the user sees it, in the text's language (`rij 4 van het werkblad`); added to the text. */
	where?: unknown;
}

type Entry = (field: string) => ErrorText;

/** Per error code (the codes of domain/**: `InvalidFieldError` and friends). */
const TEXTS: Record<MessageLanguage, Record<string, Entry>> = {
	nl: {
		missing_field: (f) => ({ text: `Het veld "${f}" is leeg.`, fix: `Vul "${f}" in.` }),
		invalid_date: (f) => ({
			text: `Het veld "${f}" bevat geen geldige datum.`,
			fix: 'Schrijf de datum als 01-03-2026, 1 maart 2026 of 2026-03-01, en controleer dat de datum bestaat (bijvoorbeeld geen 31 februari).',
		}),
		invalid_bsn: (f) => ({
			text: `Het veld "${f}" bevat geen geldig BSN (9 cijfers die aan de elfproef voldoen).`,
			fix: 'Controleer het BSN in de bronregistratie en neem het opnieuw over.',
		}),
		invalid_brin: (f) => ({
			text: `Het veld "${f}" bevat geen geldige BRIN-code.`,
			fix: 'Een BRIN-code is 2 cijfers en 2 letters of cijfers (bijvoorbeeld 12AB), eventueel met een vestigingsnummer van 2 cijfers (12AB00).',
		}),
		unknown_municipality: (f) => ({
			text: `Het veld "${f}" noemt geen bekende gemeente.`,
			fix: 'Gebruik de CBS-gemeentecode (bijvoorbeeld 0307) of de officiële naam van de gemeente (bijvoorbeeld Amersfoort).',
		}),
		split_municipality: (f) => ({
			text: `Het veld "${f}" noemt een opgeheven gemeente die over meerdere gemeenten is verdeeld.`,
			fix: 'Vul de huidige gemeente in: bij een leerling de gemeente waar die nu woont, bij een factuur de gemeente die de factuur stuurde.',
		}),
		invalid_yes_no: (f) => ({ text: `Het veld "${f}" bevat geen ja/nee-waarde.`, fix: 'Vul ja of nee in; laat het veld leeg als het niet bekend is.' }),
		invalid_needs: (f) => ({
			text: `Het veld "${f}" bevat een hulpvraag die niet bekend is.`,
			fix: 'Kies uit leren, gedrag, opvoeding, psychisch, lvb en zorg in onderwijstijd (meerdere gescheiden door komma’s).',
		}),
		invalid_risk_level: (f) => ({ text: `Het veld "${f}" bevat geen risiconiveau.`, fix: 'Vul groen, geel of rood in (de risicopiramide).' }),
		invalid_zorgteam_decision: (f) => ({
			text: `Het veld "${f}" bevat geen besluit van het zorgteam.`,
			fix: 'Vul ja in als het zorgteam tot hulp besloot, nee als het besloot tot geen hulp, of laat het leeg als de leerling nog niet besproken is.',
		}),
		invalid_text: (f) => ({ text: `Het veld "${f}" bevat geen korte tekst.`, fix: 'Gebruik een korte code of referentie, geen vrije tekst.' }),
		invalid_pupil_reference: (f) => ({ text: `Het veld "${f}" bevat geen leerlingreferentie.`, fix: 'Gebruik de pseudonieme leerlingcode, geen naam of BSN.' }),
		invalid_email: (f) => ({ text: `Het veld "${f}" bevat geen geldig e-mailadres.`, fix: 'Vul een adres in zoals naam@school.nl; scheid meerdere adressen met een komma.' }),
		invalid_identifier: (f) => ({
			text: `Het veld "${f}" bevat een kenmerk dat niet betrouwbaar te lezen is (een onzichtbaar teken of een getal dat de spreadsheet heeft afgerond).`,
			fix: 'Typ het kenmerk opnieuw in de bron, of zet de kolom in de spreadsheet op tekst zodat elk cijfer bewaard blijft.',
		}),
		invalid_amount: (f) => ({ text: `Het veld "${f}" bevat geen geldig bedrag.`, fix: 'Schrijf het bedrag in euro’s, bijvoorbeeld 1234,56 of 1.234,56 (hoogstens twee decimalen).' }),
		invalid_number: (f) => ({ text: `Het veld "${f}" bevat geen geldig getal.`, fix: 'Schrijf een getal van nul of meer, bijvoorbeeld 12 of 12,5.' }),
		invalid_period: (f) => ({ text: `Het veld "${f}" bevat geen geldige periode.`, fix: 'Schrijf een periode als 2026-Q1, 2026-03, 2026-H1, 2026 of 2026-01-01/2026-03-31.' }),
		// Deadline Monitor (domain/deadlines)
		invalid_case_ref: (f) => ({ text: `Het veld "${f}" bevat geen pseudoniem casusnummer.`, fix: 'Gebruik een casusnummer zoals C-2026-0001 (letters, cijfers en - . _ /, hoogstens 64 tekens), nooit een naam of BSN.' }),
		stop_before_clock_start: (f) => ({
			text: `De datum in "${f}" ligt vóór de datum waarop de termijn begint.`,
			fix: `Controleer "${f}" en de datum waarop de termijn begint (zoals de bespreking in het zorgteam of de eerste dag thuis): "${f}" kan niet eerder liggen.`,
		}),
		clock_start_after_reference: (f) => ({
			text: `De datum in "${f}" ligt na de peildatum.`,
			fix: `Controleer "${f}". Klopt de datum, dan telt de casus vanaf die dag vanzelf mee (bij een vaste peildatum: pas de peildatum aan).`,
		}),
		unknown_school: (f) => ({ text: `Het veld "${f}" noemt een school die niet in de lijst van bekende scholen staat.`, fix: 'Controleer de naam of BRIN-code van de school, of vraag de functioneel beheerder de school aan de lijst toe te voegen.' }),
		// Cross-Region Settlement (domain/settlement)
		invalid_arrangement: (f) => ({ text: `Het veld "${f}" bevat geen bekend type arrangement.`, fix: 'Vul groep, individueel of onderwijs-zorgklas in.' }),
		outside_period: (f) => ({ text: `De periode of datum in "${f}" valt buiten de periode die nu wordt verrekend.`, fix: 'Verreken deze rij in de periode waar die bij hoort, of verbeter de periode of datum.' }),
		missing_tariff: (f) => ({ text: `Voor het product in "${f}" is geen tarief vastgelegd.`, fix: 'Controleer de productcode; klopt die, vraag dan de functioneel beheerder het tarief toe te voegen.' }),
		missing_price: (f) => ({ text: `Voor het product in "${f}" is geen vaste prijs vastgelegd.`, fix: 'Controleer de productcode; klopt die, vraag dan de functioneel beheerder de prijs toe te voegen.' }),
		unknown_lot: (f) => ({ text: `Het veld "${f}" noemt geen perceel met een budget.`, fix: 'Gebruik een perceel uit de overeenkomst, of vraag de functioneel beheerder een budget voor dit perceel toe te voegen.' }),
		contradicting_records: (f) => ({
			text: `Rijen voor dezelfde leerling en periode noemen in "${f}" verschillende woongemeenten.`,
			fix: 'Een leerling heeft per periode één woongemeente (woonplaatsbeginsel): verbeter de onjuiste rij, of geef elke rij een eigen periode als de leerling is verhuisd.',
		}),
		incomplete_basis: () => ({
			text: 'Deze rij is niet verrekend: andere rijen zijn afgekeurd, en zonder die rijen kan het gedeelde bedrag niet juist worden verdeeld.',
			fix: 'Verbeter eerst de afgekeurde rijen (elke fout noemt het veld) en verwerk het bestand daarna opnieuw.',
		}),
		allocation_error: () => ({
			text: 'Deze rij is niet verrekend: het bedrag kon niet over de rijen worden verdeeld.',
			fix: 'De functioneel beheerder kan in n8n zien wat er misging; verwerk het bestand opnieuw zodra dat is opgelost.',
		}),
		invalid_settlement_parameter: () => ({
			text: 'Deze rij is niet verrekend: een instelling van de verrekening ontbreekt of is onjuist.',
			fix: 'Vraag de functioneel beheerder de instellingen van de workflow aan te vullen; verwerk het bestand daarna opnieuw.',
		}),
		missing_lot_budget: () => ({
			text: 'Deze rij is niet verrekend: voor een perceel is geen budget ingesteld.',
			fix: 'Vraag de functioneel beheerder het budget per perceel aan te vullen; verwerk het bestand daarna opnieuw.',
		}),
		invalid_holiday_calendar: (f) => ({
			text: `Het veld "${f}" bevat geen leesbare lijst met schoolvakanties.`,
			fix: 'Schrijf één vakantie per regel als "eerste dag - laatste dag", bijvoorbeeld "17-10-2026 t/m 25-10-2026 Herfstvakantie".',
		}),
		no_holiday_region: (f) => ({
			text: `De gemeente in het veld "${f}" hoort niet bij één vakantieregio (de regio-indeling schoolvakanties deelt haar op, of kent haar niet).`,
			fix: `Vul voor deze school de vakantieregio (noord, midden of zuid) in het veld "${f}" in.`,
		}),
		ambiguous_municipality: (f) => ({
			text: `Het veld "${f}" noemt een naam die meer dan één gemeente heeft (CBS schrijft die met de provincie erachter, zoals Bergen (L.) en Bergen (NH.)).`,
			fix: 'Schrijf de naam zoals CBS die schrijft, met de provincie, of gebruik de CBS-gemeentecode.',
		}),
		policy_choice_required: () => ({
			text: 'Het regiobeleid laat een keuze open die voor deze aanmelding of rij nodig is (bijvoorbeeld wie betaalt voor een leerling uit een andere regio).',
			fix: 'Vraag de functioneel beheerder die keuze in de workflow vast te leggen; daarna kan de aanmelding of rij opnieuw worden verwerkt.',
		}),
	},
	en: {
		missing_field: (f) => ({ text: `The field "${f}" is empty.`, fix: `Fill in "${f}".` }),
		invalid_date: (f) => ({
			text: `The field "${f}" does not hold a valid date.`,
			fix: 'Write the date as 2026-03-01, 01-03-2026 or 1 maart 2026, and check that the date exists (no 31 February, for example).',
		}),
		invalid_bsn: (f) => ({
			text: `The field "${f}" does not hold a valid BSN (9 digits that pass the elfproef).`,
			fix: 'Check the BSN in the source registration and copy it again.',
		}),
		invalid_brin: (f) => ({
			text: `The field "${f}" does not hold a valid BRIN code.`,
			fix: 'A BRIN code is 2 digits and 2 letters or digits (e.g. 12AB), optionally with a 2-digit location number (12AB00).',
		}),
		unknown_municipality: (f) => ({
			text: `The field "${f}" does not name a known municipality.`,
			fix: 'Use the CBS municipality code (e.g. 0307) or the official name of the municipality (e.g. Amersfoort).',
		}),
		split_municipality: (f) => ({
			text: `The field "${f}" names a discontinued municipality that was divided over several municipalities.`,
			fix: 'Fill in the current municipality: for a pupil the one where they live now, for an invoice the one that sent the invoice.',
		}),
		invalid_yes_no: (f) => ({ text: `The field "${f}" does not hold a yes/no value.`, fix: 'Fill in yes or no; leave the field empty when it is not known.' }),
		invalid_needs: (f) => ({
			text: `The field "${f}" holds a need that is not known.`,
			fix: 'Choose from learning, behaviour, upbringing, mental health, disability and nursing care (several separated by commas).',
		}),
		invalid_risk_level: (f) => ({ text: `The field "${f}" does not hold a risk level.`, fix: 'Fill in green, yellow or red (the risk pyramid).' }),
		invalid_zorgteam_decision: (f) => ({
			text: `The field "${f}" does not hold a zorgteam decision.`,
			fix: 'Fill in yes when the zorgteam decided on help, no when it decided on no help, or leave it empty when the pupil has not been discussed yet.',
		}),
		invalid_text: (f) => ({ text: `The field "${f}" does not hold a short text.`, fix: 'Use a short code or reference, not free text.' }),
		invalid_pupil_reference: (f) => ({ text: `The field "${f}" does not hold a pupil reference.`, fix: 'Use the pseudonymous pupil code, not a name or BSN.' }),
		invalid_email: (f) => ({ text: `The field "${f}" does not hold a valid e-mail address.`, fix: 'Fill in an address such as name@school.nl; separate several addresses with commas.' }),
		invalid_identifier: (f) => ({
			text: `The field "${f}" holds an identifier that cannot be read reliably (a hidden character, or a number the spreadsheet rounded).`,
			fix: 'Retype the identifier in the source, or format the spreadsheet column as text so that every digit is kept.',
		}),
		invalid_amount: (f) => ({ text: `The field "${f}" does not hold a valid amount.`, fix: 'Write the amount in euros, e.g. 1234.56 or 1.234,56 (at most two decimals).' }),
		invalid_number: (f) => ({ text: `The field "${f}" does not hold a valid number.`, fix: 'Write a number of zero or more, e.g. 12 or 12.5.' }),
		invalid_period: (f) => ({ text: `The field "${f}" does not hold a valid period.`, fix: 'Write a period as 2026-Q1, 2026-03, 2026-H1, 2026 or 2026-01-01/2026-03-31.' }),
		invalid_case_ref: (f) => ({ text: `The field "${f}" does not hold a pseudonymous case reference.`, fix: 'Use a case reference such as C-2026-0001 (letters, digits and - . _ /, at most 64 characters), never a name or BSN.' }),
		stop_before_clock_start: (f) => ({
			text: `The date in "${f}" is before the start of the time limit.`,
			fix: `Check "${f}" and the date the time limit starts (such as the zorgteam meeting or the first day at home): "${f}" cannot be earlier.`,
		}),
		clock_start_after_reference: (f) => ({
			text: `The date in "${f}" is after the reference date.`,
			fix: `Check "${f}". If the date is right, the case counts from that day on (with a fixed reference date: change the reference date).`,
		}),
		unknown_school: (f) => ({ text: `The field "${f}" names a school that is not in the list of known schools.`, fix: 'Check the school name or BRIN code, or ask the functioneel beheerder to add the school to the list.' }),
		invalid_arrangement: (f) => ({ text: `The field "${f}" does not hold a known kind of arrangement.`, fix: 'Fill in group, individual or class (onderwijs-zorgklas).' }),
		outside_period: (f) => ({ text: `The period or date in "${f}" lies outside the period being settled.`, fix: 'Settle this row in the period it belongs to, or correct the period or date.' }),
		missing_tariff: (f) => ({ text: `No tariff is set for the product in "${f}".`, fix: 'Check the product code; if it is right, ask the functioneel beheerder to add the tariff.' }),
		missing_price: (f) => ({ text: `No fixed price is set for the product in "${f}".`, fix: 'Check the product code; if it is right, ask the functioneel beheerder to add the price.' }),
		unknown_lot: (f) => ({ text: `The field "${f}" does not name a lot with a budget.`, fix: 'Use a lot from the agreement, or ask the functioneel beheerder to add a budget for this lot.' }),
		contradicting_records: (f) => ({
			text: `Rows for the same pupil and period name different residence municipalities in "${f}".`,
			fix: 'A pupil has one residence municipality per period (woonplaatsbeginsel): correct the wrong row, or give each row its own period if the pupil moved.',
		}),
		incomplete_basis: () => ({
			text: 'This row was not settled: other rows were rejected, and without them the shared amount cannot be split correctly.',
			fix: 'First correct the rejected rows (each error names the field), then process the file again.',
		}),
		allocation_error: () => ({
			text: 'This row was not settled: the amount could not be split over the rows.',
			fix: 'The functioneel beheerder can see in n8n what went wrong; process the file again once that is solved.',
		}),
		invalid_settlement_parameter: () => ({
			text: 'This row was not settled: a setting of the settlement is missing or wrong.',
			fix: 'Ask the functioneel beheerder to complete the workflow settings; then process the file again.',
		}),
		missing_lot_budget: () => ({
			text: 'This row was not settled: a lot has no budget.',
			fix: 'Ask the functioneel beheerder to add the budget per lot; then process the file again.',
		}),
		invalid_holiday_calendar: (f) => ({
			text: `The field "${f}" does not hold a readable list of school holidays.`,
			fix: 'Write one holiday per line as "first day - last day", e.g. "2026-10-17 - 2026-10-25 Herfstvakantie".',
		}),
		no_holiday_region: (f) => ({
			text: `The municipality in the field "${f}" has no single holiday region (the regio-indeling schoolvakanties splits it, or does not know it).`,
			fix: `Write the school's holiday region (noord, midden or zuid) in the field "${f}".`,
		}),
		ambiguous_municipality: (f) => ({
			text: `The field "${f}" names a name that more than one municipality has (CBS writes these with their province, such as Bergen (L.) and Bergen (NH.)).`,
			fix: 'Write the name as CBS does, with its province, or use the CBS municipality code.',
		}),
		policy_choice_required: () => ({
			text: 'The region policy leaves open a choice this request or row needs (for example who pays for a pupil from another region).',
			fix: 'Ask the functioneel beheerder to set that choice in the workflow; the request or row can then be processed again.',
		}),
	},
};

const FALLBACK: Record<MessageLanguage, { field: Entry; row: ErrorText }> = {
	nl: {
		field: (f) => ({ text: `Het veld "${f}" bevat een waarde die niet gebruikt kan worden.`, fix: `Controleer "${f}" in het bronbestand of formulier en verbeter de waarde.` }),
		row: { text: 'Deze rij bevat een waarde die niet gebruikt kan worden.', fix: 'Controleer de rij in het bronbestand of formulier; de functioneel beheerder ziet in n8n welk veld het is.' },
	},
	en: {
		field: (f) => ({ text: `The field "${f}" holds a value that cannot be used.`, fix: `Check "${f}" in the source file or form and correct the value.` }),
		row: { text: 'This row holds a value that cannot be used.', fix: 'Check the row in the source file or form; the functioneel beheerder sees in n8n which field it is.' },
	},
};

/** Codes about the row as a whole: their text names no field (the field a run-level error carries is a parameter). */
export const ROW_CODES: ReadonlySet<string> = new Set(['policy_choice_required', 'incomplete_basis', 'allocation_error', 'invalid_settlement_parameter', 'missing_lot_budget']);

/** Field names are the user's column names: short, but cut anything long (never free text in a mail). */
const MAX_FIELD_LENGTH = 60;

/**
 * An error in words for people outside n8n, from its code and field only (never its value).
 * Unknown codes get a general text naming the field (or the row, when there is no field); codes about
 * the whole row (`ROW_CODES`) name no field.
 * @param error a DomainError, or anything with `code` and `field` (e.g. an error item's `details`)
 * @param language 'nl' (default) or 'en'
 */
export function errorText(error: ErrorLike, language: MessageLanguage = 'nl'): ErrorText {
	const lang: MessageLanguage = language === 'en' ? 'en' : 'nl';
	const field = typeof error.field === 'string' && error.field.trim() !== '' ? error.field.trim().slice(0, MAX_FIELD_LENGTH) : undefined;
	const entry = typeof error.code === 'string' ? TEXTS[lang][error.code] : undefined;
	// Codes about the whole row name no field; the other codes need one.
	const words = entry && ROW_CODES.has(error.code as string) ? entry('') : field === undefined ? FALLBACK[lang].row : (entry ?? FALLBACK[lang].field)(field);
	if (typeof error.where !== 'string' || error.where === '') return words;
	return { text: `${words.text.replace(/\.$/, '')} (${error.where}).`, fix: words.fix };
}

/** The error codes with their own text (the rest get the general one). */
export const ERROR_TEXT_CODES: readonly string[] = Object.keys(TEXTS.nl);
