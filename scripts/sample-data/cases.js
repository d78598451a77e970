'use strict';
/**
 * The synthetic cases of the weekly alert (workflows/deadline-alerts.json) and the semiannual evaluation
 * (workflows/evaluation-semiannual.json), relative to a day D: on D itself the Deadline Monitor, as the
 * example sets it up (8-week norm in calendar days, due soon within 14 days, 3-month thuiszitter rule),
 * puts cases on every output. Four fictional schools, pseudonymous case references, no names, no BSNs.
 *
 * Each case comes from a template whose offsets (days before D) were chosen by hand; its `expected`
 * field says what it shows on D, worked out from the offsets alone (the zorgteam date plus 56 days is
 * the due date; due soon while 0 to 14 days remain). Tests compare the node's result with it.
 *
 * The first 38 cases are those of the fixed test fixture test/fixtures/sample-cases-2026-11-26.csv
 * (generated on 2026-11-26 they are that file, byte for byte); the cases after them show the singular
 * day words every day and give the evaluation's half-year and annual-report periods cases on any day.
 */
const { addDays } = require('./days');

const SCHOOLS = [
	{ school: 'Basisschool De Regenboog', brin: '12AB', zorgteam: 'Zorgteam De Regenboog', zorgteamEmail: 'zorgteam.regenboog@school.example' },
	{ school: 'Het Baken College', brin: '23CD', zorgteam: 'Zorgteam Het Baken', zorgteamEmail: 'zorgteam.baken@school.example' },
	{ school: 'SO De Wegwijzer', brin: '34EF', zorgteam: 'Zorgteam De Wegwijzer', zorgteamEmail: 'zorgteam.wegwijzer@school.example' },
	{ school: 'Kindcentrum Het Anker', brin: '45GH', zorgteam: 'Zorgteam Het Anker', zorgteamEmail: 'zorgteam.anker@school.example' },
];
const MUNICIPALITIES = ['Amersfoort', 'Leusden', 'Soest', 'Baarn', 'Woudenberg', 'Bunschoten', 'Nijkerk', 'Utrecht'];

/**
 * Case templates: day offsets from D (negative = before D) and what the 8-week check shows on D.
 * overdue: not started, more than 56 days since the zorgteam; due_soon: not started, 42 to 56 days
 * since; on_track: fewer than 42 days; met / met_late: started within / after the 56 days (Closed).
 */
const TEMPLATES = [
	{ zt: -70, start: null, offer: null, expected: 'overdue' }, // 14 days late
	{ zt: -90, start: null, offer: -30, expected: 'overdue' }, // offered, not started
	{ zt: -50, start: null, offer: null, expected: 'due_soon', keep: true }, // 6 days left
	{ zt: -56, start: null, offer: -5, expected: 'due_soon', keep: true }, // the last day
	{ zt: -20, start: null, offer: null, expected: 'on_track' },
	{ zt: -5, start: null, offer: null, expected: 'on_track' },
	{ zt: -120, start: -80, offer: -85, expected: 'met' }, // 40 days
	{ zt: -100, start: -44, offer: -50, expected: 'met', keep: true }, // started on the due date (day 56)
	{ zt: -150, start: -80, offer: -100, expected: 'met_late' }, // 70 days
	{ zt: -30, start: -30, offer: -30, expected: 'met', keep: true }, // same-day start
];
/** Thuiszitter data on some templates (the first and third school): home since, start of a suitable offer; 3-month rule on D. */
const THUISZITTERS = {
	0: { home: -100, started: null, expected: 'overdue' }, // more than 3 months at home
	4: { home: -40, started: null, expected: 'on_track' },
	8: { home: -200, started: -120, expected: 'met' }, // a suitable offer started after 80 days: within 3 months
};

/**
 * Cases after the first 38. Singular day words on every D ("nog 1 dag", "1 dag te laat"), and closed
 * cases spread over the twelve months before D, so that every half-year evaluation period and the
 * annual-report year before D hold cases at every school.
 */
