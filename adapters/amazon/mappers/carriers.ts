/**
 * Common carriers → Amazon `carrierCode` values (confirmShipment PackageDetail.carrierCode). The
 * model only says carrierCode is required and that `Other` needs a carrierName; these are the
 * carrier names as Amazon lists them. Unknown carriers fall back to Other + the free-text name,
 * which Amazon accepts but which hurts the seller's Valid Tracking Rate, hence a warning.
 */
const TABLE: Array<[code: string, amazon: string, aliases: string[]]> = [
  ['DHL', 'DHL', ['dhlexpress', 'dhlparcel', 'dhlpaket']],
  ['DHL_ECOMMERCE', 'DHL eCommerce', ['dhlglobalmail', 'dhlecom']],
  ['DEUTSCHE_POST', 'Deutsche Post', []],
  ['FEDEX', 'FedEx', ['federalexpress']],
  ['UPS', 'UPS', ['unitedparcelservice']],
  ['USPS', 'USPS', ['unitedstatespostalservice']],
  ['ROYAL_MAIL', 'Royal Mail', []],
  ['PARCELFORCE', 'Parcelforce', []],
  ['EVRI', 'Evri', []],
  ['YODEL', 'Yodel', []],
  ['DPD', 'DPD', []],
  ['GLS', 'GLS', []],
  ['TNT', 'TNT', []],
  ['LA_POSTE', 'La Poste', []],
  ['COLISSIMO', 'Colissimo', []],
  ['CHRONOPOST', 'Chronopost', []],
  ['CORREOS', 'Correos', []],
  ['SEUR', 'SEUR', []],
  ['POSTE_ITALIANE', 'Poste Italiane', []],
  ['BRT', 'BRT', ['bartolini']],
  ['POSTNL', 'PostNL', []],
  ['INPOST', 'InPost', []],
  ['ASENDIA', 'Asendia', []],
  ['CHINA_POST', 'China Post', ['chinapostair', 'chinaems']],
  ['YANWEN', 'Yanwen', []],
  ['YUNEXPRESS', 'YunExpress', ['yuntu']],
  ['4PX', '4PX', ['fourpx']],
  ['CAINIAO', 'Cainiao', []],
  ['SF_EXPRESS', 'SF Express', ['sf', 'shunfeng']],
  ['JAPAN_POST', 'Japan Post', []],
  ['YAMATO', 'Yamato Transport', ['yamato', 'kuronekoyamato']],
  ['SAGAWA', 'Sagawa Express', ['sagawa']],
  ['AUSTRALIA_POST', 'Australia Post', ['auspost']],
  ['SINGAPORE_POST', 'Singapore Post', ['singpost']],
  ['CANADA_POST', 'Canada Post', []],
  ['ONTRAC', 'OnTrac', []],
];

const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');
const INDEX = new Map<string, { code: string; amazon: string }>();
for (const [code, amazon, aliases] of TABLE) for (const key of [code, amazon, ...aliases]) INDEX.set(norm(key), { code, amazon });

export interface CarrierMapping {
  /** Normalized (unified) carrier code. */
  code: string;
  /** What goes into carrierCode. */
  carrierCode: string;
  /** Only with carrierCode "Other". */
  carrierName?: string;
  warning?: string;
}

export function amazonCarrier(input: string): CarrierMapping {
  const hit = INDEX.get(norm(input));
  if (hit) return { code: hit.code, carrierCode: hit.amazon };
  return {
    code: input.trim().toUpperCase().replace(/[^A-Z0-9]+/g, '_'),
    carrierCode: 'Other',
    carrierName: input.trim(),
    warning: `Carrier "${input.trim()}" is not in Amazon's carrier list: sent as carrierCode "Other" with a carrierName, which lowers the seller's Valid Tracking Rate`,
  };
}

export const KNOWN_CARRIERS: readonly string[] = TABLE.map(([code]) => code);
