import type { IAuthenticateGeneric, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

/**
 * Where this package keeps what it must remember across runs (alerts sent, evaluation moments
 * fired): n8n's own Data Tables, reached through n8n's public API with an API key of the n8n
 * instance itself. n8n 2.41 offers Data Tables to nodes only through a proxy reserved for its own
 * Data Table nodes, so a community node goes through the public API — the same database, shared by
 * the main instance and all queue-mode workers. See docs/running-at-scale.md.
 */
export class SharedMemoryApi implements ICredentialType {
	name = 'sharedMemoryApi';

	displayName = 'Jeugdhulp Shared Memory API';

	icon = { light: 'file:../nodes/DeadlineMonitor/deadlineMonitor.svg', dark: 'file:../nodes/DeadlineMonitor/deadlineMonitor.dark.svg' } as const;

	documentationUrl = 'https://github.com/jeugdhulp-onderwijs/n8n-nodes-jeugdhulp-onderwijs/blob/main/docs/running-at-scale.md';

	properties: INodeProperties[] = [
		{
			displayName: 'n8n API URL',
			name: 'baseUrl',
			type: 'string',
			default: 'http://localhost:5678/api/v1',
			required: true,
			description:
				'The public API of this n8n instance, as the main instance and every worker can reach it (Settings → n8n API), ending in /api/v1',
		},
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'An n8n API key with access to Data Tables (dataTable and dataTableRow scopes) and, for the Semiannual Evaluation Trigger, to executions (execution:read and execution:list), of a user in the project that owns the workflows',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: { headers: { 'X-N8N-API-KEY': '={{ $credentials.apiKey }}' } },
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{ $credentials.baseUrl.replace(/\\/+$/, "") }}',
			url: '/data-tables',
			qs: { limit: 1 },
			method: 'GET',
		},
	};
}
