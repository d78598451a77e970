/**
 * What the trigger emits: one evaluation per school (or one for everything when no list is given),
 * carrying the moment, the evaluation period, the agenda and whether the annual report is due.
 */
import { formatIsoDate } from '../primitives/dates';
import { AgendaItem, AgendaLanguage, agendaText, evaluationAgenda } from './agenda';
import { dedupKey, FireKind } from './firing';
import {
	annualReportPeriod,
	EvaluationSchedule,
	evaluationPeriod,
	instantIso,
	Moment,
	ShiftReason,
} from './schedule';
import { ALL_SCHOOLS_KEY, School } from './schools';

export type TriggerReason = FireKind | 'manualTest';

export interface EvaluationItem {
	[key: string]: unknown;
	dedupKey: string;
	/** BRIN code, or null when no school list is given. */
	brin: string | null;
	schoolName: string | null;
	zorgteamEmail: string | null;
	/** The zorgteam's addresses as an array (empty when none). */
	zorgteamEmails: string[];
	provider: string | null;
	/** 'first' or 'second' configured moment. */
	moment: Moment['id'];
	/** The date the evaluation happens (after moving past weekends/holidays), YYYY-MM-DD. */
	momentDate: string;
	/** The configured date before moving, YYYY-MM-DD. */
	scheduledDate: string;
	shifted: boolean;
	shiftedBecause: ShiftReason[];
	/** The instant of the moment with the zone's offset. */
	momentAt: string;
	timeZone: string;
	/** Evaluation period: from the previous moment (inclusive) to the day before this one (inclusive). */
	periodStart: string;
	periodEnd: string;
	periodDays: number;
	annualReport: boolean;
	/** The twelve months the annual report covers (only when annualReport is true). */
	annualReportPeriodStart: string | null;
	annualReportPeriodEnd: string | null;
	language: AgendaLanguage;
	agenda: AgendaItem[];
	agendaText: string;
	trigger: TriggerReason;
	/** True for a manual test run: nothing was recorded as fired. */
	test: boolean;
	/** Minutes between the moment and the firing (0 on time). */
	lateByMinutes: number;
	/**
	 * For a whole-school entry (`12AB`): its locations that have their own entry in the list (`12AB01`) and
	 * so their own evaluation — this evaluation covers the school's other locations. Empty otherwise.
	 */
	locationsEvaluatedSeparately: string[];
	/** How many school entries were left completely empty and skipped (the same on every item). */
	blankSchoolEntries: number;
}

export interface BuildItemsInput {
	schedule: EvaluationSchedule;
	moment: Moment;
	/** The schools to emit for; an empty list means "no list given": one item for everything. */
	schools: School[];
	/** Only these school keys (default: all of `schools`, or 'all'). */
	onlyKeys?: string[];
	language: AgendaLanguage;
	trigger: TriggerReason;
	now: number;
	/** Empty school entries that were skipped (default 0). */
	blankSchoolEntries?: number;
}

/** The school keys a moment fires for: each school's BRIN, or the one key for "all schools" when no list is given. */
export function schoolKeysOf(schools: School[]): string[] {
	return schools.length === 0 ? [ALL_SCHOOLS_KEY] : schools.map((s) => s.brin);
}

/**
 * The items one evaluation moment emits: one per school (or one for all without a school list), each with
 * the evaluation period, the annual-report period when the moment carries the annual report, the agenda in
 * `language`, the trigger reason and the deduplication key. Pure: `now` (ms since the epoch) is an input.
 * Collective youth care evaluated twice a year with the zorgteam: kernbepaling 11 (../shared/DOMAIN.md).
 */
export function buildEvaluationItems(input: BuildItemsInput): EvaluationItem[] {
	const { schedule, moment, language } = input;
	const period = evaluationPeriod(schedule, moment);
	const annual = moment.annualReport ? annualReportPeriod(schedule, moment) : undefined;
	const agenda = evaluationAgenda(language, moment.annualReport);
	const targets: Array<School | undefined> = input.schools.length === 0 ? [undefined] : input.schools;
	const only = input.onlyKeys ? new Set(input.onlyKeys) : undefined;
	const out: EvaluationItem[] = [];
	for (const school of targets) {
		const key = school ? school.brin : ALL_SCHOOLS_KEY;
		if (only && !only.has(key)) continue;
		out.push({
			dedupKey: dedupKey(key, moment),
			brin: school?.brin ?? null,
			schoolName: school?.name ?? null,
			zorgteamEmail: school?.zorgteamEmail || null,
			zorgteamEmails: school?.zorgteamEmails ?? [],
			provider: school?.provider || null,
			moment: moment.id,
			momentDate: formatIsoDate(moment.date),
			scheduledDate: formatIsoDate(moment.scheduledDate),
			shifted: moment.date !== moment.scheduledDate,
			shiftedBecause: moment.shiftedBecause,
			momentAt: instantIso(moment.instant, schedule.zone),
			timeZone: schedule.zone,
			periodStart: formatIsoDate(period.start),
			periodEnd: formatIsoDate(period.end),
			periodDays: period.end - period.start + 1,
			annualReport: moment.annualReport,
			annualReportPeriodStart: annual ? formatIsoDate(annual.start) : null,
			annualReportPeriodEnd: annual ? formatIsoDate(annual.end) : null,
			language,
			agenda,
			agendaText: agendaText({
				language,
				schoolName: school?.name,
				moment: moment.date,
				periodStart: period.start,
				periodEnd: period.end,
				annualReport: moment.annualReport,
			}),
			trigger: input.trigger,
			test: input.trigger === 'manualTest',
			lateByMinutes: Math.max(0, Math.floor((input.now - moment.instant) / 60000)),
			locationsEvaluatedSeparately: school?.locationsEvaluatedSeparately ?? [],
			blankSchoolEntries: input.blankSchoolEntries ?? 0,
		});
	}
	return out;
}
