'use strict';
/**
 * Talking to the installed n8n: its environment, the CLI commands we use
 * (import:credentials, import:workflow, execute, publish:workflow, start) and the REST calls
 * for the owner account (POST /rest/owner/setup, POST /rest/login).
 */
const fs = require('node:fs');
const path = require('node:path');
const config = require('./config');
const { run, nodeEnv, spawnService, waitFor, freePort } = require('./proc');

/**
 * Environment for every n8n process of one runtime (server and CLI commands alike).
 * @param {{userFolder: string, dataDir: string, port: number, brokerPort: number, logLevel?: string}} o
 */
function n8nEnv({ userFolder, dataDir, port, brokerPort, logLevel = 'info' }) {
	// Workflows may read $env (see below), so n8n gets a minimal environment, not the caller's:
	// no tokens or secrets from the developer's shell leak into expressions.
	const base = {};
	for (const k of ['HOME', 'USER', 'LANG', 'LC_ALL', 'TMPDIR', 'TERM']) if (process.env[k]) base[k] = process.env[k];
	// A moved clock (scripts/test-dates.sh: libfaketime by LD_PRELOAD) reaches n8n and its workers too, so the
	// whole runtime lives on one moved day; nothing else of the caller's environment does.
	for (const [k, v] of Object.entries(process.env)) if (v && (k === 'LD_PRELOAD' || k.startsWith('FAKETIME') || k.startsWith('DONT_FAKE_'))) base[k] = v;
	const { PATH } = nodeEnv();
	return {
		...base,
		PATH,
		N8N_USER_FOLDER: userFolder,
		// Network: local only.
		N8N_PORT: String(port),
		N8N_HOST: 'localhost',
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_PROTOCOL: 'http',
		N8N_EDITOR_BASE_URL: `http://localhost:${port}`,
		WEBHOOK_URL: `http://localhost:${port}/`,
		N8N_SECURE_COOKIE: 'false', // plain http on localhost
		// Database: SQLite in the user folder (n8n's default), spelled out.
		DB_TYPE: 'sqlite',
		// No outbound calls: telemetry, version checks, templates, banners, license renewals.
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_DIAGNOSTICS_CONFIG_FRONTEND: '',
		N8N_DIAGNOSTICS_CONFIG_BACKEND: '',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_LICENSE_AUTO_RENEW_ENABLED: 'false',
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		N8N_VERIFIED_PACKAGES_ENABLED: 'false',
		N8N_UNVERIFIED_PACKAGES_ENABLED: 'true',
		N8N_REINSTALL_MISSING_PACKAGES: 'false',
		N8N_AI_ENABLED: 'false',
		// The MCP server registry refresh calls api.n8n.io every start.
		N8N_DISABLED_MODULES: 'mcp-registry',
		EXTERNAL_FRONTEND_HOOKS_URLS: '',
		N8N_PUSH_BACKEND: 'websocket',
		// Files: nodes may read and write only inside the data folder.
		N8N_RESTRICT_FILE_ACCESS_TO: dataDir,
		N8N_BLOCK_FILE_ACCESS_TO_N8N_FILES: 'true',
		// Workflows refer to the data folder through the __JEUGDHULP_DATA_DIR__ placeholder, replaced at
		// import (docs/runtime.md); $env access in expressions stays blocked, as in a default n8n 2.x.
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		// Task runners (Code node) talk to a broker on this port; free ports keep parallel runtimes apart.
		N8N_RUNNERS_BROKER_PORT: String(brokerPort),
		// Dutch schools: calendar rules are evaluated in Amsterdam time.
		GENERIC_TIMEZONE: 'Europe/Amsterdam',
		TZ: 'Europe/Amsterdam',
		N8N_LOG_LEVEL: logLevel,
		N8N_LOG_OUTPUT: 'console',
		// Execution data (every node's input and output: BSNs, names) is saved as each workflow's settings say
		// (saveDataSuccessExecution, saveDataErrorExecution, saveManualExecutions; docs/running-at-scale.md "What n8n stores"): no
		// instance-wide override here. Files a workflow reads stay in memory for the run ('default' binary mode)
		// instead of a per-execution copy under .n8n/storage that lingers until n8n prunes the execution.
		N8N_DEFAULT_BINARY_DATA_MODE: 'default',
		// An execution that is not kept is still written while it runs (e.g. a submitted form); n8n removes it
		// for good in its next hard-delete pass: every minute here instead of every 15.
		EXECUTIONS_DATA_PRUNE_HARD_DELETE_INTERVAL: '1',
		N8N_GIT_NODE_DISABLE_BARE_REPOS: 'true',
		NODE_ENV: 'production',
	};
}

