'use strict';
/**
 * Calendar-day arithmetic for the sample-data generator: dates are ISO texts (`YYYY-MM-DD`), days are
 * whole UTC days, so no time zone or DST change can move a date. "Today" is the calendar date in
 * Europe/Amsterdam (where the regions are), read once by the command line only.
 */
const DAY_MS = 86_400_000;

/** `YYYY-MM-DD` → whole days since 1970-01-01. Throws on anything else, naming the option. */
function dayOf(iso, option = '--date') {
	const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(iso));
	const ms = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : NaN;
	if (!m || new Date(ms).toISOString().slice(0, 10) !== iso) {
		throw new Error(`${option} must be a calendar date written YYYY-MM-DD (e.g. 2027-01-15), got "${iso}"`);
	}
	return ms / DAY_MS;
}

/** Whole days since 1970-01-01 → `YYYY-MM-DD`. */
const isoOf = (day) => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** `iso` plus `days` (negative: before). */
const addDays = (iso, days) => isoOf(dayOf(iso) + days);

/** Today's calendar date in Europe/Amsterdam at the instant `now` (a Date). */
function todayInAmsterdam(now = new Date()) {
	// en-CA writes YYYY-MM-DD
	return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** `YYYY-MM-DD` → `DD-MM-YYYY`, as Dutch spreadsheets and forms write dates. */
const dutchOf = (iso) => `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}`;

/**
 * The quarter the example settlement workflows settle on `iso`: the quarter of the date three months
 * earlier (their Period expression `$now.minus({ months: 3 })`, yyyy-'Q'q), i.e. the previous quarter.
 * Returns `{ year, quarter, label: '2026-Q3', months: ['2026-07', '2026-08', '2026-09'] }`.
 */
function previousQuarter(iso) {
	const year = Number(iso.slice(0, 4));
	const month = Number(iso.slice(5, 7)); // 1..12
	const current = Math.floor((month - 1) / 3); // 0..3
	const q = current === 0 ? 3 : current - 1;
	const y = current === 0 ? year - 1 : year;
	const months = [1, 2, 3].map((i) => `${y}-${String(q * 3 + i).padStart(2, '0')}`);
	return { year: y, quarter: q + 1, label: `${y}-Q${q + 1}`, months };
}

module.exports = { dayOf, isoOf, addDays, todayInAmsterdam, dutchOf, previousQuarter };
