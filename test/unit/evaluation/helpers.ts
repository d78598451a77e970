import { DateTime } from 'luxon';

import { fromYmd } from '../../../domain/primitives/dates';
import {
	EvaluationSchedule,
	EvaluationTriggerConfig,
	makeMomentSpec,
	MomentId,
	validateSchedule,
} from '../../../domain/evaluation';

export const AMS = 'Europe/Amsterdam';

const fields = (n: string) => ({ month: `${n} Month`, day: `${n} Day`, time: `${n} Time` });

export function spec(id: MomentId, month: number, day: number, time = '09:00') {
	return makeMomentSpec(id, month, day, time, fields(id));
}

/** Defaults of the node: 1 February and 15 June at 09:00, moved past weekends and Dutch public holidays. */
export function makeSchedule(over: Partial<EvaluationSchedule> = {}): EvaluationSchedule {
	return validateSchedule({
		moments: [spec('first', 2, 1), spec('second', 6, 15)],
		zone: AMS,
		shiftToWorkingDay: true,
		holidays: new Set(),
		dutchPublicHolidays: true,
		annualReportMoment: 'second',
		...over,
	});
}

export function makeConfig(over: Partial<EvaluationTriggerConfig> = {}): EvaluationTriggerConfig {
	return { schedule: makeSchedule(), schools: [], language: 'nl', catchUpWindowDays: 7, ...over };
}

/** An instant from local wall-clock text in a zone: at('2026-02-02T09:00') */
export function at(local: string, zone = AMS): number {
	const dt = DateTime.fromISO(local, { zone });
	if (!dt.isValid) throw new Error(`bad test time ${local}`);
	return dt.toMillis();
}

export function iso(instant: number, zone = AMS): string {
	return DateTime.fromMillis(instant, { zone }).toISO() as string;
}

export const d = (s: string) => {
	const [y, m, day] = s.split('-').map(Number);
	return fromYmd(y, m, day);
};

export const HOUR = 3600_000;
export const DAY = 24 * HOUR;
