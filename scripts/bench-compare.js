#!/usr/bin/env node
// Compares one benchmark's node at this checkout with the same node at another commit, in n8n's real engine:
// the same synthetic input and parameters (COMPARE in bench/<name>.bench.ts of THIS checkout), each side's own
// build and harness, and the node's own execution time from n8n's run data (not the harness around it).
// Fresh processes, alternating sides, so heap state and machine noise fall on both alike; medians are reported.
// Nothing here asserts on time.
//
// Usage: npm run bench:compare -- <commit> <deadlines|triage|settlement> [items=100000] [rounds=6]
// e.g.   npm run bench:compare -- e9ce2b8 deadlines          (issue 11: no slowdown beyond 10 % on clean data)
// The other commit is checked out once under the system temp folder (git worktree, reused) and built there.
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFileSync } = require('node:child_process');

const root = path.resolve(__dirname, '..');
const RUNS_PER_PROCESS = 4; // the first is a warm-up for the full size; runs 2-4 count

function child(engineRoot, bench, items) {
	process.env.JEUGDHULP_REPO_ROOT = engineRoot;
	global.describe = () => {};
	global.it = () => {};
	const { COMPARE: spec } = require(path.join(root, '.bench-build', 'bench', `${bench}.bench.js`));
	const { runWorkflow } = require(path.join(engineRoot, '.bench-build', 'test', 'helpers', 'engine.js'));
	const workflow = {
		nodes: [
			{ id: 's', name: 'Source', type: 'test.source', typeVersion: 1, position: [0, 0], parameters: {} },
			{ id: 'n', name: 'Node', type: spec.type, typeVersion: 1, position: [200, 0], parameters: spec.parameters, ...(spec.node ?? {}) },
		],
		connections: { Source: { main: [[{ node: 'Node', type: 'main', index: 0 }]] } },
	};
	const input = spec.input(items);
	return (async () => {
		await runWorkflow(workflow, { input: input.slice(0, 5000), credentials: spec.credentials });
		const times = [];
		for (let r = 0; r < RUNS_PER_PROCESS; r++) {
			global.gc?.();
			const result = await runWorkflow(workflow, { input, credentials: spec.credentials });
			if (result.error) throw result.error;
			if (r > 0) times.push(result.taskData('Node').executionTime);
		}
		process.stdout.write(JSON.stringify(times) + '\n');
	})();
}

function build(dir) {
	execFileSync('n8n-node', ['build'], { cwd: dir, stdio: ['ignore', 'ignore', 'inherit'] });
	fs.rmSync(path.join(dir, '.bench-build'), { recursive: true, force: true });
	execFileSync('tsc', ['-p', 'tsconfig.bench.json'], { cwd: dir, stdio: 'inherit' });
}

function checkout(ref) {
	const sha = execFileSync('git', ['rev-parse', '--verify', `${ref}^{commit}`], { cwd: root, encoding: 'utf8' }).trim();
	const dir = path.join(os.tmpdir(), `jeugdhulp-compare-${sha.slice(0, 12)}`);
	if (!fs.existsSync(path.join(dir, 'package.json'))) {
		execFileSync('git', ['worktree', 'add', '--force', '--detach', dir, sha], { cwd: root, stdio: 'ignore' });
	}
	if (!fs.existsSync(path.join(dir, 'node_modules'))) execFileSync('cp', ['-al', path.join(root, 'node_modules'), path.join(dir, 'node_modules')]);
	return { sha, dir };
}

const median = (values) => [...values].sort((a, b) => a - b)[(values.length - 1) >> 1];

function main() {
	const [ref, bench, itemsArg, roundsArg] = process.argv.slice(2);
	if (!ref || !['deadlines', 'triage', 'settlement'].includes(bench)) {
		console.error('Usage: npm run bench:compare -- <commit> <deadlines|triage|settlement> [items=100000] [rounds=6]');
		process.exit(2);
	}
	const items = Number(itemsArg ?? 100_000);
	const rounds = Number(roundsArg ?? 6);
	const other = checkout(ref);
	const head = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
	console.log(`==> Building this checkout (${head.slice(0, 7)}) and ${ref} (${other.sha.slice(0, 7)}, in ${other.dir})`);
	build(root);
	build(other.dir);
	const sides = [
		{ name: `this checkout ${head.slice(0, 7)}`, dir: root, times: [] },
		{ name: `${ref} ${other.sha.slice(0, 7)}`, dir: other.dir, times: [] },
	];
	console.log(`==> ${bench}: ${items} items, ${rounds} rounds × ${RUNS_PER_PROCESS - 1} measured runs per side, fresh process each`);
	for (let r = 0; r < rounds; r++) {
		for (const side of r % 2 === 0 ? sides : [...sides].reverse()) {
			const out = execFileSync(process.execPath, ['--expose-gc', '--max-old-space-size=8192', __filename, '--child', side.dir, bench, String(items)], {
				cwd: root,
				encoding: 'utf8',
				stdio: ['ignore', 'pipe', 'inherit'],
			});
			side.times.push(...JSON.parse(out.trim().split('\n').pop()));
		}
	}
	for (const s of sides) {
		console.log(`${s.name.padEnd(28)} node ms: median ${median(s.times)}, min ${Math.min(...s.times)}, max ${Math.max(...s.times)} (n=${s.times.length})`);
	}
	const change = Math.round((median(sides[0].times) / median(sides[1].times) - 1) * 1000) / 10;
	console.log(`this checkout vs ${ref}: ${change >= 0 ? '+' : ''}${change} % (medians of the node's own execution time)`);
}

if (process.argv[2] === '--child') {
	child(process.argv[3], process.argv[4], Number(process.argv[5])).catch((error) => {
		console.error(error);
		process.exit(1);
	});
} else {
	main();
}
