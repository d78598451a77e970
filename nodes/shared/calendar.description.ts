/**
 * Holiday-calendar parameter parts the Deadline Monitor and Toeleiding Triage share (issue 21 §4: both count
 * school weeks with the same calendar settings): the extra closed days and the three holiday regions.
 */
import type { INodePropertyOptions } from 'n8n-workflow';

import { CLOSED_DAY_NAMES, type ClosedDayKind } from '../../domain/calendar';

/** One option per closed-day kind, e.g. Goede Vrijdag, Bevrijdingsdag (domain/calendar/closedDays.ts). */
export const closedDayOptions: INodePropertyOptions[] = (Object.keys(CLOSED_DAY_NAMES) as ClosedDayKind[]).map((kind) => ({
	name: CLOSED_DAY_NAMES[kind],
	value: kind,
	description: `${CLOSED_DAY_NAMES[kind]}, every year`,
}));

/** The three holiday regions (vakantieregio's) of the regio-indeling schoolvakanties. */
export const holidayRegionOptions: INodePropertyOptions[] = [
	{ name: 'Noord', value: 'noord', description: 'Holiday region noord' },
	{ name: 'Midden', value: 'midden', description: 'Holiday region midden' },
	{ name: 'Zuid', value: 'zuid', description: 'Holiday region zuid' },
];
