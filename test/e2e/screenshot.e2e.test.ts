/**
 * What a functioneel beheerder sees: headless Debian chromium logs in to the real n8n editor as the
 * owner, opens a workflow, opens the node panel and searches for our nodes. Screenshots go to
 * test/e2e/__screenshots__/ (gitignored); the assertion is on the panel's DOM.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
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
	// A fresh profile (--user-data-dir) per run: playwright takes it as the persistent-context folder.
	browser = await chromium.launchPersistentContext(profileDir, {
		executablePath: CHROMIUM,
		headless: true,
		viewport: { width: 1440, height: 900 },
		args: [
			'--headless',
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
		],
	});
});

afterAll(async () => {
	await browser?.close();
	if (profileDir) fs.rmSync(profileDir, { recursive: true, force: true });
	await rt?.stop();
});

/** Log in through the sign-in form, like a user. */
async function signIn(page: Page): Promise<void> {
	await page.goto(`${rt.urls.editor}/signin`);
	await page.locator('input[type="email"], input[name="emailOrLdapLoginId"]').first().fill(rt.owner.email);
	await page.locator('input[type="password"]').first().fill(rt.owner.password);
	await page.keyboard.press('Enter');
	await page.waitForURL((url) => !url.pathname.startsWith('/signin'), { timeout: 60000 });
}

/** Open the node panel (node creator) of the open workflow and type a search term. */
async function searchNodePanel(page: Page, term: string): Promise<string> {
	const search = page.locator('[data-test-id="node-creator-search-bar"] input, input[placeholder*="Search"]').first();
	if (!(await search.isVisible().catch(() => false))) {
		// "Tab" opens the node panel on the canvas; fall back to the canvas "+" button.
		await page.locator('body').click({ position: { x: 600, y: 400 } }).catch(() => {});
		await page.keyboard.press('Tab');
		if (!(await search.isVisible().catch(() => false))) {
			await page.locator('[data-test-id="canvas-plus-button"], [data-test-id="node-creator-plus-button"]').first().click();
		}
	}
	await search.waitFor({ state: 'visible', timeout: 30000 });
	await search.fill(term);
	await page.waitForTimeout(800); // search results render after a short debounce
	// The panel's DOM: n8n marks it with data-test-id="node-creator…"; fall back to the whole page.
	const panel = page.locator('[data-test-id="node-creator"], [data-test-id="node-creator-node-item"]');
	const texts = await panel.allInnerTexts();
	return texts.join('\n') || page.locator('body').innerText();
}

describe('n8n editor (headless chromium)', () => {
	it('shows our nodes in the node panel', async () => {
		// n8n also registers "<name>Tool" variants of usableAsTool nodes for AI agents; the panel shows the originals.
		const nodes = rt.nodes.filter((n) => !n.name.endsWith('Tool'));
		expect(nodes.length).toBeGreaterThan(0);

		const page = await browser!.newPage();
		await signIn(page);
		await page.screenshot({ path: path.join(SHOTS, '01-after-login.png') });

		// A workflow that already has a trigger, so the panel offers action nodes too.
		await page.goto(`${rt.urls.editor}/workflow/jhE2eHarness01`);
		await page.locator('[data-test-id="canvas-node"], .vue-flow__node').first().waitFor({ timeout: 60000 });

		// Search by the words a functioneel beheerder would type; check every node of ours appears.
		const terms = ['Record Cleaner', 'Toeleiding', 'Deadline', 'Evaluation', 'Settlement'];
		const seen = new Set<string>();
		for (const term of terms) {
			const expected = nodes.filter((n) => n.displayName.toLowerCase().includes(term.toLowerCase()));
			if (!expected.length) continue; // that node is not in the package (yet)
			const panel = await searchNodePanel(page, term);
			await page.screenshot({ path: path.join(SHOTS, `02-node-panel-${term.replace(/\W+/g, '-').toLowerCase()}.png`) });
			for (const n of expected) {
				expect(panel).toContain(n.displayName);
				seen.add(n.name);
			}
		}
		expect(seen.size).toBeGreaterThan(0);
		await page.close();
	});
});
