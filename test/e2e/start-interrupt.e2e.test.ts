/**
 * `npm start` interrupted at every start-up phase (issue 10 §4): Ctrl-C (SIGINT) or SIGTERM to the command's
 * process group must leave no process and no port behind — not maildev, not the case API, not an n8n that
 * was still booting, not an `n8n import` CLI, not the watchdog.
 *
 * One user folder for all phases, in start-up order, so later phases reuse what earlier ones imported
 * (the runtime skips an unchanged import): about two n8n boots in all. Uses the installed n8n and the built
 * package (scripts/test-e2e.sh builds first; JEUGDHULP_SKIP_BUILD=1 here).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { REPO_ROOT } from './runtime';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { freePort, portInUse } = require('../../scripts/runtime/proc.js');

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Phase {
	name: string;
	/** The line of `npm start` output that starts the phase (undefined: right after launch). */
	after?: RegExp;
	/** How long after that line to interrupt. */
	delayMs: number;
	signal: 'SIGINT' | 'SIGTERM';
}

const PHASES: Phase[] = [
	{ name: 'right after launch (port checks, n8n install check)', delayMs: 300, signal: 'SIGTERM' },
	{ name: 'maildev and the case API just spawned', after: /==> Starting maildev/, delayMs: 200, signal: 'SIGINT' },
	{ name: 'an n8n import command running', after: /==> Importing credentials/, delayMs: 3000, signal: 'SIGTERM' },
	{ name: 'n8n booting, not yet ready (the reported case)', after: /==> Starting n8n/, delayMs: 4000, signal: 'SIGINT' },
	{ name: 'everything ready', after: /Press Ctrl-C to stop everything/, delayMs: 0, signal: 'SIGTERM' },
];

/** Processes that belong to this runtime: their working folder, command line or environment names the user folder. */
function leftovers(userFolder: string, except: number[]): string[] {
	const found: string[] = [];
	for (const entry of fs.readdirSync('/proc')) {
		const pid = Number(entry);
		if (!Number.isInteger(pid) || except.includes(pid)) continue;
		try {
			const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
			if (cmdline === '') continue; // zombie or kernel thread
			let cwd = '';
			try {
				cwd = fs.readlinkSync(`/proc/${pid}/cwd`);
			} catch {
				/* not ours to read */
			}
			const environ = fs.readFileSync(`/proc/${pid}/environ`, 'utf8');
			if (cwd.startsWith(userFolder) || cmdline.includes(userFolder) || environ.includes(userFolder)) found.push(`${pid}: ${cmdline.slice(0, 160)}`);
		} catch {
			/* exited meanwhile, or not readable */
		}
	}
	return found;
}

async function busyPorts(ports: Record<string, number>): Promise<string[]> {
	const busy: string[] = [];
	for (const [name, port] of Object.entries(ports)) if (await portInUse(port)) busy.push(`${name} ${port}`);
	return busy;
}

describe('npm start interrupted during start-up', () => {
	const userFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'jeugdhulp-start-interrupt-'));
	const self = [process.pid, process.ppid];
	let ports: Record<string, number>;
	let child: ChildProcess | undefined;

	beforeAll(async () => {
		ports = { n8n: await freePort(), broker: await freePort(), caseApi: await freePort(), smtp: await freePort(), mailWeb: await freePort() };
	});

	afterAll(async () => {
		if (child?.pid && child.exitCode === null) process.kill(-child.pid, 'SIGKILL');
		fs.rmSync(userFolder, { recursive: true, force: true });
	});

	it.each(PHASES)('leaves no process and no port: $signal at "$name"', async (phase) => {
		const output: string[] = [];
		child = spawn('bash', [path.join(REPO_ROOT, 'scripts', 'start.sh')], {
			cwd: REPO_ROOT,
			detached: true, // its own process group, as a terminal gives `npm start`
			stdio: ['ignore', 'pipe', 'pipe'],
			env: {
				...process.env,
				JEUGDHULP_N8N_USER_FOLDER: userFolder,
				JEUGDHULP_SKIP_BUILD: '1',
				N8N_PORT: String(ports.n8n),
				N8N_RUNNERS_BROKER_PORT: String(ports.broker),
				CASE_API_PORT: String(ports.caseApi),
				MAILDEV_SMTP_PORT: String(ports.smtp),
				MAILDEV_WEB_PORT: String(ports.mailWeb),
			},
		});
		const proc = child;
		const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
		let reached: () => void = () => undefined;
		const phaseReached = new Promise<void>((resolve) => (reached = resolve));
		if (!phase.after) reached();
		for (const stream of [proc.stdout!, proc.stderr!]) {
			stream.on('data', (d: Buffer) => {
				output.push(String(d));
				if (phase.after?.test(output.join(''))) reached();
			});
		}
		const startedEarly = await Promise.race([phaseReached.then(() => false), exited.then(() => true)]);
		if (startedEarly) throw new Error(`npm start exited before "${phase.name}":\n${output.join('').slice(-3000)}`);
		await sleep(phase.delayMs);
		process.kill(-proc.pid!, phase.signal);

		let timer: NodeJS.Timeout | undefined;
		const code = await Promise.race([exited, new Promise<'timeout'>((r) => (timer = setTimeout(() => r('timeout'), 60_000)))]);
		clearTimeout(timer);
		expect({ phase: phase.name, exit: code === 'timeout' ? 'still running after 60 s' : 'exited' }).toEqual({ phase: phase.name, exit: 'exited' });

		// The watchdog leaves within a second of its list disappearing; allow a few for slow machines.
		let left: string[] = [];
		let busy: string[] = [];
		for (let i = 0; i < 20; i++) {
			left = leftovers(userFolder, self);
			busy = await busyPorts(ports);
			if (left.length === 0 && busy.length === 0) break;
			await sleep(500);
		}
		expect({ phase: phase.name, processes: left, ports: busy }).toEqual({ phase: phase.name, processes: [], ports: [] });
	});
});