function extraTemplates() {
	const extra = [
		{ si: 0, zt: -55, start: null, offer: null, expected: 'due_soon' }, // nog 1 dag
		{ si: 1, zt: -57, start: null, offer: null, expected: 'overdue' }, // 1 dag te laat
	];
	for (let k = 0; k < 5; k++) {
		SCHOOLS.forEach((_, si) => {
			const zt = -190 - 40 * k - 10 * si; // -190 .. -380
			const late = (k + si) % 3 === 2;
			extra.push({ si, zt, start: zt + (late ? 75 : 35), offer: zt + (late ? 60 : 30), expected: late ? 'met_late' : 'met' });
		});
	}
	return extra;
}

/**
 * The columns, in the order of the spreadsheet, by key (the fields of a case row here; for the Deadline
 * Monitor's columns also its default column name). Date columns are ISO in the CSV and real dates in the xlsx.
 */
const COLUMNS = ['caseRef', 'school', 'brin', 'zorgteam', 'zorgteamEmail', 'zorgteamDate', 'startDate', 'offerDate', 'homeSince', 'startedOfferDate', 'residenceMunicipality'];
const DATE_COLUMNS = ['zorgteamDate', 'startDate', 'offerDate', 'homeSince', 'startedOfferDate'];

/**
 * The header of each column in the files (cases.csv, cases.xlsx): what a Dutch region's spreadsheet holds
 * (issue 24 §3, one convention for the examples). The examples map them in the Deadline Monitor's Input
 * Columns; sample-data/README.md lists them.
 */
const HEADERS = {
	caseRef: 'dossiernummer',
	school: 'school',
	brin: 'brin',
	zorgteam: 'zorgteam',
	zorgteamEmail: 'zorgteam e-mail',
	zorgteamDate: 'datum zorgteam',
	startDate: 'startdatum',
	offerDate: 'datum aanbod',
	homeSince: 'thuis sinds',
	startedOfferDate: 'start passend aanbod',
	residenceMunicipality: 'woongemeente',
};

/** A case as its spreadsheet row: the files' headers, without what it shows on its day. */
function sheetRow(c) {
	return Object.fromEntries(COLUMNS.map((k) => [HEADERS[k], c[k]]));
}

/**
 * The sample cases for day `date` (`YYYY-MM-DD`): rows with COLUMNS (strings, '' when empty) plus
 * `expected` (8-week status on `date`) and `expectedThuiszitter` (3-month status, or '' for none).
 * The extra fields are not written to the files; the files name the columns by HEADERS (`sheetRow`).
 */
function caseRows(date) {
	const iso = (offset) => (offset === null || offset === undefined ? '' : addDays(date, offset));
	const out = [];
	let n = 1;
	SCHOOLS.forEach((s, si) => {
		TEMPLATES.forEach((t, ti) => {
			// school 4 has fewer cases (the last two templates are left out) to make groups differ in size
			if (si === 3 && ti >= 8) return;
			// a small per-school variation that keeps each status
			const shift = si === 0 || t.zt >= -7 || t.keep ? 0 : si;
			const d = (v) => (v === null ? null : v - shift);
			const th = si % 2 === 0 ? THUISZITTERS[ti] : undefined;
			out.push({
				caseRef: `C-2026-${String(n++).padStart(4, '0')}`,
				...s,
				zorgteamDate: iso(d(t.zt)),
				startDate: iso(d(t.start)),
				offerDate: iso(d(t.offer)),
				homeSince: th ? iso(th.home) : '',
				startedOfferDate: th ? iso(th.started) : '',
				residenceMunicipality: MUNICIPALITIES[(si * 3 + ti) % MUNICIPALITIES.length],
				expected: t.expected,
				expectedThuiszitter: th ? th.expected : '',
			});
		});
	});
	extraTemplates().forEach((t, i) => {
		out.push({
			caseRef: `C-2026-${String(n++).padStart(4, '0')}`,
			...SCHOOLS[t.si],
			zorgteamDate: iso(t.zt),
			startDate: iso(t.start),
			offerDate: iso(t.offer),
			homeSince: '',
			startedOfferDate: '',
			residenceMunicipality: MUNICIPALITIES[(i * 5 + 1) % MUNICIPALITIES.length],
			expected: t.expected,
			expectedThuiszitter: '',
		});
	});
	return out;
}

module.exports = { caseRows, sheetRow, COLUMNS, DATE_COLUMNS, HEADERS, SCHOOLS };
