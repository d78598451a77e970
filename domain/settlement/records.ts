/**
 * Reading delivery records (one spreadsheet row each) into validated `DeliveryRecord`s.
 * Every problem is an InvalidFieldError naming the user's column; nothing from the row is echoed
 * except short, safe values (see `describeValue`).
 */
import { tryParseBrin } from '../primitives/brin';
import { readIdentifier, stripInvisible } from '../primitives/identifier';
import { describeValue, InvalidFieldError, MissingFieldError } from '../primitives/errors';
import { parseAmount, parseDecimal } from '../money';
import { getDefaultRegistry, type Municipality, type MunicipalityRegistry } from '../municipalities/registry';
import type { Arrangement } from '../policies/classify';
import type { FinancingForm } from '../policies/types';
import { formatIsoDate } from '../primitives/dates';
import { parsePeriod, periodContains, type Period } from './period';
import type { DeliveryRecord } from './types';
import { normalisePupilRef } from '../primitives/pseudonym';
import { isBlank } from '../primitives/blank';
import { defaultColumnNames } from '../primitives/columns';
import { DELIVERY_COLUMNS, type DeliveryColumn } from './columns';
import { PupilLookup } from './pupils';

/** Column names of the delivery spreadsheet (parameters of the node; defaults and meaning in ./columns). */
export type DeliveryFields = Record<DeliveryColumn, string>;

export const DEFAULT_DELIVERY_FIELDS: DeliveryFields = defaultColumnNames(DELIVERY_COLUMNS);

export interface RecordContext {
	period: Period;
	financingForm: FinancingForm;
	allocationKey: 'pupils' | 'hours';
	tariffs?: Record<string, number>;
	prices?: Record<string, number>;
	useRecordCost?: boolean;
	/** Population financing with a budget per lot: every record's product must be one of these lots. */
	lotBudgets?: Record<string, number>;
	defaultArrangement?: Arrangement;
	registry?: MunicipalityRegistry;
	/** Read a field (dot paths allowed); defaults to plain property access. */
	read?: (json: Record<string, unknown>, field: string) => unknown;
	/** The period labels this run has parsed (`newPeriodCache()`, made per run); without it each label is parsed anew. */
	periods?: PeriodCache;
	/**
	 * The values this run has read, by field (`newRecordValueCache()`, made per run and per context: what a value
	 * reads as depends on the registry, the tariffs and the options); without it every value is read anew.
	 */
	values?: RecordValueCache;
}

/** Spreadsheets repeat the same few period labels: a run parses each text once. Bounded; holds only successful parses. */
export type PeriodCache = Map<string, Period>;

/** A period cache for one run (never module-wide: CONTRIBUTING "Hot paths"). */
export function newPeriodCache(): PeriodCache {
	return new Map();
}

/**
 * What a run's records repeat: a few municipalities, hours, arrangements, schools and products, each read
 * once per distinct value as it arrives (a text or a number; never an object, never -0). Holds only what
 * was read without an error: a wrong value is read again, and fails, for every record that has it, so each
 * record gets its own error for the first wrong field, as without the cache. Bounded (each map starts again
 * empty past `VALUE_CACHE_LIMIT` values); holds only strings, numbers and the registry's own municipalities.
 */
export interface RecordValueCache {
	/** Pupil references by the value as it arrives, each with its number (`DeliveryRecord.pupilKey`). */
	pupils: Map<string | number, PupilEntry>;
	/** The next pupil number: never reused in the run, also when `pupils` starts again. */
	nextPupilKey: number;
	residences: Map<string | number, Municipality>;
	hours: Map<string, number>;
	arrangements: Map<string, Arrangement>;
	schools: Map<string | number, string>;
	/** The product or lot code as the record keeps it (tariffs, prices and lot budgets checked). */
	products: Map<string | number, string>;
}

/** A pupil reference as read (the one identifier rule) and its number in the run. Frozen. */
export interface PupilEntry {
	readonly ref: string;
	readonly key: number;
}

