/**
 * The node specs shared by the node × kind table test and the property tests of the input layer:
 * for every node that reads items, its parameters, clean rows, rows with messy BRIN spellings, and a
 * run-level parameter to turn into a per-item expression. Plus the helpers that run and compare them.
 */
import type { IDataObject, INode, INodeExecutionData } from 'n8n-workflow';

import { runWorkflow, singleNodeWorkflow } from '../../helpers/engine';
import { normaliseHeader } from '../../../domain/primitives/headers';
import { triageRequest } from '../../helpers/triageRequest';

export const credentials = { pseudonymisationKeyApi: { key: 'engine-test-phrase-0123456789', keyId: '2026-1' } };

export interface NodeSpec {
	name: string;
	type: string;
	parameters: IDataObject;
	/** Two or more clean rows. */
	input: IDataObject[];
	/** The same rows with messy BRIN spellings (where the node reads BRIN codes). */
	messyBrin?: IDataObject[];
	/** A run-level parameter made into an expression on `$json.x`, and two values for x that differ. */
	perItem: { parameters: IDataObject; label: string; values: [string | number, string | number] };
	/** Output index that holds blank rows (Record Cleaner's Empty Rows), ignored when comparing. */
	blankOutput?: number;
}

const TRIAGE_REQUEST: IDataObject = triageRequest('R-1', { pupilReference: 'PUP-1' });

/** 23:30 UTC on 1 March = 00:30 on 2 March in Amsterdam, 18:30 on 1 March in New York, 12:30 on 2 March in Auckland. */
const NEAR_MIDNIGHT = '2026-03-01T23:30:00Z';
/** 21:30 UTC on 31 March = 23:30 on 31 March in Amsterdam (Q1), but 1 April in Auckland (Q2). */
const END_OF_QUARTER = '2026-03-31T21:30:00Z';

export const NODES: NodeSpec[] = [
	{
		name: 'Record Cleaner',
		type: 'recordCleaner',
		parameters: {
			rules: {
				rule: [
					{ field: 'zorgteamDatum', type: 'date', required: true },
					{ field: 'woonplaats', type: 'municipality', required: true },
					{ field: 'school', type: 'brin', required: true },
				],
			},
		},
		input: [
			{ ref: 'R-1', zorgteamDatum: '01-03-2026', woonplaats: 'Amersfoort', school: '12AB' },
			{ ref: 'R-2', zorgteamDatum: NEAR_MIDNIGHT, woonplaats: '0363', school: '34CD01' },
		],
		messyBrin: [
			{ ref: 'R-1', zorgteamDatum: '01-03-2026', woonplaats: 'Amersfoort', school: '12 ab' },
			{ ref: 'R-2', zorgteamDatum: NEAR_MIDNIGHT, woonplaats: '0363', school: '34cd 01' },
		],
		perItem: { parameters: { options: { dateFormat: '={{ $json.x }}' } }, label: 'Options', values: ['iso', 'dutch'] },
		blankOutput: 1,
	},
	{
		name: 'Toeleiding Triage',
		type: 'toeleidingTriage',
		parameters: {
			regionPolicy: 'amersfoort_osj',
			designatedSchools: '12AB',
			accessContacts: { contact: [{ school: '12AB', municipality: '', name: 'Toegang', email: 'toegang@amersfoort.example' }] },
		},
		input: [TRIAGE_REQUEST, { ...TRIAGE_REQUEST, requestId: 'R-2', pupilReference: 'PUP-2', school: '12AB01', zorgteamDate: NEAR_MIDNIGHT }],
		messyBrin: [
			{ ...TRIAGE_REQUEST, school: '12 ab' },
			{ ...TRIAGE_REQUEST, requestId: 'R-2', pupilReference: 'PUP-2', school: '12ab 01', zorgteamDate: NEAR_MIDNIGHT },
		],
		perItem: { parameters: { designatedSchools: '={{ $json.x }}' }, label: 'Designated Schools', values: ['12AB', '34CD'] },
	},
	{
		name: 'Deadline Monitor: Check Cases',
		type: 'deadlineMonitor',
		parameters: { referenceDate: '2026-04-28', options: { knownSchools: '12AB' } },
		input: [
			{ caseRef: 'C-1', zorgteamDate: '02-03-2026', school: '12AB' },
			{ caseRef: 'C-2', zorgteamDate: NEAR_MIDNIGHT, school: '12AB01' },
		],
		messyBrin: [
			{ caseRef: 'C-1', zorgteamDate: '02-03-2026', school: '12 ab' },
			{ caseRef: 'C-2', zorgteamDate: NEAR_MIDNIGHT, school: '12ab01' },
		],
		perItem: { parameters: { referenceDate: '={{ $json.x }}' }, label: 'Reference Date', values: ['2026-04-28', '2026-04-29'] },
	},
	{
		name: 'Deadline Monitor: Calculate KPIs',
		type: 'deadlineMonitor',
		parameters: { operation: 'calculateKpis', referenceDate: '2026-04-28', options: { knownSchools: '12AB' } },
		input: [
			{ caseRef: 'C-1', zorgteamDate: '02-03-2026', startDate: '2026-03-31T22:30:00Z', school: '12AB' },
			{ caseRef: 'C-2', zorgteamDate: NEAR_MIDNIGHT, school: '12AB01' },
		],
		messyBrin: [
			{ caseRef: 'C-1', zorgteamDate: '02-03-2026', startDate: '2026-03-31T22:30:00Z', school: '12 ab' },
			{ caseRef: 'C-2', zorgteamDate: NEAR_MIDNIGHT, school: '12ab01' },
		],
		perItem: { parameters: { targetPercent: '={{ $json.x }}' }, label: 'Target Share (%)', values: [75, 80] },
	},
	{
		name: 'Cross-Region Settlement: Calculate',
		type: 'crossRegionSettlement',
		parameters: { operation: 'calculate', regionPolicy: 'amsterdam_sjso', outsiders: 'group_open_individual_settled', period: '2026-Q1', financingForm: 'population', allocationKey: 'pupils', lumpSum: '300,00' },
		input: [
			{ leerling: 'L-1', school: '12AB', woongemeente: '0363', arrangement: 'individueel' },
			{ leerling: 'L-2', school: '12AB01', woongemeente: '0392', arrangement: 'individueel', periode: END_OF_QUARTER },
			{ leerling: 'L-3', school: '12AB', woongemeente: '0479', arrangement: 'individueel' },
		],
		messyBrin: [
			{ leerling: 'L-1', school: '12 ab', woongemeente: '0363', arrangement: 'individueel' },
			{ leerling: 'L-2', school: '12ab 01', woongemeente: '0392', arrangement: 'individueel', periode: END_OF_QUARTER },
			{ leerling: 'L-3', school: '12ab', woongemeente: '0479', arrangement: 'individueel' },
		],
		perItem: { parameters: { period: '={{ $json.x }}' }, label: 'Settlement Period', values: ['2026-Q1', '2026-Q2'] },
	},
	{
		name: 'Cross-Region Settlement: Reconcile',
		type: 'crossRegionSettlement',
		parameters: { operation: 'reconcile' },
		input: [
			{ gemeente: '0392', periode: '2026-Q1', bedrag: '100,00', factuurnummer: 'F-1' },
			{ gemeente: 'Zaanstad', periode: '2026-Q1', bedrag: '50,00', factuurnummer: 'F-2' },
		],
		perItem: { parameters: { toleranceCents: '={{ $json.x }}' }, label: 'Tolerance (Cents)', values: [1, 2] },
	},
];

