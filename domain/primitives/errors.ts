/**
 * Domain errors. Raised where values are made; node adapters map them to NodeOperationError.
 *
 * Privacy rule: a message never contains a BSN, a name or free text from the input. Use
 * `describeValue` to mention what was received without echoing anything that could identify a child.
 */

export class DomainError extends Error {
	/** Stable machine-readable code, e.g. `invalid_date`. */
	readonly code: string;
	/** The input field (as the user named it) that caused the error, if any. */
	readonly field?: string;
	/** How to fix it, in one or two sentences. */
	readonly hint?: string;

	constructor(code: string, message: string, options: { field?: string; hint?: string } = {}) {
		super(message);
		this.name = 'DomainError';
		this.code = code;
		this.field = options.field;
		this.hint = options.hint;
	}
}

/** A field's value could not be used. */
export class InvalidFieldError extends DomainError {
	constructor(code: string, field: string, message: string, hint?: string) {
		super(code, message, { field, hint });
		this.name = 'InvalidFieldError';
	}
}

/** A required field is empty or missing. */
export class MissingFieldError extends InvalidFieldError {
	constructor(field: string, hint?: string) {
		super('missing_field', field, `Field "${field}" is empty or missing`, hint ?? `Fill in "${field}" or map another column to it.`);
		this.name = 'MissingFieldError';
	}
}

const SAFE_ECHO = /^[0-9\-/.:TZ+ ]{1,30}$/;
/** Runs of seven or more digits could be (part of) a BSN or phone number: never echoed. */
const LONG_DIGIT_RUN = /\d{7,}/;

/**
 * Describe a received value for an error message without leaking personal data:
 * short date- or number-like values are quoted; anything else is described by its type and length only.
 */
export function describeValue(value: unknown): string {
	if (value === null) return 'null';
	if (value === undefined) return 'nothing';
	if (typeof value === 'number') {
		return Number.isFinite(value) && !LONG_DIGIT_RUN.test(String(Math.trunc(Math.abs(value))))
			? `the number ${value}`
			: 'a number that is not shown';
	}
	if (typeof value === 'boolean') return `the boolean ${value}`;
	if (typeof value === 'string') {
		const s = value.trim();
		if (s === '') return 'an empty text';
		if (SAFE_ECHO.test(s) && !LONG_DIGIT_RUN.test(s)) {
			return `"${s}"`;
		}
		return `a text of ${s.length} characters (not shown for privacy)`;
	}
	if (value instanceof Date) return 'a date object';
	if (Array.isArray(value)) return `a list of ${value.length} values`;
	return `a value of type ${typeof value}`;
}

/**
 * The node is configured in a way that cannot work for this input (e.g. two columns that both match a
 * field name, a parameter that resolves differently per item where the node reads it once per run).
 * Never an item error: it stops the run whatever "On Error" says, because every item would fail alike.
 */
export class ConfigurationError extends DomainError {
	constructor(code: string, message: string, options: { field?: string; hint?: string } = {}) {
		super(code, message, options);
		this.name = 'ConfigurationError';
	}
}
