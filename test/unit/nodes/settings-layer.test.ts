/**
 * The typed settings layer (issue 25 §2), checked on the BUILT package (dist/): only an operation's settings
 * module (`actions/<operation>.settings.js`, or one several operations of a node share) reads the node's
 * parameters or asks its version table at run time, besides the shared layers an operation reads through
 * (input, privacy, column mapping) and each router (which operation). No other file may start calling
 * getNodeParameter or `VERSIONS.has`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from '../../helpers/engine';

/**
 * A settings module: an operation's (`nodes/<Node>/actions/<operation>.settings.js`) or the settings several
 * operations of one node share (`nodes/<Node>/<name>.settings.js`, e.g. Deadline Monitor's clock).
 */
const isSettings = (f: string) => /^nodes\/[^/]+\/(actions\/)?[^/]+\.settings\.js$/.test(f);

const SHARED_READERS = ['nodes/shared/input.js', 'nodes/shared/privacy.js', 'nodes/shared/columns.js'];

function files(dir: string): string[] {
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
		const p = path.join(dir, e.name);
		return e.isDirectory() ? files(p) : e.name.endsWith('.js') ? [p] : [];
	});
}

const code = (file: string) => fs.readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');

describe('settings layer (built package)', () => {
	const dist = path.join(REPO_ROOT, 'dist');
	const readers = files(path.join(dist, 'nodes'))
		.filter((f) => /\.getNodeParameter\(/.test(code(f)))
		.map((f) => path.relative(dist, f).split(path.sep).join('/'));

	it('only settings modules, routers and the shared input layers call getNodeParameter', () => {
		const others = readers.filter((f) => !isSettings(f) && !/\/router\.js$/.test(f) && !SHARED_READERS.includes(f));
		expect(others).toEqual([]);
	});

	it('every operation with a settings module reads nothing itself', () => {
		const settings = readers.filter(isSettings);
		expect(settings.sort()).toEqual([
			'nodes/CrossRegionSettlement/actions/calculate.settings.js',
			'nodes/CrossRegionSettlement/actions/reconcile.settings.js',
			'nodes/DeadlineMonitor/actions/calculateKpis.settings.js',
			'nodes/DeadlineMonitor/actions/checkCases.settings.js',
			'nodes/DeadlineMonitor/clock.settings.js',
			'nodes/EvaluationTrigger/actions/watchMoments.settings.js',
			'nodes/RecordCleaner/actions/clean.settings.js',
			'nodes/ToeleidingTriage/actions/triage.settings.js',
		]);
		for (const s of settings) expect(readers).not.toContain(s.replace(/\.settings\.js$/, '.operation.js'));
	});

	it('only settings modules ask a node version table which behaviour a run has', () => {
		const asking = files(path.join(dist, 'nodes'))
			.filter((f) => /\bVERSIONS\.has\(/.test(code(f)))
			.map((f) => path.relative(dist, f).split(path.sep).join('/'));
		expect(asking.filter((f) => !isSettings(f))).toEqual([]);
		expect(asking.length).toBeGreaterThan(0);
	});
});