export function workflowFor(spec: NodeSpec, parameters: IDataObject = {}, extra: Partial<INode> = {}) {
	return singleNodeWorkflow(spec.type, { ...spec.parameters, ...parameters }, {
		...(spec.type === 'crossRegionSettlement' ? { credentials: { pseudonymisationKeyApi: { id: 'key', name: 'Key' } } } : {}),
		...extra,
	});
}

function normaliseKeys(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(normaliseKeys);
	if (value !== null && typeof value === 'object') {
		return Object.fromEntries(Object.entries(value as IDataObject).map(([k, v]) => [normaliseHeader(k), k === 'blankRows' ? '(blank count)' : normaliseKeys(v)]));
	}
	return value;
}

/** The node's outputs as comparable JSON: keys normalised (input keys are echoed as they came), blank counts masked. */
export function comparable(outputs: INodeExecutionData[][], skipOutput?: number): unknown {
	return outputs.map((items, index) => (index === skipOutput ? 'skipped' : items.map((i) => normaliseKeys(i.json))));
}

export async function run(spec: NodeSpec, input: IDataObject[], options: { timezone?: string; parameters?: IDataObject; onError?: INode['onError'] } = {}) {
	const r = await runWorkflow(workflowFor(spec, options.parameters, options.onError ? { onError: options.onError } : {}), {
		input,
		credentials,
		timezone: options.timezone ?? 'Europe/Amsterdam',
	});
	if (r.error) throw new Error(`${spec.name}: ${r.error.message}`);
	return r;
}

/** BOM on the first key, NBSP / case / extra spaces on the others. */
export function messyHeaders(rows: IDataObject[]): IDataObject[] {
	const variants = [(k: string) => `\uFEFF${k}`, (k: string) => ` ${k.toUpperCase()}`, (k: string) => `${k}\u00A0`, (k: string) => k.replace(/^(.)/, (c) => c.toUpperCase()) + '  '];
	return rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v], i) => [variants[i % variants.length](k), v])));
}

export function blankRow(rows: IDataObject[]): IDataObject {
	return Object.fromEntries(Object.keys(rows[0]).map((k, i) => [k, i % 2 === 0 ? '' : i % 3 === 0 ? null : '  ']));
}

