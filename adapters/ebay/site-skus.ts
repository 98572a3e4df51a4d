import { z } from 'zod';

/**
 * One unified SKU on several eBay sites. eBay: "Currently, the Inventory API does not support the
 * same SKU across multiple eBay marketplaces" (https://developer.ebay.com/api-docs/sell/inventory/types/slr:Offers),
 * and an inventory item's title, aspects and locale are shared by every offer of that SKU
 * (specs/ebay/sell_inventory_v1_oas3.json#/components/schemas/InventoryItem). So each site gets its
 * own seller SKU, hence its own inventory item with its own content and quantity:
 *
 *   mode 'suffix' (default): the primary site (default: the first configured store) keeps the
 *   unified SKU; every other site uses `<sku><separator><site>` with site = the marketplace id
 *   without `EBAY_` (`MUG-1` on EBAY_GB → `MUG-1-GB`, on EBAY_MOTORS_US → `MUG-1-MOTORS_US`).
 *   mode 'same': the seller SKU is the unified SKU on every site (only for SKUs each listed on one
 *   site; eBay refuses a second site's offer).
 *
 * Orders and the stock ledger map back with `unifiedSku(sellerSku, site)`.
 */
export const SiteSkuSchema = z
  .object({
    mode: z.enum(['suffix', 'same']).default('suffix'),
    /** eBay SKUs are free text up to 50 characters; keep the separator out of your own SKUs. */
    separator: z.string().min(1).max(3).default('-'),
    /** Site whose seller SKU is the unified SKU; defaults to the first configured store. */
    primary: z.string().optional(),
  })
  .default({ mode: 'suffix', separator: '-' });
export type SiteSkuConfig = z.output<typeof SiteSkuSchema>;

export const siteSuffix = (siteId: string): string => siteId.replace(/^EBAY_/, '');

export class SiteSkus {
  constructor(
    private readonly cfg: SiteSkuConfig,
    /** Resolved primary store id (EBAY_US...). */
    readonly primary: string,
  ) {}

  /** The seller SKU eBay knows for `sku` on `siteId`. */
  sellerSku(sku: string, siteId: string): string {
    if (this.cfg.mode === 'same' || siteId === this.primary) return sku;
    return `${sku}${this.cfg.separator}${siteSuffix(siteId)}`;
  }

  /** The unified SKU for a seller SKU read back from `siteId` (orders, offers). */
  unifiedSku(sellerSku: string, siteId: string | undefined): string {
    if (this.cfg.mode === 'same' || siteId === undefined || siteId === this.primary) return sellerSku;
    const tail = `${this.cfg.separator}${siteSuffix(siteId)}`;
    return sellerSku.endsWith(tail) && sellerSku.length > tail.length ? sellerSku.slice(0, -tail.length) : sellerSku;
  }
}
