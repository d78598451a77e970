import type { INodeProperties } from 'n8n-workflow';

/**
 * One entry of a "Field Names" / "Input Columns" collection: a text parameter whose default is the
 * domain's default name for that field, so the description and the reading (`withFieldNames` in
 * domain/primitives/headers.ts) share one constant.
 */
export function fieldNameOption<K extends string>(defaults: Record<K, string>, name: K, displayName: string, description: string): INodeProperties {
	return { displayName, name, type: 'string' as const, default: defaults[name], description };
}
