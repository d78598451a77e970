/**
 * Nothing of the former long README was lost (issue 26): docs/development/readme-map.md lists every `#`–`####`
 * heading of the README at commit dd126c2 with the place its text lives now, and each place exists. The old
 * README's headings are kept, as git printed them, in test/fixtures/readme-dd126c2-headings.tsv (extracted once
 * with `git show dd126c2:README.md`), so the check does not depend on the clone's history.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { brokenLink, links } from '../../helpers/markdown';

const ROOT = path.join(__dirname, '../../..');
const MAP = path.join(ROOT, 'docs/development/readme-map.md');
const OLD_README_COMMIT = 'dd126c2';
const OLD_HEADINGS = path.join(ROOT, 'test/fixtures/readme-dd126c2-headings.tsv');

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

/** The #–#### headings of the old README with their line numbers, from the fixture. */
function oldHeadings(): Array<{ line: number; heading: string }> {
	return fs
		.readFileSync(OLD_HEADINGS, 'utf8')
		.split('\n')
		.filter((l) => l !== '' && !l.startsWith('#\t') && !l.startsWith('# line'))
		.map((l) => {
			const [line, heading] = l.split('\t');
			return { line: Number(line), heading };
		});
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

	it(`lists every #–#### heading of README.md at ${OLD_README_COMMIT}, with its line`, () => {
		const expected = oldHeadings();
		expect(expected).toHaveLength(83);
		expect(rows.map((r) => ({ line: r.line, heading: r.heading }))).toEqual(expected);
	});
});
