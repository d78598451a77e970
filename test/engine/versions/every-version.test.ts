/**
 * Every engine fixture of a versioned node, run again at every later version of that node (issue 25 "Done when").
 *
 * The engine tests that read fixtures are loaded here (their own tests run again, with their own inputs and
 * expectations); the harness reports each run of a fixture (`observeFixtureRuns`), and this file runs the same
 * workflow, input and options again with each node of ours moved to every later version of its node, its
 * parameters translated the way a beheerder re-creates the node at that version (`translate`). The outputs must be
 * identical to the run at the fixture's own version — per node, per output, the item count and the JSON of each
 * item (error items included) and the error the run stopped with — except the differences the version tables
 * document, listed by hand in `DOCUMENTED` with their reason. The fixtures' own expected values stay in their tests.
 *
 * Runs not compared: those with a Jeugdhulp Shared Memory credential (the memory lives outside the run, in the
 * test's fake Data Tables server), and those a `DOCUMENTED` entry names as changed in shape by a version. The
 * summary line (`every-version: …`) counts each kind. Needs `n8n-node build` first (dist/).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { NodeHelpers, type IDataObject, type INode, type INodeParameters, type INodeProperties, type INodeType } from 'n8n-workflow';
import { loadPackage, observeFixtureRuns, PACKAGE_NAME, REPO_ROOT, runOnce, type RunOptions, type RunResult, type WorkflowJson } from '../../helpers/engine';

interface VersionTableLike {
	versions: readonly number[];
	since: Record<string, number>;
}

/** The built version tables (dist/nodes/<Node>/versions.js), by node name. */
const NODE_FOLDERS: Record<string, string> = {
	toeleidingTriage: 'ToeleidingTriage',
	deadlineMonitor: 'DeadlineMonitor',
	crossRegionSettlement: 'CrossRegionSettlement',
	recordCleaner: 'RecordCleaner',
};
function versionTable(nodeName: string): VersionTableLike | undefined {
	const folder = NODE_FOLDERS[nodeName];
	if (!folder) return undefined;
	return (require(path.join(REPO_ROOT, 'dist/nodes', folder, 'versions.js')) as { VERSIONS: VersionTableLike }).VERSIONS;
}

// ---------- how a beheerder re-creates the node at a later version ----------

/**
 * Per version-table row (behaviour), what re-creating the node at a version that has it changes in its saved
 * parameters. Every row of every table is here or in `DOCUMENTED` (a test checks it), so a new row needs a decision.
 */
const TRANSLATIONS: Record<string, (params: IDataObject, node: INodeType) => void> = {
	/**
	 * 1.1: the privacy choice is shown; pinned to what the fixture's version did. The parameters are first read as
	 * the fixture's version shows them, with its defaults (version 1: Keep), so a stored or default choice is kept.
	 */
	removeIdentifyingData: (params) => {
		if (params.identifyingData === undefined) params.identifyingData = 'keep';
	},
	/** 1.2: each legacy one-by-one field-name collection becomes the column mapping of the same columns. */
	columnMapping: (params, node) => {
		for (const [legacy, mapping] of columnMappingPairs(node)) {
			if (params[legacy] === undefined) continue;
			const defaults = node.description.properties.find((p) => p.name === mapping && isCollectionFrom(p, 'gte'))?.default as IDataObject;
			params[mapping] = { ...defaults, ...(params[legacy] as IDataObject) };
			delete params[legacy];
		}
	},
	/** Settlement 1.3: Attach Statement File pinned off (the file is new output; its words are listed in DOCUMENTED). */
	statementFile: (params) => {
		params.attachStatementFile = false;
	},
	/** Settlement 1.4: Reconcile's Tolerance (Cents) becomes Tolerance in euros: the same amount, 100 cents = 1.00. */
	toleranceInEuros: (params) => {
		if (params.toleranceCents === undefined) return;
		params.tolerance = (params.toleranceCents as number) / 100;
		delete params.toleranceCents;
	},
};

function isCollectionFrom(p: INodeProperties, cnd: 'lt' | 'gte'): boolean {
	const version = p.displayOptions?.show?.['@version'] as Array<{ _cnd?: Record<string, number> }> | undefined;
	return p.type === 'collection' && !!version?.some((c) => c._cnd?.[cnd] !== undefined);
}

