/**
 * The one unified carrier vocabulary every adapter maps into (DESIGN §7: "Unified vocabularies
 * (carrier codes, ...) are defined once in the core"). A code is UPPER_SNAKE (`ROYAL_MAIL`, never
 * `ROYAL MAIL`); each adapter keeps its own table from these codes to the marketplace's spelling
 * (Amazon carrierCode, eBay ShippingCarrier, AliExpress service_name, Shopee channel), with that
 * table's source beside it.
 */
const UNIFIED: ReadonlyArray<readonly [code: string, aliases: readonly string[]]> = [
  ['DHL', ['dhlexpress', 'dhlparcel', 'dhlpaket']],
  ['DHL_ECOMMERCE', ['dhlglobalmail', 'dhlecom', 'dhlecommerce']],
  ['DEUTSCHE_POST', []],
  ['FEDEX', ['federalexpress']],
  ['UPS', ['unitedparcelservice']],
  ['USPS', ['unitedstatespostalservice']],
  ['ROYAL_MAIL', []],
  ['PARCELFORCE', []],
  ['EVRI', ['hermesuk']],
  ['HERMES', ['hermesgermany']],
  ['YODEL', []],
  ['DPD', []],
  ['GLS', []],
  ['TNT', []],
  ['LA_POSTE', []],
  ['COLISSIMO', []],
  ['CHRONOPOST', []],
  ['CORREOS', []],
  ['SEUR', []],
  ['POSTE_ITALIANE', []],
  ['BRT', ['bartolini']],
  ['POSTNL', []],
  ['INPOST', []],
  ['ASENDIA', []],
  ['CHINA_POST', ['chinapostair']],
  ['CHINA_EMS', ['chinaems', 'ems']],
  ['YANWEN', []],
  ['YUNEXPRESS', ['yuntu', 'yunexpress']],
  ['4PX', ['fourpx']],
  ['CAINIAO', []],
  ['SF_EXPRESS', ['sf', 'shunfeng']],
  ['JAPAN_POST', []],
  ['YAMATO', ['yamatotransport', 'kuronekoyamato']],
  ['SAGAWA', ['sagawaexpress']],
  ['AUSTRALIA_POST', ['auspost']],
  ['SINGAPORE_POST', ['singpost']],
  ['CANADA_POST', []],
  ['ONTRAC', []],
  ['AMAZON_SHIPPING', ['amazonlogistics']],
];

/** Comparison key: case, spaces, hyphens and underscores do not matter. */
export const carrierKey = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]/g, '');

const INDEX = new Map<string, string>();
for (const [code, aliases] of UNIFIED) for (const key of [code, ...aliases]) INDEX.set(carrierKey(key), code);

/** Every unified carrier code. */
export const UNIFIED_CARRIERS: readonly string[] = UNIFIED.map(([code]) => code);

/**
 * The unified code for what a caller wrote (`'Royal Mail'`, `'royal-mail'`, `'ROYAL_MAIL'` →
 * `ROYAL_MAIL`), or `undefined` when it is not in the vocabulary.
 */
export function unifiedCarrier(input: string): string | undefined {
  return INDEX.get(carrierKey(input));
}

/** A stable UPPER_SNAKE code for a carrier outside the vocabulary (for reporting only). */
export function adHocCarrierCode(input: string): string {
  return input.trim().toUpperCase().replace(/[^A-Z0-9]+/g, '_').replace(/^_|_$/g, '');
}
