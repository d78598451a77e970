'use strict';
/**
 * The runtime in n8n's queue mode — how a region's IT department scales n8n out (issue 10):
 *
 *   PostgreSQL (n8n's database) + Redis (the job queue) + n8n main (UI, webhooks, triggers) + 2 workers
 *   (`n8n worker`, they run the executions) + maildev + the case API, our package installed once in
 *   the shared user folder.
 *
 * Built on startRuntime() (runtime.js): the same imports, owner account, credentials and shared
 * memory, with queue-mode settings in `extraEnv` and the workers started after the main instance
 * has migrated the database. PostgreSQL and Redis come from Debian packages
 * (scripts/test-e2e.sh installs them when missing) and run as throw-away instances in a temporary
 * folder on free ports; when running as root, PostgreSQL runs as the `postgres` user.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { run, spawnService, killGroup, waitFor, freePort } = require('./proc');
const config = require('./config');
const { startRuntime } = require('./runtime');

/** Fixed key shared by main and workers of a test runtime (they must decrypt the same credentials). */
const ENCRYPTION_KEY = 'jeugdhulp-local-queue-runtime-only';
const WORKERS = 2;

function postgresBin(name) {
	const base = '/usr/lib/postgresql';
	const versions = fs.existsSync(base) ? fs.readdirSync(base).sort((a, b) => Number(b) - Number(a)) : [];
	for (const v of versions) {
		const p = path.join(base, v, 'bin', name);
		if (fs.existsSync(p)) return p;
	}
	throw new Error(`PostgreSQL (${name}) is not installed: apt-get install postgresql (scripts/test-e2e.sh does this)`);
}

function redisBin() {
	for (const p of ['/usr/bin/redis-server', '/usr/local/bin/redis-server']) if (fs.existsSync(p)) return p;
	throw new Error('redis-server is not installed: apt-get install redis-server (scripts/test-e2e.sh does this)');
}

/** A command run as the `postgres` user when we are root (PostgreSQL refuses to run as root). */
function asPostgres(cmd, args) {
	return process.getuid && process.getuid() === 0 ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args];
}

async function startPostgres(dir, port, logFile) {
	fs.mkdirSync(dir, { recursive: true, mode: 0o755 });
	if (process.getuid && process.getuid() === 0) await run('chown', ['postgres:postgres', dir]);
	const data = path.join(dir, 'data');
	const [initCmd, initArgs] = asPostgres(postgresBin('initdb'), ['-D', data, '-U', 'n8n', '--auth=trust', '--no-sync', '-E', 'UTF8']);
	await run(initCmd, initArgs, { logFile, cwd: dir });
	const [cmd, args] = asPostgres(postgresBin('postgres'), [
		'-D', data,
		'-p', String(port),
		'-k', dir,
		'-c', 'listen_addresses=127.0.0.1',
		'-c', 'fsync=off', // a throw-away test database
		'-c', 'max_connections=100',
	]);
	const child = spawnService(cmd, args, { cwd: dir, env: process.env, logFile });
	await waitFor(async () => {
		const r = await run(postgresBin('pg_isready'), ['-h', '127.0.0.1', '-p', String(port)], { allowFailure: true });
		return r.code === 0;
	}, { what: `PostgreSQL on port ${port} (log: ${logFile})`, timeoutMs: 60000 });
	return child;
}

async function startRedis(dir, port, logFile) {
	fs.mkdirSync(dir, { recursive: true });
	// Redis does not start under libfaketime (its allocator reads the clock while libfaketime initialises:
	// "recursive calls to clock_gettime()"), so a moved clock (scripts/test-dates.sh) is not passed on to it.
	// Nothing here depends on Redis' own clock: n8n, its workers and PostgreSQL keep the moved one.
	const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'LD_PRELOAD' && !k.startsWith('FAKETIME')));
	const child = spawnService(redisBin(), ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], {
		cwd: dir,
		env,
		logFile,
	});
	await waitFor(async () => fs.readFileSync(logFile, 'utf8').includes('Ready to accept connections'), {
		what: `Redis on port ${port} (log: ${logFile})`,
		timeoutMs: 30000,
	});
	return child;
}

function stopper(child) {
	return { pid: child.pid, stop: () => killGroup(child.pid, 20000) };
}

/**
 * Start the queue-mode runtime. Options as startRuntime() (userFolder, temporary, freePorts, …).
 * Returns the runtime (same API as startRuntime's, plus `workers` and `queue: true`).
 */
