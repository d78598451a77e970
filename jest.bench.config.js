/**
 * Benchmarks (`npm run bench`): not tests. They print a table and write bench/results/<name>.json with
 * timings and ratios against a baseline measured in the same run. Nothing here asserts on time.
 */
/** @type {import('jest').Config} */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/bench'],
	testMatch: ['**/*.bench.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.test.json' }] },
	testTimeout: 1800000,
	maxWorkers: 1,
};
