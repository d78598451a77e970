/** Deadline Monitor's version table: each behaviour with the first node version that has it (`nodes/shared/versions.ts`). */
import { VersionTable } from '../shared/versions';

export const VERSIONS = new VersionTable([1, 1.1, 1.2, 1.3], {
	/** Identifying columns are removed from items by default; the Identifying Data in Output choice. */
	removeIdentifyingData: 1.1,
	/** Input Columns shows every expected column (before: the one-by-one Field Names collection). */
	columnMapping: 1.2,
	/** Check Cases, grouped per recipient: one group per recipient on each status output its cases leave on (before: one group on its most urgent output; issue 12). */
	groupPerOutput: 1.2,
	/**
	 * Issue 21 §1: a due date the holiday calendar cannot decide is marked as the earliest possible one
	 * (`dueDateKnown`, `statusCertain`) in the case, the grouped mail and the KPIs (`outcomeUnknown`, and the KPI
	 * `definition` says how those cases count); a case counted in school weeks names its calendar (`holidayCalendar`);
	 * Extra Closed Days and the school's own days on the built-in calendar.
	 */
	calendarValidity: 1.3,
	/**
	 * "Alert Only on Status Change" counts an alert as sent once Confirm Delivery confirmed it (the outbox, issue 23); its
	 * settings. Each alerted item carries its outbox claim (`delivery`), which Confirm Delivery reads.
	 */
	deliveryOutbox: 1.3,
});
