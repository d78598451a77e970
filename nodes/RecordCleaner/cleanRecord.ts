/**
 * The cleaning of one record: read each configured field with the domain's parsers and write the
 * normalised value. Pure: no n8n context, so it is tested and reused without the engine.
 */
import { formatDutchDate, formatIsoDate, parseCalendarDate } from '../../domain/dates';
import { MissingFieldError } from '../../domain/errors';
import { MunicipalityRegistry } from '../../domain/municipalities';
import { normaliseBsn } from '../../domain/bsn';
import { parseBrin } from '../../domain/brin';
import type { IDataObject } from 'n8n-workflow';
import { isBlank, readField } from '../shared/execution';
import type { FieldType } from './RecordCleaner.description';

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
	noteLanguage?: 'nl' | 'en';
	timeZone: string;
	registry: MunicipalityRegistry;
}

/** True when every value of the record is empty: a blank spreadsheet row. */
export function isEmptyRecord(json: IDataObject): boolean {
	return Object.values(json).every(isBlank);
}

/** Returns a new record with the configured fields normalised; throws a DomainError naming the field. */
export function cleanRecord(json: IDataObject, rules: CleaningRule[], options: CleaningOptions): IDataObject {
	const out: IDataObject = { ...json };
	for (const rule of rules) {
		const value = readField(json, rule.field);
		const target = rule.outputField?.trim() || rule.field;
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
					delete out[rule.field];
					if (target !== rule.field) delete out[target];
				} else {
					out[target] = bsn;
				}
				break;
			}
		}
	}
	return out;
}
