/**
 * "Alert once per change": remembers the last status per pseudonymous case reference between runs.
 * The state is a plain JSON value (n8n keeps it in the workflow's static data): a list of
 * [caseRef, status] pairs, least recently seen first, bounded to `maxEntries` (oldest evicted).
 * A list, not an object, because object keys that look like integers lose their order in JS.
 */
export interface AlertState {
	version: 1;
	cases: Array<[string, string]>;
}

export function isAlertState(value: unknown): value is AlertState {
	return (
		value !== null &&
		typeof value === 'object' &&
		(value as AlertState).version === 1 &&
		Array.isArray((value as AlertState).cases)
	);
}

export class AlertMemory {
	private readonly statuses: Map<string, string>;

	constructor(stored: unknown, private readonly maxEntries: number) {
		this.statuses = new Map(isAlertState(stored) ? stored.cases.filter((e) => Array.isArray(e) && e.length === 2) : []);
	}

	/** Whether `status` differs from what was remembered for `caseRef` (unknown cases count as changed). Remembers it. */
	observe(caseRef: string, status: string): boolean {
		const previous = this.statuses.get(caseRef);
		// Move to the most recent position on every sighting, so cases still in the list are evicted last.
		this.statuses.delete(caseRef);
		this.statuses.set(caseRef, status);
		return previous !== status;
	}

	/** Whether `status` differs from what is remembered, without remembering it. */
	peek(caseRef: string, status: string): boolean {
		return this.statuses.get(caseRef) !== status;
	}

	get size(): number {
		return this.statuses.size;
	}

	/** The state to store, with the oldest entries evicted beyond `maxEntries`. */
	toState(): AlertState {
		const entries = [...this.statuses.entries()];
		return { version: 1, cases: entries.length > this.maxEntries ? entries.slice(entries.length - this.maxEntries) : entries };
	}
}