async function startQueueRuntime(opts) {
	const { userFolder, log = console.log } = opts;
	fs.mkdirSync(path.join(userFolder, 'logs'), { recursive: true });
	const t0 = Date.now();
	const ports = { postgres: await freePort(), redis: await freePort() };
	// PostgreSQL's folder must be reachable by the postgres user: not inside the (0700) user folder.
	const pgDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jeugdhulp-pg-'));
	fs.chmodSync(pgDir, 0o755);
	const logs = { postgres: path.join(userFolder, 'logs', 'postgres.log'), redis: path.join(userFolder, 'logs', 'redis.log') };
	log(`==> Starting PostgreSQL (port ${ports.postgres}) and Redis (port ${ports.redis}) for queue mode`);
	const services = [];
	const stopServices = async () => {
		for (const s of services.reverse()) await s.stop();
		fs.rmSync(pgDir, { recursive: true, force: true });
	};
	try {
		services.push(stopper(await startPostgres(pgDir, ports.postgres, logs.postgres)));
		services.push(stopper(await startRedis(path.join(userFolder, 'redis'), ports.redis, logs.redis)));
	} catch (e) {
		await stopServices();
		throw e;
	}
	log(`    PostgreSQL and Redis ready (${((Date.now() - t0) / 1000).toFixed(1)}s)`);

	const extraEnv = {
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: '127.0.0.1',
		DB_POSTGRESDB_PORT: String(ports.postgres),
		DB_POSTGRESDB_DATABASE: 'postgres',
		DB_POSTGRESDB_USER: 'n8n',
		DB_POSTGRESDB_PASSWORD: 'n8n',
		// n8n's default pool is 2 connections per process. The main instance answers every worker's Data Table
		// calls (the shared memory, nodes/shared/store.ts) besides its own work, and its database monitor pings
		// through the same pool every 2 s with a 5 s timeout: with 10 runs at once both connections stayed busy
		// for > 5 s, the ping failed ("Database ping failed (1/3): Database connection timed out") and until the
		// next ping succeeded n8n answered every request with 503 "Database is not ready!" — the Data Table
		// writes of Confirm Delivery and Check Cases among them (bench:workflows --only shared, queue mode,
		// docs/running-at-scale.md). 10 per process: main + 2 workers use 30 of PostgreSQL's 100.
		DB_POSTGRESDB_POOL_SIZE: process.env.DB_POSTGRESDB_POOL_SIZE || '10', // e.g. DB_POSTGRESDB_POOL_SIZE=2 (n8n's default) to see the failure
		// A busy pool is not a lost database. With 10 connections too the main instance's ping waited > 5 s three
		// times in a row under that load (Data Table inserts with returned rows are one INSERT per row, in one
		// transaction); n8n then rebuilt its connection pool ("Triggering database connection recovery after 3
		// consecutive ping failures"), requests waiting for a connection failed with HTTP 500 ("timeout exceeded when
		// trying to connect", 20 s) and every run failed. The ping and a request may wait their turn longer:
		DB_PING_TIMEOUT_MS: process.env.DB_PING_TIMEOUT_MS || '30000', // n8n: 5000
		DB_POSTGRESDB_CONNECTION_TIMEOUT: process.env.DB_POSTGRESDB_CONNECTION_TIMEOUT || '60000', // n8n: 20000
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: '127.0.0.1',
		QUEUE_BULL_REDIS_PORT: String(ports.redis),
		N8N_ENCRYPTION_KEY: ENCRYPTION_KEY,
		QUEUE_HEALTH_CHECK_ACTIVE: 'true',
		// a killed worker's job is noticed as stalled within ~20 s instead of n8n's default 60 s lock + 30 s
		// check (test/e2e/support/crashes.ts); n8n fails a stalled job at once (maxStalledCount 0)
		QUEUE_WORKER_LOCK_DURATION: '15000',
		QUEUE_WORKER_LOCK_RENEW_TIME: '5000',
		QUEUE_WORKER_STALLED_INTERVAL: '5000',
	};

	const workers = [];
	const afterMain = async ({ env, remember, logs: rtLogs }) => {
		// started before the runtime's watchdog list existed: list them now, so the reaper ends them too
		for (const s of services) fs.appendFileSync(path.join(userFolder, 'process-groups'), `${s.pid}\n`);
		log(`==> Starting ${WORKERS} n8n workers`);
		const started = [];
		for (let i = 1; i <= WORKERS; i++) {
			const health = await freePort();
			const workerEnv = { ...env, N8N_RUNNERS_BROKER_PORT: String(await freePort()), QUEUE_HEALTH_CHECK_PORT: String(health) };
			const logFile = path.join(path.dirname(rtLogs.n8n), `worker-${i}.log`);
			const child = remember(spawnService(process.execPath, [config.n8nBin(), 'worker', '--concurrency=5'], { cwd: userFolder, env: workerEnv, logFile }));
			started.push({ child, health, logFile });
		}
		for (const w of started) {
			await waitFor(async () => (await fetch(`http://127.0.0.1:${w.health}/healthz`)).ok, {
				what: `n8n worker (log: ${w.logFile})`,
				timeoutMs: 240000,
				intervalMs: 1000,
			});
			workers.push({ pid: w.child.pid, logFile: w.logFile, healthPort: w.health });
		}
		return [...started.map((w) => stopper(w.child)), { stop: stopServices }];
	};

	let runtime;
	try {
		runtime = await startRuntime({ ...opts, extraEnv, afterMain, log });
	} catch (e) {
		await stopServices();
		throw e;
	}
	runtime.queue = true;
	runtime.workers = workers;
	runtime.state.queue = { ports, workers };
	return runtime;
}

module.exports = { startQueueRuntime };
