/**
 * The example workflows of issue 12 §1 (intake triage, record cleaner, error alert) as a beheerder imports
 * them: English names with one pattern, a sticky note per step, every e-mail without n8n's English
 * attribution footer, and mail texts built from the nodes' Dutch texts (no English labels, no lone "-").
 * What the mails really say is checked in test/e2e/triage.e2e.test.ts and record-cleaner.e2e.test.ts.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

interface WfNode {
	name: string;
	type: string;
	parameters: Record<string, unknown>;
}
const load = (file: string) => JSON.parse(fs.readFileSync(path.join(__dirname, '../../../workflows', file), 'utf8')) as { name: string; nodes: WfNode[] };
const FILES = ['intake-triage.json', 'record-cleaner.json', 'error-alert.json'];

describe.each(FILES)('workflows/%s', (file) => {
	const wf = load(file);
	const mails = wf.nodes.filter((n) => n.type === 'n8n-nodes-base.emailSend');
	const stickies = wf.nodes.filter((n) => n.type === 'n8n-nodes-base.stickyNote');

	it('is named "Jeugdhulp: <what it does>" in English', () => {
		expect(wf.name).toMatch(/^Jeugdhulp: [a-z][a-z ,()-]+$/);
	});

	it('switches n8n\u2019s attribution footer off on every e-mail node', () => {
		expect(mails.length).toBeGreaterThan(0);
		for (const m of mails) expect([m.name, (m.parameters.options as Record<string, unknown>)?.appendAttribution]).toEqual([m.name, false]);
	});

	it('explains its steps in sticky notes, one per step group, in plain words', () => {
		expect(stickies.length).toBeGreaterThanOrEqual(2);
		for (const s of stickies) expect(String(s.parameters.content)).toMatch(/^## \d\. \S/);
	});

	it('mails no English route label and never prints a lone "-" for missing actions', () => {
		for (const m of mails) {
			const text = `${m.parameters.subject} ${m.parameters.text}`;
			expect(text).not.toMatch(/triage\.routeLabel/); // the n8n-facing English label (mails use triage.texts.routeLabel)
			expect(text).not.toMatch(/\|\|\s*'-'/);
			expect(text).not.toContain('details.hint'); // the English hint; mails use details.text / details.fix
			expect(text).not.toMatch(/\$json\.error\b|r\.error\b/); // the English n8n message
		}
	});
});

it('the intake example keeps invalid values apart from incomplete requests', () => {
	const wf = load('intake-triage.json');
	const names = wf.nodes.map((n) => n.name);
	expect(names).toEqual(expect.arrayContaining(['Invalid Value?', 'Mail School: Invalid Value', 'Mail School: Missing Information']));
	const invalid = wf.nodes.find((n) => n.name === 'Mail School: Invalid Value')!;
	expect(String(invalid.parameters.text)).toMatch(/details\.text.*details\.fix/);
	const missing = wf.nodes.find((n) => n.name === 'Mail School: Missing Information')!;
	expect(String(missing.parameters.text)).toContain('triage.texts.missingSection');
});

it('the error alert mails the node\u2019s Dutch details and the execution link, and never claims that nothing was kept', () => {
	const wf = load('error-alert.json');
	const mail = wf.nodes.find((n) => n.name === 'Mail The Beheerder')!;
	for (const body of [String(mail.parameters.text), String(mail.parameters.html)]) {
		expect(body).toMatch(/context\?\.details/);
		expect(body).toMatch(/d\.text.*d\.fix/);
		expect(body).toContain('x.url');
		expect(body).not.toContain('Van deze uitvoering zijn geen gegevens bewaard');
	}
	expect(mail.parameters.emailFormat).toBe('both');
});
