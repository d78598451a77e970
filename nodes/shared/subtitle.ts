/**
 * Canvas subtitles that show what the beheerder chose, by its label, never an internal id
 * (issue 12: "Calculate: function", "Policy: amersfoort_osj").
 */
import type { INodePropertyOptions } from 'n8n-workflow';

/**
 * A JavaScript snippet for a subtitle expression: the label of the option chosen in `parameter`
 * (the default's label when the parameter is absent, as it is in saved workflows at its default).
 * A value without an option (an expression) shows as itself.
 */
export function optionLabel(parameter: string, options: INodePropertyOptions[], fallback: string): string {
	const labels = JSON.stringify(Object.fromEntries(options.map((o) => [String(o.value), o.name])));
	const value = `($parameter[${JSON.stringify(parameter)}] ?? ${JSON.stringify(fallback)})`;
	return `(${labels}[${value}] ?? ${value})`;
}
