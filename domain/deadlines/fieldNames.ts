/**
 * The input fields (columns) of a case, by role, as the Deadline Monitor's "Field Names" lets the user
 * name them; which of them a rule reads is in `CaseFields` (8-week: zorgteamDate → startDate or offerDate;
 * thuiszitter: homeSince → startedOfferDate).
 */
export interface CaseFieldNames {
	caseRef: string;
	zorgteamDate: string;
	startDate: string;
	offerDate: string;
	homeSince: string;
	startedOfferDate: string;
	school: string;
	brin: string;
	zorgteam: string;
	recipientEmail: string;
}

/** The field names read when the user names none (also the defaults the node's description shows). */
export const DEFAULT_CASE_FIELD_NAMES: CaseFieldNames = {
	caseRef: 'caseRef',
	zorgteamDate: 'zorgteamDate',
	startDate: 'startDate',
	offerDate: 'offerDate',
	homeSince: 'homeSince',
	startedOfferDate: 'startedOfferDate',
	school: 'school',
	brin: 'brin',
	zorgteam: 'zorgteam',
	recipientEmail: 'zorgteamEmail',
};
