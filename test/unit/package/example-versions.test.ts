/**
 * Every example workflow shows today's nodes (issue 24 §3): each node of this package in workflows/*.json is at the
 * version a node added today gets (its `defaultVersion`, read from the built descriptions in dist/), so a beheerder
 * who imports an example sees the same parameters as on a node they add themselves. Older versions keep their
 * engine-test fixtures (test/engine/**\/fixtures) for backward compatibility.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import type { INodeTypeDescription } from 'n8n-workflow';

const ROOT = path.join(__dirname, '../../..');
const PACKAGE = 'n8n-nodes-jeugdhulp-onderwijs';

/** The version a new node gets, per node name, from dist/ (package.json's n8n.nodes). */
function latestVersions(): Map<string, number> {
	const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { n8n: { nodes: string[] } };
	const out = new Map<string, number>();
	for (const file of pkg.n8n.nodes) {
		const mod = require(path.join(ROOT, file)) as Record<string, new () => { description: INodeTypeDescription }>;
		const { description } = new (Object.values(mod)[0])();
		const versions = Array.isArray(description.version) ? description.version : [description.version];
		out.set(description.name, description.defaultVersion ?? Math.max(...versions));
	}
	return out;
}

const latest = latestVersions();
const examples = fs.readdirSync(path.join(ROOT, 'workflows')).filter((f) => f.endsWith('.json'));

it('reads a version for every node of the package from dist/', () => {
	expect([...latest.keys()].sort()).toEqual(['crossRegionSettlement', 'deadlineMonitor', 'evaluationTrigger', 'recordCleaner', 'toeleidingTriage']);
});

describe.each(examples)('workflows/%s', (file) => {
	const wf = JSON.parse(fs.readFileSync(path.join(ROOT, 'workflows', file), 'utf8')) as { nodes: Array<{ name: string; type: string; typeVersion: number }> };
	it('uses each node of the package at the version a new node gets', () => {
		const ours = wf.nodes.filter((n) => n.type.startsWith(`${PACKAGE}.`));
		const seen = ours.map((n) => [n.name, n.typeVersion]);
		const expected = ours.map((n) => [n.name, latest.get(n.type.slice(PACKAGE.length + 1))]);
		expect(seen).toEqual(expected);
	});
});
