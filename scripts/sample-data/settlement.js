'use strict';
/**
 * The synthetic data of the Cross-Region Settlement examples (workflows/settlement-quarterly.json,
 * workflows/settlement-reconcile.json) for a day D: delivery records of SJSO (Amsterdam and Diemen,
 * seed S4 §4.2) in the quarter those workflows settle on D (the previous quarter, see
 * `previousQuarter`), and the invoices Amsterdam sent for that quarter, with deliberate problems.
 * 30 pupils, some with records in two months; no names, no BSNs (pupil references like LL-0001).
 *
 * With the workflows' settings (function financing, 3 fte × € 92.000 × 3/12 = € 69.000,00, allocated by
 * pupils: 30 pupils, € 2.300,00 each) the statements are, in every quarter: Amstelveen 4 pupils
 * € 9.200,00, Aalsmeer 3 € 6.900,00, Haarlemmermeer 2 € 4.600,00, Zaanstad 2 € 4.600,00, own share
 * Amsterdam 19 € 43.700,00 (checked in test/unit/settlement/sample-data.test.ts for many days).
 */
const { previousQuarter } = require('./days');

const SCHOOLS = ['SO De Kompas (11AA)', 'VSO Het Baken (22BB)', 'SBO De Brug (33CC)'];

// [municipality as the spreadsheet writes it, pupils, arrangement]
const GROUPS = [
	['Amsterdam', 8, 'individueel'],
	['0363', 4, 'groep'],
	['Diemen', 3, 'individueel'],
	['Amstelveen', 4, 'individueel'],
	['Amstelveen', 1, 'groep'],
	// Aalsmeer: not in the SJSO region (Diemen, Uithoorn and Ouder-Amstel are, from 2022: S4 §4.2.4)
	['Aalsmeer', 3, 'extra ondersteuning'],
	['Haarlemmermeer', 2, 'individueel'],
	['Haarlemmermeer', 1, 'groepsaanbod'],
	['GM0479', 2, 'individueel'], // Zaanstad, written as a CBS StatLine code
	['Purmerend', 2, 'groep'],
];

/** Delivery records for the quarter settled on `date`: { leerling, school, woongemeente, periode (YYYY-MM), arrangement, uren }. */
function deliveryRows(date) {
	const { months } = previousQuarter(date);
	const rows = [];
	let n = 0;
	for (const [municipality, count, arrangement] of GROUPS) {
		for (let i = 0; i < count; i++) {
			n++;
			const pupil = `LL-${String(n).padStart(4, '0')}`;
			const school = SCHOOLS[n % SCHOOLS.length];
			// every third pupil has records in two months
			const inMonths = n % 3 === 0 ? [months[n % 3], months[(n + 1) % 3]] : [months[n % 3]];
			for (const month of inMonths) {
				rows.push({ leerling: pupil, school, woongemeente: municipality, periode: month, arrangement, uren: (n % 4) + 2 + (month === months[1] ? 0.5 : 0) });
			}
		}
	}
	return rows;
}

/**
 * The invoices Amsterdam sent for the quarter settled on `date`, as its finance system exports them:
 * Amstelveen right; Aalsmeer € 50,00 short; Haarlemmermeer missing; Zaanstad twice (the period
 * written "Q3 2026"); Velsen unexpected. { factuurnummer, gemeente, periode, bedrag (Dutch text) }.
 */
function invoiceRows(date) {
	const q = previousQuarter(date);
	const nr = (k) => `VF-${q.year}-Q${q.quarter}-00${k}`;
	const spoken = `Q${q.quarter} ${q.year}`;
	return [
		{ factuurnummer: nr(1), gemeente: 'Amstelveen', periode: q.label, bedrag: '9.200,00' },
		{ factuurnummer: nr(2), gemeente: 'Aalsmeer', periode: q.label, bedrag: '6.850,00' }, // € 50,00 short
		// Haarlemmermeer: no invoice sent (missing)
		{ factuurnummer: nr(4), gemeente: 'Zaanstad', periode: spoken, bedrag: '€ 4.600,00' },
		{ factuurnummer: nr(4), gemeente: 'Zaanstad', periode: spoken, bedrag: '€ 4.600,00' }, // duplicate
		{ factuurnummer: nr(5), gemeente: 'Velsen', periode: q.label, bedrag: '1.000,00' }, // unexpected
	];
}

module.exports = { deliveryRows, invoiceRows };
