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
		return;
	}
}
