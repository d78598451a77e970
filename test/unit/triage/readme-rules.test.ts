/**
 * The Toeleiding Triage page's rules table (docs/toeleiding-triage.md) must say what the code does: every rule of the catalogue appears there with
 * its id and seed reference, and route rules with their exact English text (read to parents).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULES } from '../../../domain/triage/rules';

const readme = fs.readFileSync(path.join(__dirname, '../../../docs/toeleiding-triage.md'), 'utf8');
const rules = Object.values(RULES) as Array<{ ruleId: string; seed: string; text: string }>;

describe('docs/toeleiding-triage.md rules table matches the triage rule catalogue', () => {
	it.each(rules.map((r) => [r.ruleId, r]))('%s is documented with its seed', (_id, rule) => {
		expect(readme).toContain(rule.ruleId);
		const rows = readme.split('\n').filter((line) => line.startsWith(`| ${rule.ruleId} |`) || line.includes(`| ${rule.ruleId} /`) || line.includes(`/ ${rule.ruleId} |`));
		expect(rows.length).toBeGreaterThan(0);
		if (rule.ruleId.startsWith('T-') && !rule.ruleId.startsWith('T-WOONPLAATS')) {
			expect(rows).toContain(`| ${rule.ruleId} | ${rule.seed} | ${rule.text} |`);
		}
	});
});
