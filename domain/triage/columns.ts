/**
 * The fields Toeleiding Triage reads from each request (aanmelding), in one place: default column name,
 * label, meaning. "Required" marks the facts without which a request goes to Needs Information (DOMAIN.md
 * "Incomplete requests are normal"): a blank one is never an error, it is listed as missing.
 */
import { defaultColumnNames, ExpectedColumn } from '../primitives/columns';
import type { RequestField } from './types';

const NEEDS_INFO = 'A request without it goes to Needs Info.';

export const TRIAGE_COLUMNS: ReadonlyArray<ExpectedColumn<RequestField>> = [
	{ key: 'requestId', label: 'Request ID', defaultName: 'requestId', required: false, meaning: 'ID of the request (aanmelding); passed on to the outputs' },
	{ key: 'pupilReference', label: 'Pupil Reference', defaultName: 'pupilReference', required: false, meaning: 'Pseudonymous pupil reference (not a name or BSN); passed on instead of the BSN' },
	{ key: 'bsn', label: 'BSN', defaultName: 'bsn', required: false, meaning: 'The pupil\u2019s BSN (optional). Validated by the elfproef, never shown in errors, removed from the outputs unless "Include BSN in Output" is on' },
	{ key: 'school', label: 'School (BRIN)', defaultName: 'school', required: true, meaning: `BRIN code of the school (e.g. 12AB or 12AB00). ${NEEDS_INFO}` },
	{ key: 'residence', label: 'Home Municipality', defaultName: 'residenceMunicipality', required: true, meaning: `Municipality of the pupil\u2019s BRP address (woonplaats), as CBS code or name. ${NEEDS_INFO}` },
	{ key: 'inResidentialCare', label: 'In Residential Care', defaultName: 'inResidentialCare', required: false, meaning: 'Yes/no: the pupil stays with a provider, foster family or institution (verblijf)' },
	{ key: 'residenceBeforeStay', label: 'Residence Before Stay', defaultName: 'residenceBeforeStay', required: false, meaning: 'Municipality of the BRP address just before a residential stay (woonplaatsbeginsel)' },
	{ key: 'needs', label: 'Need Domains', defaultName: 'needs', required: true, meaning: `Need domains: learning (leren), behaviour (gedrag), upbringing (opvoeding/gezin), mental_health (psychisch/ggz), disability (lvb), nursing_care (zorg in onderwijstijd), separated by commas. ${NEEDS_INFO}` },
	{ key: 'riskLevel', label: 'Risk Level', defaultName: 'riskLevel', required: true, meaning: `Risk level of the pyramid (S0): green, yellow, red (groen, geel, rood). ${NEEDS_INFO}` },
	{ key: 'zorgteamDecision', label: 'Zorgteam Decision', defaultName: 'zorgteamDecision', required: false, meaning: 'The zorgteam decision: help (ja), no_help (nee) or empty when not yet discussed' },
	{ key: 'zorgteamDate', label: 'Zorgteam Date', defaultName: 'zorgteamDate', required: false, meaning: 'The date the zorgteam discussed the pupil; starts the 8-week clock' },
	{ key: 'oppPresent', label: 'OPP Present', defaultName: 'oppPresent', required: false, meaning: 'Yes/no: the pupil has a current ontwikkelingsperspectiefplan (OPP)' },
	{ key: 'helpAtHome', label: 'Help at Home Needed', defaultName: 'helpAtHome', required: false, meaning: 'Yes/no: help at home is also needed (1 Gezin 1 Plan 1 Regisseur)' },
	{ key: 'wlzIndication', label: 'Wlz Indication', defaultName: 'wlzIndication', required: false, meaning: 'Yes/no: the pupil has a Wlz indication' },
	{ key: 'groupOfferSuitable', label: 'Group Offer Suitable', defaultName: 'groupOfferSuitable', required: false, meaning: 'Yes/no: a group offer (groepsaanbod) fits the need' },
	{ key: 'parentalConsent', label: 'Parental Consent', defaultName: 'parentalConsent', required: true, meaning: `Yes/no: the parents consented to a named case; no = anonymous advice only. ${NEEDS_INFO}` },
	{ key: 'accessContactEmail', label: 'Access Contact E-Mail', defaultName: 'accessContactEmail', required: false, meaning: 'E-mail of the access team contact, if the form carries it; otherwise the Access Team Contacts list is used' },
];

/** The default column name of every request field. */
export const DEFAULT_TRIAGE_COLUMNS: Record<RequestField, string> = defaultColumnNames(TRIAGE_COLUMNS);
