/**
 * "Group per recipient": gather checked cases into one summary per zorgteam (or school), with a ready
 * message. The group's status is that of its most urgent case; the node sends the group to that
 * status's output. Only pseudonymous references, school, zorgteam, dates and status are copied.
 */
import { mergeAddressLists } from '../primitives/addresses';
import { CalendarDate, formatIsoDate } from '../primitives/dates';
import { CaseCheck, RuleId } from './cases';
import { CaseStatus } from './clock';
import { buildGroupMessage, Language, sortCases, statusLabel } from './messages';

export type GroupBy = 'zorgteam' | 'school';

/** Most urgent first. */
export const URGENCY: CaseStatus[] = ['overdue', 'due_soon', 'on_track', 'met_late', 'met'];

export interface GroupOptions {
	groupBy: GroupBy;
	language: Language;
	rule: RuleId;
	reference: CalendarDate;
}

export interface RecipientGroup<T> {
	key: string;
	/** The most urgent status among the group's cases. */
	status: CaseStatus;
	/** What the caller attached to each case (e.g. the input item index), in input order. */
	members: T[];
	summary: {
		groupBy: GroupBy;
		zorgteam?: string;
		school?: string;
		/** All members' addresses, one comma-separated list, duplicates removed case-insensitively. */
		recipientEmail: string;
		recipientEmails: string[];
		referenceDate: string;
		caseCount: number;
		counts: Record<CaseStatus, number>;
		cases: Array<{
			caseRef: string;
			school: string;
			zorgteam: string;
			status: CaseStatus;
			statusLabel: string;
			clockStart: string;
			stopDate: string | null;
			dueDate: string;
			daysElapsed: number;
			daysRemaining: number | null;
		}>;
		subject: string;
		text: string;
		html: string;
	};
}

const NO_NAME: Record<Language, Record<GroupBy, string>> = {
	nl: { zorgteam: '(geen zorgteam)', school: '(geen school)' },
	en: { zorgteam: '(no zorgteam)', school: '(no school)' },
};

/** Group cases per recipient, groups in order of first appearance. */
export function groupPerRecipient<T>(entries: Array<{ check: CaseCheck; member: T }>, options: GroupOptions): Array<RecipientGroup<T>> {
	const byKey = new Map<string, Array<{ check: CaseCheck; member: T }>>();
	for (const e of entries) {
		const key = options.groupBy === 'school' ? e.check.school : e.check.zorgteam;
		let list = byKey.get(key);
		if (!list) byKey.set(key, (list = []));
		list.push(e);
	}
	const groups: Array<RecipientGroup<T>> = [];
	for (const [key, list] of byKey) {
		const checks = list.map((l) => l.check);
		const counts: Record<CaseStatus, number> = { overdue: 0, due_soon: 0, on_track: 0, met: 0, met_late: 0 };
		for (const c of checks) counts[c.status]++;
		const status = URGENCY.find((s) => counts[s] > 0)!;
		const emails = mergeAddressLists(checks.map((c) => c.recipientEmails));
		const message = buildGroupMessage(key || NO_NAME[options.language][options.groupBy], checks, options.rule, options.reference, options.language);
		groups.push({
			key,
			status,
			members: list.map((l) => l.member),
			summary: {
				groupBy: options.groupBy,
				[options.groupBy]: key,
				recipientEmail: emails.text,
				recipientEmails: emails.addresses,
				referenceDate: formatIsoDate(options.reference),
				caseCount: checks.length,
				counts,
				cases: sortCases(checks).map((c) => ({
					caseRef: c.caseRef,
					school: c.school,
					zorgteam: c.zorgteam,
					status: c.status,
					statusLabel: statusLabel(c.status, options.language),
					clockStart: formatIsoDate(c.clockStart),
					stopDate: c.stop === undefined ? null : formatIsoDate(c.stop),
					dueDate: formatIsoDate(c.deadline),
					daysElapsed: c.daysElapsed,
					daysRemaining: c.daysRemaining,
				})),
				subject: message.subject,
				text: message.text,
				html: message.html,
			},
		});
	}
	return groups;
}
