/**
 * Shopee adapter benchmarks: request signing throughput, and orders.list normalization throughput
 * end to end on the embedded sandbox (list + detail batches of 50 + mapping) and for the mapping alone.
 * Run: npx tsx bench/shopee.bench.ts
 */
import { pathToFileURL } from 'node:url';
import { parseRecords } from '../src/http/parse.js';
import { startSandbox } from '../src/sandbox/index.js';
import { MemoryTokenStore } from '../src/state/token-store.js';
import { shopee } from '../adapters/shopee/index.js';
import { toOrder } from '../adapters/shopee/mappers/order.js';
import { detailOf } from '../adapters/shopee/sandbox/routes-order.js';
import { SANDBOX_PARTNER, seedOrder, shopeeSandbox } from '../adapters/shopee/sandbox/index.js';
import { OrderWireSchema } from '../adapters/shopee/schemas/order.js';
import { sign } from '../adapters/shopee/sign.js';
import { tokenKey } from '../adapters/shopee/tokens.js';

const SHOP = 14701711;
const ORDERS = 2000;
const FIELDS = ['item_list', 'total_amount', 'package_list', 'pay_time', 'cancel_by', 'cancel_reason', 'buyer_cancel_reason', 'fulfillment_flag', 'shipping_carrier', 'split_up'];

function signing(n = 200_000): number {
  const parts = { partnerId: 2001887, path: '/api/v2/order/get_order_detail', timestamp: 1655714431, accessToken: '59777174636562737266615546704c6d', identityId: SHOP };
  const t0 = performance.now();
  for (let i = 0; i < n; i++) sign('bench-partner-key', { ...parts, timestamp: parts.timestamp + i });
  return n / ((performance.now() - t0) / 1000);
}

export async function run(): Promise<Record<string, number>> {
  const signsPerSec = signing();
  const module = shopeeSandbox({ shops: [{ shopId: SHOP, region: 'SG' }] });
  const sb = await startSandbox({ marketplaces: { shopee: module }, timeScale: 1_000_000 });
  try {
    const world = module.state;
    const now = Date.now();
    for (let i = 0; i < ORDERS; i++) seedOrder(world, { createdAt: now - 3600_000 + i, lines: [{ price: 12.9, quantity: 2 }, { price: 3.45, discountedPrice: 2.99 }] });
    const pair = world.grant(SANDBOX_PARTNER.partnerId, { kind: 'shop', id: SHOP });
    const adapter = shopee({
      region: 'SG', partnerId: SANDBOX_PARTNER.partnerId, partnerKey: SANDBOX_PARTNER.partnerKey, shopId: SHOP, endpoint: sb.urls.shopee, timeScale: 1_000_000,
      tokens: new MemoryTokenStore({ [tokenKey(SANDBOX_PARTNER.partnerId, { kind: 'shop', id: SHOP })]: { ...pair, version: 1 } }),
    });
    const t0 = performance.now();
    const orders = await adapter.orders.list({ createdSince: new Date(now - 2 * 3600_000) }).toArray({ max: ORDERS });
    const listSec = (performance.now() - t0) / 1000;
    if (orders.length !== ORDERS) throw new Error(`listed ${orders.length} of ${ORDERS}`);
    // Mapping alone: zod per-record parse + toOrder, on the same wire records.
    const wire = [...world.orders.values()].map((o) => detailOf(o, FIELDS));
    let t1 = 0;
    const rounds = 5;
    for (let r = 0; r <= rounds; r++) {
      if (r === 1) t1 = performance.now(); // round 0 warms the JIT
      const { items } = parseRecords(OrderWireSchema, wire);
      for (const w of items) toOrder(w, { account: String(SHOP), store: String(SHOP), includePii: false });
    }
    const mapSec = (performance.now() - t1) / 1000;
    return {
      signsPerSec: Math.round(signsPerSec),
      ordersListedPerSec: Math.round(ORDERS / listSec),
      ordersListRequests: sb.requests.shopee!.length,
      ordersMappedPerSec: Math.round((ORDERS * rounds) / mapSec),
    };
  } finally {
    await sb.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const figures = await run();
  for (const [k, v] of Object.entries(figures)) console.log(`${k.padEnd(22)} ${v.toLocaleString('en-US')}`);
}
