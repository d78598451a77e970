import { CaseSystemApi } from '../../../credentials/CaseSystemApi.credentials';

describe('Jeugdhulp Case System API credential', () => {
	const cred = new CaseSystemApi();

	it('has exactly the agreed fields', () => {
		expect(cred.name).toBe('caseSystemApi');
		expect(cred.displayName).toBe('Jeugdhulp Case System API');
		expect(cred.properties.map((p) => p.name)).toEqual(['baseUrl', 'authentication', 'apiKey', 'token']);
		const byName = Object.fromEntries(cred.properties.map((p) => [p.name, p]));
		expect(byName.authentication.options?.map((o) => (o as { value: string }).value)).toEqual(['apiKey', 'bearerToken']);
		expect(byName.apiKey.typeOptions?.password).toBe(true);
		expect(byName.token.typeOptions?.password).toBe(true);
		expect(byName.apiKey.displayOptions?.show?.authentication).toEqual(['apiKey']);
		expect(byName.token.displayOptions?.show?.authentication).toEqual(['bearerToken']);
	});

	it('sends X-API-Key or Authorization: Bearer, and tests GET /api/health', () => {
		expect(cred.authenticate.type).toBe('generic');
		const headers = cred.authenticate.properties.headers as Record<string, string>;
		expect(headers['X-API-Key']).toContain('$credentials.apiKey');
		expect(headers['X-API-Key']).toContain('"apiKey"');
		expect(headers.Authorization).toContain('"Bearer " + $credentials.token');
		expect(cred.test.request).toMatchObject({ url: '/api/health', method: 'GET' });
		expect(cred.test.request.baseURL).toContain('$credentials.baseUrl');
	});
});
