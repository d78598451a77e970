'use strict';
/**
 * jest testSequencer for the end-to-end suite: the test files share one n8n runtime, so their order is
 * fixed — by file name, the same on every machine and every run — instead of jest's default (earlier
 * failures first, then the slowest), which depends on a cache and once ordered a test after another
 * whose production run it did not expect. The privacy scan (test/e2e/privacy-scan.e2e.test.ts) runs
 * last, after every other test has used the runtime, so that it scans what the whole suite left behind
 * (issue 10).
 *
 * JEUGDHULP_E2E_ORDER=reverse runs the files in the opposite order (the privacy scan still last): a check
 * that no test relies on what another left behind in the shared runtime.
 */
const Sequencer = require('@jest/test-sequencer').default;

const LAST = 'privacy-scan.e2e.test.ts';

class PrivacyScanLast extends Sequencer {
	sort(tests) {
		const sorted = [...tests].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
		if (process.env.JEUGDHULP_E2E_ORDER === 'reverse') sorted.reverse();
		return [...sorted.filter((t) => !t.path.endsWith(LAST)), ...sorted.filter((t) => t.path.endsWith(LAST))];
	}
}

module.exports = PrivacyScanLast;
