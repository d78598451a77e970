/** HTML for e-mails that leave n8n: one escaping rule for every value written into markup. */

/** Escape `& < > " '` so a value can sit in element text or a quoted attribute. */
export function escapeHtml(value: string): string {
	return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
