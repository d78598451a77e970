'use strict';
/**
 * Small process helpers shared by the runtime scripts: run a command with a log file,
 * spawn long-running services in their own process group, and kill whole groups.
 */
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

/** Environment with this Node 24 first on PATH, so `npm`/`#!/usr/bin/env node` use it. */
function nodeEnv(extra = {}) {
	const binDir = path.dirname(process.execPath);
	const PATH = [binDir, process.env.PATH || ''].join(path.delimiter);
	return { ...process.env, PATH, ...extra };
}

/**
 * Run a command to completion. Output goes to `logFile` (appended) unless `inherit` is set.
 * Resolves with { code, stdout, stderr } (stdout/stderr only captured when `capture` is set);
 * rejects on a non-zero exit unless `allowFailure` is set.
 */
function run(cmd, args, opts = {}) {
	const { cwd, env, logFile, capture = false, allowFailure = false, inherit = false } = opts;
	return new Promise((resolve, reject) => {
		if (stopping) return reject(new Error(`Not starting ${path.basename(cmd)}: stopping`));
		const child = spawn(cmd, args, {
			cwd,
			env: env || nodeEnv(),
			stdio: inherit ? 'inherit' : ['ignore', 'pipe', 'pipe'],
		});
		children.add(child);
		child.on('exit', () => children.delete(child));
		let stdout = '';
		let stderr = '';
		const log = logFile ? fs.createWriteStream(logFile, { flags: 'a' }) : null;
		if (!inherit) {
			child.stdout.on('data', (d) => {
				if (capture) stdout += d;
				if (log) log.write(d);
			});
			child.stderr.on('data', (d) => {
				if (capture) stderr += d;
				if (log) log.write(d);
			});
		}
		child.on('error', reject);
		child.on('close', (code, signal) => {
			if (log) log.end();
			const result = { code: code === null ? 128 : code, signal, stdout, stderr };
			if (code !== 0 && !allowFailure) {
				const err = new Error(
					`${cmd} ${args.join(' ')} exited with ${code ?? signal}` +
						(logFile ? ` (log: ${logFile})` : '') +
						(capture ? `\n${stderr.slice(-4000)}` : ''),
				);
				err.result = result;
				reject(err);
			} else resolve(result);
		});
	});
}

/** Processes we started as group leaders; killed on exit whatever happens. */
const groups = new Set();
/** Commands run to completion (npm, build, n8n import), in our own process group. */
const children = new Set();
/** Set by stopAll(): nothing new is started once the owner is stopping. */
let stopping = false;
/** File the watchdog (reaper.js) reads: every group is listed there the moment it is spawned. */
let groupsFile;

/** Tell spawnService where the watchdog's list of process groups is (runtime.js, before any service starts). */
function setGroupsFile(file) {
	groupsFile = file;
}

/**
 * Start a long-running service as the leader of a new process group (detached), so that
 * `killGroup` also ends its children (n8n starts task runners, maildev its own workers).
 */
function spawnService(cmd, args, { cwd, env, logFile }) {
	if (stopping) throw new Error(`Not starting ${path.basename(args[0] || cmd)}: stopping`);
	const out = fs.openSync(logFile, 'a');
	const child = spawn(cmd, args, { cwd, env, detached: true, stdio: ['ignore', out, out] });
	fs.closeSync(out);
	groups.add(child.pid);
	// Listed at once, not when the service is ready: an owner killed during n8n's start-up leaves no orphan.
	if (groupsFile && fs.existsSync(groupsFile)) fs.appendFileSync(groupsFile, `${child.pid}\n`);
	child.on('exit', () => groups.delete(child.pid));
	return child;
}

function groupAlive(pid) {
	try {
		process.kill(-pid, 0);
		return true;
	} catch {
		return false;
	}
}

/** SIGTERM the process group, wait up to `graceMs`, then SIGKILL what is left. */
async function killGroup(pid, graceMs = 10000) {
	if (!pid) return;
	try {
		process.kill(-pid, 'SIGTERM');
	} catch {
		groups.delete(pid);
		return;
	}
	const deadline = Date.now() + graceMs;
	while (groupAlive(pid) && Date.now() < deadline) await sleep(200);
	if (groupAlive(pid)) {
		try {
			process.kill(-pid, 'SIGKILL');
		} catch {
			/* already gone */
		}
	}
	groups.delete(pid);
}

/**
 * Stop everything this process started, whatever the start-up phase: no new process starts from now on,
 * running commands get SIGTERM, every service group SIGTERM and after `graceMs` SIGKILL.
 */
async function stopAll(graceMs = 10000) {
	stopping = true;
	for (const child of children) {
		try {
			child.kill('SIGTERM');
		} catch {
			/* already gone */
		}
	}
	await Promise.all([...groups].map((pid) => killGroup(pid, graceMs)));
	// Everything is gone: the watchdog may exit now (it does when its list disappears).
	if (groupsFile) fs.rmSync(groupsFile, { force: true });
}

/** Last-resort synchronous cleanup (process 'exit' handlers cannot await). */
function killAllGroupsSync() {
	for (const child of children) {
		try {
			child.kill('SIGKILL');
		} catch {
			/* already gone */
		}
	}
	for (const pid of groups) {
		try {
			process.kill(-pid, 'SIGKILL');
		} catch {
			/* already gone */
		}
	}
	groups.clear();
}
process.on('exit', killAllGroupsSync);

function sleep(ms) {
	return new Promise((r) => setTimeout(r, ms));
}

/** Poll `fn` until it returns a truthy value or `timeoutMs` passes. */
async function waitFor(fn, { timeoutMs = 120000, intervalMs = 500, what = 'condition' } = {}) {
	const deadline = Date.now() + timeoutMs;
	let lastErr;
	while (Date.now() < deadline) {
		try {
			const v = await fn();
			if (v) return v;
		} catch (e) {
			lastErr = e;
		}
		await sleep(intervalMs);
	}
	throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${lastErr ? `: ${lastErr.message}` : ''}`);
}

/** A free TCP port on 127.0.0.1 (asks the OS for port 0). */
function freePort() {
	const net = require('node:net');
	return new Promise((resolve, reject) => {
		const srv = net.createServer();
		srv.unref();
		srv.on('error', reject);
		srv.listen(0, '127.0.0.1', () => {
			const { port } = srv.address();
			srv.close(() => resolve(port));
		});
	});
}

/** Is something already listening on this port? */
function portInUse(port) {
	const net = require('node:net');
	return new Promise((resolve) => {
		const sock = net.connect({ port, host: '127.0.0.1' });
		sock.once('connect', () => {
			sock.destroy();
			resolve(true);
		});
		sock.once('error', () => resolve(false));
	});
}

module.exports = { nodeEnv, run, spawnService, setGroupsFile, killGroup, stopAll, killAllGroupsSync, sleep, waitFor, freePort, portInUse };
