/**
 * The clock settings both operations share (Check Cases, Calculate KPIs): the one reader of the parameters
 * parameters.ts defines (rule, norm, counting, holiday calendar, reference date, field names, options),
 * turned into the core's types. Each operation's settings module calls it. Configuration errors are node
 * errors (not item errors): they stop the run before any item.
 */
import { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { CalendarDate, parseCalendarDate, today } from '../../domain/primitives/dates';
import { ClosedDayKind, HOLIDAY_REGIONS, HolidayCalendar, HolidayRange, HolidayRegion, holidayRegionOf, parseHolidayList, regionalCalendar } from '../../domain/calendar';
import { getDefaultRegistry } from '../../domain/municipalities';
import { InvalidFieldError } from '../../domain/primitives/errors';
import { readColumnNames } from '../shared/columns';
import { VERSIONS } from './versions';
import { configurationError } from '../shared/errors';
import { InputReader } from '../shared/input';
import { CaseFields, CaseFieldNames, CheckSpec, ClockConfig, DEADLINE_COLUMNS, NormUnit, parseKnownSchools, RuleId, validateClockConfig } from '../../domain/deadlines';
import { isBlank } from '../../domain/primitives/blank';
import { FROM_MUNICIPALITY } from './parameters';

/** Resolves the holiday calendar for an item: fixed for the built-in and pasted lists, per item from a field. */
export type CalendarResolver = (json: IDataObject) => HolidayCalendar | undefined;

export interface ClockSettings {
	spec: CheckSpec;
	calendarFor: CalendarResolver;
	/** The calendar when it is the same for every item (validated up front). */
	fixedCalendar?: HolidayCalendar;
	/** Cases without a clock-start date pass as not applicable instead of being errors. */
	passWithoutClockStart: boolean;
}

function optionalDate(ctx: IExecuteFunctions, name: string, label: string, zone: string): CalendarDate | undefined {
	const raw = (ctx.getNodeParameter(name, 0, '') as string | number) ?? '';
	if (isBlank(raw)) return undefined;
	try {
		return parseCalendarDate(raw, label, zone);
	} catch (error) {
		throw configurationError(ctx.getNode(), error);
	}
}

/** Reads the shared parameters once per run (the input reader has checked they are the same for every item). */
export function readClockSettings(ctx: IExecuteFunctions, input: InputReader, options: { requireCaseRef: boolean; dueSoon: boolean }): ClockSettings {
	const zone = input.zone;
	const rule = ctx.getNodeParameter('rule', 0, 'eightWeek') as RuleId;
	// version 1.2: Input Columns; before: Field Names (read as before: trimmed, blank = default)
	const f: CaseFieldNames = readColumnNames(ctx, VERSIONS, DEADLINE_COLUMNS, { mapping: 'columnMap', legacy: 'fields' });
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
				const builtIn = builtInCalendars(ctx, input);
				if (builtIn.fixed) fixedCalendar = builtIn.fixed;
				else calendarFor = builtIn.perCase;
			} else if (source === 'list') {
				fixedCalendar = build(ctx.getNodeParameter('holidayList', 0, '') as string, 'Holidays');
			}
		} catch (error) {
			throw configurationError(ctx.getNode(), error);
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
		throw configurationError(ctx.getNode(), error);
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
		markUncertain: VERSIONS.has(ctx.getNode(), 'calendarValidity'),
	};
	return { spec, calendarFor, fixedCalendar, passWithoutClockStart: nodeOptions.passWithoutClockStart === true };
}

/**
 * The built-in calendar: one region for every case, or per case from the school's municipality; with the
 * extra closed days (node version 1.3) and the school's own days from an input field. Calendars are made
 * once per distinct region and own-days text (bounded cache).
 */
function builtInCalendars(ctx: IExecuteFunctions, input: InputReader): { fixed?: HolidayCalendar; perCase: CalendarResolver } {
	const regionChoice = ctx.getNodeParameter('holidayRegion', 0, 'midden') as HolidayRegion | typeof FROM_MUNICIPALITY;
	const v13 = VERSIONS.has(ctx.getNode(), 'calendarValidity');
	const kinds = v13 ? (ctx.getNodeParameter('extraClosedDays', 0, []) as ClosedDayKind[]) : [];
	const daysField = v13 ? ((ctx.getNodeParameter('schoolDaysField', 0, '') as string) ?? '').trim() : '';
	const calendarOf = (region: HolidayRegion, why: string, own: HolidayRange[] | undefined, ownLabel: string) => regionalCalendar(region, { kinds, own, ownLabel, why });
	if (regionChoice !== FROM_MUNICIPALITY && daysField === '') return { fixed: calendarOf(regionChoice, '', undefined, ''), perCase: () => undefined };

	const municipalityField = ((ctx.getNodeParameter('schoolMunicipalityField', 0, 'schoolMunicipality') as string) ?? '').trim() || 'schoolMunicipality';
	const registry = getDefaultRegistry();
	const cache = new Map<string, HolidayCalendar>();
	const regions = new Map<string, { region: HolidayRegion; why: string }>();
	const regionOf = (json: IDataObject): { region: HolidayRegion; why: string } => {
		if (regionChoice !== FROM_MUNICIPALITY) return { region: regionChoice, why: '' };
		const value = input.read(json, municipalityField);
		if (isBlank(value)) {
			throw new InvalidFieldError(
				'missing_field',
				municipalityField,
				`Field "${municipalityField}" is empty: the holiday region follows the school's municipality`,
				`Fill in the municipality where the school is located (name or CBS code), or the region (noord, midden, zuid), or choose a fixed Holiday Region.`,
			);
		}
		const hit = typeof value === 'string' ? regions.get(value) : undefined;
		if (hit) return hit;
		const text = String(value).trim().toLowerCase();
		let found: { region: HolidayRegion; why: string };
		if ((HOLIDAY_REGIONS as string[]).includes(text)) {
			found = { region: text as HolidayRegion, why: `region ${text} as given in "${municipalityField}"` };
		} else {
			const m = registry.resolve(value, municipalityField);
			const lookup = holidayRegionOf({ code: m.code, name: m.name, province: m.province });
			if (!lookup.region) {
				throw new InvalidFieldError('no_holiday_region', municipalityField, lookup.reason, `Write the school's region (noord, midden or zuid) in "${municipalityField}" for this school.`);
			}
			found = { region: lookup.region, why: lookup.reason };
		}
		// once per distinct municipality text and run; only successful look-ups (an error is thrown again per item)
		if (typeof value === 'string' && regions.size < 1000) regions.set(value, found);
		return found;
	};
	const perCase: CalendarResolver = (json) => {
		const { region, why } = regionOf(json);
		const ownValue = daysField === '' ? undefined : input.read(json, daysField);
		const ownKey = ownValue === undefined || isBlank(ownValue) ? '' : typeof ownValue === 'string' ? ownValue : JSON.stringify(ownValue);
		const key = `${region}\u0000${why}\u0000${ownKey}`;
		let calendar = cache.get(key);
		if (!calendar) {
			const own = ownKey === '' ? undefined : parseHolidayList(ownValue, daysField);
			calendar = calendarOf(region, why, own, daysField);
			if (cache.size < 1000) cache.set(key, calendar);
		}
		return calendar;
	};
	return { perCase };
}
