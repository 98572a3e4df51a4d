import fc from 'fast-check';
import { describe, it } from 'vitest';
import { rateTable } from '../../../src/currency/index.js';
import { estimateLandedCost, estimateLandedCostSync } from '../../../src/landed-cost/index.js';
import { convertQuote, prepareShipment, quoteShipping, rateCard } from '../../../src/shipping/index.js';
import { assertOnlyValidation, assertOnlyValidationAsync, hostile, hostileOr, RUNS, runsFor } from './harness.js';
import { card, general, request } from '../shipping/helpers.js';

const LANDED = {
  origin: 'CN', destination: 'DE', asOf: '2026-03-01', incoterm: 'DDP',
  items: [{ hsCode: '610910', value: { amount: 1000, currency: 'EUR' }, quantity: 1 }],
  shipping: { amount: 500, currency: 'EUR' },
};
const TABLE = rateTable({ base: 'CNY', asOf: '2026-11-20', source: 't', rates: { USD: '0.14' } });
const CARD = card({ tariffs: general({ model: 'per-kg', zones: { US: { perKg: '10' } } }) });
const few = runsFor(4);
const call = <F extends (...a: never[]) => unknown>(f: F) => (...a: unknown[]) => (f as unknown as (...x: unknown[]) => unknown)(...a);

describe('fuzz: landed cost and shipping only ever throw ValidationError with a path (issue 12.3)', () => {
  it('estimateLandedCostSync / estimateLandedCost', async () => {
    assertOnlyValidation([hostileOr(LANDED), hostile], call(estimateLandedCostSync));
    await assertOnlyValidationAsync([hostileOr(LANDED), hostile], call(estimateLandedCost), { runs: few });
  });

  it('rateCard / prepareShipment / quote / convertQuote', () => {
    assertOnlyValidation([hostileOr(CARD)], call(rateCard));
    assertOnlyValidation([hostileOr(request())], call(prepareShipment));
    const rc = rateCard(CARD);
    assertOnlyValidation([hostileOr(request())], (r) => rc.quote(prepareShipment(r as never)));
    const q = rc.quote(prepareShipment(request())) as unknown;
    assertOnlyValidation([hostileOr(q), fc.oneof(fc.constant({ to: 'USD', table: TABLE }), hostileOr({ to: 'USD', table: TABLE, rounding: 'halfUp' }))], call(convertQuote), { runs: few });
  });

  it('quoteShipping', async () => {
    const rc = rateCard(CARD);
    await assertOnlyValidationAsync([hostileOr(request()), fc.oneof(hostile, fc.constant({ carriers: [rc] }), hostileOr({ carriers: [rc], timeoutMs: 1000, currency: 'USD' }))],
      (r, o) => quoteShipping(r as never, o as never), { runs: few });
  });
});
