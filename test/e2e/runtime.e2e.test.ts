/**
 * The harness itself against real n8n: built-in nodes read a file from the data folder, call the
 * local case API, write a file and send a mail through the `smtp-local` credential; file access
 * outside the data folder is refused. Asserts on what really happened, not just the exit code.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { startRuntime, nodeItems, runError, type E2ERuntime } from './runtime';

let rt: E2ERuntime;

beforeAll(async () => {
	rt = await startRuntime();
});

afterAll(async () => {
	await rt?.stop();
});

describe('local runtime', () => {
	it('serves the editor, the inbox and the case API, with our package loaded', async () => {
		expect((await fetch(`${rt.urls.editor}/healthz`)).status).toBe(200);
		expect((await fetch(`${rt.urls.inbox}/api/healthz`)).status).toBe(200);
		expect(await (await fetch(`${rt.urls.caseApi}/api/health`)).json()).toMatchObject({ status: 'ok' });
		// Our package is installed as a community package: n8n lists its node types under the package name.
		const r = await fetch(`${rt.urls.editor}/types/nodes.json`, { headers: { cookie: await rt.session() } });
		const types = (await r.json()) as Array<{ name: string }>;
		const ours = types.map((t) => t.name).filter((n) => n.startsWith('n8n-nodes-jeugdhulp-onderwijs.'));
		expect(ours).toContain('n8n-nodes-jeugdhulp-onderwijs.recordCleaner');
		expect(ours.sort()).toEqual(rt.nodes.map((n) => n.name).sort());
	});

	it('runs a workflow of built-in nodes end to end: file in, case API, file out, e-mail', async () => {
		await rt.clearMails();
		await rt.resetCaseApi();

		const result = await rt.executeWorkflow('jhE2eHarness01');

		expect(result.exitCode).toBe(0);
		expect(nodeItems(result, 'Parse CSV').map((r) => r.leerling)).toEqual(['LL-001', 'LL-002', 'LL-003']);

		// The case API received one authenticated POST per row, with the mapped body.
		const requests = (await rt.caseRequests()).filter((r) => r.method === 'POST' && r.path === '/api/cases');
		expect(requests).toHaveLength(3);
		expect(requests.every((r) => r.auth === 'apiKey' && r.status === 201)).toBe(true);
		expect(requests.map((r) => r.body)).toContainEqual({ pupilReference: 'LL-002', brin: '34CD', municipality: 'Leusden' });
		expect(nodeItems(result, 'Register case').map((r) => r.id)).toEqual(['case-0001', 'case-0002', 'case-0003']);

		// The file was written inside the data folder.
		const written = fs.readFileSync(path.join(rt.dataDir, 'output', 'e2e-harness.csv'), 'utf8');
		expect(written).toContain('LL-003');

		// The summary mail arrived in maildev.
		const mails = await rt.mails();
		expect(mails).toHaveLength(1);
		expect(mails[0].to).toEqual(['zorgteam@school.example']);
		expect(mails[0].subject).toBe('E2E harness: 3 rows');
		expect(mails[0].text).toContain('LL-001, LL-002, LL-003');
	});

	it('refuses to read files outside the data folder (N8N_RESTRICT_FILE_ACCESS_TO)', async () => {
		const result = await rt.executeWorkflow('jhE2eFileDenied1');

		expect(result.exitCode).not.toBe(0);
		const error = runError(result, 'Read outside') ?? runError(result);
		expect(error?.message).toMatch(/not allowed|access/i);
	});
});