const VALUE_CACHE_LIMIT = 10_000;
/** Pupils are per record, not a handful: a run of a million records keeps them all. */
const PUPIL_CACHE_LIMIT = 1_000_000;

/** A value cache for one run and one RecordContext (never module-wide: CONTRIBUTING "Hot paths"). */
export function newRecordValueCache(): RecordValueCache {
	return { pupils: new Map(), nextPupilKey: 0, residences: new Map(), hours: new Map(), arrangements: new Map(), schools: new Map(), products: new Map() };
}

/** A value compared by content in a Map and read the same wherever it appears: a text, or a number other than -0. */
function cacheable(value: unknown): value is string | number {
	return typeof value === 'string' || (typeof value === 'number' && !Object.is(value, -0));
}

function remember<K, V>(map: Map<K, V>, key: K, value: V, limit = VALUE_CACHE_LIMIT): V {
	if (map.size >= limit) map.clear();
	map.set(key, value);
	return value;
}

const ARRANGEMENTS: Record<string, Arrangement> = {
	group: 'group',
	groep: 'group',
	groepsaanbod: 'group',
	groepsgericht: 'group',
	groepsactiviteit: 'group',
	collectief: 'group',
	basis: 'group',
	basisvoorziening: 'group',
	individual: 'individual',
	individueel: 'individual',
	individuele: 'individual',
	individuelehulp: 'individual',
	individueleondersteuning: 'individual',
	extra: 'individual',
	extraondersteuning: 'individual',
	class: 'class',
	klas: 'class',
	onderwijszorgklas: 'class',
	ozk: 'class',
	classplace: 'class',
};

export const ARRANGEMENT_VALUES = 'group (groep, groepsaanbod), individual (individueel, extra ondersteuning) or class (onderwijs-zorgklas)';

export function parseArrangement(value: unknown, field: string, fallback?: Arrangement): Arrangement {
	if (isBlank(value)) {
		if (fallback) return fallback;
		throw new MissingFieldError(field, `Fill in ${ARRANGEMENT_VALUES}.`);
	}
	const key = typeof value === 'string' ? value.toLowerCase().replace(/[^a-z]/g, '') : '';
	const found = ARRANGEMENTS[key];
	if (!found) {
		throw new InvalidFieldError('invalid_arrangement', field, `Field "${field}" is not a known arrangement type: received ${describeValue(value)}`, `Use ${ARRANGEMENT_VALUES}.`);
	}
	return found;
}

/** A period label, through the run's cache when there is one (an error is thrown again for each record). */
function cachedPeriod(value: unknown, field: string, cache: PeriodCache | undefined): Period {
	if (cache === undefined || typeof value !== 'string') return parsePeriod(value, field);
	let p = cache.get(value);
	if (p === undefined) {
		p = parsePeriod(value, field);
		if (cache.size >= 1000) cache.clear();
		cache.set(value, p);
	}
	return p;
}


const plainRead = (json: Record<string, unknown>, field: string) => json[field];

