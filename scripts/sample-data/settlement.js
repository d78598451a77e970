#!/usr/bin/env node
/**
 * Generates the synthetic sample data of the Cross-Region Settlement example workflows:
 * - sample-data/deliveries.xlsx + .csv: delivery records of SJSO (Amsterdam/Diemen, S4 §4.2) in 2026-Q3,
 *   30 pupils, some with several records; no names, no BSNs (pupil references like LL-0001).
 * - sample-data/invoices.xlsx + .csv: invoices Amsterdam sent for 2026-Q3, with deliberate problems
 *   (one amount differs, one missing, one unexpected, one duplicate).
 * - sample-data/finance-contacts.csv: the finance contact (e-mail) per municipality (fictitious addresses).
 *
 * With the workflow's settings (function financing, 3 fte × € 92.000 × 3/12 = € 69.000,00, allocated by
 * pupils: 30 pupils, € 2.300,00 each) the statements are: Amstelveen 4 pupils € 9.200,00, Ouder-Amstel 3
 * € 6.900,00, Haarlemmermeer 2 € 4.600,00, Zaanstad 2 € 4.600,00, own share Amsterdam 19 € 43.700,00.
 *
 * Run: node scripts/sample-data/settlement.js   (deterministic: same output every run)
 */
const fs = require('node:fs');
const path = require('node:path');
const ExcelJS = require('exceljs');

const OUT = path.join(__dirname, '..', '..', 'sample-data');
const SCHOOLS = ['SO De Kompas (11AA)', 'VSO Het Baken (22BB)', 'SBO De Brug (33CC)'];
const MONTHS = ['2026-07', '2026-08', '2026-09'];

// [municipality as the spreadsheet writes it, pupils, arrangement]
const GROUPS = [
	['Amsterdam', 8, 'individueel'],
	['0363', 4, 'groep'],
	['Diemen', 3, 'individueel'],
	['Amstelveen', 4, 'individueel'],
	['Amstelveen', 1, 'groep'],
	['Ouder-Amstel', 3, 'extra ondersteuning'],
	['Haarlemmermeer', 2, 'individueel'],
	['Haarlemmermeer', 1, 'groepsaanbod'],
	['GM0479', 2, 'individueel'], // Zaanstad, written as a CBS StatLine code
	['Purmerend', 2, 'groep'],
];

function deliveries() {
	const rows = [];
	let n = 0;
	for (const [municipality, count, arrangement] of GROUPS) {
		for (let i = 0; i < count; i++) {
			n++;
			const pupil = `LL-${String(n).padStart(4, '0')}`;
			const school = SCHOOLS[n % SCHOOLS.length];
			// every third pupil has records in two months
			const months = n % 3 === 0 ? [MONTHS[n % 3], MONTHS[(n + 1) % 3]] : [MONTHS[n % 3]];
			for (const month of months) {
				rows.push({ leerling: pupil, school, woongemeente: municipality, periode: month, arrangement, uren: (n % 4) + 2 + (month === MONTHS[1] ? 0.5 : 0) });
			}
		}
	}
	return rows;
}

const INVOICES = [
	{ factuurnummer: 'VF-2026-Q3-001', gemeente: 'Amstelveen', periode: '2026-Q3', bedrag: '9.200,00' },
	{ factuurnummer: 'VF-2026-Q3-002', gemeente: 'Ouder-Amstel', periode: '2026-Q3', bedrag: '6.850,00' }, // € 50,00 short
	// Haarlemmermeer: no invoice sent (missing)
	{ factuurnummer: 'VF-2026-Q3-004', gemeente: 'Zaanstad', periode: 'Q3 2026', bedrag: '€ 4.600,00' },
	{ factuurnummer: 'VF-2026-Q3-004', gemeente: 'Zaanstad', periode: 'Q3 2026', bedrag: '€ 4.600,00' }, // duplicate
	{ factuurnummer: 'VF-2026-Q3-005', gemeente: 'Velsen', periode: '2026-Q3', bedrag: '1.000,00' }, // unexpected
];

const CONTACTS = [
	{ gemeentecode: '0363', gemeente: 'Amsterdam', email: 'financien.jeugd@amsterdam.example' },
	{ gemeentecode: '0362', gemeente: 'Amstelveen', email: 'financien.jeugd@amstelveen.example' },
	{ gemeentecode: '0437', gemeente: 'Ouder-Amstel', email: 'financien.jeugd@ouder-amstel.example' },
	{ gemeentecode: '0394', gemeente: 'Haarlemmermeer', email: 'financien.jeugd@haarlemmermeer.example' },
	{ gemeentecode: '0479', gemeente: 'Zaanstad', email: 'financien.jeugd@zaanstad.example' },
	{ gemeentecode: '0384', gemeente: 'Diemen', email: 'financien.jeugd@diemen.example' },
];

function csv(rows) {
	const cols = Object.keys(rows[0]);
	const cell = (v) => {
		const s = String(v);
		return /[",;\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
	};
	return [cols.join(','), ...rows.map((r) => cols.map((c) => cell(r[c] ?? '')).join(','))].join('\n') + '\n';
}

async function xlsx(rows, sheet, file) {
	const wb = new ExcelJS.Workbook();
	wb.creator = 'n8n-nodes-jeugdhulp-onderwijs sample data';
	wb.created = new Date(Date.UTC(2026, 9, 1));
	wb.modified = wb.created;
	const ws = wb.addWorksheet(sheet);
	const cols = Object.keys(rows[0]);
	ws.columns = cols.map((c) => ({ header: c, key: c, width: 22 }));
	for (const r of rows) ws.addRow(r);
	await wb.xlsx.writeFile(file);
}

async function main() {
	fs.mkdirSync(OUT, { recursive: true });
	const d = deliveries();
	fs.writeFileSync(path.join(OUT, 'deliveries.csv'), csv(d));
	await xlsx(d, 'leveringen', path.join(OUT, 'deliveries.xlsx'));
	fs.writeFileSync(path.join(OUT, 'invoices.csv'), csv(INVOICES));
	await xlsx(INVOICES, 'facturen', path.join(OUT, 'invoices.xlsx'));
	fs.writeFileSync(path.join(OUT, 'finance-contacts.csv'), csv(CONTACTS));
	console.log(`deliveries: ${d.length} records; invoices: ${INVOICES.length}; contacts: ${CONTACTS.length}`);
}

main().catch((e) => {
	console.error(e);
	process.exit(1);
});
