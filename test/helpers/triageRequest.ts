/**
 * A complete help request (aanmelding) in Toeleiding Triage's default field names, for engine tests.
 * Under the Amersfoort OSJ preset with `12AB` designated it is routed to collective youth care;
 * tests change what they are about with `overrides`.
 */
import type { IDataObject } from 'n8n-workflow';

export function triageRequest(id: string, overrides: IDataObject = {}): IDataObject {
	return {
		requestId: id,
		pupilReference: `PUP-${id}`,
		school: '12AB',
		residenceMunicipality: '0307',
		needs: 'gedrag',
		riskLevel: 'rood',
		zorgteamDecision: 'ja',
		zorgteamDate: '02-03-2026',
		oppPresent: 'ja',
		helpAtHome: 'nee',
		wlzIndication: 'nee',
		groupOfferSuitable: 'nee',
		parentalConsent: 'ja',
		...overrides,
	};
}
