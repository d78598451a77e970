import { getDefaultRegistry } from '../../../domain/municipalities';
import { DEFAULT_FIELD_NAMES, parseDecision, parseNeeds, parseRequest, parseRisk, parseYesNo, type RequestField } from '../../../domain/triage';
import { DomainError } from '../../../domain/primitives/errors';
import { assertNoPersonalData, SYNTHETIC_BSNS } from '../../helpers/privacy';

const registry = getDefaultRegistry();
const names = { ...DEFAULT_FIELD_NAMES, bsn: 'BSN leerling', residence: 'Woonplaats', zorgteamDate: 'Datum zorgteam', school: 'BRIN' };
const parse = (raw: Partial<Record<RequestField, unknown>>) => parseRequest((f) => raw[f], names, registry);

function errorOf(fn: () => unknown): DomainError {
	try {
		fn();
	} catch (e) {
		expect(e).toBeInstanceOf(DomainError);
		return e as DomainError;
	}
	throw new Error('expected an error');
}

describe('parseRequest', () => {
	it('reads Dutch values, names and codes', () => {
		const r = parse({
			school: '12ab', residence: 'Amersfoort', needs: 'Gedrag; opvoeding, leren', riskLevel: 'Rood', zorgteamDecision: 'ja',
			zorgteamDate: '2-3-2026', oppPresent: 'nee', helpAtHome: 'Ja', parentalConsent: true, bsn: '11122 2333', inResidentialCare: '',
		});
		expect(r).toMatchObject({ school: '12AB', residence: '0307', needs: ['behaviour', 'upbringing', 'learning'], riskLevel: 'red', zorgteamDecision: 'help', oppPresent: false, helpAtHome: true, parentalConsent: true, bsn: '111222333' });
		expect(r.inResidentialCare).toBeUndefined();
	});

	it('blank values are "not filled in", not errors', () => {
		const r = parse({ school: ' ', residence: null, needs: [], riskLevel: '', zorgteamDecision: undefined });
		expect(r).toMatchObject({ school: undefined, residence: undefined, needs: undefined, riskLevel: undefined, zorgteamDecision: 'none' });
	});

	it.each([
		['an unknown municipality', { residence: 'Atlantis' }, 'Woonplaats', 'unknown_municipality'],
		['a malformed date', { zorgteamDate: '31-02-2026' }, 'Datum zorgteam', 'invalid_date'],
		['a BSN failing the elfproef', { bsn: '111222334' }, 'BSN leerling', 'invalid_bsn'],
		['a malformed BRIN', { school: 'Het Kompas' }, 'BRIN', 'invalid_brin'],
		['an unknown risk level', { riskLevel: 'paars' }, 'riskLevel', 'invalid_risk_level'],
		['an unknown need', { needs: 'gedrag, autisme' }, 'needs', 'invalid_needs'],
		['an unreadable yes/no', { oppPresent: 'misschien' }, 'oppPresent', 'invalid_yes_no'],
		['an unknown zorgteam decision', { zorgteamDecision: 'later misschien' }, 'zorgteamDecision', 'invalid_zorgteam_decision'],
		['a bad e-mail', { accessContactEmail: 'not-an-address' }, 'accessContactEmail', 'invalid_email'],
	])('%s is an error naming the field', (_what, raw, field, code) => {
		const e = errorOf(() => parse(raw));
		expect(e.code).toBe(code);
		expect(e.field).toBe(field);
		expect(e.message).toContain(`"${field}"`);
		expect(e.hint).toBeTruthy();
		assertNoPersonalData(e.message + ' ' + e.hint);
	});

	it('never echoes a BSN, a need label or an unknown free text', () => {
		for (const bsn of SYNTHETIC_BSNS) {
			const wrong = bsn.slice(0, 8) + ((Number(bsn[8]) + 1) % 10);
			const e = errorOf(() => parse({ bsn: wrong }));
			expect(e.message).not.toContain(wrong);
			expect(e.message).not.toContain(wrong.slice(0, 6));
		}
		expect(errorOf(() => parse({ needs: 'autisme' })).message).not.toMatch(/autisme/);
		expect(errorOf(() => parse({ riskLevel: 'Noor Testkind' })).message).not.toMatch(/Testkind/);
	});
});

describe('value readers', () => {
	it('yes/no', () => {
		expect(parseYesNo('JA', 'f')).toBe(true);
		expect(parseYesNo('x', 'f')).toBe(true);
		expect(parseYesNo(0, 'f')).toBe(false);
		expect(parseYesNo(['Ja'], 'f')).toBe(true);
		expect(parseYesNo('', 'f')).toBeUndefined();
	});
	it('needs: English, Dutch, de-duplicated', () => {
		expect(parseNeeds(['GGZ', 'psychisch', 'LVB'], 'f')).toEqual(['mental_health', 'disability']);
		expect(parseNeeds('Zorg in onderwijstijd', 'f')).toEqual(['nursing_care']);
		expect(parseNeeds('mental_health, nursing_care', 'f')).toEqual(['mental_health', 'nursing_care']);
	});
	it('risk and decision', () => {
		expect(parseRisk('Geel', 'f')).toBe('yellow');
		expect(parseDecision('Geen hulp', 'f')).toBe('no_help');
		expect(parseDecision(true, 'f')).toBe('help');
		expect(parseDecision('nog niet', 'f')).toBe('none');
	});
});
