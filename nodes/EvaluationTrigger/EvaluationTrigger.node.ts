import { INodeType, INodeTypeDescription, ITriggerFunctions, ITriggerResponse, NodeConnectionTypes } from 'n8n-workflow';

import { properties } from './description';
import { route } from './router';

/** Semiannual Evaluation Trigger: the shell. Parameters in description.ts, the operation in actions/. */
export class EvaluationTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Semiannual Evaluation Trigger',
		name: 'evaluationTrigger',
		icon: { light: 'file:evaluationTrigger.svg', dark: 'file:evaluationTrigger.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle:
			'={{ "Moments: " + ($parameter["firstMomentDay"] ?? 1) + "/" + ($parameter["firstMomentMonth"] ?? 2) + " and " + ($parameter["secondMomentDay"] ?? 15) + "/" + ($parameter["secondMomentMonth"] ?? 6) }}',
		description:
			'Fires twice a year per school for the evaluation of collective youth care with the zorgteam (kernbepaling 11), exactly once per moment, with the period, the agenda and the annual-report flag',
		eventTriggerDescription: 'Waiting for the next evaluation moment',
		activationMessage: 'The evaluation trigger now fires at the two configured moments each year (and catches up a missed moment once).',
		defaults: { name: 'Semiannual Evaluation Trigger' },
		inputs: [],
		credentials: [
			{
				// optional: fired and finished moments in n8n's Data Tables (effectively once across crashes; nodes/shared/store.ts)
				name: 'sharedMemoryApi',
				required: false,
			},
		],
		outputs: [NodeConnectionTypes.Main],
		properties,
	};

	async trigger(this: ITriggerFunctions): Promise<ITriggerResponse> {
		return await route(this);
	}
}
