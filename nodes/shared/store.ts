/**
 * The package's shared memory, kept in n8n's built-in Data Tables (issue 10).
 *
 * Why Data Tables: they live in n8n's own database (SQLite or PostgreSQL), so the main instance and
 * every queue-mode worker read and write the same rows, and every insert, read and delete is its
 * own database statement — unlike workflow static data, which a worker loads once per execution
 * and saves back whole.
 *
 * Why through the public API: n8n 2.41.1 gives nodes `this.helpers.getDataTableProxy`, but its
 * proxy refuses every node type except n8n's own Data Table and Evaluation nodes ("This proxy is
 * only available for Data table nodes", modules/data-table/data-table-proxy.service.js), and trigger
 * nodes get no proxy at all. n8n's public REST API (/api/v1/data-tables) reaches the same tables
 * with an API key — credential `sharedMemoryApi` — with no runtime dependency, from the main
 * instance (triggers) and from workers alike.
 *
 * This file is the thin I/O adapter; what to insert and which claim wins is decided by the pure
 * core (domain/deadlines/alertMemory.ts). Tables are created on first use under fixed names; they
 * hold pseudonymous references (case references, BRIN codes, dates) only.
 */
import {
	DataTableFilter,
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestOptions,
	ITriggerFunctions,
	NodeOperationError,
	sleep,
} from 'n8n-workflow';

const storeFailures = new WeakSet<Error>();

/** Whether `error` says the shared memory could not be read or written (a trigger keeps running and retries on its next check). */
export function isSharedMemoryError(error: unknown): boolean {
	return error instanceof Error && storeFailures.has(error);
}

function storeFailure(error: NodeOperationError): NodeOperationError {
	storeFailures.add(error);
	return error;
}

/** The credential type of the shared memory. */
export const SHARED_MEMORY_CREDENTIAL = 'sharedMemoryApi';

export type ColumnType = 'string' | 'number' | 'boolean' | 'date';

export interface TableSpec {
	name: string;
	columns: Array<{ name: string; type: ColumnType }>;
}

/** A row as read back: the table's columns plus `id` (increasing with insertion) and `createdAt` (epoch ms). */
export type StoredRow = IDataObject & { id: number; createdAt: number };

const PAGE = 250; // the public API's maximum page size
const DELETE_BATCH = 100;
const READ_TRIES = 3;
/**
 * Waits before asking again when n8n answered 503 or 429: it did not handle the request. n8n answers 503
 * "Database is not ready!" to every request, before any route runs, while its database monitor finds the
 * database unreachable or too busy (a ping every 2 s; measured in queue mode with ten runs at once:
 * a few seconds); 429 is a rate limit in front of n8n. Such a request changed nothing, so writes are
 * asked again too. 15.5 s in all.
 */
const NOT_HANDLED_WAITS_MS = [500, 1000, 2000, 4000, 8000];

/** Answers with which n8n (or a proxy in front of it) says it did not handle the request. */
function notHandled(status: number | undefined): boolean {
	return status === 503 || status === 429;
}

type HttpFailure = { httpCode?: string; status?: number; response?: { status?: number; data?: unknown; body?: unknown }; message?: string };

function statusOf(error: unknown): number | undefined {
	const e = error as HttpFailure;
	const code = Number(e.httpCode ?? e.response?.status ?? e.status);
	return Number.isFinite(code) && code > 0 ? code : undefined;
}

/** n8n's own words in an error answer (`{"message": "Database is not ready!"}`), if any. */
function answerMessage(error: unknown): string | undefined {
	const e = error as HttpFailure;
	for (const body of [e.response?.data, e.response?.body]) {
		const parsed = typeof body === 'string' ? (() => { try { return JSON.parse(body) as unknown; } catch { return undefined; } })() : body;
		const message = (parsed as { message?: unknown } | undefined)?.message;
		if (typeof message === 'string' && message) return message.slice(0, 200);
	}
	return undefined;
}

type Ctx = IExecuteFunctions | ITriggerFunctions;

export interface Api {
	/** e.g. http://localhost:5678/api/v1 */
	base: string;
	key: string;
}

function toMs(value: unknown): number {
	if (value instanceof Date) return value.getTime();
	if (typeof value === 'number') return value;
	const ms = Date.parse(String(value));
	return Number.isFinite(ms) ? ms : 0;
}

function toRow(raw: IDataObject): StoredRow {
	return { ...raw, id: Number(raw.id), createdAt: toMs(raw.createdAt) };
}

