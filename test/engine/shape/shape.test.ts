/**
 * Every node of the BUILT package (dist/, loaded as n8n loads it) has the folder shape CONTRIBUTING.md
 * "Node folder shape" describes:
 * - `<Node>.node.js` is a shell: it requires only its description, its router and shared description
 *   helpers, and `execute()` / `trigger()` only hands `this` to `route`;
 * - `router.js` switches on the operation and throws "The operation "x" is not supported" for an
 *   unknown one (called directly with a minimal context, and, for nodes with an Operation selector,
 *   through n8n's real engine);
 * - every `actions/<operation>.operation.js` exports `description` (parameters) and `execute`, each
 *   operation of the selector has its file, and the node's parameters are assembled from them.
 * Requires `n8n-node build` first.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { INodeProperties, INodeType, ITriggerFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { loadPackage, PACKAGE_NAME, REPO_ROOT, runWorkflow, singleNodeWorkflow } from '../../helpers/engine';

const loaded = loadPackage();
const nodes = [...loaded.nodes.entries()].map(([type, node]) => {
	const file = loaded.nodeFiles.get(type)!;
	return { type, name: type.slice(PACKAGE_NAME.length + 1), node: node as INodeType, file, dir: path.dirname(file) };
});

/** The modules a built file requires (relative paths resolved to repository paths, packages by name). */
function requires(file: string): string[] {
	const source = fs.readFileSync(file, 'utf8');
	return [...source.matchAll(/require\("([^"]+)"\)/g)].map(([, spec]) =>
		spec.startsWith('.') ? path.relative(path.join(REPO_ROOT, 'dist'), path.resolve(path.dirname(file), spec)) : spec,
	);
}

function operationFiles(dir: string): string[] {
	const actions = path.join(dir, 'actions');
	if (!fs.existsSync(actions)) return [];
	return fs.readdirSync(actions).filter((f) => f.endsWith('.operation.js')).map((f) => path.join(actions, f));
}

/** The values of the node's Operation selector; a node without one has a single operation. */
function selectorValues(node: INodeType): string[] | undefined {
	const selector = node.description.properties.find((p) => p.name === 'operation');
	return selector?.options?.map((o) => String((o as { value: unknown }).value));
}

it('finds the five nodes in the build', () => {
	expect(nodes.map((n) => n.name).sort()).toEqual(['crossRegionSettlement', 'deadlineMonitor', 'evaluationTrigger', 'recordCleaner', 'toeleidingTriage']);
});

describe.each(nodes)('node $name', ({ node, file, dir }) => {
	const isTrigger = typeof node.trigger === 'function';
	const folder = path.relative(path.join(REPO_ROOT, 'dist'), dir);

	it('has a shell class file: it requires only its description, router and shared description helpers', () => {
		const allowed = new Set([
			'n8n-workflow',
			`${folder}/description`,
			`${folder}/router`,
			'nodes/shared/credentialTests',
			'nodes/shared/privacy', // identifyingDataProperties(VERSIONS): the privacy parameters every table node shows
			`${folder}/versions`, // the node's version table, which gates those privacy parameters
		]);
		expect(requires(file).filter((r) => !allowed.has(r))).toEqual([]);
		expect(requires(file)).toEqual(expect.arrayContaining([`${folder}/description`, `${folder}/router`]));
		const source = fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '' && !l.startsWith('//#'));
		expect(source.length).toBeLessThan(60);
	});

	it(`hands ${isTrigger ? 'trigger()' : 'execute()'} to the router and does nothing else`, () => {
		const method = (isTrigger ? node.trigger : node.execute) as (...args: unknown[]) => unknown;
		const body = method.toString();
		expect(body).toMatch(/route\)\(this\)|route\(this\)/);
		expect(body.split('\n').filter((l) => l.trim() !== '').length).toBeLessThanOrEqual(3);
	});

	it('has one operation file per operation, each exporting description and execute', () => {
		const files = operationFiles(dir);
		expect(files.length).toBeGreaterThan(0);
		const values = selectorValues(node);
		if (values) expect(files.map((f) => path.basename(f, '.operation.js')).sort()).toEqual([...values].sort());
		else expect(files).toHaveLength(1);
		for (const f of files) {
			const mod = require(f) as { description?: INodeProperties[]; execute?: unknown };
			expect(Array.isArray(mod.description)).toBe(true);
			expect(mod.description!.length).toBeGreaterThan(0);
			for (const p of mod.description!) expect(typeof p.name).toBe('string');
			expect(typeof mod.execute).toBe('function');
		}
	});

	it("assembles the node's parameters in description.js from the operations' descriptions", () => {
		const { properties } = require(path.join(dir, 'description.js')) as { properties: INodeProperties[] };
		const shown = new Set(node.description.properties);
		for (const p of properties) expect(shown.has(p)).toBe(true);
		for (const f of operationFiles(dir)) {
			for (const p of (require(f) as { description: INodeProperties[] }).description) expect(properties).toContain(p);
		}
	});

	it('has a router whose default throws for an unknown operation', async () => {
		const { route } = require(path.join(dir, 'router.js')) as { route: (ctx: unknown) => Promise<unknown> };
		const calls: string[] = [];
		const ctx = {
			getNodeParameter: (name: string) => {
				calls.push(name);
				return name === 'operation' ? 'noSuchOperation' : undefined;
			},
			getNode: () => ({ id: 'n', name: 'Node', type: 'x', typeVersion: 1, position: [0, 0], parameters: {} }),
		} as unknown as ITriggerFunctions;
		const thrown = await Promise.resolve()
			.then(() => route(ctx))
			.then(
				() => undefined,
				(error: unknown) => error,
			);
		expect(thrown).toBeInstanceOf(NodeOperationError);
		expect((thrown as Error).message).toBe('The operation "noSuchOperation" is not supported');
		// it decided on the operation alone: no other parameter was read, no operation started
		expect(calls).toEqual(['operation']);
	});

	// Only a node with an Operation selector can be given another operation: n8n drops parameters a node does not define.
	if (!isTrigger && selectorValues(node)) {
		it('stops a run with an unknown operation in the real engine (no silent default operation)', async () => {
			const result = await runWorkflow(singleNodeWorkflow(node.description.name, { operation: 'noSuchOperation' }, { typeVersion: 1.1 }), {
				input: [{ caseRef: 'C-1' }],
			});
			expect(result.error?.message).toBe('The operation "noSuchOperation" is not supported');
			expect(result.taskData('Node')?.data).toBeUndefined();
		});
	}
});
