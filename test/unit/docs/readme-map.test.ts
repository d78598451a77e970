/**
 * Nothing of the former long README was lost (issue 26): docs/development/readme-map.md lists every `#`–`####`
 * heading of the README at commit dd126c2 with the place its text lives now, and each place exists. Where git has
 * that commit (a full clone; CI's shallow checkout does not), the list is also compared with the old README itself.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { brokenLink, headings, links } from '../../helpers/markdown';

const ROOT = path.join(__dirname, '../../..');
const MAP = path.join(ROOT, 'docs/development/readme-map.md');
const OLD_README_COMMIT = 'dd126c2';

interface MapRow {
	line: number;
	heading: string;
	target: string;
}

function mapRows(): MapRow[] {
	const text = fs.readFileSync(MAP, 'utf8');
	return text
		.split('\n')
		.filter((l) => /^\| \d+ \| #/.test(l))
		.map((l) => {
			const cells = l.split(' | ');
			const target = links(cells.slice(2).join(' | '))[0]?.target ?? '';
			return { line: Number(cells[0].slice(2)), heading: cells[1], target };
		});
}

function oldReadme(): string | undefined {
	try {
		return execFileSync('git', ['show', `${OLD_README_COMMIT}:README.md`], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
	} catch {
		return undefined;
	}
}

const rows = mapRows();

describe('the section map of the former README', () => {
	it('lists the 83 headings of the old README', () => {
		expect(rows).toHaveLength(83);
	});

	it.each(rows.map((r) => [r.heading, r]))('%s has a place that exists', (_h, row) => {
		expect(row.target).not.toBe('');
		expect(brokenLink(MAP, row.target)).toBeUndefined();
		// The place is a heading, not just a file.
		expect(row.target).toContain('#');
	});

	const old = oldReadme();
	(old === undefined ? it.skip : it)(`lists every #–#### heading of README.md at ${OLD_README_COMMIT}, with its line`, () => {
		const expected = headings(old!)
			.filter((h) => h.level <= 4)
			.map((h) => ({ line: h.line, heading: `${'#'.repeat(h.level)} ${h.text}` }));
		expect(rows.map((r) => ({ line: r.line, heading: r.heading }))).toEqual(expected);
	});
});
