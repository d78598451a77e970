/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, no-console -- benchmark code, not shipped in dist */
/**
 * Shared helpers for the benchmarks in bench/*.bench.ts (`npm run bench`).
 *
 * Benchmarks, not tests: they measure and report, nothing asserts on time or memory. Each benchmark
 * measures its rows with `measure`, builds its engine workflows with `benchWorkflow`, and hands the rows
 * plus its own ratios to `report`, which prints a table and writes bench/results/<benchmark>.json.
 * This file is not a benchmark itself (jest.bench.config.js only runs *.bench.ts).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { IDataObject, INode } from 'n8n-workflow';

import { REPO_ROOT, WorkflowJson } from '../test/helpers/engine';

/** Runs a full garbage collection when node was started with --expose-gc (`npm run bench` does that). */
export const gc = () => (global as unknown as { gc?: () => void }).gc?.();

/** Bytes to whole MiB. */
export const mb = (bytes: number) => Math.round(bytes / 1048576);

/** One measured row: `items` is whatever the benchmark feeds in (cases, records, requests). */
export interface Measurement {
	what: string;
	items: number;
	ms: number;
	usPerItem: number;
	heapDeltaMb: number;
	peakRssMb: number;
	/**
	 * Engine rows (measureEngine): the node's own execution time as n8n records it in the run data
	 * (`executionTime` of the node named 'Node'), without the harness's source node and run set-up; the
	 * median over `runs` runs, like `ms`.
	 */
	nodeMs?: number;
	runs?: number;
}

/**
 * Times one run of `run` over `items` items: wall-clock ms (hrtime), µs per item, heap growth from a
 * collected heap to just after the run (the result is kept alive until then), and the process's peak RSS
 * sampled every 20 ms during the run (cumulative: RSS the process already holds counts too).
 */
export async function measure(what: string, items: number, run: () => unknown | Promise<unknown>): Promise<Measurement> {
	gc();
	const heapBefore = process.memoryUsage().heapUsed;
	let peakRss = process.memoryUsage().rss;
	const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
	const t0 = process.hrtime.bigint();
	const result = await run();
	const ms = Number(process.hrtime.bigint() - t0) / 1e6;
	clearInterval(sampler);
	const mem = process.memoryUsage();
	peakRss = Math.max(peakRss, mem.rss);
	void result; // reachable until here, so heapDeltaMb includes the output
	return {
		what,
		items,
		ms: Math.round(ms),
		usPerItem: Math.round((ms * 1000 * 100) / items) / 100,
		heapDeltaMb: mb(mem.heapUsed - heapBefore),
		peakRssMb: mb(peakRss),
	};
}

/** The median of a non-empty list of numbers (the lower middle one for an even count). */
export function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[(sorted.length - 1) >> 1];
}

/**
 * Times `runs` runs of a workflow in the engine (a collected heap before each): `ms` is the median
 * wall-clock time of a whole run (harness source node included), `nodeMs` the median of the node's own
 * `executionTime` from n8n's run data. On a 2-core machine single runs scatter by ±30 % (garbage
 * collection), so rows are medians. Peak RSS is over all runs; heapDeltaMb is of the last run.
 * @param run one run; returns the node's execution time in ms (read from the run data by the caller)
 */
export async function measureEngine(what: string, items: number, run: () => Promise<number>, runs = ENGINE_RUNS): Promise<Measurement> {
	const total: number[] = [];
	const own: number[] = [];
	let last: Measurement | undefined;
	let peak = 0;
	for (let i = 0; i < runs; i++) {
		let nodeMs = 0;
		last = await measure(what, items, async () => {
			nodeMs = await run();
		});
		total.push(last.ms);
		own.push(nodeMs);
		peak = Math.max(peak, last.peakRssMb);
	}
	const ms = median(total);
	return { ...last!, ms, usPerItem: Math.round((ms * 1000 * 100) / items) / 100, peakRssMb: peak, nodeMs: median(own), runs };
}

/** Runs per engine row (BENCH_RUNS overrides; default 5). */
export const ENGINE_RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 5));

/** The node's own execution time in a run (n8n's run data), for measureEngine. */
export function nodeTime(result: { taskData(node: string): { executionTime?: number } | undefined }, node = 'Node'): number {
	return result.taskData(node)?.executionTime ?? NaN;
}

