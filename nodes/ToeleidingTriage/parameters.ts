/**
 * Node-local parts the node description and the Triage operation share: the routes, their labels and
 * the outputs they make.
 */
import type { ExpressionString } from 'n8n-workflow';

import { PRESETS, PRESET_IDS, type PresetId } from '../../domain/policies';
import { ROUTES, type Route } from '../../domain/triage';

export const ROUTE_LABELS: Record<Route, string> = {
	needs_information: 'Needs Information',
	collective: 'Collective Youth Care at School',
	individual_beschikking: 'Individual Beschikking',
	combined: 'Combined (Grijs Gebied)',
	basic_support: 'Basic Support by School',
	voorliggend_veld: 'Voorliggend Veld',
	zorgteam_weighing: 'Zorgteam Weighing',
	wlz: 'Wlz',
	anonymous_advice: 'Anonymous Advice Only',
	mandated_route: 'Mandated Route (Zorgonderwijsspecialist)',
};

/**
 * One output per route, in ROUTES order ("Needs Information" first: failed items land there under "Continue").
 * The Mandated Route output (index 9) exists only under a policy that can produce it (Rotterdam): every other
 * workflow keeps its nine outputs, so n8n's error output ("Continue (using error output)") stays at index 9
 * and no existing connection moves.
 */
/** The presets whose designated schools grant youth care under mandate (the Mandated Route output is shown). */
export const MANDATED_PRESETS: PresetId[] = PRESET_IDS.filter((id) => PRESETS[id].accessRoute === 'mandated_specialist');
/** The routes (and so outputs) of a node under a policy. */
export function routesFor(policy: { accessRoute?: string }): readonly Route[] {
	return policy.accessRoute === 'mandated_specialist' ? ROUTES : ROUTES.filter((r) => r !== 'mandated_route');
}
const outputList = (routes: readonly Route[]): string => JSON.stringify(routes.map((r) => ({ type: 'main', displayName: ROUTE_LABELS[r] })));
/** The node's outputs as an expression of the Region Policy parameter. */
export const OUTPUTS_EXPRESSION = `={{ ${JSON.stringify(MANDATED_PRESETS)}.includes($parameter.regionPolicy) ? ${outputList(ROUTES)} : ${outputList(routesFor({}))} }}` as ExpressionString;
