/**
 * The two settlement example workflows as a beheerder sees them in the editor (issue 12): English names with
 * the pattern "Jeugdhulp: <what it does>", a sticky note per step, Dutch HTML and text e-mails without n8n's
 * footer, and the statement spreadsheet made from the node's `sheetRows`. Running them is
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

it('quarterly: the attachment is made from the statement’s sheetRows', () => {
	const split = EXAMPLES.quarterly.nodes.find((n) => n.type === 'n8n-nodes-base.splitOut')!;
	expect(split.parameters.fieldToSplitOut).toBe('sheetRows');
	expect(EXAMPLES.quarterly.connections[split.name]).toEqual({ main: [[{ node: 'Statement spreadsheet', type: 'main', index: 0 }]] });
});
