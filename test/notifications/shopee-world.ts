import { MemoryTokenStore } from '../../src/state/token-store.js';
import { marketplaceClock, startSandbox, type MarketplaceClock } from '../../src/sandbox/index.js';
import { shopee } from '../../adapters/shopee/index.js';
import { SANDBOX_PARTNER, shopeeSandbox } from '../../adapters/shopee/sandbox/index.js';
import { tokenKey } from '../../adapters/shopee/tokens.js';

export const SHOP = 14701711;

/** A Shopee sandbox, its adapter and one marketplace clock (scale× faster than real time) for all. */
export async function shopeeWorld(scale: number) {
  const clock: MarketplaceClock = marketplaceClock({ scale });
  const module = shopeeSandbox({ shops: [{ shopId: SHOP, region: 'SG' }] });
  const sb = await startSandbox({ marketplaces: { shopee: module }, clock });
  const world = module.state;
  const pair = world.grant(SANDBOX_PARTNER.partnerId, { kind: 'shop', id: SHOP });
  const tokens = new MemoryTokenStore({ [tokenKey(SANDBOX_PARTNER.partnerId, { kind: 'shop', id: SHOP })]: { ...pair, version: 1 } });
  const adapter = shopee({
    region: 'SG', partnerId: SANDBOX_PARTNER.partnerId, partnerKey: SANDBOX_PARTNER.partnerKey, shopId: SHOP, tokens, endpoint: sb.urls.shopee!, clock,
    retry: { baseDelayMs: 1, maxDelayMs: 5 },
  });
  return { sb, world, adapter, clock, close: () => sb.close() };
}

/** Resolves once `cond()` holds (real-time polling, bounded). */
export async function until(cond: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 10));
  }
}
