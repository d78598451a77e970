/**
 * Loads the BUILT package the way n8n does (package.json → n8n.nodes / n8n.credentials → dist/) and
 * checks every node and credential description against the community-node rules and our own.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { NodeHelpers, Workflow } from 'n8n-workflow';
import type { INode, INodeParameters, INodeProperties, INodePropertyOptions, INodeType, INodeTypeDescription, IVersionedNodeType, NodeParameterValue } from 'n8n-workflow';
import type { ExpectedColumn } from '../../domain/primitives/columns';
import { DEADLINE_COLUMNS } from '../../domain/deadlines';
import { DELIVERY_COLUMNS, INVOICE_COLUMNS } from '../../domain/settlement';
import { TRIAGE_COLUMNS } from '../../domain/triage';
import { loadPackage, PACKAGE_NAME, PackageNodeTypes, REPO_ROOT } from '../helpers/engine';

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

/** Per node: offered to n8n's AI Agent as a tool? The decision of docs/privacy.md "AI agents". */
const AI_TOOL: Record<string, boolean> = {
	'n8n-nodes-jeugdhulp-onderwijs.deadlineMonitor': true, // case references, dates, school, zorgteam: pseudonymous
	'n8n-nodes-jeugdhulp-onderwijs.toeleidingTriage': false, // BSN, help requests
	'n8n-nodes-jeugdhulp-onderwijs.recordCleaner': false, // BSN, names, remarks
	'n8n-nodes-jeugdhulp-onderwijs.crossRegionSettlement': false, // pupil numbers (BSN) per delivery
	'n8n-nodes-jeugdhulp-onderwijs.evaluationTrigger': false, // a trigger (n8n's lint forbids true)
};

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

	// docs/privacy.md "AI agents" (issue 23): only nodes that read no identifying data are offered to n8n's AI Agent
	const aiTool = AI_TOOL[type];
	it(aiTool ? 'is usable as an AI tool (it reads pseudonymous data only)' : 'is not usable as an AI tool (a trigger, or it reads identifying data)', () => {
		expect(aiTool).toBeDefined(); // a new node needs a decision
		for (const d of descriptions) expect(d.usableAsTool ?? false).toBe(aiTool);
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

// ---------- what the beheerder sees in the editor (issue 12) ----------

/** Longest output label that fits under a node on the canvas without being cut off. */
const MAX_OUTPUT_LABEL = 12;

/** The description a new node gets (its default version). */
function newNodeDescription(node: INodeType | IVersionedNodeType): INodeTypeDescription {
	if ('nodeVersions' in node) return node.nodeVersions[node.currentVersion].description;
	return node.description;
}
function defaultVersionOf(d: INodeTypeDescription): number {
	if (d.defaultVersion !== undefined) return d.defaultVersion;
	return Array.isArray(d.version) ? Math.max(...d.version) : d.version;
}

/** A workflow holding one node of this type, so n8n's own helpers can evaluate its subtitle and outputs. */
function withNode(type: string, d: INodeTypeDescription, parameters: INodeParameters): { workflow: Workflow; node: INode } {
	const typeVersion = defaultVersionOf(d);
	const full = NodeHelpers.getNodeParameters(d.properties, parameters, true, false, { typeVersion }, d) ?? {};
	const node: INode = { id: 'n', name: 'Node', type, typeVersion, position: [0, 0], parameters: full };
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes: new PackageNodeTypes(loaded) });
	return { workflow, node };
}

/** One parameter set per value of every top-level options/boolean parameter (the others at their defaults). */
function choices(d: INodeTypeDescription): Array<{ name: string; value: NodeParameterValue; label: string; parameters: INodeParameters }> {
	const out: Array<{ name: string; value: NodeParameterValue; label: string; parameters: INodeParameters }> = [];
	for (const p of d.properties) {
		if (p.type === 'options') {
			for (const o of (p.options ?? []) as INodePropertyOptions[]) out.push({ name: p.name, value: o.value as NodeParameterValue, label: o.name, parameters: { [p.name]: o.value as NodeParameterValue } });
		} else if (p.type === 'boolean') {
			for (const v of [true, false]) out.push({ name: p.name, value: v, label: String(v), parameters: { [p.name]: v } });
		}
	}
	return out;
}

