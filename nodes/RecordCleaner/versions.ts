/** Record Cleaner's version table: each behaviour with the first node version that has it (`nodes/shared/versions.ts`). */
import { VersionTable } from '../shared/versions';

export const VERSIONS = new VersionTable([1, 1.1], {
	/** Identifying columns are removed from items by default; the Identifying Data in Output choice. */
	removeIdentifyingData: 1.1,
});
