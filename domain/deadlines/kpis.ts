/**
 * KPIs for the deadline norms (S1 outcome goal 2 and input goal 2): per school, per zorgteam or overall.
 *
 * Definition (also emitted with every KPI row):
 * - cases: cases whose clock started in the period;
 * - started within the norm: stopped on or before the deadline (status met);
 * - share within the norm = within norm / (within norm + started late + open and already overdue).
 *   Open cases already past their deadline count as misses; open cases not yet due are left out,
 *   because their outcome is not known yet;
 * - mean and median days to start: over the cases that started, in counted days.
 */
import { CalendarDate, formatIsoDate } from '../primitives/dates';
import { InvalidFieldError } from '../primitives/errors';
import { CaseStatus, EIGHT_WEEK_NORM_DAYS } from './clock';

export const SHARE_DEFINITION =
	'share within norm = started within the norm / (started within the norm + started late + open and already overdue); ' +
	'open cases not yet due are excluded; days to start are counted from the clock start to the start date, for started cases only';

export const SHARE_DEFINITION_NL =
	'aandeel binnen de norm = binnen de norm gestart / (binnen de norm gestart + te laat gestart + nog open en al over de termijn); ' +
	'open casussen waarvan de termijn nog loopt tellen niet mee; dagen tot start alleen voor gestarte casussen';

/** Node version 1.3: what the definition adds about cases whose outcome the holiday calendar cannot decide. */
export const OUTCOME_UNKNOWN_DEFINITION =
	'; cases whose outcome depends on dates the holiday calendar does not cover (their due date is only the earliest possible one) are counted in outcomeUnknown and left out of the share, the days to start and the distribution';
export const OUTCOME_UNKNOWN_DEFINITION_NL =
	'; casussen waarvan de uitkomst afhangt van dagen die de vakantiekalender niet dekt (hun uiterste datum is alleen de vroegst mogelijke) tellen als uitkomst onbekend en niet mee in het aandeel, de dagen tot start en de verdeling';

export interface KpiCase {
	group: string;
	clockStart: CalendarDate;
	status: CaseStatus;
	daysElapsed: number;
	/** False when a complete holiday calendar could give another status (`ClockResult.statusCertain`). */
	statusCertain?: boolean;
}

export interface KpiOptions {
	/** Target share, 0..1 (default 0.75, S1). */
	target: number;
	/** Counts from 1 up to this number minus one are suppressed (0 = no suppression). */
	suppressBelow: number;
	periodStart?: CalendarDate;
	periodEnd?: CalendarDate;
	/** Groups that get a row even without cases (e.g. "overall", so a report always has its line). */
	alwaysGroups?: string[];
	/**
	 * Upper bounds (inclusive, counted days) of the days-to-start buckets; a last bucket takes the rest.
	 * Default `[28, 56, 84]`: up to 4 weeks, 4 to 8 weeks (the 8-week norm), 8 to 12 weeks, longer.
	 */
	distributionBounds?: number[];
	/** Node version 1.3: cases whose status is not certain are counted apart (`outcomeUnknown`), not as misses or hits. */
	markUncertain?: boolean;
}

/**
 * The KPI settings a user gives (Target Share (%), Suppress Counts Below): a target share from 0 to 100 percent,
 * and a suppression threshold that is a whole number of 0 or more.
 * @throws InvalidFieldError `invalid_target_share` (field `targetPercent`) or `invalid_suppression` (field `suppressBelow`)
 */
export function checkKpiSettings(targetPercent: number, suppressBelow: number): void {
	if (!(targetPercent >= 0 && targetPercent <= 100)) {
		throw new InvalidFieldError('invalid_target_share', 'targetPercent', 'Target Share must be between 0 and 100', 'Set "Target Share (%)" to e.g. 75.');
	}
	if (!(Number.isInteger(suppressBelow) && suppressBelow >= 0)) {
		throw new InvalidFieldError('invalid_suppression', 'suppressBelow', 'Suppress Counts Below must be a whole number of 0 or more', 'Use e.g. 5, or 0 for no suppression.');
	}
}

/** One bucket of the days-to-start distribution: started cases whose counted days fall in `fromDays..toDays`. */
export interface DaysToStartBucket {
	fromDays: number;
	/** Inclusive; null for the last, open-ended bucket. */
	toDays: number | null;
	/** Null when suppressed (see `KpiRow.suppressed`). */
	count: number | null;
}

/** Half the 8-week norm, the norm, one and a half times the norm: [28, 56, 84] counted days. */
export const DEFAULT_DISTRIBUTION_BOUNDS = [EIGHT_WEEK_NORM_DAYS / 2, EIGHT_WEEK_NORM_DAYS, (EIGHT_WEEK_NORM_DAYS * 3) / 2];

export interface KpiRow {
	group: string;
	periodStart: string | null;
	periodEnd: string | null;
	cases: number | null;
	startedWithinNorm: number | null;
	startedLate: number | null;
	openOverdue: number | null;
	openNotYetDue: number | null;
	/** Node version 1.3: cases whose outcome depends on dates the holiday calendar does not cover; left out of every other figure. */
	outcomeUnknown?: number | null;
	/** 0..1, rounded to 4 decimals; null when nothing is decided yet or suppressed. */
	shareWithinNorm: number | null;
	target: number;
	meetsTarget: boolean | null;
	meanDaysToStart: number | null;
	medianDaysToStart: number | null;
	/**
	 * Started cases per days-to-start bucket (counted days). With suppression, a bucket count from 1 to the
	 * threshold minus one hides the whole distribution (one hidden bucket could be recovered from the others
	 * and the totals): every count is null and `daysToStartDistribution` is listed in `suppressed`.
	 */
	daysToStartDistribution: DaysToStartBucket[];
	suppressed: string[];
	definition: string;
}

