'use strict';
/**
 * `npm start`: the local runtime for trying the nodes by hand.
 * n8n in a persistent user folder (default ~/.cache/n8n-nodes-jeugdhulp-onderwijs/user; override
 * with JEUGDHULP_N8N_USER_FOLDER), plus maildev and the case API. Ctrl-C / SIGTERM stops everything.
 */
const path = require('node:path');
const config = require('./config');
const { startRuntime } = require('./runtime');
const { stopAll } = require('./proc');

async function main() {
	const userFolder = process.env.JEUGDHULP_N8N_USER_FOLDER || path.join(config.n8nHome(), 'user');
	const started = Date.now();

	// Signals are handled from the first moment: Ctrl-C / SIGTERM during start-up (install, build, imports,
	// n8n booting) stops whatever already runs, so nothing outlives this command (issue 10 §4).
	let runtime;
	let stopping;
	const shutdown = (signal, code = 0) => {
		if (!stopping) {
			stopping = (async () => {
				console.log(`\n==> ${signal}: stopping n8n, maildev and the case API…`);
				if (runtime) await runtime.stop();
				await stopAll(); // anything started before the runtime was complete (or left by stop())
				console.log('==> Stopped.');
				process.exit(code);
			})();
		}
		return stopping;
	};
	for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => void shutdown(signal));
	// The services are unref'd child processes: keep this process alive until a signal arrives.
	setInterval(() => {}, 1 << 30);

	try {
		runtime = await startRuntime({ userFolder, build: process.env.JEUGDHULP_SKIP_BUILD !== '1', requirePackage: false });
	} catch (err) {
		if (stopping) return stopping; // interrupted: the failure is the interruption itself
		throw err;
	}
	if (stopping) return stopping;

	// If n8n itself stops (crash, port clash), take the rest down too and say so.
	runtime.procs.n8n.on('exit', (code, signal) => {
		if (stopping) return;
		console.error(`\n!!! n8n exited (${code ?? signal}); see ${path.join(runtime.userFolder, 'logs', 'n8n.log')}`);
		void shutdown('n8n exit', 1);
	});

	const { urls, owner, dataDir, workflows } = runtime;
	const line = '─'.repeat(72);
	console.log(`
${line}
 n8n-nodes-jeugdhulp-onderwijs — local runtime (ready in ${Math.round((Date.now() - started) / 1000)}s)
${line}
 n8n editor       ${urls.editor}
   login          ${owner.email}  /  ${owner.password}
 Mail inbox       ${urls.inbox}          (SMTP on ${urls.smtp.replace('smtp://', '')})
 Case API         ${urls.caseApi}/api/cases   (X-API-Key: ${config.CASE_API.apiKey})
 Data folder      ${dataDir}
   sample data    ${path.join(dataDir, config.SAMPLE_DATA_SUBDIR)}
                  (made for ${runtime.sampleDate}; another day: JEUGDHULP_SAMPLE_DATE=YYYY-MM-DD npm start)
   output         ${path.join(dataDir, config.OUTPUT_SUBDIR)}
 Credentials      "${config.CREDENTIALS.smtp.name}" (id ${config.CREDENTIALS.smtp.id}),
                  "${config.CREDENTIALS.caseSystem.name}" (id ${config.CREDENTIALS.caseSystem.id}),
                  "${config.CREDENTIALS.pseudonymisation.name}" (id ${config.CREDENTIALS.pseudonymisation.id})
 Workflows        ${workflows.length ? workflows.map((w) => `${w.name} (${w.id})`).join('\n                  ') : '(none in workflows/)'}
 n8n user folder  ${runtime.userFolder}   (logs in logs/)
${line}
 Press Ctrl-C to stop everything.
`);
}

main().catch(async (err) => {
	console.error(`\nnpm start failed: ${err.message}`);
	await stopAll();
	process.exit(1);
});
