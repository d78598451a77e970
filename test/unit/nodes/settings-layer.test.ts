/**
 * The typed settings layer (issue 25 §2), checked on the BUILT package (dist/): only an operation's settings
 * module (`actions/<operation>.settings.js`) reads the node's parameters, besides the shared layers an
 * operation reads through (input, privacy, column mapping) and each router (which operation). Operations
 * not yet moved to a settings module are listed by hand below; moving one means deleting its line, and no
 * other file may start calling getNodeParameter.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from '../../helpers/engine';

/** Files still reading parameters themselves (issue 25 §2, to be moved to a settings module each). */
const NOT_YET_MOVED = [
	'nodes/EvaluationTrigger/actions/watchMoments.operation.js',
	'nodes/ToeleidingTriage/actions/triage.operation.js',
];

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
		expect(others.sort()).toEqual([...NOT_YET_MOVED].sort());
	});

	it('every operation with a settings module reads nothing itself', () => {
		const settings = readers.filter(isSettings);
		expect(settings.sort()).toEqual([
			'nodes/CrossRegionSettlement/actions/calculate.settings.js',
			'nodes/CrossRegionSettlement/actions/reconcile.settings.js',
			'nodes/DeadlineMonitor/actions/calculateKpis.settings.js',
			'nodes/DeadlineMonitor/actions/checkCases.settings.js',
			'nodes/DeadlineMonitor/clock.settings.js',
			'nodes/RecordCleaner/actions/clean.settings.js',
		]);
		for (const s of settings) expect(readers).not.toContain(s.replace(/\.settings\.js$/, '.operation.js'));
	});
});
