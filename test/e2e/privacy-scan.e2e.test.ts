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
 * It fails naming each location and what was found there (never the value itself). The scan itself is
 * test/e2e/support/privacyScan.ts; queue-mode.e2e.test.ts runs it on main + workers, PostgreSQL and Redis.
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
import * as path from 'node:path';

import { STATE_ENV, startRuntime, type E2ERuntime } from './runtime';
import { hitLine, scanSettled, scanTerms } from './support/privacyScan';

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
		// rows of executions n8n is about to hard-delete (not kept, but written while they ran): waits for the pass
		const scan = await scanSettled(rt, terms);
		expect(scan.scanned.some((f) => /database\.sqlite$/.test(f))).toBe(true);
		expect(scan.scanned.some((f) => f.startsWith(path.join('logs', 'cli.log')))).toBe(true);
		if (scan.residue.length) {
			process.stderr.write(`[privacy scan] bytes of deleted rows in SQLite files (no row holds them; VACUUM removes them):\n  ${scan.residue.map(hitLine).join('\n  ')}\n`);
		}
		expect(scan.hits.map(hitLine)).toEqual([]);
	});
});
