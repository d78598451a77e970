/**
 * A stand-in for the Data Table part of n8n's public API (/api/v1/data-tables), on a local port,
 * for engine tests of the shared memory (nodes/shared/store.ts). A unit aid only: the real
 * evidence is the end-to-end tests against n8n itself (SQLite and PostgreSQL).
 * Ids increase with insertion and every read sees every earlier write, as on SQLite — unless a test
 * calls `commitNextInsertAfter(ms)`: that insert takes its ids at once but its rows become visible
 * (and its response is sent) only `ms` later, as a slow transaction on PostgreSQL.
 * Implements: list/create tables (filter by name), list rows (and-filter eq or gt, ordered by id, limit,
 * cursor), insert rows (returnType count, id or all), update rows (and-filter eq, returnData), delete rows (and/or-filter eq);
 * and n8n's executions (`executions`, set by tests): list by workflowId (running ones only with
 * status=running for those marked `local`, as n8n 2.41.1 leaves out the running ones of its own process
 * otherwise; items without `deduplicationKey`), one by id (404 when absent; `data` with includeData).
 * Checks the API key header.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeRow {
	id: number;
	createdAt: string;
	updatedAt: string;
	[column: string]: unknown;
}

interface Filter {
	type: 'and' | 'or';
	filters: Array<{ columnName: string; condition: string; value: unknown }>;
}

function matches(row: FakeRow, filter?: Filter): boolean {
	if (!filter || !filter.filters.length) return true;
	const test = (f: Filter['filters'][number]) => {
		const v = row[f.columnName] as number;
		if (f.condition === 'eq') return v === f.value;
		if (f.condition === 'gt') return v > (f.value as number);
		throw new Error(`fake n8n API: condition ${f.condition} not implemented`);
	};
	return filter.type === 'or' ? filter.filters.some(test) : filter.filters.every(test);
}

/** An execution as n8n's public API shows it (the fields the package reads). */
export interface FakeExecution {
	id: string;
	workflowId: string;
	mode: string;
	status: string;
	deduplicationKey?: string | null;
	startedAt?: string | null;
	data?: { resultData: { runData: Record<string, Array<{ error?: unknown; executionStatus?: string }>> } };
	/** Left out of the list while running (n8n 2.41.1: the answering process runs it itself). */
	local?: boolean;
}

export class FakeN8nApi {
	readonly tables = new Map<string, { name: string; rows: FakeRow[] }>();
	/** n8n's executions (newest last); tests add and change them. */
	executions: FakeExecution[] = [];
	readonly requests: Array<{ method: string; path: string; query: string }> = [];
	/** Every row insert: how many rows and which returnType (n8n inserts row by row unless it is count). */
	readonly inserts: Array<{ rows: number; returnType: string }> = [];
	/** Current time of the fake database (rows' createdAt), settable by tests. */
	now = () => new Date();
	/**
	 * When set, every write (POST, PATCH, DELETE) is first answered 503 "Database is not ready!" without being
	 * handled, and handled when asked again — as n8n does while its database monitor finds the database too busy
	 * (abstract-server.js; queue mode under load).
	 */
	notReadyBeforeEachWrite = false;
	/** When set, every write is answered with this status (500: a database error) and not handled. */
	failWritesWith?: number;
	/** Requests answered 503 (for assertions). */
	notReadyAnswers = 0;
	private lastWriteRefused = false;
	private nextRowId = 1;
	private slowCommitMs?: number;
	private server?: http.Server;
	baseUrl = '';

	constructor(readonly apiKey = 'test-api-key') {}

	/** Rows of a table by name (for assertions). */
	rows(name: string): FakeRow[] {
		return [...this.tables.values()].find((t) => t.name === name)?.rows ?? [];
	}

	/** Rows put straight into a table (created when missing), as an earlier version of the package left them; ids in order. */
	seedRows(name: string, rows: Array<Record<string, unknown>>, createdAt: Date): void {
		let table = [...this.tables.values()].find((t) => t.name === name);
		if (!table) {
			table = { name, rows: [] };
			this.tables.set(`dt${this.tables.size + 1}`, table);
		}
		const at = createdAt.toISOString();
		for (const r of rows) table.rows.push({ ...r, id: this.nextRowId++, createdAt: at, updatedAt: at });
	}

	/** The next row insert takes its ids now and commits (becomes visible, answers) `ms` later. */
	commitNextInsertAfter(ms: number): void {
		this.slowCommitMs = ms;
	}

	/** Credentials for the harness: `{ sharedMemoryApi: fake.credentials() }`. */
	credentials() {
		return { baseUrl: this.baseUrl, apiKey: this.apiKey };
	}

	async start(): Promise<this> {
		this.server = http.createServer((req, res) => {
			let body = '';
			req.on('data', (c) => (body += c));
			req.on('end', () => {
				try {
					if (this.failWritesWith && req.method !== 'GET') {
						res.writeHead(this.failWritesWith, { 'content-type': 'application/json' });
						res.end(JSON.stringify({ message: 'Internal Server Error' }));
						return;
					}
					if (this.notReadyBeforeEachWrite && req.method !== 'GET') {
						this.lastWriteRefused = !this.lastWriteRefused;
						if (this.lastWriteRefused) {
							this.notReadyAnswers++;
							res.writeHead(503, { 'content-type': 'application/json' });
							res.end(JSON.stringify({ code: 503, message: 'Database is not ready!' }));
							return;
						}
					}
					const { status, json, commit } = this.handle(req, body);
					const answer = () => {
						commit?.();
						res.writeHead(status, { 'content-type': 'application/json' });
						res.end(JSON.stringify(json));
					};
					const delay = commit ? this.slowCommitMs : undefined;
					if (commit) this.slowCommitMs = undefined;
					if (delay === undefined) answer();
					else setTimeout(answer, delay);
				} catch (error) {
					res.writeHead(500, { 'content-type': 'application/json' });
					res.end(JSON.stringify({ message: (error as Error).message }));
				}
			});
		});
		await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
		this.baseUrl = `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}/api/v1`;
		return this;
	}

