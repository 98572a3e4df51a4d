export type { RateTable, RateProvider, GetRatesOptions, ConvertOptions, Conversion } from './types.js';
export { convert, crossRate, crossRatio, rateTable, type Ratio } from './convert.js';
export { RateSchema, RateTableSchema, hasRate, type RateTableInput } from './rate-table.js';
export { staticRates } from './providers/static.js';
export { chainRates, type ChainedProvider, type ChainedGetRatesOptions, type MergedRateTable } from './providers/chained.js';
export { ecbRates, ECB_ENDPOINT, type EcbProvider, type EcbRatesOptions } from './providers/ecb.js';
export { isTargetDay } from './providers/target-calendar.js';
export {
  euCustomsRates, nationalCustomsRates, euCustomsRateDate, penultimateWednesday,
  type CustomsRateTable, type EuCustomsRatesOptions, type NationalCustomsRatesData,
} from './customs.js';
export { priceForMarket, type PriceForMarketOptions, type MarketPrice, type PriceBreakdown } from './price-for-market.js';
export { DEFAULT_ENDINGS, type Ending, type EndingRule } from './endings.js';
export { MARKETPLACE_EXPONENTS, marketplaceExponent } from './marketplace-exponents.js';
