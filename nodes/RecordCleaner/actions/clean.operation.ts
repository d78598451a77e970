/**
 * Clean: per item, read each configured field with the domain's parsers and write the normalised value
 * (cleanRecord.ts); blank rows go to the Empty Rows output. The node's only operation: settings
 * (clean.settings.ts) → cleanRecord → items.
 */
import { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { mapItems } from '../../shared/execution';
import { openInput } from '../../shared/input';
import { cleanRecord } from '../cleanRecord';
import { readCleanSettings } from './clean.settings';

export { description } from './clean.settings';

export const OUTPUT_CLEANED = 0;
export const OUTPUT_EMPTY = 1;

/** @param nodeProperties the node's parameter definitions (for names in messages about run-level parameters) */
export function execute(ctx: IExecuteFunctions, nodeProperties: INodeProperties[]): INodeExecutionData[][] {
	// "Fields to Clean" (Field Name, Write To, …) is read per item; the options once per run (checked).
	const input = openInput(ctx, { properties: nodeProperties, perItem: ['rules'] });
	const settings = readCleanSettings(ctx);
	const cleaningOptions = {
		...settings.cleaning,
		timeZone: input.zone,
		read: (json: IDataObject, field: string) => input.read(json, field),
		columnOf: (json: IDataObject, field: string) => input.columnOf(json, field),
	};
	const outputs = mapItems(
		ctx,
		2,
		(item, itemIndex) => ({ json: cleanRecord(item.json, settings.rulesOf(itemIndex), cleaningOptions), output: OUTPUT_CLEANED }),
		settings.privacy,
		input,
		// Blank rows keep their own output here (existing behaviour), with their row number, and are counted.
		(item, itemIndex) => ({ json: { ...item.json, rowNumber: itemIndex + 1 }, output: OUTPUT_EMPTY }),
		// Error items also carry the error in words for a mail (details.text, details.fix).
		{ messageLanguage: settings.messageLanguage },
	);
	input.finish('went to the Empty Rows output');
	return outputs;
}
