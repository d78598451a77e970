'use strict';
/**
 * The whole local runtime in one call, shared by `npm start` (scripts/runtime/start.js) and the
 * end-to-end tests (test/e2e/runtime.ts):
 *
 *   n8n 2.41.1 (SQLite, our package installed as a community package, owner account,
 *   workflows/ imported, credentials smtp-local + case-system-local)
 *   + maildev (SMTP + web inbox) + the local case-system API (case-api.js)
 *
 * startRuntime() returns a RuntimeClient and writes <userFolder>/runtime.json; another process
 * (e.g. a jest test file) can attach to the same runtime with attachRuntime(<that file>).
 */
const fs = require('node:fs');
const path = require('node:path');
const { spawn } = require('node:child_process');
const config = require('./config');
const { spawnService, setGroupsFile, killGroup, waitFor, freePort, portInUse } = require('./proc');
const { ensureN8n } = require('./install-n8n');
const { buildPackage, installPackage } = require('./install-package');
const n8n = require('./n8n');
const sharedMemory = require('./shared-memory');
const { writeSampleData } = require('../sample-data/generate');
const { todayInAmsterdam } = require('../sample-data/days');

/** Default ports of `npm start` (all overridable through the environment). */
const DEFAULT_PORTS = {
	n8n: Number(process.env.N8N_PORT || 5678),
	broker: Number(process.env.N8N_RUNNERS_BROKER_PORT || 5679),
	caseApi: Number(process.env.CASE_API_PORT || 5680),
	smtp: Number(process.env.MAILDEV_SMTP_PORT || 1025),
	mailWeb: Number(process.env.MAILDEV_WEB_PORT || 1080),
};

/** Operations on a started runtime, usable from any process that knows its state. */
class RuntimeClient {
	/** @param {object} state contents of runtime.json */
	constructor(state) {
		this.state = state;
		this.userFolder = state.userFolder;
		this.dataDir = state.dataDir;
		/** The day the sample data was made for (YYYY-MM-DD). */
		this.sampleDate = state.sampleDate;
		this.urls = state.urls;
		this.ports = state.ports;
		this.owner = state.owner;
		this.workflows = state.workflows;
		/** Our node types as loaded by n8n: [{name, displayName}]. */
		this.nodes = state.nodes || [];
		this.env = {
			...n8n.n8nEnv({
				userFolder: state.userFolder,
				dataDir: state.dataDir,
				port: state.ports.n8n,
				brokerPort: state.ports.broker,
			}),
			// e.g. queue mode with PostgreSQL and Redis (scripts/runtime/queue.js)
			...(state.extraEnv || {}),
		};
		this.cliLog = path.join(state.userFolder, 'logs', 'cli.log');
	}

	/** Run a workflow with `n8n execute --id` → { exitCode, output, stdout, stderr }. */
	executeWorkflow(id) {
		return n8n.executeWorkflow(this.env, id, { logFile: this.cliLog });
	}

	/** Cookie header of a logged-in owner session (cached). */
	async session() {
		if (!this._cookie) this._cookie = await n8n.login(this.urls.editor, this.owner);
		return this._cookie;
	}

