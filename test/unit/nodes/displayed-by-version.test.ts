/**
 * Which version-dependent parameters the editor shows, per node, operation and node version — evaluated on the
 * BUILT descriptions (dist/) with n8n's own NodeHelpers, as the editor does. The expected lists are written by
 * hand from CHANGELOG/CONTRIBUTING (privacy choice from 1.1 on, column mapping from 1.2, school-week deadline,
 * calendar validity and outbox from 1.3, the reconcile tolerance in euros from 1.4); they would have caught the privacy choice hidden at 1.2 (issue 25 §1).
 */
import { NodeHelpers, type INodeParameters, type INodeTypeDescription } from 'n8n-workflow';
import { loadPackage, PACKAGE_NAME } from '../../helpers/engine';

const loaded = loadPackage();

/** The parameters whose display depends on the node version (and the privacy column list that hangs on the choice). */
const WATCHED = [
	'identifyingData',
	'identifyingFields',
	'fields',
	'columns',
	'invoiceColumns',
	'columnMap',
	'invoiceColumnMap',
	'deadlineCounting',
	'deadlineHolidayRegion',
	'deadlineExtraClosedDays',
	'extraClosedDays',
	'schoolDaysField',
	'confirmStatuses',
	'resendAfterMinutes',
	'attachStatementFile',
	'statementFileField',
	'toleranceCents',
	'tolerance',
];

function description(node: string): INodeTypeDescription {
	const type = loaded.nodes.get(`${PACKAGE_NAME}.${node}`);
	if (!type || 'nodeVersions' in type) throw new Error(`${node}: not a plain node type`);
	return type.description;
}

/** What the editor shows at `typeVersion` for a node whose user set `given` (the rest at their defaults). */
function shown(node: string, given: INodeParameters, typeVersion: number): { displayed: string[]; identifyingData: unknown } {
	const d = description(node);
	const values = NodeHelpers.getNodeParameters(d.properties, given, true, false, { typeVersion }, d) ?? {};
	const displayed = d.properties
		.filter((p) => WATCHED.includes(p.name) && NodeHelpers.displayParameter(values, p, { typeVersion }, d))
		.map((p) => p.name);
	return { displayed: [...new Set(displayed)].sort(), identifyingData: values.identifyingData };
}

const P = ['identifyingData', 'identifyingFields'];

