import { fromYmd } from '../../../domain/primitives/dates';
import { buildGroupMessage, escapeHtml, MessageCase } from '../../../domain/deadlines';
import { assertNoPersonalData } from '../../helpers/privacy';

const d = (y: number, m: number, day: number) => fromYmd(y, m, day);
const cases: MessageCase[] = [
	{ caseRef: 'C-2026-0002', school: 'De Regenboog', clockStart: d(2026, 10, 10), deadline: d(2026, 12, 5), status: 'due_soon', daysRemaining: 9 },
	{ caseRef: 'C-2026-0001', school: 'De Regenboog', clockStart: d(2026, 9, 1), deadline: d(2026, 10, 27), status: 'overdue', daysRemaining: -30 },
];

describe('buildGroupMessage', () => {
	it('writes Dutch by default: subject with counts, a text and an HTML table, most urgent first', () => {
		const m = buildGroupMessage('ZT Regenboog', cases, 'eightWeek', d(2026, 11, 26), 'nl');
		expect(m.subject).toBe('Signalering 8-wekennorm collectieve jeugdhulp: 1 termijn verstreken, 1 termijn verloopt binnenkort (ZT Regenboog)');
		expect(m.text).toContain('peildatum 26-11-2026');
		expect(m.text.indexOf('C-2026-0001')).toBeLessThan(m.text.indexOf('C-2026-0002'));
		expect(m.text).toMatch(/C-2026-0001\s+De Regenboog\s+01-09-2026\s+27-10-2026\s+Termijn verstreken\s+-30/);
		expect(m.html).toContain('<td style="padding:4px 8px;border-bottom:1px solid #ddd">C-2026-0001</td>');
		expect(m.html.match(/<tr>/g)).toHaveLength(3);
		assertNoPersonalData(m);
	});

	it('writes English on request', () => {
		const m = buildGroupMessage('ZT Regenboog', cases, 'thuiszitter', d(2026, 11, 26), 'en');
		expect(m.subject).toBe('Alert thuiszitter rule (3 months): 1 overdue, 1 due soon (ZT Regenboog)');
		expect(m.text).toContain('2026-10-27');
	});

	it('escapes every value in the HTML', () => {
		const m = buildGroupMessage('<b>ZT</b>', [{ ...cases[0], school: 'A & B <script>' }], 'eightWeek', d(2026, 11, 26), 'nl');
		expect(m.html).not.toContain('<script>');
		expect(m.html).not.toContain('<b>');
		expect(m.html).toContain('A &amp; B &lt;script&gt;');
		expect(escapeHtml(`"'`)).toBe('&quot;&#39;');
	});
});
