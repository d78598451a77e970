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
const n8n = require('./n8n');

/** Scopes the shared memory needs (n8n 2.41 public API). */
const SCOPES = ['dataTable:create', 'dataTable:list', 'dataTable:read', 'dataTableRow:create', 'dataTableRow:read', 'dataTableRow:delete'];

/** The credential as imported before start (API key filled in later by configureSharedMemory). */
function sharedMemoryCredential({ port }) {
	const c = config.CREDENTIALS.sharedMemory;
	return { id: c.id, name: c.name, type: c.type, data: { baseUrl: `http://127.0.0.1:${port}/api/v1`, apiKey: 'set-after-start' } };
}

/**
 * Create an API key for the owner (once per database: label `jeugdhulp-shared-memory`) and store it
 * in the credential. Returns true when it (re)configured the credential.
 */
async function configureSharedMemory(editorUrl, port, { owner = config.OWNER } = {}) {
	const cookie = await n8n.login(editorUrl, owner);
	const rest = async (method, route, body) => {
		const r = await fetch(`${editorUrl}/rest${route}`, {
			method,
			headers: { cookie, 'content-type': 'application/json', 'browser-id': 'jeugdhulp-runtime' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await r.text();
		if (!r.ok) throw new Error(`${method} /rest${route}: HTTP ${r.status} ${text.slice(0, 300)}`);
		const json = text ? JSON.parse(text) : {};
		return json.data === undefined ? json : json.data;
	};
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
	return true;
}

module.exports = { sharedMemoryCredential, configureSharedMemory, SCOPES };
