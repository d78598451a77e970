/**
 * Looking for synthetic personal data in everything an n8n runtime keeps (issue 10 §3): the files under
 * its user folder, the rows of its database (SQLite, or PostgreSQL in queue mode), the queue in Redis,
 * the mails in maildev and what the case API received. Used by test/e2e/privacy-scan.e2e.test.ts (the
 * normal runtime, after the whole suite) and test/e2e/queue-mode.e2e.test.ts (main + workers).
 * Reports name each location and the term found there, never more of the value's context.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { REPO_ROOT, type E2ERuntime } from '../runtime';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const configJs = require('../../../scripts/runtime/config.js');
import { SYNTHETIC_BSNS, SYNTHETIC_PUPIL_NAMES } from '../../helpers/privacy';

/** Input folders: the only places these values may be. */
const INPUT_DIRS = [path.join(REPO_ROOT, 'sample-data'), path.join(__dirname, 'data')];

/** The e2e test files (test/e2e). */
const E2E_DIR = path.join(__dirname, '..');

/** Every value of a BSN column of a CSV input file. */
function bsnsInCsv(file: string): string[] {
	const [header, ...rows] = fs.readFileSync(file, 'utf8').split(/\r?\n/).filter((l) => l.trim() !== '');
	const cols = header.split(',').map((c) => c.trim().toLowerCase());
	const bsnCols = cols.flatMap((c, i) => (c.includes('bsn') ? [i] : []));
	return rows.flatMap((r) => bsnCols.map((i) => (r.split(',')[i] ?? '').trim())).filter((v) => /^\d{8,9}$/.test(v));
}

/** BSNs the e2e tests type in themselves (e.g. a form submission): 9-digit literals in test/e2e. */
function bsnsInTests(): string[] {
	return fs
		.readdirSync(E2E_DIR)
		.filter((f) => f.endsWith('.e2e.test.ts') && f !== 'privacy-scan.e2e.test.ts')
		.flatMap((f) => [...fs.readFileSync(path.join(E2E_DIR, f), 'utf8').matchAll(/'(\d{9})'/g)].map((m) => m[1]));
}

/** What the scan looks for: every synthetic BSN and pupil name (full name and surname alone). */
export function scanTerms(): string[] {
	const csvs = INPUT_DIRS.flatMap((d) => (fs.existsSync(d) ? fs.readdirSync(d).filter((f) => f.endsWith('.csv')).map((f) => path.join(d, f)) : []));
	const bsns = [...SYNTHETIC_BSNS, ...csvs.flatMap(bsnsInCsv), ...bsnsInTests()];
	const names = SYNTHETIC_PUPIL_NAMES.flatMap((n) => [n, n.split(' ').slice(1).join(' ')]);
	return [...new Set([...bsns, ...names])];
}

export interface Hit {
	location: string;
	term: string;
	count: number;
	/** A row of an execution n8n already deleted (soft) and removes in its next hard-delete pass. */
	pendingDelete?: boolean;
}

/** Occurrences of each term in a buffer (bytes as latin1, so binary files such as SQLite pages are read as they are). */
function findTerms(location: string, content: Buffer | string, terms: string[]): Hit[] {
	const text = typeof content === 'string' ? content : content.toString('latin1');
	const lower = text.toLowerCase();
	const hits: Hit[] = [];
	for (const term of terms) {
		let count = 0;
		for (let i = lower.indexOf(term.toLowerCase()); i >= 0; i = lower.indexOf(term.toLowerCase(), i + 1)) count++;
		if (count) hits.push({ location, term, count });
	}
	return hits;
}

/** Every regular file under `dir` (symbolic links are not followed), minus the excluded folders. */
function filesUnder(dir: string, exclude: string[]): string[] {
	const out: string[] = [];
	for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
		const full = path.join(dir, entry.name);
		if (exclude.some((e) => full === e || full.startsWith(e + path.sep))) continue;
		if (entry.isDirectory()) out.push(...filesUnder(full, exclude));
		else if (entry.isFile()) out.push(full);
	}
	return out;
}

/** SQLite files of n8n's database (the database, its write-ahead log and journals). */
const isSqliteFile = (f: string) => /database\.sqlite(-wal|-shm|-journal)?$/.test(f);

