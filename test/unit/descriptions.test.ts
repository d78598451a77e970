/**
 * Loads the BUILT package the way n8n does (package.json → n8n.nodes / n8n.credentials → dist/) and
 * checks every node and credential description against the community-node rules and our own.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { INodeProperties, INodeType, INodeTypeDescription, IVersionedNodeType } from 'n8n-workflow';
import { loadPackage, PACKAGE_NAME, REPO_ROOT } from '../helpers/engine';

const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
const loaded = loadPackage();

function descriptionsOf(node: INodeType | IVersionedNodeType): INodeTypeDescription[] {
	if ('nodeVersions' in node) return Object.values(node.nodeVersions).map((v) => v.description);
	return [node.description];
}

/** Every parameter, also those nested in collections, fixedCollections and their options. */
function allParameters(properties: INodeProperties[], trail = ''): Array<{ path: string; p: INodeProperties }> {
	const out: Array<{ path: string; p: INodeProperties }> = [];
	for (const p of properties) {
		const here = `${trail}${p.name}`;
		out.push({ path: here, p });
		for (const option of (p.options ?? []) as unknown[]) {
			const o = option as { name: string; values?: INodeProperties[]; type?: string; displayName?: string };
			if (Array.isArray(o.values)) out.push(...allParameters(o.values, `${here}.${o.name}.`));
			else if (o.type !== undefined && o.displayName !== undefined) out.push(...allParameters([o as unknown as INodeProperties], `${here}.`));
		}
	}
	return out;
}

function iconFiles(description: { icon?: unknown }, file: string): { light: string; dark: string } {
	const icon = description.icon as { light: string; dark: string } | string | undefined;
	expect(typeof icon).toBe('object');
	const { light, dark } = icon as { light: string; dark: string };
	expect(light).toMatch(/^file:.+\.svg$/);
	expect(dark).toMatch(/^file:.+\.svg$/);
	return {
		light: path.join(path.dirname(file), light.slice('file:'.length)),
		dark: path.join(path.dirname(file), dark.slice('file:'.length)),
	};
}

describe('package.json follows the community-node rules', () => {
	it('is named, keyworded and licensed as a community package', () => {
		expect(pkg.name).toBe(PACKAGE_NAME);
		expect(pkg.name).toMatch(/^n8n-nodes-/);
		expect(pkg.keywords).toContain('n8n-community-node-package');
		expect(pkg.license).toBe('MIT');
	});
	it('has no runtime dependencies, no overrides, no install scripts, and the exact peer dependency', () => {
		expect(pkg.dependencies ?? {}).toEqual({});
		expect(pkg.overrides).toBeUndefined();
		for (const s of ['preinstall', 'install', 'postinstall', 'prepare']) expect(pkg.scripts?.[s]).toBeUndefined();
		expect(pkg.peerDependencies).toEqual({ 'n8n-workflow': '*' });
		expect(pkg.n8n.n8nNodesApiVersion).toBe(1);
		expect(pkg.n8n.strict).toBe(true);
	});
	it('lists nodes and credentials that all exist in the build', () => {
		expect(loaded.missing).toEqual([]);
		expect(pkg.n8n.nodes.length).toBeGreaterThan(0);
		expect(loaded.nodes.size).toBe(pkg.n8n.nodes.length);
		expect(loaded.credentials.size).toBe(pkg.n8n.credentials.length);
	});
});

describe.each([...loaded.nodes.entries()])('node %s', (type, node) => {
	const file = loaded.nodeFiles.get(type)!;
	const descriptions = descriptionsOf(node);
	const isTrigger = descriptions[0].group.includes('trigger');

	it('has a display name, description, subtitle and defaults', () => {
		for (const d of descriptions) {
			expect(d.displayName.length).toBeGreaterThan(3);
			expect(d.description.length).toBeGreaterThan(20);
			expect(d.defaults.name).toBeTruthy();
			if (!isTrigger) expect(typeof d.subtitle).toBe('string');
		}
	});

	it('has light and dark SVG icons that exist and differ', () => {
		for (const d of descriptions) {
			const { light, dark } = iconFiles(d, file);
			expect(fs.existsSync(light)).toBe(true);
			expect(fs.existsSync(dark)).toBe(true);
			const l = fs.readFileSync(light, 'utf8');
			const k = fs.readFileSync(dark, 'utf8');
			expect(l).toMatch(/<svg[\s>]/);
			expect(k).toMatch(/<svg[\s>]/);
			expect(l).not.toBe(k);
		}
	});

	it(isTrigger ? 'is a trigger, so not usable as an AI tool' : 'is usable as an AI tool', () => {
		for (const d of descriptions) expect(Boolean(d.usableAsTool)).toBe(!isTrigger);
	});

	it('describes every parameter, also nested ones', () => {
		for (const d of descriptions) {
			const missing = allParameters(d.properties)
				.filter(({ p }) => p.type !== 'notice' && !(typeof p.description === 'string' && p.description.trim().length > 0))
				.map(({ path: p }) => p);
			expect(missing).toEqual([]);
		}
	});

	it('has a codex file with categories and documentation links', () => {
		const codexFile = file.replace(/\.js$/, '.json');
		const source = path.join(REPO_ROOT, path.relative(path.join(REPO_ROOT, 'dist'), codexFile));
		expect(fs.existsSync(source)).toBe(true);
		const codex = JSON.parse(fs.readFileSync(source, 'utf8'));
		expect(codex.node).toBe(type);
		expect(Array.isArray(codex.categories) && codex.categories.length).toBeTruthy();
		expect(codex.resources.primaryDocumentation[0].url).toMatch(/^https:\/\//);
		// the build ships the codex next to the node
		expect(fs.existsSync(codexFile)).toBe(true);
	});

	it('names every output when it has more than one', () => {
		for (const d of descriptions) {
			if (Array.isArray(d.outputs) && d.outputs.length > 1) expect(d.outputNames?.length).toBe(d.outputs.length);
		}
	});
});

describe.each([...loaded.credentials.entries()])('credential %s', (name, cred) => {
	it('has a display name, documentation and described properties', () => {
		expect(cred.displayName.length).toBeGreaterThan(3);
		expect(cred.name).toBe(name);
		expect(cred.name).toMatch(/Api$/);
		expect(cred.documentationUrl).toBeTruthy();
		for (const p of cred.properties) {
			if (p.type !== 'notice') expect(p.description ?? '').not.toBe('');
		}
	});
	it('masks secrets', () => {
		for (const p of cred.properties) {
			if (/key|token|secret|password/i.test(p.name) && p.type === 'string' && !/id$/i.test(p.name)) {
				expect(p.typeOptions?.password).toBe(true);
			}
		}
	});
});
