/** Which documentation page documents which node (by its folder under nodes/), written out by hand (issue 26). */
export const NODE_PAGES: Record<string, string> = {
	ToeleidingTriage: 'docs/toeleiding-triage.md',
	DeadlineMonitor: 'docs/deadline-monitor.md',
	EvaluationTrigger: 'docs/evaluation-trigger.md',
	CrossRegionSettlement: 'docs/cross-region-settlement.md',
	RecordCleaner: 'docs/record-cleaner.md',
};
