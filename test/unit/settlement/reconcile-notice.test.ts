/**
 * The Reconcile Invoices notice in the editor reads as a sentence (issue 12: it was Title Cased): after the
 * first word, only quoted names ("Statements"), node names (Calculate, Merge) and modes (Append) start with a capital.
 */
import { description } from '../../../nodes/CrossRegionSettlement/actions/reconcile.operation';

it('the Reconcile notice is in sentence case', () => {
	const notice = description.find((p) => p.type === 'notice')!;
	// quoted names out; then every sentence without its first word (a sentence starts with a capital)
	const sentences = notice.displayName.replace(/"[^"]*"/g, '').split(/[.:;]\s+/);
	const words = sentences.flatMap((x) => x.split(/[\s(),.]+/).filter(Boolean).slice(1));
	const capitalised = words.filter((w) => /^[A-Z]/.test(w));
	expect(capitalised).toEqual(['Calculate', 'Merge', 'Append']);
});
