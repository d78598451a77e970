/** Unit, property and in-process engine tests. End-to-end tests have their own config (jest.e2e.config.js). */
/** @type {import('jest').Config} */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	testPathIgnorePatterns: ['/node_modules/', '\\.e2e\\.test\\.ts$'],
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.test.json' }] },
	collectCoverageFrom: ['domain/**/*.ts', 'nodes/**/*.ts', 'credentials/**/*.ts', '!**/*.d.ts'],
	coverageReporters: ['text-summary', 'json-summary'],
	testTimeout: 60000,
};
