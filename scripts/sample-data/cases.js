#!/usr/bin/env node
/**
 * Generates sample-data/cases.xlsx and sample-data/cases.csv: ~40 synthetic cases over 4 fictional
 * schools, for the Deadline Monitor example workflow (workflows/deadline-alerts.json) and later the
 * evaluation workflow. Dates are relative to the reference date 2026-11-26, so on that date the
 * example shows overdue, due-soon, on-track and closed cases. Synthetic only: pseudonymous case
 * references, no names, no BSNs.
 *
 * Run: node scripts/sample-data/cases.js   (deterministic: same output every run)
 */
const fs = require('node:fs');
const path = require('node:path');
const ExcelJS = require('exceljs');

const REFERENCE = Date.UTC(2026, 10, 26); // 2026-11-26
const DAY = 86400000;
const iso = (offset) => (offset === null ? '' : new Date(REFERENCE + offset * DAY).toISOString().slice(0, 10));

const SCHOOLS = [
	{ school: 'Basisschool De Regenboog', brin: '12AB', zorgteam: 'Zorgteam De Regenboog', zorgteamEmail: 'zorgteam.regenboog@school.example', municipality: 'Amersfoort' },
	{ school: 'Het Baken College', brin: '23CD', zorgteam: 'Zorgteam Het Baken', zorgteamEmail: 'zorgteam.baken@school.example', municipality: 'Leusden' },
	{ school: 'SO De Wegwijzer', brin: '34EF', zorgteam: 'Zorgteam De Wegwijzer', zorgteamEmail: 'zorgteam.wegwijzer@school.example', municipality: 'Soest' },
	{ school: 'Kindcentrum Het Anker', brin: '45GH', zorgteam: 'Zorgteam Het Anker', zorgteamEmail: 'zorgteam.anker@school.example', municipality: 'Baarn' },
];
const MUNICIPALITIES = ['Amersfoort', 'Leusden', 'Soest', 'Baarn', 'Woudenberg', 'Bunschoten', 'Nijkerk', 'Utrecht'];

/**
 * Case templates: day offsets from the reference date (negative = before). Status on 2026-11-26
 * under the 8-week norm (calendar days, due-soon window 14 days) in the comment.
 */
const TEMPLATES = [
	{ zt: -70, start: null, offer: null, note: 'overdue' },
	{ zt: -90, start: null, offer: -30, note: 'overdue (offered, not started)' },
	{ zt: -50, start: null, offer: null, note: 'due soon (6 days left)' },
	{ zt: -56, start: null, offer: -5, note: 'due soon (deadline today)' },
	{ zt: -20, start: null, offer: null, note: 'on track' },
	{ zt: -5, start: null, offer: null, note: 'on track' },
	{ zt: -120, start: -80, offer: -85, note: 'met (40 days)' },
	{ zt: -100, start: -44, offer: -50, note: 'met (start on the deadline day)' },
	{ zt: -150, start: -80, offer: -100, note: 'met late (70 days)' },
	{ zt: -30, start: -30, offer: -30, note: 'met (same-day start)' },
];
/** Thuiszitter data on some cases: days at home since, and the start of a suitable offer. */
const THUISZITTERS = {
	0: { home: -100, started: null }, // longer than 3 months at home: overdue
	4: { home: -40, started: null }, // on track
	8: { home: -200, started: -120 }, // a suitable offer started within 3 months
};

function rows() {
	const out = [];
	let n = 1;
	SCHOOLS.forEach((s, si) => {
		TEMPLATES.forEach((t, ti) => {
			// school 4 has fewer cases (the last two templates are left out) to make groups differ in size
			if (si === 3 && ti >= 8) return;
			const shift = si === 0 || t.zt >= -7 ? 0 : si; // small per-school variation that keeps each status
			const keep = t.note.includes('deadline') || t.note.includes('same-day') || t.note.includes('6 days');
			const d = (v) => (v === null ? null : keep ? v : v - shift);
			const th = THUISZITTERS[ti];
			out.push({
				caseRef: `C-2026-${String(n++).padStart(4, '0')}`,
				school: s.school,
				brin: s.brin,
				zorgteam: s.zorgteam,
				zorgteamEmail: s.zorgteamEmail,
				zorgteamDate: iso(d(t.zt)),
				startDate: iso(d(t.start)),
				offerDate: iso(d(t.offer)),
				homeSince: th && si % 2 === 0 ? iso(th.home) : '',
				startedOfferDate: th && si % 2 === 0 ? iso(th.started) : '',
				residenceMunicipality: MUNICIPALITIES[(si * 3 + ti) % MUNICIPALITIES.length],
			});
		});
	});
	return out;
}

const COLUMNS = ['caseRef', 'school', 'brin', 'zorgteam', 'zorgteamEmail', 'zorgteamDate', 'startDate', 'offerDate', 'homeSince', 'startedOfferDate', 'residenceMunicipality'];
const DATE_COLUMNS = new Set(['zorgteamDate', 'startDate', 'offerDate', 'homeSince', 'startedOfferDate']);

async function main() {
	const outDir = path.resolve(__dirname, '..', '..', 'sample-data');
	const data = rows();

	const csv = [COLUMNS.join(','), ...data.map((r) => COLUMNS.map((c) => String(r[c]).replace(/[",\n]/g, ' ')).join(','))].join('\n') + '\n';
	fs.writeFileSync(path.join(outDir, 'cases.csv'), csv);

	const wb = new ExcelJS.Workbook();
	wb.creator = 'n8n-nodes-jeugdhulp-onderwijs sample data';
	// fixed timestamps keep the file byte-stable between runs
	wb.created = new Date(REFERENCE);
	wb.modified = new Date(REFERENCE);
	const ws = wb.addWorksheet('Casussen');
	ws.columns = COLUMNS.map((c) => ({ header: c, key: c, width: Math.max(12, c.length + 2) }));
	for (const r of data) {
		const row = {};
		for (const c of COLUMNS) {
			// dates as real Excel dates shown Dutch-style (dd-mm-yyyy), as regions' spreadsheets do
			row[c] = DATE_COLUMNS.has(c) && r[c] ? new Date(`${r[c]}T00:00:00Z`) : r[c] || null;
		}
		ws.addRow(row);
	}
	for (const c of DATE_COLUMNS) ws.getColumn(c).numFmt = 'dd-mm-yyyy';
	ws.getRow(1).font = { bold: true };
	await wb.xlsx.writeFile(path.join(outDir, 'cases.xlsx'));
	console.log(`wrote ${data.length} cases to sample-data/cases.xlsx and sample-data/cases.csv`);
}

main().catch((e) => {
	console.error(e);
	process.exit(1);
});
