/**
 * Issue 21 §4: one 8-week rule. Toeleiding Triage 1.3 can count the deadline in school weeks with the same
 * calendar settings as the Deadline Monitor, so both give the same date; 1.2 (and 1.3 with Calendar Days)
 * keeps 56 calendar days. Dates worked out by hand from the Rijksoverheid dates, midden 2025-2026.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { loadWorkflow, runWorkflow, WorkflowJson } from '../../helpers/engine';
import { triageRequest } from '../../helpers/triageRequest';

const NODE = 'Toeleiding Triage';
const COLLECTIVE = 1;
const fixture = () => loadWorkflow('test/engine/triage/fixtures/triage.deadline-school-weeks.workflow.json');
function variant(change: { typeVersion?: number; parameters?: INodeParameters }): WorkflowJson {
	const w = structuredClone(fixture());
	const node = w.nodes.find((n) => n.name === NODE)!;
	if (change.typeVersion) node.typeVersion = change.typeVersion;
	if (change.parameters) node.parameters = { ...node.parameters, ...change.parameters };
	return w;
}
// zorgteam Monday 2 March 2026 (triageRequest's default), collective route at the designated school 12AB
const request = triageRequest('collective');
const triageOf = async (w: WorkflowJson) => {
	const r = await runWorkflow(w, { input: [request] });
	return { r, t: r.output(NODE)[COLLECTIVE]?.[0]?.json.triage as IDataObject | undefined };
};

describe('Toeleiding Triage: the 8-week deadline', () => {
	it('school weeks, region midden, Goede Vrijdag closed: 7 May 2026 — the same date as the Deadline Monitor with those settings', async () => {
		// 2 Mar + 56 = 27 Apr. Not counted: Goede Vrijdag 3 Apr 2026, meivakantie midden 25 Apr–3 May (9 days).
		// 3 Mar–24 Apr = 53 counted days less Goede Vrijdag = 52; 4–7 May are 53–56 → 7 May 2026.
		const { t } = await triageOf(fixture());
		expect(t).toMatchObject({ route: 'collective', zorgteamDate: '2026-03-02', deadline: '2026-05-07' });
		expect(String(t!.explanation)).toContain('binnen 8 schoolweken (vakanties tellen niet mee)');
		expect(String(t!.explanation)).toContain('uiterlijk 7 mei 2026');

		const dm = await runWorkflow(loadWorkflow('test/engine/deadlines/fixtures/check-cases.school-weeks-midden-goede-vrijdag.workflow.json'), {
			input: [{ caseRef: 'C-1', zorgteamDate: '2026-03-02' }],
		});
		const checked = dm.output('Deadline Monitor').flat()[0].json.deadline as IDataObject;
		expect(checked.dueDate).toBe(t!.deadline);
	});

	it('calendar days (the default) and node version 1.2: 2 March + 56 days = 27 April 2026, as before', async () => {
		expect((await triageOf(variant({ parameters: { deadlineCounting: 'calendarDays' } }))).t!.deadline).toBe('2026-04-27');
		expect((await triageOf(variant({ typeVersion: 1.2 }))).t!.deadline).toBe('2026-04-27');
	});

	it('the region from the policy: Amersfoort\'s municipalities lie in two holiday regions (Eemnes is noord), so the run stops and says so', async () => {
		const { r } = await triageOf(variant({ parameters: { deadlineHolidayRegion: 'fromPolicy' } }));
		expect(r.error?.message).toMatch(/no single holiday region/);
		expect(r.error?.message).toMatch(/noord: Eemnes/);
	});

	it('past the built-in calendar the deadline is the earliest possible one, and the triage says so', async () => {
		// zorgteam 3 Sep 2029, midden: the calendar ends 19 Aug 2029; 3 Sep + 56 = 29 Oct 2029 (autumn 2029 unknown)
		const r = await runWorkflow(fixture(), { input: [triageRequest('late', { zorgteamDate: '2029-09-03' })] });
		const t = r.output(NODE)[COLLECTIVE][0].json.triage as IDataObject;
		expect(t.deadline).toBe('2029-10-29');
		expect(String(t.explanation)).toContain('niet vóór 29 oktober 2029');
		expect((t.warnings as string[]).join(' ')).toMatch(/does not cover 2029-09-04 to 2029-10-29: the deadline 2029-10-29 is the earliest possible one/);
	});
});
