/**
 * Privacy scan after the whole end-to-end suite (issue 10 §3, "Done when"): jest.e2e.config.js runs this
 * file last (test/e2e/support/sequencer.js). It looks for every synthetic BSN and pupil name used in the run
 * in everything n8n and the local services keep:
 *   - every file under the runtime's user folder: n8n's database file(s) (SQLite with its -wal/-journal,
 *     a Postgres dump if a runtime left one), the binary-data folder (.n8n/storage), every log file, the
 *     maildev mail folder, every output file in the data folder;
 *   - every mail in the maildev inbox (its API), and every case and request the case API received;
 * and finds none outside the input files themselves (data/sample-data, data/e2e), the installed package
 * code (.n8n/nodes) and n8n's editor assets (.cache/n8n/public: "123456789" is in n8n's own JavaScript).
 * It fails naming each location and what was found there (never the value itself).
 *
 * The SQLite database is read twice: its rows through SQL (what n8n keeps: a hit fails the test), and its files
 * byte by byte. SQLite does not wipe deleted rows (no secure_delete in n8n's build): bytes of an execution n8n
 * deleted can stay in free pages and the -wal file until they are reused or the file is vacuumed
 * (DB_SQLITE_VACUUM_ON_STARTUP=true). Such byte hits without a row are reported as residue, not failed on.
 * An execution n8n does not keep is still written while it runs (a submitted form) and removed in n8n's next
 * hard-delete pass (every minute in this runtime): row hits are re-checked for up to two minutes.
 *
 * Run alone (`scripts/test-e2e.sh test/e2e/privacy-scan.e2e.test.ts`) it first runs the example workflows
 * that start by hand, so there is something to scan.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { REPO_ROOT, STATE_ENV, startRuntime, type E2ERuntime } from './runtime';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const configJs = require('../../scripts/runtime/config.js');
import { SYNTHETIC_BSNS, SYNTHETIC_PUPIL_NAMES } from '../helpers/privacy';

/** Input folders: the only places these values may be. */
const INPUT_DIRS = [path.join(REPO_ROOT, 'sample-data'), path.join(__dirname, 'support', 'data')];

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
		.readdirSync(__dirname)
		.filter((f) => f.endsWith('.e2e.test.ts') && f !== path.basename(__filename))
		.flatMap((f) => [...fs.readFileSync(path.join(__dirname, f), 'utf8').matchAll(/'(\d{9})'/g)].map((m) => m[1]));
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

/** Scan a runtime: its files, its database rows and its services' memory (mails, case API). */
export async function scanRuntime(rt: E2ERuntime, terms: string[]): Promise<{ hits: Hit[]; residue: Hit[]; scanned: string[] }> {
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
	const mails = await rt.mails();
	for (const m of mails) hits.push(...findTerms(`maildev inbox: mail "${m.subject}" to ${m.to.join(', ')}`, JSON.stringify(m), terms));
	hits.push(...findTerms('case API: stored cases', JSON.stringify(await rt.cases()), terms));
	hits.push(...findTerms('case API: received requests', JSON.stringify(await rt.caseRequests()), terms));
	return { hits, residue, scanned: [...files.map((f) => path.relative(rt.userFolder, f)), `${mails.length} mail(s)`, 'case API'] };
}

let rt: E2ERuntime;

beforeAll(async () => {
	rt = await startRuntime();
	if (!process.env[STATE_ENV]) {
		// Alone: run the example workflows that start by hand, so there is data to look for.
		for (const id of ['jhRecordCleaner01', 'jhIntakeTriage01', 'jhSettlementQ001', 'jhDeadlineAlerts1']) await rt.executeWorkflow(id);
	}
});

afterAll(async () => {
	await rt?.stop();
});

describe('privacy scan after the end-to-end suite', () => {
	it('finds no synthetic BSN or pupil name in anything n8n, maildev or the case API kept', async () => {
		const terms = scanTerms();
		// the scan is only worth something when it knows what to look for, and the runtime did something
		expect(terms).toEqual(expect.arrayContaining(['111222333', '123456782', 'Noor Testkind', 'Testkind']));
		let scan = await scanRuntime(rt, terms);
		// rows of executions n8n is about to hard-delete (not kept, but written while they ran): wait for the pass
		const onlyPendingRows = () => scan.hits.length > 0 && scan.hits.every((h) => h.pendingDelete);
		for (let i = 0; i < 24 && onlyPendingRows(); i++) {
			await new Promise((r) => setTimeout(r, 5000));
			scan = await scanRuntime(rt, terms);
		}
		expect(scan.scanned.some((f) => /database\.sqlite$/.test(f))).toBe(true);
		expect(scan.scanned.some((f) => f.startsWith(path.join('logs', 'cli.log')))).toBe(true);
		const line = (h: Hit) => `${h.location}${h.pendingDelete ? ' (deleted by n8n, not yet removed)' : ''}: "${h.term}" ×${h.count}`;
		if (scan.residue.length) {
			process.stderr.write(`[privacy scan] bytes of deleted rows in SQLite files (no row holds them; VACUUM removes them):\n  ${scan.residue.map(line).join('\n  ')}\n`);
		}
		expect(scan.hits.map(line)).toEqual([]);
	});
});
