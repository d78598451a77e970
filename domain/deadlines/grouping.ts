/**
 * "Group per recipient": gather checked cases into one summary per zorgteam (or school), with a ready
 * message. The group's status is that of its most urgent case; the node sends the group to that
 * status's output. With `splitBy` (node version 1.2) each recipient gets one group per key instead, e.g. per
 * output its cases leave on: an Overdue group and a Due Soon group, each listing only its own cases. Only pseudonymous references, school, zorgteam, dates and status are copied.
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
	/**
	 * Split each recipient's cases by this key (e.g. the node output a status leaves on): one group per
	 * recipient and key, in order of first appearance. Absent: one group per recipient.
	 */
	splitBy?: (status: CaseStatus) => string | number;
	/** Node version 1.3: mark due dates that are only the earliest possible ones and statuses that are not certain (issue 21 §1). */
	markUncertain?: boolean;
}

export interface RecipientGroup<T> {
	key: string;
	/** The most urgent status among the group's cases. */
	status: CaseStatus;
	/** What the caller attached to each case (e.g. the input item index), in input order. */
	members: T[];
	summary: {
		groupBy: GroupBy;
		/** Only with `splitBy`: the group's (most urgent) status. */
		status?: CaseStatus;
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
			/** Node version 1.3: false when `dueDate` is only the earliest possible one. */
			dueDateKnown?: boolean;
			/** Node version 1.3: false when a complete holiday calendar could give another status. */
			statusCertain?: boolean;
		}>;
		subject: string;
		/** What to do and whom to contact: one sentence per status that needs action (also in text and html). */
		actions: string[];
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
	const byKey = new Map<string, { key: string; list: Array<{ check: CaseCheck; member: T }> }>();
	for (const e of entries) {
		const key = options.groupBy === 'school' ? e.check.school : e.check.zorgteam;
		const groupKey = options.splitBy ? `${key}\u0000${options.splitBy(e.check.status)}` : key;
		let group = byKey.get(groupKey);
		if (!group) byKey.set(groupKey, (group = { key, list: [] }));
		group.list.push(e);
	}
	const groups: Array<RecipientGroup<T>> = [];
	for (const { key, list } of byKey.values()) {
		const checks = list.map((l) => l.check);
		const counts: Record<CaseStatus, number> = { overdue: 0, due_soon: 0, on_track: 0, met: 0, met_late: 0 };
		for (const c of checks) counts[c.status]++;
		const status = URGENCY.find((s) => counts[s] > 0)!;
		const emails = mergeAddressLists(checks.map((c) => c.recipientEmails));
		const message = buildGroupMessage(key || NO_NAME[options.language][options.groupBy], checks, options.rule, options.reference, options.language, options.markUncertain === true);
		groups.push({
			key,
			status,
			members: list.map((l) => l.member),
			summary: {
				groupBy: options.groupBy,
				...(options.splitBy ? { status } : {}),
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
					...(options.markUncertain ? { dueDateKnown: c.dueDateKnown, statusCertain: c.statusCertain } : {}),
				})),
				subject: message.subject,
				actions: message.actions,
				text: message.text,
				html: message.html,
			},
		});
	}
	return groups;
}