/** Legacy collection name → mapping name, read from the built description: same columns, one shown before, one from the version. */
function columnMappingPairs(node: INodeType): Array<[string, string]> {
	const props = node.description.properties;
	const keys = (p: INodeProperties) => ((p.options ?? []) as INodeProperties[]).map((o) => o.name).sort().join(',');
	const others = (p: INodeProperties) => JSON.stringify({ ...p.displayOptions?.show, '@version': undefined });
	return props
		.filter((p) => isCollectionFrom(p, 'lt'))
		.flatMap((legacy) => {
			const mapping = props.find((p) => isCollectionFrom(p, 'gte') && keys(p) === keys(legacy) && others(p) === others(legacy));
			return mapping ? [[legacy.name, mapping.name] as [string, string]] : [];
		});
}

// ---------- the differences the version tables document ----------

interface Documented {
	/** Fields a version adds to items (removed, wherever they are in an item, before comparing). */
	addsFields?: string[];
	/** Texts a version extends: field → the old text from the new one (applied to both runs, wherever the field is). */
	rewords?: Record<string, (text: string) => string>;
	/** The run is not compared at this version when this holds of the node's parameters (the behaviour changes the output's shape). */
	notComparableWhen?: (params: IDataObject) => boolean;
	/** The run is not compared at this version when its output (at this version) shows this. */
	notComparableWhenOutput?: (json: string) => boolean;
	/** Why, and where it is tested instead. */
	reason: string;
}

const DOCUMENTED: Record<string, Record<string, Documented>> = {
	deadlineMonitor: {
		groupPerOutput: {
			notComparableWhen: (p) => p.groupByRecipient === true,
			reason: 'versions.ts: from 1.2, grouped mails are one group per recipient on each status output (before: one on the most urgent); old and new compared in test/engine/editor/editor.test.ts',
		},
		calendarValidity: {
			/** the case names its holiday calendar (`holidayCalendar`); the KPIs count cases of unknown outcome apart (`outcomeUnknown`) */
			addsFields: ['dueDateKnown', 'statusCertain', 'holidayCalendar', 'outcomeUnknown'],
			/** the KPI definition says how cases of unknown outcome count (CHANGELOG "Node version 1.3") */
			rewords: {
				definition: (text) => text.replace(/; (cases whose outcome depends on dates the holiday calendar does not cover|casussen waarvan de uitkomst afhangt van dagen die de vakantiekalender niet dekt).*$/, ''),
			},
			/** a due date the calendar cannot decide is the earliest possible one: its status, warning, mail and KPIs change (calendar-validity.test.ts) */
			notComparableWhenOutput: (json) => /"dueDateKnown":false|"statusCertain":false|"outcomeUnknown":[1-9]/.test(json),
			reason: 'versions.ts: from 1.3 the case, the grouped mail and the KPIs say whether the due date is known (issue 21 §1)',
		},
		deliveryOutbox: {
			/** each alerted item carries the outbox claim Confirm Delivery confirms (`delivery`) */
			addsFields: ['delivery'],
			/** without a Confirm Delivery step (CHANGELOG: a new node needs one after Send Email), a later run alerts again: not a re-creation this file translates */
			notComparableWhen: (p) => p.alertOnce === true,
			reason: 'versions.ts: from 1.3 an alert counts as sent only once Confirm Delivery confirmed it (no switch); tested in test/engine/deadlines/outbox.test.ts',
		},
	},
	toeleidingTriage: {
		schoolWeekDeadline: { reason: 'versions.ts: Deadline Counting defaults to calendar weeks, the behaviour before 1.3: no difference' },
	},
	crossRegionSettlement: {
		statementFile: {
			addsFields: ['documentTitle', 'amountLabel', 'isInvoice'],
			reason: 'versions.ts: from 1.3 each statement item carries the words for the document (issue 24 §2)',
		},
	},
};

// ---------- comparing ----------

const copy = <T>(value: T): T => (value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T));

interface Allowed {
	fields: Set<string>;
	rewords: Map<string, (text: string) => string>;
}
const nothingAllowed = (): Allowed => ({ fields: new Set(), rewords: new Map() });

function strip(value: unknown, allowed: Allowed): unknown {
	if (Array.isArray(value)) return value.map((v) => strip(v, allowed));
	if (value && typeof value === 'object' && !(value instanceof Date)) {
		const out: Record<string, unknown> = {};
		for (const [k, v] of Object.entries(value)) {
			if (allowed.fields.has(k)) continue;
			const reword = allowed.rewords.get(k);
			out[k] = reword && typeof v === 'string' ? reword(v) : strip(v, allowed);
		}
		return out;
	}
	return value;
}

