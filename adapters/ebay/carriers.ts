import { ValidationError } from '../../src/errors/classes.js';
import { adHocCarrierCode, carrierKey, unifiedCarrier } from '../../src/model/carriers.js';

/**
 * eBay's shipping carrier enumeration: what createShippingFulfillment's shippingCarrierCode takes
 * (specs/ebay/sell_fulfillment_v1_oas3.json#/components/schemas/ShippingFulfillmentDetails: "use
 * GeteBayDetails ... ShippingCarrierDetails" for the values). Values as published in the Trading
 * API's ShippingCarrierCodeType
 * (https://developer.ebay.com/DevZone/xML/docs/reference/eBay/types/ShippingCarrierCodeType.html),
 * checked against a WSDL-generated copy of that enum (sapientpro/ebay-traditional-sdk-php,
 * src/Trading/Enums/ShippingCarrierCodeType.php). Data, not code: update it from that page.
 */
export const EBAY_CARRIERS_SOURCE = 'https://developer.ebay.com/DevZone/xML/docs/reference/eBay/types/ShippingCarrierCodeType.html';
export const EBAY_CARRIERS: readonly string[] = [
  'A1CourierServices', 'ABF', 'AeroPost', 'ALLIEDEXPRESS', 'AMWST', 'AnPost', 'APC', 'ARAMEX', 'ARVATO', 'ASM', 'AustralianAirExpress',
  'AustraliaPost', 'AVRT', 'Bartolini', 'BELGIANPOST', 'BKNS', 'BluePackage', 'BusinessPost', 'BPost', 'CanPar', 'CENF', 'CEVA', 'ChinaPost',
  'Chronoexpres', 'Chronopost', 'CHUKOU1', 'ChunghwaPost', 'CitiPost', 'CityLink', 'ClickandQuick', 'CNWY', 'ColiposteDomestic',
  'ColiposteInternational', 'Colissimo', 'CollectPlus', 'Correos', 'CPC', 'DAIPost', 'DayandRoss', 'DBSchenker', 'DeutschePost', 'DHL',
  'DHLEKB', 'DHLEXPRESS', 'DHLG', 'DHLGlobalMail', 'DieSchweizerischePost', 'DPD', 'DPXThailand', 'Ducros', 'EGO', 'EMF', 'Exapaq',
  'Fastway', 'FASTWAYCOURIERS', 'FedEx', 'FedExSmartPost', 'FLYT', 'FLYTExpress', 'FlytExpressUSDirectline', 'FourPX', 'FourPXCHINA',
  'FourPXLTD', 'FourPXExpress', 'FTFT', 'FulfilExpresseForCity', 'FulfilExpressiTrimming', 'FulfilExpressAccStation',
  'FulfilExpressEverydaySource', 'GLS', 'HDUSA', 'Hermes', 'HomeDeliveryNetwork', 'HongKongPost', 'HUNTEREXPRESS', 'IndiaPost',
  'IndonesiaPost', 'Interlink', 'InterPost', 'IoInvio', 'Iparcel', 'IsraelPost', 'iLoxx', 'JapanPost', 'KIALA', 'KoreaPost', 'Landmark',
  'LAPOSTE', 'LDSO', 'LTL', 'MALAYSIAPOST', 'MannaFreight', 'Metapack', 'MNGTurkey', 'MondialRelay', 'MRW', 'MSI', 'Nacex', 'NEMF', 'ODFL',
  'OFFD', 'ONTRACK', 'OsterreichischePostAG', 'Other', 'OVNT', 'Parcelforce', 'ParcelPool', 'Philpost', 'Pilot', 'PITD', 'PocztaPolska',
  'Pocztex', 'PosteItaliane', 'POSTITALIANO', 'PostNL', 'PostNordNorway', 'Prestige', 'Quantium', 'RETL', 'RoyalMail', 'RRUN', 'SAIA',
  'SDA', 'Seur', 'SevenLSP', 'SFC', 'SFCExpress', 'SINGAPOREPOST', 'Siodemka', 'SioliandFontana', 'SkynetMalaysia', 'SMARTSEND',
  'Sogetras', 'Spediamo', 'SpeeDee', 'StarTrack', 'SuntekExpressLTD', 'SwissPost', 'TELE', 'TEMANDO', 'THAILANDPOST', 'TNT', 'TNTEXPRESS',
  'TNTPost', 'Toll', 'TPG', 'TWW', 'UBI', 'UKMail', 'UPS', 'UPSC', 'UPSMailInnovations', 'USFG', 'USPS', 'USPSPMI', 'USPSCeP', 'VietnamPost',
  'VITR', 'WATKINS', 'Winit', 'Wise', 'WPX', 'WNdirect', 'YANWEN', 'Yodel', 'YRC',
];

