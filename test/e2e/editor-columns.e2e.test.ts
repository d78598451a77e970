/**
 * Issue 12, "Column mapping is hidden": a Deadline Monitor dragged onto a workflow in the real n8n editor
 * (headless Debian chromium) shows, before any run, every column it expects with its default name — not
 * "Field Names: No properties". Screenshot: test/e2e/__screenshots__/10-new-deadline-monitor-columns.png.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { DEADLINE_COLUMNS, RULE_COLUMNS } from '../../domain/deadlines';
import { startRuntime, type E2ERuntime } from './runtime';
import { SCREENSHOTS_DIR, launchBrowser, openNodePanel, signIn } from './support/browser';


let rt: E2ERuntime;
let browser: BrowserContext | undefined;
let closeBrowser: (() => Promise<void>) | undefined;

beforeAll(async () => {
	rt = await startRuntime();
	fs.mkdirSync(SCREENSHOTS_DIR, { recursive: true });
	({ browser, close: closeBrowser } = await launchBrowser({ width: 1440, height: 1600 }));
});

afterAll(async () => {
	await closeBrowser?.();
	await rt?.stop();
});

describe('a new Deadline Monitor in the n8n editor', () => {
	it('shows every column of the 8-week rule with its default name before any run', async () => {
		const page = await browser!.newPage();
		await signIn(page, rt);
		// its own workflow: n8n saves the node the test adds, and other tests use the harness workflow as it is
		await page.goto(`${rt.urls.editor}/workflow/jhE2eEditorScr01`);
		await page.locator('[data-test-id="canvas-node"], .vue-flow__node').first().waitFor({ timeout: 60000 });
		const search = await openNodePanel(page);
		await search.fill('Deadline Monitor');
		await page.waitForTimeout(800);
		await page.keyboard.press('Enter'); // the node → its actions
		await page.waitForTimeout(800);
		await page.locator('text=Check cases against a deadline norm').first().click();
		const panel = page.locator('[data-test-id="ndv"], .ndv-wrapper, [data-test-id="node-parameters"]').first();
		await panel.waitFor({ state: 'visible', timeout: 30000 });
		await page.locator('text=Input Columns').first().waitFor({ timeout: 30000 });
		await page.screenshot({ path: path.join(SCREENSHOTS_DIR, '10-new-deadline-monitor-columns.png'), fullPage: true });
		const text = await panel.innerText();
		// the Input Columns group lists its fields (the empty Options collection below it may say "No properties")
		const columns = text.slice(text.indexOf('Input Columns'), text.indexOf('Norm Length'));
		expect(columns.length).toBeGreaterThan(0);
		expect(columns).not.toContain('No properties');
		expect(text).not.toContain('Field Names');
		const inputs = await panel.locator('input').evaluateAll((els) => els.map((e) => (e as unknown as { value: string }).value));
		for (const c of DEADLINE_COLUMNS.filter((col) => RULE_COLUMNS[col.key] !== 'thuiszitter')) {
			expect(text).toContain(c.required ? `${c.label} *` : c.label);
			expect(inputs).toContain(c.defaultName);
		}
		await page.close();
	});
});