/** Every row of every table of n8n's SQLite database, read through SQL with n8n's own sqlite3 module. */
async function sqliteRowHits(dbFile: string, terms: string[]): Promise<Hit[]> {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const sqlite3 = require(path.join(configJs.n8nInstallDir(), 'node_modules', 'sqlite3'));
	const db = await new Promise<any>((resolve, reject) => {
		const d = new sqlite3.Database(dbFile, sqlite3.OPEN_READONLY, (e: Error | null) => (e ? reject(e) : resolve(d)));
	});
	const all = (sql: string) => new Promise<any[]>((resolve, reject) => db.all(sql, (e: Error | null, rows: any[]) => (e ? reject(e) : resolve(rows))));
	try {
		const hits: Hit[] = [];
		const softDeleted = new Set((await all('SELECT id FROM execution_entity WHERE "deletedAt" IS NOT NULL')).map((r) => String(r.id)));
		for (const { name } of await all("SELECT name FROM sqlite_master WHERE type = 'table'")) {
			for (const row of await all(`SELECT * FROM "${name}"`)) {
				const executionId = name.startsWith('execution_') ? String(name === 'execution_entity' ? row.id : row.executionId) : undefined;
				const found = findTerms(`database table ${name} (row ${row.id ?? row.executionId ?? row.key ?? '?'})`, JSON.stringify(row, (_k, v) => (Buffer.isBuffer(v) ? v.toString('latin1') : v)), terms);
				hits.push(...found.map((h) => (executionId && softDeleted.has(executionId) ? { ...h, pendingDelete: true } : h)));
			}
		}
		return hits;
	} finally {
		db.close();
	}
}

/** Every row of every table of n8n's PostgreSQL database (queue mode), read with n8n's own `pg` module. */
async function postgresRowHits(env: Record<string, string>, terms: string[]): Promise<Hit[]> {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const { Client } = require(path.join(configJs.n8nInstallDir(), 'node_modules', 'pg'));
	const client = new Client({
		host: env.DB_POSTGRESDB_HOST,
		port: Number(env.DB_POSTGRESDB_PORT),
		database: env.DB_POSTGRESDB_DATABASE,
		user: env.DB_POSTGRESDB_USER,
		password: env.DB_POSTGRESDB_PASSWORD,
	});
	await client.connect();
	try {
		const hits: Hit[] = [];
		const softDeleted = new Set((await client.query('SELECT id FROM execution_entity WHERE "deletedAt" IS NOT NULL')).rows.map((r: { id: unknown }) => String(r.id)));
		const tables = (await client.query("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'")).rows as Array<{ table_name: string }>;
		for (const { table_name: name } of tables) {
			for (const row of (await client.query(`SELECT * FROM "${name}"`)).rows) {
				const executionId = name.startsWith('execution_') ? String(name === 'execution_entity' ? row.id : row.executionId) : undefined;
				const found = findTerms(`PostgreSQL table ${name} (row ${row.id ?? row.executionId ?? row.key ?? '?'})`, JSON.stringify(row, (_k, v) => (Buffer.isBuffer(v) ? v.toString('latin1') : v)), terms);
				hits.push(...found.map((h) => (executionId && softDeleted.has(executionId) ? { ...h, pendingDelete: true } : h)));
			}
		}
		return hits;
	} finally {
		await client.end();
	}
}

/** A connection to the runtime's Redis (queue mode) with n8n's own `ioredis`, for `use`; closed afterwards. */
export async function withRedis<T>(env: Record<string, string>, use: (redis: any) => Promise<T>): Promise<T> {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const Redis = require(path.join(configJs.n8nInstallDir(), 'node_modules', 'ioredis'));
	const redis = new Redis({ host: env.QUEUE_BULL_REDIS_HOST, port: Number(env.QUEUE_BULL_REDIS_PORT), lazyConnect: true, maxRetriesPerRequest: 1 });
	await redis.connect();
	try {
		return await use(redis);
	} finally {
		redis.disconnect();
	}
}

