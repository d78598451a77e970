/** End-to-end tests against a real n8n server (see scripts/runtime). Run by scripts/test.sh after the build. */
/** @type {import('jest').Config} */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test/e2e'],
	testMatch: ['**/*.e2e.test.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.test.json' }] },
	// One real n8n runtime for the whole run, on free ports in a temporary folder (test/e2e/runtime.ts).
	globalSetup: '<rootDir>/test/e2e/support/global-setup.ts',
	globalTeardown: '<rootDir>/test/e2e/support/global-teardown.ts',
	// The privacy scan runs after every other test file (it scans what the whole run left behind).
	testSequencer: '<rootDir>/test/e2e/support/sequencer.js',
	testTimeout: 600000,
	maxWorkers: 1,
};
