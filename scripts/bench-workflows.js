#!/usr/bin/env node
'use strict';
/**
 * `npm run bench:workflows` — the example workflows end to end in the real runtime, from spreadsheet to
 * mail (issue 27 §2). Not part of `npm test` or CI: at full scale it runs for a long time.
 *
 *   npm run bench:workflows -- [--date YYYY-MM-DD] [--cases 60000] [--schools 400] [--records 250000]
 *                              [--records-per-pupil 12]
 *                              [--regions 10] [--region-cases 6000] [--only weekly,settlement,shared]
 *                              [--no-baseline] [--no-recipe] [--no-queue] [--keep] [--out FILE]
 *
 * It generates the data for --date (default today in Europe/Amsterdam; scripts/bench-workflows/data.js),
 * starts `npm start`'s runtime (n8n 2.41.1 with this package, SQLite, maildev SMTP; scripts/runtime/) in a
 * temporary folder on free ports, imports bench copies of the examples (scripts/bench-workflows/workflows.js)
 * and runs each through a webhook:
 *   weekly      the weekly alert on --cases open cases of --schools schools (xlsx) → one mail per zorgteam
 *               and status; as shipped (execution data not kept), with execution data kept, the CSV recipe,
 *               the alert memory in static data instead of Data Tables, and the Code-node baseline
 *   settlement  the quarterly settlement on --records delivery records (xlsx) → a statement xlsx and mail
 *               per paying municipality; the same variants
 *   shared      --regions regions' weekly alerts (--region-cases cases each) started at once, in this one
 *               instance, then in queue mode (scripts/runtime/queue.js: PostgreSQL, Redis, main + 2 workers)
 * Each single-instance run starts in a freshly restarted main instance. For each run: wall time, peak memory
 * of main and workers, mails received, and each node's time (the stored execution's run data, else n8n's event
 * log). Results: bench/results/workflows.json (written after every run; --only keeps the other scenarios' runs)
 * and a table on stdout (docs/development/performance.md, "Whole workflows in real n8n").
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const config = require('./runtime/config');
const { startRuntime } = require('./runtime/runtime');
const { startQueueRuntime } = require('./runtime/queue');
const { stopAll } = require('./runtime/proc');
const { todayInAmsterdam, previousQuarter, dayOf } = require('./sample-data/days');
const data = require('./bench-workflows/data');
const wfs = require('./bench-workflows/workflows');
const { sampleMemory, callWebhook, webhookReady, executionTimes, eventLogTimes } = require('./bench-workflows/measure');

const DEFAULTS = { cases: 60000, schools: 400, records: 250000, 'records-per-pupil': 12, regions: 10, 'region-cases': 6000 };

function parseArgs(argv) {
	const o = { ...DEFAULTS, only: ['weekly', 'settlement', 'shared'], baseline: true, recipe: true, queue: true, keep: false };
	for (let i = 0; i < argv.length; i++) {
		const m = /^--([a-z-]+)(?:=(.*))?$/.exec(argv[i]);
		if (!m) throw new Error(`unknown argument "${argv[i]}"`);
		const [, key, inline] = m;
		if (['no-baseline', 'no-recipe', 'no-queue'].includes(key)) o[key.slice(3)] = false;
		else if (key === 'keep') o.keep = true;
		else {
			const v = inline ?? argv[++i];
			if (v === undefined) throw new Error(`--${key} needs a value`);
			if (key in DEFAULTS) {
				if (!/^\d+$/.test(v) || Number(v) < 1) throw new Error(`--${key} must be a whole number above 0, got "${v}"`);
				o[key] = Number(v);
			} else if (key === 'date') o.date = (dayOf(v), v);
			else if (key === 'only') o.only = v.split(',');
			else if (key === 'out') o.out = v;
			else throw new Error(`unknown option --${key}`);
		}
	}
	return o;
}

const log = (m) => process.stderr.write(`${m}\n`);
const secs = (ms) => Math.round(ms / 100) / 10;

/** The path of a bench workflow's webhook. */
const hookPath = (wf) => wf.nodes.find((n) => n.type === 'n8n-nodes-base.webhook').parameters.path;

/**
 * One run of a bench workflow through its webhook; `groups` are the n8n process groups to watch. Every bench
 * workflow runs once per runtime, so its Deadline Monitor starts from an empty alert memory (a first run:
 * every overdue and due-soon case is alerted) without forgetting anything — except the weekly alert as shipped,
 * which runs a second time (`shippedSecondRun`) to measure a run that reads a full memory.
 */
