import type { SandboxContext } from '../../../src/sandbox/module.js';
import type { Router, SandboxRequest, SandboxResponse } from '../../../src/sandbox/router.js';
import { guarded, type GuardOptions } from './guard.js';
import { I, needsLanguage } from './inventory.js';
import { publishErrors } from './offers.js';
import { fail, ok } from './responses.js';
import type { EbaySandboxState, SandboxGroup } from './state.js';

// errorId 25705 "The Inventory Item Group named {inventoryItemGroupKey} could not be found" (getInventoryItemGroup x-response-codes).
const groupNotFound = (key: string) => fail(404, { errorId: 25705, message: `The Inventory Item Group named ${key} could not be found or is not available in the system.` });

/**
 * Inventory item groups (multi-variation listings), from
 * specs/ebay/sell_inventory_v1_oas3.json#/paths/~1inventory_item_group~1{inventoryItemGroupKey}/put and
 * #/paths/~1offer~1publish_by_inventory_item_group/post.
 */
export function installGroups(router: Router, state: EbaySandboxState, ctx: SandboxContext, opts: GuardOptions): void {
  const g = (h: (req: SandboxRequest) => SandboxResponse) => guarded(state, ctx, opts, 'inventory', h);

  // "does a complete replacement of the existing inventory item group record, so all fields
  // (including the member SKUs) ... are required"; only the key (path) and variantSKUs are needed to create.
  router.add('PUT', `${I}/inventory_item_group/{key}`, g((req) => {
    const bad = needsLanguage(req);
    if (bad) return bad;
    const key = req.params.key!;
    const body = req.json<{ variantSKUs?: string[] } & Record<string, unknown>>();
    // 25002 "Any User error" (createOrReplaceInventoryItemGroup 400 x-response-codes, specs/ebay/sell_inventory_v1_oas3.json).
    if (!body?.variantSKUs?.length) return fail(400, { errorId: 25002, message: 'A user error has occurred. variantSKUs is missing.', parameters: [{ name: '0', value: 'variantSKUs' }] });
    const existed = state.groups.has(key);
    state.groups.set(key, { ...body, variantSKUs: body.variantSKUs, inventoryItemGroupKey: key });
    return ok(undefined, existed ? 204 : 201);
  }));

  router.add('GET', `${I}/inventory_item_group/{key}`, g((req) => {
    const group = state.groups.get(req.params.key!);
    return group ? ok(group) : groupNotFound(req.params.key!);
  }));

  // All members' unpublished offers on the site become one listing. Title, variesBy and the common
  // aspects are required before the first publish (InventoryItemGroup field notes); each member must
  // carry every variesBy aspect with one of its values (Specification.values note); members missing
  // data or an offer are left out of the listing (publishOfferByInventoryItemGroup description).
  router.add('POST', `${I}/offer/publish_by_inventory_item_group`, g((req) => {
    const body = req.json<{ inventoryItemGroupKey?: string; marketplaceId?: string }>() ?? {};
    const group = body.inventoryItemGroupKey ? state.groups.get(body.inventoryItemGroupKey) : undefined;
    if (!group) return groupNotFound(String(body.inventoryItemGroupKey));
    // 25002 "Any User error" (publishOfferByInventoryItemGroup 400 x-response-codes, specs/ebay/sell_inventory_v1_oas3.json).
    const missing = ['title', 'aspects', 'variesBy'].filter((f) => !group[f]);
    if (missing.length) return fail(400, ...missing.map((f) => ({ errorId: 25002, message: `A user error has occurred. ${f} is missing.`, parameters: [{ name: '0', value: f }] })));
    const specs = group.variesBy?.specifications ?? [];
    const offers = group.variantSKUs.map((sku) => state.offerOf(sku, String(body.marketplaceId))).filter((o) => o !== undefined);
    const eligible = offers.filter((o) => {
      const aspects = (state.items.get(o.sku)?.product.aspects ?? {}) as Record<string, string[]>;
      const varies = specs.every((s) => s.values.includes(aspects[s.name]?.[0] ?? '\u0000'));
      return varies && !publishErrors(state, o, group).length;
    });
    if (!eligible.length) return fail(400, { errorId: 25002, message: 'A user error has occurred. No member of the group can be published.' });
    const listingId = eligible.find((o) => o.listing)?.listing?.listingId ?? String(380_000_000_000 + state.nextId());
    for (const o of eligible) {
      if (o.status === 'PUBLISHED') state.revise(o);
      o.status = 'PUBLISHED';
      o.listing = { listingId, listingStatus: 'ACTIVE' };
    }
    return ok({ listingId });
  }));
}