/**
 * Run an n8n CLI command to completion (captured output). `logOutput: false` keeps its output out of the
 * log file (`n8n execute` prints every node's items: BSNs and names); one line with the exit code is logged instead.
 */
async function cli(env, args, { logFile, allowFailure = false, logOutput = true } = {}) {
	const result = await run(process.execPath, [config.n8nBin(), ...args], {
		cwd: env.N8N_USER_FOLDER,
		env,
		logFile: logOutput ? logFile : undefined,
		capture: true,
		allowFailure,
	});
	if (!logOutput && logFile) fs.appendFileSync(logFile, `${new Date().toISOString()} n8n ${args[0]} exited with ${result.code} (output not logged: it holds item data)\n`);
	return result;
}

/** Credentials for the local services, with the fixed ids workflows refer to. */
function localCredentials({ smtpPort, caseApiUrl }) {
	return [
		{
			id: config.CREDENTIALS.smtp.id,
			name: config.CREDENTIALS.smtp.name,
			type: config.CREDENTIALS.smtp.type,
			data: { user: '', password: '', host: '127.0.0.1', port: smtpPort, secure: false, disableStartTls: true },
		},
		{
			id: config.CREDENTIALS.caseSystem.id,
			name: config.CREDENTIALS.caseSystem.name,
			type: config.CREDENTIALS.caseSystem.type,
			data: {
				baseUrl: caseApiUrl,
				authentication: 'apiKey',
				apiKey: config.CASE_API.apiKey,
				token: config.CASE_API.token,
			},
		},
		{
			id: config.CREDENTIALS.pseudonymisation.id,
			name: config.CREDENTIALS.pseudonymisation.name,
			type: config.CREDENTIALS.pseudonymisation.type,
			data: { key: config.PSEUDONYMISATION_KEY, keyId: 'local-2026' },
		},
	];
}

/**
 * Each n8n CLI import boots n8n (15–45 s on 2 busy cores). Skip an import whose input is exactly what
 * was imported last time into this database; the marker lives inside .n8n/, so it goes with the database.
 */
function importMarker(env) {
	return path.join(env.N8N_USER_FOLDER, '.n8n', 'jeugdhulp-imports.json');
}
function alreadyImported(env, kind, content) {
	try {
		const hash = require('node:crypto').createHash('sha256').update(content).digest('hex');
		return JSON.parse(fs.readFileSync(importMarker(env), 'utf8'))[kind] === hash;
	} catch {
		return false;
	}
}
function markImported(env, kind, content) {
	let marks = {};
	try {
		marks = JSON.parse(fs.readFileSync(importMarker(env), 'utf8'));
	} catch {
		/* first import */
	}
	marks[kind] = require('node:crypto').createHash('sha256').update(content).digest('hex');
	fs.mkdirSync(path.dirname(importMarker(env)), { recursive: true });
	fs.writeFileSync(importMarker(env), JSON.stringify(marks, null, 2));
}

/** `n8n import:credentials` (plain data is encrypted by n8n on import). Returns false when skipped. */
async function importCredentials(env, credentials, { logFile } = {}) {
	const file = path.join(env.N8N_USER_FOLDER, 'import', 'credentials.json');
	const content = JSON.stringify(credentials, null, 2);
	if (alreadyImported(env, 'credentials', content)) return false;
	fs.mkdirSync(path.dirname(file), { recursive: true });
	fs.writeFileSync(file, content);
	await cli(env, ['import:credentials', `--input=${file}`], { logFile });
	markImported(env, 'credentials', content);
	return true;
}

