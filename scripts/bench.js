#!/usr/bin/env node
// Runs the benchmarks in bench/*.bench.ts as plain Node programs — the way n8n runs nodes — not inside
// jest, whose VM sandbox makes some code several times slower and would distort the ratios.
// Usage: npm run bench [-- deadlines|settlement|triage ...]   (default: all, one after another)
// Each benchmark prints a table and writes bench/results/<name>.json. Nothing here asserts on time.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');

const root = path.resolve(__dirname, '..');
const out = path.join(root, '.bench-build');
process.env.JEUGDHULP_REPO_ROOT = root;

console.log('==> Building the package (dist/) and compiling the benchmarks (.bench-build/)');
execFileSync('n8n-node', ['build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
fs.rmSync(out, { recursive: true, force: true });
execFileSync('tsc', ['-p', 'tsconfig.bench.json'], { cwd: root, stdio: 'inherit' });

// The benchmarks are written as one describe/it each (readable, and type-checked with the tests);
// this runner gives them those two names and runs the bodies in order.
const queue = [];
global.describe = (_name, body) => body();
global.it = (name, body) => queue.push({ name, body });

const wanted = process.argv.slice(2).map((a) => path.basename(a).replace(/\.bench(\.ts)?$/, ''));
const files = fs
	.readdirSync(path.join(root, 'bench'))
	.filter((f) => f.endsWith('.bench.ts'))
	.map((f) => f.replace(/\.bench\.ts$/, ''))
	.filter((name) => wanted.length === 0 || wanted.includes(name));
if (files.length === 0) {
	console.error(`No benchmark matches ${wanted.join(', ')}`);
	process.exit(2);
}

(async () => {
	for (const name of files) {
		require(path.join(out, 'bench', `${name}.bench.js`));
		while (queue.length) {
			const { name: test, body } = queue.shift();
			console.log(`\n==> ${name}: ${test}`);
			await body();
		}
	}
})().catch((error) => {
	console.error(error);
	process.exit(1);
});
