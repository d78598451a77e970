/**
 * The version switch (nodes/shared/versions.ts): behaviour by the first version that has it, and
 * `@version` display gating as n8n itself evaluates it (NodeHelpers.displayParameter).
 */
import { NodeHelpers, type INodeProperties } from 'n8n-workflow';
import { BEHAVIOUR_SINCE, beforeVersion, fromVersion, hasBehaviour } from '../../../nodes/shared/versions';
import { PRIVACY_DEFAULT_VERSION } from '../../../nodes/shared/privacy';

const parameter = (displayOptions: INodeProperties['displayOptions']): INodeProperties => ({ displayName: 'X', name: 'x', type: 'string', default: '', displayOptions });
const shown = (p: INodeProperties, typeVersion: number) => NodeHelpers.displayParameter({}, p, { typeVersion }, null);

describe('node versions', () => {
	it('workflows saved with version 1 keep their items; from 1.1 identifying data is removed', () => {
		expect(hasBehaviour({ typeVersion: 1 }, 'removeIdentifyingData')).toBe(false);
		expect(hasBehaviour({ typeVersion: 1.1 }, 'removeIdentifyingData')).toBe(true);
		expect(hasBehaviour({ typeVersion: 1.2 }, 'removeIdentifyingData')).toBe(true);
		// the privacy layer decides with the same version
		expect(BEHAVIOUR_SINCE.removeIdentifyingData).toBe(PRIVACY_DEFAULT_VERSION);
	});

	it('shows a parameter from a version on, or only before it, as n8n evaluates @version', () => {
		expect([1, 1.1, 1.2, 2].map((v) => shown(parameter(fromVersion(1.2)), v))).toEqual([false, false, true, true]);
		expect([1, 1.1, 1.2, 2].map((v) => shown(parameter(beforeVersion(1.2)), v))).toEqual([true, true, false, false]);
	});
});