	/** Authenticated REST call to n8n's internal API (/rest/...), returns parsed `data`. */
	async rest(method, route, body) {
		const r = await fetch(`${this.urls.editor}/rest${route}`, {
			method,
			headers: { cookie: await this.session(), 'content-type': 'application/json', 'browser-id': 'jeugdhulp-e2e' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await r.text();
		if (!r.ok) throw new Error(`${method} /rest${route}: HTTP ${r.status} ${text.slice(0, 500)}`);
		const json = text ? JSON.parse(text) : {};
		return json.data === undefined ? json : json.data;
	}

	/**
	 * Publish (activate) a trigger workflow in the running server, so schedules/webhooks fire.
	 * Uses the editor's REST call (takes effect at once; the CLI's publish:workflow needs a restart).
	 */
	async publishWorkflow(id) {
		const wf = await this.rest('GET', `/workflows/${id}`);
		return this.rest('POST', `/workflows/${id}/activate`, { versionId: wf.versionId });
	}

	/** Unpublish (deactivate) a workflow in the running server. */
	async unpublishWorkflow(id) {
		return this.rest('POST', `/workflows/${id}/deactivate`, {});
	}

	/** Executions of a workflow as stored by the server (newest first). */
	async executions(workflowId) {
		const filter = encodeURIComponent(JSON.stringify({ workflowId }));
		const res = await this.rest('GET', `/executions?filter=${filter}`);
		return res.results || res;
	}

	/**
	 * Mails received by maildev, oldest first, simplified:
	 * { id, from, to: string[], cc: string[], replyTo: string[], subject, text, html, date, attachments: [{fileName, generatedFileName, contentType}] }
 * (maildev 3 calls the name as sent `filename` and the stored name `generatedFileName`)
	 */
	async mails() {
		const r = await fetch(`${this.urls.inbox}/api/email`);
		if (!r.ok) throw new Error(`maildev: HTTP ${r.status}`);
		const list = await r.json();
		const addrs = (v) => (v || []).map((a) => a.address);
		// maildev 3 keeps no Reply-To (its parser drops header objects): read it from each mail's source
		const replyTo = async (id) => {
			const src = await fetch(`${this.urls.inbox}/api/email/${id}/source`);
			if (!src.ok) return [];
			const head = (await src.text()).split(/\r?\n\r?\n/)[0].replace(/\r?\n[ \t]+/g, ' ');
			const line = /^reply-to:\s*(.*)$/im.exec(head);
			return line ? line[1].split(',').map((a) => (/<([^>]+)>/.exec(a)?.[1] ?? a).trim()).filter((a) => a !== '') : [];
		};
		const replies = await Promise.all(list.map((m) => replyTo(m.id)));
		return list.map((m, i) => ({
			id: m.id,
			from: addrs(m.from)[0],
			to: addrs(m.to),
			cc: addrs(m.cc),
			replyTo: replies[i],
			subject: m.subject,
			text: m.text,
			html: m.html,
			date: m.date || m.time,
			attachments: (m.attachments || []).map((a) => ({
				fileName: a.filename || a.fileName,
				generatedFileName: a.generatedFileName,
				contentType: a.contentType,
			})),
		}));
	}

	/**
	 * Forget the alert memory of one workflow's Deadline Monitors (scripts/runtime/shared-memory.js), so its
	 * next run alerts as a first run does. On a runtime you use yourself: its next scheduled run alerts again.
	 */
	forgetAlertMemory(workflowId) {
		return sharedMemory.forgetAlertMemory(this.urls.editor, workflowId, this.state.sharedMemoryApiKey);
	}

	/** Empty the inbox. */
	async clearMails() {
		await fetch(`${this.urls.inbox}/api/email/all`, { method: 'DELETE' });
	}

	/** Requests the case API received (method, path, query, auth: 'apiKey'|'bearerToken'|null, body, status). */
	async caseRequests() {
		const r = await fetch(`${this.urls.caseApi}/_requests`, { headers: { 'x-api-key': config.CASE_API.apiKey } });
		return r.json();
	}

	/** Forget all cases and recorded requests of the case API. */
	async resetCaseApi() {
		await fetch(`${this.urls.caseApi}/_reset`, { method: 'POST', headers: { 'x-api-key': config.CASE_API.apiKey } });
	}

	/** Cases stored in the case API. */
	async cases() {
		const r = await fetch(`${this.urls.caseApi}/api/cases`, { headers: { 'x-api-key': config.CASE_API.apiKey } });
		return (await r.json()).data;
	}

	/** Attached clients do not own the processes: stopping is the owner's job. */
	async stop() {}
}

/** Start maildev (SMTP + web inbox) on the runtime's ports, its mails kept in <userFolder>/maildev. */
function spawnMaildev({ ports, userFolder, logs }) {
	return spawnService(
		process.execPath,
		[
			path.join(config.REPO_ROOT, 'node_modules', 'maildev', 'dist', 'bin', 'maildev.js'),
			'--smtp', String(ports.smtp),
			'--web', String(ports.mailWeb),
			'--ip', '127.0.0.1',
			'--web-ip', '127.0.0.1',
			'--mail-directory', path.join(userFolder, 'maildev'),
		],
		{ cwd: userFolder, env: process.env, logFile: logs.maildev },
	);
}

/** Same as RuntimeClient, plus the processes it started; stop() ends them. */
class OwnedRuntime extends RuntimeClient {
	constructor(state, procs, { temporary, groupsFile }) {
		super(state);
		this.procs = procs;
		this.temporary = temporary;
		this.groupsFile = groupsFile;
	}

	/**
	 * Stop the n8n server and start it again on the same database (a restart of the main instance).
	 * `signal` SIGKILL simulates a crash (nothing is shut down cleanly).
	 */
	async restartN8n({ signal = 'SIGTERM' } = {}) {
		const pid = this.procs.n8n && this.procs.n8n.pid;
		if (pid && signal === 'SIGKILL') {
			try {
				process.kill(-pid, 'SIGKILL');
			} catch {
				/* already gone */
			}
		}
		await killGroup(pid, 20000);
		this.procs.n8n = await n8n.startServer(this.env, { logFile: this.state.logs.n8n }); // listed in the groups file by spawnService
		this.procs.n8n.unref();
		this._cookie = undefined;
	}

	/** Stop the mail server (a fault test: the SMTP port refuses connections until startMaildev). */
	async stopMaildev() {
		await killGroup(this.procs.maildev && this.procs.maildev.pid);
		this.procs.maildev = undefined;
	}

	/** Start the mail server again on the same ports (after stopMaildev); resolves when its inbox answers. */
	async startMaildev() {
		this.procs.maildev = spawnMaildev(this.state);
		this.procs.maildev.unref();
		await waitFor(async () => (await fetch(`${this.urls.inbox}/api/healthz`)).ok, { what: 'maildev', timeoutMs: 30000 });
	}

	async stop() {
		if (this.stopped) return;
		this.stopped = true;
		// n8n first (it may still send mail / call the API while shutting down), then the services.
		await killGroup(this.procs.n8n && this.procs.n8n.pid, 20000);
		if (this.procs.extra) await Promise.all(this.procs.extra.map((p) => p.stop()));
		await Promise.all([killGroup(this.procs.maildev && this.procs.maildev.pid), killGroup(this.procs.caseApi && this.procs.caseApi.pid)]);
		fs.rmSync(this.groupsFile, { force: true }); // tells the reaper we stopped normally
		if (this.temporary) fs.rmSync(this.userFolder, { recursive: true, force: true });
	}
}

/**
 * Fill the folder n8n may read and write (N8N_RESTRICT_FILE_ACCESS_TO):
 *   <dataDir>/sample-data/<file>   the sample data for `sampleDate` (scripts/sample-data/generate.js:
 *                                  dated columns relative to that day, so every example shows every
 *                                  status on the day the runtime starts)
 *   <dataDir>/output/              where workflows write results
 * Sample files are made anew on every start; output/ is kept. Returns the generator's manifest.
 */
async function prepareDataDir(dataDir, sampleDate) {
	fs.mkdirSync(path.join(dataDir, config.OUTPUT_SUBDIR), { recursive: true });
	const target = path.join(dataDir, config.SAMPLE_DATA_SUBDIR);
	fs.rmSync(target, { recursive: true, force: true });
	return writeSampleData(sampleDate, target);
}

/**
 * Start everything. Options:
 *   userFolder   N8N_USER_FOLDER (n8n keeps .n8n/ with database + community packages there)
 *   temporary    delete userFolder on stop (tests)
 *   freePorts    pick free ports instead of the defaults (tests)
 *   ports        explicit ports {n8n, broker, caseApi, smtp, mailWeb}
 *   build        run `n8n-node build` first (default true)
 *   workflowsDirs  folders whose *.json workflows are imported (default: the repository's workflows/)
 *   sampleDate   the day the sample data in <dataDir>/sample-data is made for, YYYY-MM-DD (default:
 *                JEUGDHULP_SAMPLE_DATE, else today in Europe/Amsterdam); kept in the state as `sampleDate`
 *   extraDataDirs  {subdir: sourceFolder} also copied into the data folder (test fixtures)
 *   requirePackage  fail when n8n cannot load our package (default true; `npm start` only warns)
 *   log          progress output (default console.log)
 *   extraEnv     more environment for every n8n process (queue mode: database, Redis; scripts/runtime/queue.js)
 *   afterMain    async ({ env, remember, logs }) => [{ stop() }]: start more processes after the main instance (workers)
 */
async function startRuntime(opts) {
	const {
		userFolder,
		temporary = false,
		freePorts = false,
		build = true,
		workflowsDirs = [path.join(config.REPO_ROOT, 'workflows')],
		sampleDate = process.env.JEUGDHULP_SAMPLE_DATE || todayInAmsterdam(),
		extraDataDirs = {},
		requirePackage = true,
		log = console.log,
	} = opts;
	const t0 = Date.now();
	const secs = () => `${((Date.now() - t0) / 1000).toFixed(1)}s`;
	fs.mkdirSync(path.join(userFolder, 'logs'), { recursive: true });
	const logs = {
		n8n: path.join(userFolder, 'logs', 'n8n.log'),
		maildev: path.join(userFolder, 'logs', 'maildev.log'),
		caseApi: path.join(userFolder, 'logs', 'case-api.log'),
		cli: path.join(userFolder, 'logs', 'cli.log'),
		build: path.join(userFolder, 'logs', 'build.log'),
	};

	// Ports: defaults for `npm start` (checked, so a clash is a clear message), free ones for tests.
	const ports = { ...DEFAULT_PORTS, ...(opts.ports || {}) };
	for (const k of Object.keys(ports)) {
		if (freePorts && !(opts.ports && opts.ports[k])) ports[k] = await freePort();
		else if (await portInUse(ports[k])) {
			throw new Error(`Port ${ports[k]} (${k}) is already in use. Is another runtime running? Override it, e.g. N8N_PORT=5690 npm start`);
		}
	}

	// Until the services run (and stop() can clean up), a failure here must not leave the temp folder behind.
	try {
		await ensureN8n({ log });
		if (build) await buildPackage({ log, logFile: logs.build });
		const { missing } = await installPackage(userFolder, { log, logFile: logs.build });
		if (missing.length) {
			const msg =
				`package.json lists files the built package lacks, so n8n will load none of our nodes:\n  ${missing.join('\n  ')}\n` +
				'(Did the build fail, or is a node listed before it exists?)';
			if (requirePackage) throw new Error(msg);
			log(`\n!!! ${msg}\n`);
		}
	} catch (e) {
		if (temporary) fs.rmSync(userFolder, { recursive: true, force: true });
		throw e;
	}

	const dataDir = path.join(userFolder, 'data');
	await prepareDataDir(dataDir, sampleDate);
	log(`==> Sample data for ${sampleDate} in ${path.join(dataDir, config.SAMPLE_DATA_SUBDIR)}`);
	for (const [sub, src] of Object.entries(extraDataDirs)) {
		fs.rmSync(path.join(dataDir, sub), { recursive: true, force: true });
		fs.cpSync(src, path.join(dataDir, sub), { recursive: true });
	}

	// Watchdog: cleans up if this process dies without calling stop().
	const groupsFile = path.join(userFolder, 'process-groups');
	fs.writeFileSync(groupsFile, '');
	setGroupsFile(groupsFile);
	const reaper = spawn(process.execPath, [path.join(__dirname, 'reaper.js'), String(process.pid), groupsFile, temporary ? userFolder : ''], {
		detached: true,
		stdio: 'ignore',
	});
	reaper.unref();
	const remember = (child) => {
		// (spawnService already listed its group in groupsFile, at spawn time)
		child.unref(); // never keep the owner (e.g. jest) alive just because a service runs
		return child;
	};

	const procs = {};
	const urls = {
		editor: `http://localhost:${ports.n8n}`,
		inbox: `http://127.0.0.1:${ports.mailWeb}`,
		caseApi: `http://127.0.0.1:${ports.caseApi}`,
		smtp: `smtp://127.0.0.1:${ports.smtp}`,
	};
	const state = { userFolder, dataDir, sampleDate, ports, urls, owner: config.OWNER, pid: process.pid, workflows: [], logs, extraEnv: opts.extraEnv };
	const runtime = new OwnedRuntime(state, procs, { temporary, groupsFile });
	try {
		log(`==> Starting maildev (SMTP ${ports.smtp}, inbox ${urls.inbox}) and the case API (${urls.caseApi})`);
		fs.mkdirSync(path.join(userFolder, 'maildev'), { recursive: true });
		procs.maildev = remember(spawnMaildev(state));
		procs.caseApi = remember(
			spawnService(process.execPath, [path.join(__dirname, 'case-api.js'), String(ports.caseApi)], {
				cwd: userFolder,
				env: process.env,
				logFile: logs.caseApi,
			}),
		);

		const env = runtime.env;
		log('==> Importing credentials and workflows');
		const credentials = [...n8n.localCredentials({ smtpPort: ports.smtp, caseApiUrl: urls.caseApi }), sharedMemory.sharedMemoryCredential({ port: ports.n8n })];
		await n8n.importCredentials(env, credentials, { logFile: logs.cli });
		state.workflows = await n8n.importWorkflows(
			env,
			workflowsDirs,
			{ [config.DATA_DIR_PLACEHOLDER]: dataDir, [config.CASE_API_URL_PLACEHOLDER]: urls.caseApi }, { logFile: logs.cli, log });
		runtime.workflows = state.workflows;
		log(`    ${state.workflows.length} workflow(s) in n8n (${secs()})`);

		log(`==> Starting n8n ${config.N8N_VERSION} on ${urls.editor} (log: ${logs.n8n})`);
		procs.n8n = remember(await n8n.startServer(env, { logFile: logs.n8n }));
		// more processes sharing the database (queue-mode workers): started once the main instance has migrated it
		if (opts.afterMain) procs.extra = await opts.afterMain({ env, remember, logs });
		await waitFor(async () => (await fetch(`${urls.inbox}/api/healthz`)).ok, { what: 'maildev', timeoutMs: 30000 });
		await waitFor(async () => (await fetch(`${urls.caseApi}/api/health`)).ok, { what: 'case API', timeoutMs: 30000 });
		const created = await n8n.ensureOwner(urls.editor, config.OWNER);
		if (created) log(`    owner account ${config.OWNER.email} created`);
		state.sharedMemoryApiKey = await sharedMemory.configureSharedMemory(runtime.rest.bind(runtime), ports.n8n);
		log('    shared memory: n8n API key for Data Tables stored in the credential');

		// Did n8n load our package? (One missing file listed in package.json → no nodes at all.)
		const ours = await n8n.loadedPackageNodes(urls.editor);
		state.nodes = ours.map((t) => ({ name: t.name, displayName: t.displayName }));
		runtime.nodes = state.nodes; // the returned runtime too, not only the clients that attach later
		if (!ours.length) {
			const why = n8n.packageLoadError(logs.n8n) || `see ${logs.n8n}`;
			const msg = `n8n did not load ${config.PACKAGE_NAME}:\n${why}`;
			if (requirePackage) throw new Error(msg);
			log(`\n!!! ${msg}\n`);
		} else log(`    ${ours.length} node(s) of ${config.PACKAGE_NAME} loaded: ${ours.map((t) => t.displayName).join(', ')}`);
		// Workflows marked "active": true are published, e.g. the Error Workflow (n8n 2.x runs only a published one).
		for (const w of state.workflows.filter((wf) => wf.active)) {
			await runtime.publishWorkflow(w.id).catch((e) => log(`    ! could not publish ${w.name}: ${e.message}`));
		}
		// holds the shared-memory API key: readable by its owner only (as n8n's own config with the encryption key)
		const stateFile = path.join(userFolder, 'runtime.json');
		fs.writeFileSync(stateFile, JSON.stringify(state, null, 2), { mode: 0o600 });
		fs.chmodSync(stateFile, 0o600); // also when an earlier start wrote it
		log(`==> Runtime ready in ${secs()}`);
		return runtime;
	} catch (e) {
		await runtime.stop().catch(() => {});
		throw e;
	}
}

/** Connect to a runtime started by another process (reads its runtime.json). */
function attachRuntime(stateFile) {
	return new RuntimeClient(JSON.parse(fs.readFileSync(stateFile, 'utf8')));
}

module.exports = { startRuntime, attachRuntime, RuntimeClient, DEFAULT_PORTS };
