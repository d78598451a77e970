/* eslint-disable @n8n/community-nodes/no-restricted-globals -- benchmark code (process.env), not shipped in dist */
/**
 * Deadline Monitor benchmark (not a test: nothing here asserts on time).
 *
 * Measures, in one run, on synthetic cases (ISO date strings, as Extract from File gives them):
 * - core:     the domain core alone (checkCase + caseOutput per case), 10k / 100k / 1M cases;
 * - node:     the Deadline Monitor node inside the real engine (test/helpers/engine.ts), 10k / 100k / 1M;
 * - baseline: the same logic written in a Code node the way a user would (luxon per item), same sizes
 *             in the engine (1M only when BENCH_BASELINE_1M=1: it takes minutes).
 * Prints a table and writes bench/results/deadlines.json (helpers in bench/support.ts).
 */
import { IDataObject } from 'n8n-workflow';

import { fromYmd } from '../domain/primitives/dates';
import { caseOutput, CheckSpec, checkCase } from '../domain/deadlines';
import { runWorkflow } from '../test/helpers/engine';
import { benchWorkflow, type CompareSpec, ENGINE_RUNS, findRow, gc, measure, measureEngine, Measurement, nodeRatio, nodeTime, ratio, report } from './support';

const REFERENCE = '2026-11-26';
const SIZES = [10_000, 100_000, 1_000_000];
const BASELINE_SIZES = process.env.BENCH_BASELINE_1M === '1' ? SIZES : SIZES.slice(0, 2);

function syntheticCases(n: number): IDataObject[] {
	const base = Date.UTC(2026, 0, 1);
	const iso = (d: number) => new Date(base + d * 86400000).toISOString().slice(0, 10);
	const out: IDataObject[] = new Array(n);
	let seed = 42;
	const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
	for (let i = 0; i < n; i++) {
		const zt = Math.floor(rnd() * 320);
		const started = rnd() < 0.4;
		out[i] = {
			caseRef: `C-${String(i).padStart(7, '0')}`,
			school: `School ${i % 400}`,
			zorgteam: `Zorgteam ${i % 400}`,
			zorgteamEmail: `zt${i % 400}@school.example`,
			zorgteamDate: iso(zt),
			startDate: started ? iso(zt + Math.floor(rnd() * 80)) : '',
			residenceMunicipality: 'Amersfoort',
		};
	}
	return out;
}

/** What a user would write in a Code node: luxon per item, one output with a status field. */
const CODE_NODE_BASELINE = `
const { DateTime } = luxon;
const zone = 'Europe/Amsterdam';
const today = DateTime.fromISO('${REFERENCE}', { zone }).startOf('day');
return items.map((item) => {
	const start = DateTime.fromISO(item.json.zorgteamDate, { zone });
	const deadline = start.plus({ weeks: 8 });
	const stop = item.json.startDate ? DateTime.fromISO(item.json.startDate, { zone }) : null;
	const closed = stop && stop <= today;
	const end = closed ? stop : today;
	const daysElapsed = Math.round(end.diff(start, 'days').days);
	let status, daysRemaining = null;
	if (closed) status = stop <= deadline ? 'met' : 'met_late';
	else {
		daysRemaining = Math.round(deadline.diff(today, 'days').days);
		status = today > deadline ? 'overdue' : daysRemaining <= 14 ? 'due_soon' : 'on_track';
	}
	return { json: { ...item.json, deadline: { status, clockStart: start.toISODate(), stopDate: stop ? stop.toISODate() : null, dueDate: deadline.toISODate(), daysElapsed, daysRemaining, referenceDate: today.toISODate() } } };
});
`;

