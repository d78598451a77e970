/**
 * Check Cases: per case deadline, days elapsed and left, status; routed to one output per status group.
 * Options: alert only on status change (shared memory in a Data Table, ./alertOnce.ts), group per recipient (ready e-mail text).
 */
import { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties, NodeExecutionHint } from 'n8n-workflow';

import { formatIsoDate } from '../../../domain/primitives/dates';
import {
	CaseCheck,
	caseOutput,
	CaseStatus,
	checkCase,
	hasClockStart,
	groupPerRecipient,
	Language,
	notApplicableOutput,
	safeCaseReference,
} from '../../../domain/deadlines';
import { DateSpan } from '../../../domain/calendar';
import { mapItems, parseItems } from '../../shared/execution';
import { InputReader, openInput } from '../../shared/input';
import { IdentifyingData, minimiseOutput, readIdentifyingData } from '../../shared/privacy';
import { readSettings, SharedSettings } from '../parameters';
import { AlertOnceResult, claimAlerts } from '../alertOnce';
import { claimThroughOutbox, DELIVERY_FIELD, OutboxResult } from '../outbox';
import { missingRecipientHint, ungroupedHint } from '../../shared/hints';
import { VERSIONS } from '../versions';
import { refuseAsAiTool } from '../../shared/aiTool';
import { languageProperty } from '../../shared/language.description';

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

export const OUTPUT = { overdue: 0, dueSoon: 1, onTrack: 2, closed: 3, unchanged: 4 } as const;

export function outputFor(status: CaseStatus): number {
	switch (status) {
		case 'overdue':
			return OUTPUT.overdue;
		case 'due_soon':
			return OUTPUT.dueSoon;
		case 'on_track':
			return OUTPUT.onTrack;
		default:
			return OUTPUT.closed;
	}
}

const LOCAL_MEMORY_HINT: NodeExecutionHint = {
	type: 'warning',
	location: 'outputPane',
	message:
		'Alert Only on Status Change keeps its memory in this workflow\'s static data: two runs at the same moment, or n8n in queue mode, can send an alert twice. ' +
		'Select a "Jeugdhulp Shared Memory API" credential to keep it in n8n\'s Data Tables instead (docs/running-at-scale.md).',
};

/** Collects calendar gaps over all items for one execution hint. */
class GapTally {
	cases = 0;
	from = Infinity;
	to = -Infinity;
	add(gaps: DateSpan[]) {
		if (!gaps.length) return;
		this.cases++;
		for (const g of gaps) {
			if (g.start < this.from) this.from = g.start;
			if (g.end > this.to) this.to = g.end;
		}
	}
	hint(): NodeExecutionHint | undefined {
		if (!this.cases) return undefined;
		return {
			type: 'warning',
			location: 'outputPane',
			message:
				`The holiday calendar does not cover every date these clocks run through: ${this.cases} case(s) include days between ` +
				`${formatIsoDate(this.from)} and ${formatIsoDate(this.to)} that were counted as school days. ` +
				'Add the holidays for that period (Holiday Calendar: Pasted List) — see "calendarWarning" on those cases.',
		};
	}
}

/** Counts, for the e-mail hint, the cases sent to an alert output (Overdue, Due Soon) with and without an address. */
class RecipientTally {
	missing = 0;
	present = 0;
	add(check: CaseCheck, output: number) {
		if (output !== OUTPUT.overdue && output !== OUTPUT.dueSoon) return;
		if (check.recipientEmail === '') this.missing++;
		else this.present++;
	}
	/** Only when addresses are in use: grouping per recipient, or other alerted cases have one. */
	hint(grouped: boolean, column: string): NodeExecutionHint | undefined {
		return grouped || this.present > 0 ? missingRecipientHint(this.missing, column) : undefined;
	}
}

