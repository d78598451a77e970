'use strict';
/**
 * Measuring a workflow run in the real runtime (`npm run bench:workflows`):
 *   - memory: each n8n process (main, each queue-mode worker) is a process group (scripts/runtime/proc.js
 *     spawnService), with its task runner (Code node) as a child in the same group. The sampler polls the
 *     resident memory of every process of each group (/proc/<pid>/statm) and keeps the peak of the group's
 *     sum; it also resets and reads back the kernel's own peak of the group leader (VmHWM, reset by writing
 *     5 to /proc/<pid>/clear_refs).
 *   - time: a run is started by a POST to the bench webhook, which answers when the last node has finished.
 *   - where the time went: the execution as n8n stored it (GET /rest/executions/<id>, flatted run data),
 *     each node's `executionTime` summed over its runs, split into this package's nodes and n8n's own.
 */
const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');
const config = require('../runtime/config');
const { isOurs } = require('./workflows');

const PAGE = 4096;

/** pid → process group id, for every process now (reads /proc/<pid>/stat). */
function processGroups() {
	const out = [];
	for (const name of fs.readdirSync('/proc')) {
		if (!/^\d+$/.test(name)) continue;
		try {
			const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
			const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
			out.push({ pid: Number(name), pgrp: Number(fields[2]) });
		} catch {
			/* gone */
		}
	}
	return out;
}

function rssBytes(pid) {
	try {
		return Number(fs.readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]) * PAGE;
	} catch {
		return 0;
	}
}

function hwmBytes(pid) {
	try {
		const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
		return m ? Number(m[1]) * 1024 : 0;
	} catch {
		return 0;
	}
}

function resetHwm(pid) {
	try {
		fs.writeFileSync(`/proc/${pid}/clear_refs`, '5');
	} catch {
		/* not ours or gone: the peak then counts from the process start */
	}
}

/**
 * Start sampling the process groups `groups` ({label: leader pid}) every `intervalMs`.
 * stop() → {label: {beforeMB (group sum at the start), peakMB (group sum, sampled), leaderHwmMB (kernel peak of
 * the leader since the start)}}.
 */
function sampleMemory(groups, intervalMs = 200) {
	const peaks = Object.fromEntries(Object.keys(groups).map((k) => [k, 0]));
	for (const pid of Object.values(groups)) resetHwm(pid);
	const tick = () => {
		const procs = processGroups();
		const now = {};
		for (const [label, leader] of Object.entries(groups)) {
			let sum = 0;
			for (const p of procs) if (p.pgrp === leader) sum += rssBytes(p.pid);
			if (sum > peaks[label]) peaks[label] = sum;
			now[label] = sum;
		}
		return now;
	};
	const before = tick();
	const timer = setInterval(tick, intervalMs);
	return {
		stop() {
			clearInterval(timer);
			tick();
			const mb = (b) => Math.round(b / 1e6);
			return Object.fromEntries(Object.entries(groups).map(([label, pid]) => [label, { beforeMB: mb(before[label]), peakMB: mb(peaks[label]), leaderHwmMB: mb(hwmBytes(pid)) }]));
		},
	};
}

/** POST to a production webhook and wait (no client timeout) until n8n answers; → { status, ms }. */
function callWebhook(baseUrl, webhookPath) {
	const url = new URL(`/webhook/${webhookPath}`, baseUrl);
	const t0 = process.hrtime.bigint();
	return new Promise((resolve, reject) => {
		const req = http.request(url, { method: 'POST', headers: { 'content-type': 'application/json' }, timeout: 0 }, (res) => {
			res.resume();
			res.on('end', () => resolve({ status: res.statusCode, ms: Number(process.hrtime.bigint() - t0) / 1e6 }));
		});
		req.on('error', reject);
		req.end('{}');
	});
}

/**
 * Wait until n8n has registered the production webhook `webhookPath` (POST): publishing a workflow returns
 * before its webhook is registered. A GET to a POST-only webhook answers "not registered for GET requests.
 * Did you mean to make a POST request?" once it is; before, "not registered".
 */
async function webhookReady(baseUrl, webhookPath, timeoutMs = 120000) {
	const url = new URL(`/webhook/${webhookPath}`, baseUrl);
	for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; ) {
		const r = await fetch(url).catch(() => undefined);
		const text = r ? await r.text() : '';
		if (r && (r.status !== 404 || /Did you mean to make a POST request/.test(text))) return;
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	throw new Error(`webhook ${webhookPath} was not registered within ${timeoutMs / 1000} s`);
}

