'use strict';
/**
 * Watchdog started (detached) next to every runtime:
 *   node reaper.js <ownerPid> <groupsFile> [folderToDelete]
 * Every second it checks whether the owner process (the `npm start` script or the jest process)
 * is still alive. If the owner died without cleaning up (SIGKILL, crash, a test runner that exits
 * hard), it kills every process group listed in <groupsFile> (one pid per line) and optionally
 * deletes the temporary folder. If <groupsFile> disappears, the owner stopped normally: exit quietly.
 */
const fs = require('node:fs');

const [ownerPid, groupsFile, folderToDelete] = process.argv.slice(2);

const alive = (pid, group = false) => {
	try {
		process.kill(group ? -pid : pid, 0);
		return true;
	} catch (e) {
		return e.code === 'EPERM';
	}
};

const readGroups = () => {
	try {
		return fs
			.readFileSync(groupsFile, 'utf8')
			.split('\n')
			.map(Number)
			.filter((n) => n > 1);
	} catch {
		return null;
	}
};

const timer = setInterval(() => {
	const groups = readGroups();
	if (groups === null) process.exit(0); // normal stop: the owner removed the file
	if (alive(Number(ownerPid))) return;
	clearInterval(timer);
	for (const g of groups) if (alive(g, true)) process.kill(-g, 'SIGTERM');
	setTimeout(() => {
		for (const g of groups) if (alive(g, true)) process.kill(-g, 'SIGKILL');
		try {
			fs.rmSync(groupsFile, { force: true });
			if (folderToDelete) fs.rmSync(folderToDelete, { recursive: true, force: true });
		} catch {
			/* best effort */
		}
		process.exit(0);
	}, 5000);
}, 1000);