/** @param nodeProperties the node's parameter definitions (for names in messages about run-level parameters) */
export async function execute(ctx: IExecuteFunctions, nodeProperties: INodeProperties[]): Promise<INodeExecutionData[][]> {
	// Every parameter is read once per run; see docs/data-as-it-arrives.md.
	const input = openInput(ctx, { properties: nodeProperties });
	const alertOnce = ctx.getNodeParameter('alertOnce', 0, false) as boolean;
	if (alertOnce) refuseAsAiTool(ctx.getNode(), 'Alert Only on Status Change');
	const grouped = ctx.getNodeParameter('groupByRecipient', 0, false) as boolean;
	const settings = readSettings(ctx, input, { requireCaseRef: alertOnce || grouped, dueSoon: true });
	const outputField = ((ctx.getNodeParameter('options', 0, {}) as { outputField?: string }).outputField ?? '').trim() || 'deadline';
	const outputCount = alertOnce ? 5 : 4;
	const privacy = readIdentifyingData(ctx, VERSIONS);

	const gaps = new GapTally();
	const recipients = new RecipientTally();
	// With alert once, each item is judged once before routing (the claim round needs every status first).
	const judged = new WeakMap<INodeExecutionData, CaseCheck>();
	// One reader for the run, pointed at the item being judged (a closure per item was garbage per case).
	let current: IDataObject = {};
	const read = (field: string) => input.read(current, field);
	const evaluate = (item: INodeExecutionData): CaseCheck => {
		if (alertOnce) {
			const cached = judged.get(item);
			if (cached) return cached;
		}
		const json = item.json;
		current = json;
		const check = checkCase(read, settings.spec, settings.calendarFor(json));
		gaps.add(check.uncovered);
		if (alertOnce) judged.set(item, check);
		return check;
	};

	const applies = (item: INodeExecutionData) =>
		!settings.passWithoutClockStart || hasClockStart(input.reader(item.json), settings.spec);
	const notApplicable = (item: INodeExecutionData): IDataObject => ({
		...item.json,
		[outputField]: notApplicableOutput(settings.spec) as unknown as IDataObject,
	});

	let memory: AlertOnceResult | undefined;
	let outbox: OutboxResult | undefined;
	if (alertOnce) {
		const observed: Array<{ caseRef: string; status: string }> = [];
		for (const item of ctx.getInputData()) {
			try {
				if (!applies(item)) continue;
				const check = evaluate(item);
				observed.push({ caseRef: check.caseRef, status: check.status });
			} catch {
				// judged again (and reported per item) when routing
			}
		}
		const claimSettings = {
			// Manual test runs compare with what production runs remembered, but do not change it.
			remember: ctx.getMode() !== 'manual',
			maxCases: ctx.getNodeParameter('maxRemembered', 0, 50000) as number,
			now: Date.now(),
		};
		if (VERSIONS.has(ctx.getNode(), 'deliveryOutbox')) {
			outbox = await claimThroughOutbox(ctx, observed, {
				...claimSettings,
				resendAfterMs: (ctx.getNodeParameter('resendAfterMinutes', 0, 10) as number) * 60_000,
				confirmed: new Set(ctx.getNodeParameter('confirmStatuses', 0, ['overdue', 'due_soon']) as string[]),
			});
			memory = outbox;
		} else memory = await claimAlerts(ctx, observed, claimSettings);
	}
	const withDelivery = (json: IDataObject, cases: CaseCheck[]): IDataObject => {
		const delivery = outbox?.delivery(cases);
		return delivery ? { ...json, [DELIVERY_FIELD]: delivery as unknown as IDataObject } : json;
	};
	const changed = (check: CaseCheck) => (memory ? memory.changed(check.caseRef, check.status) : true);

	// the language of the grouped e-mail and of the error in words on error items
	const messageLanguage = ctx.getNodeParameter('language', 0, 'nl') as Language;
	// errors name the row and, where the case has one, its pseudonymous case reference
	const caseReference = (json: IDataObject) => safeCaseReference(input.read(json, settings.spec.fields.caseRef));
	let result: INodeExecutionData[][];
	if (!grouped) {
		result = mapItems(ctx, outputCount, (item) => {
			if (!applies(item)) return { json: notApplicable(item), output: OUTPUT.closed };
			const check = evaluate(item);
			const json = { ...item.json, [outputField]: caseOutput(check, settings.spec) as unknown as IDataObject };
			const output = changed(check) ? outputFor(check.status) : OUTPUT.unchanged;
			recipients.add(check, output);
			return { json: output === OUTPUT.unchanged ? json : withDelivery(json, [check]), output };
		}, privacy, input, undefined, { messageLanguage, caseReference });
	} else {
		result = groupedOutputs(ctx, input, settings, outputCount, (item) => (applies(item) ? evaluate(item) : null), changed, outputField, notApplicable, privacy, recipients, withDelivery);
	}
	if (outbox) for (const hint of outboxHints(ctx, outbox)) ctx.addExecutionHints(hint);

	memory?.finish();
	const hint = gaps.hint();
	if (hint) ctx.addExecutionHints(hint);
	const noAddress = recipients.hint(grouped, settings.spec.fields.recipientEmail);
	if (noAddress) ctx.addExecutionHints(noAddress);
	const perCase = grouped ? undefined : ungroupedHint(recipients.missing + recipients.present, outputField);
	if (perCase) ctx.addExecutionHints(perCase);
	if (memory?.local) ctx.addExecutionHints(LOCAL_MEMORY_HINT);
	input.finish();
	return result;
}

