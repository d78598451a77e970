/**
 * Credential test for the Jeugdhulp Pseudonymisation Key (no remote service to call: the key is checked
 * locally). Shared: every node that uses `pseudonymisationKeyApi` should list it as `testedBy` and expose
 * it under `methods.credentialTest` (community-node lint requires a test for every use of a credential).
 */
import type { ICredentialsDecrypted, ICredentialTestFunctions, INodeCredentialTestResult } from 'n8n-workflow';

import { MIN_KEY_LENGTH } from '../../domain/primitives/pseudonym';

export const PSEUDONYMISATION_KEY_TEST = 'pseudonymisationKeyTest';

export async function pseudonymisationKeyTest(this: ICredentialTestFunctions, credential: ICredentialsDecrypted): Promise<INodeCredentialTestResult> {
	const key = String(credential.data?.key ?? '');
	if (key.length < MIN_KEY_LENGTH) {
		return { status: 'Error', message: `The key must be at least ${MIN_KEY_LENGTH} characters long` };
	}
	return { status: 'OK', message: 'The key can be used for pseudonymous references' };
}