/** Every key (name and value) n8n keeps in Redis (queue mode: the Bull job queue). */
async function redisHits(env: Record<string, string>, terms: string[]): Promise<{ hits: Hit[]; keys: number }> {
	return withRedis(env, async (redis) => {
		const hits: Hit[] = [];
		const keys: string[] = await redis.keys('*');
		for (const key of keys) {
			const type: string = await redis.type(key);
			const value =
				type === 'string' ? await redis.getBuffer(key)
				: type === 'hash' ? await redis.hgetall(key)
				: type === 'list' ? await redis.lrange(key, 0, -1)
				: type === 'set' ? await redis.smembers(key)
				: type === 'zset' ? await redis.zrange(key, 0, -1)
				: type === 'stream' ? await redis.xrange(key, '-', '+')
				: null;
			hits.push(...findTerms(`Redis key ${key.slice(0, 80)}`, `${key}\n${Buffer.isBuffer(value) ? value.toString('latin1') : JSON.stringify(value)}`, terms));
		}
		return { hits, keys: keys.length };
	});
}

/** Scan a runtime: its files, its database rows and its services' memory (mails, case API). */
export async function scanRuntime(rt: E2ERuntime & { env?: Record<string, string> }, terms: string[]): Promise<{ hits: Hit[]; residue: Hit[]; scanned: string[] }> {
	const exclude = [
		path.join(rt.dataDir, 'sample-data'), // input files
		path.join(rt.dataDir, 'e2e'), // input files of the e2e tests
		path.join(rt.userFolder, '.n8n', 'nodes'), // the installed package's code
		path.join(rt.userFolder, '.cache', 'n8n', 'public'), // n8n's editor assets (static JavaScript)
	];
	const files = filesUnder(rt.userFolder, exclude);
	const hits: Hit[] = [];
	const residue: Hit[] = [];
	for (const f of files) (isSqliteFile(f) ? residue : hits).push(...findTerms(path.relative(rt.userFolder, f), fs.readFileSync(f), terms));
	const dbFile = path.join(rt.userFolder, '.n8n', 'database.sqlite');
	if (fs.existsSync(dbFile)) hits.push(...(await sqliteRowHits(dbFile, terms)));
	const services: string[] = [];
	if (rt.env?.DB_TYPE === 'postgresdb') {
		hits.push(...(await postgresRowHits(rt.env, terms)));
		services.push('PostgreSQL (every table)');
	}
	if (rt.env?.EXECUTIONS_MODE === 'queue') {
		const redis = await redisHits(rt.env, terms);
		hits.push(...redis.hits);
		services.push(`Redis (${redis.keys} keys)`);
	}
	const mails = await rt.mails();
	for (const m of mails) hits.push(...findTerms(`maildev inbox: mail "${m.subject}" to ${m.to.join(', ')}`, JSON.stringify(m), terms));
	hits.push(...findTerms('case API: stored cases', JSON.stringify(await rt.cases()), terms));
	hits.push(...findTerms('case API: received requests', JSON.stringify(await rt.caseRequests()), terms));
	return { hits, residue, scanned: [...files.map((f) => path.relative(rt.userFolder, f)), ...services, `${mails.length} mail(s)`, 'case API'] };
}


/** One hit in words: where, which term, how often (never the surrounding value). */
export const hitLine = (h: Hit) => `${h.location}${h.pendingDelete ? ' (deleted by n8n, not yet removed)' : ''}: "${h.term}" ×${h.count}`;

/**
 * Scan, and while the only hits are rows of executions n8n already deleted (not kept, but written while
 * they ran), wait for its hard-delete pass (every minute in these runtimes) and scan again, for up to two minutes.
 */
export async function scanSettled(rt: E2ERuntime & { env?: Record<string, string> }, terms: string[]): Promise<Awaited<ReturnType<typeof scanRuntime>>> {
	let scan = await scanRuntime(rt, terms);
	const onlyPendingRows = () => scan.hits.length > 0 && scan.hits.every((h) => h.pendingDelete);
	for (let i = 0; i < 24 && onlyPendingRows(); i++) {
		await new Promise((r) => setTimeout(r, 5000));
		scan = await scanRuntime(rt, terms);
	}
	return scan;
}