export function parseDeliveryRecord(json: Record<string, unknown>, index: number, fields: DeliveryFields, ctx: RecordContext): DeliveryRecord {
	const read = ctx.read ?? plainRead;
	const registry = ctx.registry ?? getDefaultRegistry();
	// Every field is read in the same order with or without the cache: a cached value read without an error
	// before, a value not in the cache read (and refused) as ever. The first wrong field is the same either way.
	const values = ctx.values;

	const rawPupil = read(json, fields.pupil);
	const known = values !== undefined && cacheable(rawPupil) ? values.pupils.get(rawPupil) : undefined;
	const pupil = known ?? readPupil(rawPupil, fields, values);

	const rawResidence = read(json, fields.residence);
	let municipality = values !== undefined && cacheable(rawResidence) ? values.residences.get(rawResidence) : undefined;
	if (municipality === undefined) {
		if (isBlank(rawResidence)) throw new MissingFieldError(fields.residence, 'Fill in the municipality where the pupil lives (woonplaatsbeginsel): a CBS gemeentecode such as 0307 or the name.');
		municipality = registry.resolve(rawResidence, fields.residence);
		if (values !== undefined && cacheable(rawResidence)) remember(values.residences, rawResidence, municipality);
	}

	const rawPeriod = read(json, fields.period);
	let period: Period;
	if (isBlank(rawPeriod)) {
		period = ctx.period;
	} else {
		period = cachedPeriod(rawPeriod, fields.period, ctx.periods);
		if (!periodContains(ctx.period, period)) {
			throw new InvalidFieldError(
				'outside_period',
				fields.period,
				`Field "${fields.period}" lies outside the settlement period ${ctx.period.label} (${formatIsoDate(ctx.period.start)} to ${formatIsoDate(ctx.period.end)}): received ${period.label}`,
				'Settle this record in its own period, or correct its period or date.',
			);
		}
	}

	const rawHours = read(json, fields.hours);
	let hours: number | undefined;
	if (values !== undefined && typeof rawHours === 'string') {
		hours = values.hours.get(rawHours);
		if (hours === undefined && !isBlank(rawHours)) hours = remember(values.hours, rawHours, parseDecimal(rawHours, fields.hours));
	} else if (!isBlank(rawHours)) {
		// a number is checked as it is (no cheaper through a cache)
		hours = parseDecimal(rawHours, fields.hours);
	}
	const needsHours = (ctx.financingForm === 'pxq' && !ctx.useRecordCost) || ((ctx.financingForm === 'function' || ctx.financingForm === 'population') && ctx.allocationKey === 'hours');
	if (needsHours && hours === undefined) {
		throw new MissingFieldError(fields.hours, ctx.financingForm === 'pxq' ? 'PxQ settles hours × tariff: fill in the hours delivered (uren).' : 'The allocation key is hours delivered: fill in the hours (uren) of every record, or allocate by pupils.');
	}

	const rawArrangement = read(json, fields.arrangement);
	let arrangement: Arrangement;
	if (values !== undefined && typeof rawArrangement === 'string') {
		arrangement = values.arrangements.get(rawArrangement) ?? remember(values.arrangements, rawArrangement, parseArrangement(rawArrangement, fields.arrangement, ctx.defaultArrangement));
	} else {
		arrangement = parseArrangement(rawArrangement, fields.arrangement, ctx.defaultArrangement);
	}

	const rawProduct = read(json, fields.product);

	const rawSchool = read(json, fields.school);
	let school: string;
	if (values !== undefined && cacheable(rawSchool)) {
		school = values.schools.get(rawSchool) ?? remember(values.schools, rawSchool, schoolOf(rawSchool));
	} else {
		school = schoolOf(rawSchool);
	}

	let cost: number | undefined;
	let product: string;
	if (ctx.useRecordCost && (ctx.financingForm === 'pxq' || ctx.financingForm === 'output')) {
		product = productText(rawProduct);
		const rawCost = read(json, fields.cost);
		if (isBlank(rawCost)) throw new MissingFieldError(fields.cost, 'The settlement uses the cost on each record: fill in the cost (kosten) or switch off "Use Record Cost".');
		cost = parseAmount(rawCost, fields.cost);
	} else if (values !== undefined && cacheable(rawProduct)) {
		product = values.products.get(rawProduct) ?? remember(values.products, rawProduct, checkedProduct(rawProduct, fields, ctx));
	} else {
		product = checkedProduct(rawProduct, fields, ctx);
	}

	const record: DeliveryRecord = { index, pupilRef: pupil.ref, pupilKey: pupil.key, school, residenceCode: municipality.code, residenceName: municipality.name, period, hours, arrangement, product, cost };
	// A municipality that no longer exists: its legal successor pays; the statement line shows the original.
	if (municipality.formerly) record.residenceFormerly = municipality.formerly;
	return record;
}

/**
 * A pupil reference by the one identifier rule, with its number in the run when there is a value cache.
 * @throws MissingFieldError, InvalidFieldError when the value is empty or not a readable reference
 */