/**
 * Whether a case counts for a KPI report: its clock must start inside the period and on or before the
 * reference date (a case that did not exist yet on the reference date is not a miss, nor an error).
 */
export function kpiInclusion(
	clockStart: CalendarDate,
	reference: CalendarDate,
	period: { periodStart?: CalendarDate; periodEnd?: CalendarDate },
): 'included' | 'outside_period' | 'after_reference' {
	if (period.periodStart !== undefined && clockStart < period.periodStart) return 'outside_period';
	if (period.periodEnd !== undefined && clockStart > period.periodEnd) return 'outside_period';
	if (clockStart > reference) return 'after_reference';
	return 'included';
}

function median(sorted: number[]): number | null {
	if (!sorted.length) return null;
	const mid = sorted.length >> 1;
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;

interface Acc {
	cases: number;
	unknown: number;
	met: number;
	late: number;
	overdue: number;
	open: number;
	days: number[];
}

/** Compute one KPI row per group (in order of first appearance; groups sorted by name). */
export function computeKpis(cases: KpiCase[], options: KpiOptions): KpiRow[] {
	const groups = new Map<string, Acc>();
	for (const g of options.alwaysGroups ?? []) groups.set(g, { cases: 0, unknown: 0, met: 0, late: 0, overdue: 0, open: 0, days: [] });
	for (const c of cases) {
		if (options.periodStart !== undefined && c.clockStart < options.periodStart) continue;
		if (options.periodEnd !== undefined && c.clockStart > options.periodEnd) continue;
		let acc = groups.get(c.group);
		if (!acc) groups.set(c.group, (acc = { cases: 0, unknown: 0, met: 0, late: 0, overdue: 0, open: 0, days: [] }));
		acc.cases++;
		if (options.markUncertain && c.statusCertain === false) {
			acc.unknown++;
			continue;
		}
		if (c.status === 'met') acc.met++;
		else if (c.status === 'met_late') acc.late++;
		else if (c.status === 'overdue') acc.overdue++;
		else acc.open++;
		if (c.status === 'met' || c.status === 'met_late') acc.days.push(c.daysElapsed);
	}
	const keys = [...groups.keys()].sort((a, b) => a.localeCompare(b));
	return keys.map((group) => buildRow(group, groups.get(group)!, options));
}

function buildRow(group: string, acc: Acc, options: KpiOptions): KpiRow {
	const decided = acc.met + acc.late + acc.overdue;
	const share = decided ? round(acc.met / decided, 4) : null;
	const days = acc.days.sort((a, b) => a - b);
	const distribution = distributionOf(days, options.distributionBounds ?? DEFAULT_DISTRIBUTION_BOUNDS);
	const mean = days.length ? round(days.reduce((s, d) => s + d, 0) / days.length, 1) : null;
	const row: KpiRow = {
		group,
		periodStart: options.periodStart === undefined ? null : formatIsoDate(options.periodStart),
		periodEnd: options.periodEnd === undefined ? null : formatIsoDate(options.periodEnd),
		cases: acc.cases,
		startedWithinNorm: acc.met,
		startedLate: acc.late,
		openOverdue: acc.overdue,
		openNotYetDue: acc.open,
		shareWithinNorm: share,
		target: options.target,
		meetsTarget: share === null ? null : share >= options.target,
		meanDaysToStart: mean,
		medianDaysToStart: median(days),
		daysToStartDistribution: distribution,
		suppressed: [],
		definition: SHARE_DEFINITION,
	};
	if (options.markUncertain) {
		row.outcomeUnknown = acc.unknown;
		row.definition = SHARE_DEFINITION + OUTCOME_UNKNOWN_DEFINITION;
	}
	const t = options.suppressBelow;
	if (t > 0) {
		const countKeys = ['cases', 'startedWithinNorm', 'startedLate', 'openOverdue', 'openNotYetDue', 'outcomeUnknown'] as const;
		for (const k of countKeys) {
			const v = row[k];
			if (v !== undefined && v !== null && v > 0 && v < t) {
				row[k] = null;
				row.suppressed.push(k);
			}
		}
		// Derived figures over a small base could reveal individual cases: suppress them too.
		if (acc.cases < t) {
			for (const k of ['shareWithinNorm', 'meetsTarget', 'meanDaysToStart', 'medianDaysToStart'] as const) {
				if (row[k] !== null) {
					(row as unknown as Record<string, unknown>)[k] = null;
					row.suppressed.push(k);
				}
			}
		} else if (days.length > 0 && days.length < t) {
			for (const k of ['meanDaysToStart', 'medianDaysToStart'] as const) {
				row[k] = null;
				row.suppressed.push(k);
			}
		}
		if (acc.cases < t || distribution.some((b) => b.count !== null && b.count > 0 && b.count < t)) {
			for (const b of distribution) b.count = null;
			row.suppressed.push('daysToStartDistribution');
		}
	}
	return row;
}

/** Count sorted days into buckets bounded (inclusive) by `bounds`, plus an open-ended last bucket. */
function distributionOf(sortedDays: number[], bounds: number[]): DaysToStartBucket[] {
	const uppers = [...new Set(bounds)].filter((b) => Number.isFinite(b) && b >= 0).sort((a, b) => a - b);
	const buckets: DaysToStartBucket[] = [];
	let from = 0;
	for (const upper of uppers) {
		buckets.push({ fromDays: from, toDays: upper, count: 0 });
		from = upper + 1;
	}
	buckets.push({ fromDays: from, toDays: null, count: 0 });
	let i = 0;
	for (const d of sortedDays) {
		while (buckets[i].toDays !== null && d > (buckets[i].toDays as number)) i++;
		buckets[i].count = (buckets[i].count as number) + 1;
	}
	return buckets;
}