function runCore(cases: IDataObject[]) {
	const spec: CheckSpec = {
		rule: 'eightWeek',
		clock: { norm: { length: 8, unit: 'weeks' }, counting: 'calendarDays', dueSoonDays: 14 },
		fields: { caseRef: 'caseRef', clockStart: 'zorgteamDate', stop: 'startDate', school: 'school', brin: 'brin', zorgteam: 'zorgteam', recipientEmail: 'zorgteamEmail' },
		reference: fromYmd(2026, 11, 26),
		zone: 'Europe/Amsterdam',
		requireCaseRef: false,
	};
	const out = new Array(cases.length);
	for (let i = 0; i < cases.length; i++) {
		const json = cases[i];
		out[i] = { ...json, deadline: caseOutput(checkCase((f) => json[f], spec), spec) };
	}
	return out;
}

/** The node run of this benchmark, for scripts/bench-compare.js (the same node at another commit). */
export const COMPARE: CompareSpec = {
	type: 'n8n-nodes-jeugdhulp-onderwijs.deadlineMonitor',
	parameters: { referenceDate: REFERENCE },
	input: syntheticCases,
};

describe('Deadline Monitor benchmark', () => {
	it('core, node in the engine, Code-node baseline', async () => {
		const rows: Measurement[] = [];
		// warm-up (JIT, module loading) so the first size is not penalised
		const warm = syntheticCases(5000);
		runCore(warm);
		await runWorkflow(benchWorkflow('n8n-nodes-jeugdhulp-onderwijs.deadlineMonitor', { referenceDate: REFERENCE }), { input: warm });
		await runWorkflow(benchWorkflow('test.code', { code: CODE_NODE_BASELINE }), { input: warm });

		for (const n of SIZES) {
			let cases: IDataObject[] | undefined = syntheticCases(n);
			rows.push(await measure('core', n, () => runCore(cases!)));
			rows.push(
				await measureEngine('node (engine)', n, async () => {
					const r = await runWorkflow(benchWorkflow('n8n-nodes-jeugdhulp-onderwijs.deadlineMonitor', { referenceDate: REFERENCE }), { input: cases });
					if (r.error) throw r.error;
					return nodeTime(r);
				}, n >= 1_000_000 ? Math.min(3, ENGINE_RUNS) : ENGINE_RUNS),
			);
			if (BASELINE_SIZES.includes(n)) {
				rows.push(
					await measureEngine('Code node baseline (engine)', n, async () => {
						const r = await runWorkflow(benchWorkflow('test.code', { code: CODE_NODE_BASELINE }), { input: cases });
						if (r.error) throw r.error;
						return nodeTime(r);
					}, 3),
				);
			}
			cases = undefined;
			gc();
		}

		const get = (what: string, n: number) => findRow(rows, what, n);
		const ratios = SIZES.map((n) => ({
			items: n,
			// node's own execution time (n8n run data), medians
			baselineOverNode: nodeRatio(get('Code node baseline (engine)', n), get('node (engine)', n), 1),
			baselineOverNodeWholeRun: ratio(get('Code node baseline (engine)', n), get('node (engine)', n)),
			nodeOverCore: ratio(get('node (engine)', n), get('core', n)),
		}));
		const growth = ['core', 'node (engine)'].map((what) => ({
			what,
			usPerItem: SIZES.map((n) => get(what, n)?.usPerItem ?? null),
		}));

		report({
			benchmark: 'deadlines',
			itemsAre: 'synthetic cases (one deadline check each)',
			note:
				`Core rows: one run each, after a warm-up. Engine rows: median of ${ENGINE_RUNS} runs (3 at 1M; the baseline 3); "ms" is the whole run (harness source node included), "node ms" the node's own executionTime from n8n's run data. ` +
				'Wall-clock on a shared machine. Peak RSS is the process peak sampled every 20 ms (cumulative over the run).',
			rows,
			summary: ratios.map((r) => `${r.items}: baseline/node = ${r.baselineOverNode ?? 'n/a'} (node ms; whole runs ${r.baselineOverNodeWholeRun ?? 'n/a'}), node/core = ${r.nodeOverCore ?? 'n/a'}`),
			extra: { ratios, growth },
		});
	});
});
