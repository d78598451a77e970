/**
 * The example workflows (workflows/*.json) as a beheerder imports them (issues 12 and 24): English names with one
 * pattern, every e-mail without n8n's English attribution footer, sticky notes that explain the steps, and mail
 * texts built from the nodes' Dutch texts (no English labels, no lone "-"). Two note styles: the settlement
 * examples have an overview note ("## …") and one note per numbered step ("### 1. …") that names existing nodes
 * in bold; the intake, record cleaner and error alert examples number every note ("## 1. …").
 * What the mails really say, and running them: test/e2e/triage.e2e.test.ts, record-cleaner.e2e.test.ts and
 * settlement.e2e.test.ts. The node versions the examples use: example-versions.test.ts.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

interface WfNode {
	name: string;
	type: string;
	typeVersion?: number;
	parameters: Record<string, unknown>;
}
interface Workflow {
	name: string;
	nodes: WfNode[];
	connections: Record<string, unknown>;
}

const load = (file: string) => JSON.parse(fs.readFileSync(path.join(__dirname, '../../../workflows', file), 'utf8')) as Workflow;

const STICKY = 'n8n-nodes-base.stickyNote';
const MAIL = 'n8n-nodes-base.emailSend';

/** Each example with the name pattern it keeps: the settlement examples' names have no punctuation. */
const EXAMPLES: Array<[string, RegExp]> = [
	['intake-triage.json', /^Jeugdhulp: [a-z][a-z ,()-]+$/],
	['record-cleaner.json', /^Jeugdhulp: [a-z][a-z ,()-]+$/],
	['error-alert.json', /^Jeugdhulp: [a-z][a-z ,()-]+$/],
	['settlement-quarterly.json', /^Jeugdhulp: [a-z][a-z -]+$/],
	['settlement-reconcile.json', /^Jeugdhulp: [a-z][a-z -]+$/],
];
const SETTLEMENT = ['settlement-quarterly.json', 'settlement-reconcile.json'];
const NUMBERED_NOTES = ['intake-triage.json', 'record-cleaner.json', 'error-alert.json'];

describe.each(EXAMPLES)('workflows/%s', (file, namePattern) => {
	const wf = load(file);
	const mails = wf.nodes.filter((n) => n.type === MAIL);

	it('is named "Jeugdhulp: <what it does>" in English', () => {
		expect(wf.name).toMatch(namePattern);
	});

	it('switches n8n\u2019s attribution footer off on every e-mail node', () => {
		expect(mails.length).toBeGreaterThan(0);
		for (const m of mails) expect([m.name, (m.parameters.options as Record<string, unknown>)?.appendAttribution]).toEqual([m.name, false]);
	});
});

describe.each(NUMBERED_NOTES)('workflows/%s (numbered notes, node texts in the mails)', (file) => {
	const wf = load(file);
	const mails = wf.nodes.filter((n) => n.type === MAIL);
	const stickies = wf.nodes.filter((n) => n.type === STICKY);

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

describe.each(SETTLEMENT)('workflows/%s (settlement)', (file) => {
	const wf = load(file);
	const notes = wf.nodes.filter((n) => n.type === STICKY);
	const steps = wf.nodes.filter((n) => n.type !== STICKY);
	const mail = steps.find((n) => n.type === MAIL)!;

	it('has English node names', () => {
		for (const n of wf.nodes) expect(n.name).not.toMatch(/verrekening|factu|gemeente|leerling/i);
	});

	it('explains every step on the canvas: an overview note and one note per numbered step', () => {
		expect(notes.length).toBeGreaterThanOrEqual(5);
		expect(notes.map((n) => String(n.parameters.content).split('\n')[0])).toEqual(
			expect.arrayContaining([expect.stringMatching(/^## /), expect.stringMatching(/^### 1\. /), expect.stringMatching(/^### 2\. /), expect.stringMatching(/^### 3\. /), expect.stringMatching(/^### 4\. /)]),
		);
		// a step note names nodes in bold (or the node's outputs): each must exist, so no note points at a missing node
		const names = new Set(steps.map((n) => n.name));
		const outputs = ['Statements', 'Referrals', 'Summary', 'Differences', 'Matched'];
		for (const n of notes.filter((x) => String(x.parameters.content).startsWith('### '))) {
			for (const [, bold] of String(n.parameters.content).matchAll(/\*\*([^*]+)\*\*/g)) if (!outputs.includes(bold)) expect(names).toContain(bold);
		}
	});

	it('mails Dutch HTML and text, signed by a department', () => {
		expect(mail.parameters.emailFormat).toBe('both');
		for (const body of [mail.parameters.text, mail.parameters.html].map(String)) {
			expect(body).toContain('Met vriendelijke groet');
			expect(body).toContain('Afdeling Financiën Jeugd');
			expect(body).toContain('.periodText }}');
			expect(body).not.toMatch(/\bFinancien\b|periodStart|periodEnd/);
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

it('quarterly settlement: the node (version 1.3 or later) makes the statement file; the mail attaches it, no Convert to File', () => {
	const wf = load('settlement-quarterly.json');
	const settle = wf.nodes.find((n) => n.type === 'n8n-nodes-jeugdhulp-onderwijs.crossRegionSettlement')!;
	expect(settle.typeVersion).toBeGreaterThanOrEqual(1.3); // the statement file comes with 1.3; the exact version is example-versions.test.ts's (the latest)
	expect(wf.nodes.map((n) => n.type)).not.toEqual(expect.arrayContaining(['n8n-nodes-base.convertToFile']));
	const mail = wf.nodes.find((n) => n.type === MAIL)!;
	expect((mail.parameters.options as Record<string, unknown>).fileAttachments).toBe('data');
	expect(wf.connections['Add finance contact']).toEqual({ main: [[{ node: mail.name, type: 'main', index: 0 }]] });
});

it('quarterly settlement: the own share is mailed as information, never as an amount to pay (issue 24 §1)', () => {
	const mail = load('settlement-quarterly.json').nodes.find((n) => n.type === MAIL)!;
	// the amount's label comes from the node ("Te betalen bedrag" only where isInvoice), never written into the mail
	for (const body of [mail.parameters.text, mail.parameters.html].map(String)) {
		expect(body).not.toContain('Te betalen');
		expect(body).toContain('$json.amountLabel');
		expect(body).toMatch(/\$json\.isInvoice \? .*: 'Ter informatie: het eigen aandeel/);
	}
	expect(String(mail.parameters.subject)).toContain("'Eigen aandeel jeugdhulp SJSO ' + $json.period + ' – ' + $json.municipalityName + ' – ter informatie, geen factuur'");
});
