/**
 * jest globalSetup (passed by scripts/test-e2e.sh): starts ONE runtime for the whole e2e run
 * (n8n takes ~45 s to start on 2 cores) and tells the test files where it is via an environment
 * variable; test/e2e/runtime.ts `startRuntime()` attaches to it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { startOwnRuntime, STATE_ENV, type E2ERuntime } from '../runtime';
import { SCREENSHOTS_DIR } from './browser';

declare global {
	// Shared with global-teardown.ts (both run in jest's main process).
	var __JEUGDHULP_E2E_RUNTIME__: E2ERuntime | undefined;
}

export default async function globalSetup(): Promise<void> {
	// Pictures of an earlier run go now, once, so that every picture of this run stays, whichever test file
	// took it (the screenshot and editor-columns tests both write here).
	if (fs.existsSync(SCREENSHOTS_DIR)) for (const f of fs.readdirSync(SCREENSHOTS_DIR)) if (f.endsWith('.png')) fs.rmSync(path.join(SCREENSHOTS_DIR, f));
	const rt = await startOwnRuntime((m) => process.stderr.write(`[e2e runtime] ${m}\n`));
	globalThis.__JEUGDHULP_E2E_RUNTIME__ = rt;
	process.env[STATE_ENV] = path.join(rt.userFolder, 'runtime.json');
	// Ctrl-C on the test run: stop the services before jest goes away.
	for (const sig of ['SIGINT', 'SIGTERM'] as const) {
		process.once(sig, () => {
			void rt.stop().finally(() => process.exit(130));
		});
	}
	process.stderr.write(`[e2e runtime] n8n ${rt.urls.editor}, inbox ${rt.urls.inbox}, case API ${rt.urls.caseApi}, data ${rt.dataDir}\n`);
}