function readPupil(rawPupil: unknown, fields: DeliveryFields, values: RecordValueCache | undefined): { ref: string; key: number | undefined } {
	if (isBlank(rawPupil)) throw new MissingFieldError(fields.pupil, 'Every delivery record needs a pupil reference (leerlingnummer or another stable reference); it is pseudonymised on the statement.');
	if (typeof rawPupil !== 'string' && typeof rawPupil !== 'number') {
		throw new InvalidFieldError('invalid_pupil_reference', fields.pupil, `Field "${fields.pupil}" is not a text or number: received ${describeValue(rawPupil)}`, 'Map a column that holds a pupil reference.');
	}
	// the one identifier rule: `L-0001` followed by a zero-width space is `L-0001`, `12345.0` is `12345`
	const ref = readIdentifier(rawPupil, fields.pupil);
	if (ref === '') throw new MissingFieldError(fields.pupil, 'Every delivery record needs a pupil reference (leerlingnummer or another stable reference); it is pseudonymised on the statement.');
	if (values === undefined || !cacheable(rawPupil)) return { ref, key: undefined };
	return remember(values.pupils, rawPupil, Object.freeze({ ref, key: values.nextPupilKey++ }), PUPIL_CACHE_LIMIT);
}

/** A school as a record keeps it: a BRIN code by the one BRIN rule (12 ab 01 → 12AB01); a school name as written. */
function schoolOf(rawSchool: unknown): string {
	const schoolText = isBlank(rawSchool) ? '' : stripInvisible(String(rawSchool)).slice(0, 80);
	return tryParseBrin(schoolText)?.code ?? schoolText;
}

/** A product or lot code as written: compared with the configured codes (normaliseProductCode): invisible characters removed, digits as written. */
function productText(rawProduct: unknown): string {
	return isBlank(rawProduct) ? '' : stripInvisible(String(rawProduct));
}

/**
 * The product or lot code a record keeps (not with the records' own cost): the configured code it names.
 * @throws InvalidFieldError when no tariff, price or lot budget fits it
 */
function checkedProduct(rawProduct: unknown, fields: DeliveryFields, ctx: RecordContext): string {
	const product = productText(rawProduct);
	if (ctx.financingForm === 'pxq') {
		requireTariff(ctx.tariffs, product, fields.product, 'tariff');
		return findProductCode(ctx.tariffs, product) ?? product;
	}
	if (ctx.financingForm === 'output') {
		requireTariff(ctx.prices, product, fields.product, 'price');
		return findProductCode(ctx.prices, product) ?? product;
	}
	if (ctx.financingForm === 'population' && ctx.lotBudgets && Object.keys(ctx.lotBudgets).length > 0) {
		const lot = product === '' ? undefined : findProductCode(ctx.lotBudgets, product);
		// the statement shows the lot as configured
		if (lot !== undefined) return lot;
		throw new InvalidFieldError(
			'unknown_lot',
			fields.product,
			product === '' ? `Field "${fields.product}" is empty: with a budget per lot every record names its lot (perceel)` : `Field "${fields.product}" names a lot that has no budget: received ${describeValue(product)}`,
			`Use one of the lots under "Budgets per Lot" (${Object.keys(ctx.lotBudgets).slice(0, 10).join(', ')}), or add a budget for this lot.`,
		);
	}
	return product;
}

function requireTariff(table: Record<string, number> | undefined, product: string, field: string, what: 'tariff' | 'price'): void {
	if (lookupTariff(table, product) !== undefined) return;
	const label = what === 'tariff' ? 'tariff' : 'fixed price';
	throw new InvalidFieldError(
		what === 'tariff' ? 'missing_tariff' : 'missing_price',
		field,
		product === '' ? `No default ${label} is set and field "${field}" is empty` : `No ${label} is set for the product in field "${field}": received ${describeValue(product)}`,
		what === 'tariff' ? 'Add the product under "Tariffs per Product" or set a default tariff per hour.' : 'Add the product under "Prices per Product" or set a default fixed price per arrangement.',
	);
}

/** A product or lot code as compared: the one identifier rule (`stripInvisible`), letter case ignored. */
export function normaliseProductCode(code: string): string {
	return stripInvisible(code).toLowerCase();
}

