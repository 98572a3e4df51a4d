import fc from 'fast-check';
import { describe, it } from 'vitest';
import {
  chainRates, convert, crossRate, crossRatio, hasRate, marketplaceExponent, priceForMarket, rateTable, staticRates,
} from '../../../src/currency/index.js';
import { assertOnlyValidation, assertOnlyValidationAsync, hostile, hostileOr, RUNS, runsFor } from './harness.js';

const TABLE_IN = { base: 'EUR', asOf: '2024-06-28', source: 'ecb', rates: { USD: '1.0705', JPY: '171.94' } };
const T = rateTable(TABLE_IN);
const table = fc.oneof(fc.constant(T), hostileOr(TABLE_IN));
const code = fc.oneof(fc.constantFrom('USD', 'JPY', 'EUR', 'GBP', 'TWD', 'constructor', '__proto__', 'toString'), hostile);
const m = hostileOr({ amount: 1299, currency: 'USD' });
const call = <F extends (...a: never[]) => unknown>(f: F) => (...a: unknown[]) => (f as unknown as (...x: unknown[]) => unknown)(...a);
const PRICE = { to: 'JPY', rates: TABLE_IN, margin: '0.2', fees: ['0.1'], fixedFees: [{ amount: 30, currency: 'EUR' }], fxBuffer: '0.02', vatRate: '0.1', ending: 'auto', marketplace: 'shopee' };

describe('fuzz: xborder/currency only ever throws ValidationError with a path', () => {
  it('convert / crossRate / crossRatio / hasRate (null tables, missing rates, prototype keys)', () => {
    assertOnlyValidation([m, code, table, hostileOr({ rounding: 'halfUp' })], call(convert));
    assertOnlyValidation([table, code, code], call(crossRate));
    assertOnlyValidation([table, code, code], call(crossRatio));
    assertOnlyValidation([table, code], call(hasRate));
    assertOnlyValidation([hostileOr(TABLE_IN)], call(rateTable));
    assertOnlyValidation([hostile, code], call(marketplaceExponent));
  });

  it('priceForMarket', () => {
    assertOnlyValidation([m, hostileOr(PRICE)], call(priceForMarket));
  });

  it('providers: staticRates / chainRates constructors and getRates options', async () => {
    assertOnlyValidation([hostileOr(TABLE_IN), hostile], call(staticRates));
    assertOnlyValidation([hostile, hostile], call(chainRates));
    const p = chainRates(staticRates(TABLE_IN));
    await assertOnlyValidationAsync([hostileOr({ asOf: '2024-06-28' })], (o) => p.getRates(o as never), { runs: runsFor(4) });
  });
});
