/**
 * Just enough Markdown for the documentation tests (no Markdown parser is installed): ATX headings and inline
 * links outside code, and GitHub's heading anchors. Fenced code blocks and inline code spans are blanked first,
 * so a `[x](y)` or `# comment` inside code is neither a link nor a heading.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The text with fenced code blocks and inline code spans replaced by spaces (line numbers kept). */
export function withoutCode(markdown: string): string {
	let fence: string | undefined;
	const lines = markdown.split('\n').map((line) => {
		const opener = /^ {0,3}(`{3,}|~{3,})/.exec(line);
		if (fence !== undefined) {
			if (opener && opener[1][0] === fence[0] && opener[1].length >= fence.length && line.trim() === opener[1]) fence = undefined;
			return '';
		}
		if (opener) {
			fence = opener[1];
			return '';
		}
		return line;
	});
	// Inline code: a run of n backticks up to the next run of exactly n backticks on the same line.
	return lines.map((line) => line.replace(/(`+)([^\n]*?[^`\n])\1(?!`)/g, (whole) => ' '.repeat(whole.length))).join('\n');
}

/** GitHub's anchor for a heading's text: lower case, punctuation dropped, spaces to hyphens. */
export function slug(headingText: string): string {
	const rendered = headingText
		.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1') // a link shows its text
		.replace(/`/g, '')
		.replace(/(\*+|\b_+|_+\b)/g, (m, _g, offset: number, s: string) => (/\w/.test(s[offset - 1] ?? '') && /\w/.test(s[offset + m.length] ?? '') ? m : '')) // emphasis markers
		.trim()
		.toLowerCase();
	return rendered.replace(/[^\p{L}\p{N}\p{M}_\- ]/gu, '').replace(/ /g, '-');
}

export interface Heading {
	level: number;
	text: string;
	/** The anchor GitHub gives it in its file (a repeated heading gets -1, -2, …). */
	anchor: string;
	line: number;
}

export function headings(markdown: string): Heading[] {
	const raw = markdown.split('\n');
	const plain = withoutCode(markdown).split('\n');
	const seen = new Map<string, number>();
	const out: Heading[] = [];
	plain.forEach((line, i) => {
		if (!/^ {0,3}#{1,6} /.test(line)) return;
		// The heading's own text (code spans included) from the raw line.
		const m = /^ {0,3}(#{1,6}) +(.*?)(?: +#+)? *$/.exec(raw[i])!;
		const base = slug(m[2]);
		const n = seen.get(base) ?? 0;
		seen.set(base, n + 1);
		out.push({ level: m[1].length, text: m[2], anchor: n === 0 ? base : `${base}-${n}`, line: i + 1 });
	});
	return out;
}

export interface Link {
	text: string;
	target: string;
	line: number;
}

/** Inline links and images `[text](target)` / `[text](target "title")` outside code. */
export function links(markdown: string): Link[] {
	const out: Link[] = [];
	withoutCode(markdown)
		.split('\n')
		.forEach((line, i) => {
			for (const m of line.matchAll(/!?\[([^\]]*)\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) out.push({ text: m[1], target: m[2], line: i + 1 });
		});
	return out;
}

const ROOT = path.join(__dirname, '../..');
const HOMEPAGE = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { homepage: string }).homepage;

/** The repository path a GitHub address of this repository's main branch shows (`…/blob/main/<path>#<anchor>` → `<path>#<anchor>`), or undefined. */
export function repositoryPath(url: string): string | undefined {
	for (const kind of ['blob', 'tree']) {
		const prefix = `${HOMEPAGE}/${kind}/main/`;
		if (url.startsWith(prefix)) return url.slice(prefix.length);
	}
	return undefined;
}

/**
 * What is wrong with a link from `fromFile`, or undefined when it resolves: relative links, and GitHub addresses of
 * this repository's main branch (read as the file in this checkout). Other external links are not followed.
 */
export function brokenLink(fromFile: string, target: string): string | undefined {
	const inRepository = repositoryPath(target);
	if (inRepository !== undefined) return brokenLink(path.join(ROOT, 'README.md'), inRepository);
	if (/^[a-z][a-z0-9+.-]*:/i.test(target)) return undefined;
	const hash = target.indexOf('#');
	const filePart = decodeURI(hash === -1 ? target : target.slice(0, hash));
	const anchor = hash === -1 ? undefined : decodeURIComponent(target.slice(hash + 1));
	const file = filePart === '' ? fromFile : path.resolve(path.dirname(fromFile), filePart);
	if (!fs.existsSync(file)) return `no file ${filePart}`;
	if (anchor === undefined) return undefined;
	if (!file.endsWith('.md')) return `an anchor into a file that is not Markdown: ${target}`;
	const anchors = headings(fs.readFileSync(file, 'utf8')).map((h) => h.anchor);
	return anchors.includes(anchor) ? undefined : `no heading #${anchor} in ${path.basename(file)}`;
}