/**
 * The configured product/lot code a record's code names: the exact entry, else the one entry equal after
 * normalisation (`p1 ` finds `P1`); never the default (''). Undefined when none matches.
 */
export function findProductCode(table: Record<string, number> | undefined, product: string): string | undefined {
	if (!table || product === '') return undefined;
	if (Object.prototype.hasOwnProperty.call(table, product)) return product;
	const wanted = normaliseProductCode(product);
	if (wanted === '') return undefined;
	return Object.keys(table).find((k) => k !== '' && normaliseProductCode(k) === wanted);
}

/** Find the tariff/price for a product: its own entry (codes compared as normaliseProductCode does), else the default (''). */
export function lookupTariff(table: Record<string, number> | undefined, product: string): number | undefined {
	if (!table) return undefined;
	const code = findProductCode(table, product);
	if (code !== undefined) return table[code];
	if (Object.prototype.hasOwnProperty.call(table, '')) return table[''];
	return undefined;
}

/**
 * Records for the same pupil and the same period that name different residence municipalities
 * contradict each other: none of them can be settled. Returns the positions (in `records`) of every
 * record in such a group, with the error for it, which names the other records of the group.
 * @param row names a record by its item index as the user sees the row (default `item <index + 1>`)
 */
export function findContradictions(records: readonly DeliveryRecord[], fields: DeliveryFields, row: (index: number) => string = (i) => `item ${i + 1}`): Map<number, InvalidFieldError> {
	// One pass: remember the first residence per (pupil, period); collect only the groups that conflict.
	// Groups are found per pupil (normalised), then by the period's day numbers: no key string per record.
	// A pupil is found by the record's pupil number, else its reference (PupilLookup), normalised once per
	// distinct reference: references that normalise alike share one pupil.
	interface Group { start: number; end: number; code: string; conflict: boolean; positions?: number[]; next?: Group }
	interface Pupil { first: Group | undefined }
	const byPupil = new Map<string, Pupil>();
	const groups: Group[] = []; // in order of first appearance
	const pupils = new PupilLookup<Pupil>((ref) => {
		const normalised = normalisePupilRef(ref);
		let pupil = byPupil.get(normalised);
		if (pupil === undefined) byPupil.set(normalised, (pupil = { first: undefined }));
		return pupil;
	});
	const groupOf = (r: DeliveryRecord, create: boolean): Group | undefined => {
		const pupil = pupils.of(r);
		let g = pupil.first;
		let last: Group | undefined;
		for (; g !== undefined; last = g, g = g.next) if (g.start === r.period.start && g.end === r.period.end) return g;
		if (!create) return undefined;
		const made: Group = { start: r.period.start, end: r.period.end, code: r.residenceCode, conflict: false };
		if (last) last.next = made;
		else pupil.first = made;
		groups.push(made);
		return made;
	};
	let anyConflict = false;
	for (let i = 0; i < records.length; i++) {
		const r = records[i];
		const g = groupOf(r, true)!;
		if (g.code !== r.residenceCode) anyConflict = g.conflict = true;
	}
	const result = new Map<number, InvalidFieldError>();
	if (!anyConflict) return result;
	const conflicting = new Map<Group, number[]>();
	for (const g of groups) if (g.conflict) conflicting.set(g, []);
	for (let i = 0; i < records.length; i++) {
		const g = groupOf(records[i], false);
		if (g?.conflict) conflicting.get(g)!.push(i);
	}
	for (const positions of conflicting.values()) {
		const items = positions.map((p) => records[p].index).sort((a, b) => a - b);
		for (const p of positions) {
			const others = items.filter((i) => i !== records[p].index).map(row);
			result.set(
				p,
				new InvalidFieldError(
					'contradicting_records',
					fields.residence,
					`Records for the same pupil and period name different residence municipalities in field "${fields.residence}" (this record contradicts ${others.join(', ')})`,
					'A pupil has one residence municipality per period (woonplaatsbeginsel): correct the wrong record(s), or give each record its own period if the pupil moved.',
				),
			);
		}
	}
	return result;
}
