import {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	NodeConnectionTypes,
	NodeOperationError,
} from 'n8n-workflow';

import { MunicipalityRegistry, Municipality } from '../../domain/municipalities';
import { mapItems } from '../shared/execution';
import { identifyingDataProperties, readIdentifyingData } from '../shared/privacy';
import { cleanRecord, CleaningRule, isEmptyRecord } from './cleanRecord';
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
		const rules = ((this.getNodeParameter('rules', 0, {}) as { rule?: CleaningRule[] }).rule ?? []).map((r) => ({
			...r,
			field: r.field.trim(),
		}));
		if (rules.some((r) => r.field === '')) {
			throw new NodeOperationError(this.getNode(), 'A field to clean has no name', {
				description: 'Fill in "Field Name" for every entry under "Fields to Clean", or remove the empty entry.',
			});
		}
		const options = this.getNodeParameter('options', 0, {}) as {
			dateFormat?: 'iso' | 'dutch';
			addMunicipalityName?: boolean;
			removeBsn?: boolean;
			extraMunicipalities?: string;
		};
		const registry = new MunicipalityRegistry({ municipalities: parseExtraMunicipalities(this, options.extraMunicipalities) });
		const cleaningOptions = {
			dateFormat: options.dateFormat ?? 'iso',
			addMunicipalityName: options.addMunicipalityName ?? false,
			removeBsn: options.removeBsn ?? false,
			timeZone: this.getTimezone(),
			registry,
		};
		return mapItems(
			this,
			2,
			(item) =>
				isEmptyRecord(item.json)
					? { json: item.json, output: OUTPUT_EMPTY }
					: { json: cleanRecord(item.json, rules, cleaningOptions), output: OUTPUT_CLEANED },
			readIdentifyingData(this, undefined, rules.filter((r) => r.type === 'bsn').flatMap((r) => [r.field, r.outputField?.trim() || r.field])),
		);
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