/** Parse n8n's stored execution data (flatted), with the flatted copy n8n itself ships. */
function parseFlatted(text) {
	const flatted = require(path.join(config.n8nInstallDir(), 'node_modules', 'flatted'));
	return flatted.parse(text);
}

/**
 * The newest stored execution of `workflowId` and where its time went:
 * { id, status, nodes: [{ name, type, ours, ms, items }], oursMs, stockMs } (items: the node's output items, all outputs).
 */
async function executionTimes(rt, workflowId) {
	const list = await rt.executions(workflowId);
	if (!list.length) return undefined;
	const newest = list.reduce((a, b) => (Number(b.id) > Number(a.id) ? b : a));
	const ex = await rt.rest('GET', `/executions/${newest.id}`);
	const data = typeof ex.data === 'string' ? parseFlatted(ex.data) : ex.data;
	const types = Object.fromEntries((ex.workflowData?.nodes ?? []).map((n) => [n.name, n.type]));
	const runData = data?.resultData?.runData ?? {};
	const nodes = Object.entries(runData).map(([name, runs]) => {
		const type = types[name] ?? '?';
		const ms = runs.reduce((s, r) => s + (r.executionTime ?? 0), 0);
		const items = runs.reduce((s, r) => s + (r.data?.main ?? []).reduce((t, o) => t + (o ? o.length : 0), 0), 0);
		return { name, type: type.replace(`${config.PACKAGE_NAME}.`, 'jeugdhulp.').replace('n8n-nodes-base.', ''), ours: isOurs(type), runs: runs.length, ms, items };
	});
	const sum = (f) => nodes.filter(f).reduce((s, n) => s + n.ms, 0);
	// the error's message and node only (no item data): e.g. "Maximum call stack size exceeded"
	const err = data?.resultData?.error;
	const failure = err ? { node: data.resultData.lastNodeExecuted, message: String(err.message).slice(0, 200) } : undefined;
	return { id: newest.id, status: ex.status, stored: nodes.length > 0, nodes, oursMs: sum((n) => n.ours), stockMs: sum((n) => !n.ours), failure };
}

/**
 * Each node's time in the newest execution of `workflowId` from n8n's event log (<user folder>/.n8n/
 * n8nEventLog*.log: `n8n.node.started` / `n8n.node.finished` with millisecond timestamps, node names only, no
 * item data), for runs whose execution data n8n does not keep or cannot hand back (too large).
 * → { executionId, nodes: [{ name, type, ours, runs, ms }], oursMs, stockMs } or undefined.
 */
function eventLogTimes(userFolder, workflowId) {
	const dir = path.join(userFolder, '.n8n');
	const events = [];
	for (const f of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
		if (!/^n8nEventLog.*\.log$/.test(f)) continue;
		for (const line of fs.readFileSync(path.join(dir, f), 'utf8').split('\n')) {
			if (!line.includes(workflowId) || !line.includes('"n8n.node.')) continue;
			try {
				const e = JSON.parse(line);
				if (e.payload?.workflowId === workflowId) events.push({ name: e.eventName, ts: Date.parse(e.ts), ...e.payload });
			} catch {
				/* a line being written */
			}
		}
	}
	if (!events.length) return undefined;
	const executionId = String(Math.max(...new Set(events.map((e) => Number(e.executionId)))));
	const open = new Map();
	const byNode = new Map();
	for (const e of events.filter((x) => String(x.executionId) === executionId).sort((a, b) => a.ts - b.ts)) {
		if (e.name === 'n8n.node.started') open.set(e.nodeName, e.ts);
		else if (e.name === 'n8n.node.finished' && open.has(e.nodeName)) {
			const n = byNode.get(e.nodeName) ?? { name: e.nodeName, type: e.nodeType, runs: 0, ms: 0 };
			n.runs++;
			n.ms += e.ts - open.get(e.nodeName);
			open.delete(e.nodeName);
			byNode.set(e.nodeName, n);
		}
	}
	const nodes = [...byNode.values()].map((n) => ({ ...n, ours: isOurs(n.type), type: n.type.replace(`${config.PACKAGE_NAME}.`, 'jeugdhulp.').replace('n8n-nodes-base.', '') }));
	const sum = (f) => nodes.filter(f).reduce((t, n) => t + n.ms, 0);
	return { executionId, nodes, oursMs: sum((n) => n.ours), stockMs: sum((n) => !n.ours) };
}

module.exports = { sampleMemory, callWebhook, webhookReady, executionTimes, eventLogTimes };