/** What the comparison sees of a run: per node, per output, each item's JSON; and the error the run stopped with. */
function observable(result: RunResult, workflow: WorkflowJson, allowed: Allowed): unknown {
	const runData = result.run.data.resultData.runData;
	const nodes: Record<string, unknown> = {};
	for (const node of workflow.nodes) {
		const task = runData[node.name]?.[0];
		if (!task) continue;
		nodes[node.name] = {
			error: task.error ? { message: task.error.message, description: (task.error as { description?: string }).description } : undefined,
			outputs: (task.data?.main ?? []).map((items) => (items ?? []).map((i) => JSON.parse(JSON.stringify(strip(i.json, allowed))))),
		};
	}
	const error = result.error ? { message: result.error.message, description: (result.error as { description?: string }).description } : undefined;
	return { error, nodes };
}

const nodeNameOf = (n: INode) => n.type.slice(PACKAGE_NAME.length + 1);
const ours = (n: INode) => n.type.startsWith(`${PACKAGE_NAME}.`) && !!versionTable(nodeNameOf(n));

interface Comparison {
	fixture: string;
	target: string;
	status: 'identical' | 'different' | 'documented' | 'not comparable';
	detail?: string;
}
const comparisons: Comparison[] = [];
/** node name → operations run at the node's latest version by this file's replays. */
const ranAtLatest = new Map<string, Set<string>>();

function operationOf(node: INode, type: INodeType): string {
	const op = type.description.properties.find((p) => p.name === 'operation');
	return String(node.parameters.operation ?? op?.default ?? 'default');
}

async function replay(fixture: string, workflow: WorkflowJson, options: RunOptions, original: RunResult): Promise<void> {
	const pkg = loadPackage();
	const versioned = workflow.nodes.filter(ours);
	if (!versioned.length) return;
	if (options.credentials?.sharedMemoryApi) {
		comparisons.push({ fixture, target: '*', status: 'not comparable', detail: 'shared memory: state outside the run' });
		return;
	}
	// every later version of the workflow's node type (one node type per fixture; several nodes of it move together)
	const nodeName = nodeNameOf(versioned[0]);
	const table = versionTable(nodeName)!;
	const from = Math.min(...versioned.map((n) => n.typeVersion));
	const type = pkg.nodes.get(versioned[0].type) as INodeType;
	for (const target of table.versions.filter((v) => v > from)) {
		const moved = structuredClone(workflow);
		const allowed = nothingAllowed();
		const notComparable: string[] = [];
		for (const node of moved.nodes.filter(ours)) {
			if (nodeNameOf(node) !== nodeName) throw new Error(`${fixture}: more than one versioned node type`);
			// what the node shows at its own version, with its defaults there: what a beheerder sees and re-creates
			node.parameters = NodeHelpers.getNodeParameters(type.description.properties, node.parameters, true, false, node, type.description) as INodeParameters;
			const rows = Object.entries(table.since).filter(([, since]) => since > node.typeVersion && since <= target);
			for (const [behaviour] of rows) {
				TRANSLATIONS[behaviour]?.(node.parameters as IDataObject, type);
				const doc = DOCUMENTED[nodeName]?.[behaviour];
				doc?.addsFields?.forEach((f) => allowed.fields.add(f));
				Object.entries(doc?.rewords ?? {}).forEach(([f, reword]) => allowed.rewords.set(f, reword));
				if (doc?.notComparableWhen?.(node.parameters as IDataObject)) notComparable.push(behaviour);
			}
			node.typeVersion = target;
		}
		const label = `${nodeName} ${target}`;
		if (target === table.versions[table.versions.length - 1]) {
			for (const node of moved.nodes.filter(ours)) {
				if (!ranAtLatest.has(nodeName)) ranAtLatest.set(nodeName, new Set());
				ranAtLatest.get(nodeName)!.add(operationOf(node, type));
			}
		}
		const again = await runOnce(moved, { input: copy(options.input), staticData: copy(options.staticData), credentials: options.credentials, mode: options.mode, timezone: options.timezone, startNode: options.startNode });
		const againJson = JSON.stringify(observable(again, moved, nothingAllowed()));
		for (const [behaviour, since] of Object.entries(table.since)) {
			const doc = DOCUMENTED[nodeName]?.[behaviour];
			if (since > from && since <= target && doc?.notComparableWhenOutput?.(againJson)) notComparable.push(behaviour);
		}
		const a = observable(original, workflow, allowed);
		const b = observable(again, moved, allowed);
		const same = JSON.stringify(a) === JSON.stringify(b);
		if (same) comparisons.push({ fixture, target: label, status: 'identical' });
		else if (notComparable.length) comparisons.push({ fixture, target: label, status: 'documented', detail: notComparable.join(', ') });
		else comparisons.push({ fixture, target: label, status: 'different', detail: firstDifference(a, b) });
	}
}

