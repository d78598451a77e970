import {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	NodeConnectionTypes,
	NodeOperationError,
} from 'n8n-workflow';

import { MunicipalityRegistry, Municipality } from '../../domain/municipalities';
import { mapItems } from '../shared/execution';
import { openInput, perItemParameter } from '../shared/input';
import { identifyingDataProperties, readIdentifyingData } from '../shared/privacy';
import { cleanRecord, CleaningRule, readRules } from './cleanRecord';
import { recordCleanerProperties } from './RecordCleaner.description';

export const OUTPUT_CLEANED = 0;
export const OUTPUT_EMPTY = 1;

export class RecordCleaner implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Jeugdhulp Record Cleaner',
		name: 'recordCleaner',
		icon: { light: 'file:recordCleaner.svg', dark: 'file:recordCleaner.dark.svg' },
		group: ['transform'],
		// 1.1: identifying columns are removed from the items by default (nodes/shared/privacy.ts)
		version: [1, 1.1],
		defaultVersion: 1.1,
		subtitle: '={{ ($parameter["rules"].rule || []).length + " field(s)" }}',
		description:
			'Make messy spreadsheet rows usable: Dutch dates, municipality names to CBS codes, BRIN school codes, BSN checks',
		defaults: { name: 'Record Cleaner' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main, NodeConnectionTypes.Main],
		outputNames: ['Cleaned', 'Empty Rows'],
		properties: [...recordCleanerProperties, ...identifyingDataProperties()],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		// "Fields to Clean" (Field Name, Write To, …) is read per item; the options once per run (checked).
		const input = openInput(this, { properties: recordCleanerProperties, perItem: ['rules'] });
		const rulesFor = perItemParameter(this, 'rules', {} as { rule?: CleaningRule[] });
		let lastRaw: { rule?: CleaningRule[] } | undefined;
		let lastRules: CleaningRule[] = [];
		const rulesOf = (itemIndex: number): CleaningRule[] => {
			const raw = rulesFor(itemIndex);
			if (raw === lastRaw) return lastRules;
			lastRaw = raw;
			lastRules = readRules(raw);
			return lastRules;
		};
		const options = this.getNodeParameter('options', 0, {}) as {
			dateFormat?: 'iso' | 'dutch';
			addMunicipalityName?: boolean;
			removeBsn?: boolean;
			noteLanguage?: 'nl' | 'en';
			extraMunicipalities?: string;
		};
		const registry = new MunicipalityRegistry({ municipalities: parseExtraMunicipalities(this, options.extraMunicipalities) });
		const cleaningOptions = {
			dateFormat: options.dateFormat ?? 'iso',
			addMunicipalityName: options.addMunicipalityName ?? false,
			removeBsn: options.removeBsn ?? false,
			noteLanguage: options.noteLanguage ?? 'nl',
			timeZone: input.zone,
			registry,
			read: (json: IDataObject, field: string) => input.read(json, field),
			columnOf: (json: IDataObject, field: string) => input.columnOf(json, field),
		};
		// The BSN columns the privacy layer removes besides its list: those of the first item's rules.
		let firstRules: CleaningRule[] = [];
		try {
			firstRules = this.getInputData().length > 0 ? rulesOf(0) : [];
		} catch {
			firstRules = []; // reported for the item itself
		}
		const bsnFields = firstRules.filter((r) => r.type === 'bsn').flatMap((r) => [r.field, r.outputField?.trim() || r.field]);
		const outputs = mapItems(
			this,
			2,
			(item, itemIndex) => ({ json: cleanRecord(item.json, rulesOf(itemIndex), cleaningOptions), output: OUTPUT_CLEANED }),
			readIdentifyingData(this, undefined, bsnFields),
			input,
			// Blank rows keep their own output here (existing behaviour), with their row number, and are counted.
			(item, itemIndex) => ({ json: { ...item.json, rowNumber: itemIndex + 1 }, output: OUTPUT_EMPTY }),
		);
		input.finish('went to the Empty Rows output');
		return outputs;
	}
}

function parseExtraMunicipalities(ctx: IExecuteFunctions, text: string | undefined): Municipality[] {
	const result: Municipality[] = [];
	for (const [index, raw] of (text ?? '').split(/\r?\n/).entries()) {
		const line = raw.trim();
		if (line === '') continue;
		const [code, ...name] = line.split(';');
		if (!/^(GM)?\d{1,4}$/i.test(code.trim()) || name.join(';').trim() === '') {
			throw new NodeOperationError(ctx.getNode(), `Line ${index + 1} of "Extra Municipalities" is not "code;name"`, {
				description: 'Write one municipality per line as its CBS code and name separated by a semicolon, e.g. 9999;Proefgemeente.',
			});
		}
		result.push({ code: code.trim(), name: name.join(';').trim() });
	}
	return result;
}
