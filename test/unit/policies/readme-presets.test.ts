/**
 * The preset table (docs/toeleiding-triage.md) must show each membership with its dates as the code defines them
 * (domain/policies/timeline.ts), and the municipality registry's section (docs/reference-data.md) its completeness
 * date (issue 21).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { PRESET_IDS } from '../../../domain/policies/presets';
import { MUNICIPALITIES_COMPLETE_UNTIL, formatLongDate } from '../../../domain/municipalities';
import { presetMembershipText } from '../../../nodes/shared/policy.description';

const triagePage = fs.readFileSync(path.join(__dirname, '../../../docs/toeleiding-triage.md'), 'utf8');
const referenceData = fs.readFileSync(path.join(__dirname, '../../../docs/reference-data.md'), 'utf8');
/** The preset table: from its heading to the notes after it. */
const presetTable = triagePage.slice(triagePage.indexOf('## Region policy presets\n'), triagePage.indexOf('Notes per preset'));

describe('Documented data sets match the code', () => {
	it.each(PRESET_IDS)('%s: the preset table shows every membership with its dates', (id) => {
		const rows = presetTable.split('\n').filter((line) => line.startsWith(`| \`${id}\` `));
		expect(rows).toHaveLength(1);
		const members = rows[0].split(' | ')[2];
		expect(members.startsWith(presetMembershipText(id))).toBe(true);
	});

	it('the municipality registry section gives the date up to which the registry is complete', () => {
		expect(referenceData).toContain(`is **complete up to ${formatLongDate(MUNICIPALITIES_COMPLETE_UNTIL, 'en')}** (\`MUNICIPALITIES_COMPLETE_UNTIL\`)`);
	});
});