async function measure(rt, groups, wf, { label }) {
	await rt.clearMails();
	const hook = hookPath(wf);
	await webhookReady(rt.urls.editor, hook);
	const mem = sampleMemory(groups);
	let res;
	let error;
	try {
		res = await callWebhook(rt.urls.editor, hook);
	} catch (e) {
		error = e.message;
	}
	const memory = mem.stop();
	const mails = (await rt.mails()).length;
	const saved = wf.settings.saveDataSuccessExecution === 'all';
	const times = await executionTimes(rt, wf.id).catch((e) => ({ error: e.message }));
	const failed = error || (res && res.status !== 200) || (times && times.status && times.status !== 'success');
	const run = {
		label,
		workflow: wf.id,
		keepsExecutionData: saved,
		wallS: res ? secs(res.ms) : null,
		httpStatus: res?.status,
		mails,
		memory,
		...(failed ? { error: error || `HTTP ${res?.status}; execution ${times?.status ?? 'not kept'}` } : {}),
	};
	if (times?.failure) run.failure = times.failure;
	// each node's time: the stored run data (executionTime), else n8n's event log (not kept, or too large to hand back)
	let nodeTimes;
	if (times?.stored) nodeTimes = { source: 'runData executionTime', ...times };
	else {
		const fromLog = eventLogTimes(rt.userFolder, wf.id);
		if (fromLog) nodeTimes = { source: 'event log (n8n.node.started/finished)', ...fromLog };
		if (saved) run.note = `n8n handed back no run data for this execution (status ${times?.status ?? 'unknown'}${times?.error ? `: ${times.error}` : ''})`;
	}
	if (nodeTimes) {
		run.nodeTimesFrom = nodeTimes.source;
		run.nodes = nodeTimes.nodes.map((n) => ({ ...n, ms: Math.round(n.ms) }));
		run.oursS = secs(nodeTimes.oursMs);
		run.stockS = secs(nodeTimes.stockMs);
		run.oursShareOfWall = res ? Math.round((1000 * nodeTimes.oursMs) / res.ms) / 1000 : null;
	}
	log(`    ${label}: ${run.wallS ?? '—'} s, ${mails} mails, main ${memory.main.peakMB} MB${run.oursS !== undefined ? `, our nodes ${run.oursS} s, n8n's nodes ${run.stockS} s` : ''}${run.error ? `, FAILED: ${run.error}` : ''}`);
	return run;
}

/** All `wfList` started at once; wall time until the last answered. */
async function measureConcurrent(rt, groups, wfList, { label }) {
	for (const wf of wfList) await webhookReady(rt.urls.editor, hookPath(wf));
	await rt.clearMails();
	const mem = sampleMemory(groups);
	const t0 = Date.now();
	const results = await Promise.all(
		wfList.map((wf) => callWebhook(rt.urls.editor, hookPath(wf)).catch((e) => ({ error: e.message }))),
	);
	const wall = Date.now() - t0;
	const memory = mem.stop();
	const mails = (await rt.mails()).length;
	const failed = results.filter((r) => r.error || r.status !== 200).length;
	const run = { label, workflows: wfList.length, wallS: secs(wall), eachS: results.map((r) => (r.ms ? secs(r.ms) : null)), mails, memory, ...(failed ? { error: `${failed} of ${wfList.length} runs failed` } : {}) };
	// why a run failed: the failing node and message n8n stored (error executions are kept), no item data
	if (failed) {
		run.failures = [];
		for (const [i, r] of results.entries()) {
			if (!r.error && r.status === 200) continue;
			const t = await executionTimes(rt, wfList[i].id).catch((e) => ({ error: e.message }));
			run.failures.push({ workflow: wfList[i].id, httpStatus: r.status, ...(t?.failure ?? { error: r.error ?? t?.error ?? 'no execution stored' }) });
		}
	}
	log(`    ${label}: ${run.wallS} s for ${wfList.length} runs, ${mails} mails, ${Object.entries(memory).map(([k, v]) => `${k} ${v.peakMB} MB`).join(', ')}${run.error ? `, ${run.error}: ${JSON.stringify(run.failures)}` : ''}`);
	return run;
}

/** The results as a Markdown table (printed at the end; docs/development/performance.md shows one). */
function table(results) {
	const mem = (m) => Object.entries(m).map(([k, v]) => `${k} ${v.beforeMB ?? '?'} → ${v.peakMB} MB`).join(', ');
	const pct = (a, b) => (b ? `${Math.round((100 * a) / b)} %` : '—');
	const rows = results.runs.map((r) => {
		const heavy = (r.nodes ?? []).filter((n) => n.ms >= 100).sort((a, b) => b.ms - a.ms).map((n) => `${n.name} ${secs(n.ms)} s`).join(', ');
		return `| ${r.scenario} | ${r.instance} | ${r.variant} | ${r.wallS ?? '—'} s | ${r.mails} | ${mem(r.memory)} | ${r.oursS ?? '—'} | ${r.oursS !== undefined ? pct(r.oursS, r.wallS) : '—'} | ${heavy || '—'}${r.error ? ` **failed: ${r.failure ? `${r.failure.node}: ${r.failure.message}` : r.error}**` : ''}${r.note ? ` (${r.note})` : ''} |`;
	});
	return ['| scenario | instance | variant | wall | mails | peak RSS (process group) | our nodes (s) | our share of wall | nodes ≥ 0.1 s |', '|---|---|---|---|---|---|---|---|---|', ...rows].join('\n');
}

function machine() {
	const cpus = os.cpus();
	return { cpus: cpus.length, cpuModel: cpus[0]?.model, memoryGB: Math.round(os.totalmem() / 1e9), node: process.version, n8n: config.N8N_VERSION, os: `${os.type()} ${os.release()}` };
}

function otherLoad() {
	try {
		return execFileSync('pgrep', ['-f', 'ci/run'], { encoding: 'utf8' }).trim() ? 'a CI run was active on this machine' : null;
	} catch {
		return null;
	}
}

async function main() {
	const o = parseArgs(process.argv.slice(2));
	const date = o.date ?? todayInAmsterdam();
	const period = previousQuarter(date).label;
	const work = fs.mkdtempSync(path.join(os.tmpdir(), 'jeugdhulp-wfbench-'));
	const dataDir = path.join(work, 'data');
	const wfDir = path.join(work, 'workflows');
	fs.mkdirSync(dataDir, { recursive: true });
	const only = new Set(o.only);
	const started = new Date();
	log(`==> bench:workflows for ${date} (settles ${period}) in ${work}`);

	// data
	const t0 = Date.now();
	const list = [];
	const weekly = {};
	const settlement = {};
	const regions = [];
	if (only.has('weekly')) {
		await data.writeBoth(dataDir, 'cases', 'Casussen', data.cases(date, { cases: o.cases, schools: o.schools }), date, data.CASE_DATE_HEADERS);
		weekly.shipped = wfs.weeklyExample({ tag: 'WeekShip', name: 'weekly alert as shipped', date, save: false });
		weekly.saved = wfs.weeklyExample({ tag: 'WeekSave', name: 'weekly alert, execution data kept', date, save: true });
		if (o.recipe) {
			weekly.csv = wfs.weeklyExample({ tag: 'WeekCsv', name: 'weekly alert from CSV', format: 'csv', date, save: true });
			weekly.staticMemory = wfs.weeklyExample({ tag: 'WeekStat', name: 'weekly alert, memory in static data', date, save: true, staticMemory: true });
		}
		if (o.baseline) weekly.baseline = wfs.weeklyBaseline({ tag: 'WeekBase', name: 'weekly alert, Code-node baseline', date, save: true });
		list.push(...Object.values(weekly));
	}
	if (only.has('settlement')) {
		await data.writeBoth(dataDir, 'deliveries', 'leveringen', data.deliveries(date, { records: o.records, perPupil: o['records-per-pupil'] }), date);
		fs.copyFileSync(path.join(config.REPO_ROOT, 'sample-data', 'finance-contacts.csv'), path.join(dataDir, 'finance-contacts.csv'));
		settlement.shipped = wfs.settlementExample({ tag: 'SettShip', name: 'settlement as shipped', period, save: false });
		settlement.saved = wfs.settlementExample({ tag: 'SettSave', name: 'settlement, execution data kept', period, save: true });
		if (o.recipe) settlement.csv = wfs.settlementExample({ tag: 'SettCsv', name: 'settlement from CSV', format: 'csv', period, save: true });
		if (o.baseline) settlement.baseline = wfs.settlementBaseline({ tag: 'SettBase', name: 'settlement, Code-node baseline', period, save: true });
		list.push(...Object.values(settlement));
	}
	if (only.has('shared')) {
		for (let r = 1; r <= o.regions; r++) {
			const file = `region-${r}`;
			await data.writeBoth(dataDir, file, 'Casussen', data.cases(date, { cases: o['region-cases'], schools: Math.max(1, Math.round(o.schools / o.regions)), region: r }), date, data.CASE_DATE_HEADERS);
			regions.push(wfs.weeklyExample({ tag: `Reg${String(r).padStart(3, '0')}`, name: `weekly alert of region ${r}`, file, date, save: false }));
		}
		list.push(...regions);
	}
	wfs.writeWorkflows(wfDir, list);
	log(`    data and ${list.length} workflows ready (${secs(Date.now() - t0)} s)`);

	const results = {
		issue: 27,
		command: `npm run bench:workflows -- ${process.argv.slice(2).join(' ')}`.trim(),
		startedAt: started.toISOString(),
		date,
		period,
		scale: { cases: o.cases, schools: o.schools, records: o.records, recordsPerPupil: o['records-per-pupil'], regions: o.regions, regionCases: o['region-cases'] },
		machine: machine(),
		otherLoad: otherLoad(),
		loadAverageAtStart: os.loadavg().map((l) => Math.round(l * 100) / 100),
		runs: [],
	};
	const out = path.resolve(config.REPO_ROOT, o.out ?? path.join('bench', 'results', 'workflows.json'));
	fs.mkdirSync(path.dirname(out), { recursive: true });
	// written after every run, so a failure later keeps what was measured
	const save = () => fs.writeFileSync(out, JSON.stringify(results, null, 2) + '\n');
	// --only: the other scenarios' runs already in the file stay (each run says when and at what scale it was measured)
	if (fs.existsSync(out)) {
		try {
			results.runs = JSON.parse(fs.readFileSync(out, 'utf8')).runs.filter((r) => !only.has(r.scenario));
		} catch {
			/* not a results file: replaced */
		}
	}
	const record = (run) => {
		results.runs.push({ measuredAt: new Date().toISOString(), date, scale: results.scale, otherLoad: otherLoad(), ...run });
		save();
	};
	const runtimeOpts = (name) => ({
		userFolder: path.join(work, name),
		temporary: !o.keep,
		freePorts: true,
		workflowsDirs: [wfDir],
		extraDataDirs: { bench: dataDir },
		sampleDate: date,
		log: (m) => log(`    ${m}`),
		extraEnv: {
			// the settlement baseline's Code node makes its pseudonyms with node:crypto
			NODE_FUNCTION_ALLOW_BUILTIN: 'crypto',
			// a Code node over 250k items may need longer than the default 300 s
			N8N_RUNNERS_TASK_TIMEOUT: '3600',
		},
	});

	// one instance: npm start's runtime (SQLite, regular mode)
	if (only.has('weekly') || only.has('settlement') || only.has('shared')) {
		log('==> one instance (SQLite, regular mode)');
		const rt = await startRuntime({ ...runtimeOpts('single'), build: true });
		// each run in a freshly started main instance, so its peak memory is its own (not what earlier runs left)
		let first = true;
		const fresh = async () => {
			if (!first) await rt.restartN8n();
			first = false;
			return { main: rt.procs.n8n.pid };
		};
		try {
			for (const [variant, wf] of Object.entries(weekly)) {
				record({ scenario: 'weekly', instance: 'single', variant, ...(await measure(rt, await fresh(), wf, { label: `weekly ${variant}` })) });
				// the same workflow again on the same cases: its memory now holds the first run's alerts and their
				// confirmations (what every later weekly run reads first); nothing changed, so nothing is sent
				if (variant === 'shipped') record({ scenario: 'weekly', instance: 'single', variant: 'shippedSecondRun', ...(await measure(rt, await fresh(), wf, { label: 'weekly shipped, second run' })) });
			}
			for (const [variant, wf] of Object.entries(settlement)) {
				record({ scenario: 'settlement', instance: 'single', variant, ...(await measure(rt, await fresh(), wf, { label: `settlement ${variant}` })) });
			}
			if (regions.length) record({ scenario: 'shared', instance: 'single', variant: 'shipped', ...(await measureConcurrent(rt, await fresh(), regions, { label: `${regions.length} regions at once, one instance` })) });
		} finally {
			await rt.stop();
		}
	}
	if (regions.length && o.queue) {
		log('==> queue mode (PostgreSQL, Redis, main + 2 workers)');
		const rt = await startQueueRuntime({ ...runtimeOpts('queue'), build: false });
		const groups = { main: rt.procs.n8n.pid, ...Object.fromEntries(rt.workers.map((w, i) => [`worker${i + 1}`, w.pid])) };
		try {
			record({ scenario: 'shared', instance: 'queue', variant: 'shipped', ...(await measureConcurrent(rt, groups, regions, { label: `${regions.length} regions at once, queue mode` })) });
		} finally {
			await rt.stop();
		}
	}
	results.finishedAt = new Date().toISOString();
	results.loadAverageAtEnd = os.loadavg().map((l) => Math.round(l * 100) / 100);
	save();
	if (!o.keep) fs.rmSync(work, { recursive: true, force: true });
	log(`==> results in ${path.relative(config.REPO_ROOT, out)}`);
	console.log(table(results));
}

if (require.main === module) {
	process.on('SIGINT', () => stopAll(5000).then(() => process.exit(130)));
	process.on('SIGTERM', () => stopAll(5000).then(() => process.exit(143)));
	main().catch(async (e) => {
		log(`bench:workflows: ${e.stack || e.message}`);
		await stopAll(5000);
		process.exit(1);
	});
}

module.exports = { parseArgs, table };
