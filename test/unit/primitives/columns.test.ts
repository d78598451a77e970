import { defaultColumnNames, resolveColumnNames, type ExpectedColumn } from '../../../domain/primitives/columns';
import { DEADLINE_COLUMNS, DEFAULT_DEADLINE_COLUMNS } from '../../../domain/deadlines';
import { DEFAULT_DELIVERY_FIELDS, DEFAULT_INVOICE_COLUMNS, DELIVERY_COLUMNS, INVOICE_COLUMNS } from '../../../domain/settlement';
import { DEFAULT_FIELD_NAMES, REQUEST_FIELDS, TRIAGE_COLUMNS } from '../../../domain/triage';

const columns: Array<ExpectedColumn<'a' | 'b'>> = [
	{ key: 'a', label: 'A', defaultName: 'colA', meaning: 'the a', required: true },
	{ key: 'b', label: 'B', defaultName: 'colB', meaning: 'the b', required: false },
];

describe('expected columns', () => {
	it('fall back to the default for missing, blank or non-text values; trim unless told not to', () => {
		expect(defaultColumnNames(columns)).toEqual({ a: 'colA', b: 'colB' });
		expect(resolveColumnNames(columns, { a: ' Kolom A ', b: '  ', c: 'ignored' })).toEqual({ a: 'Kolom A', b: 'colB' });
		expect(resolveColumnNames(columns, { a: 7, b: null })).toEqual({ a: 'colA', b: 'colB' });
		expect(resolveColumnNames(columns, undefined)).toEqual({ a: 'colA', b: 'colB' });
	});

	it.each([
		['deadlines', DEADLINE_COLUMNS],
		['triage', TRIAGE_COLUMNS],
		['delivery records', DELIVERY_COLUMNS],
		['invoices', INVOICE_COLUMNS],
	] as const)('%s: every column has a unique key and name, a label and a meaning', (_name, list) => {
		expect(new Set(list.map((c) => c.key)).size).toBe(list.length);
		expect(new Set(list.map((c) => c.defaultName)).size).toBe(list.length);
		for (const c of list) {
			expect(c.label.length).toBeGreaterThan(1);
			expect(c.meaning.length).toBeGreaterThan(15);
		}
		expect(list.some((c) => c.required)).toBe(true);
	});

	it('the core reads with the defaults of the one list (no second copy)', () => {
		expect(DEFAULT_FIELD_NAMES).toEqual(defaultColumnNames(TRIAGE_COLUMNS));
		expect(TRIAGE_COLUMNS.map((c) => c.key).sort()).toEqual([...REQUEST_FIELDS].sort());
		expect(DEFAULT_DELIVERY_FIELDS).toEqual(defaultColumnNames(DELIVERY_COLUMNS));
		expect(DEFAULT_INVOICE_COLUMNS).toEqual({ invoiceNumber: 'factuurnummer', municipality: 'gemeente', period: 'periode', amount: 'bedrag' });
		expect(DEFAULT_DEADLINE_COLUMNS).toMatchObject({ caseRef: 'caseRef', zorgteamDate: 'zorgteamDate', recipientEmail: 'zorgteamEmail' });
	});
});
