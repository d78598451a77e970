import { getDefaultRegistry } from '../../../domain/municipalities';
import { buildPolicy, classifyPupil, getPreset, PolicyChoiceRequiredError, PRESET_IDS, PRESETS, type PresetId, type PupilTreatment } from '../../../domain/policies';
import { assertNoPersonalData } from '../../helpers/privacy';

const registry = getDefaultRegistry();

describe('region policy presets', () => {
	it('has the thirteen systems of the seeds', () => {
		expect([...PRESET_IDS].sort()).toEqual(
			[
				'almere_oja',
				'amersfoort_osj',
				'amsterdam_sjso',
				'enschede_oja',
				'hengelo_borne_hvt',
				'holland_rijnland_s5',
				'regio_utrecht_bovenregionaal',
				'utrecht_zml',
				'zuid_limburg',
				'rotterdam_oza',
				'almelo_pilot',
				'hellendoorn_elimschool',
				'oldenzaal_losser_dinkelland',
			].sort(),
		);
	});

	it('Rotterdam (S4 §4.3): the five tender municipalities with Brielle as Voorne aan Zee, the mandated route, school time only', () => {
		const r = PRESETS.rotterdam_oza;
		const names = r.participatingMunicipalities.map((c) => registry.resolve(c, 'x').name);
		expect(names).toEqual(['Rotterdam', 'Capelle aan den IJssel', 'Krimpen aan den IJssel', 'Lansingerland', 'Voorne aan Zee']);
		expect(r.notes).toContain('Brielle (0501) is since 1 January 2023 part of Voorne aan Zee (1992)');
		expect(r).toMatchObject({ accessRoute: 'mandated_specialist', schoolTimeOnly: true, outsiders: 'unset' });
		expect(Object.keys(r.undecided ?? {}).sort()).toEqual(['financing', 'groupOffer', 'outsiders']);
	});

	it('the Twente pilots in development: the seed’s municipalities, every policy choice open', () => {
		expect(PRESETS.almelo_pilot.participatingMunicipalities).toEqual(['0141']);
		expect(PRESETS.hellendoorn_elimschool.participatingMunicipalities).toEqual(['0163']);
		expect(PRESETS.oldenzaal_losser_dinkelland.participatingMunicipalities.map((c) => registry.resolve(c, 'x').name)).toEqual(['Oldenzaal', 'Losser', 'Dinkelland']);
		for (const id of ['almelo_pilot', 'hellendoorn_elimschool', 'oldenzaal_losser_dinkelland'] as PresetId[]) {
			expect(PRESETS[id].outsiders).toBe('unset');
			expect(Object.keys(PRESETS[id].undecided ?? {}).sort()).toEqual(['financing', 'groupOffer', 'homeHelp', 'outsiders']);
			for (const why of Object.values(PRESETS[id].undecided ?? {})) expect(why).toMatch(/^S4 §3\.[345]/);
		}
	});

	it('a choice made in the node is no longer open; an unchosen one stays open', () => {
		const p = buildPolicy('almelo_pilot', { outsiders: 'residents_only', groupOfferOpenToAll: false });
		expect(Object.keys(p.undecided ?? {}).sort()).toEqual(['financing', 'homeHelp']);
		const q = buildPolicy('almelo_pilot', { schoolTimeOnly: true, financingDecided: true });
		expect(Object.keys(q.undecided ?? {}).sort()).toEqual(['groupOffer', 'outsiders']);
		expect(Object.keys(PRESETS.almelo_pilot.undecided ?? {})).toHaveLength(4);
	});

	it.each(PRESET_IDS)('%s: every participating municipality is a CBS code of 2025, without duplicates', (id) => {
		const p = PRESETS[id];
		expect(p.id).toBe(id);
		expect(p.participatingMunicipalities.length).toBeGreaterThan(0);
		for (const code of p.participatingMunicipalities) {
			expect(code).toMatch(/^\d{4}$/);
			// Rotterdam's tender names Brielle (0501), merged since 2023: kept as the source names it (buildPolicy asks)
			expect(registry.has(code) || (id === 'rotterdam_oza' && code === '0501')).toBe(true);
		}
		expect(new Set(p.participatingMunicipalities).size).toBe(p.participatingMunicipalities.length);
		expect(p.seed).toMatch(/^S[0-4]/);
		expect(p.notes.length).toBeGreaterThan(20);
		if (p.financingMunicipality) expect(p.participatingMunicipalities).toContain(p.financingMunicipality);
		assertNoPersonalData(p, id);
	});

	it('Zuid-Limburg: the 13 municipalities of the toetsingskader, not Heerlen, Voerendaal, Landgraaf', () => {
		const zl = PRESETS.zuid_limburg.participatingMunicipalities;
		expect(zl).toHaveLength(13);
		for (const excluded of ['0917', '0986', '0882']) expect(zl).not.toContain(excluded);
		const names = zl.map((c) => registry.resolve(c, 'x').name).sort();
		expect(names).toEqual(
			['Beek (L.)', 'Beekdaelen', 'Brunssum', 'Eijsden-Margraten', 'Gulpen-Wittem', 'Kerkrade', 'Maastricht', 'Meerssen', 'Simpelveld', 'Sittard-Geleen', 'Stein (L.)', 'Vaals', 'Valkenburg aan de Geul'].sort(),
		);
	});

	it('names the seed-given lists and flags the public-knowledge defaults', () => {
		// The membership as the sources know it now (S4 §4.2.4: Diemen, Uithoorn and Ouder-Amstel from 1 January 2022)
		expect(PRESETS.amsterdam_sjso.participatingMunicipalities).toEqual(['0363', '0384', '0451', '0437']);
		expect(PRESETS.hengelo_borne_hvt.participatingMunicipalities).toEqual(['0164', '0147', '1735']);
		expect(PRESETS.enschede_oja.participatingMunicipalities).toEqual(['0153']);
		expect(PRESETS.almere_oja.participatingMunicipalities).toEqual(['0034']);
		expect(PRESETS.utrecht_zml.participatingMunicipalities).toEqual(['0344']);
		expect(PRESETS.holland_rijnland_s5.participatingMunicipalities).toHaveLength(13);
		expect(PRESETS.regio_utrecht_bovenregionaal.participatingMunicipalities).toHaveLength(16);
		for (const id of ['amersfoort_osj', 'holland_rijnland_s5', 'regio_utrecht_bovenregionaal'] as PresetId[]) {
			expect(PRESETS[id].municipalitiesToConfirm).toBe(true);
			expect(PRESETS[id].notes).toMatch(/confirm/);
		}
		for (const id of ['amsterdam_sjso', 'zuid_limburg', 'enschede_oja', 'hengelo_borne_hvt', 'almere_oja', 'utrecht_zml'] as PresetId[]) {
			expect(PRESETS[id].municipalitiesToConfirm).toBeFalsy();
		}
	});

	it('Holland Rijnland leaves the treatment of outsiders open', () => {
		expect(PRESETS.holland_rijnland_s5.outsiders).toBe('unset');
	});

	it('getPreset returns an editable copy; the shared preset stays unchanged', () => {
		const p = getPreset('zuid_limburg');
		p.participatingMunicipalities.push('0917');
		p.outsiders = 'covered';
		expect(PRESETS.zuid_limburg.participatingMunicipalities).not.toContain('0917');
		expect(PRESETS.zuid_limburg.outsiders).toBe('residents_only');
		expect(() => (PRESETS.zuid_limburg.participatingMunicipalities as string[]).push('0917')).toThrow();
	});

	it('getPreset rejects an unknown id with a hint', () => {
		expect(() => getPreset('rotterdam' as PresetId)).toThrow(/Unknown region policy preset/);
	});
});