/** n8n's filter for rows matching every `column = value` pair. */
function whereFilter(where: Record<string, string | number>): DataTableFilter {
	return { type: 'and', filters: Object.entries(where).map(([columnName, value]) => ({ columnName, condition: 'eq', value })) };
}

/** Whether the node has a shared-memory credential selected. */
export function hasSharedMemory(ctx: Ctx): boolean {
	return Boolean(ctx.getNode().credentials?.[SHARED_MEMORY_CREDENTIAL]);
}

/** One Data Table of the shared memory, opened (and created on first use) through n8n's public API. */
export class SharedTable {
	private constructor(
		private readonly ctx: Ctx,
		private readonly api: Api,
		readonly id: string,
	) {}

	/**
	 * One call to n8n's public API. The API key is read once (getCredentials) and sent as a plain
	 * header: a trigger's cron callback runs outside n8n's expression context, where the credential's
	 * own `authenticate` expression cannot be relied on (measured: requests from a tick failed, the same requests at activation and in executions worked).
	 */
	static async request(ctx: Ctx, api: Api, options: Omit<IHttpRequestOptions, 'url'> & { path: string; notFound?: 'undefined' }): Promise<unknown> {
		const { path, notFound, ...rest } = options;
		// Reads are retried (n8n's database can be busy for a moment); writes are not (an insert that
		// did commit would then count twice) — unless n8n answered that it did not handle the request
		// (503, 429: NOT_HANDLED_WAITS_MS), which every request may ask again.
		const tries = rest.method === 'GET' ? READ_TRIES : 1;
		let failures = 0;
		let waits = 0;
		for (;;) {
			try {
				return await ctx.helpers.httpRequest({
					...rest,
					url: `${api.base}${path}`,
					headers: { 'X-N8N-API-KEY': api.key },
					json: true,
				});
			} catch (error) {
				const status = statusOf(error);
				if (notFound === 'undefined' && status === 404) return undefined;
				if (notHandled(status) && waits < NOT_HANDLED_WAITS_MS.length) {
					await sleep(NOT_HANDLED_WAITS_MS[waits++]);
					continue;
				}
				if (!notHandled(status) && ++failures < tries) {
					await sleep(500 * failures);
					continue;
				}
				const said = answerMessage(error);
				const message = String((error as HttpFailure).message ?? '').slice(0, 200);
				throw storeFailure(new NodeOperationError(ctx.getNode(), `The shared memory (n8n Data Tables through the n8n API) did not answer as expected${status ? ` (HTTP ${status})` : ''}${said ? `: ${said}` : ''}`, {
					description:
						`${rest.method ?? 'GET'} ${path}: ${message}${said && !message.includes(said) ? ` (${said})` : ''}. ` +
						(notHandled(status)
							? `n8n did not handle the request, also after asking again for ${NOT_HANDLED_WAITS_MS.reduce((a, b) => a + b, 0) / 1000} s. ` +
								'503 "Database is not ready!": n8n could not reach its database in time; in queue mode give the main instance more database connections (DB_POSTGRESDB_POOL_SIZE, see "Running at scale" in the package documentation). 429: a rate limit in front of n8n.'
							: 'Check the "Jeugdhulp Shared Memory API" credential: the API URL must reach this n8n from the main instance and every worker (ending in /api/v1), and the API key needs the dataTable and dataTableRow scopes.'),
				}));
			}
		}
	}

	/** The n8n API the shared-memory credential names. */
	static async api(ctx: Ctx): Promise<Api> {
		const credentials: ICredentialDataDecryptedObject = await ctx.getCredentials(SHARED_MEMORY_CREDENTIAL);
		return { base: String(credentials.baseUrl ?? '').replace(/\/+$/, ''), key: String(credentials.apiKey ?? '') };
	}

	/** Open the table `spec.name`, creating it when it does not exist yet. */
	static async open(ctx: Ctx, spec: TableSpec): Promise<SharedTable> {
		const api = await SharedTable.api(ctx);
		const find = async () => {
			const res = (await SharedTable.request(ctx, api, {
				method: 'GET',
				path: '/data-tables',
				qs: { filter: JSON.stringify({ name: spec.name }), limit: 10 },
			})) as { data?: Array<{ id: string; name: string }> };
			return (res.data ?? []).find((t) => t.name === spec.name);
		};
		let table = await find();
		if (!table) {
			try {
				table = (await SharedTable.request(ctx, api, { method: 'POST', path: '/data-tables', body: spec })) as { id: string; name: string };
			} catch (error) {
				// Another execution created it at the same moment (names are unique per project): use theirs.
				table = await find();
				if (!table) throw new NodeOperationError(ctx.getNode(), error as Error);
			}
		}
		return new SharedTable(ctx, api, table.id);
	}

