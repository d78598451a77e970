/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- test code, not shipped in dist */
/**
 * Issue 21 §3: municipalities as people write them, and the registry's own date.
 * - CBS writes some names with a province suffix ("Laren (NH.)"); without it a name resolves when one current
 *   municipality has it, and is an error naming every candidate when several do ("Bergen").
 * - A suggestion never proposes a municipality that no longer exists without saying so.
 * - The registry knows the date up to which it is complete; scripts/generate-municipalities.js refreshes it from
 *   CBS's published table; a future merger is a change of data only (a fictitious 2028 merger, below).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';

import {
	AmbiguousMunicipalityError,
	FORMER_MUNICIPALITIES,
	foldName,
	GEMEENTEN_2025,
	getDefaultRegistry,
	MUNICIPALITIES_COMPLETE_UNTIL,
	MunicipalityRegistry,
	UnknownMunicipalityError,
	withoutProvinceSuffix,
	type FormerMunicipalityRow,
} from '../../../domain/municipalities';
import { buildPolicy, MergedMemberError } from '../../../domain/policies/build';
import { errorText } from '../../../domain/primitives/errorText';

// The refresh script is plain Node (scripts/); its table parsing and module rendering are exported for this test.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const script = require('../../../scripts/generate-municipalities.js') as {
	parseMunicipalityTable(text: string): Array<[string, string, string]>;
	renderModule(rows: Array<[string, string, string]>, referenceDate: string, completeUntil: string): string;
	decodeTable(bytes: Uint8Array): string;
};

const registry = getDefaultRegistry();
const errorOf = (value: string): Error => {
	try {
		registry.resolve(value, 'woongemeente');
	} catch (e) {
		return e as Error;
	}
	throw new Error(`expected "${value}" to be refused`);
};

describe('names without CBS’s province suffix', () => {
	it.each([
		['Laren', '0417', 'Laren (NH.)'],
		['Rijswijk', '0603', 'Rijswijk (ZH.)'],
		['Beek', '0888', 'Beek (L.)'],
		['Stein', '0971', 'Stein (L.)'],
		['Middelburg', '0687', 'Middelburg (Z.)'],
		['  laren ', '0417', 'Laren (NH.)'],
		['Laren NH', '0417', 'Laren (NH.)'],
		['Hengelo', '0164', 'Hengelo (O.)'],
	])('"%s" resolves to %s (%s)', (value, code, name) => {
		expect(registry.resolve(value, 'woongemeente')).toMatchObject({ code, name });
	});

	it('"Bergen" is two current municipalities: an error naming both, with codes, and how to choose', () => {
		const e = errorOf('Bergen');
		expect(e).toBeInstanceOf(AmbiguousMunicipalityError);
		expect(e.message).toBe('Field "woongemeente" names more than one municipality: Bergen (L.) (0893) and Bergen (NH.) (0373) (CBS writes these names with their province)');
		expect((e as AmbiguousMunicipalityError).hint).toBe('Write the name as CBS does ("Bergen (L.)" or "Bergen (NH.)") or use the code (0893 or 0373).');
		expect((e as AmbiguousMunicipalityError).field).toBe('woongemeente');
		expect(errorText(e as AmbiguousMunicipalityError, 'en').text).toBe('The field "woongemeente" names a name that more than one municipality has (CBS writes these with their province, such as Bergen (L.) and Bergen (NH.)).');
	});

	it('property: every current municipality resolves by its name, and by its name without suffix exactly when no other current one shares it', () => {
		const bases = new Map<string, string[]>();
		for (const [code, name] of GEMEENTEN_2025) {
			const base = foldName(withoutProvinceSuffix(name));
			bases.set(base, [...(bases.get(base) ?? []), code]);
		}
		fc.assert(
			fc.property(fc.constantFrom(...GEMEENTEN_2025), fc.boolean(), fc.constantFrom('', ' ', '  '), ([code, name], upper, pad) => {
				const write = (s: string) => pad + (upper ? s.toUpperCase() : s.toLowerCase()) + pad;
				expect(registry.resolve(write(name), 'f').code).toBe(code);
				const base = withoutProvinceSuffix(name);
				if (base === name) return;
				const sharing = bases.get(foldName(base))!;
				if (sharing.length === 1) expect(registry.resolve(write(base), 'f').code).toBe(code);
				else expect((errorOf(write(base)) as AmbiguousMunicipalityError).candidates.map((c) => c.code).sort()).toEqual([...sharing].sort());
			}),
			{ numRuns: 400 },
		);
	});
});

describe('suggestions', () => {
	it('the issue’s case: "Laren" is no longer refused with "did you mean Haren, 0017?"', () => {
		expect(registry.resolve('Laren', 'woongemeente').code).toBe('0417');
	});

	it('a suggestion of a municipality that no longer exists says so, with its successor', () => {
		const e = errorOf('Harem') as UnknownMunicipalityError;
		expect(e.suggestion).toMatchObject({ code: '0017', name: 'Haren' });
		expect(e.message).toBe(
			'Field "woongemeente" does not name a known municipality: received "Harem" (did you mean Haren, 0017? That municipality no longer exists: Haren (0017) is since 1 January 2019 part of Groningen (0014))',
		);
	});

	it('a split one says over which municipalities it was divided', () => {
		expect(errorOf('Haaran').message).toContain('(did you mean Haaren, 0788? That municipality no longer exists: since 1 January 2021 it is divided over ');
	});

	it('a current municipality is suggested plainly, also by its name without suffix', () => {
		expect(errorOf('Lren').message).toMatch(/\(did you mean Laren \(NH\.\), 0417\?\)$/);
		expect(errorOf('Amersfort').message).toMatch(/\(did you mean Amersfoort, 0307\?\)$/);
	});
});

describe('the registry’s own date, and a future merger as a change of data only', () => {
	it('knows the date up to which it is complete', () => {
		expect(MUNICIPALITIES_COMPLETE_UNTIL).toBe('2026-12-31');
		expect(registry.completeUntil).toBe('2026-12-31');
		expect(registry.referenceDate).toBe('2025-01-01');
	});

	it('the refresh script reads CBS’s published table (semicolons, Windows-1252, codes without leading zeros) and the shared CSV alike', () => {
		const table = script.parseMunicipalityTable(script.decodeTable(fs.readFileSync(path.join(__dirname, '../../fixtures/gemeenten-alfabetisch-2028.csv'))));
		expect(table).toHaveLength(341);
		expect(table.find((r) => r[0] === '1900')).toEqual(['1900', 'Súdwest-Fryslân', 'Fryslân']);
		expect(table.find((r) => r[0] === '0820')).toEqual(['0820', 'Nuenen, Gerwen en Nederwetten', 'Noord-Brabant']);
		const shared = script.parseMunicipalityTable(fs.readFileSync(path.join(__dirname, '../../../../shared/data/gemeenten-2025-01-01.csv'), 'utf8'));
		expect(shared).toEqual(GEMEENTEN_2025.map((r) => [...r]));
		const module = script.renderModule(table, '2028-01-01', '2028-12-31');
		expect(module).toContain("export const MUNICIPALITIES_REFERENCE_DATE = '2028-01-01';");
		expect(module).toContain("export const MUNICIPALITIES_COMPLETE_UNTIL = '2028-12-31';");
		expect(module).toContain("\t['1999', \"Kromme Rijn\", 'Utrecht'],");
		expect(() => script.parseMunicipalityTable('code;naam\n1;x')).toThrow(/the header needs Gemeentecode, Gemeentenaam and Provincienaam/);
	});

	/**
	 * A fictitious merger on 1 January 2028: Bunnik (0312) and Wijk bij Duurstede (0352) form "Kromme Rijn" (1999).
	 * Only data changes: CBS's table of 2028 (test/fixtures) and two rows of the former-municipality table.
	 */
	const ROWS_2028: FormerMunicipalityRow[] = [
		['0312', 'Bunnik', '2028-01-01', 'merged', ['1999'], 'fixture'],
		['0352', 'Wijk bij Duurstede', '2028-01-01', 'merged', ['1999'], 'fixture'],
	];
	const registry2028 = new MunicipalityRegistry({
		mode: 'replace',
		municipalities: script.parseMunicipalityTable(script.decodeTable(fs.readFileSync(path.join(__dirname, '../../fixtures/gemeenten-alfabetisch-2028.csv')))).map(([code, name, province]) => ({ code, name, province })),
		history: true,
		formerMunicipalities: [...FORMER_MUNICIPALITIES, ...ROWS_2028],
		completeUntil: '2028-12-31',
	});

	it('a record naming Bunnik resolves to Kromme Rijn, with the note; the old ones still resolve; the completeness date moved', () => {
		expect(registry2028.resolve('Bunnik', 'woongemeente')).toMatchObject({ code: '1999', name: 'Kromme Rijn', formerly: { code: '0312', note: { nl: 'Bunnik (0312) is sinds 1 januari 2028 onderdeel van Kromme Rijn (1999)' } } });
		expect(registry2028.resolve('Weesp', 'woongemeente').code).toBe('0363');
		expect(registry2028.resolve('Laren', 'woongemeente').code).toBe('0417');
		expect(registry2028.completeUntil).toBe('2028-12-31');
	});

	it('a preset with both as members follows without a question; a list with only one of them asks; before 2028 nothing changes', () => {
		const zou = buildPolicy('regio_utrecht_bovenregionaal', {}, registry2028, { from: '2028-01-01', to: '2028-03-31', field: 'period' });
		expect(zou.participatingMunicipalities).toContain('1999');
		expect(zou.participatingMunicipalities).not.toContain('0312');
		expect(zou.notices).toBeUndefined();
		expect(() => buildPolicy('custom', { participatingMunicipalities: ['0344', 'Bunnik'] }, registry2028, { from: '2028-01-01', to: '2028-03-31', field: 'period' })).toThrow(MergedMemberError);
		expect(() => buildPolicy('custom', { participatingMunicipalities: ['0344', 'Bunnik'] }, registry2028, { from: '2028-01-01', to: '2028-03-31', field: 'period' })).toThrow(
			/names Bunnik \(0312\), which since 1 January 2028 is part of Kromme Rijn \(1999\); Kromme Rijn also covers Wijk bij Duurstede \(0352\)/,
		);
		expect(buildPolicy('custom', { participatingMunicipalities: ['0344', 'Bunnik'] }, registry2028, { from: '2027-10-01', to: '2027-12-31', field: 'period' }).participatingMunicipalities).toEqual(['0344', '0312']);
		// with today's registry, 2028 lies past its completeness: said
		expect((buildPolicy('utrecht_zml', {}, undefined, { from: '2028-01-01', to: '2028-03-31', field: 'period' }).notices ?? []).map((n) => n.code)).toEqual(['registry_incomplete_date']);
	});
});
