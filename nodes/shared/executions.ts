/**
 * n8n's executions as its public API reports them (`/api/v1/executions`), read with the shared-memory
 * credential (issue 23 part 3): how the Semiannual Evaluation Trigger learns whether the execution of
 * a fired moment is still running, finished, or died — also when it runs on a queue-mode worker while
 * the main instance restarted. Read-only; the decisions are in domain/evaluation/runs.ts.
 *
 * The API key needs the `execution:read` and `execution:list` scopes besides the Data Table ones.
 * Note on n8n 2.41.1 (public-api/v1/controllers/executions.public.controller.js): the list leaves out
 * executions that the answering process itself is running, unless it is asked for `status=running`,
 * and its items have no `deduplicationKey`; one execution read by its id is always answered, with it.
 */
import { IDataObject, ITriggerFunctions } from 'n8n-workflow';

import type { NodeRunSummary } from '../../domain/evaluation';
import { Api, SharedTable } from './store';

export interface ExecutionSummary {
	id: string;
	workflowId: string;
	mode: string;
	status: string;
	/** the key the trigger gave the execution (emit's deduplicationKey), null for others */
	deduplicationKey?: string | null;
	/** epoch ms, when n8n set it */
	startedAt?: number;
	/** runs per node name (only when read with data) */
	runData?: Record<string, NodeRunSummary[]>;
}

function toMs(value: unknown): number | undefined {
	if (value === null || value === undefined || value === '') return undefined;
	const ms = typeof value === 'number' ? value : Date.parse(String(value));
	return Number.isFinite(ms) ? ms : undefined;
}

function summary(raw: IDataObject): ExecutionSummary {
	const data = raw.data as { resultData?: { runData?: Record<string, NodeRunSummary[]> } } | undefined;
	const out: ExecutionSummary = {
		id: String(raw.id),
		workflowId: String(raw.workflowId ?? ''),
		mode: String(raw.mode ?? ''),
		status: String(raw.status ?? (raw.finished ? 'success' : 'unknown')),
	};
	if (typeof raw.deduplicationKey === 'string') out.deduplicationKey = raw.deduplicationKey;
	const startedAt = toMs(raw.startedAt);
	if (startedAt !== undefined) out.startedAt = startedAt;
	if (data?.resultData?.runData) out.runData = data.resultData.runData;
	return out;
}

export class N8nExecutions {
	private constructor(
		private readonly ctx: ITriggerFunctions,
		private readonly api: Api,
	) {}

	static async open(ctx: ITriggerFunctions): Promise<N8nExecutions> {
		return new N8nExecutions(ctx, await SharedTable.api(ctx));
	}

	/** One execution by id (with its node runs when `withData`); undefined when n8n no longer has it. */
	async get(id: string | number, withData = false): Promise<ExecutionSummary | undefined> {
		const raw = (await SharedTable.request(this.ctx, this.api, {
			method: 'GET',
			path: `/executions/${encodeURIComponent(String(id))}`,
			qs: { includeData: withData },
			notFound: 'undefined',
		})) as IDataObject | undefined;
		return raw && raw.id !== undefined ? summary(raw) : undefined;
	}

	/** One page of the workflow's executions (newest first): running ones, or all others. */
	private async page(workflowId: string, running: boolean, limit: number, cursor?: string): Promise<{ data: ExecutionSummary[]; next?: string }> {
		const qs: IDataObject = cursor ? { cursor } : running ? { workflowId, status: 'running', limit } : { workflowId, limit };
		const res = (await SharedTable.request(this.ctx, this.api, { method: 'GET', path: '/executions', qs })) as { data?: IDataObject[]; nextCursor?: string | null };
		return { data: (res.data ?? []).map(summary), next: res.nextCursor ?? undefined };
	}

	/**
	 * The workflow's running executions and its `max` newest others, in trigger mode; the first `detail`
	 * of them read one by one, since n8n 2.41.1's list leaves out `deduplicationKey` (one execution read by
	 * its id has it).
	 */
	async ofWorkflow(workflowId: string, max = 100, detail = 20): Promise<ExecutionSummary[]> {
		const out: ExecutionSummary[] = [...(await this.page(workflowId, true, 100)).data];
		let cursor: string | undefined;
		let read = 0;
		do {
			const page = await this.page(workflowId, false, 100, cursor);
			out.push(...page.data.filter((e) => !out.some((o) => o.id === e.id)));
			read += page.data.length;
			cursor = page.next;
		} while (cursor && read < max);
		const mine = out.filter((e) => e.mode === 'trigger');
		for (let i = 0; i < Math.min(detail, mine.length); i++) mine[i] = (await this.get(mine[i].id)) ?? mine[i];
		return mine;
	}

	/** The workflow's execution carrying this deduplication key, running or not (undefined: none yet, or none any more). */
	async byKey(workflowId: string, deduplicationKey: string): Promise<ExecutionSummary | undefined> {
		return (await this.ofWorkflow(workflowId)).find((e) => e.deduplicationKey === deduplicationKey);
	}
}
