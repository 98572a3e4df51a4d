import type { SandboxContext, SandboxModule } from '../../../src/sandbox/module.js';
import type { Router } from '../../../src/sandbox/router.js';
import { REGIONS, type Region } from '../regions.js';
import { serverError, throttled } from './envelope.js';
import { installAuth } from './routes-auth.js';
import { installGlobal } from './routes-global.js';
import { installLogistics } from './routes-logistics.js';
import { installMedia } from './routes-media.js';
import { installOrder } from './routes-order.js';
import { installPayment } from './routes-payment.js';
import { installProduct } from './routes-product.js';
import { installPublish } from './routes-publish.js';
import { installPush } from './routes-push.js';
import { installRequirements } from './requirements.js';
import { installReturns } from './routes-returns.js';
import { installReturnNegotiation } from './routes-returns-negotiation.js';
import { installVariation } from './routes-variation.js';
import { seedOrder, type SeedOrderSpec } from './seed.js';
import { ShopeeSandboxState, type WorldOptions } from './world.js';
import { shopeeBuyer } from './buyers.js';

export { ShopeeSandboxState, seedOrder, type SeedOrderSpec };
export { apiTypeOf, expectedSign, pushAuthorization } from './signature.js';
export { samplePng } from './routes-media.js';
export { advanceReturn, sandboxReturns, seedReturn, type SandboxReturn, type SeedReturnSpec } from './routes-returns.js';
export { buyerAnswersOffer, moveReturnParcel } from './routes-returns-negotiation.js';
export { routePushes, type PushFaultPlan, type PushRelayStats } from './routes-push.js';

/** Test partner of the simulator (any partner can be configured). */
export const SANDBOX_PARTNER = { partnerId: 2001887, partnerKey: 'sandbox-partner-key-7f3a9c1e5b2d' } as const;
export const SANDBOX_SHOP = { shopId: 14701711, region: 'SG' as Region };

export interface ShopeeSandboxOptions extends Partial<WorldOptions> {
  partners?: Array<{ partnerId: number; partnerKey: string }>;
  shops?: Array<{ shopId: number; region: Region; merchantId?: number; locations?: string[] }>;
  merchants?: Array<{ merchantId: number; shopIds: number[]; currency?: string; mainAccountId?: number }>;
  /** Where pushes are delivered (also settable later: state.pushUrl). */
  pushUrl?: string;
}

/**
 * The Shopee module of the embedded sandbox: Shopee's wire protocol for the operations the adapter
 * uses, its own signature check, real token rotation, the 15-day order window, push delivery.
 */
export function shopeeSandbox(opts: ShopeeSandboxOptions = {}): SandboxModule<ShopeeSandboxState> {
  const world = new ShopeeSandboxState({
    accessTtlMs: opts.accessTtlMs ?? 4 * 3600_000,
    refreshTtlMs: opts.refreshTtlMs ?? 30 * 86_400_000,
    oldTokenGraceMs: opts.oldTokenGraceMs ?? 5 * 60_000,
    searchLagMs: opts.searchLagMs ?? 0,
    trackingDelayMs: opts.trackingDelayMs ?? 0,
    publishDelayMs: opts.publishDelayMs ?? 0,
    categories: opts.categories ?? { 100001: [], 100002: [1001] },
    ...(opts.channels ? { channels: opts.channels } : {}),
    ...(opts.dtsLimits ? { dtsLimits: opts.dtsLimits } : {}),
  });
  for (const p of opts.partners ?? [SANDBOX_PARTNER]) world.partners.set(p.partnerId, p.partnerKey);
  for (const m of opts.merchants ?? []) world.merchants.set(m.merchantId, { merchantId: m.merchantId, shopIds: m.shopIds, currency: m.currency ?? 'CNY', mainAccountId: m.mainAccountId });
  for (const s of opts.shops ?? [{ ...SANDBOX_SHOP, merchantId: undefined }]) {
    const r = REGIONS[s.region];
    const merchantId = s.merchantId ?? [...world.merchants.values()].find((m) => m.shopIds.includes(s.shopId))?.merchantId;
    world.shops.set(s.shopId, { shopId: s.shopId, region: s.region, currency: r.currency, priceDecimals: r.priceDecimals, merchantId, ...(s.locations ? { locations: s.locations } : {}) });
  }
  world.pushUrl = opts.pushUrl;
  return {
    name: 'shopee',
    state: world,
    buyer: shopeeBuyer(world),
    install(router: Router, ctx: SandboxContext) {
      world.now = () => ctx.clock.now();
      installAuth(router, world, ctx);
      installMedia(router, world, ctx);
      installProduct(router, world, ctx);
      installRequirements(router, world, ctx);
      installVariation(router, world, ctx);
      installGlobal(router, world, ctx);
      installPublish(router, world, ctx);
      installOrder(router, world, ctx);
      installLogistics(router, world, ctx);
      installPayment(router, world, ctx);
      installPush(router, world, ctx);
      installReturns(router, world, ctx);
      installReturnNegotiation(router, world, ctx); // specs/shopee/v2.returns.{offer,accept_offer,dispute,...}.json
    },
    throttled,
    serverError,
  };
}
