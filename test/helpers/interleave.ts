/**
 * Runs as generators, one database round trip (or mail step) per `yield`, stepped in the order a
 * property test's `schedule` picks: every interleaving of concurrent runs fast-check can think of.
 * Used by the claim and outbox property tests (test/unit/deadlines/claims.test.ts, outbox.test.ts).
 */

/** Run generators step by step in the order `schedule` picks (index modulo the runs still going). */
export function interleave(runs: Array<Generator<void>>, schedule: number[]): void {
	const live = [...runs];
	let k = 0;
	while (live.length) {
		const i = (schedule[k++ % Math.max(schedule.length, 1)] ?? 0) % live.length;
		if (live[i].next().done) live.splice(i, 1);
	}
}
