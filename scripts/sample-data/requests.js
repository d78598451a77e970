'use strict';
/**
 * Help requests (aanmeldingen) for the triage example (workflows/intake-triage.json) on a day D, with
 * the Dutch column names of its form, covering every route. Zorgteam dates are recent (D minus 3 to 21
 * days) and written Dutch-style (DD-MM-YYYY), as a school's form or spreadsheet does. Synthetic BSNs
 * (elfproef-valid test numbers; AANM-008's fails the elfproef on purpose); no names.
 */
const { addDays, dutchOf } = require('./days');

const COLUMNS = ['Aanmeldnummer', 'Leerlingcode', 'BSN', 'BRIN', 'E-mail school', 'Woonplaats', 'Verblijf', 'Woonplaats voor verblijf', 'Hulpvraag', 'Risico', 'Besluit zorgteam', 'Datum zorgteam', 'OPP aanwezig', 'Hulp thuis', 'Wlz-indicatie', 'Groepsaanbod passend', 'Toestemming ouders'];

/** [values before 'Datum zorgteam'…, zorgteam date as days before D (null: none), values after]. */
const TEMPLATES = [
	[['AANM-001', 'LL-001', '111222333', '12AB', 'zorgteam@osj-school12ab.example', 'Amersfoort', 'nee', '', 'gedrag', 'rood', 'ja'], -21, ['ja', 'ja', 'nee', 'nee', 'ja']],
	[['AANM-002', 'LL-002', '', '12AB', 'zorgteam@osj-school12ab.example', 'Ede', 'nee', '', 'gedrag; opvoeding', 'rood', 'ja'], -14, ['ja', 'nee', 'nee', 'nee', 'ja']],
	[['AANM-003', 'LL-003', '', '34CD', 'zorgteam@school34cd.example', 'Leusden', 'nee', '', 'leren; gedrag', 'geel', 'ja'], -7, ['nee', 'nee', 'nee', 'nee', 'ja']],
	[['AANM-004', 'LL-004', '', '12AB', 'zorgteam@osj-school12ab.example', 'Soest', 'nee', '', 'leren', 'groen', ''], null, ['ja', 'nee', 'nee', 'nee', 'ja']],
	[['AANM-005', 'LL-005', '', '12AB', 'zorgteam@osj-school12ab.example', 'Baarn', 'nee', '', 'gedrag', 'geel', ''], null, ['ja', 'nee', 'nee', 'ja', 'ja']],
	[['AANM-006', 'LL-006', '', '34CD', 'zorgteam@school34cd.example', 'Amersfoort', 'nee', '', '', '', ''], null, ['', '', '', '', 'ja']],
	[['AANM-007', 'LL-007', '', '12AB', 'zorgteam@osj-school12ab.example', 'Woudenberg', 'nee', '', 'opvoeding', 'rood', ''], null, ['nee', 'ja', 'nee', 'nee', 'nee']],
	[['AANM-008', 'LL-008', '111222334', '12AB', 'zorgteam@osj-school12ab.example', 'Bunschoten', 'nee', '', 'gedrag', 'rood', 'ja'], -3, ['ja', 'nee', 'nee', 'nee', 'ja']],
];

/** The requests for day `date` (`YYYY-MM-DD`): objects keyed by COLUMNS, all strings. */
function requestRows(date) {
	return TEMPLATES.map(([before, zt, after]) => {
		const values = [...before, zt === null ? '' : dutchOf(addDays(date, zt)), ...after];
		return Object.fromEntries(COLUMNS.map((c, i) => [c, values[i]]));
	});
}

module.exports = { requestRows, REQUEST_COLUMNS: COLUMNS };
