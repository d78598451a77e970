/**
 * Effectively once for evaluation moments (domain/evaluation/firing.ts, shared memory): a key is
 * retried only when no run finished, at most once, never after a run finished.
 */
import fc from 'fast-check';

import { claims, decideRun, evaluationExecutionKey, MAX_ATTEMPTS, mergeRecord, MomentEvent, nextAttempt, wonFiring } from '../../../domain/evaluation';

/** Keys to fire again at an activation that cannot ask n8n about the execution (no execution scopes). */
const keysToRetry = (events: MomentEvent[]) =>
	claims(events)
		.filter((c) => decideRun({ attempts: c.attempts, done: c.done, observed: { state: 'unknown' }, failedRunsKept: true, now: 0 }).action === 'retry')
		.map((c) => c.key);

type Step = { kind: 'activate' } | { kind: 'finish' } | { kind: 'crash' };

describe('evaluation moments: effectively once', () => {
	it('over any sequence of activations, crashes and finished runs: at most 2 runs, none after one finished, and a finished run when any run got to finish', () => {
		fc.assert(
			fc.property(fc.array(fc.constantFrom<Step['kind']>('activate', 'finish', 'crash'), { maxLength: 12 }), (kinds) => {
				const events: MomentEvent[] = [];
				let id = 1;
				let running: number | undefined; // attempt of the run in progress
				let runs = 0;
				let finished = 0;
				// the moment fires on time once
				events.push({ id: id++, key: 'K', event: 'fired', attempt: 1 });
				running = 1;
				runs++;
				for (const kind of kinds) {
					if (kind === 'finish' && running !== undefined) {
						events.push({ id: id++, key: 'K', event: 'done', attempt: running });
						finished++;
						running = undefined;
					} else if (kind === 'crash') {
						running = undefined; // n8n killed: the run is lost, nothing recorded
					} else if (kind === 'activate' && running === undefined) {
						const retry = keysToRetry(events);
						const record = mergeRecord({ fired: { K: 1 } }, events, retry);
						if (record.fired.K === undefined) {
							const attempt = nextAttempt(events, ['K']);
							events.push({ id: id++, key: 'K', event: 'fired', attempt });
							running = attempt;
							runs++;
						}
					}
				}
				expect(runs).toBeLessThanOrEqual(MAX_ATTEMPTS);
				expect(finished).toBeLessThanOrEqual(1);
				// a retry happens only when the first run did not finish
				if (runs === 2) expect(events.findIndex((e) => e.event === 'done')).not.toBe(1);
			}),
			{ numRuns: 3000 },
		);
	});

	it('retries a key fired and never finished, once', () => {
		const fired1: MomentEvent = { id: 1, key: 'A:2026-02-02', event: 'fired', attempt: 1 };
		expect(keysToRetry([fired1])).toEqual(['A:2026-02-02']);
		expect(keysToRetry([fired1, { id: 2, key: 'A:2026-02-02', event: 'done', attempt: 1 }])).toEqual([]);
		expect(keysToRetry([fired1, { id: 2, key: 'A:2026-02-02', event: 'fired', attempt: 2 }])).toEqual([]);
		expect(nextAttempt([fired1], ['A:2026-02-02'])).toBe(2);
		expect(nextAttempt([], ['A:2026-02-02'])).toBe(1);
	});

	it('the store\'s fired keys count as fired, except the ones retried now', () => {
		const events: MomentEvent[] = [
			{ id: 1, key: 'A', event: 'fired', attempt: 1 },
			{ id: 2, key: 'B', event: 'fired', attempt: 1 },
		];
		expect(Object.keys(mergeRecord({ fired: {} }, events, ['B']).fired)).toEqual(['A']);
	});

	it('two instances claiming the same key and attempt: the lower row wins', () => {
		const rows: MomentEvent[] = [
			{ id: 7, key: 'A', event: 'fired', attempt: 1 },
			{ id: 8, key: 'A', event: 'fired', attempt: 1 },
		];
		expect(wonFiring([rows[0]], rows)).toEqual(['A']);
		expect(wonFiring([rows[1]], rows)).toEqual([]);
	});

	it('execution keys differ per attempt and carry no school data', () => {
		const k1 = evaluationExecutionKey('wf', 'node', ['12AB:2026-02-02'], 1);
		expect(evaluationExecutionKey('wf', 'node', ['12AB:2026-02-02'], 2)).not.toBe(k1);
		expect(k1).not.toContain('12AB');
	});
});