function groupedOutputs(
	ctx: IExecuteFunctions,
	input: InputReader,
	settings: SharedSettings,
	outputCount: number,
	evaluate: (item: INodeExecutionData) => CaseCheck | null,
	changed: (check: CaseCheck) => boolean,
	outputField: string,
	notApplicable: (item: INodeExecutionData) => IDataObject,
	privacy: IdentifyingData | undefined,
	recipients: RecipientTally,
	withDelivery: (json: IDataObject, cases: CaseCheck[]) => IDataObject,
): INodeExecutionData[][] {
	const groupBy = ctx.getNodeParameter('groupBy', 0, 'zorgteam') as 'zorgteam' | 'school';
	const language = ctx.getNodeParameter('language', 0, 'nl') as Language;
	const groupStatuses = new Set(ctx.getNodeParameter('groupStatuses', 0, ['overdue', 'due_soon']) as CaseStatus[]);
	const caseReference = (json: IDataObject) => safeCaseReference(input.read(json, settings.spec.fields.caseRef));
	const parsed = parseItems(ctx, evaluate, privacy, input, { messageLanguage: language, caseReference });
	const outputs: INodeExecutionData[][] = Array.from({ length: outputCount }, () => []);
	outputs[0].push(...parsed.failed);

	const items = ctx.getInputData();
	const single = (check: CaseCheck, itemIndex: number, output: number) => {
		recipients.add(check, output);
		const json = minimiseOutput(privacy, { ...items[itemIndex].json, [outputField]: caseOutput(check, settings.spec) as unknown as IDataObject }, itemIndex);
		outputs[output].push({ json: output === OUTPUT.unchanged ? json : withDelivery(json, [check]), pairedItem: { item: itemIndex } });
	};
	const toGroup: Array<{ check: CaseCheck; member: number }> = [];
	for (const { value: check, itemIndex } of parsed.ok) {
		if (check === null) {
			outputs[OUTPUT.closed].push({ json: minimiseOutput(privacy, notApplicable(items[itemIndex]), itemIndex), pairedItem: { item: itemIndex } });
		} else if (!changed(check)) {
			single(check, itemIndex, OUTPUT.unchanged);
		} else if (!groupStatuses.has(check.status)) {
			single(check, itemIndex, outputFor(check.status));
		} else {
			recipients.add(check, outputFor(check.status));
			toGroup.push({ check, member: itemIndex });
		}
	}
	const { spec } = settings;
	// Version 1.2: one group per recipient on each output its cases leave on; before: one group on its most urgent output.
	const splitBy = VERSIONS.has(ctx.getNode(), 'groupPerOutput') ? outputFor : undefined;
	const checkOf = new Map(toGroup.map((g) => [g.member, g.check]));
	for (const group of groupPerRecipient(toGroup, { groupBy, language, rule: spec.rule, reference: spec.reference, splitBy, markUncertain: spec.markUncertain })) {
		outputs[outputFor(group.status)].push({
			json: withDelivery(group.summary as unknown as IDataObject, group.members.map((m) => checkOf.get(m)!)),
			pairedItem: group.members.map((item) => ({ item })),
		});
	}
	return outputs;
}

/** What the outbox noticed (counts only): alerts held back or re-sent, and a missing Confirm Delivery step. */
function outboxHints(ctx: IExecuteFunctions, outbox: OutboxResult): NodeExecutionHint[] {
	const hints: NodeExecutionHint[] = [];
	if (outbox.resent) {
		hints.push({
			type: 'info',
			location: 'outputPane',
			message: `${outbox.resent} alert(s) sent again: an earlier run emitted them, but no Confirm Delivery step confirmed that their mail went out.`,
		});
	}
	if (outbox.inFlight) {
		hints.push({
			type: 'info',
			location: 'outputPane',
			message: `${outbox.inFlight} alert(s) wait for confirmation from a run that emitted them recently (less than "Resend Unconfirmed After" ago): not sent again yet.`,
		});
	}
	const node = ctx.getNode();
	const confirmStep = ctx
		.getChildNodes(node.name, { includeNodeParameters: true })
		.some((n) => n.type === node.type && n.parameters?.operation === 'confirmDelivery');
	if (!confirmStep && (ctx.getNodeParameter('confirmStatuses', 0, []) as string[]).length) {
		hints.push({
			type: 'warning',
			location: 'outputPane',
			message:
				'No Deadline Monitor "Confirm Delivery" step follows this node: alerts are never confirmed and are sent again by every run. ' +
				'Add one after your Send Email node, or empty "Confirm Delivery Of" (docs/deadline-monitor.md "Build the weekly alert yourself").',
		});
	}
	return hints;
}
