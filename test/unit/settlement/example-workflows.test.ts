/**
 * The two settlement example workflows as a beheerder sees them in the editor (issue 12): English names with
 * the pattern "Jeugdhulp: <what it does>", a sticky note per step, Dutch HTML and text e-mails without n8n's
 * footer, the statement file made by the node (version 1.3) and an own share mailed as information. Running them is
 * test/e2e/settlement.e2e.test.ts.
 */
import fs from 'node:fs';
import path from 'node:path';

interface Node {
	name: string;
	type: string;
	parameters: Record<string, unknown>;
}
interface Workflow {
	name: string;
	nodes: Node[];
	connections: Record<string, unknown>;
}

const load = (file: string) => JSON.parse(fs.readFileSync(path.join(__dirname, '../../../workflows', file), 'utf8')) as Workflow;
const EXAMPLES = { quarterly: load('settlement-quarterly.json'), reconcile: load('settlement-reconcile.json') };

describe.each(Object.entries(EXAMPLES))('settlement example: %s', (_kind, wf) => {
	const notes = wf.nodes.filter((n) => n.type === 'n8n-nodes-base.stickyNote');
	const steps = wf.nodes.filter((n) => n.type !== 'n8n-nodes-base.stickyNote');
	const mail = steps.find((n) => n.type === 'n8n-nodes-base.emailSend')!;

	it('is named "Jeugdhulp: <what it does>" in English, with English node names', () => {
		expect(wf.name).toMatch(/^Jeugdhulp: [a-z][a-z -]+$/);
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

	it('mails Dutch HTML and text, signed by a department, without n8n’s attribution footer', () => {
		expect(mail.parameters.emailFormat).toBe('both');
		expect((mail.parameters.options as Record<string, unknown>).appendAttribution).toBe(false);
		for (const body of [mail.parameters.text, mail.parameters.html].map(String)) {
			expect(body).toContain('Met vriendelijke groet');
			expect(body).toContain('Afdeling Financiën Jeugd');
			expect(body).toContain('.periodText }}');
			expect(body).not.toMatch(/\bFinancien\b|periodStart|periodEnd/);
		}
	});
});

it('quarterly: the node (version 1.3 or later) makes the statement file; the mail attaches it, no Convert to File', () => {
	const settle = EXAMPLES.quarterly.nodes.find((n) => n.type === 'n8n-nodes-jeugdhulp-onderwijs.crossRegionSettlement') as Node & { typeVersion: number };
	// the statement file comes with 1.3; which version exactly is example-versions.test.ts's (the latest)
	expect(settle.typeVersion).toBeGreaterThanOrEqual(1.3);
	expect(EXAMPLES.quarterly.nodes.map((n) => n.type)).not.toEqual(expect.arrayContaining(['n8n-nodes-base.convertToFile']));
	const mail = EXAMPLES.quarterly.nodes.find((n) => n.type === 'n8n-nodes-base.emailSend')!;
	expect((mail.parameters.options as Record<string, unknown>).fileAttachments).toBe('data');
	expect(EXAMPLES.quarterly.connections['Add finance contact']).toEqual({ main: [[{ node: mail.name, type: 'main', index: 0 }]] });
});

it('quarterly: the own share is mailed as information, never as an amount to pay (issue 24 §1)', () => {
	const mail = EXAMPLES.quarterly.nodes.find((n) => n.type === 'n8n-nodes-base.emailSend')!;
	// the amount's label comes from the node ("Te betalen bedrag" only where isInvoice), never written into the mail
	for (const body of [mail.parameters.text, mail.parameters.html].map(String)) {
		expect(body).not.toContain('Te betalen');
		expect(body).toContain('$json.amountLabel');
		expect(body).toMatch(/\$json\.isInvoice \? .*: 'Ter informatie: het eigen aandeel/);
	}
	expect(String(mail.parameters.subject)).toContain("'Eigen aandeel jeugdhulp SJSO ' + $json.period + ' – ' + $json.municipalityName + ' – ter informatie, geen factuur'");
});
