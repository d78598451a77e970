import { fromYmd } from '../../../domain/primitives/dates';
import { CaseCheck, groupPerRecipient } from '../../../domain/deadlines';
import { assertNoPersonalData } from '../../helpers/privacy';

const d = (y: number, m: number, day: number) => fromYmd(y, m, day);
const check = (caseRef: string, zorgteam: string, status: CaseCheck['status'], email = ''): CaseCheck => ({
	caseRef,
	zorgteam,
	school: `School of ${zorgteam}`,
	recipientEmail: email,
	recipientEmails: email === '' ? [] : [email],
	status,
	clockStart: d(2026, 9, 1),
	deadline: d(2026, 10, 27),
	daysElapsed: 86,
	daysRemaining: status === 'met' || status === 'met_late' ? null : -30,
	closed: status === 'met' || status === 'met_late',
	uncovered: [],
	dueDateKnown: true,
	statusCertain: true,
});
const opts = { groupBy: 'zorgteam' as const, language: 'nl' as const, rule: 'eightWeek' as const, reference: d(2026, 11, 26) };

describe('groupPerRecipient', () => {
	it('one group per zorgteam in order of appearance, with the most urgent status and its members in input order', () => {
		const groups = groupPerRecipient(
			[
				{ check: check('C-1', 'A', 'due_soon', 'a@x.example'), member: 0 },
				{ check: check('C-2', 'B', 'on_track'), member: 1 },
				{ check: check('C-3', 'A', 'overdue', 'a@x.example'), member: 2 },
				{ check: check('C-4', 'A', 'met', 'a2@x.example'), member: 3 },
				{ check: check('C-5', 'B', 'met_late'), member: 4 },
			],
			opts,
		);
		expect(groups.map((g) => [g.key, g.status, g.members])).toEqual([
			['A', 'overdue', [0, 2, 3]],
			['B', 'on_track', [1, 4]], // an open case is more urgent than a closed one
		]);
		expect(groups[0].summary).toMatchObject({
			groupBy: 'zorgteam',
			zorgteam: 'A',
			recipientEmail: 'a@x.example, a2@x.example',
			caseCount: 3,
			counts: { overdue: 1, due_soon: 1, on_track: 0, met: 1, met_late: 0 },
		});
		// cases listed most urgent first
		expect(groups[0].summary.cases.map((c) => c.caseRef)).toEqual(['C-3', 'C-1', 'C-4']);
		assertNoPersonalData(groups);
	});

	it('with splitBy, one group per recipient and key, each with only its own cases (node version 1.2)', () => {
		const output = (status: CaseCheck['status']) => (status === 'met' || status === 'met_late' ? 'closed' : status);
		const groups = groupPerRecipient(
			[
				{ check: check('C-1', 'A', 'due_soon', 'a@x.example'), member: 0 },
				{ check: check('C-2', 'B', 'due_soon'), member: 1 },
				{ check: check('C-3', 'A', 'overdue', 'a@x.example'), member: 2 },
				{ check: check('C-4', 'A', 'met', 'a2@x.example'), member: 3 },
				{ check: check('C-5', 'A', 'met_late'), member: 4 },
				{ check: check('C-6', 'A', 'due_soon', 'a3@x.example'), member: 5 },
			],
			{ ...opts, splitBy: output },
		);
		expect(groups.map((g) => [g.key, g.status, g.members, g.summary.caseCount])).toEqual([
			['A', 'due_soon', [0, 5], 2],
			['B', 'due_soon', [1], 1],
			['A', 'overdue', [2], 1],
			['A', 'met_late', [3, 4], 2], // met and met late share one key here: one group, the most urgent status
		]);
		expect(groups[0].summary).toMatchObject({ zorgteam: 'A', status: 'due_soon', recipientEmail: 'a@x.example, a3@x.example', counts: { overdue: 0, due_soon: 2 } });
		expect(groups[0].summary.cases.map((c) => c.caseRef)).toEqual(['C-1', 'C-6']);
		// without splitBy the summary keeps its version-1 shape (no status field)
		expect(groupPerRecipient([{ check: check('C-1', 'A', 'due_soon'), member: 0 }], opts)[0].summary).not.toHaveProperty('status');
	});

	it('groups per school, and names a group without a name', () => {
		const [g] = groupPerRecipient([{ check: { ...check('C-1', '', 'due_soon'), school: '' }, member: 0 }], { ...opts, groupBy: 'school' });
		expect(g.summary.school).toBe('');
		expect(g.summary.subject).toContain('(geen school)');
		const [en] = groupPerRecipient([{ check: check('C-1', '', 'due_soon'), member: 0 }], { ...opts, language: 'en' });
		expect(en.summary.subject).toContain('(no zorgteam)');
	});

	it('handles a very large group without exceeding the call stack', () => {
		const entries = Array.from({ length: 200_000 }, (_, i) => ({ check: check(`C-${i}`, 'A', i === 199_999 ? 'overdue' : 'due_soon'), member: i }));
		const [g] = groupPerRecipient(entries, opts);
		expect(g.status).toBe('overdue');
		expect(g.members).toHaveLength(200_000);
	});
});
