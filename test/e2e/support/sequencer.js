'use strict';
/**
 * jest testSequencer for the end-to-end suite: jest's default order, except that the privacy scan
 * (test/e2e/privacy-scan.e2e.test.ts) runs last, after every other test has used the runtime, so that it
 * scans what the whole suite left behind (issue 10).
 */
const Sequencer = require('@jest/test-sequencer').default;

const LAST = 'privacy-scan.e2e.test.ts';

class PrivacyScanLast extends Sequencer {
	sort(tests) {
		const sorted = super.sort(tests);
		return [...sorted.filter((t) => !t.path.endsWith(LAST)), ...sorted.filter((t) => t.path.endsWith(LAST))];
	}
}

module.exports = PrivacyScanLast;
