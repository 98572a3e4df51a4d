/**
 * Amazon's carrier-code lists, as data. confirmShipment `carrierCode` (ordersV0.json PackageDetail)
 * must be one of these, spelled exactly; anything else goes as `Other` + `carrierName`.
 *
 * Sources (Amazon's own lists, read 2026-12; the spellings are Amazon's, not ours):
 *  - BASE: the `CarrierCode` enumeration of amzn-base.xsd (the XSD behind POST_ORDER_FULFILLMENT_DATA;
 *    the SP-API changelog "CarrierCode value required in shipment confirmations for BR, MX, CA, SG,
 *    AU, IN, JP marketplaces" points sellers to "Acceptable CarrierCode values").
 *  - Per marketplace: Seller Central help "Shipping confirmation template" (G641), column
 *    carrier-code "Accepted Values", for the marketplaces whose page lists its own set
 *    (sellercentral.amazon.sg/gp/help/external/641, sellercentral.amazon.com.au/gp/help/external/641).
 */
export const CARRIER_CODE_SOURCES = {
  BASE: 'amzn-base.xsd CarrierCode enumeration (POST_ORDER_FULFILLMENT_DATA)',
  SG: 'https://sellercentral.amazon.sg/gp/help/external/641 (carrier-code accepted values)',
  AU: 'https://sellercentral.amazon.com.au/gp/help/external/641 (carrier-code accepted values)',
} as const;

const BASE = [
  'USPS', 'UPS', 'UPSMI', 'FedEx', 'DHL', 'Fastway', 'GLS', 'GO!', 'Hermes Logistik Gruppe', 'Royal Mail', 'Parcelforce',
  'City Link', 'TNT', 'Target', 'SagawaExpress', 'NipponExpress', 'YamatoTransport', 'DHL Global Mail', 'UPS Mail Innovations',
  'FedEx SmartPost', 'OSM', 'OnTrac', 'Streamlite', 'Newgistics', 'Canada Post', 'Blue Package', 'Chronopost', 'Deutsche Post',
  'DPD', 'La Poste', 'Parcelnet', 'Poste Italiane', 'SDA', 'Smartmail', 'FEDEX_JP', 'JP_EXPRESS', 'NITTSU', 'SAGAWA', 'YAMATO',
  'BlueDart', 'AFL/Fedex', 'Aramex', 'India Post', 'Professional', 'DTDC', 'Overnite Express', 'First Flight', 'Delhivery',
  'Lasership', 'Yodel', 'Other',
] as const;

const SG = [
  'Blue Package', 'USPS', 'UPS', 'UPSMI', 'FedEx', 'DHL', 'DHL Global Mail', 'Fastway', 'UPS Mail Innovations', 'Lasership',
  'Royal Mail', 'FedEx SmartPost', 'OSM', 'OnTrac', 'Streamlite', 'Newgistics', 'Canada Post', 'City Link', 'GLS', 'GO!',
  'Hermes Logistik Gruppe', 'Parcelforce', 'TNT', 'Target', 'SagawaExpress', 'NipponExpress', 'YamatoTransport', 'Ninjavan',
  'Qxpress', 'Singapore Post', '4PX', 'Yanwen', 'Aramex', 'China Post', 'DHL eCommerce', 'SF Express', 'Other',
] as const;

const AU = [
  'Australia Post-Consignment', 'Australia Post-ArticleId', '4PX', 'Aramex', 'Couriers Please', 'China Post', 'DHL', 'EUB',
  'Fastway', 'FedEx', 'India Post', 'Sendle', 'SF Express', 'TNT', 'UPS', 'USPS', 'YANWEN', 'Yun Express', 'Other',
] as const;

/** The list that applies to a marketplace (store id such as 'SG'); BASE where no own list is published. */
export function carrierCodesFor(storeId: string): readonly string[] {
  if (storeId === 'SG') return SG;
  if (storeId === 'AU') return AU;
  return BASE;
}

/**
 * Unified carrier code (src/model/carriers.ts) → Amazon's spellings, in order of preference; the
 * first one present in the marketplace's list is sent. A unified code absent here (or whose
 * spellings the marketplace does not list) goes as Other + carrierName.
 */
export const AMAZON_SPELLINGS: Readonly<Record<string, readonly string[]>> = {
  USPS: ['USPS'],
  UPS: ['UPS'],
  FEDEX: ['FedEx'],
  DHL: ['DHL'],
  DHL_ECOMMERCE: ['DHL eCommerce', 'DHL Global Mail'],
  GLS: ['GLS'],
  HERMES: ['Hermes Logistik Gruppe'],
  ROYAL_MAIL: ['Royal Mail'],
  PARCELFORCE: ['Parcelforce'],
  TNT: ['TNT'],
  SAGAWA: ['SagawaExpress', 'SAGAWA'],
  YAMATO: ['YamatoTransport', 'YAMATO'],
  ONTRAC: ['OnTrac'],
  CANADA_POST: ['Canada Post'],
  CHRONOPOST: ['Chronopost'],
  DEUTSCHE_POST: ['Deutsche Post'],
  DPD: ['DPD'],
  LA_POSTE: ['La Poste'],
  POSTE_ITALIANE: ['Poste Italiane'],
  YODEL: ['Yodel'],
  SINGAPORE_POST: ['Singapore Post'],
  '4PX': ['4PX'],
  YANWEN: ['Yanwen', 'YANWEN'],
  CHINA_POST: ['China Post'],
  SF_EXPRESS: ['SF Express'],
  YUNEXPRESS: ['Yun Express'],
};
