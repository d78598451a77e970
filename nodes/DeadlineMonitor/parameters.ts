/**
 * Reads the parameters both operations share and turns them into the core's types.
 * Configuration errors are node errors (not item errors): they stop the run before any item.
 */
import { IDataObject, IExecuteFunctions, NodeOperationError } from 'n8n-workflow';

import { CalendarDate, parseCalendarDate, today } from '../../domain/dates';
import { DomainError } from '../../domain/errors';
import { defaultHolidayCalendar, HolidayCalendar, HolidayRegion, parseHolidayList } from '../../domain/calendar';
import { InputReader } from '../shared/input';
import { CaseFields, CheckSpec, ClockConfig, NormUnit, parseKnownSchools, RuleId, validateClockConfig } from '../../domain/deadlines';

export interface FieldNames {
	caseRef: string;
	zorgteamDate: string;
	startDate: string;
	offerDate: string;
	homeSince: string;
	startedOfferDate: string;
	school: string;
	brin: string;
	zorgteam: string;
	recipientEmail: string;
}

export const DEFAULT_FIELDS: FieldNames = {
	caseRef: 'caseRef',
	zorgteamDate: 'zorgteamDate',
	startDate: 'startDate',
	offerDate: 'offerDate',
	homeSince: 'homeSince',
	startedOfferDate: 'startedOfferDate',
	school: 'school',
	brin: 'brin',
	zorgteam: 'zorgteam',
	recipientEmail: 'zorgteamEmail',
};

/** Resolves the holiday calendar for an item: fixed for the built-in and pasted lists, per item from a field. */
export type CalendarResolver = (json: IDataObject) => HolidayCalendar | undefined;

export interface SharedSettings {
	spec: CheckSpec;
	calendarFor: CalendarResolver;
	/** The calendar when it is the same for every item (validated up front). */
	fixedCalendar?: HolidayCalendar;
	/** Cases without a clock-start date pass as not applicable instead of being errors. */
	passWithoutClockStart: boolean;
}

function nodeError(ctx: IExecuteFunctions, error: unknown): never {
	if (error instanceof DomainError) throw new NodeOperationError(ctx.getNode(), error.message, { description: error.hint });
	throw error;
}

function optionalDate(ctx: IExecuteFunctions, name: string, label: string, zone: string): CalendarDate | undefined {
	const raw = (ctx.getNodeParameter(name, 0, '') as string | number) ?? '';
	if (typeof raw === 'string' && raw.trim() === '') return undefined;
	try {
		return parseCalendarDate(raw, label, zone);
	} catch (error) {
		nodeError(ctx, error);
	}
}

/** Reads the shared parameters once per run (the input reader has checked they are the same for every item). */
export function readSettings(ctx: IExecuteFunctions, input: InputReader, options: { requireCaseRef: boolean; dueSoon: boolean }): SharedSettings {
	const zone = input.zone;
	const rule = ctx.getNodeParameter('rule', 0, 'eightWeek') as RuleId;
	const given = ctx.getNodeParameter('fields', 0, {}) as Partial<FieldNames>;
	const f: FieldNames = { ...DEFAULT_FIELDS };
	for (const key of Object.keys(DEFAULT_FIELDS) as Array<keyof FieldNames>) {
		const v = given[key];
		if (typeof v === 'string' && v.trim() !== '') f[key] = v.trim();
	}
	const stopEvent = ctx.getNodeParameter('stopEvent', 0, 'start') as 'start' | 'offer';
	const fields: CaseFields =
		rule === 'thuiszitter'
			? { caseRef: f.caseRef, clockStart: f.homeSince, stop: f.startedOfferDate, school: f.school, brin: f.brin, zorgteam: f.zorgteam, recipientEmail: f.recipientEmail }
			: {
					caseRef: f.caseRef,
					clockStart: f.zorgteamDate,
					stop: stopEvent === 'offer' ? f.offerDate : f.startDate,
					school: f.school,
					brin: f.brin,
					zorgteam: f.zorgteam,
					recipientEmail: f.recipientEmail,
				};
	const clock: ClockConfig = {
		norm:
			rule === 'thuiszitter'
				? { length: ctx.getNodeParameter('thuiszitterNormLength', 0, 3) as number, unit: ctx.getNodeParameter('thuiszitterNormUnit', 0, 'months') as NormUnit }
				: { length: ctx.getNodeParameter('normLength', 0, 8) as number, unit: ctx.getNodeParameter('normUnit', 0, 'weeks') as NormUnit },
		counting: ctx.getNodeParameter('counting', 0, 'calendarDays') as ClockConfig['counting'],
		dueSoonDays: options.dueSoon ? (ctx.getNodeParameter('dueSoonDays', 0, 14) as number) : 0,
	};

	let fixedCalendar: HolidayCalendar | undefined;
	let calendarFor: CalendarResolver = () => fixedCalendar;
	if (clock.counting === 'schoolWeeks') {
		const source = ctx.getNodeParameter('holidaySource', 0, 'builtIn') as 'builtIn' | 'list' | 'field';
		const coveredFrom = optionalDate(ctx, 'coveredFrom', 'Calendar Covers From', zone);
		const coveredUntil = optionalDate(ctx, 'coveredUntil', 'Calendar Covers Until', zone);
		const build = (value: unknown, field: string) => {
			const holidays = parseHolidayList(value, field);
			const first = holidays.length ? holidays.reduce((m, h) => Math.min(m, h.start), Infinity) : undefined;
			const last = holidays.length ? holidays.reduce((m, h) => Math.max(m, h.end), -Infinity) : undefined;
			const from = coveredFrom ?? first;
			const until = coveredUntil ?? last;
			return new HolidayCalendar(holidays, from !== undefined && until !== undefined && from <= until ? [{ start: from, end: until }] : [], field);
		};
		try {
			if (source === 'builtIn') {
				fixedCalendar = defaultHolidayCalendar(ctx.getNodeParameter('holidayRegion', 0, 'midden') as HolidayRegion);
			} else if (source === 'list') {
				fixedCalendar = build(ctx.getNodeParameter('holidayList', 0, '') as string, 'Holidays');
			}
		} catch (error) {
			nodeError(ctx, error);
		}
		if (source === 'field') {
			const holidayField = (ctx.getNodeParameter('holidayField', 0, 'holidays') as string).trim() || 'holidays';
			const cache = new Map<string, HolidayCalendar>();
			calendarFor = (json) => {
				const value = input.read(json, holidayField);
				const key = typeof value === 'string' ? `s:${value}` : `j:${JSON.stringify(value ?? null)}`;
				let calendar = cache.get(key);
				if (!calendar) {
					calendar = build(value, holidayField);
					if (cache.size < 1000) cache.set(key, calendar);
				}
				return calendar;
			};
		}
	}
	try {
		validateClockConfig(clock, clock.counting === 'schoolWeeks' ? (fixedCalendar ?? new HolidayCalendar([], [])) : undefined);
	} catch (error) {
		nodeError(ctx, error);
	}

	const reference = optionalDate(ctx, 'referenceDate', 'Reference Date', zone) ?? today(new Date(), zone);
	const nodeOptions = ctx.getNodeParameter('options', 0, {}) as { knownSchools?: string; passWithoutClockStart?: boolean };
	const spec: CheckSpec = {
		rule,
		clock,
		fields,
		reference,
		zone,
		requireCaseRef: options.requireCaseRef,
		knownSchools: parseKnownSchools(nodeOptions.knownSchools ?? ''),
	};
	return { spec, calendarFor, fixedCalendar, passWithoutClockStart: nodeOptions.passWithoutClockStart === true };
}
