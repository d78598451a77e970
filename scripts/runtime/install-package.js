'use strict';
/**
 * Builds this package and installs it into an n8n user folder as a community package, exactly as
 * users get it from npm: `npm pack` (package.json + dist, per the "files" field) extracted into
 *   <userFolder>/.n8n/nodes/node_modules/n8n-nodes-jeugdhulp-onderwijs
 * n8n then loads our nodes as `n8n-nodes-jeugdhulp-onderwijs.<nodeName>`.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const config = require('./config');
const { run } = require('./proc');

/** n8n-node's output without colours and spinner frames: just the messages. */
function readable(out) {
	return out
		.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '\n')
		.split('\n')
		.map((l) => l.trim())
		.filter((l) => l && !/^[◒◐◓◑]/.test(l))
		.join('\n');
}

/** `n8n-node build` in the repository (skip with skipBuild when dist/ was just built). */
async function buildPackage({ log = console.log, logFile } = {}) {
	const started = Date.now();
	log('==> Building the package (n8n-node build)');
	const bin = path.join(config.REPO_ROOT, 'node_modules', '.bin', 'n8n-node');
	try {
		await run(bin, ['build'], { cwd: config.packageDir(), logFile, capture: true });
	} catch (e) {
		const out = e.result ? `${e.result.stdout}\n${e.result.stderr}` : '';
		throw new Error(`n8n-node build failed in ${config.packageDir()}:\n${readable(out).slice(-6000)}`);
	}
	log(`    built in ${((Date.now() - started) / 1000).toFixed(1)}s`);
}

/**
 * `npm pack` of the package folder, extracted into `target` (emptied first) as npm would unpack it.
 * Returns npm's own description of the tarball: { name, version, filename, entryCount, files: [{ path }] }.
 */
async function packInto(target, { logFile } = {}) {
	const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jeugdhulp-pack-'));
	try {
		// --ignore-scripts: a community package has no install/pack scripts anyway (lint enforces it).
		const { stdout } = await run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', tmp], {
			cwd: config.packageDir(),
			capture: true,
			logFile,
		});
		const [info] = JSON.parse(stdout.slice(stdout.indexOf('[')));
		fs.rmSync(target, { recursive: true, force: true });
		fs.mkdirSync(target, { recursive: true });
		await run('tar', ['-xzf', path.join(tmp, info.filename), '-C', target, '--strip-components=1'], { logFile });
		return info;
	} finally {
		fs.rmSync(tmp, { recursive: true, force: true });
	}
}

/** The files an unpacked package's package.json lists under "n8n" (nodes, credentials) that it lacks. */
function missingListedFiles(packageDir) {
	const manifestN8n = JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8')).n8n || {};
	const listed = [...(manifestN8n.nodes || []), ...(manifestN8n.credentials || [])];
	return listed.filter((f) => !fs.existsSync(path.join(packageDir, f)));
}

/**
 * Pack the repository and extract the tarball as <userFolder>/.n8n/nodes/node_modules/<name>.
 * Returns { target: install path, missing: files package.json lists under "n8n" that the package lacks }.
 */
async function installPackage(userFolder, { log = console.log, logFile } = {}) {
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	const target = path.join(nodesDir, 'node_modules', config.PACKAGE_NAME);
	const info = await packInto(target, { logFile });
	// n8n records installed community packages in nodes/package.json (as `npm install` would).
	const manifest = path.join(nodesDir, 'package.json');
	let pkg = { name: 'installed-nodes', private: true, dependencies: {} };
	if (fs.existsSync(manifest)) pkg = JSON.parse(fs.readFileSync(manifest, 'utf8'));
	pkg.dependencies = { ...(pkg.dependencies || {}), [config.PACKAGE_NAME]: info.version };
	fs.writeFileSync(manifest, JSON.stringify(pkg, null, 2) + '\n');
	log(`    installed ${info.name}@${info.version} (${info.entryCount} files) as community package in ${target}`);
	// n8n refuses the whole package when one listed file is missing: say which, before starting n8n.
	return { target, missing: missingListedFiles(target) };
}

module.exports = { buildPackage, installPackage, packInto, missingListedFiles };
