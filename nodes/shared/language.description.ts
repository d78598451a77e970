/**
 * The language choice for text that reaches people outside n8n (mails, statements, agendas, the error in words
 * on error items): Dutch by default, English available (DOMAIN.md "Language"). One definition for every node;
 * each node keeps the parameter name and label it has always stored and shown (`language`, `chartLanguage`,
 * `noteLanguage`; "Message Language", "Chart Language", …), so saved workflows keep their choice.
 */
import type { INodeProperties } from 'n8n-workflow';

export interface LanguageParameterSpec {
	/** The label, e.g. "Message Language". */
	displayName: string;
	/** The stored parameter name (never change it for an existing node). Default: `language`. */
	name?: string;
	/** What the language applies to. */
	description: string;
	/** Hint under "Dutch" (who reads it, or an example). */
	dutch?: string;
	/** Hint under "English". */
	english?: string;
	displayOptions?: INodeProperties['displayOptions'];
}

/** A Dutch/English choice, Dutch by default. */
export function languageProperty(spec: LanguageParameterSpec): INodeProperties {
	return {
		displayName: spec.displayName,
		name: spec.name ?? 'language',
		type: 'options',
		options: [
			{ name: 'Dutch', value: 'nl', description: spec.dutch ?? 'Nederlands (default)' },
			{ name: 'English', value: 'en', description: spec.english ?? 'For readers who do not read Dutch' },
		],
		default: 'nl',
		...(spec.displayOptions ? { displayOptions: spec.displayOptions } : {}),
		description: spec.description,
	};
}
