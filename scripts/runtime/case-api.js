'use strict';
/**
 * A small local stand-in for a municipality's / SWV's case system (casusregistratie), so workflows
 * with the `caseSystemApi` credential have something real to talk to. In-memory, no dependencies.
 *
 * Contract (also in docs/runtime.md):
 *   Auth on every /api/* route except /api/health:
 *     `Authorization: Bearer <token>` or `X-API-Key: <apiKey>`  → otherwise 401 {error}
 *   GET    /api/health            → 200 {status:'ok', cases:<count>}
 *   POST   /api/cases             JSON object → 201 {id:'case-0001', createdAt, ...body}
 *                                 JSON array  → 201 [{id, createdAt, ...}, ...] (bulk)
 *                                 not JSON / not an object → 400 {error}
 *   GET    /api/cases             → 200 {data:[...cases], count}   (?pupilReference=… filters)
 *   GET    /api/cases/:id         → 200 case | 404 {error}
 *   PATCH  /api/cases/:id         JSON object → 200 merged case | 404
 *   DELETE /api/cases/:id         → 204 | 404
 *   (test helpers, same auth)  GET /_requests → every request received; POST /_reset clears all.
 *
 * Run standalone: `node scripts/runtime/case-api.js [port]`.
 */
const http = require('node:http');
const { CASE_API } = require('./config');

/**
 * @param {{port?: number, host?: string, apiKey?: string, token?: string}} opts
 * @returns {Promise<{url: string, port: number, server: http.Server, requests: object[], cases: Map<string, object>, close: () => Promise<void>}>}
 */
function startCaseApi({ port = 0, host = '127.0.0.1', apiKey = CASE_API.apiKey, token = CASE_API.token } = {}) {
	const cases = new Map();
	/** Every request received (method, path, headers without secrets, body, status). */
	const requests = [];
	let seq = 0;

	const send = (res, status, body) => {
		const payload = body === undefined ? '' : JSON.stringify(body);
		res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
		res.end(payload);
		return status;
	};

	const authorised = (req) => {
		const auth = req.headers.authorization || '';
		if (token && auth === `Bearer ${token}`) return 'bearerToken';
		if (apiKey && req.headers['x-api-key'] === apiKey) return 'apiKey';
		return null;
	};

	const handle = (req, res, raw) => {
		const url = new URL(req.url, 'http://localhost');
		const parts = url.pathname.replace(/\/+$/, '').split('/').filter(Boolean); // ['api','cases',id]
		let body;
		if (raw.length) {
			try {
				body = JSON.parse(raw);
			} catch {
				body = Symbol.for('invalid');
			}
		}
		const record = {
			method: req.method,
			path: url.pathname,
			query: Object.fromEntries(url.searchParams),
			auth: null,
			body: typeof body === 'symbol' ? raw : body,
			receivedAt: new Date().toISOString(),
			status: 0,
		};

		if (url.pathname === '/api/health' && req.method === 'GET') {
			return send(res, 200, { status: 'ok', cases: cases.size });
		}
		const how = authorised(req);
		record.auth = how;
		if (parts[0] !== '_requests' && parts[0] !== '_reset') requests.push(record);
		if (!how) return (record.status = send(res, 401, { error: 'Missing or invalid credentials: send Authorization: Bearer <token> or X-API-Key' }));

		if (parts[0] === '_requests' && req.method === 'GET') return send(res, 200, requests);
		if (parts[0] === '_reset' && req.method === 'POST') {
			cases.clear();
			requests.length = 0;
			seq = 0;
			return send(res, 204);
		}
		if (parts[0] !== 'api' || parts[1] !== 'cases' || parts.length > 3) {
			return (record.status = send(res, 404, { error: `No route ${req.method} ${url.pathname}` }));
		}
		const id = parts[2];
		const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
		const create = (data) => {
			seq += 1;
			const c = { ...data, id: `case-${String(seq).padStart(4, '0')}`, createdAt: new Date().toISOString() };
			cases.set(c.id, c);
			return c;
		};

		if (!id && req.method === 'POST') {
			if (Array.isArray(body) && body.every(isObject)) return (record.status = send(res, 201, body.map(create)));
			if (!isObject(body)) return (record.status = send(res, 400, { error: 'Body must be a JSON object (or an array of objects)' }));
			return (record.status = send(res, 201, create(body)));
		}
		if (!id && req.method === 'GET') {
			let data = [...cases.values()];
			for (const [k, v] of url.searchParams) data = data.filter((c) => String(c[k]) === v);
			return (record.status = send(res, 200, { data, count: data.length }));
		}
		if (id) {
			const existing = cases.get(id);
			if (!existing) return (record.status = send(res, 404, { error: `Case ${id} not found` }));
			if (req.method === 'GET') return (record.status = send(res, 200, existing));
			if (req.method === 'PATCH') {
				if (!isObject(body)) return (record.status = send(res, 400, { error: 'Body must be a JSON object' }));
				const merged = { ...existing, ...body, id, updatedAt: new Date().toISOString() };
				cases.set(id, merged);
				return (record.status = send(res, 200, merged));
			}
			if (req.method === 'DELETE') {
				cases.delete(id);
				return (record.status = send(res, 204));
			}
		}
		return (record.status = send(res, 405, { error: `Method ${req.method} not allowed on ${url.pathname}` }));
	};

	const server = http.createServer((req, res) => {
		const chunks = [];
		req.on('data', (c) => chunks.push(c));
		req.on('end', () => {
			try {
				handle(req, res, Buffer.concat(chunks).toString('utf8'));
			} catch (e) {
				send(res, 500, { error: String(e && e.message) });
			}
		});
	});

	return new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, host, () => {
			const actual = server.address().port;
			resolve({
				url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${actual}`,
				port: actual,
				server,
				requests,
				cases,
				close: () => new Promise((r) => server.close(() => r())),
			});
		});
	});
}

module.exports = { startCaseApi };

if (require.main === module) {
	const port = Number(process.argv[2] || process.env.CASE_API_PORT || 5680);
	startCaseApi({ port }).then((api) => {
		console.log(`Case API listening on ${api.url} (X-API-Key: ${CASE_API.apiKey} | Bearer ${CASE_API.token})`);
		const stop = () => api.close().then(() => process.exit(0));
		process.on('SIGTERM', stop);
		process.on('SIGINT', stop);
	});
}
