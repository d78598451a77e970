/**
 * Reading delivery records (one spreadsheet row each) into validated `DeliveryRecord`s.
 * Every problem is an InvalidFieldError naming the user's column; nothing from the row is echoed
 * except short, safe values (see `describeValue`).
 */
import { tryParseBrin } from '../primitives/brin';
import { readIdentifier, stripInvisible } from '../primitives/identifier';
import { describeValue, InvalidFieldError, MissingFieldError } from '../primitives/errors';
import { parseAmount, parseDecimal } from '../money';
import { getDefaultRegistry, type MunicipalityRegistry } from '../municipalities/registry';
import type { Arrangement } from '../policies/classify';
import type { FinancingForm } from '../policies/types';
import { formatIsoDate } from '../primitives/dates';
import { parsePeriod, periodContains, type Period } from './period';
import type { DeliveryRecord } from './types';
import { normalisePupilRef } from '../primitives/pseudonym';
import { isBlank } from '../primitives/blank';
import { defaultColumnNames } from '../primitives/columns';
import { DELIVERY_COLUMNS, type DeliveryColumn } from './columns';

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
}

/** Spreadsheets repeat the same few period labels: a run parses each text once. Bounded; holds only successful parses. */
export type PeriodCache = Map<string, Period>;

/** A period cache for one run (never module-wide: CONTRIBUTING "Hot paths"). */
export function newPeriodCache(): PeriodCache {
	return new Map();
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

	const rawPupil = read(json, fields.pupil);
	if (isBlank(rawPupil)) throw new MissingFieldError(fields.pupil, 'Every delivery record needs a pupil reference (leerlingnummer or another stable reference); it is pseudonymised on the statement.');
	if (typeof rawPupil !== 'string' && typeof rawPupil !== 'number') {
		throw new InvalidFieldError('invalid_pupil_reference', fields.pupil, `Field "${fields.pupil}" is not a text or number: received ${describeValue(rawPupil)}`, 'Map a column that holds a pupil reference.');
	}
	// the one identifier rule: `L-0001` followed by a zero-width space is `L-0001`, `12345.0` is `12345`
	const pupilRef = readIdentifier(rawPupil, fields.pupil);
	if (pupilRef === '') throw new MissingFieldError(fields.pupil, 'Every delivery record needs a pupil reference (leerlingnummer or another stable reference); it is pseudonymised on the statement.');

	const rawResidence = read(json, fields.residence);
	if (isBlank(rawResidence)) throw new MissingFieldError(fields.residence, 'Fill in the municipality where the pupil lives (woonplaatsbeginsel): a CBS gemeentecode such as 0307 or the name.');
	const municipality = registry.resolve(rawResidence, fields.residence);

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
	if (!isBlank(rawHours)) {
		hours = parseDecimal(rawHours, fields.hours);
	}
	const needsHours = (ctx.financingForm === 'pxq' && !ctx.useRecordCost) || ((ctx.financingForm === 'function' || ctx.financingForm === 'population') && ctx.allocationKey === 'hours');
	if (needsHours && hours === undefined) {
		throw new MissingFieldError(fields.hours, ctx.financingForm === 'pxq' ? 'PxQ settles hours × tariff: fill in the hours delivered (uren).' : 'The allocation key is hours delivered: fill in the hours (uren) of every record, or allocate by pupils.');
	}

	const arrangement = parseArrangement(read(json, fields.arrangement), fields.arrangement, ctx.defaultArrangement);

	const rawProduct = read(json, fields.product);
	// a product or lot code is compared with the configured codes (normaliseProductCode): invisible characters removed, digits as written
	let product = isBlank(rawProduct) ? '' : stripInvisible(String(rawProduct));

	const rawSchool = read(json, fields.school);
	// A BRIN code is written by the one BRIN rule (12 ab 01 → 12AB01); a school name stays as written.
	const schoolText = isBlank(rawSchool) ? '' : stripInvisible(String(rawSchool)).slice(0, 80);
	const school = tryParseBrin(schoolText)?.code ?? schoolText;

	let cost: number | undefined;
	if (ctx.useRecordCost && (ctx.financingForm === 'pxq' || ctx.financingForm === 'output')) {
		const rawCost = read(json, fields.cost);
		if (isBlank(rawCost)) throw new MissingFieldError(fields.cost, 'The settlement uses the cost on each record: fill in the cost (kosten) or switch off "Use Record Cost".');
		cost = parseAmount(rawCost, fields.cost);
	} else if (ctx.financingForm === 'pxq') {
		requireTariff(ctx.tariffs, product, fields.product, 'tariff');
		product = findProductCode(ctx.tariffs, product) ?? product;
	} else if (ctx.financingForm === 'output') {
		requireTariff(ctx.prices, product, fields.product, 'price');
		product = findProductCode(ctx.prices, product) ?? product;
	} else if (ctx.financingForm === 'population' && ctx.lotBudgets && Object.keys(ctx.lotBudgets).length > 0) {
		const lot = product === '' ? undefined : findProductCode(ctx.lotBudgets, product);
		if (lot !== undefined) product = lot; // the statement shows the lot as configured
		else {
			throw new InvalidFieldError(
				'unknown_lot',
				fields.product,
				product === '' ? `Field "${fields.product}" is empty: with a budget per lot every record names its lot (perceel)` : `Field "${fields.product}" names a lot that has no budget: received ${describeValue(product)}`,
				`Use one of the lots under "Budgets per Lot" (${Object.keys(ctx.lotBudgets).slice(0, 10).join(', ')}), or add a budget for this lot.`,
			);
		}
	}

	const record: DeliveryRecord = { index, pupilRef, school, residenceCode: municipality.code, residenceName: municipality.name, period, hours, arrangement, product, cost };
	// A municipality that no longer exists: its legal successor pays; the statement line shows the original.
	if (municipality.formerly) record.residenceFormerly = municipality.formerly;
	return record;
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
	interface Group { start: number; end: number; code: string; conflict: boolean; positions?: number[]; next?: Group }
	const byPupil = new Map<string, Group>();
	const groups: Group[] = []; // in order of first appearance
	const groupOf = (r: DeliveryRecord, create: boolean): Group | undefined => {
		const pupil = normalisePupilRef(r.pupilRef);
		let g = byPupil.get(pupil);
		let last: Group | undefined;
		for (; g !== undefined; last = g, g = g.next) if (g.start === r.period.start && g.end === r.period.end) return g;
		if (!create) return undefined;
		const made: Group = { start: r.period.start, end: r.period.end, code: r.residenceCode, conflict: false };
		if (last) last.next = made;
		else byPupil.set(pupil, made);
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
