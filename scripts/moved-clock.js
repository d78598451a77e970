'use strict';
/**
 * The moments `scripts/test-dates.sh` runs the tests at: each a name, the instant (the next one after
 * now, so the list moves with the calendar), and the offset in seconds from now that libfaketime takes
 * (`faketime -f +<seconds>`: relative, so every process the tests start, n8n and its workers included,
 * sees the same moved clock).
 *
 *   node scripts/moved-clock.js            # "name offsetSeconds instant" per line
 *   node scripts/moved-clock.js summer     # only the named moments
 *   node scripts/moved-clock.js --of-the-day   # one moment, a different one each day of the week (CI)
 */
const { DateTime } = require('luxon');

const ZONE = 'Europe/Amsterdam';

/** The next instant after `now` that `at(year)` gives (this year's, else next year's). */
function next(now, at) {
	const thisYear = at(now.year);
	return thisYear > now ? thisYear : at(now.year + 1);
}

/** 00:59:30 UTC on the last Sunday of a month: half a minute before the EU clock change at 01:00 UTC, so a run crosses it. */
function beforeClockChange(year, month) {
	const last = DateTime.fromObject({ year, month, day: 1 }, { zone: 'UTC' }).endOf('month').startOf('day');
	return last.minus({ days: last.weekday % 7 }).set({ hour: 0, minute: 59, second: 30 }).setZone(ZONE);
}

/** name → how to find its next instant from `now` (a luxon DateTime in Amsterdam). */
const MOMENTS = {
	// mid-January: the school year's second half, a new calendar year
	'mid-january': (now) => next(now, (y) => DateTime.fromObject({ year: y, month: 1, day: 15, hour: 10 }, { zone: ZONE })),
	// a day in the summer holiday (every region is on holiday in the last week of July)
	summer: (now) => next(now, (y) => DateTime.fromObject({ year: y, month: 7, day: 25, hour: 10 }, { zone: ZONE })),
	// New Year's Eve, a minute before midnight in Amsterdam: the run crosses into a new year and quarter
	'new-years-eve': (now) => next(now, (y) => DateTime.fromObject({ year: y, month: 12, day: 31, hour: 23, minute: 59 }, { zone: ZONE })),
	// New Year's night, half past midnight in Amsterdam: Amsterdam is in the new year, UTC still in the old one
	'new-year-utc-behind': (now) => next(now, (y) => DateTime.fromObject({ year: y, month: 1, day: 1, hour: 0, minute: 30 }, { zone: ZONE })),
	// the night the clocks go forward (last Sunday of March, 02:00 → 03:00 in Amsterdam), just before
	'dst-spring': (now) => next(now, (y) => beforeClockChange(y, 3)),
	// the night the clocks go back (last Sunday of October, 03:00 → 02:00 in Amsterdam), just before
	'dst-autumn': (now) => next(now, (y) => beforeClockChange(y, 10)),
	'plus-1y': (now) => now.plus({ years: 1 }),
	'plus-2y': (now) => now.plus({ years: 2 }),
};

function moments(names, now = DateTime.now().setZone(ZONE)) {
	const wanted = names.length ? names : Object.keys(MOMENTS);
	return wanted.map((name) => {
		if (!MOMENTS[name]) throw new Error(`unknown moment "${name}"; known: ${Object.keys(MOMENTS).join(', ')}`);
		const at = MOMENTS[name](now);
		return { name, offsetSeconds: Math.round(at.diff(now, 'seconds').seconds), instant: at.toISO() };
	});
}

if (require.main === module) {
	try {
		const args = process.argv.slice(2);
		let names = args;
		if (args[0] === '--of-the-day') {
			const all = Object.keys(MOMENTS);
			names = [all[Math.floor(Date.now() / 86_400_000) % all.length]];
		}
		for (const m of moments(names)) console.log(`${m.name} ${m.offsetSeconds} ${m.instant}`);
	} catch (e) {
		console.error(e.message);
		process.exit(2);
	}
}

module.exports = { moments, MOMENTS };