/** a.nodeMs / b.nodeMs rounded to `decimals`, or null when either is missing. */
export function nodeRatio(a: Measurement | undefined, b: Measurement | undefined, decimals = 2): number | null {
	if (!a?.nodeMs || !b?.nodeMs) return null;
	const f = 10 ** decimals;
	return Math.round((a.nodeMs / b.nodeMs) * f) / f;
}

/**
 * A two-node workflow for runWorkflow: test.source (emits the run's input items) → one node named 'Node'
 * of `type` with `parameters`. `node` adds or overrides fields of that node, e.g. `onError` or `credentials`.
 */
export function benchWorkflow(type: string, parameters: IDataObject, node: Partial<INode> = {}): WorkflowJson {
	return {
		nodes: [
			{ id: 's', name: 'Source', type: 'test.source', typeVersion: 1, position: [0, 0], parameters: {} },
			{ id: 'n', name: 'Node', type, typeVersion: 1, position: [200, 0], parameters: parameters as INode['parameters'], ...node },
		],
		connections: { Source: { main: [[{ node: 'Node', type: 'main', index: 0 }]] } },
	};
}

/**
 * One benchmark's node run, exported by each bench file as COMPARE: scripts/bench-compare.js runs it in the
 * engine of this checkout and of another commit (same input, same parameters) and compares the node's own
 * execution time.
 */
export interface CompareSpec {
	/** Package-qualified node type. */
	type: string;
	parameters: IDataObject;
	/** Further fields of the node (onError, credentials). */
	node?: Partial<INode>;
	/** `n` synthetic input items (deterministic). */
	input: (n: number) => IDataObject[];
	/** Decrypted credentials by type, for the harness. */
	credentials?: Record<string, IDataObject>;
}

/** The row measured as `what` at `items` items, if there is one. */
export function findRow(rows: Measurement[], what: string, items: number): Measurement | undefined {
	return rows.find((r) => r.what === what && r.items === items);
}

/** a.ms / b.ms rounded to `decimals`, or null when either row was not measured. */
export function ratio(a: Measurement | undefined, b: Measurement | undefined, decimals = 1): number | null {
	if (!a || !b) return null;
	const f = 10 ** decimals;
	return Math.round((a.ms / b.ms) * f) / f;
}

export interface BenchReport {
	/** Name of the benchmark; the results go to bench/results/<benchmark>.json. */
	benchmark: string;
	/** What one item is in this benchmark (e.g. 'synthetic cases'), written to the JSON. */
	itemsAre: string;
	/** How to read the numbers (written to the JSON). */
	note: string;
	rows: Measurement[];
	/** Lines printed under the table (the ratios). */
	summary: string[];
	/** Further results written to the JSON after the rows (ratios, growth, ...). */
	extra: IDataObject;
}

/** Prints the rows as a table followed by the summary lines, and writes bench/results/<benchmark>.json. */
export function report({ benchmark, itemsAre, note, rows, summary, extra }: BenchReport): void {
	const cell = (v: string | number, width: number) => String(v).padStart(width);
	const label = Math.max(34, ...rows.map((r) => r.what.length));
	console.log(
		[
			`${benchmark} (items: ${itemsAre})`,
			`${'what'.padEnd(label)} ${cell('items', 9)} ${cell('ms', 7)} ${cell('node ms', 8)} ${cell('µs/item', 9)} ${cell('heapΔ MB', 9)} ${cell('peak RSS MB', 12)}`,
			...rows.map(
				(r) =>
					`${r.what.padEnd(label)} ${cell(r.items, 9)} ${cell(r.ms, 7)} ${cell(r.nodeMs ?? '', 8)} ${cell(r.usPerItem, 9)} ${cell(r.heapDeltaMb, 9)} ${cell(r.peakRssMb, 12)}`,
			),
			'',
			...summary,
		].join('\n'),
	);
	const result = {
		benchmark,
		date: new Date().toISOString(),
		node: process.version,
		machine: { cpus: os.cpus().length, totalMemMb: mb(os.totalmem()), loadAverage: os.loadavg().map((l) => Math.round(l * 10) / 10) },
		itemsAre,
		note,
		rows,
		...extra,
	};
	const dir = path.join(REPO_ROOT, 'bench', 'results');
	fs.mkdirSync(dir, { recursive: true });
	fs.writeFileSync(path.join(dir, `${benchmark}.json`), JSON.stringify(result, null, 2) + '\n');
}
