/**
 * The language choice (nodes/shared/language.description.ts), on the built package: every Dutch/English
 * choice of every node has the one shape (Dutch first and default), under the parameter name each node has
 * always stored — the list below is written by hand, so renaming one (saved workflows would lose the choice)
 * or adding a choice outside the factory's shape fails here.
 */
import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { loadPackage } from '../../helpers/engine';

const STORED = [
	'crossRegionSettlement options.language Statement Language',
	'crossRegionSettlement reconcileOptions.language Message Language',
	'deadlineMonitor chartLanguage Chart Language',
	'deadlineMonitor language Message Language',
	'evaluationTrigger language Agenda Language',
	'recordCleaner options.language Message Language',
	'recordCleaner options.noteLanguage Former Municipality Note Language',
	'toeleidingTriage options.language Message Language',
];

function languageChoices(properties: INodeProperties[], trail = ''): Array<{ path: string; p: INodeProperties }> {
	return properties.flatMap((p) => {
		const here = `${trail}${p.name}`;
		const nested = ((p.options ?? []) as unknown[]).filter((o): o is INodeProperties => typeof o === 'object' && o !== null && 'type' in o && 'displayName' in o);
		const values = ((p.options ?? []) as INodePropertyOptions[]).map((o) => o.value);
		const own = p.type === 'options' && values.includes('nl') && values.includes('en') ? [{ path: here, p }] : [];
		return [...own, ...languageChoices(nested, `${here}.`)];
	});
}

describe('language choices', () => {
	const loaded = loadPackage();
	const found = [...loaded.nodes.values()].flatMap((type) => {
		const d = 'nodeVersions' in type ? undefined : type.description;
		return d ? languageChoices(d.properties).map((c) => ({ ...c, node: d.name })) : [];
	});

	it('keep their stored names and labels', () => {
		expect(found.map((c) => `${c.node} ${c.path} ${c.p.displayName}`).sort()).toEqual(STORED);
	});

	it('all have the one shape: Dutch (default) or English, with a description', () => {
		for (const { p } of found) {
			expect({ type: p.type, default: p.default, options: (p.options as INodePropertyOptions[]).map((o) => [o.name, o.value]) }).toEqual({
				type: 'options',
				default: 'nl',
				options: [
					['Dutch', 'nl'],
					['English', 'en'],
				],
			});
			expect(p.description).toMatch(/^Language of /);
		}
	});
});
