/**
 * A production run that fails on a bad BSN: test/e2e/support/workflows/e2e-error-alert.json (Webhook → read
 * bad-pupils.csv → Record Cleaner stops on the BSN) is published and called; its Error Workflow
 * (workflows/error-alert.json) mails the beheerder. Used by privacy.e2e.test.ts (normal runtime) and
 * queue-mode.e2e.test.ts (the run on a worker).
 */
import type { E2ERuntime, Mail } from '../runtime';

export const FAILING = 'jhE2eErrorAlert1';
export const FAILING_NAME = 'E2E: a failing production run keeps no data and mails the beheerder (Error Workflow)';
const BEHEERDER = 'beheerder@gemeente.example';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The error alerts to the beheerder in the inbox (the Error Workflow's subject ends in "is mislukt"). */
async function errorAlerts(rt: E2ERuntime): Promise<Mail[]> {
	return (await rt.mails()).filter((m) => m.to.includes(BEHEERDER) && / is mislukt$/.test(m.subject));
}

/**
 * Publish the failing workflow, call its webhook until n8n answers 200 (30 s at most) and wait for the
 * beheerder's alert (`waitSeconds` at most). The inbox is left as it is (a privacy scan afterwards reads
 * every mail of the run).
 * @returns the webhook's last HTTP status and the error alerts that arrived since the call
 */
export async function failProductionRun(rt: E2ERuntime, waitSeconds = 60): Promise<{ status: number; alerts: Mail[] }> {
	const before = new Set((await errorAlerts(rt)).map((m) => m.id));
	await rt.publishWorkflow(FAILING);
	let status = 0;
	for (let i = 0; i < 30 && status !== 200; i++) {
		status = (await fetch(`${rt.urls.editor}/webhook/e2e-error-alert`, { method: 'POST' })).status;
		if (status !== 200) await sleep(1000);
	}
	let alerts: Mail[] = [];
	for (let i = 0; i < waitSeconds && status === 200 && alerts.length === 0; i++) {
		alerts = (await errorAlerts(rt)).filter((m) => !before.has(m.id));
		if (alerts.length === 0) await sleep(1000);
	}
	return { status, alerts };
}
