/**
 * Issue 21 §2: a preset's membership, financing and rules are functions of a date (domain/policies/timeline.ts).
 * Expected memberships come from the sources, read by hand: S4 §4.2.4 (Amsterdam SJSO), S0 Financiën OSJ
 * (Amersfoort), S4 §4.1.5 (Almere), sbjh.nl 22 March 2023 and hollandrijnland.nl (Holland Rijnland).
 */
import fc from 'fast-check';

import { buildPolicy, MergedMemberError, PolicyChangesWithinPeriodError } from '../../../domain/policies/build';
import { changesWithin, membersOn, TIMELINES } from '../../../domain/policies/timeline';
import { PRESET_IDS } from '../../../domain/policies/presets';
import type { PresetId } from '../../../domain/policies/types';
import { getDefaultRegistry } from '../../../domain/municipalities';

const on = (day: string) => ({ from: day, to: day, field: 'policyDate' });
const period = (from: string, to: string) => ({ from, to, field: 'period' });

describe('memberships by date', () => {
	it('Amsterdam SJSO (S4 §4.2.4): Amsterdam and Diemen until 31 July 2021, Amsterdam alone until 2022, then with Diemen, Uithoorn and Ouder-Amstel', () => {
		const t = TIMELINES.amsterdam_sjso;
		expect(membersOn(t, '2019-09-01')).toEqual(['0363', '0384']);
		expect(membersOn(t, '2021-07-31')).toEqual(['0363', '0384']);
		expect(membersOn(t, '2021-08-01')).toEqual(['0363']);
		expect(membersOn(t, '2021-12-31')).toEqual(['0363']);
		expect(membersOn(t, '2022-01-01')).toEqual(['0363', '0384', '0451', '0437']);
		expect(changesWithin(t, '2021-01-01', '2022-12-31')).toEqual(['2021-08-01', '2022-01-01']);
		expect(changesWithin(t, '2022-01-01', '2026-12-31')).toEqual([]);
	});

	it('Holland Rijnland: Noordwijkerhout until its merger into Noordwijk (2019), Voorschoten from 1 January 2024', () => {
		const t = TIMELINES.holland_rijnland_s5;
		expect(membersOn(t, '2018-12-31')).toContain('0576');
		expect(membersOn(t, '2019-01-01')).not.toContain('0576');
		expect(membersOn(t, '2023-12-31')).toHaveLength(12);
		expect(membersOn(t, '2023-12-31')).not.toContain('0626');
		expect(membersOn(t, '2024-01-01')).toHaveLength(13);
		expect(membersOn(t, '2024-01-01')).toContain('0626');
	});

	it('the rules change on dates too: Amersfoort 3 fte in 2021, 6 fte from 2022 (S0); Almere school time only from 2021 (S4 §4.1.5)', () => {
		expect(buildPolicy('amersfoort_osj', {}, undefined, on('2021-05-01')).financingNote).toMatch(/^3 fte in 2021/);
		expect(buildPolicy('amersfoort_osj', {}, undefined, on('2022-05-01')).financingNote).toMatch(/^6 fte from 2022/);
		expect(buildPolicy('almere_oja', {}, undefined, on('2020-12-31')).schoolTimeOnly).toBe(false);
		expect(buildPolicy('almere_oja', {}, undefined, on('2021-01-01')).schoolTimeOnly).toBe(true);
		expect(buildPolicy('amsterdam_sjso', {}, undefined, on('2021-08-01')).financingNote).toMatch(/^from 1 August 2021 an individual provision within specialist youth care/);
	});

	it('a period across a change is refused with the date to split at; a user list still meets the rules’ changes', () => {
		expect(() => buildPolicy('amersfoort_osj', {}, undefined, period('2021-07-01', '2022-06-30'))).toThrow(PolicyChangesWithinPeriodError);
		expect(() => buildPolicy('amersfoort_osj', {}, undefined, period('2021-07-01', '2022-06-30'))).toThrow(/changes on 1 January 2022, inside the period 2021-07-01 to 2022-06-30/);
		// the user's own list holds for every date, but the financing still changes on 1 January 2022
		expect(() => buildPolicy('amersfoort_osj', { participatingMunicipalities: ['0307'] }, undefined, period('2021-07-01', '2022-06-30'))).toThrow(PolicyChangesWithinPeriodError);
		expect(buildPolicy('holland_rijnland_s5', { participatingMunicipalities: ['0546'] }, undefined, period('2023-10-01', '2024-03-31')).participatingMunicipalities).toEqual(['0546']);
	});

	it('a notice where the source documents a rule only up to a date; setting the parameter confirms it', () => {
		expect(buildPolicy('amsterdam_sjso', {}, undefined, on('2021-07-31')).notices).toBeUndefined();
		const later = buildPolicy('amsterdam_sjso', {}, undefined, on('2021-08-01')).notices ?? [];
		expect(later.map((n) => [n.code, n.parameter, n.source])).toEqual([['policy_undocumented_date', 'outsiders', 'S4 §4.2.4']]);
		expect(buildPolicy('amsterdam_sjso', { outsiders: 'group_open_individual_settled' }, undefined, on('2021-08-01')).notices).toBeUndefined();
		// before S1's period (from 1 September 2021) as after it
		expect((buildPolicy('holland_rijnland_s5', {}, undefined, on('2021-08-31')).notices ?? []).map((n) => n.parameter)).toEqual(['participatingMunicipalities']);
		expect(buildPolicy('holland_rijnland_s5', {}, undefined, on('2026-12-31')).notices).toBeUndefined();
	});

	it('Rotterdam: Brielle is the member before 2023; from 2023 the merger into Voorne aan Zee asks, then applies the choice', () => {
		expect(buildPolicy('rotterdam_oza', {}, undefined, on('2022-12-31')).participatingMunicipalities).toEqual(['0599', '0502', '0542', '1621', '0501']);
		expect(() => buildPolicy('rotterdam_oza', {}, undefined, on('2023-01-01'))).toThrow(MergedMemberError);
		expect(() => buildPolicy('rotterdam_oza', {}, undefined, period('2022-10-01', '2023-03-31'))).toThrow(/changes on 1 January 2023/);
		const whole = buildPolicy('rotterdam_oza', { mergedMembers: 'successor' }, undefined, on('2023-01-01'));
		expect(whole.participatingMunicipalities).toEqual(['0599', '0502', '0542', '1621', '1992']);
		expect(whole.memberSources?.['1992']).toBe('S4 §4.3.1 (tender of 2018); Brielle (0501) is since 2023-01-01 part of Voorne aan Zee (1992)');
		expect(buildPolicy('rotterdam_oza', { mergedMembers: 'formerArea' }, undefined, on('2023-01-01')).participatingMunicipalities).toEqual(['0599', '0502', '0542', '1621', '0501']);
		// an own list that names the successor itself widens nothing
		expect(buildPolicy('rotterdam_oza', { participatingMunicipalities: ['0599', 'Voorne aan Zee', 'Brielle'] }, undefined, on('2026-01-01')).participatingMunicipalities).toEqual(['0599', '1992']);
	});

	it('a merger of members only (Noordwijkerhout into Noordwijk, both members) asks nothing', () => {
		expect(buildPolicy('custom', { participatingMunicipalities: ['Noordwijk', 'Noordwijkerhout'] }, undefined, on('2024-01-01')).participatingMunicipalities).toEqual(['0575']);
		expect(() => buildPolicy('custom', { participatingMunicipalities: ['Noordwijkerhout'] }, undefined, on('2024-01-01'))).toThrow(/Noordwijk also covers the rest of Noordwijk \(0575\)/);
	});

	const DAY = fc.date({ min: new Date(Date.UTC(2015, 0, 1)), max: new Date(Date.UTC(2030, 11, 31)), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

	it('property: a period is one policy exactly when nothing changes inside it, and then its first and last day agree', () => {
		fc.assert(
			fc.property(fc.constantFrom(...PRESET_IDS), DAY, DAY, (id: PresetId, a, b) => {
				const [from, to] = a <= b ? [a, b] : [b, a];
				const edits = { mergedMembers: 'formerArea' as const };
				const changes = changesWithin(TIMELINES[id], from, to);
				let built;
				try {
					built = buildPolicy(id, edits, getDefaultRegistry(), period(from, to));
				} catch (error) {
					// the only refusal: a change inside the period (of the timeline, or a member's merger)
					expect(error).toBeInstanceOf(PolicyChangesWithinPeriodError);
					return;
				}
				expect(changes).toEqual([]);
				const first = buildPolicy(id, edits, getDefaultRegistry(), on(from));
				const last = buildPolicy(id, edits, getDefaultRegistry(), on(to));
				expect(built.participatingMunicipalities).toEqual(first.participatingMunicipalities);
				expect(last.participatingMunicipalities).toEqual(first.participatingMunicipalities);
				expect([last.financingNote, last.outsiders, last.schoolTimeOnly]).toEqual([first.financingNote, first.outsiders, first.schoolTimeOnly]);
			}),
			{ numRuns: 300 },
		);
	});
});
