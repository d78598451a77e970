/**
 * The documentation holds together: every relative link and anchor in README.md, CONTRIBUTING.md and the pages
 * under docs/ resolves to an existing file and heading, and the README stays the short front door n8n's
 * Community Nodes panel shows (issue 26).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { brokenLink, headings, links, repositoryPath, slug } from '../../helpers/markdown';

const ROOT = path.join(__dirname, '../../..');

function markdownFiles(dir: string): string[] {
	return fs
		.readdirSync(dir, { withFileTypes: true })
		.flatMap((e) => (e.isDirectory() ? markdownFiles(path.join(dir, e.name)) : e.name.endsWith('.md') ? [path.join(dir, e.name)] : []));
}

const FILES = [path.join(ROOT, 'README.md'), path.join(ROOT, 'CONTRIBUTING.md'), ...markdownFiles(path.join(ROOT, 'docs'))];

describe('GitHub anchors', () => {
	it.each([
		['Delivery confirmed (node version 1.3)', 'delivery-confirmed-node-version-13'],
		['Example workflow: `workflows/intake-triage.json`', 'example-workflow-workflowsintake-triagejson'],
		['Policies (Region Policy + Pupils Living Elsewhere)', 'policies-region-policy--pupils-living-elsewhere'],
		['Financing forms (S4 §2.2.1)', 'financing-forms-s4-221'],
		['Schoolvakanties: source and date, coverage', 'schoolvakanties-source-and-date-coverage'],
		['What n8n stores, where, and for how long', 'what-n8n-stores-where-and-for-how-long'],
	])('%s → #%s', (text, anchor) => {
		expect(slug(text)).toBe(anchor);
	});

	it('a repeated heading gets -1, and headings in code blocks do not count', () => {
		const md = '# Tests\n\n```bash\n# not a heading\n```\n\n## Tests\n';
		expect(headings(md).map((h) => h.anchor)).toEqual(['tests', 'tests-1']);
	});

	it('links inside code are not links', () => {
		expect(links('see `[a](b.md)` and [c](d.md)\n```\n[e](f.md)\n```\n').map((l) => l.target)).toEqual(['d.md']);
	});
});

describe.each(FILES.map((f) => [path.relative(ROOT, f), f]))('%s', (_name, file) => {
	const text = fs.readFileSync(file, 'utf8');

	it('every relative link and anchor resolves', () => {
		const found = links(text);
		const broken = found.flatMap((l) => {
			const problem = brokenLink(file, l.target);
			return problem === undefined ? [] : [`line ${l.line}: [${l.text}](${l.target}): ${problem}`];
		});
		expect(broken).toEqual([]);
	});
});

describe('README.md', () => {
	const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');

	it('links each node page on GitHub', () => {
		const targets = links(readme).map((l) => repositoryPath(l.target));
		for (const page of ['toeleiding-triage', 'deadline-monitor', 'evaluation-trigger', 'cross-region-settlement', 'record-cleaner']) {
			expect(targets).toContain(`docs/${page}.md`);
		}
	});

	it('links files by their GitHub address: n8n shows the README in its panel, where a relative link leads nowhere', () => {
		const relative = links(readme).filter((l) => !l.target.startsWith('#') && !/^[a-z]+:/i.test(l.target));
		expect(relative).toEqual([]);
	});

	it('has fewer than 250 lines', () => {
		expect(readme.split('\n').length).toBeLessThan(250);
	});

	it('has the sections of the @n8n/node-cli template README', () => {
		const sections = headings(readme).filter((h) => h.level === 2).map((h) => h.text);
		for (const s of ['Installation', 'Operations', 'Credentials', 'Compatibility', 'Usage', 'Resources', 'Version history']) {
			expect(sections).toContain(s);
		}
	});
});

describe('code that points a reader to the documentation', () => {
	const sourceFiles = ['nodes', 'domain', 'credentials', 'scripts', 'test'].flatMap((dir) => sources(path.join(ROOT, dir)));

	function sources(dir: string): string[] {
		return fs
			.readdirSync(dir, { withFileTypes: true })
			.flatMap((e) => (e.isDirectory() ? (e.name === 'node_modules' ? [] : sources(path.join(dir, e.name))) : /\.(ts|js)$/.test(e.name) ? [path.join(dir, e.name)] : []));
	}

	it('names a page that exists and, where it quotes a section, a heading that begins with the quote', () => {
		const wrong: string[] = [];
		let seen = 0;
		for (const file of sourceFiles) {
			const text = fs.readFileSync(file, 'utf8');
			for (const m of text.matchAll(/\bdocs\/([\w/-]+\.md)\b(?: "([^"]+)")?/g)) {
				seen++;
				const page = path.join(ROOT, 'docs', m[1]);
				if (!fs.existsSync(page)) wrong.push(`${path.relative(ROOT, file)}: no page docs/${m[1]}`);
				else if (m[2] !== undefined && !headings(fs.readFileSync(page, 'utf8')).some((h) => h.text.startsWith(m[2]))) {
					wrong.push(`${path.relative(ROOT, file)}: no section "${m[2]}" in docs/${m[1]}`);
				}
			}
		}
		expect(seen).toBeGreaterThan(10);
		expect(wrong).toEqual([]);
	});

	it('no longer sends a reader to a README section (the sections moved to docs/)', () => {
		const pointer = new RegExp(['README', '"'].join(' ')); // written so that this file does not match itself
		const stale = sourceFiles.filter((file) => pointer.test(fs.readFileSync(file, 'utf8'))).map((f) => path.relative(ROOT, f));
		expect(stale).toEqual([]);
	});
});
