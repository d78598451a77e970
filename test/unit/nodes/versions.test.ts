/**
 * The version tables (nodes/<Node>/versions.ts): at each listed version, which behaviours a node has. The
 * expected rows are written by hand from CHANGELOG.md (1.1 data minimisation; 1.2 column mapping and the
 * Deadline Monitor's group per output; 1.3 school-week deadline, calendar validity, the outbox and the
 * statement file; 1.4 Reconcile's tolerance in euros), not read
 * back from the tables. Which parameters each version shows: displayed-by-version.test.ts.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { NodeHelpers, type INodeProperties } from 'n8n-workflow';
import { VERSIONS as CLEANER } from '../../../nodes/RecordCleaner/versions';
import { VERSIONS as SETTLEMENT } from '../../../nodes/CrossRegionSettlement/versions';
import { VERSIONS as MONITOR } from '../../../nodes/DeadlineMonitor/versions';
import { VERSIONS as TRIAGE } from '../../../nodes/ToeleidingTriage/versions';
import type { VersionTable } from '../../../nodes/shared/versions';
import { loadPackage, PACKAGE_NAME, REPO_ROOT } from '../../helpers/engine';

/** Per node: version → the behaviours it has (every behaviour of the table not listed is off). */
const EXPECTED: Array<[string, VersionTable<string>, Record<string, string[]>]> = [
	['recordCleaner', CLEANER, { 1: [], 1.1: ['removeIdentifyingData'] }],
	[
		'crossRegionSettlement',
		SETTLEMENT,
		{
			1: [],
			1.1: ['removeIdentifyingData'],
			1.2: ['removeIdentifyingData', 'columnMapping'],
			1.3: ['removeIdentifyingData', 'columnMapping', 'statementFile'],
			1.4: ['removeIdentifyingData', 'columnMapping', 'statementFile', 'toleranceInEuros'],
		},
	],
	[
		'toeleidingTriage',
		TRIAGE,
		{
			1: [],
			1.1: ['removeIdentifyingData'],
			1.2: ['removeIdentifyingData', 'columnMapping'],
			1.3: ['removeIdentifyingData', 'columnMapping', 'schoolWeekDeadline'],
		},
	],
	[
		'deadlineMonitor',
		MONITOR,
		{
			1: [],
			1.1: ['removeIdentifyingData'],
			1.2: ['removeIdentifyingData', 'columnMapping', 'groupPerOutput'],
			1.3: ['removeIdentifyingData', 'columnMapping', 'groupPerOutput', 'calendarValidity', 'deliveryOutbox'],
		},
	],
];

const rows = EXPECTED.flatMap(([node, table, byVersion]) =>
	Object.entries(byVersion).flatMap(([version, on]) =>
		Object.keys(table.since).map((behaviour) => [node, Number(version), behaviour, on.includes(behaviour)] as const),
	),
);

describe('version tables: at version v, behaviour b is on or off', () => {
	it.each(rows)('%s %s %s → %s', (node, version, behaviour, on) => {
		const table = EXPECTED.find(([n]) => n === node)![1];
		expect(table.has({ typeVersion: version }, behaviour)).toBe(on);
	});

	it('lists exactly the versions each built node offers, and no behaviour from a version the node does not have', () => {
		const loaded = loadPackage();
		for (const [node, table, byVersion] of EXPECTED) {
			const type = loaded.nodes.get(`${PACKAGE_NAME}.${node}`)!;
			const d = 'nodeVersions' in type ? undefined : type.description;
			expect({ node, versions: d?.version }).toEqual({ node, versions: [...table.versions] });
			expect(Object.keys(byVersion).map(Number)).toEqual([...table.versions]);
			for (const since of Object.values(table.since)) expect(table.versions).toContain(since);
		}
	});

	it('display options from a table are what n8n evaluates: shown from the version on, or only before it', () => {
		const parameter = (show: INodeProperties['displayOptions']): INodeProperties => ({ displayName: 'X', name: 'x', type: 'string', default: '', displayOptions: show });
		const shown = (p: INodeProperties, typeVersion: number) => NodeHelpers.displayParameter({}, p, { typeVersion }, null);
		const from = parameter({ show: MONITOR.shownFrom('columnMapping') });
		const before = parameter({ show: MONITOR.shownBefore('columnMapping') });
		expect([1, 1.1, 1.2, 1.3].map((v) => shown(from, v))).toEqual([false, false, true, true]);
		expect([1, 1.1, 1.2, 1.3].map((v) => shown(before, v))).toEqual([true, true, false, false]);
	});
});

describe('the version tables are the only place a node version is compared', () => {
	function sources(dir: string): string[] {
		return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
			const p = path.join(dir, e.name);
			if (e.isDirectory()) return sources(p);
			return e.name.endsWith('.ts') ? [p] : [];
		});
	}
	it('no node file outside nodes/shared/versions.ts reads typeVersion or writes an @version condition', () => {
		const offenders = sources(path.join(REPO_ROOT, 'nodes'))
			.filter((f) => !f.endsWith(path.join('shared', 'versions.ts')))
			.filter((f) => /typeVersion|'@version'|_cnd/.test(fs.readFileSync(f, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '')))
			.map((f) => path.relative(REPO_ROOT, f));
		expect(offenders).toEqual([]);
	});
});
