/**
 * The headless Debian chromium the editor tests drive (screenshot.e2e, editor-columns.e2e): one launch and
 * one sign-in, shared, so both tests meet n8n the same way.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { chromium, type BrowserContext, type Page } from 'playwright-core';

import type { E2ERuntime } from '../runtime';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Where the browser tests put their pictures (gitignored); the global setup empties it once per run. */
export const SCREENSHOTS_DIR = path.join(__dirname, '..', '__screenshots__');

/** A fresh profile (--user-data-dir) per launch: playwright takes it as the persistent-context folder. */
export async function launchBrowser(viewport: { width: number; height: number }): Promise<{ browser: BrowserContext; close(): Promise<void> }> {
	const profileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jeugdhulp-chromium-'));
	const browser = await chromium.launchPersistentContext(profileDir, {
		executablePath: CHROMIUM,
		headless: true,
		viewport,
		args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
	});
	return {
		browser,
		close: async () => {
			await browser.close();
			fs.rmSync(profileDir, { recursive: true, force: true });
		},
	};
}

/**
 * Log in through the sign-in form, like a user (the persistent context keeps the session cookie).
 * n8n 2.41 allows 5 logins per account per minute and answers 429 beyond that (the runtime's own
 * start-up logs in too): then this waits and submits the form again, for up to 2 minutes.
 */
export async function signIn(page: Page, rt: E2ERuntime): Promise<void> {
	for (const deadline = Date.now() + 120_000; ; ) {
		await page.goto(`${rt.urls.editor}/signin`);
		await page.locator('input[type="email"], input[name="emailOrLdapLoginId"]').first().fill(rt.owner.email);
		await page.locator('input[type="password"]').first().fill(rt.owner.password);
		const answer = page.waitForResponse((r) => r.url().endsWith('/rest/login') && r.request().method() === 'POST', { timeout: 60_000 });
		await page.keyboard.press('Enter');
		const status = (await answer).status();
		if (status === 429 && Date.now() < deadline) {
			await page.waitForTimeout(5000);
			continue;
		}
		if (status !== 200) throw new Error(`n8n sign-in: HTTP ${status}`);
		await page.waitForURL((url) => !url.pathname.startsWith('/signin'), { timeout: 60_000 });
		// the editor has drawn its first page, not only its loading placeholder
		await page.waitForLoadState('networkidle', { timeout: 30_000 }).catch(() => undefined);
		await page.locator('.el-skeleton, [class*="skeleton"]').first().waitFor({ state: 'hidden', timeout: 30_000 }).catch(() => undefined);
		return;
	}
}

/**
 * Take over editing when n8n shows "Editing in another tab" (its collaboration lock, n8n 2.x): another
 * test's browser, closed a moment ago, may still hold the workflow, and the canvas is then read-only.
 * Clicks "Edit here", as a user would.
 */
export async function editHere(page: Page): Promise<void> {
	const button = page.getByRole('button', { name: 'Edit here' }).first();
	if (!(await button.isVisible().catch(() => false))) return;
	// the button sits on the read-only canvas' overlay, which takes the pointer: click it directly
	await button.dispatchEvent('click');
	await button.waitFor({ state: 'hidden', timeout: 10_000 }).catch(() => undefined);
}

/**
 * Open the node panel (node creator) of the open workflow as a beheerder does: the "+" at the top right
 * of the canvas. Puts away what n8n 2.41 may show over it first — the "Press N to browse nodes" tip and
 * its survey dialog. Returns the panel's search field, visible.
 */
export async function openNodePanel(page: Page) {
	const search = page.locator('[data-test-id="node-creator-search-bar"] input, input[placeholder*="Search"]').first();
	if (await search.isVisible().catch(() => false)) return search;
	await editHere(page);
	const gotIt = page.getByRole('button', { name: 'Got it' });
	if (await gotIt.isVisible().catch(() => false)) await gotIt.click().catch(() => undefined);
	if (await page.locator('[data-test-id="nps-survey-modal"]').isVisible().catch(() => false)) await page.keyboard.press('Escape');
	try {
		await page.locator('[data-test-id="node-creator-plus-button"]').first().click({ timeout: 30_000 });
		await search.waitFor({ state: 'visible', timeout: 30_000 });
	} catch (error) {
		// what was on the screen instead, for whoever reads the failure
		await page.screenshot({ path: path.join(SCREENSHOTS_DIR, 'failed-node-panel.png') }).catch(() => undefined);
		throw error;
	}
	return search;
}
