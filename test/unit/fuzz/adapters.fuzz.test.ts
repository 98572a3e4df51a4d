/**
 * Every adapter's factory and unified services under hostile input. No network: a fake transport
 * refuses every request with EFUZZ, so an input that passed validation shows up as a NetworkError
 * carrying that code (allowed: validation happened before any I/O) and anything else fails.
 *
 * Runs in the default suite at RUNS/8 (min 100) runs per entry point; FUZZ_RUNS raises it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isXborderError } from '../../../src/errors/index.js';
import type { MarketplaceAdapter } from '../../../src/adapter.js';
import { aliexpress } from '../../../adapters/aliexpress/index.js';
import { amazon } from '../../../adapters/amazon/index.js';
import { ebay } from '../../../adapters/ebay/index.js';
import { shopee } from '../../../adapters/shopee/index.js';
import { assertOnlyValidation, assertOnlyValidationAsync, hostile, hostileOr, outcome, RUNS, runsFor } from './harness.js';

const transport = { request: async () => { throw Object.assign(new Error('fuzz: no network'), { code: 'EFUZZ' }); } };
// Reached I/O: the fake transport's refusal, or the token refresh it made fail (no usable answer).
// A well-formed request the marketplace cannot do (capabilities say so) is a NotSupportedError.
const reachedIo = (e: unknown) => isXborderError(e) && (e.code === 'NOT_SUPPORTED' || /EFUZZ|no network/.test(`${e.message} ${(e.cause as Error | undefined)?.message ?? ''}`) || e.code === 'AUTH_FAILED' || e.code === 'REAUTHORIZE');
const seams = { transport, retry: { retries: 0, baseDelayMs: 0, maxDelayMs: 0 }, consistency: { windowMs: 0, intervalMs: 0 } };
const NOW = Date.parse('2026-03-01T12:00:00Z');
// Adapters pace calls with their documented rate plans: hundreds of refused calls drain the buckets,
// so limiters sleep on a virtual clock (a limiter wait is pacing, not a hang on hostile input).
let skew = 0;
const clock = { now: () => Date.now() + skew, sleep: async (ms: number) => { skew += Math.max(0, ms); } };

const CONFIGS = {
  amazon: { marketplaces: ['DE', 'FR'], sellerId: 'A2EXAMPLE', credentials: { clientId: 'amzn1.application-oa2-client.x', clientSecret: 'fuzz-client-secret-1', refreshToken: 'Atzr|fuzz-refresh-1' } },
  ebay: { account: 'acme_seller', marketplaces: ['EBAY_GB'], credentials: { clientId: 'Acme-xborder-PRD-1', clientSecret: 'PRD-fuzz-secret-1', refreshToken: 'v^1.1#i^1#fuzz-r1' }, listingDefaults: { EBAY_GB: { fulfillmentPolicyId: 'F-1', paymentPolicyId: 'P-1', returnPolicyId: 'R-1', merchantLocationKey: 'wh-1', categoryId: '20625' } } },
  aliexpress: { appKey: '500001', appSecret: 'fuzz-ae-secret-1', sellerId: '2000000001', tokens: { accessToken: 'fuzz-ae-access-1', refreshToken: 'fuzz-ae-refresh-1', expiresAt: NOW + 3_600_000 }, store: { country: 'CN', currency: 'USD', language: 'en' }, listingDefaults: { categoryId: 200000001, freightTemplateId: 1000, servicePolicyId: 0 } },
  shopee: { region: 'SG', partnerId: 5, partnerKey: 'fuzz-shopee-partner-key', shopId: 6, endpoint: 'http://127.0.0.1:9', tokens: { accessToken: 'fuzz-shopee-access-1', refreshToken: 'fuzz-shopee-refresh-1', expiresAt: NOW + 3_600_000 } },
} as const;
const FACTORIES = { amazon, ebay, aliexpress, shopee } as unknown as Record<keyof typeof CONFIGS, (c: unknown) => MarketplaceAdapter>;

// No images: an upload would fetch them outside the fake transport.
const LISTING = { sku: 'TEE-1', title: 'Tee', description: 'A tee', brand: 'Acme', condition: 'new', price: { amount: 1299, currency: 'EUR' }, quantity: 3 };
const SHIP = { orderId: 'O-1', packages: [{ lines: [{ lineId: 'L1', quantity: 1 }], carrier: 'DHL', trackingNumber: '123' }], shippedAt: '2026-03-01T12:00:00Z' };
const QUERY = { updatedSince: '2026-02-27T00:00:00Z', until: '2026-03-01T00:00:00Z', statuses: ['unshipped'], includePii: false };
const opts = fc.oneof(fc.constant(undefined), hostileOr({ store: 'DE', idempotencyKey: 'k-1', maxRetries: 0 }));
const id = fc.oneof(fc.constantFrom('TEE-1', 'constructor', '__proto__', '', ' ', 'a/b?c#d', '../x'), hostile);
const runs = runsFor(8);
const allow = { runs, allow: reachedIo };

describe.each(Object.keys(CONFIGS) as Array<keyof typeof CONFIGS>)('fuzz: %s adapter only throws ValidationError before I/O (issue 12.3)', (name) => {
  const make = (c: unknown) => FACTORIES[name]({ ...(c as object), ...seams, clock });
  const a = make(CONFIGS[name]);

  it('factory', () => {
    assertOnlyValidation([fc.oneof(hostile, hostileOr(CONFIGS[name]))], (c) => FACTORIES[name](c), { runs });
  });

  it('listings', async () => {
    await assertOnlyValidationAsync([hostileOr(LISTING), opts], (l, o) => a.listings.upsert(l as never, o as never), allow);
    await assertOnlyValidationAsync([hostileOr(LISTING), opts], (l, o) => a.listings.validate(l as never, o as never), allow);
    await assertOnlyValidationAsync([id, opts], (s, o) => a.listings.get(s as never, o as never), allow);
    await assertOnlyValidationAsync([id, hostileOr({ price: { amount: 1, currency: 'EUR' }, quantity: 2 }), opts], (s, p, o) => a.listings.update(s as never, p as never, o as never), allow);
    await assertOnlyValidationAsync([id, opts], (s, o) => a.listings.delete(s as never, o as never), allow);
    await assertOnlyValidationAsync([fc.oneof(hostile, fc.array(hostileOr(LISTING), { maxLength: 2 })), opts], (l, o) => a.listings.bulkUpsert(l as never, o as never), allow);
  });

  it('orders', async () => {
    await assertOnlyValidationAsync([fc.oneof(hostileOr(QUERY), fc.constantFrom({ createdSince: '0001-01-01T00:00:00Z' }, { updatedSince: '2026-01-01T00:00:00Z', until: '275760-09-13T00:00:00Z' }, { updatedSince: 10n })), opts],
      (q, o) => a.orders.list(q as never, o as never).toArray({ max: 1 }), allow);
    await assertOnlyValidationAsync([id, opts], (s, o) => a.orders.get(s as never, o as never), allow);
    await assertOnlyValidationAsync([id, hostileOr({ reason: 'out_of_stock', lines: [{ lineId: 'L1', quantity: 1 }] }), opts], (s, r, o) => a.orders.cancel(s as never, r as never, o as never), allow);
  });

  it('returns, cancellation requests and requirements', async () => {
    const r = a.returns;
    if (r) {
      const rq = fc.oneof(hostileOr({ updatedSince: '2026-02-27T00:00:00Z', until: '2026-03-01T00:00:00Z' }), fc.constantFrom({ updatedSince: '0001-01-01T00:00:00Z' }, { updatedSince: 10n }));
      await assertOnlyValidationAsync([rq, opts], (q, o) => r.list(q as never, o as never).toArray({ max: 1 }), allow);
      await assertOnlyValidationAsync([id, opts], (s, o) => r.get(s as never, o as never), allow);
      await assertOnlyValidationAsync([id, hostileOr({ comment: 'ok' }), opts], (s, b, o) => r.approve(s as never, b as never, o as never), allow);
      await assertOnlyValidationAsync([id, hostileOr({ comment: 'no' }), opts], (s, b, o) => r.reject(s as never, b as never, o as never), allow);
      await assertOnlyValidationAsync([id, fc.oneof(hostileOr({ amount: { amount: 100, currency: 'EUR' } }), hostileOr({ lines: [{ lineId: 'L1', quantity: 1 }] })), opts], (s, b, o) => r.refund(s as never, b as never, o as never), allow);
      const c = r.cancellations;
      if (c) {
        await assertOnlyValidationAsync([id, opts], (s, o) => c.get(s as never, o as never), allow);
        await assertOnlyValidationAsync([id, opts], (s, o) => c.accept(s as never, o as never), allow);
      }
    }
    const req = a.listings.requirements;
    if (req) await assertOnlyValidationAsync([hostileOr({ store: 'DE', productType: 'SHIRT', category: '15687' })], (q) => req(q as never), allow);
    if (req) await assertOnlyValidationAsync([hostileOr(LISTING), hostileOr({ offline: true, store: 'DE' })], (l, o) => a.listings.validate(l as never, o as never), allow);
  });

  it('inventory and fulfilment', async () => {
    await assertOnlyValidationAsync([fc.oneof(hostile, fc.array(hostileOr({ sku: 'TEE-1', quantity: 2, store: 'DE' }), { maxLength: 2 })), opts], (u, o) => a.inventory.set(u as never, o as never), allow);
    await assertOnlyValidationAsync([hostileOr(SHIP), opts], (r, o) => a.fulfilment.ship(r as never, o as never), allow);
    if (a.fulfilment.refresh) {
      await assertOnlyValidationAsync([hostileOr({ orderId: 'O-1', marketplace: name, packages: [], status: 'pending', shippedAt: '2026-03-01T12:00:00Z' })], (s) => a.fulfilment.refresh!(s as never), allow);
    }
  });
});

/** The counterexamples issue 12.3 and earlier runs found, pinned (the fuzz pool is random per run). */
describe('fuzz counterexamples: a ValidationError naming the field (issue 12.3)', () => {
  const a = Object.fromEntries(Object.keys(CONFIGS).map((n) => [n, FACTORIES[n as keyof typeof CONFIGS]({ ...CONFIGS[n as keyof typeof CONFIGS], ...seams, clock })])) as Record<keyof typeof CONFIGS, MarketplaceAdapter>;
  const rejects = async (p: () => unknown, path: string | RegExp) => {
    const o = await outcome(p);
    expect(o.threw).toBe(true);
    expect(o.error).toMatchObject({ code: 'VALIDATION', path: typeof path === 'string' ? path : expect.stringMatching(path) });
  };

  it.each(Object.keys(CONFIGS) as Array<keyof typeof CONFIGS>)('%s: null options are no options, a non-string store or key is refused', async (n) => {
    await rejects(() => a[n].listings.upsert(null as never, null as never), 'listing');
    await rejects(() => a[n].listings.get(Symbol('s') as never, null as never), 'sku');
    await rejects(() => a[n].listings.bulkUpsert(null as never, null as never), 'listings');
    await rejects(() => a[n].fulfilment.ship({ ...SHIP, packages: [] } as never, null as never), /^(request|shipment)\.packages$/);
    await rejects(() => a[n].orders.get(Object.create(null) as never, null as never), 'orderId');
    await rejects(() => a[n].listings.get('TEE-1', { idempotencyKey: 10n } as never), 'options.idempotencyKey');
  });

  it('eBay: a symbol or null-prototype store', async () => {
    await rejects(() => a.ebay.listings.upsert(LISTING as never, { store: Object.create(null) } as never), 'options.store');
    await rejects(() => a.ebay.listings.get('TEE-1', { store: Symbol('s') } as never), 'options.store');
  });

  it('order dates: bigint, null-prototype and year-1 values name the field', async () => {
    await rejects(() => a.amazon.orders.list({ createdSince: '0001-01-01T00:00:00Z' } as never), 'query.createdSince');
    await rejects(() => a.shopee.orders.list({ updatedSince: 10n } as never), 'query.updatedSince');
    await rejects(() => a.shopee.orders.list({ updatedSince: Object.create(null) } as never), 'query.updatedSince');
    await rejects(() => a.aliexpress.orders.list({ updatedSince: 10n } as never), 'query.updatedSince');
  });

  it('inventory: sparse, null and bigint-SKU updates name their index', async () => {
    // eslint-disable-next-line no-sparse-arrays
    await rejects(() => a.shopee.inventory.set([, { sku: 'TEE-1', quantity: 1 }] as never), 'updates[0]');
    await rejects(() => a.shopee.inventory.set([null] as never), 'updates[0]');
    await rejects(() => a.aliexpress.inventory.set([{ sku: 10n ** 30n, quantity: 2 }] as never), 'updates.0.sku');
    await rejects(() => a.aliexpress.listings.get(-1n as never), 'sku');
    await rejects(() => a.shopee.fulfilment.refresh!(null as never), 'shipment');
  });
});