const isIdLike = (value: string) => /[_]|[a-z][A-Z]/.test(value) || /^[a-z]+$/.test(value);

describe.each([...loaded.nodes.entries()])('node %s in the editor', (type, node) => {
	const d = newNodeDescription(node);
	const isTrigger = d.group.includes('trigger');

	it('a new node gets the newest version', () => {
		const versions = descriptionsOf(node).flatMap((x) => (Array.isArray(x.version) ? x.version : [x.version]));
		expect(defaultVersionOf(d)).toBe(Math.max(...versions));
	});

	it('shows labels, never internal ids, in the canvas subtitle', () => {
		const subtitle = d.subtitle as string;
		const referenced = new Set([...subtitle.matchAll(/\$parameter\[["'](\w+)["']\]/g)].map((m) => m[1]));
		const checked: string[] = [];
		for (const c of choices(d).filter((x) => referenced.has(x.name) && typeof x.value === 'string')) {
			const { workflow, node: n } = withNode(type, d, c.parameters);
			const shown = String(workflow.expression.getSimpleParameterValue(n, subtitle, 'internal', {}));
			const value = c.value as string;
			checked.push(`${c.name}=${value}: ${shown}`);
			if (isIdLike(value) && !c.label.includes(value)) expect({ choice: `${c.name}=${value}`, shown }).toEqual({ choice: `${c.name}=${value}`, shown: expect.not.stringContaining(value) });
		}
		// every subtitle that depends on an option was evaluated at least once
		// (options with numeric values, such as the trigger's months, cannot show an id)
		const byName = (r: string) => d.properties.find((p) => p.name === r);
		if ([...referenced].some((r) => byName(r)?.type === 'options' && ((byName(r)?.options ?? []) as INodePropertyOptions[]).some((o) => typeof o.value === 'string'))) expect(checked.length).toBeGreaterThan(0);
	});

	it(`labels its outputs in at most ${MAX_OUTPUT_LABEL} characters, for every choice`, () => {
		const labels = new Set<string>(d.outputNames ?? []);
		for (const c of [{ parameters: {} as INodeParameters }, ...choices(d)]) {
			const { workflow, node: n } = withNode(type, d, c.parameters);
			for (const o of NodeHelpers.getNodeOutputs(workflow, n, d)) if (typeof o === 'object' && o.displayName) labels.add(o.displayName);
		}
		if (!isTrigger) expect(labels.size).toBeGreaterThan(0);
		expect([...labels].filter((l) => l.length > MAX_OUTPUT_LABEL)).toEqual([]);
	});

	it('has no placeholder that looks like a set date (examples start with "e.g.")', () => {
		const dateLike = /\b\d{4}-\d{1,2}-\d{1,2}\b|\b\d{1,2}-\d{1,2}-\d{4}\b/;
		const offending = allParameters(d.properties)
			.filter(({ p }) => typeof p.placeholder === 'string' && dateLike.test(p.placeholder) && !p.placeholder.startsWith('e.g.'))
			.map(({ path: where, p }) => `${where}: ${p.placeholder as string}`);
		expect(offending).toEqual([]);
	});
});

/** The nodes with a column mapping, the domain's column lists, and the parameters that show each one. */
const MAPPED: Array<{ node: string; columns: ReadonlyArray<ExpectedColumn>; parameters: INodeParameters; hidden?: string[] }> = [
	{ node: 'deadlineMonitor', columns: DEADLINE_COLUMNS, parameters: {}, hidden: ['homeSince', 'startedOfferDate'] },
	{ node: 'deadlineMonitor', columns: DEADLINE_COLUMNS, parameters: { rule: 'thuiszitter' }, hidden: ['zorgteamDate', 'startDate', 'offerDate'] },
	{ node: 'deadlineMonitor', columns: DEADLINE_COLUMNS, parameters: { operation: 'calculateKpis' }, hidden: ['homeSince', 'startedOfferDate'] },
	{ node: 'crossRegionSettlement', columns: DELIVERY_COLUMNS, parameters: {} },
	{ node: 'crossRegionSettlement', columns: INVOICE_COLUMNS, parameters: { operation: 'reconcile' } },
	{ node: 'toeleidingTriage', columns: TRIAGE_COLUMNS, parameters: {} },
];

/** The column mapping parameters of node version 1.2 (nodes/shared/columns.ts). */
const MAPPING_NAMES = ['columnMap', 'invoiceColumnMap'];

describe.each(MAPPED.map((m) => [`${m.node} ${JSON.stringify(m.parameters)}`, m] as const))('column mapping of %s', (_name, m) => {
	const type = `${PACKAGE_NAME}.${m.node}`;
	const d = newNodeDescription(loaded.nodes.get(type)!);
	const typeVersion = defaultVersionOf(d);
	// what n8n puts into a new node: the defaults of every parameter (NodeHelpers, as the editor does)
	const values = NodeHelpers.getNodeParameters(d.properties, m.parameters, true, false, { typeVersion }, d) ?? {};

	it('shows every expected column of a new node with its default name, meaning and required mark, before any run', () => {
		const mappings = d.properties.filter((p) => MAPPING_NAMES.includes(p.name) && NodeHelpers.displayParameter(values, p, { typeVersion }, d));
		expect(mappings).toHaveLength(1);
		const [mapping] = mappings;
		const set = values[mapping.name] as INodeParameters;
		// the value of a new node already holds every column with its default name (so the panel lists them all) …
		expect(set).toEqual(Object.fromEntries(m.columns.map((c) => [c.key, c.defaultName])));
		// … and the ones the current settings use are displayed, with label, meaning and required mark
		const fields = (mapping.options ?? []) as INodeProperties[];
		const displayed = fields.filter((f) => NodeHelpers.displayParameter(set, f, { typeVersion }, d, values)).map((f) => f.name);
		const expected = m.columns.filter((c) => !(m.hidden ?? []).includes(c.key));
		expect(displayed).toEqual(expected.map((c) => c.key));
		for (const c of expected) {
			const field = fields.find((f) => f.name === c.key)!;
			// required columns say so in their label; `required: true` inside a collection would block every run in n8n 2.41
			expect({ key: c.key, label: field.displayName, required: Boolean(field.required), default: field.default, meaning: field.description }).toEqual({
				key: c.key,
				label: c.required ? `${c.label} *` : c.label,
				required: false,
				default: c.defaultName,
				meaning: expect.stringContaining(c.meaning.slice(0, 30)),
			});
		}
	});

	it('shows every column label uncut at n8n\u2019s default panel width (issue 24 \u00a74: "Parental Consent (Requ\u2026")', () => {
		const mapping = d.properties.find((p) => MAPPING_NAMES.includes(p.name) && NodeHelpers.displayParameter(values, p, { typeVersion }, d))!;
		for (const field of (mapping.options ?? []) as INodeProperties[]) expect([field.displayName, field.displayName.length <= 22]).toEqual([field.displayName, true]);
	});

	it('hides the old one-by-one collection from new nodes (existing workflows keep it)', () => {
		const legacy = d.properties.filter((p) => p.type === 'collection' && /Field|Column/.test(p.displayName) && !MAPPING_NAMES.includes(p.name) && p.name !== 'options');
		expect(legacy.length).toBeGreaterThan(0);
		for (const p of legacy) expect(NodeHelpers.displayParameter(values, p, { typeVersion }, d)).toBe(false);
		const old = NodeHelpers.getNodeParameters(d.properties, m.parameters, true, false, { typeVersion: 1.1 }, d) ?? {};
		const shownBefore = legacy.filter((p) => NodeHelpers.displayParameter(old, p, { typeVersion: 1.1 }, d));
		expect(shownBefore).toHaveLength(1);
		// the old collection offers the same columns with the same defaults as the domain's one list
		const oldDefaults = Object.fromEntries(((shownBefore[0].options ?? []) as INodeProperties[]).map((o) => [o.name, o.default]));
		expect(oldDefaults).toEqual(Object.fromEntries(m.columns.map((c) => [c.key, c.defaultName])));
		expect(d.properties.filter((p) => MAPPING_NAMES.includes(p.name) && NodeHelpers.displayParameter(old, p, { typeVersion: 1.1 }, d))).toEqual([]);
	});
});
