/**
 * The columns the Deadline Monitor reads from each case (one place for their default names and meaning).
 * Which ones a run uses depends on the rule: the 8-week norm (S1) runs from Zorgteam Date to Start Date (or
 * Offer Date), the thuiszitter rule (S2) from Home Since to Started Offer Date.
 */
import { defaultColumnNames, ExpectedColumn } from '../primitives/columns';

export type DeadlineColumn =
	| 'caseRef'
	| 'zorgteamDate'
	| 'startDate'
	| 'offerDate'
	| 'homeSince'
	| 'startedOfferDate'
	| 'school'
	| 'brin'
	| 'zorgteam'
	| 'recipientEmail';

/** Column names of a case, by column. */
export type DeadlineColumnNames = Record<DeadlineColumn, string>;

/** In the order the node shows them: reference, clock dates, school and zorgteam, address. */
export const DEADLINE_COLUMNS: ReadonlyArray<ExpectedColumn<DeadlineColumn>> = [
	{ key: 'caseRef', label: 'Case Reference', defaultName: 'caseRef', required: false, meaning: 'Pseudonymous case reference, e.g. C-2026-0001 (never a name or BSN). Needed with Alert Only on Status Change and Group Per Recipient.' },
	{ key: 'zorgteamDate', label: 'Zorgteam Date', defaultName: 'zorgteamDate', required: true, meaning: '8-week norm: the date the case was discussed in the zorgteam; the clock starts here (S1)' },
	{ key: 'startDate', label: 'Start Date', defaultName: 'startDate', required: false, meaning: '8-week norm with stop event Start of Care: the date collective youth care started; empty = not started yet' },
	{ key: 'offerDate', label: 'Offer Date', defaultName: 'offerDate', required: false, meaning: '8-week norm with stop event Offer Date: the date care was offered; empty = not offered yet' },
	{ key: 'homeSince', label: 'Home Since', defaultName: 'homeSince', required: true, meaning: 'Thuiszitter rule: first day at home without education; the clock starts here (S2)' },
	{ key: 'startedOfferDate', label: 'Started Offer Date', defaultName: 'startedOfferDate', required: false, meaning: 'Thuiszitter rule: the date a suitable offer of education or care started; empty = still at home' },
	{ key: 'school', label: 'School', defaultName: 'school', required: false, meaning: 'School name (or BRIN code); shown in alerts, used by Group By School and checked against Known Schools' },
	{ key: 'brin', label: 'BRIN', defaultName: 'brin', required: false, meaning: 'School BRIN code (12AB or 12AB00); checked against Known Schools when the school name is not on the list' },
	{ key: 'zorgteam', label: 'Zorgteam', defaultName: 'zorgteam', required: false, meaning: 'Name of the zorgteam; Group By Zorgteam makes one message per zorgteam' },
	{ key: 'recipientEmail', label: 'Zorgteam E-Mail', defaultName: 'zorgteamEmail', required: false, meaning: 'E-mail address(es) of the zorgteam, comma-separated; the grouped message goes there. Cases without one are counted in a hint after the run.' },
];

/** The default column names (what a node added without changes reads). */
export const DEFAULT_DEADLINE_COLUMNS: DeadlineColumnNames = defaultColumnNames(DEADLINE_COLUMNS);

/** Columns only one rule reads. The others are read under both rules. */
export const RULE_COLUMNS: Readonly<Partial<Record<DeadlineColumn, 'eightWeek' | 'thuiszitter'>>> = {
	zorgteamDate: 'eightWeek',
	startDate: 'eightWeek',
	offerDate: 'eightWeek',
	homeSince: 'thuiszitter',
	startedOfferDate: 'thuiszitter',
};