/** node, operation settings, version → displayed parameters (sorted) and the privacy choice a new node gets. */
const CASES: Array<[string, INodeParameters, number, string[], string | undefined]> = [
	['recordCleaner', {}, 1, ['identifyingData'], 'keep'],
	['recordCleaner', {}, 1.1, P, 'removeEverywhere'],

	['toeleidingTriage', { deadlineCounting: 'schoolWeeks' }, 1, ['fields', 'identifyingData'], 'keep'],
	['toeleidingTriage', { deadlineCounting: 'schoolWeeks' }, 1.1, ['fields', ...P], 'removeEverywhere'],
	['toeleidingTriage', { deadlineCounting: 'schoolWeeks' }, 1.2, ['columnMap', ...P], 'removeEverywhere'],
	['toeleidingTriage', { deadlineCounting: 'schoolWeeks' }, 1.3, ['columnMap', 'deadlineCounting', 'deadlineExtraClosedDays', 'deadlineHolidayRegion', ...P], 'removeEverywhere'],

	['deadlineMonitor', { operation: 'checkCases', counting: 'schoolWeeks', alertOnce: true }, 1, ['fields', 'identifyingData'], 'keep'],
	['deadlineMonitor', { operation: 'checkCases', counting: 'schoolWeeks', alertOnce: true }, 1.1, ['fields', ...P], 'removeEverywhere'],
	['deadlineMonitor', { operation: 'checkCases', counting: 'schoolWeeks', alertOnce: true }, 1.2, ['columnMap', ...P], 'removeEverywhere'],
	['deadlineMonitor', { operation: 'checkCases', counting: 'schoolWeeks', alertOnce: true }, 1.3, ['columnMap', 'confirmStatuses', 'extraClosedDays', ...P, 'resendAfterMinutes', 'schoolDaysField'], 'removeEverywhere'],
	['deadlineMonitor', { operation: 'calculateKpis', counting: 'schoolWeeks' }, 1, ['fields', 'identifyingData'], 'keep'],
	['deadlineMonitor', { operation: 'calculateKpis', counting: 'schoolWeeks' }, 1.1, ['fields', ...P], 'removeEverywhere'],
	['deadlineMonitor', { operation: 'calculateKpis', counting: 'schoolWeeks' }, 1.2, ['columnMap', ...P], 'removeEverywhere'],
	['deadlineMonitor', { operation: 'calculateKpis', counting: 'schoolWeeks' }, 1.3, ['columnMap', 'extraClosedDays', ...P, 'schoolDaysField'], 'removeEverywhere'],
	// Confirm Delivery reads no pupil rows: no column mapping, no privacy choice (its value stays the version's default)
	['deadlineMonitor', { operation: 'confirmDelivery' }, 1.3, [], undefined],

	['crossRegionSettlement', { operation: 'calculate' }, 1, ['columns', 'identifyingData'], 'keep'],
	['crossRegionSettlement', { operation: 'calculate' }, 1.1, ['columns', ...P], 'removeEverywhere'],
	['crossRegionSettlement', { operation: 'calculate' }, 1.2, ['columnMap', ...P], 'removeEverywhere'],
	['crossRegionSettlement', { operation: 'calculate' }, 1.3, ['attachStatementFile', 'columnMap', ...P, 'statementFileField'], 'removeEverywhere'],
	['crossRegionSettlement', { operation: 'calculate' }, 1.4, ['attachStatementFile', 'columnMap', ...P, 'statementFileField'], 'removeEverywhere'],
	// the tolerance: in cents up to 1.3, in euros from 1.4
	['crossRegionSettlement', { operation: 'reconcile' }, 1, ['identifyingData', 'invoiceColumns', 'toleranceCents'], 'keep'],
	['crossRegionSettlement', { operation: 'reconcile' }, 1.1, [...P, 'invoiceColumns', 'toleranceCents'], 'removeEverywhere'],
	['crossRegionSettlement', { operation: 'reconcile' }, 1.2, [...P, 'invoiceColumnMap', 'toleranceCents'], 'removeEverywhere'],
	['crossRegionSettlement', { operation: 'reconcile' }, 1.3, [...P, 'invoiceColumnMap', 'toleranceCents'], 'removeEverywhere'],
	['crossRegionSettlement', { operation: 'reconcile' }, 1.4, [...P, 'invoiceColumnMap', 'tolerance'], 'removeEverywhere'],
];

describe('parameters shown per node version (built descriptions, NodeHelpers.displayParameter)', () => {
	it.each(CASES)('%s %j at version %s', (node, given, version, displayed, identifyingData) => {
		const got = shown(node, given, version);
		expect(got.displayed).toEqual([...displayed].sort());
		if (identifyingData !== undefined) expect(got.identifyingData).toBe(identifyingData);
	});

	it('covers every version of every node that has a version-dependent parameter', () => {
		const covered = new Set(CASES.map(([node, , version]) => `${node}@${version}`));
		for (const node of ['recordCleaner', 'toeleidingTriage', 'deadlineMonitor', 'crossRegionSettlement']) {
			const versions = description(node).version;
			for (const v of Array.isArray(versions) ? versions : [versions]) expect(covered).toContain(`${node}@${v}`);
		}
	});

	it('offers the privacy choice at every version from 1.1 on, in every node that reads pupil rows', () => {
		for (const [node, given, version] of CASES) {
			if (version < 1.1 || given.operation === 'confirmDelivery') continue;
			const d = description(node);
			const choice = shown(node, given, version);
			expect({ node, version, shown: choice.displayed.includes('identifyingData') }).toEqual({ node, version, shown: true });
			// and all three modes are offered
			const p = d.properties.find((x) => x.name === 'identifyingData' && NodeHelpers.displayParameter({ ...given }, x, { typeVersion: version }, d));
			expect((p?.options ?? []).map((o) => ('value' in o ? o.value : undefined))).toEqual(['removeEverywhere', 'removeFromErrors', 'keep']);
		}
	});
});
