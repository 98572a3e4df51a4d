import { adHocCarrierCode, carrierKey, unifiedCarrier, UNIFIED_CARRIERS } from '../../../src/model/carriers.js';
import { AMAZON_SPELLINGS, carrierCodesFor } from '../data/carrier-codes.js';

/**
 * What a caller wrote ('Royal Mail', 'yamato', 'ROYAL_MAIL', or Amazon's own 'YamatoTransport') →
 * the unified code (src/model/carriers.ts) and the carrierCode Amazon lists for the order's
 * marketplace (data/carrier-codes.ts, with its sources). Anything Amazon does not list goes as
 * `Other` + carrierName (ordersV0.json PackageDetail.carrierName: "Required when carrierCode is
 * Other"), which Amazon accepts but which lowers the seller's Valid Tracking Rate: hence a warning.
 */
export interface CarrierMapping {
  /** Unified carrier code. */
  code: string;
  /** What goes into carrierCode, exactly as Amazon spells it. */
  carrierCode: string;
  /** Only with carrierCode "Other". */
  carrierName?: string;
  warning?: string;
}

export function amazonCarrier(input: string, storeId = 'DE'): CarrierMapping {
  const listed = carrierCodesFor(storeId);
  const name = input.trim();
  const unified = unifiedCarrier(name);
  const spelled = unified ? AMAZON_SPELLINGS[unified]?.find((s) => listed.includes(s)) : undefined;
  if (unified && spelled) return { code: unified, carrierCode: spelled };
  // The caller may already use one of Amazon's own codes for this marketplace ('Ninjavan', 'EUB').
  const exact = listed.find((c) => c !== 'Other' && carrierKey(c) === carrierKey(name));
  if (exact) return { code: unified ?? adHocCarrierCode(exact), carrierCode: exact };
  return {
    code: unified ?? adHocCarrierCode(name),
    carrierCode: 'Other',
    carrierName: name,
    warning: `Carrier "${name}" is not in Amazon's carrier-code list for ${storeId}: sent as carrierCode "Other" with a carrierName, which lowers the seller's Valid Tracking Rate`,
  };
}

/** Unified carrier codes this adapter can send as one of Amazon's listed codes (in some marketplace). */
export const KNOWN_CARRIERS: readonly string[] = UNIFIED_CARRIERS.filter((c) => AMAZON_SPELLINGS[c]);