/** Expected treatment per preset for a pupil living elsewhere (Ede, 0228 — in no preset). */
type ChoiceRequired = Exclude<PresetId, 'holland_rijnland_s5' | 'rotterdam_oza' | 'almelo_pilot' | 'hellendoorn_elimschool' | 'oldenzaal_losser_dinkelland'>;
const OUTSIDER_TABLE: Record<ChoiceRequired, Record<'group' | 'individual' | 'class', PupilTreatment>> = {
	amersfoort_osj: { group: 'refer_beschikking', individual: 'refer_beschikking', class: 'refer_beschikking' },
	enschede_oja: { group: 'covered', individual: 'refer_beschikking', class: 'refer_beschikking' },
	hengelo_borne_hvt: { group: 'covered', individual: 'refer_beschikking', class: 'settle' },
	almere_oja: { group: 'covered', individual: 'covered', class: 'covered' },
	amsterdam_sjso: { group: 'covered', individual: 'settle', class: 'settle' },
	utrecht_zml: { group: 'covered', individual: 'covered', class: 'covered' },
	zuid_limburg: { group: 'refer_beschikking', individual: 'refer_beschikking', class: 'refer_beschikking' },
	regio_utrecht_bovenregionaal: { group: 'covered', individual: 'covered', class: 'covered' },
};

