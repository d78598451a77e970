'use strict';
/**
 * The "Jeugdhulp Shared Memory (n8n API)" credential of a local runtime: what this package
 * remembers (alerts sent, evaluation moments) lives in n8n's Data Tables, reached through n8n's own
 * public API (see nodes/shared/store.ts). The credential is imported with the others (fixed id, no
 * key yet); once the server runs and the owner exists, an API key with Data Table scopes is created
 * and written into the credential. Works the same for SQLite and for queue mode (workers call the
 * main instance's API).
 */
const config = require('./config');

/** Scopes the shared memory needs (n8n 2.41 public API). */
// dataTableRow:update: the Deadline Monitor's outbox (version 1.3) moves its head with one conditional update
// execution:read / execution:list: the Evaluation Trigger reads how the execution of a fired moment ended (issue 23 part 3)
const SCOPES = ['dataTable:create', 'dataTable:list', 'dataTable:read', 'dataTableRow:create', 'dataTableRow:read', 'dataTableRow:update', 'dataTableRow:delete', 'execution:read', 'execution:list'];

/** The credential as imported before start (API key filled in later by configureSharedMemory). */
function sharedMemoryCredential({ port }) {
	const c = config.CREDENTIALS.sharedMemory;
	return { id: c.id, name: c.name, type: c.type, data: { baseUrl: `http://127.0.0.1:${port}/api/v1`, apiKey: 'set-after-start' } };
}

/**
 * Create an API key for the owner (once per database: label `jeugdhulp-shared-memory`) and store it
 * in the credential. Returns the raw key (the runtime keeps it in its runtime.json, beside n8n's own
 * encryption key in the same user folder, for forgetAlertMemory: no login needed later).
 * `rest(method, route, body?)` is the owner's call to n8n's internal REST API (RuntimeClient.rest).
 */
async function configureSharedMemory(rest, port) {
	const label = 'jeugdhulp-shared-memory';
	const listed = await rest('GET', '/api-keys');
	const keys = Array.isArray(listed) ? listed : listed.items || listed.data || listed.results || [];
	const existing = keys.filter((k) => k.label === label);
	for (const k of existing) await rest('DELETE', `/api-keys/${k.id}`); // the raw key is shown only once: make a new one
	const created = await rest('POST', '/api-keys', { label, scopes: SCOPES, expiresAt: null });
	const apiKey = created.rawApiKey || created.apiKey;
	const c = config.CREDENTIALS.sharedMemory;
	await rest('PATCH', `/credentials/${c.id}`, {
		name: c.name,
		type: c.type,
		data: { baseUrl: `http://127.0.0.1:${port}/api/v1`, apiKey },
	});
	return apiKey;
}

/**
 * The Data Tables where "Alert Only on Status Change" keeps its memory: claims of node versions 1–1.2
 * (nodes/DeadlineMonitor/alertOnce.ts) and the outbox of version 1.3 (nodes/DeadlineMonitor/outbox.ts).
 */
const ALERT_MEMORY_TABLES = ['jeugdhulp_alert_memory', 'jeugdhulp_alert_outbox'];

/**
 * Forget what the Deadline Monitors of one workflow remember (rows whose scope is `<workflowId>:<node id>`),
 * so that its next run alerts every case as on a first run. For tests that need a first run on a runtime
 * other tests share: whoever ran the workflow before, the test starts from the same memory. Uses n8n's
 * public API with the shared-memory key (configureSharedMemory), as the package does; it does not log in
 * (n8n allows 5 logins per account per minute, and the browser tests need theirs). Returns the rows deleted.
 */
async function forgetAlertMemory(editorUrl, workflowId, apiKey) {
	if (!apiKey) throw new Error('forgetAlertMemory: this runtime has no shared-memory API key (started before it was kept in runtime.json?)');
	const api = async (method, route) => {
		const r = await fetch(`${editorUrl}/api/v1${route}`, { method, headers: { 'x-n8n-api-key': apiKey } });
		const text = await r.text();
		if (!r.ok) throw new Error(`${method} /api/v1${route}: HTTP ${r.status} ${text.slice(0, 300)}`);
		return text ? JSON.parse(text) : {};
	};
	let deleted = 0;
	for (const name of ALERT_MEMORY_TABLES) {
		const tables = await api('GET', `/data-tables?filter=${encodeURIComponent(JSON.stringify({ name }))}`);
		const table = (tables.data || []).find((t) => t.name === name);
		if (!table) continue; // nothing ran with this memory yet
		const rows = [];
		for (let cursor; ; ) {
			const page = await api('GET', `/data-tables/${table.id}/rows?${cursor ? `cursor=${encodeURIComponent(cursor)}` : 'limit=250'}`);
			rows.push(...(page.data || []));
			cursor = page.nextCursor;
			if (!cursor) break;
		}
		const mine = rows.filter((row) => String(row.scope).startsWith(`${workflowId}:`)).map((row) => row.id);
		for (let i = 0; i < mine.length; i += 50) {
			const filter = { type: 'or', filters: mine.slice(i, i + 50).map((id) => ({ columnName: 'id', condition: 'eq', value: id })) };
			await api('DELETE', `/data-tables/${table.id}/rows/delete?filter=${encodeURIComponent(JSON.stringify(filter))}`);
		}
		deleted += mine.length;
	}
	return deleted;
}

module.exports = { sharedMemoryCredential, configureSharedMemory, forgetAlertMemory, SCOPES };