/**
 * Copy every workflow JSON of `workflowsDirs` with the placeholders replaced (`replacements`:
 * {placeholder: value}, e.g. __JEUGDHULP_DATA_DIR__ → the real data folder), then import them all with one `n8n import:workflow --separate` (one n8n boot, not one per file).
 * Returns [{id, name, file, active?}] (`active`: the JSON says "active": true; runtime.js publishes it).
 */
async function importWorkflows(env, workflowsDirs, replacements, { logFile, log = console.log } = {}) {
	const files = [];
	for (const dir of [].concat(workflowsDirs)) {
		if (!fs.existsSync(dir)) continue;
		for (const f of fs.readdirSync(dir).sort()) if (f.endsWith('.json')) files.push(path.join(dir, f));
	}
	const outDir = path.join(env.N8N_USER_FOLDER, 'import', 'workflows');
	fs.rmSync(outDir, { recursive: true, force: true });
	fs.mkdirSync(outDir, { recursive: true });
	const imported = [];
	for (const file of files) {
		const f = path.basename(file);
		let text = fs.readFileSync(file, 'utf8');
		for (const [placeholder, value] of Object.entries(replacements)) text = text.split(placeholder).join(value);
		let wf;
		try {
			wf = JSON.parse(text);
		} catch (e) {
			log(`    ! skipping ${f}: not valid JSON (${e.message})`);
			continue;
		}
		if (!wf.id) {
			log(`    ! skipping ${f}: a workflow file needs an "id"`);
			continue;
		}
		fs.writeFileSync(path.join(outDir, `${imported.length}-${f}`), JSON.stringify(wf));
		imported.push({ id: wf.id, name: wf.name, file, ...(wf.active === true ? { active: true } : {}) });
	}
	const content = fs
		.readdirSync(outDir)
		.sort()
		.map((f) => f + fs.readFileSync(path.join(outDir, f), 'utf8'))
		.join('\n');
	if (imported.length && !alreadyImported(env, 'workflows', content)) {
		await cli(env, ['import:workflow', '--separate', `--input=${outDir}`], { logFile });
		markImported(env, 'workflows', content);
	} else if (imported.length) log('    workflows unchanged since the last import: not re-imported');
	return imported;
}

/**
 * Parse the run data that `n8n execute` prints: `JSON.stringify(run, null, 2)`, i.e. a line that is
 * exactly "{" up to the next line that is exactly "}" (nested lines are indented). On success it is
 * the only JSON (--rawOutput); on failure n8n logs it after an "Execution error:" banner.
 */
function parseExecuteOutput(text) {
	const lines = text.split(/\r?\n/);
	const start = lines.indexOf('{');
	if (start < 0) return undefined;
	const end = lines.indexOf('}', start + 1);
	if (end < 0) return undefined;
	try {
		return JSON.parse(lines.slice(start, end + 1).join('\n'));
	} catch {
		return undefined;
	}
}

/**
 * `n8n execute --id=<id>`: runs a workflow (from its Manual Trigger) in a separate n8n process.
 * Returns { exitCode, output (parsed run data or undefined), stdout, stderr }.
 */
async function executeWorkflow(env, id, { logFile } = {}) {
	// The execute process starts its own task-runner broker: give it its own port.
	const execEnv = { ...env, N8N_RUNNERS_BROKER_PORT: String(await freePort()), N8N_LOG_LEVEL: 'info' };
	const r = await cli(execEnv, ['execute', `--id=${id}`, '--rawOutput'], { logFile, allowFailure: true, logOutput: false });
	return { exitCode: r.code, output: parseExecuteOutput(r.stdout) || parseExecuteOutput(r.stderr), stdout: r.stdout, stderr: r.stderr };
}

