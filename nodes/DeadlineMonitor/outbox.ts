/**
 * The alert outbox of node version 1.3 (issue 23): "Alert Only on Status Change" counts a case as alerted
 * only once the operation Confirm Delivery, placed after the Send Email node, confirmed its mail. What is
 * claimed, re-sent and won is decided by the pure core (domain/deadlines/outbox.ts); this file reads and
 * writes the rows:
 * - with the "Jeugdhulp Shared Memory API" credential: n8n's Data Table `jeugdhulp_alert_outbox`
 *   (nodes/shared/store.ts), safe for parallel runs and queue mode;
 * - without: the workflow's global static data (one n8n process, one run at a time), where the Check
 *   Cases node and the Confirm Delivery node of the same workflow both reach it.
 *
 * Which run sends is decided by the scope's head row, moved by one conditional update (`SharedTable.updateWhere`)
 * after the run's claims are in: no pause, no timing (issue 23 part 2; domain/deadlines/outbox.ts).
 *
 * Every item this node emits for a won claim carries `delivery` (claim marks, the case references and
 * statuses, the memory scope; no personal data), which Confirm Delivery reads back through n8n's paired
 * items from the items Send Email returns.
 */
import { randomInt, randomUUID } from 'crypto';

import { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import {
	CLAIM_TOKEN_LIMIT,
	claimMark,
	confirmationMark,
	firstHead,
	HEAD,
	nextHead,
	Observation,
	OutboxRow,
	outboxHead,
	OutboxNewRow,
	outboxRowsToPrune,
	packRows,
	planClaims,
} from '../../domain/deadlines';
import { hasSharedMemory, SharedTable, StoredRow, TableSpec } from '../shared/store';
import { AlertOnceResult, memoryScope } from './alertOnce';

/**
 * The Data Table of the outbox: claims and confirmations (`claim` = their mark, domain/deadlines/outbox.ts `OutboxRow`)
 * and one head row per scope (`claim` -1, `status` = `h:<round>:<run token>`) that decides which run sends.
 */
export const OUTBOX_TABLE: TableSpec = {
	name: 'jeugdhulp_alert_outbox',
	columns: [
		{ name: 'scope', type: 'string' },
		{ name: 'caseRef', type: 'string' },
		{ name: 'status', type: 'string' },
		{ name: 'claim', type: 'number' },
	],
};

/** Global static-data key of the outbox without the credential: `{ [scope]: { nextId, rows } }`. */
export const STATIC_OUTBOX_KEY = 'jeugdhulpAlertOutbox';

/** How often a run that lost the head reads again and claims what is left. */
const HEAD_ATTEMPTS = 4;

/** What an emitted item carries for Confirm Delivery (field `delivery`). */
export interface DeliveryInfo {
	/** Where the claims are: an n8n Data Table through the shared-memory credential, or static data. */
	memory: 'dataTable' | 'staticData';
	scope: string;
	/** `claim`: the claim's mark (`claimMark`; the claim's id for claims made before the marks). */
	claims: Array<{ caseRef: string; status: string; claim: number }>;
}

/** The field on emitted items (and on the items Confirm Delivery reads back). */
export const DELIVERY_FIELD = 'delivery';


interface OutboxStore {
	rows(): Promise<OutboxRow[]>;
	/** Insert in bulk; returns the number inserted (no ids: claims and confirmations are named by their marks). */
	insert(rows: OutboxNewRow[]): Promise<number>;
	delete(ids: number[]): Promise<void>;
	/** Delete the rows whose `claim` is `mark` (an attempt's claims, when it lost the round). */
	deleteMarked(mark: number): Promise<void>;
	/** Compare-and-set the scope's head: true when this call moved it from `from` to `to`. */
	moveHead(from: string, to: string): Promise<boolean>;
}

function toOutboxRow(row: StoredRow): OutboxRow {
	return { id: row.id, caseRef: String(row.caseRef), status: String(row.status), claim: Number(row.claim ?? 0) || 0, createdAt: row.createdAt };
}

async function dataTableStore(ctx: IExecuteFunctions, scope: string): Promise<OutboxStore> {
	const table = await SharedTable.open(ctx, OUTBOX_TABLE);
	return {
		rows: async () => (await table.rows({ scope })).map(toOutboxRow),
		insert: (rows) => table.insertMany(rows.map((r) => ({ scope, ...r }))),
		delete: (ids) => table.delete(ids),
		deleteMarked: (mark) => table.deleteWhere({ scope, claim: mark }),
		moveHead: async (from, to) => (await table.updateWhere({ scope, claim: HEAD, status: from }, { status: to })).length > 0,
	};
}

interface StaticScope {
	nextId: number;
	/** [id, caseRef, status, claim, createdAt] */
	rows: Array<[number, string, string, number, number]>;
}

function staticStore(ctx: IExecuteFunctions, scope: string, now: () => number): OutboxStore {
	const all = ctx.getWorkflowStaticData('global');
	const outbox = ((all[STATIC_OUTBOX_KEY] as IDataObject | undefined) ?? {}) as unknown as Record<string, StaticScope>;
	const mine = (): StaticScope => {
		outbox[scope] ??= { nextId: 1, rows: [] };
		all[STATIC_OUTBOX_KEY] = outbox as unknown as IDataObject;
		return outbox[scope];
	};
	const read = (): OutboxRow[] =>
		(outbox[scope]?.rows ?? []).map(([id, caseRef, status, claim, createdAt]) => ({ id, caseRef, status, claim, createdAt }));
	return {
		rows: async () => read(),
		insert: async (rows) => {
			const s = mine();
			for (const r of rows) s.rows.push([s.nextId++, r.caseRef, r.status, r.claim, now()]); // not a spread: claims may be 100k+
			return rows.length;
		},
		delete: async (ids) => {
			const gone = new Set(ids);
			const s = mine();
			s.rows = s.rows.filter(([id]) => !gone.has(id));
		},
		deleteMarked: async (mark) => {
			const s = mine();
			s.rows = s.rows.filter((r) => r[3] !== mark);
		},
		moveHead: async (from, to) => {
			const heads = mine().rows.filter((r) => r[3] === HEAD && r[2] === from);
			for (const r of heads) r[2] = to;
			return heads.length > 0;
		},
	};
}

function openStore(ctx: IExecuteFunctions, memory: DeliveryInfo['memory'], scope: string, now: () => number): Promise<OutboxStore> | OutboxStore {
	return memory === 'dataTable' ? dataTableStore(ctx, scope) : staticStore(ctx, scope, now);
}

export interface OutboxResult extends AlertOnceResult {
	/** The `delivery` value for the won claims of these cases (undefined when none of them needs a confirmation). */
	delivery(cases: Array<{ caseRef: string; status: string }>): DeliveryInfo | undefined;
	/** Cases left alone because another run may still be sending them; cases re-sent because never confirmed. */
	inFlight: number;
	resent: number;
}

export interface OutboxSettings {
	remember: boolean;
	maxCases: number;
	now: number;
	resendAfterMs: number;
	/** Statuses whose alerts wait for Confirm Delivery. */
	confirmed: ReadonlySet<string>;
}

/** Decide which of the `observed` cases this run alerts (version 1.3: claims through the outbox). */
export async function claimThroughOutbox(ctx: IExecuteFunctions, observed: Observation[], settings: OutboxSettings): Promise<OutboxResult> {
	const memory: DeliveryInfo['memory'] = hasSharedMemory(ctx) ? 'dataTable' : 'staticData';
	const scope = memoryScope(ctx);
	const store = await openStore(ctx, memory, scope, () => settings.now);
	let rows = await store.rows();
	if (!outboxHead(rows) && settings.remember) {
		// the scope's first production run adds its head (of two first runs' heads, the lower id stays the head)
		await store.insert([{ caseRef: '', status: firstHead(randomUUID()), claim: HEAD }]);
		rows = await store.rows();
	}
	let plan = planClaims(observed, rows, settings);

	/** case → the status this run alerts and the mark of its claim (0 in manual runs: nothing claimed). */
	let won = new Map<string, { status: string; claim: number }>();
	if (!settings.remember) {
		// manual test runs: show what a production run would alert, change nothing
		won = new Map(plan.claims.map((c) => [c.caseRef, { status: c.status, claim: 0 }]));
	} else {
		// claims first, then the head: a run that moves the head has its claims committed before it. A run whose
		// head moved meanwhile lost the round: its claims are void; it reads again (now with the winner's claims)
		// and claims what is left, a few times at most (then the rest waits for the next run).
		for (let attempt = 1; plan.claims.length && attempt <= HEAD_ATTEMPTS; attempt++) {
			const mark = claimMark(randomInt(1, CLAIM_TOKEN_LIMIT));
			await store.insert(packRows(plan.claims, mark));
			const head = outboxHead(rows)!;
			if (await store.moveHead(head.value, nextHead(head, randomUUID()))) {
				won = new Map(plan.claims.map((c) => [c.caseRef, { status: c.status, claim: mark }]));
				break;
			}
			await store.deleteMarked(mark).catch(() => undefined); // best effort: a void claim left behind waits for Resend Unconfirmed After
			rows = await store.rows();
			plan = planClaims(observed, rows, settings);
		}
		// pruned on the rows read before this run's claims: it keeps what those claims would let go (the next run prunes it)
		const prune = outboxRowsToPrune(rows, settings.now, settings.maxCases);
		if (prune.length) await store.delete(prune);
	}

	const decided = new Set<string>();
	return {
		changed: (caseRef, status) => {
			const first = !decided.has(caseRef) && won.get(caseRef)?.status === status;
			decided.add(caseRef);
			return first;
		},
		local: memory === 'staticData',
		finish: () => undefined,
		inFlight: plan.inFlight,
		resent: plan.resent,
		delivery: (cases) => {
			if (!settings.remember) return undefined;
			const claims = cases
				.filter((c) => settings.confirmed.has(c.status))
				.map((c) => ({ caseRef: c.caseRef, status: c.status, claim: won.get(c.caseRef)?.claim ?? 0 }))
				.filter((c) => c.claim !== 0);
			return claims.length ? { memory, scope, claims } : undefined;
		},
	};
}

/** Record that the mails of these claims went out (Confirm Delivery). Returns the number of alerts confirmed. */
export async function confirmClaims(ctx: IExecuteFunctions, deliveries: DeliveryInfo[], now: number): Promise<number> {
	// per store and scope: claims made before the marks one row each (by id), marked ones packed per mark
	type Pending = { memory: DeliveryInfo['memory']; scope: string; byId: OutboxNewRow[]; byMark: Map<number, Observation[]> };
	const byStore = new Map<string, Pending>();
	for (const d of deliveries) {
		const key = `${d.memory}\u0000${d.scope}`;
		const entry: Pending = byStore.get(key) ?? { memory: d.memory, scope: d.scope, byId: [], byMark: new Map() };
		for (const c of d.claims) {
			if (c.claim > 0) entry.byId.push({ caseRef: c.caseRef, status: c.status, claim: confirmationMark(c.claim) });
			else {
				const list = entry.byMark.get(c.claim) ?? [];
				list.push({ caseRef: c.caseRef, status: c.status });
				entry.byMark.set(c.claim, list);
			}
		}
		byStore.set(key, entry);
	}
	let count = 0;
	for (const { memory, scope, byId, byMark } of byStore.values()) {
		const rows = [...byId];
		for (const [mark, confirmed] of byMark) {
			for (const row of packRows(confirmed, confirmationMark(mark))) rows.push(row);
			count += confirmed.length;
		}
		count += byId.length;
		const store = await openStore(ctx, memory, scope, () => now);
		await store.insert(rows);
	}
	return count;
}