	/**
	 * All rows matching every `column = value` pair, in id order. Read page by page after the last id seen
	 * (`id > last`, n8n orders by id), not with the API's cursor: the cursor is an offset, and n8n 2.41.1 runs
	 * each page as OFFSET plus a COUNT(*) over the whole filter, so reading 50,000 rows took 200 pages of
	 * growing cost (29 s in `npm run bench:workflows`); after the last id each page starts where the previous
	 * one ended.
	 */
	async rows(where: Record<string, string>): Promise<StoredRow[]> {
		const out: StoredRow[] = [];
		let last = 0;
		for (;;) {
			const filter = whereFilter(where);
			if (last > 0) filter.filters.push({ columnName: 'id', condition: 'gt', value: last });
			const res = (await SharedTable.request(this.ctx, this.api, {
				method: 'GET',
				path: `/data-tables/${this.id}/rows`,
				qs: { filter: JSON.stringify(filter), limit: PAGE },
			})) as { data?: IDataObject[] };
			const page = (res.data ?? []).map(toRow);
			for (const row of page) {
				out.push(row);
				if (row.id > last) last = row.id;
			}
			if (page.length < PAGE) break;
		}
		return out.sort((a, b) => a.id - b.id);
	}

	/**
	 * Insert rows in one request (one database transaction) and return the number inserted. n8n inserts them in
	 * bulk (`returnType` count: 800 values a statement); `insert`, which returns the rows, takes one statement per
	 * row (and on SQLite one more to read it back): 25,000 rows took about 34 s that way in n8n 2.41.1
	 * (modules/data-table/data-table-rows.repository.js `insertRows`), in one transaction that holds one of the
	 * main instance's database connections meanwhile (in queue mode, what made n8n answer 503: docs/running-at-scale.md).
	 */
	async insertMany(rows: IDataObject[]): Promise<number> {
		if (!rows.length) return 0;
		const res = (await SharedTable.request(this.ctx, this.api, {
			method: 'POST',
			path: `/data-tables/${this.id}/rows`,
			body: { data: rows, returnType: 'count' },
		})) as { insertedRows?: number } | undefined;
		return Number(res?.insertedRows ?? rows.length);
	}

	/** Insert rows in one request (one database transaction); returns them with their ids (one statement per row: see `insertMany`). */
	async insert(rows: IDataObject[]): Promise<StoredRow[]> {
		if (!rows.length) return [];
		const res = (await SharedTable.request(this.ctx, this.api, {
			method: 'POST',
			path: `/data-tables/${this.id}/rows`,
			body: { data: rows, returnType: 'all' },
		})) as IDataObject[];
		return res.map(toRow);
	}

	/**
	 * Set `data` on every row matching all `column = value` pairs, in one statement; returns the rows it changed.
	 * A compare-and-set: of two requests that match the same row with the same old value, the database lets
	 * one change it (PostgreSQL: row lock, the second re-checks its condition and matches nothing; SQLite: one
	 * writer at a time). Not retried (an update that did commit must not count twice). Needs the
	 * `dataTableRow:update` scope.
	 */
	async updateWhere(where: Record<string, string | number>, data: IDataObject): Promise<StoredRow[]> {
		const filter = whereFilter(where);
		const res = await SharedTable.request(this.ctx, this.api, {
			method: 'PATCH',
			path: `/data-tables/${this.id}/rows/update`,
			body: { filter, data, returnData: true },
		});
		return (Array.isArray(res) ? (res as IDataObject[]) : []).map(toRow);
	}

	/** Delete the rows matching every `column = value` pair, in one statement. */
	async deleteWhere(where: Record<string, string | number>): Promise<void> {
		const filter = whereFilter(where);
		await SharedTable.request(this.ctx, this.api, { method: 'DELETE', path: `/data-tables/${this.id}/rows/delete`, qs: { filter: JSON.stringify(filter) } });
	}

	/** Delete rows by id. */
	async delete(ids: number[]): Promise<void> {
		for (let i = 0; i < ids.length; i += DELETE_BATCH) {
			const filter: DataTableFilter = { type: 'or', filters: ids.slice(i, i + DELETE_BATCH).map((id) => ({ columnName: 'id', condition: 'eq', value: id })) };
			await SharedTable.request(this.ctx, this.api, { method: 'DELETE', path: `/data-tables/${this.id}/rows/delete`, qs: { filter: JSON.stringify(filter) } });
		}
	}
}
