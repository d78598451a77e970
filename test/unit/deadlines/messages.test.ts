import { fromYmd } from '../../../domain/primitives/dates';
import { actionSentences, buildGroupMessage, countLabel, escapeHtml, MessageCase, remainingText } from '../../../domain/deadlines';
import { assertNoPersonalData } from '../../helpers/privacy';

const d = (y: number, m: number, day: number) => fromYmd(y, m, day);
const cases: MessageCase[] = [
	{ caseRef: 'C-2026-0002', school: 'De Regenboog', clockStart: d(2026, 10, 10), deadline: d(2026, 12, 5), status: 'due_soon', daysRemaining: 9 },
	{ caseRef: 'C-2026-0001', school: 'De Regenboog', clockStart: d(2026, 9, 1), deadline: d(2026, 10, 27), status: 'overdue', daysRemaining: -30 },
];
const late38: MessageCase = { caseRef: 'C-2026-0003', school: 'De Regenboog', clockStart: d(2026, 8, 25), deadline: d(2026, 10, 20), status: 'overdue', daysRemaining: -38 };
const onTrack: MessageCase = { caseRef: 'C-2026-0004', school: 'De Regenboog', clockStart: d(2026, 11, 20), deadline: d(2027, 1, 15), status: 'on_track', daysRemaining: 50 };

