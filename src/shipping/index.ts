/** xborder/shipping: multi-carrier quotes from rate cards and live carrier APIs. */
export { quoteShipping, type QuoteShippingOptions } from './quote.js';
export { rateCard, RateCardSchema, type RateCardConnector, type RateCardInput, type RateCardJson } from './rate-card/index.js';
export type { ShippingConnector, QuoteContext } from './connector.js';
export { isShippingConnector } from './connector.js';
export {
  ShipmentRequestSchema, ShippingAddressSchema, ParcelSchema, ContentLineSchema, prepareShipment,
  type ShipmentRequest, type ValidShipmentRequest, type PreparedShipment, type PreparedParcel, type ShippingAddress, type Parcel, type ContentLine,
} from './request.js';
export type {
  CargoClass, Incoterm, ChargeKind, ChargeLine, Transit, QuoteWeight, ShippingQuote, UnavailableReason, UnavailableService,
  CarrierError, QuoteResult, CarrierQuotes, CardQuotes,
} from './types.js';
export { CARGO_CLASSES, INCOTERMS } from './types.js';
export { convertQuote, type QuoteConversion } from './convert-quote.js';
export { dhlExpress, DHL_HOSTS, type DhlExpressConfig } from './connectors/dhl-express/index.js';
export { fedexRates, FEDEX_HOSTS, type FedexRatesConfig } from './connectors/fedex/index.js';
export { upsRates, UPS_HOSTS, type UpsRatesConfig } from './connectors/ups/index.js';
export type { LiveConnectorOptions } from './connectors/common.js';
