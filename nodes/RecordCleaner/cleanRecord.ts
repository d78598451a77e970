/**
 * The cleaning of one record: read each configured field with the domain's parsers and write the
 * normalised value. Pure: no n8n context, so it is tested and reused without the engine.
 */
import { formatDutchDate, formatIsoDate, parseCalendarDate } from '../../domain/primitives/dates';
import { ConfigurationError, MissingFieldError } from '../../domain/primitives/errors';
import { MunicipalityRegistry } from '../../domain/municipalities';
import { normaliseBsn } from '../../domain/primitives/bsn';
import { parseBrin } from '../../domain/primitives/brin';
import type { IDataObject } from 'n8n-workflow';
import { readField } from '../shared/execution';
import { isBlank } from '../../domain/primitives/blank';
import type { Language } from '../../domain/primitives/language';

/** The kinds of field the node cleans (the Type of each "Fields to Clean" entry). */
export const FIELD_TYPES = ['date', 'municipality', 'brin', 'bsn'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export interface CleaningRule {
	field: string;
	type: FieldType;
	required: boolean;
	outputField?: string;
}

export interface CleaningOptions {
	dateFormat: 'iso' | 'dutch';
	addMunicipalityName: boolean;
	removeBsn: boolean;
	/** Language of the note for a municipality that no longer exists (default Dutch). */
	noteLanguage?: Language;
	timeZone: string;
	registry: MunicipalityRegistry;
	/** Reads a field (default: exact name or dot path); the node passes the shared input layer's reader. */
	read?: (json: IDataObject, field: string) => unknown;
	/** The key a field is read from in this record (so in-place writes replace that column). */
	columnOf?: (json: IDataObject, field: string) => string | undefined;
}

/**
 * The "Fields to Clean" entries for one item, field names trimmed.
 * @throws ConfigurationError when an entry has no field name (it stops the run whatever "On Error" says)
 */
export function readRules(raw: { rule?: CleaningRule[] }): CleaningRule[] {
	const rules = (raw.rule ?? []).map((r) => ({ ...r, field: String(r.field ?? '').trim() }));
	if (rules.some((r) => r.field === '')) {
		throw new ConfigurationError('missing_field_name', 'A field to clean has no name', {
			hint: 'Fill in "Field Name" for every entry under "Fields to Clean" (an expression there must give a name for every item), or remove the empty entry.',
		});
	}
	return rules;
}

/** Returns a new record with the configured fields normalised; throws a DomainError naming the field. */
export function cleanRecord(json: IDataObject, rules: CleaningRule[], options: CleaningOptions): IDataObject {
	const out: IDataObject = { ...json };
	const read = options.read ?? readField;
	for (const rule of rules) {
		const value = read(json, rule.field);
		const source = options.columnOf?.(json, rule.field) ?? rule.field;
		const target = rule.outputField?.trim() || source;
		if (isBlank(value)) {
			if (rule.required) throw new MissingFieldError(rule.field);
			continue;
		}
		switch (rule.type) {
			case 'date': {
				const date = parseCalendarDate(value, rule.field, options.timeZone);
				out[target] = options.dateFormat === 'dutch' ? formatDutchDate(date) : formatIsoDate(date);
				break;
			}
			case 'municipality': {
				const m = options.registry.resolve(value, rule.field);
				out[target] = m.code;
				if (options.addMunicipalityName) out[`${target}Name`] = m.name;
				if (m.formerly) {
					// A discontinued municipality: the successor is responsible; keep the old code and say why.
					out[`${target}FormerCode`] = m.formerly.code;
					out[`${target}Note`] = m.formerly.note[options.noteLanguage ?? 'nl'];
				}
				break;
			}
			case 'brin':
				out[target] = parseBrin(value, rule.field).code;
				break;
			case 'bsn': {
				const bsn = normaliseBsn(value, rule.field);
				if (options.removeBsn) {
					delete out[source];
					if (target !== source) delete out[target];
				} else {
					out[target] = bsn;
				}
				break;
			}
		}
	}
	return out;
}
