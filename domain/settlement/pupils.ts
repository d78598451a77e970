/**
 * Finding the pupil of each delivery record in one pass over a run's records (contradictions, grouping),
 * without hashing the reference text of every record. Pure: no I/O.
 */
import type { DeliveryRecord } from './types';

/**
 * One value per pupil of the records, made by `make` from the pupil reference, found by the record's pupil
 * number (`pupilKey`: an array index) when it has one, else by its reference. A number is only a shortcut:
 * a record whose number was first seen with another reference (records of another run) is looked up anew.
 * `make` runs once per distinct number or reference; it decides which references are one pupil (by
 * normalising or pseudonymising them) and returns the same value for those. Made per pass, never shared.
 */
export class PupilLookup<T> {
	private readonly byRef = new Map<string, T>();
	/** By pupil number: the reference first seen with it, and its value (two arrays: no object per slot). */
	private readonly refs: Array<string | undefined> = [];
	private readonly values: T[] = [];

	constructor(private readonly make: (ref: string) => T) {}

	of(r: DeliveryRecord): T {
		const k = r.pupilKey;
		if (k === undefined) {
			let value = this.byRef.get(r.pupilRef);
			if (value === undefined) this.byRef.set(r.pupilRef, (value = this.make(r.pupilRef)));
			return value;
		}
		const ref = this.refs[k];
		if (ref === r.pupilRef) return this.values[k];
		const value = this.make(r.pupilRef);
		if (ref === undefined) {
			this.refs[k] = r.pupilRef;
			this.values[k] = value;
		}
		return value;
	}
}
