import fc from 'fast-check';

import { parsePeriod, reconcileInvoices, type ExpectedAmount, type Invoice } from '../../../domain/settlement';
import { assertNoPersonalData } from '../../helpers/privacy';

const q1 = parsePeriod('2026-Q1', 'p');
const q1b = parsePeriod('Q1 2026', 'p');
const exp = (code: string, cents: number, index: number): ExpectedAmount => ({ municipalityCode: code, municipalityName: `G${code}`, period: q1, amountCents: cents, index });
const inv = (code: string, cents: number, number: string, index: number, period = q1b): Invoice => ({ municipalityCode: code, municipalityName: `G${code}`, period, amountCents: cents, invoiceNumber: number, index });

describe('reconcileInvoices', () => {
	it('classifies matched, amount differs, missing, unexpected and duplicate invoices', () => {
		const { lines, summary } = reconcileInvoices(
			[exp('0344', 128_571, 0), exp('0437', 64_286, 1), exp('0362', 50_000, 2), exp('0200', 0, 3)],
			[
				inv('0344', 128_571, 'F-2026-001', 4), // matched exactly
				inv('0437', 64_000, 'F-2026-002', 5), // differs by -2,86
				inv('0518', 10_000, 'F-2026-003', 6), // unexpected
				inv('0344', 128_571, 'f-2026-001', 7), // duplicate of 4 (same municipality and number)
			],
			100,
		);
		expect(lines.map((l) => [l.status, l.municipalityCode, l.expectedCents, l.invoicedCents, l.differenceCents])).toEqual([
			['matched', '0200', 0, null, 0], // nothing expected, nothing invoiced
			['matched', '0344', 128_571, 128_571, 0],
			['duplicate_invoice', '0344', null, 128_571, null],
			['missing_invoice', '0362', 50_000, null, -50_000],
			['amount_differs', '0437', 64_286, 64_000, -286],
			['unexpected_invoice', '0518', null, 10_000, 10_000],
		]);
		expect(summary).toMatchObject({ statements: 4, invoices: 4, matched: 2, amountDiffers: 1, missingInvoice: 1, unexpectedInvoice: 1, duplicateInvoice: 1, toleranceCents: 100 });
		expect(lines[4].message).toBe('Bedrag wijkt af: gefactureerd € 640,00, verwacht € 642,86, verschil -€ 2,86.');
		expect(lines[4].indexes).toEqual([1, 5]);
		assertNoPersonalData(lines);
	});

	it('a match against a provisional statement says it is not final (issue 11 §4)', () => {
		const { lines, summary } = reconcileInvoices([{ ...exp('0392', 20_000, 0), provisional: true }, exp('0479', 5_000, 1)], [inv('0392', 20_000, 'F-1', 2), inv('0479', 5_000, 'F-2', 3)], 0);
		expect(lines.map((l) => [l.municipalityCode, l.status, l.provisional])).toEqual([
			['0392', 'matched', true],
			['0479', 'matched', false],
		]);
		expect(lines[0].message).toBe('Akkoord: gefactureerd € 200,00, verwacht € 200,00. Let op: het verwachte bedrag komt uit een voorlopige berekening (verdeelbasis onvolledig) en is niet definitief.');
		expect(lines[1].message).toBe('Akkoord: gefactureerd € 50,00, verwacht € 50,00.');
		expect(summary.provisionalStatements).toBe(1);
	});

	it('a difference within the tolerance matches, one cent more does not', () => {
		expect(reconcileInvoices([exp('0344', 10_000, 0)], [inv('0344', 10_100, 'A', 1)], 100).lines[0].status).toBe('matched');
		expect(reconcileInvoices([exp('0344', 10_000, 0)], [inv('0344', 10_101, 'A', 1)], 100).lines[0].status).toBe('amount_differs');
		expect(reconcileInvoices([exp('0344', 10_000, 0)], [inv('0344', 9_900, 'A', 1)], 100).lines[0].status).toBe('matched');
		expect(reconcileInvoices([exp('0344', 10_000, 0)], [inv('0344', 9_999, 'A', 1)], 0).lines[0].status).toBe('amount_differs');
	});

	it('adds up part invoices with different numbers', () => {
		const { lines } = reconcileInvoices([exp('0344', 10_000, 0)], [inv('0344', 6_000, 'A', 1), inv('0344', 4_000, 'B', 2)], 0);
		expect(lines).toHaveLength(1);
		expect(lines[0]).toMatchObject({ status: 'matched', invoicedCents: 10_000, invoiceNumbers: ['A', 'B'] });
	});

	it('an invoice for another period is unexpected and leaves the expected amount missing', () => {
		const { lines } = reconcileInvoices([exp('0344', 10_000, 0)], [inv('0344', 10_000, 'A', 1, parsePeriod('2026-Q2', 'p'))], 0);
		expect(lines.map((l) => [l.status, l.period])).toEqual([
			['missing_invoice', '2026-Q1'],
			['unexpected_invoice', '2026-Q2'],
		]);
	});

	it('writes English messages when asked', () => {
		const { lines } = reconcileInvoices([exp('0344', 10_000, 0)], [], 0, 'en');
		expect(lines[0].message).toBe('Missing invoice: expected €100.00 for G0344 in 2026-Q1.');
	});

	it('accounts for every statement and invoice, whatever the order (property)', () => {
		const arb = fc.record({
			expected: fc.uniqueArray(fc.record({ code: fc.constantFrom('0344', '0437', '0362', '0200', '0518'), cents: fc.integer({ min: 0, max: 1_000_000 }) }), { selector: (e) => e.code }),
			invoices: fc.array(fc.record({ code: fc.constantFrom('0344', '0437', '0362', '0200', '0518', '0307'), cents: fc.integer({ min: -10_000, max: 1_000_000 }), number: fc.constantFrom('A', 'B', 'C', 'D') })),
			tolerance: fc.integer({ min: 0, max: 500 }),
		});
		fc.assert(
			fc.property(arb, ({ expected, invoices, tolerance }) => {
				const e = expected.map((x, i) => exp(x.code, x.cents, i));
				const v = invoices.map((x, i) => inv(x.code, x.cents, x.number, expected.length + i));
				const a = reconcileInvoices(e, v, tolerance);
				const b = reconcileInvoices([...e].reverse(), [...v].reverse(), tolerance);
				expect(b).toEqual(a);
				const used = a.lines.flatMap((l) => l.indexes).sort((x, y) => x - y);
				expect(used).toEqual([...e.map((x) => x.index), ...v.map((x) => x.index)].sort((x, y) => x - y));
				for (const l of a.lines) {
					if (l.status === 'matched' && l.differenceCents !== null) expect(Math.abs(l.differenceCents)).toBeLessThanOrEqual(tolerance);
					if (l.status === 'amount_differs') expect(Math.abs(l.differenceCents!)).toBeGreaterThan(tolerance);
				}
			}),
		);
	});
});
