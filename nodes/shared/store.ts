/**
 * The package's shared memory, kept in n8n's built-in Data Tables (issue 10).
 *
 * Why Data Tables: they live in n8n's own database (SQLite or PostgreSQL), so the main instance and
 * every queue-mode worker read and write the same rows, and each insert/read/delete is its own
 * database statement — unlike workflow static data, which a worker loads once per execution and
 * saves back whole. They need no runtime dependency and no credentials: a node reaches them through
 * `this.helpers.getDataTableProxy` / `getDataTableAggregateProxy` (IExecuteFunctions only — n8n
 * 2.41 does not offer them to trigger nodes).
 *
 * This file is the thin I/O adapter; what to insert and which claim wins is decided by the pure
 * core (domain/deadlines/alertMemory.ts). The tables are created on first use, in the project that
 * owns the workflow, under a fixed name; they hold pseudonymous case references and statuses only.
 */
import { IExecuteFunctions, IDataTableProjectService, NodeOperationError, DataTableFilter, DataTableRow } from 'n8n-workflow';

import { ClaimRow } from '../../domain/deadlines';

/** The Data Table holding "alert once per change" claims: one row per (node, case, status change). */
export const ALERT_MEMORY_TABLE = 'jeugdhulp_alert_memory';

const ALERT_COLUMNS = [
	{ name: 'scope', type: 'string' as const },
	{ name: 'caseRef', type: 'string' as const },
	{ name: 'status', type: 'string' as const },
];

const PAGE = 1000;
const DELETE_BATCH = 200;

/** Open (and on first use create) a Data Table by name in the workflow's project. */
export async function openTable(
	ctx: IExecuteFunctions,
	name: string,
	columns: Array<{ name: string; type: 'string' | 'number' | 'boolean' | 'date' }>,
): Promise<IDataTableProjectService> {
	const { getDataTableAggregateProxy, getDataTableProxy } = ctx.helpers;
	if (!getDataTableAggregateProxy || !getDataTableProxy) {
		throw new NodeOperationError(ctx.getNode(), 'This n8n offers no Data Tables, which "Alert Only on Status Change" keeps its memory in', {
			description: 'Use n8n 1.113 or newer with Data Tables enabled (they are on by default), or switch the option off.',
		});
	}
	const aggregate = await getDataTableAggregateProxy();
	const find = async () => (await aggregate.getManyAndCount({ filter: { name }, take: 10 })).data.find((t) => t.name === name);
	let table = await find();
	if (!table) {
		try {
			table = await aggregate.createDataTable({ name, columns });
		} catch (error) {
			// Another execution created it at the same moment (names are unique per project): use theirs.
			table = await find();
			if (!table) throw error;
		}
	}
	return await getDataTableProxy(table.id);
}

/** Open the alert-memory table. */
export async function openAlertMemory(ctx: IExecuteFunctions): Promise<IDataTableProjectService> {
	return await openTable(ctx, ALERT_MEMORY_TABLE, ALERT_COLUMNS);
}

function toMs(value: unknown): number {
	if (value instanceof Date) return value.getTime();
	if (typeof value === 'number') return value;
	const ms = Date.parse(String(value));
	return Number.isFinite(ms) ? ms : 0;
}

function eq(columnName: string, value: string | number): DataTableFilter['filters'][number] {
	return { columnName, condition: 'eq', value };
}

/** All claim rows of one scope (a node in a workflow), in id order. */
export async function readClaims(table: IDataTableProjectService, scope: string): Promise<ClaimRow[]> {
	const rows: ClaimRow[] = [];
	const filter: DataTableFilter = { type: 'and', filters: [eq('scope', scope)] };
	for (let skip = 0; ; skip += PAGE) {
		const page = await table.getManyRowsAndCount({ filter, sortBy: ['id', 'ASC'], take: PAGE, skip });
		for (const r of page.data) {
			rows.push({ id: r.id, caseRef: String(r.caseRef), status: String(r.status), createdAt: toMs(r.createdAt) });
		}
		if (page.data.length < PAGE || skip + PAGE >= page.count) break;
	}
	return rows.sort((a, b) => a.id - b.id);
}

/** Insert claim rows in one statement; returns them with the ids the database gave them. */
export async function insertClaims(
	table: IDataTableProjectService,
	scope: string,
	claims: Array<{ caseRef: string; status: string }>,
): Promise<ClaimRow[]> {
	if (!claims.length) return [];
	const data: DataTableRow[] = claims.map((c) => ({ scope, caseRef: c.caseRef, status: c.status }));
	const inserted = await table.insertRows(data, 'all');
	return inserted.map((r) => ({ id: r.id, caseRef: String(r.caseRef), status: String(r.status), createdAt: toMs(r.createdAt) }));
}

/** Delete rows by id (in batches). */
export async function deleteClaims(table: IDataTableProjectService, ids: number[]): Promise<void> {
	for (let i = 0; i < ids.length; i += DELETE_BATCH) {
		const batch = ids.slice(i, i + DELETE_BATCH);
		await table.deleteRows({ filter: { type: 'or', filters: batch.map((id) => eq('id', id)) } });
	}
}
