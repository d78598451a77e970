/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test code, not shipped in dist */
/**
 * One bad row must not silence every zorgteam (issue 23 part 4). The example weekly alert
 * (workflows/deadline-alerts.json) runs its Deadline Monitor with On Error "Continue (using error output)":
 * a row with an impossible date leaves on the Error output — wired to one mail to the beheerder with the
 * rows to fix — and every zorgteam still gets its alerts. Here: the example's own Deadline Monitor (its
 * parameters unchanged but for a pinned Reference Date and the memory in static data) on the sample cases
 * plus one row dated 31 February; the wiring is read from the example itself.
 */
import { IDataObject } from 'n8n-workflow';

import { loadWorkflow, runWorkflow, WorkflowJson } from '../../helpers/engine';
import { assertNoPersonalData } from '../../helpers/privacy';
import { asSheetRow } from '../../helpers/sampleData';
import { NODE, sampleCases } from './helpers';

const EXAMPLE = 'workflows/deadline-alerts.json';
const REFERENCE = '2026-11-26';
const ERROR_OUTPUT = 5; // Overdue, Due Soon, On Track, Closed, Unchanged, then Error
// an impossible date, and a name in a column the sheet should not have: it must not reach the beheerder's mail
// (rows under the sample sheet's Dutch headers, as the example reads cases.xlsx)
const BAD_ROW: IDataObject = { dossiernummer: 'C-2026-0099', school: 'Basisschool De Regenboog', zorgteam: 'Zorgteam De Regenboog', 'zorgteam e-mail': 'zorgteam.regenboog@school.example', 'datum zorgteam': '31-02-2026', naam: 'Noor Testkind' };
// a start before the zorgteam date, in a sheet without identifying columns: the error item keeps the row's fields
const BAD_ORDER: IDataObject = { dossiernummer: 'C-2026-0098', school: 'Basisschool De Regenboog', zorgteam: 'Zorgteam De Regenboog', 'zorgteam e-mail': 'zorgteam.regenboog@school.example', 'datum zorgteam': '2026-10-01', startdatum: '2026-09-01' };

function exampleMonitor(): WorkflowJson {
	const example = loadWorkflow(EXAMPLE);
	const monitor = example.nodes.find((n) => n.name === NODE)!;
	const { credentials: _memory, ...node } = monitor; // the memory in static data: every run here is a first run
	return {
		name: 'deadline-alerts.json, Deadline Monitor only',
		nodes: [
			{ id: 'src', name: 'Cases', type: 'test.source', typeVersion: 1, position: [0, 0], parameters: {} },
			{ ...node, parameters: { ...monitor.parameters, referenceDate: REFERENCE } },
		],
		connections: { Cases: { main: [[{ node: NODE, type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
	};
}

/** Zorgteam → case references, over the group items on Overdue and Due Soon. */
function alerted(items: IDataObject[]): Record<string, string[]> {
	const out: Record<string, string[]> = {};
	for (const g of items) out[g.recipientEmail as string] = [...(out[g.recipientEmail as string] ?? []), ...(g.cases as IDataObject[]).map((c) => c.caseRef as string)].sort();
	return out;
}

describe('the weekly alert continues past a bad row', () => {
	it('every zorgteam still gets its cases; the bad row leaves on the Error output, naming the field and the row', async () => {
		const good = sampleCases().map((row) => asSheetRow(row as Record<string, string>));
		const clean = await runWorkflow(exampleMonitor(), { input: good, mode: 'trigger' });
		const withBad = await runWorkflow(exampleMonitor(), { input: [...good.slice(0, 5), BAD_ROW, ...good.slice(5), BAD_ORDER], mode: 'trigger' });
		expect(withBad.error).toBeUndefined();
		const groups = [...withBad.json(NODE, 0), ...withBad.json(NODE, 1)];
		// the same alerts as without the bad row (worked out on the sample's own reference date: 4 zorgteams, 4 cases each)
		expect(alerted(groups)).toEqual(alerted([...clean.json(NODE, 0), ...clean.json(NODE, 1)]));
		expect(alerted(groups)).toEqual({
			'zorgteam.anker@school.example': ['C-2026-0031', 'C-2026-0032', 'C-2026-0033', 'C-2026-0034'],
			'zorgteam.baken@school.example': ['C-2026-0011', 'C-2026-0012', 'C-2026-0013', 'C-2026-0014'],
			'zorgteam.regenboog@school.example': ['C-2026-0001', 'C-2026-0002', 'C-2026-0003', 'C-2026-0004'],
			'zorgteam.wegwijzer@school.example': ['C-2026-0021', 'C-2026-0022', 'C-2026-0023', 'C-2026-0024'],
		});
		const errors = withBad.output(NODE)[ERROR_OUTPUT];
		expect(errors.map((e) => e.pairedItem)).toEqual([{ item: 5 }, { item: good.length + 1 }]);
		// what the beheerder's mail lists per row: the case reference where the item keeps it, and the error
		// (with the row number where identifying columns were removed)
		expect(errors[0].json.error).toMatch(/datum zorgteam.*\(item 6, case C-2026-0099\)/);
		expect(errors[0].json.dossiernummer).toBeUndefined();
		expect(errors[1].json.dossiernummer).toBe('C-2026-0098');
		expect(errors[1].json.error).toMatch(/startdatum/);
		assertNoPersonalData(errors.map((e) => e.json), 'error output of the weekly alert');
		expect(clean.output(NODE)[ERROR_OUTPUT]).toEqual([]);
	});

	it('the example wires the Error output to one mail to the beheerder listing the rows to fix', () => {
		const example = loadWorkflow(EXAMPLE);
		const monitor = example.nodes.find((n) => n.name === NODE)!;
		expect(monitor.onError).toBe('continueErrorOutput');
		const next = (name: string, output = 0) => (example.connections[name]?.main?.[output] ?? []).map((c) => c!.node);
		expect(next(NODE, ERROR_OUTPUT)).toEqual(['Collect rows to fix']);
		const collect = example.nodes.find((n) => n.name === 'Collect rows to fix')!;
		expect(collect.type).toBe('n8n-nodes-base.aggregate');
		expect(collect.parameters).toEqual({ aggregate: 'aggregateAllItemData', destinationFieldName: 'rowsToFix', options: {} });
		const [mailName] = next('Collect rows to fix');
		const mail = example.nodes.find((n) => n.name === mailName)!;
		expect(mail.type).toBe('n8n-nodes-base.emailSend');
		expect(mail.parameters.toEmail).toBe('beheerder@jeugdhulp.local');
		expect(String(mail.parameters.text)).toContain("$json.rowsToFix.map(r => (r.dossiernummer ? r.dossiernummer + ': ' : '') + r.error)");
		// the alerts: Overdue and Due Soon → e-mail zorgteam → Confirm delivery
		expect([next(NODE, 0), next(NODE, 1)]).toEqual([['E-mail zorgteam'], ['E-mail zorgteam']]);
		const confirm = example.nodes.find((n) => n.name === next('E-mail zorgteam')[0])!;
		expect([confirm.type, confirm.typeVersion, confirm.parameters.operation]).toEqual(['n8n-nodes-jeugdhulp-onderwijs.deadlineMonitor', 1.3, 'confirmDelivery']);
		expect(monitor.typeVersion).toBe(1.3);
		expect(Object.keys(confirm.credentials ?? {})).toEqual(Object.keys(monitor.credentials ?? {}));
	});
});
