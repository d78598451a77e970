import { assertNoPersonalData, findBsnLike, findPupilNames, SYNTHETIC_BSNS } from '../helpers/privacy';

describe('privacy guard (test helper)', () => {
	it('finds valid BSNs however they are written', () => {
		expect(findBsnLike('bsn 111222333 in text')).toEqual(['111222333']);
		expect(findBsnLike('"bsn":"123456782"')).toEqual(['123456782']);
		expect(findBsnLike('111 222 333')).toEqual(['111 222 333']);
		expect(findBsnLike('1112.22.333')).toEqual(['1112.22.333']);
		expect(findBsnLike('12345672')).toEqual(['12345672']); // 012345672 with the zero dropped
		for (const bsn of SYNTHETIC_BSNS) expect(() => assertNoPersonalData({ nested: [{ v: bsn }] })).toThrow(/BSN-like/);
	});

	it('ignores numbers that fail the elfproef, dates, timestamps and amounts', () => {
		expect(findBsnLike('123456789')).toEqual([]);
		expect(findBsnLike('2026-03-01 and 01-03-2026 and 2026-03-01T23:30:00.000Z')).toEqual([]);
		expect(findBsnLike('€ 1.234.567,89 and 1795708266068')).toEqual([]);
		expect(() => assertNoPersonalData({ date: '2026-03-01', amount: 123456789 })).not.toThrow();
	});

	it('finds synthetic pupil names, full or by surname, in any case', () => {
		expect(findPupilNames('Leerling NOOR TESTKIND is besproken')).toEqual(['Noor Testkind', 'Testkind']);
		expect(findPupilNames('dossier van testkind')).toEqual(['Testkind']);
		expect(findPupilNames('Noor heeft een voorbeeld')).toEqual([]);
		expect(() => assertNoPersonalData('Beste zorgteam, Daan Proefleerling ...')).toThrow(/Proefleerling/);
	});
});