describe('buildGroupMessage', () => {
	it('writes Dutch by default: subject with counts, a text and an HTML table, most urgent first', () => {
		const m = buildGroupMessage('ZT Regenboog', cases, 'eightWeek', d(2026, 11, 26), 'nl');
		expect(m.subject).toBe('Signalering 8-wekennorm collectieve jeugdhulp: 1 termijn verstreken, 1 termijn verloopt binnenkort (ZT Regenboog)');
		expect(m.text).toContain('peildatum 26 november 2026');
		expect(m.text.indexOf('C-2026-0001')).toBeLessThan(m.text.indexOf('C-2026-0002'));
		expect(m.text).toMatch(/C-2026-0001\s+De Regenboog\s+1 september 2026\s+27 oktober 2026\s+Termijn verstreken\s+30 dagen te laat/);
		expect(m.text).toMatch(/C-2026-0002\s+De Regenboog\s+10 oktober 2026\s+5 december 2026\s+Termijn verloopt binnenkort\s+nog 9 dagen/);
		expect(m.html).toContain('<td style="padding:4px 8px;border-bottom:1px solid #ddd">C-2026-0001</td>');
		expect(m.html).toContain('>30 dagen te laat</td>');
		expect(m.html.match(/<tr>/g)).toHaveLength(3);
		assertNoPersonalData(m);
	});

	it('writes the days in words: "38 dagen te laat", "nog 5 dagen", singular for one day', () => {
		const m = buildGroupMessage('ZT', [late38], 'eightWeek', d(2026, 11, 27), 'nl');
		expect(m.text).toContain('38 dagen te laat');
		expect(m.html).toContain('38 dagen te laat');
		expect(m.text).not.toMatch(/-38/);
		expect(m.html).not.toMatch(/-38/);
		expect(remainingText(-38, 'nl')).toBe('38 dagen te laat');
		expect(remainingText(-1, 'nl')).toBe('1 dag te laat');
		expect(remainingText(5, 'nl')).toBe('nog 5 dagen');
		expect(remainingText(1, 'nl')).toBe('nog 1 dag');
		expect(remainingText(0, 'nl')).toBe('laatste dag');
		expect(remainingText(null, 'nl')).toBe('');
		expect(remainingText(-38, 'en')).toBe('38 days late');
		expect(remainingText(5, 'en')).toBe('5 days left');
		expect(remainingText(1, 'en')).toBe('1 day left');
	});

	it('names the clock start in plain Dutch, not "Startdatum klok", per rule', () => {
		const eight = buildGroupMessage('ZT', cases, 'eightWeek', d(2026, 11, 26), 'nl');
		expect(eight.text).toContain('Besproken in zorgteam op');
		expect(eight.html).toContain('>Besproken in zorgteam op</th>');
		expect(eight.text).toContain('Hulp uiterlijk gestart op');
		const home = buildGroupMessage('ZT', cases, 'thuiszitter', d(2026, 11, 26), 'nl');
		expect(home.text).toContain('Thuis sinds');
		for (const m of [eight, home]) {
			expect(m.text).not.toContain('Startdatum klok');
			expect(m.text).not.toContain('Dagen over');
		}
	});

	it('uses singular and plural in the subject: "1 termijn verstreken", "3 termijnen verstreken"', () => {
		const three = [late38, { ...late38, caseRef: 'C-2026-0005' }, { ...late38, caseRef: 'C-2026-0006' }, cases[0], { ...cases[0], caseRef: 'C-2026-0007' }];
		const m = buildGroupMessage('ZT', three, 'eightWeek', d(2026, 11, 27), 'nl');
		expect(m.subject).toBe('Signalering 8-wekennorm collectieve jeugdhulp: 3 termijnen verstreken, 2 termijnen verlopen binnenkort (ZT)');
		expect(m.subject).not.toMatch(/\d+ termijn verstreken/);
		expect(countLabel(1, 'overdue', 'nl')).toBe('1 termijn verstreken');
		expect(countLabel(1, 'due_soon', 'nl')).toBe('1 termijn verloopt binnenkort');
	});

	it('says what to do and whom to contact, per status and rule, in text and HTML', () => {
		const m = buildGroupMessage('ZT', cases, 'eightWeek', d(2026, 11, 26), 'nl');
		expect(m.actions).toHaveLength(2);
		expect(m.actions[0]).toMatch(/^Termijn verstreken: .*contactpersoon van de gemeentelijke toegang.*jeugdhulpaanbieder/);
		expect(m.actions[1]).toMatch(/^Termijn verloopt binnenkort: .*contactpersoon van de gemeentelijke toegang/);
		expect(m.text).toContain('Wat te doen:');
		for (const a of m.actions) {
			expect(m.text).toContain(`- ${a}`);
			expect(m.html).toContain(`<li>${escapeHtml(a)}</li>`);
		}
		// the action comes before the table: it is what the reader must not miss
		expect(m.text.indexOf('Wat te doen:')).toBeLessThan(m.text.indexOf('C-2026-0001'));
		// thuiszitters: leerplicht, samenwerkingsverband and parents (S2)
		const home = actionSentences(['overdue'], 'thuiszitter', 'nl');
		expect(home[0]).toMatch(/langer dan 3 maanden thuis.*leerplichtambtenaar, het samenwerkingsverband en de ouders/);
		// only overdue → one sentence; only on-track cases → nothing to do, no heading
		expect(buildGroupMessage('ZT', [late38], 'eightWeek', d(2026, 11, 27), 'nl').actions).toHaveLength(1);
		const calm = buildGroupMessage('ZT', [onTrack], 'eightWeek', d(2026, 11, 27), 'nl');
		expect(calm.actions).toEqual([]);
		expect(calm.text).not.toContain('Wat te doen');
		expect(calm.html).not.toContain('<ul>');
	});

	it('writes English on request, equally clear', () => {
		const m = buildGroupMessage('ZT Regenboog', cases, 'thuiszitter', d(2026, 11, 26), 'en');
		expect(m.subject).toBe('Alert thuiszitter rule (3 months): 1 overdue, 1 due soon (ZT Regenboog)');
		expect(m.text).toContain('27 October 2026');
		expect(m.text).toContain('30 days late');
		expect(m.text).toContain('9 days left');
		expect(m.text).toContain('At home since');
		expect(m.text).toContain('What to do:');
		expect(m.actions[0]).toMatch(/^Overdue: .*school attendance officer/);
		expect(buildGroupMessage('ZT', cases, 'eightWeek', d(2026, 11, 26), 'en').actions[0]).toMatch(/municipal access team's contact person/);
	});

	it('escapes every value in the HTML', () => {
		const m = buildGroupMessage('<b>ZT</b>', [{ ...cases[0], school: 'A & B <script>' }], 'eightWeek', d(2026, 11, 26), 'nl');
		expect(m.html).not.toContain('<script>');
		expect(m.html).not.toContain('<b>');
		expect(m.html).toContain('A &amp; B &lt;script&gt;');
		expect(escapeHtml(`"'`)).toBe('&quot;&#39;');
	});
});