/**
 * Unified code (src/model/carriers.ts) → eBay value, by the carrier names on the page above. A
 * unified carrier missing here has no value of its own in that enumeration (e.g. EVRI, INPOST,
 * CAINIAO): the caller passes an eBay value explicitly (or 'Other').
 */
export const UNIFIED_TO_EBAY: Readonly<Record<string, string>> = {
  DHL: 'DHL', DHL_ECOMMERCE: 'DHLGlobalMail', DEUTSCHE_POST: 'DeutschePost', FEDEX: 'FedEx', UPS: 'UPS', USPS: 'USPS',
  ROYAL_MAIL: 'RoyalMail', PARCELFORCE: 'Parcelforce', HERMES: 'Hermes', YODEL: 'Yodel', DPD: 'DPD', GLS: 'GLS', TNT: 'TNT',
  LA_POSTE: 'LAPOSTE', COLISSIMO: 'Colissimo', CHRONOPOST: 'Chronopost', CORREOS: 'Correos', SEUR: 'Seur', POSTE_ITALIANE: 'PosteItaliane',
  BRT: 'Bartolini', POSTNL: 'PostNL', CHINA_POST: 'ChinaPost', YANWEN: 'YANWEN', '4PX': 'FourPX', JAPAN_POST: 'JapanPost',
  AUSTRALIA_POST: 'AustraliaPost', SINGAPORE_POST: 'SINGAPOREPOST',
};

const BY_KEY = new Map(EBAY_CARRIERS.map((c) => [carrierKey(c), c]));
const EBAY_TO_UNIFIED = new Map(Object.entries(UNIFIED_TO_EBAY).map(([u, e]) => [e, u]));

function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}

/** Up to three eBay values closest to what was written (edit distance on the comparison key). */
export function closeCarriers(input: string): string[] {
  const key = carrierKey(input).slice(0, 64);
  return EBAY_CARRIERS.map((c) => {
    const k = carrierKey(c);
    return { c, d: k.startsWith(key) || key.startsWith(k) ? Math.abs(k.length - key.length) / 10 : distance(key, k) };
  })
    .filter((x) => x.d <= Math.max(2, key.length / 3))
    .sort((a, b) => a.d - b.d)
    .slice(0, 3)
    .map((x) => x.c);
}

export interface EbayCarrier {
  /** The value sent as shippingCarrierCode. */
  ebay: string;
  /** Unified code (or an ad-hoc UPPER_SNAKE code for eBay values outside the vocabulary). */
  code: string;
}

/** An eBay value or a unified carrier → both codes; anything else is refused before any call. */
export function ebayCarrier(input: string, path: string): EbayCarrier {
  const exact = BY_KEY.get(carrierKey(input));
  if (exact) return { ebay: exact, code: EBAY_TO_UNIFIED.get(exact) ?? unifiedCarrier(exact) ?? adHocCarrierCode(exact) };
  const unified = unifiedCarrier(input);
  const mapped = unified ? UNIFIED_TO_EBAY[unified] : undefined;
  if (unified && mapped) return { ebay: mapped, code: unified };
  const near = closeCarriers(input);
  const why = unified ? `${unified} has no value in eBay's shipping carrier enumeration` : `"${input}" is not an eBay shipping carrier`;
  throw new ValidationError({ message: `${why}${near.length ? `; did you mean ${near.join(', ')}?` : ''} (values: ${EBAY_CARRIERS_SOURCE})`, path });
}

/**
 * eBay tracking numbers are alphanumeric only: spaces and hyphens are removed, any other character
 * is refused (ShippingFulfillmentDetails.trackingNumber).
 */
export function ebayTrackingNumber(input: string, path: string): string {
  const t = input.replace(/[\s-]+/g, '');
  if (!/^[A-Za-z0-9]+$/.test(t)) throw new ValidationError({ message: 'eBay tracking numbers may only contain letters and digits (spaces and hyphens are removed)', path });
  return t;
}
