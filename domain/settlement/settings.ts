/**
 * The rules for the settlement settings a user gives (Calculate's parameters), checked where the values are
 * made: the tariffs, prices or lot budgets per product, and a policy with participating municipalities.
 * Each rule raises a coded InvalidFieldError naming the parameter; the node's settings module
 * (nodes/CrossRegionSettlement/actions/calculate.settings.ts) turns it into a configuration error.
 */
import { parseAmount, type Cents } from '../money';
import type { RegionPolicy } from '../policies/types';
import { InvalidFieldError } from '../primitives/errors';
import { normaliseProductCode } from './records';

/** One entry of Tariffs per Product, Prices per Product or Budgets per Lot, as the user entered it. */
export interface ProductEntry {
	product: unknown;
	amount: unknown;
}

/**
 * The amounts per product code ('' = the default for products without their own). Entries without a code are
 * skipped; codes are kept as entered (trimmed).
 * @param label the parameter's name in messages, e.g. "Tariff per Hour"
 * @throws InvalidFieldError `duplicate_product_code` when two codes are the same code once trimmed, spaces
 *   collapsed and case ignored (ambiguous); parseAmount's errors for an amount that is not one
 */
export function productTable(entries: readonly ProductEntry[], label: string, defaultAmount?: Cents): Record<string, Cents> {
	const table: Record<string, Cents> = {};
	if (defaultAmount !== undefined) table[''] = defaultAmount;
	for (const e of entries) {
		const product = String(e.product ?? '').trim();
		if (product === '') continue;
		const twin = Object.keys(table).find((k) => k !== '' && normaliseProductCode(k) === normaliseProductCode(product));
		if (twin !== undefined) {
			throw new InvalidFieldError(
				'duplicate_product_code',
				label,
				`${label}: the codes "${twin.slice(0, 20)}" and "${product.slice(0, 20)}" are the same code (spaces and letter case are ignored)`,
				'Give every product or lot one entry.',
			);
		}
		table[product] = parseAmount(e.amount, `${label} (${product.slice(0, 20)})`);
	}
	return table;
}

/**
 * Population financing per lot needs at least one lot budget.
 * @throws InvalidFieldError `no_lot_budgets` (field `lotBudgets`)
 */
export function requireLotBudgets(budgets: Record<string, Cents>): Record<string, Cents> {
	if (Object.keys(budgets).length === 0) {
		throw new InvalidFieldError('no_lot_budgets', 'lotBudgets', 'No budget per lot is set', 'Add each lot (perceel) with its budget under "Budgets per Lot", or set "Lump Sum Per" to Period.');
	}
	return budgets;
}

/**
 * A settlement needs a region: at least one participating municipality (a custom policy has none until given).
 * @throws InvalidFieldError `no_participating_municipalities` (field `participatingMunicipalities`)
 */
export function requireParticipants(policy: RegionPolicy): RegionPolicy {
	if (policy.participatingMunicipalities.length === 0) {
		throw new InvalidFieldError(
			'no_participating_municipalities',
			'participatingMunicipalities',
			'The region policy has no participating municipalities',
			'Fill in "Participating Municipalities" (CBS codes or names, one per line or separated by ";" or ",") for a custom policy.',
		);
	}
	return policy;
}
