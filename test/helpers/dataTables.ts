/**
 * An in-memory stand-in for n8n's Data Tables, for the engine harness (a unit aid only: the
 * real evidence is the end-to-end tests against n8n's own Data Tables on SQLite and PostgreSQL).
 * Implements the part of `IDataTableProjectAggregateService` / `IDataTableProjectService` this
 * package uses: create/list tables, insert, list rows (filter, sort, take/skip), delete rows.
 * Ids increase with insertion and every read sees every earlier write, as on SQLite.
 */
import type {
	DataTable,
	DataTableFilter,
	DataTableRow,
	DataTableRowReturn,
	IDataTableProjectAggregateService,
	IDataTableProjectService,
	INode,
	Workflow,
} from 'n8n-workflow';

interface Table {
	meta: DataTable;
	rows: DataTableRowReturn[];
}

function matches(row: DataTableRowReturn, filter?: DataTableFilter): boolean {
	if (!filter || !filter.filters.length) return true;
	const test = (f: DataTableFilter['filters'][number]) => {
		const v = (row as Record<string, unknown>)[f.columnName];
		switch (f.condition) {
			case 'eq':
				return v === f.value;
			case 'neq':
				return v !== f.value;
			default:
				throw new Error(`In-memory data table: condition ${f.condition} not implemented`);
		}
	};
	return filter.type === 'or' ? filter.filters.some(test) : filter.filters.every(test);
}

export class InMemoryDataTables {
	readonly tables = new Map<string, Table>();
	private nextTableId = 1;
	private nextRowId = 1;
	/** Count of calls per operation, for tests that check the node's I/O. */
	readonly calls: Record<string, number> = {};

	private count(op: string) {
		this.calls[op] = (this.calls[op] ?? 0) + 1;
	}

	/** Rows of a table by name (for assertions). */
	rows(name: string): DataTableRowReturn[] {
		return [...this.tables.values()].find((t) => t.meta.name === name)?.rows ?? [];
	}

	/** The `additionalData['data-table']` entry n8n-core reads. */
	provider() {
		return {
			dataTableProxyProvider: {
				getDataTableAggregateProxy: async (_w: Workflow, _n: INode): Promise<IDataTableProjectAggregateService> => this.aggregate(),
				getDataTableProxy: async (_w: Workflow, _n: INode, id: string): Promise<IDataTableProjectService> => this.table(id),
			},
		};
	}

	private aggregate(): IDataTableProjectAggregateService {
		return {
			getProjectId: () => 'test-project',
			createDataTable: async (options) => {
				this.count('createDataTable');
				if ([...this.tables.values()].some((t) => t.meta.name === options.name)) throw new Error('Data table name already exists');
				const id = `dt${this.nextTableId++}`;
				const meta: DataTable = {
					id,
					name: options.name,
					columns: options.columns.map((c, index) => ({ id: `${id}c${index}`, name: c.name, type: c.type, index, dataTableId: id })),
					createdAt: new Date(),
					updatedAt: new Date(),
					projectId: 'test-project',
				};
				this.tables.set(id, { meta, rows: [] });
				return meta;
			},
			getManyAndCount: async (options) => {
				this.count('getManyAndCount');
				const name = options.filter?.name;
				const data = [...this.tables.values()].map((t) => t.meta).filter((m) => name === undefined || m.name === name);
				return { count: data.length, data };
			},
			deleteDataTableAll: async () => {
				this.tables.clear();
				return true;
			},
		};
	}

	private table(id: string): IDataTableProjectService {
		const t = this.tables.get(id);
		if (!t) throw new Error(`No data table ${id}`);
		const unsupported = async () => {
			throw new Error('In-memory data table: not implemented');
		};
		return {
			updateDataTable: unsupported,
			deleteDataTable: unsupported,
			getColumns: async () => t.meta.columns,
			addColumn: unsupported,
			moveColumn: unsupported,
			deleteColumn: unsupported,
			updateRows: unsupported,
			upsertRow: unsupported,
			clearRows: unsupported,
			getManyRowsAndCount: async (dto) => {
				this.count('getManyRowsAndCount');
				let rows = t.rows.filter((r) => matches(r, dto.filter));
				if (dto.sortBy) {
					const [col, dir] = dto.sortBy;
					const sign = dir === 'DESC' ? -1 : 1;
					rows = [...rows].sort((a, b) => sign * ((a[col] as number) - (b[col] as number)));
				}
				const count = rows.length;
				const skip = dto.skip ?? 0;
				rows = rows.slice(skip, dto.take === undefined ? undefined : skip + dto.take);
				return { count, data: rows.map((r) => ({ ...r })) };
			},
			insertRows: (async (rows: DataTableRow[], returnType: 'all' | 'id' | 'count') => {
				this.count('insertRows');
				const now = new Date();
				const added = rows.map((r) => ({ ...r, id: this.nextRowId++, createdAt: now, updatedAt: now }) as DataTableRowReturn);
				t.rows.push(...added);
				if (returnType === 'count') return { success: true, insertedRows: added.length };
				if (returnType === 'id') return added.map((r) => ({ id: r.id }));
				return added.map((r) => ({ ...r }));
			}) as IDataTableProjectService['insertRows'],
			deleteRows: async (options) => {
				this.count('deleteRows');
				const gone = t.rows.filter((r) => matches(r, options.filter));
				t.rows = t.rows.filter((r) => !gone.includes(r));
				return gone;
			},
		};
	}
}
