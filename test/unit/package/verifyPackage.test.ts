/**
 * The rules of scripts/verify-package.js that are ours rather than n8n's scanner's: what the npm tarball may
 * hold, and what a release tag needs. Expected problems written by hand from the rules in the issue (only dist/,
 * README, LICENSE, CHANGELOG and package.json; the tag is the version; the CHANGELOG has its section).
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a plain Node script, not a TypeScript module
const rules = require('../../../scripts/verify-package.js') as {
	packContentProblems(paths: string[]): string[];
	versionProblems(version: string, tag: string | undefined, changelog: string): string[];
};

const SHIPPED = ['package.json', 'README.md', 'LICENSE', 'CHANGELOG.md', 'dist/nodes/RecordCleaner/RecordCleaner.node.js'];

describe('tarball content', () => {
	it('accepts dist/ and the four package files', () => {
		expect(rules.packContentProblems(SHIPPED)).toEqual([]);
	});

	it.each([
		['docs/runtime.md'],
		['nodes/RecordCleaner/RecordCleaner.node.ts'],
		['distribution/x.js'],
		['.github/workflows/ci.yml'],
		['README.nl.md'],
	])('refuses %s outside dist/', (extra) => {
		const problems = rules.packContentProblems([...SHIPPED, extra]);
		expect(problems).toHaveLength(1);
		expect(problems[0]).toContain(`${extra} is in the tarball`);
	});

	it.each([['LICENSE'], ['CHANGELOG.md'], ['README.md']])('requires %s', (file) => {
		expect(rules.packContentProblems(SHIPPED.filter((p) => p !== file))).toEqual([
			`${file} is missing from the tarball (add it to package.json "files")`,
		]);
	});
});

describe('version and release tag', () => {
	const changelog = '# Changelog\n\n## Unreleased\n\n## 1.2.0\n\n- something\n\n## 1.1.0\n';

	it.each([['0.1.0'], ['1.2.0'], ['2.0.0-rc.1'], ['1.0.0+build.5']])('%s is a semantic version', (version) => {
		expect(rules.versionProblems(version, undefined, changelog)).toEqual([]);
	});

	it.each([['1.2'], ['v1.2.0'], ['01.2.0'], ['1.2.0.1']])('%s is not', (version) => {
		expect(rules.versionProblems(version, undefined, changelog)).toEqual([
			`package.json version "${version}" is not a semantic version (x.y.z)`,
		]);
	});

	it('releases a tag that is the version and has its CHANGELOG section', () => {
		expect(rules.versionProblems('1.2.0', '1.2.0', changelog)).toEqual([]);
	});

	it('refuses a tag with a "v", a version without a section, and a heading that only looks like the version', () => {
		expect(rules.versionProblems('1.2.0', 'v1.2.0', changelog)).toEqual([
			'the tag "v1.2.0" is not package.json\'s version "1.2.0" (tag x.y.z, no "v")',
		]);
		const noSection = 'CHANGELOG.md has no section "## 1.3.0": write what this version changes for a beheerder first';
		expect(rules.versionProblems('1.3.0', '1.3.0', changelog)).toEqual([noSection]);
		expect(rules.versionProblems('1.2.0', '1.2.0', '## 1.2.01\n## 1x2x0\n')).toHaveLength(1);
	});
});
