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
import { IdentifyingData, minimiseOutput } from '../../shared/privacy';
import type { ClockSettings } from '../clock.settings';
import { readCheckCasesSettings, type CheckCasesSettings } from './checkCases.settings';
import { AlertOnceResult, claimAlerts } from '../alertOnce';
import { claimThroughOutbox, DELIVERY_FIELD, OutboxResult } from '../outbox';
import { missingRecipientHint, ungroupedHint } from '../../shared/hints';
import { errorDetails } from '../../shared/errors';
import { isSharedMemoryError } from '../../shared/store';

export { description } from './checkCases.settings';

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
	const run = readCheckCasesSettings(ctx, input);
	const { alertOnce, outputField, privacy, clock: settings } = run;
	const grouped = run.grouping !== undefined;
	const outputCount = alertOnce ? 5 : 4;

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
			maxCases: run.maxRemembered,
			now: Date.now(),
		};
		const claim = async () => {
			if (run.outbox) {
				outbox = await claimThroughOutbox(ctx, observed, { ...claimSettings, ...run.outbox });
				memory = outbox;
			} else memory = await claimAlerts(ctx, observed, claimSettings);
		};
		if (ctx.continueOnFail()) {
			// only the shared memory's failure becomes the error item; anything else stops the run as before
			const failure = await claim().then(
				() => undefined,
				(error: unknown) => (isSharedMemoryError(error) ? error : Promise.reject(error)),
			);
			if (failure) return memoryFailure(failure, outputCount, run.language);
		} else await claim();
	}
	const withDelivery = (json: IDataObject, cases: CaseCheck[]): IDataObject => {
		const delivery = outbox?.delivery(cases);
		return delivery ? { ...json, [DELIVERY_FIELD]: delivery as unknown as IDataObject } : json;
	};
	const changed = (check: CaseCheck) => (memory ? memory.changed(check.caseRef, check.status) : true);

	// the language of the grouped e-mail and of the error in words on error items
	const messageLanguage = run.language;
	// errors name the row and, where the case has one, its pseudonymous case reference
	const caseReference = (json: IDataObject) => safeCaseReference(input.read(json, settings.spec.fields.caseRef));
	let result: INodeExecutionData[][];
	if (!run.grouping) {
		result = mapItems(ctx, outputCount, (item) => {
			if (!applies(item)) return { json: notApplicable(item), output: OUTPUT.closed };
			const check = evaluate(item);
			const json = { ...item.json, [outputField]: caseOutput(check, settings.spec) as unknown as IDataObject };
			const output = changed(check) ? outputFor(check.status) : OUTPUT.unchanged;
			recipients.add(check, output);
			return { json: output === OUTPUT.unchanged ? json : withDelivery(json, [check]), output };
		}, privacy, input, undefined, { messageLanguage, caseReference });
	} else {
		result = groupedOutputs(ctx, input, settings, run.grouping, messageLanguage, outputCount, (item) => (applies(item) ? evaluate(item) : null), changed, outputField, notApplicable, privacy, recipients, withDelivery);
	}
	if (outbox && run.outbox) for (const hint of outboxHints(ctx, outbox, run.outbox.confirmed)) ctx.addExecutionHints(hint);

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

/**
 * The run's outputs when the shared memory failed and the node continues on fail: one error item and no case.
 * Thrown instead, n8n would pass the node's input items on to its first output (Overdue) — under "Continue
 * (using error output)" too —, so the raw case rows would reach the alert mail (measured in queue mode: Send Email
 * "No recipients defined", the memory's failure hidden). The item carries only `error` and `details` (no
 * paired item: n8n would merge a case row into it): under "Continue (using error output)" n8n moves it to the
 * error output; under "Continue" it stays on the first output, as every error item does.
 */
function memoryFailure(error: unknown, outputCount: number, language: Language): INodeExecutionData[][] {
	const outputs: INodeExecutionData[][] = Array.from({ length: outputCount }, () => []);
	outputs[0].push({ json: { error: (error as Error).message, details: errorDetails(error, language) } });
	return outputs;
}

function groupedOutputs(
	ctx: IExecuteFunctions,
	input: InputReader,
	settings: ClockSettings,
	grouping: NonNullable<CheckCasesSettings['grouping']>,
	language: Language,
	outputCount: number,
	evaluate: (item: INodeExecutionData) => CaseCheck | null,
	changed: (check: CaseCheck) => boolean,
	outputField: string,
	notApplicable: (item: INodeExecutionData) => IDataObject,
	privacy: IdentifyingData | undefined,
	recipients: RecipientTally,
	withDelivery: (json: IDataObject, cases: CaseCheck[]) => IDataObject,
): INodeExecutionData[][] {
	const { groupBy, statuses: groupStatuses } = grouping;
	const caseReference = (json: IDataObject) => safeCaseReference(input.read(json, settings.spec.fields.caseRef));
	const parsed = parseItems(ctx, evaluate, privacy, input, { messageLanguage: language, caseReference });
	const outputs: INodeExecutionData[][] = Array.from({ length: outputCount }, () => []);
	for (const f of parsed.failed) outputs[0].push(f); // not a spread: every row of a 100k list may fail

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
	const splitBy = grouping.perOutput ? outputFor : undefined;
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
function outboxHints(ctx: IExecuteFunctions, outbox: OutboxResult, confirmed: ReadonlySet<string>): NodeExecutionHint[] {
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
	if (!confirmStep && confirmed.size > 0) {
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
