/**
 * An ERP order sync: `npx tsx examples/order-sync.ts [--follow]`.
 *
 * Every account's order feed goes into `erp.upsert` (at least once, checkpointed: a crash or a
 * failing ERP never loses an order), then each new shippable order gets its tracking number.
 * Runs on the embedded sandbox (seeded orders; with --follow new ones keep arriving) unless real
 * credentials are in the environment (same variables as examples/bulk-list.ts); live runs keep
 * their checkpoint in ./order-sync.checkpoint.json. Ctrl-C stops --follow cleanly.
 *
 * Copy it into a project that depends on xborder: it imports only the package's public entries.
 */
import os from 'node:os';
import path from 'node:path';
import { Hub, fileCheckpoints, formatSyncReport, toDecimal, type MarketplaceAdapter, type Order, type OrderContext } from 'xborder';
import { amazon } from 'xborder/amazon';
import { startDemoSandbox, type DemoSandbox } from 'xborder/sandbox';
import { seedOrder } from 'xborder/sandbox/shopee';
import { fileTokenStore, shopee, tokenKey } from 'xborder/shopee';

const env = process.env;
const follow = process.argv.includes('--follow');
const hasReal = !!(env.AMAZON_REFRESH_TOKEN || env.SHOPEE_PARTNER_KEY);

/** Stand-in for your ERP: idempotent by (order id, last update), like any good import. */
const erp = {
  rows: new Map<string, { account: string; updatedAt: string; status: string }>(),
  async upsert(order: Order, ctx: OrderContext) {
    const known = this.rows.get(order.id);
    this.rows.set(order.id, { account: ctx.account, updatedAt: order.updatedAt.utc, status: order.status });
    const total = order.totals.charged ? `${toDecimal(order.totals.charged)} ${order.totals.charged.currency}` : '';
    console.log(`  ${known ? 'updated' : 'new    '}  ${ctx.store.padEnd(18)} ${order.id.padEnd(22)} ${order.status.padEnd(12)} ${total}`);
  },
};

async function accounts(): Promise<{ accounts: Record<string, MarketplaceAdapter>; demo?: DemoSandbox }> {
  if (hasReal) {
    const out: Record<string, MarketplaceAdapter> = {};
    if (env.AMAZON_REFRESH_TOKEN) {
      out.amazon = amazon({
        marketplaces: (env.AMAZON_MARKETPLACES ?? 'DE,FR').split(','),
        sellerId: env.AMAZON_SELLER_ID!,
        credentials: { clientId: env.AMAZON_LWA_CLIENT_ID!, clientSecret: env.AMAZON_LWA_CLIENT_SECRET!, refreshToken: env.AMAZON_REFRESH_TOKEN },
      });
    }
    if (env.SHOPEE_PARTNER_KEY) {
      const partnerId = Number(env.SHOPEE_PARTNER_ID);
      const shopId = Number(env.SHOPEE_SHOP_ID);
      // Shopee refresh tokens are single-use: a live shop needs a persistent store so a restart has the rotated one.
      const tokens = fileTokenStore(path.resolve('.xborder/shopee-tokens.json'));
      const key = tokenKey(partnerId, { kind: 'shop', id: shopId });
      if (!(await tokens.get(key)) && env.SHOPEE_REFRESH_TOKEN) {
        await tokens.compareAndSwap(key, undefined, { accessToken: env.SHOPEE_ACCESS_TOKEN ?? '', refreshToken: env.SHOPEE_REFRESH_TOKEN, expiresAt: 0, version: 1 });
      }
      out.shopee = shopee({ region: (env.SHOPEE_REGION ?? 'SG') as 'SG', partnerId, partnerKey: env.SHOPEE_PARTNER_KEY, shopId, tokens }) as unknown as MarketplaceAdapter;
    }
    return { accounts: out };
  }
  const demo = await startDemoSandbox({ marketplaces: ['amazon', 'shopee'], timeScale: 50, orders: 4 });
  return {
    demo,
    accounts: {
      amazonEU: amazon(demo.options<Parameters<typeof amazon>[0]>('amazonEU')),
      shopeeSG: shopee(demo.options<Parameters<typeof shopee>[0]>('shopeeSG')) as unknown as MarketplaceAdapter,
    },
  };
}

const { accounts: adapters, demo } = await accounts();
const hub = new Hub({ accounts: adapters });
console.log(`${hasReal ? 'Live accounts' : 'Embedded sandbox'}: ${Object.keys(hub.accounts).join(', ')}${follow ? ' (following; Ctrl-C to stop)' : ''}`);

const ctl = new AbortController();
process.once('SIGINT', () => ctl.abort());
const shipped = new Set<string>();
const report = await hub.orders.sync({
  // A fresh sandbox starts with fresh orders, so it also starts from a fresh checkpoint.
  checkpoints: fileCheckpoints(hasReal ? path.resolve('order-sync.checkpoint.json') : path.join(os.tmpdir(), `xborder-sync-${process.pid}.json`)),
  overlapMs: 10 * 60_000,
  follow,
  intervalMs: hasReal ? 60_000 : 3_000,
  signal: ctl.signal,
  async handle(order, ctx) {
    await erp.upsert(order, ctx);
    // The warehouse ships what the ERP imported: tracking goes back to the marketplace once.
    if (!hasReal && order.shippable && order.fulfilledBy === 'merchant' && !shipped.has(order.id)) {
      const lines = order.lines.map((l) => ({ lineId: l.lineId, quantity: l.quantity - l.shippedQuantity - l.cancelledQuantity })).filter((l) => l.quantity > 0);
      if (lines.length) {
        const s = await hub.fulfilment.ship(ctx.account, { orderId: order.id, packages: [{ lines, carrier: 'DHL', trackingNumber: `JD01460000${String(shipped.size).padStart(8, '0')}` }], shippedAt: new Date().toISOString() });
        shipped.add(order.id);
        console.log(`           shipped ${order.id}: ${s.status} ${s.packages[0]?.trackingNumber ?? '(tracking pending)'}`);
      }
    }
  },
  onEvent(e) {
    // In the sandbox, new orders keep coming while we follow.
    if (e.type === 'idle' && demo) for (const a of demo.accounts) seedOne(a.marketplace);
  },
});

function seedOne(marketplace: string): void {
  const state = demo!.sandbox.state[marketplace] as { seedOrders?(n: number, o: object): unknown; now?(): number };
  if (marketplace === 'amazon') state.seedOrders?.(1, { marketplaces: ['DE'] });
  else if (marketplace === 'shopee') seedOrder(state as never, { updatedAt: Date.now() - 3 * 60_000 });
}

console.log(`\n${formatSyncReport(report)}\n\nERP holds ${erp.rows.size} orders; ${shipped.size} shipped.`);
await demo?.sandbox.close();
process.exitCode = report.ok ? 0 : 1;
