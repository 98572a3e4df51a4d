export type { RateTable, RateProvider, GetRatesOptions, ConvertOptions, Conversion } from './types.js';