describe('classifyPupil', () => {
	const OUTSIDE = '0228';
	for (const [id, row] of Object.entries(OUTSIDER_TABLE)) {
		for (const [arrangement, expected] of Object.entries(row)) {
			it(`${id}: a pupil from elsewhere, ${arrangement} help → ${expected}`, () => {
				const r = classifyPupil(PRESETS[id as PresetId], { residenceCode: OUTSIDE, arrangement: arrangement as 'group' });
				expect(r.treatment).toBe(expected);
				expect(r.seed).toBe(PRESETS[id as PresetId].seed);
				expect(r.ruleId).toMatch(/^POL-/);
				expect(r.reason.length).toBeGreaterThan(20);
				expect(r.reasonNl.length).toBeGreaterThan(20);
			});
		}
	}

	it.each(PRESET_IDS)('%s: a resident is always "resident", whatever the arrangement', (id) => {
		const home = PRESETS[id].participatingMunicipalities[0];
		for (const arrangement of ['group', 'individual', 'class'] as const) {
			expect(classifyPupil(PRESETS[id], { residenceCode: home, arrangement }).treatment).toBe('resident');
		}
		// code styles are accepted
		expect(classifyPupil(PRESETS[id], { residenceCode: 'GM' + home, arrangement: 'individual' }).ruleId).toBe('POL-RESIDENT');
	});

	it('Zuid-Limburg: a pupil from Heerlen needs an individual beschikking', () => {
		expect(classifyPupil(PRESETS.zuid_limburg, { residenceCode: '0917', arrangement: 'individual' }).treatment).toBe('refer_beschikking');
		expect(classifyPupil(PRESETS.zuid_limburg, { residenceCode: '0935', arrangement: 'individual' }).treatment).toBe('resident');
	});

	it('Holland Rijnland: an outsider is an error until the region chooses', () => {
		const hr = PRESETS.holland_rijnland_s5;
		expect(() => classifyPupil(hr, { residenceCode: '0228', arrangement: 'individual' })).toThrow(PolicyChoiceRequiredError);
		expect(() => classifyPupil(hr, { residenceCode: '0228', arrangement: 'individual' }, { outsiders: 'unset' })).toThrow(/bestuurlijke keuze/);
		// a resident needs no choice
		expect(classifyPupil(hr, { residenceCode: '0546', arrangement: 'individual' }).treatment).toBe('resident');
		expect(classifyPupil(hr, { residenceCode: '0228', arrangement: 'individual' }, { outsiders: 'prefinance_settle' }).treatment).toBe('settle');
		expect(classifyPupil(hr, { residenceCode: '0228', arrangement: 'individual' }, { outsiders: 'residents_only' }).treatment).toBe('refer_beschikking');
		expect(classifyPupil(hr, { residenceCode: '0228', arrangement: 'individual' }, { outsiders: 'covered' }).ruleId).toBe('POL-OUTSIDER-COVERED');
	});

	it.each(['rotterdam_oza', 'almelo_pilot', 'hellendoorn_elimschool', 'oldenzaal_losser_dinkelland'] as PresetId[])(
		'%s: an outsider is an error saying why (seed) and where to choose; with a choice, a group offer still needs one',
		(id) => {
			const p = buildPolicy(id, { mergedMembers: 'successor' });
			const seed = PRESETS[id].seed.replace('§', '\\§').replace('.', '\\.');
			expect(() => classifyPupil(p, { residenceCode: '0228', arrangement: 'individual' })).toThrow(new RegExp(`does not fix how pupils living outside the participating municipalities are treated \\(${seed}`));
			try {
				classifyPupil(p, { residenceCode: '0228', arrangement: 'individual' });
			} catch (e) {
				expect((e as PolicyChoiceRequiredError).hint).toMatch(/Pupils Living Elsewhere/);
				expect((e as PolicyChoiceRequiredError).field).toBe('outsiders');
			}
			const chosen = buildPolicy(id, { outsiders: 'prefinance_settle', mergedMembers: 'successor' });
			expect(classifyPupil(chosen, { residenceCode: '0228', arrangement: 'individual' }).treatment).toBe('settle');
			expect(() => classifyPupil(chosen, { residenceCode: '0228', arrangement: 'group' })).toThrow(/does not fix whether the group offer is open/);
			expect(classifyPupil(buildPolicy(id, { outsiders: 'prefinance_settle', groupOfferOpenToAll: true, mergedMembers: 'successor' }), { residenceCode: '0228', arrangement: 'group' }).treatment).toBe('covered');
			expect(classifyPupil(p, { residenceCode: PRESETS[id].participatingMunicipalities[0], arrangement: 'group' }).treatment).toBe('resident');
		},
	);

	it('the options override beats the policy', () => {
		expect(classifyPupil(PRESETS.almere_oja, { residenceCode: '0228', arrangement: 'individual' }, { outsiders: 'residents_only' }).treatment).toBe('refer_beschikking');
	});

	it('rejects a residence that is not a code, without echoing it', () => {
		let err: unknown;
		try {
			classifyPupil(PRESETS.almere_oja, { residenceCode: '111222333', arrangement: 'individual' });
		} catch (e) {
			err = e;
		}
		expect(err).toBeInstanceOf(Error);
		assertNoPersonalData((err as Error).message);
	});
});

describe('buildPolicy', () => {
	it('applies edits and resolves names to codes', () => {
		const p = buildPolicy('amsterdam_sjso', { participatingMunicipalities: ['Amsterdam', 'Diemen', 'Uithoorn', '437', 'GM0363'], designatedSchools: ['12ab', '34CD00'] });
		expect(p.participatingMunicipalities).toEqual(['0363', '0384', '0451', '0437']);
		expect(p.designatedSchools).toEqual(['12AB', '34CD00']);
		expect(p.outsiders).toBe('group_open_individual_settled');
	});
	it('rejects unknown municipalities and bad BRINs naming the field', () => {
		expect(() => buildPolicy('custom', { participatingMunicipalities: ['Atlantis'] })).toThrow(/participatingMunicipalities/);
		expect(() => buildPolicy('custom', { designatedSchools: ['XYZ'] })).toThrow(/designatedSchools/);
		expect(() => buildPolicy('custom', { outsiders: 'whatever' as never })).toThrow(/outsiders|elsewhere/);
	});
	it('custom starts empty and unset', () => {
		const p = buildPolicy('custom');
		expect(p).toMatchObject({ id: 'custom', participatingMunicipalities: [], designatedSchools: [], outsiders: 'unset' });
	});
});
