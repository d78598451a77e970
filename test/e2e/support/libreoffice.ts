/**
 * A statement file as a finance officer sees it (issue 24 §2): opened in Debian's LibreOffice Calc, converted
 * headless to PDF, its text read with pdftotext and its first page drawn with pdftoppm (poppler-utils).
 * scripts/test-e2e.sh installs both (`libreoffice-calc`, `poppler-utils`, `fonts-liberation`) when missing.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** Where the pictures go (gitignored, like the screenshot test's). */
export const STATEMENT_PICTURES_DIR = path.join(__dirname, '..', '__screenshots__');

export interface ConvertedStatement {
	pdf: string;
	/** The PDF's text, laid out as on the page (`pdftotext -layout`). */
	text: string;
	pages: number;
	/** Page width and height in points. */
	pageSize: { width: number; height: number };
	/** How long LibreOffice took, in seconds. */
	seconds: number;
}

/**
 * Converts an xlsx to PDF with LibreOffice Calc as a Dutch (or English) user has it: `LANG` sets the locale
 * LibreOffice formats numbers in when a format does not fix it. A private profile per call, so runs never
 * share (or lock) one.
 */
export function convertWithLibreOffice(xlsx: Buffer, fileName: string, language: 'nl' | 'en' = 'nl'): ConvertedStatement {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jeugdhulp-statement-'));
	const input = path.join(dir, fileName);
	fs.writeFileSync(input, xlsx);
	const profile = path.join(dir, 'profile');
	const started = Date.now();
	execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, input], {
		env: { ...process.env, LANG: language === 'nl' ? 'nl_NL.UTF-8' : 'en_GB.UTF-8', LC_ALL: '' },
		stdio: 'pipe',
		timeout: 180_000,
	});
	const seconds = (Date.now() - started) / 1000;
	const pdf = input.replace(/\.xlsx$/, '.pdf');
	const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
	const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
	const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
	const size = /^Page size:\s+([\d.]+) x ([\d.]+) pts/m.exec(info);
	return { pdf, text, pages, pageSize: { width: Number(size?.[1]), height: Number(size?.[2]) }, seconds };
}

/** Draws the PDF's first page as a PNG in STATEMENT_PICTURES_DIR; returns its path. */
export function drawFirstPage(pdf: string, name: string): string {
	fs.mkdirSync(STATEMENT_PICTURES_DIR, { recursive: true });
	const base = path.join(STATEMENT_PICTURES_DIR, name);
	execFileSync('pdftoppm', ['-png', '-r', '110', '-f', '1', '-l', '1', '-singlefile', pdf, base]);
	return `${base}.png`;
}
