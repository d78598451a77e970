/**
 * Check Cases' settings: the parameters the operation shows (`description`) and the one reader of them
 * (`readCheckCasesSettings`), the only code of this operation that calls `getNodeParameter` or asks the
 * version table (besides the clock settings both operations share, and the shared input and privacy layers).
 * The operation runs settings → checkCase (and the alert memory) → items.
 */
import { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { CaseStatus, Language } from '../../../domain/deadlines';
import { refuseAsAiTool } from '../../shared/aiTool';
import type { InputReader } from '../../shared/input';
import { languageProperty } from '../../shared/language.description';
import { readIdentifyingData, type IdentifyingData } from '../../shared/privacy';
import { readClockSettings, type ClockSettings } from '../clock.settings';
import { VERSIONS } from '../versions';

const checkOnly = { show: { operation: ['checkCases'] } };
/** The statuses a user picks from (Statuses to Group, Confirm Delivery Of). */
const STATUS_OPTIONS = [
	{ name: 'Due Soon', value: 'due_soon', description: 'Open, deadline within the warning window' },
	{ name: 'Met', value: 'met', description: 'Started on or before the deadline' },
	{ name: 'Met Late', value: 'met_late', description: 'Started after the deadline' },
	{ name: 'On Track', value: 'on_track', description: 'Open, deadline further away' },
	{ name: 'Overdue', value: 'overdue', description: 'Open and past the deadline' },
];
/** The outbox's parameters: Check Cases with alert once, from node version 1.3. */
const outboxOnly = { show: { ...VERSIONS.shownFrom('deliveryOutbox'), operation: ['checkCases'], alertOnce: [true] } };

/** The parameters of the Check Cases operation (shown when Operation is Check Cases). */
export const description: INodeProperties[] = [
	{
		displayName: 'Due Soon Window (Days)',
		name: 'dueSoonDays',
		type: 'number',
		typeOptions: { minValue: 0, numberPrecision: 0 },
		default: 14,
		displayOptions: checkOnly,
		description: 'Open cases with at most this many (counted) days left, the deadline day included, are Due Soon',
	},
	{
		displayName: 'Alert Only on Status Change',
		name: 'alertOnce',
		type: 'boolean',
		default: false,
		displayOptions: checkOnly,
		description:
			'Whether to send a case to its status output only when its status changed since the last production run; cases whose status did not change leave on an extra "Unchanged" output. Statuses are remembered per case reference — in n8n\'s Data Table "jeugdhulp_alert_memory" when a Jeugdhulp Shared Memory credential is selected (safe for parallel runs and queue mode), otherwise in the workflow\'s static data. Manual test runs read but do not update the memory.',
	},
	{
		displayName: 'Max Remembered Cases',
		name: 'maxRemembered',
		type: 'number',
		typeOptions: { minValue: 1, numberPrecision: 0 },
		default: 50000,
		displayOptions: { show: { operation: ['checkCases'], alertOnce: [true] } },
		description: 'Upper bound on remembered case references; the ones not seen for the longest time are forgotten first',
	},
	// Node version 1.3: the outbox (issue 23) — an alert counts as sent once Confirm Delivery confirmed it
	{
		displayName: 'Confirm Delivery Of',
		name: 'confirmStatuses',
		type: 'multiOptions',
		options: STATUS_OPTIONS,
		default: ['overdue', 'due_soon'],
		displayOptions: outboxOnly,
		description:
			'Alerts with these statuses (the outputs wired to your Send Email node) count as sent only once a Deadline Monitor "Confirm Delivery" step after Send Email confirmed them; a later run sends unconfirmed ones again. Other statuses count as sent when this node emits them. Empty: every alert counts as sent at once (as in version 1.2).',
	},
	{
		displayName: 'Resend Unconfirmed After (Minutes)',
		name: 'resendAfterMinutes',
		type: 'number',
		typeOptions: { minValue: 0, numberPrecision: 1 },
		default: 10,
		displayOptions: outboxOnly,
		description:
			'An alert a run emitted but whose mail was not confirmed is sent again by a later run once it is this old; younger ones are left alone, as the run that emitted them may still be sending. Longer than your workflow takes to send its mails.',
	},
	{
		displayName: 'Group Per Recipient',
		name: 'groupByRecipient',
		type: 'boolean',
		default: false,
		displayOptions: checkOnly,
		description:
			'Whether to emit one item per zorgteam or school with its cases and a ready e-mail subject, text and HTML table. From node version 1.2 a recipient gets one item on each status output it has cases for (Overdue, Due Soon, …); before, one item on the output of its most urgent case.',
	},
	{
		displayName: 'Group By',
		name: 'groupBy',
		type: 'options',
		options: [
			{ name: 'Zorgteam', value: 'zorgteam', description: 'One item per zorgteam' },
			{ name: 'School', value: 'school', description: 'One item per school' },
		],
		default: 'zorgteam',
		displayOptions: { show: { operation: ['checkCases'], groupByRecipient: [true] } },
		description: 'Who receives one message',
	},
	{
		displayName: 'Statuses to Group',
		name: 'groupStatuses',
		type: 'multiOptions',
		options: STATUS_OPTIONS,
		default: ['overdue', 'due_soon'],
		displayOptions: { show: { operation: ['checkCases'], groupByRecipient: [true] } },
		description:
			'Cases with these statuses are gathered per recipient (version 1.2: one item per recipient on each status output; before: one item on the output of its most urgent case); other cases leave one by one on their own output',
	},
	languageProperty({
		displayName: 'Message Language',
		description: 'Language of the grouped e-mail (subject, text and HTML table) and of the error in words on error items (details.text, details.fix)',
		dutch: 'Nederlands, for zorgteams',
		// shown in both modes: error items carry the error in words in this language, grouped or not
		displayOptions: { show: { operation: ['checkCases'] } },
	}),
];

/** What one run of Check Cases is set to do (every parameter is read once per run). */
export interface CheckCasesSettings {
	/** Rule, norm, calendar, reference date, field names (clock.settings.ts). */
	clock: ClockSettings;
	/** Alert Only on Status Change: an extra Unchanged output, statuses remembered per case. */
	alertOnce: boolean;
	/** Max Remembered Cases (alert once). */
	maxRemembered: number;
	/** Node version 1.3 with alert once: the outbox (Resend Unconfirmed After, Confirm Delivery Of); undefined before. */
	outbox?: { resendAfterMs: number; confirmed: Set<string> };
	/** Group Per Recipient: undefined when cases leave one by one. */
	grouping?: {
		groupBy: 'zorgteam' | 'school';
		statuses: Set<CaseStatus>;
		/** Node version 1.2: one group per recipient on each status output (before: one on its most urgent output). */
		perOutput: boolean;
	};
	/** The field the result is written to on each case. */
	outputField: string;
	/** Message Language: the grouped e-mail and the error in words on error items. */
	language: Language;
	privacy: IdentifyingData | undefined;
}

/**
 * Read the node's parameters for one run, in the order the operation always read them.
 * @throws NodeOperationError (no item index) when a parameter is wrong, or alert once is asked of the node as an AI tool
 */
export function readCheckCasesSettings(ctx: IExecuteFunctions, input: InputReader): CheckCasesSettings {
	const alertOnce = ctx.getNodeParameter('alertOnce', 0, false) as boolean;
	if (alertOnce) refuseAsAiTool(ctx.getNode(), 'Alert Only on Status Change');
	const grouped = ctx.getNodeParameter('groupByRecipient', 0, false) as boolean;
	const clock = readClockSettings(ctx, input, { requireCaseRef: alertOnce || grouped, dueSoon: true });
	const outputField = ((ctx.getNodeParameter('options', 0, {}) as { outputField?: string }).outputField ?? '').trim() || 'deadline';
	const privacy = readIdentifyingData(ctx, VERSIONS);
	const maxRemembered = alertOnce ? (ctx.getNodeParameter('maxRemembered', 0, 50000) as number) : 50000;
	const outbox =
		alertOnce && VERSIONS.has(ctx.getNode(), 'deliveryOutbox')
			? {
					resendAfterMs: (ctx.getNodeParameter('resendAfterMinutes', 0, 10) as number) * 60_000,
					confirmed: new Set(ctx.getNodeParameter('confirmStatuses', 0, ['overdue', 'due_soon']) as string[]),
				}
			: undefined;
	const language = ctx.getNodeParameter('language', 0, 'nl') as Language;
	const grouping = grouped
		? {
				groupBy: ctx.getNodeParameter('groupBy', 0, 'zorgteam') as 'zorgteam' | 'school',
				statuses: new Set(ctx.getNodeParameter('groupStatuses', 0, ['overdue', 'due_soon']) as CaseStatus[]),
				perOutput: VERSIONS.has(ctx.getNode(), 'groupPerOutput'),
			}
		: undefined;
	return { clock, alertOnce, maxRemembered, outbox, grouping, outputField, language, privacy };
}
