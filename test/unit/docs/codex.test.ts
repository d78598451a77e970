/**
 * Each node's codex file (nodes/<Node>/<Node>.node.json) links the node to its own documentation page, the way
 * n8n's own nodes link theirs: resources.primaryDocumentation is the page's GitHub address under the package's
 * homepage, and the page exists (issue 26).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { NODE_PAGES as PAGES } from '../../helpers/nodePages';

const ROOT = path.join(__dirname, '../../..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { homepage: string; n8n: { nodes: string[] } };


const codexFiles = fs
	.readdirSync(path.join(ROOT, 'nodes'))
	.filter((dir) => fs.existsSync(path.join(ROOT, 'nodes', dir, `${dir}.node.json`)));

describe('codex files link each node to its page', () => {
	it('every node of package.json has a codex file, and the table above names them all', () => {
		const nodeDirs = pkg.n8n.nodes.map((rel) => path.basename(path.dirname(rel)));
		expect([...codexFiles].sort()).toEqual([...nodeDirs].sort());
		expect(Object.keys(PAGES).sort()).toEqual([...nodeDirs].sort());
	});

	it.each(codexFiles)('%s: primaryDocumentation is the GitHub address of its existing page', (dir) => {
		const codex = JSON.parse(fs.readFileSync(path.join(ROOT, 'nodes', dir, `${dir}.node.json`), 'utf8')) as {
			resources: { primaryDocumentation: Array<{ url: string }> };
		};
		const urls = codex.resources.primaryDocumentation.map((d) => d.url);
		expect(urls).toEqual([`https://github.com/jeugdhulp-onderwijs/n8n-nodes-jeugdhulp-onderwijs/blob/main/${PAGES[dir]}`]);
		// The same address, read back to a file of this repository.
		const prefix = `${pkg.homepage}/blob/main/`;
		expect(urls[0].startsWith(prefix)).toBe(true);
		const file = path.join(ROOT, urls[0].slice(prefix.length));
		expect(fs.existsSync(file)).toBe(true);
		expect(fs.readFileSync(file, 'utf8')).toMatch(/^# /);
	});
});
