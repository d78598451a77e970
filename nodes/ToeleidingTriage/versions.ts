/** Toeleiding Triage's version table: each behaviour with the first node version that has it (`nodes/shared/versions.ts`). */
import { VersionTable } from '../shared/versions';

export const VERSIONS = new VersionTable([1, 1.1, 1.2, 1.3], {
	/** Identifying columns are removed from items by default; the Identifying Data in Output choice. */
	removeIdentifyingData: 1.1,
	/** Input Columns shows every expected column (before: the one-by-one Field Names collection). */
	columnMapping: 1.2,
	/** The 8-week deadline can count school weeks with the Deadline Monitor's clock (issue 21 §4): Deadline Counting and its calendar. */
	schoolWeekDeadline: 1.3,
});