function firstDifference(a: unknown, b: unknown, at = ''): string {
	if (JSON.stringify(a) === JSON.stringify(b)) return '';
	if (a && b && typeof a === 'object' && typeof b === 'object') {
		const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
		for (const k of keys) {
			const d = firstDifference((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${at}/${k}`);
			if (d) return d;
		}
	}
	return `${at}: ${JSON.stringify(a)?.slice(-160)} ≠ ${JSON.stringify(b)?.slice(-160)}`;
}

// ---------- the fixture tests, run again here with the observer on ----------

/** Engine test files that run fixtures of versioned nodes (the Evaluation Trigger has one version). */
const ENGINE_DIR = path.join(REPO_ROOT, 'test/engine');
const FIXTURE_TESTS = fs
	.readdirSync(ENGINE_DIR, { recursive: true, encoding: 'utf8' })
	.filter((f) => f.endsWith('.test.ts') && !f.startsWith('versions') && !f.startsWith('evaluation'))
	.filter((f) => /loadWorkflow|fixture\(/.test(fs.readFileSync(path.join(ENGINE_DIR, f), 'utf8')))
	.sort();

beforeAll(() => observeFixtureRuns(replay));
afterAll(() => observeFixtureRuns(undefined));

describe('the fixture tests, with every fixture run again at every later node version', () => {
	for (const file of FIXTURE_TESTS) {
		describe(file, () => {
			require(path.join(ENGINE_DIR, file));
		});
	}
});

describe('every version behaves as the fixture\'s own version', () => {
	it('every version-table row is translated or documented', () => {
		for (const nodeName of Object.keys(NODE_FOLDERS)) {
			for (const behaviour of Object.keys(versionTable(nodeName)!.since)) {
				expect({ nodeName, behaviour, decided: behaviour in TRANSLATIONS || behaviour in (DOCUMENTED[nodeName] ?? {}) }).toEqual({ nodeName, behaviour, decided: true });
			}
		}
	});

	it('outputs at every later version are identical, but for the documented differences', () => {
		const different = comparisons.filter((c) => c.status === 'different');
		const count = (status: Comparison['status']) => comparisons.filter((c) => c.status === status).length;
		const documented: Record<string, number> = {};
		for (const c of comparisons.filter((c) => c.status === 'documented' || c.status === 'not comparable')) documented[c.detail!] = (documented[c.detail!] ?? 0) + 1;
		const summary = { identical: count('identical'), documented, different: different.length };
		console.log(`every-version: ${JSON.stringify(summary)}`);
		expect(summary.identical).toBeGreaterThan(100);
		expect([...new Set(different.map((c) => `${c.fixture} at ${c.target}: ${c.detail}`))]).toEqual([]);
	});
});

describe('every operation runs at its node\'s latest version', () => {
	it('in a fixture saved at that version or in this file\'s replays', () => {
		const pkg = loadPackage();
		const fixtureFiles = fs
			.readdirSync(ENGINE_DIR, { recursive: true, encoding: 'utf8' })
			.filter((f) => f.endsWith('.workflow.json'));
		const covered = new Set<string>();
		for (const [nodeName, ops] of ranAtLatest) ops.forEach((op) => covered.add(`${nodeName}/${op}`));
		for (const f of fixtureFiles) {
			const wf = JSON.parse(fs.readFileSync(path.join(ENGINE_DIR, f), 'utf8')) as WorkflowJson;
			for (const node of wf.nodes.filter((n) => n.type.startsWith(`${PACKAGE_NAME}.`))) {
				const type = pkg.nodes.get(node.type) as INodeType;
				const versions = ([] as number[]).concat(type.description.version);
				if (node.typeVersion === Math.max(...versions)) covered.add(`${nodeNameOf(node)}/${operationOf(node, type)}`);
			}
		}
		const missing: string[] = [];
		for (const [key, type] of pkg.nodes) {
			const t = type as INodeType;
			const op = t.description.properties.find((p) => p.name === 'operation');
			const ops = op?.options ? op.options.map((o) => String((o as { value: unknown }).value)) : [String(op?.default ?? 'default')];
			for (const o of ops) if (!covered.has(`${key.slice(PACKAGE_NAME.length + 1)}/${o}`)) missing.push(`${key.slice(PACKAGE_NAME.length + 1)}/${o}`);
		}
		expect(missing).toEqual([]);
	});
});
