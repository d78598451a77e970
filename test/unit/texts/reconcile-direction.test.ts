/**
 * The reconcile actions worded for the finance team that reads them (issue 24 §1, domain/settlement/text.ts): a
 * municipality that pre-finances and sent the invoices (Amsterdam for SJSO) is owed the money, so it is never told
 * to pay or to ask for an invoice; one that received them is. Sentences written out by hand.
 */
import { reconcileAction, reconcileDirectionText } from '../../../domain/settlement';

const STATUSES = ['matched', 'amount_differs', 'missing_invoice', 'unexpected_invoice', 'duplicate_invoice'] as const;

describe('reconcile actions per direction', () => {
	it('sent: what the pre-financing municipality sends or withdraws', () => {
		expect(STATUSES.map((s) => reconcileAction(s, 'nl', 'sent'))).toEqual([
			'Niets te doen.',
			'Stuur de gemeente een creditnota of een aanvullende factuur voor het verschil, of herstel de verrekening als die niet klopt.',
			'Stuur de gemeente de factuur voor het verwachte bedrag.',
			'Ga na of deze factuur bij de verrekening hoort; zo niet, trek haar in met een creditnota.',
			'Trek de dubbele factuur in met een creditnota en laat de gemeente weten dat zij het bedrag één keer betaalt.',
		]);
		expect(reconcileAction('missing_invoice', 'en', 'sent')).toBe('Send the municipality the invoice for the expected amount.');
		for (const s of STATUSES) {
			expect(reconcileAction(s, 'nl', 'sent')).not.toMatch(/^Betaal|Vraag de gemeente om/);
			expect(reconcileAction(s, 'en', 'sent')).not.toMatch(/^Pay|Ask the municipality for the invoice/);
		}
	});

	it('received (the default, as before the option): what the paying municipality asks for or pays', () => {
		expect(reconcileAction('missing_invoice', 'nl')).toBe('Vraag de gemeente om de factuur.');
		expect(reconcileAction('duplicate_invoice', 'nl', 'received')).toBe('Betaal de factuur één keer en vraag de gemeente de dubbele in te trekken.');
	});

	it('says which invoices were checked and who owes whom', () => {
		expect(reconcileDirectionText('sent', 'nl')).toBe('Gecontroleerd zijn de facturen die wij als voorfinancierende gemeente aan de woongemeenten hebben gestuurd: wij krijgen deze bedragen van hen.');
		expect(reconcileDirectionText('received', 'nl')).toBe('Gecontroleerd zijn de facturen die wij van andere gemeenten hebben ontvangen: wij betalen deze bedragen aan hen.');
		expect(reconcileDirectionText('sent', 'en')).toMatch(/^Checked: the invoices we sent/);
	});
});