	async stop(): Promise<void> {
		await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
	}

	private handle(req: http.IncomingMessage, body: string): { status: number; json: unknown; commit?: () => void } {
		const url = new URL(req.url ?? '/', 'http://localhost');
		const method = req.method ?? 'GET';
		this.requests.push({ method, path: url.pathname, query: decodeURIComponent(url.search) });
		// Only checked when the harness authenticates requests (the real n8n always checks it).
		const key = req.headers['x-n8n-api-key'];
		if (key !== undefined && key !== this.apiKey) return { status: 401, json: { message: 'unauthorized' } };
		const parts = url.pathname.replace(/^\/api\/v1\//, '').split('/');
		const q = (name: string) => url.searchParams.get(name) ?? undefined;
		if (parts[0] === 'executions') {
			const plain = ({ data, local, ...e }: FakeExecution, withData: boolean) => (withData && data ? { ...e, data } : e);
			if (parts.length === 2 && method === 'GET') {
				const found = this.executions.find((e) => e.id === parts[1]);
				return found ? { status: 200, json: plain(found, q('includeData') === 'true') } : { status: 404, json: { message: 'Not Found' } };
			}
			if (parts.length === 1 && method === 'GET') {
				const running = q('status') === 'running';
				const data = this.executions
					.filter((e) => (q('workflowId') === undefined || e.workflowId === q('workflowId')) && (running ? e.status === 'running' : !(e.status === 'running' && e.local)))
					.reverse()
					// n8n 2.41.1's list items carry no deduplicationKey (one execution read by id does)
					.map(({ deduplicationKey, ...e }) => plain(e, false));
				return { status: 200, json: { data, nextCursor: null } };
			}
		}
		if (parts[0] !== 'data-tables') return { status: 404, json: { message: 'not found' } };
		if (parts.length === 1 && method === 'GET') {
			const name = q('filter') ? (JSON.parse(q('filter')!) as { name?: string }).name : undefined;
			const data = [...this.tables.entries()].filter(([, t]) => name === undefined || t.name === name).map(([id, t]) => ({ id, name: t.name }));
			return { status: 200, json: { data, nextCursor: null } };
		}
		if (parts.length === 1 && method === 'POST') {
			const spec = JSON.parse(body) as { name: string };
			if ([...this.tables.values()].some((t) => t.name === spec.name)) return { status: 409, json: { message: 'name taken' } };
			const id = `dt${this.tables.size + 1}`;
			this.tables.set(id, { name: spec.name, rows: [] });
			return { status: 201, json: { id, name: spec.name } };
		}
		const table = this.tables.get(parts[1]);
		if (!table) return { status: 404, json: { message: 'no such table' } };
		const rest = parts.slice(2).join('/');
		if (rest === 'rows' && method === 'GET') {
			let offset = 0;
			let limit = 100;
			let filter: Filter | undefined;
			const cursor = q('cursor');
			if (cursor) ({ offset, limit, filter } = JSON.parse(Buffer.from(cursor, 'base64').toString()) as { offset: number; limit: number; filter?: Filter });
			else {
				limit = Math.min(Number(q('limit') ?? 100), 250);
				filter = q('filter') ? (JSON.parse(q('filter')!) as Filter) : undefined;
			}
			const all = table.rows.filter((r) => matches(r, filter)).sort((a, b) => a.id - b.id);
			const data = all.slice(offset, offset + limit);
			const next = offset + limit < all.length ? Buffer.from(JSON.stringify({ offset: offset + limit, limit, filter })).toString('base64') : null;
			return { status: 200, json: { data, nextCursor: next } };
		}
		if (rest === 'rows' && method === 'POST') {
			// n8n's default returnType is count (modules/data-table/data-table.service.js insertRows)
			const { data, returnType = 'count' } = JSON.parse(body) as { data: Array<Record<string, unknown>>; returnType?: 'count' | 'id' | 'all' };
			const at = this.now().toISOString();
			const added = data.map((r) => ({ ...r, id: this.nextRowId++, createdAt: at, updatedAt: at }));
			this.inserts.push({ rows: added.length, returnType });
			const json = returnType === 'all' ? added : returnType === 'id' ? added.map((r) => ({ id: r.id })) : { success: true, insertedRows: added.length };
			return { status: 200, json, commit: () => table.rows.push(...added) };
		}
		if (rest === 'rows/update' && method === 'PATCH') {
			// one statement: every matching row changes at once (the compare-and-set the outbox's head relies on)
			const { filter, data, returnData } = JSON.parse(body) as { filter: Filter; data: Record<string, unknown>; returnData?: boolean };
			const hit = table.rows.filter((r) => matches(r, filter));
			const at = this.now().toISOString();
			for (const r of hit) Object.assign(r, data, { updatedAt: at });
			return { status: 200, json: returnData ? hit.map((r) => ({ ...r })) : true };
		}
		if (rest === 'rows/delete' && method === 'DELETE') {
			const filter = JSON.parse(q('filter') ?? '{"type":"and","filters":[]}') as Filter;
			const gone = table.rows.filter((r) => matches(r, filter));
			table.rows = table.rows.filter((r) => !gone.includes(r));
			return { status: 200, json: true };
		}
		return { status: 404, json: { message: `not implemented: ${method} ${rest}` } };
	}
}