/** `n8n publish:workflow --id=<id>` (2.x name for activating); the running server picks it up after a restart. */
async function publishWorkflow(env, id, { logFile } = {}) {
	return cli(env, ['publish:workflow', `--id=${id}`], { logFile });
}

/** Start `n8n start` as its own process group; resolves once /healthz/readiness answers 200. */
async function startServer(env, { logFile, timeoutMs = 240000 }) {
	const child = spawnService(process.execPath, [config.n8nBin(), 'start'], {
		cwd: env.N8N_USER_FOLDER,
		env,
		logFile,
	});
	let exited = null;
	child.on('exit', (code, signal) => (exited = { code, signal }));
	const base = `http://127.0.0.1:${env.N8N_PORT}`;
	await waitFor(
		async () => {
			if (exited) throw new Error(`n8n exited early (${exited.code ?? exited.signal}); see ${logFile}`);
			const r = await fetch(`${base}/healthz/readiness`);
			return r.ok;
		},
		{ timeoutMs, intervalMs: 1000, what: `n8n on port ${env.N8N_PORT} (log: ${logFile})` },
	).catch((e) => {
		if (exited) throw new Error(`n8n exited early (${exited.code ?? exited.signal}); see ${logFile}`);
		throw e;
	});
	return child;
}

/** Create the owner account unless it exists (REST, the same call the setup screen makes). */
async function ensureOwner(baseUrl, owner = config.OWNER) {
	const settings = await (await fetch(`${baseUrl}/rest/settings`)).json();
	const um = (settings.data || settings).userManagement || {};
	if (um.showSetupOnFirstLoad === false) return false;
	const r = await fetch(`${baseUrl}/rest/owner/setup`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(owner),
	});
	if (!r.ok) throw new Error(`Owner setup failed: HTTP ${r.status} ${await r.text()}`);
	return true;
}

/**
 * Node types our package contributes, as the running server lists them (the editor's
 * /types/nodes.json). Empty when n8n could not load the package: see packageLoadError().
 */
async function loadedPackageNodes(baseUrl, owner = config.OWNER) {
	const r = await fetch(`${baseUrl}/types/nodes.json`, { headers: { cookie: await login(baseUrl, owner) } });
	if (!r.ok) throw new Error(`GET /types/nodes.json: HTTP ${r.status}`);
	const all = await r.json();
	return all.filter((t) => t.name.startsWith(`${config.PACKAGE_NAME}.`));
}

/** The reason n8n gave for not loading our package, from its log (or undefined). */
function packageLoadError(logFile) {
	const lines = fs.readFileSync(logFile, 'utf8').split('\n');
	const i = lines.findIndex((l) => l.includes(`Failed to load package "${config.PACKAGE_NAME}"`));
	return i < 0 ? undefined : lines.slice(i, i + 2).join('\n');
}

/**
 * Log in; returns the Cookie header value for further REST calls. n8n 2.41 allows 5 logins per account
 * per minute (HTTP 429 beyond): then this waits for the window to pass (up to 2 minutes) and tries again.
 */
async function login(baseUrl, owner = config.OWNER) {
	let r;
	for (const deadline = Date.now() + 120000; ; ) {
		r = await fetch(`${baseUrl}/rest/login`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ emailOrLdapLoginId: owner.email, password: owner.password }),
		});
		if (r.status !== 429 || Date.now() > deadline) break;
		await r.text();
		await new Promise((resolve) => setTimeout(resolve, 5000));
	}
	if (!r.ok) throw new Error(`Login failed: HTTP ${r.status} ${await r.text()}`);
	return (r.headers.getSetCookie ? r.headers.getSetCookie() : [r.headers.get('set-cookie')])
		.map((c) => c.split(';')[0])
		.join('; ');
}

module.exports = {
	n8nEnv,
	cli,
	localCredentials,
	importCredentials,
	importWorkflows,
	parseExecuteOutput,
	executeWorkflow,
	publishWorkflow,
	startServer,
	ensureOwner,
	loadedPackageNodes,
	packageLoadError,
	login,
};
