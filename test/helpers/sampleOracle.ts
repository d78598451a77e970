/**
 * A second, independent statement of the example workflows' 8-week check (8-week norm in calendar
 * days, due soon while 0 to 14 days remain; DOMAIN.md "8-wekennorm"), written out in a few lines of
 * day arithmetic so that tests of the sample data and the example workflows do not take their
 * expectations from the code under test (domain/deadlines). Also the Dutch words of the "Termijn"
 * column, written out by hand.
 */
export type OracleStatus = 'overdue' | 'due_soon' | 'on_track' | 'met' | 'met_late';

/** `YYYY-MM-DD` → whole days since 1970-01-01 (UTC day arithmetic; no zone can move a calendar date). */
export const dayNumber = (iso: string): number => {
	const [y, m, d] = iso.split('-').map(Number);
	return Date.UTC(y, m - 1, d) / 86_400_000;
};

/** Whole days since 1970-01-01 → `YYYY-MM-DD`. */
export const isoOfDay = (day: number): string => new Date(day * 86_400_000).toISOString().slice(0, 10);

/**
 * The 8-week status of a case discussed in the zorgteam on `zorgteamDate` and started on `startDate`
 * ('' = not started), judged on `reference` (all `YYYY-MM-DD`): 56 days after the zorgteam date is the
 * last day; started on or before it is met, after it met late; not started: overdue after it, due
 * soon within 14 days of it, else on track. `daysRemaining` is null for a started case.
 */
export function eightWeekOracle(zorgteamDate: string, startDate: string, reference: string): { status: OracleStatus; daysRemaining: number | null } {
	const due = dayNumber(zorgteamDate) + 56;
	if (startDate && dayNumber(startDate) <= dayNumber(reference)) {
		return { status: dayNumber(startDate) <= due ? 'met' : 'met_late', daysRemaining: null };
	}
	const daysRemaining = due - dayNumber(reference);
	return { status: daysRemaining < 0 ? 'overdue' : daysRemaining <= 14 ? 'due_soon' : 'on_track', daysRemaining };
}

/** The Dutch "Termijn" words: `nog 5 dagen`, `nog 1 dag`, `laatste dag`, `1 dag te laat`, `38 dagen te laat`. */
export function dutchRemaining(daysRemaining: number): string {
	if (daysRemaining === 0) return 'laatste dag';
	const n = Math.abs(daysRemaining);
	const unit = n === 1 ? 'dag' : 'dagen';
	return daysRemaining > 0 ? `nog ${n} ${unit}` : `${n} ${unit} te laat`;
}
