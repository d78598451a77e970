/** jest globalTeardown (passed by scripts/test-e2e.sh): stops the runtime global-setup started. */
import { STATE_ENV } from '../runtime';

export default async function globalTeardown(): Promise<void> {
	const rt = globalThis.__JEUGDHULP_E2E_RUNTIME__;
	globalThis.__JEUGDHULP_E2E_RUNTIME__ = undefined;
	delete process.env[STATE_ENV];
	if (rt) await rt.stop();
}
