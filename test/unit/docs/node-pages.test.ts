/**
 * Each node's page names every parameter the node shows, the way the triage rules table is kept in step with the
 * rule catalogue: the displayName of each top-level property of the BUILT node (dist/, loaded as n8n loads it)
 * appears on the node's page, so a parameter added to a node without a word on its page fails here (issue 26).
 * Notices are texts, not parameters, and hidden properties are not shown. A page may name parameters that share
 * their first words together: "Calendar Covers From / Until" names Calendar Covers From and Calendar Covers Until.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { INodeProperties, INodeType, INodeTypeDescription, IVersionedNodeType } from 'n8n-workflow';
import { loadPackage, REPO_ROOT } from '../../helpers/engine';
import { brokenLink } from '../../helpers/markdown';
import { NODE_PAGES as PAGES } from '../../helpers/nodePages';


function descriptionsOf(node: INodeType | IVersionedNodeType): INodeTypeDescription[] {
	if ('nodeVersions' in node) return Object.values(node.nodeVersions).map((v) => v.description);
	return [node.description];
}

/** The parameters the editor can show at the top level of the node, by their label. */
function shownParameters(node: INodeType | IVersionedNodeType): string[] {
	const names = new Set<string>();
	for (const d of descriptionsOf(node)) {
		for (const p of d.properties as INodeProperties[]) {
			if (p.type === 'notice' || p.type === 'hidden') continue;
			names.add(p.displayName);
		}
	}
	return [...names];
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Does the page name the parameter, in full or in the "First Moment Month / Day / Time" shorthand? */
function names(page: string, name: string): boolean {
	if (page.includes(name)) return true;
	const words = name.split(' ');
	for (let k = 1; k < words.length; k++) {
		const shared = escape(words.slice(0, k).join(' '));
		const own = escape(words.slice(k).join(' '));
		if (new RegExp(`${shared} (?:[^|/\\n]+ / )+${own}(?![\\w])`).test(page)) return true;
	}
	return false;
}

const loaded = loadPackage();

describe('a page names a parameter', () => {
	it.each([
		['Holiday Region', '| Holiday Region | midden |', true],
		['Calendar Covers Until', '| Calendar Covers From / Until |', true],
		['First Moment Time', '| First Moment Month / Day / Time |', true],
		['First Moment Time', '| First Moment Month / Day | Time |', false],
		['Period End', '| Period Start |', false],
	])('%s in %s: %s', (name, page, expected) => {
		expect(names(page as string, name as string)).toBe(expected);
	});
});

describe.each([...loaded.nodeFiles.entries()])('%s', (type, file) => {
	const dir = path.basename(path.dirname(file));
	const pageFile = PAGES[dir];

	it('has a page', () => {
		expect(pageFile).toBeDefined();
		expect(fs.existsSync(path.join(REPO_ROOT, pageFile))).toBe(true);
	});

	it('its page names every parameter the node shows', () => {
		const page = fs.readFileSync(path.join(REPO_ROOT, pageFile), 'utf8');
		const shown = shownParameters(loaded.nodes.get(type)!);
		expect(shown.length).toBeGreaterThan(0);
		expect(shown.filter((name) => !names(page, name))).toEqual([]);
	});
});

describe.each([...loaded.credentials.entries()])('credential %s', (_name, credential) => {
	it('its documentationUrl is the GitHub address of an existing page and heading', () => {
		const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { homepage: string };
		const prefix = `${pkg.homepage}/blob/main/`;
		const url = credential.documentationUrl ?? '';
		expect(url.startsWith(prefix)).toBe(true);
		expect(brokenLink(path.join(REPO_ROOT, 'README.md'), url.slice(prefix.length))).toBeUndefined();
	});
});
