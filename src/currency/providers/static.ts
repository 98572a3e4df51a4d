import { rateTable, type RateTableInput } from '../rate-table.js';
import type { RateProvider, RateTable } from '../types.js';

/**
 * A fixed table as a provider (fallback rates, tests, pegged currencies such as AED/SAR). The
 * table is validated once; `asOf` is ignored because the table carries its own date.
 */
export function staticRates(table: RateTable | RateTableInput, name = 'static'): RateProvider {
  const t = rateTable(table);
  return { name, getRates: () => Promise.resolve(t) };
}
