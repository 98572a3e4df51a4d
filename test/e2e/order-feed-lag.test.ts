/**
 * Issue 26.1: order-sync windows end at now − the feed lag the marketplace documents, and only
 * Amazon documents one (searchOrders: "at least two minutes before the time of the request").
 * Real adapters over the sandbox: where each account's first window ends.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MarketplaceAdapter } from '../../src/adapter.js';
import type { MarketplaceModule } from '../../src/cli/marketplaces.js';
import { Hub, memoryCheckpoints } from '../../src/hub/index.js';
import { marketplaceClock, startDemoSandbox, startSandbox, type DemoSandbox } from '../../src/sandbox/index.js';
import * as amazonModule from '../../adapters/amazon/index.js';
import * as ebayModule from '../../adapters/ebay/index.js';
import * as shopeeModule from '../../adapters/shopee/index.js';

const MIN = 60_000;
const clock = marketplaceClock({ scale: 1 });
let demo: DemoSandbox;
let hub: Hub;

beforeAll(async () => {
  const modules: MarketplaceModule[] = [
    { name: 'amazon', factory: amazonModule.amazon as unknown as MarketplaceModule['factory'], sandbox: amazonModule.amazonSandbox as MarketplaceModule['sandbox'], exports: amazonModule },
    { name: 'shopee', factory: shopeeModule.shopee as unknown as MarketplaceModule['factory'], sandbox: shopeeModule.shopeeSandbox as MarketplaceModule['sandbox'], exports: shopeeModule },
    { name: 'ebay', factory: ebayModule.ebay as unknown as MarketplaceModule['factory'], sandbox: ebayModule.ebaySandbox as MarketplaceModule['sandbox'], exports: ebayModule },
  ];
  demo = await startDemoSandbox({ clock, modules, orders: 0 }, startSandbox);
  const accounts: Record<string, MarketplaceAdapter> = {};
  for (const a of demo.accounts) accounts[a.key] = modules.find((m) => m.name === a.marketplace)!.factory!(demo.options(a.key));
  hub = new Hub({ accounts });
});
afterAll(() => demo?.close());

describe('order feed lag per marketplace (issue 26.1)', () => {
  it('Amazon windows end two minutes before now; Shopee and eBay windows end at now', async () => {
    const checkpoints = memoryCheckpoints();
    const before = clock.now();
    const r = await hub.orders.sync({ checkpoints, handle: () => undefined, clock, since: new Date(before - 30 * MIN) });
    const after = clock.now();
    expect(r.ok).toBe(true);
    const until = async (k: string) => Date.parse((await checkpoints.get(k))!.until!);
    const lag = (k: string) => r.accounts.find((a) => a.account === k)!.lagMs;
    expect(lag('amazonEU')).toBe(2 * MIN);
    // A window never ends inside the current second (whole-second timestamps): floor, minus 1 ms.
    const bound = (t: number) => Math.floor(t / 1000) * 1000 - 1;
    expect(await until('amazonEU')).toBeGreaterThanOrEqual(before - 2 * MIN);
    expect(await until('amazonEU')).toBeLessThanOrEqual(after - 2 * MIN);
    for (const k of ['shopeeSG', 'ebayUS']) {
      expect(lag(k)).toBe(0);
      expect(await until(k)).toBeGreaterThanOrEqual(bound(before));
      expect(await until(k)).toBeLessThanOrEqual(after);
    }
  });
});
