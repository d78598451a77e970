'use strict';
/**
 * Synthetic data at a large region's scale for `npm run bench:workflows` (issue 27 §2), relative to a
 * reference day D, deterministic (a seeded generator: the same D and sizes give the same bytes):
 *
 *   cases(D, { cases, schools, region })  open cases of the weekly alert (workflows/deadline-alerts.json): the
 *                                          example's Dutch headers (sample-data/cases.js HEADERS), spread
 *                                          evenly over `schools` fictional schools, one zorgteam each; no
 *                                          start date (open), zorgteam dates 1–100 days before D, so on D
 *                                          about 45 % are overdue, 14 % due soon and the rest on track
 *   deliveries(D, { records, perPupil })   delivery records of the quarterly settlement
 *                                          (workflows/settlement-quarterly.json): pupils shaped as the sample
 *                                          generator's 30 (sample-data/settlement.js), `perPupil` records each,
 *                                          in the quarter settled on D
 *
 * Pseudonymous references only (B-…, LL-…): no names, no BSNs. Written as xlsx (the examples' format,
 * through the sample generator's writeXlsx) and CSV (the recipe's).
 */
const path = require('node:path');
const { COLUMNS, DATE_COLUMNS, HEADERS } = require('../sample-data/cases');
const { deliveryRows } = require('../sample-data/settlement');
const { addDays, previousQuarter } = require('../sample-data/days');
const { writeXlsx, toCsv } = require('../sample-data/generate');

/** Small seeded generator (mulberry32): deterministic, no dependency. */
function random(seed) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const MUNICIPALITIES = ['Amersfoort', 'Leusden', 'Soest', 'Baarn', 'Woudenberg', 'Bunschoten', 'Nijkerk', 'Utrecht'];

/** School `i` (0-based) of region `region` (1-based; 0 = the single large region): name, a valid BRIN, zorgteam, address. */
function school(i, region) {
	const n = String(i + 1).padStart(3, '0');
	const tag = region ? `r${region}-` : '';
	const letters = String.fromCharCode(65 + (Math.floor(i / 100) % 26)) + String.fromCharCode(65 + ((Math.floor(i / 2600) + region) % 26));
	return {
		school: `School ${tag}${n}`,
		brin: `${String(i % 100).padStart(2, '0')}${letters}`,
		zorgteam: `Zorgteam ${tag}${n}`,
		zorgteamEmail: `zorgteam.${tag}s${n}@school.example`,
	};
}

/** The open cases for day `date`, as spreadsheet rows under the example's headers. */
function cases(date, { cases: count, schools, region = 0 }) {
	const rnd = random(20270000 + count + schools * 7 + region * 1009);
	const sch = Array.from({ length: schools }, (_, i) => school(i, region));
	const rows = new Array(count);
	const prefix = region ? `B${region}` : 'B';
	for (let k = 0; k < count; k++) {
		const s = sch[k % schools];
		const zt = -1 - Math.floor(rnd() * 100);
		const offered = rnd() < 0.2 ? addDays(date, Math.min(-1, zt + 30)) : '';
		const c = {
			caseRef: `${prefix}-${String(k + 1).padStart(6, '0')}`,
			...s,
			zorgteamDate: addDays(date, zt),
			startDate: '',
			offerDate: offered,
			homeSince: '',
			startedOfferDate: '',
			residenceMunicipality: MUNICIPALITIES[Math.floor(rnd() * MUNICIPALITIES.length)],
		};
		rows[k] = Object.fromEntries(COLUMNS.map((key) => [HEADERS[key], c[key]]));
	}
	return rows;
}

/**
 * `records` delivery records for the quarter settled on `date`, `perPupil` per pupil (default 12: about one a
 * week, spread over the quarter's three months, as a care provider's weekly registration gives). Pupil k
 * takes school, home municipality and arrangement of the sample's pupil k mod 30, so the statements have the
 * sample's shape (Amstelveen, Aalsmeer, Haarlemmermeer and Zaanstad pay; the rest is Amsterdam's own share).
 */
function deliveries(date, { records, perPupil = 12 }) {
	const base = [];
	for (const r of deliveryRows(date)) if (!base.some((b) => b.leerling === r.leerling)) base.push(r);
	const { months } = previousQuarter(date);
	const rows = new Array(records);
	for (let k = 0; k < records; k++) {
		const pupil = Math.floor(k / perPupil);
		const j = k % perPupil;
		const r = base[pupil % base.length];
		rows[k] = { ...r, leerling: `LL-${String(pupil + 1).padStart(6, '0')}`, periode: months[j % 3], uren: 1 + ((pupil + j) % 4) * 0.5 };
	}
	return rows;
}

/** Write `rows` as `<dir>/<name>.xlsx` and `<dir>/<name>.csv`; returns the two paths. */
async function writeBoth(dir, name, sheet, rows, date, dateColumns = []) {
	const columns = Object.keys(rows[0]);
	const fs = require('node:fs');
	const csv = path.join(dir, `${name}.csv`);
	const xlsx = path.join(dir, `${name}.xlsx`);
	fs.writeFileSync(csv, toCsv(columns, rows));
	await writeXlsx(xlsx, sheet, columns, rows, date, dateColumns);
	return { csv, xlsx };
}

const CASE_DATE_HEADERS = DATE_COLUMNS.map((k) => HEADERS[k]);

module.exports = { cases, deliveries, writeBoth, school, CASE_DATE_HEADERS };
