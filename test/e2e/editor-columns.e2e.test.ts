/**
 * Issue 12, "Column mapping is hidden": a Deadline Monitor dragged onto a workflow in the real n8n editor
 * (headless Debian chromium) shows, before any run, every column it expects with its default name — not
 * "Field Names: No properties". Screenshot: test/e2e/__screenshots__/10-new-deadline-monitor-columns.png.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { DEADLINE_COLUMNS, RULE_COLUMNS } from '../../domain/deadlines';
import { startRuntime, type E2ERuntime } from './runtime';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const SHOTS = path.join(__dirname, '__screenshots__');

let rt: E2ERuntime;
let browser: BrowserContext | undefined;
let profileDir: string;

beforeAll(async () => {
	rt = await startRuntime();
	fs.mkdirSync(SHOTS, { recursive: true });
	profileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jeugdhulp-chromium-'));
	browser = await chromium.launchPersistentContext(profileDir, {
		executablePath: CHROMIUM,
		headless: true,
		viewport: { width: 1440, height: 1600 },
		args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
	});
});

afterAll(async () => {
	await browser?.close();
	if (profileDir) fs.rmSync(profileDir, { recursive: true, force: true });
	await rt?.stop();
});

async function signIn(page: Page): Promise<void> {
	await page.goto(`${rt.urls.editor}/signin`);
	await page.locator('input[type="email"], input[name="emailOrLdapLoginId"]').first().fill(rt.owner.email);
	await page.locator('input[type="password"]').first().fill(rt.owner.password);
	await page.keyboard.press('Enter');
	await page.waitForURL((url) => !url.pathname.startsWith('/signin'), { timeout: 60000 });
}

describe('a new Deadline Monitor in the n8n editor', () => {
	it('shows every column of the 8-week rule with its default name before any run', async () => {
		const page = await browser!.newPage();
		await signIn(page);
		await page.goto(`${rt.urls.editor}/workflow/jhE2eHarness01`);
		await page.locator('[data-test-id="canvas-node"], .vue-flow__node').first().waitFor({ timeout: 60000 });
		const search = page.locator('[data-test-id="node-creator-search-bar"] input, input[placeholder*="Search"]').first();
		await page.locator('body').click({ position: { x: 600, y: 400 } }).catch(() => {});
		await page.keyboard.press('Tab');
		if (!(await search.isVisible().catch(() => false))) await page.locator('[data-test-id="canvas-plus-button"], [data-test-id="node-creator-plus-button"]').first().click();
		await search.waitFor({ state: 'visible', timeout: 30000 });
		await search.fill('Deadline Monitor');
		await page.waitForTimeout(800);
		await page.keyboard.press('Enter'); // the node → its actions
		await page.waitForTimeout(800);
		await page.locator('text=Check cases against a deadline norm').first().click();
		const panel = page.locator('[data-test-id="ndv"], .ndv-wrapper, [data-test-id="node-parameters"]').first();
		await panel.waitFor({ state: 'visible', timeout: 30000 });
		await page.locator('text=Input Columns').first().waitFor({ timeout: 30000 });
		await page.screenshot({ path: path.join(SHOTS, '10-new-deadline-monitor-columns.png'), fullPage: true });
		const text = await panel.innerText();
		// the Input Columns group lists its fields (the empty Options collection below it may say "No properties")
		const columns = text.slice(text.indexOf('Input Columns'), text.indexOf('Norm Length'));
		expect(columns.length).toBeGreaterThan(0);
		expect(columns).not.toContain('No properties');
		expect(text).not.toContain('Field Names');
		const inputs = await panel.locator('input').evaluateAll((els) => els.map((e) => (e as unknown as { value: string }).value));
		for (const c of DEADLINE_COLUMNS.filter((col) => RULE_COLUMNS[col.key] !== 'thuiszitter')) {
			expect(text).toContain(c.required ? `${c.label} (Required)` : c.label);
			expect(inputs).toContain(c.defaultName);
		}
		await page.close();
	});
});
