/**
 * Shopee adapter benchmarks: request signing throughput, and orders.list normalization throughput
 * end to end on the embedded sandbox (list + detail batches of 50 + mapping) and for the mapping alone.
 * Run: npm run bench -- shopee (or npx tsx bench/shopee.bench.ts)
 */
import { pathToFileURL } from 'node:url';
import { startSandbox } from '../src/sandbox/index.js';
import { MemoryTokenStore } from '../src/state/token-store.js';
import { shopee } from '../adapters/shopee/index.js';
import { mapOrderPage } from '../adapters/shopee/mappers/order-page.js';
import { detailOf } from '../adapters/shopee/sandbox/routes-order.js';
import { SANDBOX_PARTNER, seedOrder, shopeeSandbox } from '../adapters/shopee/sandbox/index.js';
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

/** A get_order_detail page as Shopee sends it: 50 orders (the detail batch size), 3 lines, a package, an address. */
export function detailPage(n = 50): string {
  const order = (i: number) => ({
    order_sn: `2604${String(100000 + i)}ABCD`, region: 'SG', currency: 'SGD', cod: false, order_status: i % 5 ? 'READY_TO_SHIP' : 'SHIPPED', message_to_seller: '',
    create_time: 1_790_000_000 + i, update_time: 1_790_000_100 + i, days_to_ship: 2, ship_by_date: 1_790_172_800 + i, booking_sn: '', total_amount: 45.79,
    pay_time: 1_790_000_060 + i, buyer_user_id: 1170319091, buyer_username: `buyer_${i}`, fulfillment_flag: 'fulfilled_by_local_seller', shipping_carrier: 'Standard Delivery (SPX)',
    split_up: false, cancel_by: '', cancel_reason: '', buyer_cancel_reason: '', actual_shipping_fee_confirmed: false, estimated_shipping_fee: 2.5, goods_to_declare: false, note: '',
    recipient_address: { name: `Tan ${i}`, phone: `6591${String(100000 + i)}`, town: '', district: '', city: 'Singapore', state: '', region: 'SG', zipcode: '018956', full_address: `${i} Bayfront Avenue, Singapore 018956` },
    item_list: [0, 1, 2].map((k) => ({
      item_id: 30000 + k, item_name: `Item ${k} with a reasonably long product title for the listing`, item_sku: `SKU-${k}`, model_id: 90000 + k, model_name: 'Red,M', model_sku: `SKU-${k}-RM`,
      model_quantity_purchased: 1 + k, model_original_price: 12.9 + k, model_discounted_price: k === 2 ? 0 : 11.9 + k, wholesale: false, weight: 0.2, add_on_deal: false, main_item: false,
      add_on_deal_id: 0, promotion_type: k === 2 ? 'bundle_deal' : 'product_promotion', promotion_id: 7792222077, promotion_group_id: 0, order_item_id: 30000 + k,
      image_info: { image_url: 'https://cf.shopee.sg/file/sg-11134207-7qukw-lf6guphtf6oad3_tn' }, product_location_id: ['SGZ'], is_prescription_item: false, is_b2c_owned_item: false,
    })),
    package_list: [{ package_number: `OFG${i}`, logistics_status: 'LOGISTICS_READY', shipping_carrier: 'Standard Delivery (SPX)', logistics_channel_id: 18025,
      item_list: [0, 1, 2].map((k) => ({ item_id: 30000 + k, model_id: 90000 + k, model_quantity: 1 + k, order_item_id: 30000 + k, promotion_group_id: 0, product_location_id: 'SGZ' })), parcel_chargeable_weight_gram: 600 }],
  });
  return JSON.stringify({ error: '', message: '', request_id: 'bench', response: { order_list: Array.from({ length: n }, (_, i) => order(i)) } });
}

/** Median ms of `fn` over `rounds` runs after warm-up. */
function timeIt(fn: () => void, rounds: number): number {
  for (let i = 0; i < 20; i++) fn();
  const t: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    fn();
    t.push(performance.now() - t0);
  }
  return t.sort((a, b) => a - b)[Math.floor(t.length / 2)]!;
}

/**
 * Issue 15.9: one detail page → unified orders, side by side with JSON.parse of the same text in the
 * same run. `mappingOverParse` is the cost beyond parsing in multiples of JSON.parse (target ≤ 3).
 */
export function mappingVsParse(rounds = 300): { parseMs: number; mapMs: number; mappingOverParse: number } {
  const text = detailPage();
  const ctx = { account: String(SHOP), store: String(SHOP), includePii: false };
  let sink = 0;
  const parseMs = timeIt(() => void (sink += (JSON.parse(text) as { response: { order_list: unknown[] } }).response.order_list.length), rounds);
  const mapMs = timeIt(() => void (sink += mapOrderPage((JSON.parse(text) as { response: { order_list: unknown[] } }).response.order_list, ctx).items.length), rounds);
  if (sink < 0) console.log(sink);
  return { parseMs, mapMs, mappingOverParse: (mapMs - parseMs) / parseMs };
}

export async function run(): Promise<Record<string, number>> {
  const side = mappingVsParse();
  console.log(`detail page of 50 orders: JSON.parse ${side.parseMs.toFixed(3)} ms, parse + map ${side.mapMs.toFixed(3)} ms → mapping costs ${side.mappingOverParse.toFixed(2)}× JSON.parse (target ≤ 3)`);
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
    // Mapping alone: the record check + toOrder, on the same wire records.
    const wire = [...world.orders.values()].map((o) => detailOf(o, FIELDS));
    let t1 = 0;
    const rounds = 5;
    for (let r = 0; r <= rounds; r++) {
      if (r === 1) t1 = performance.now(); // round 0 warms the JIT
      mapOrderPage(wire, { account: String(SHOP), store: String(SHOP), includePii: false });
    }
    const mapSec = (performance.now() - t1) / 1000;
    return {
      pageJsonParseUs: Math.round(side.parseMs * 1000),
      pageParseAndMapUs: Math.round(side.mapMs * 1000),
      mappingOverParseX100: Math.round(side.mappingOverParse * 100),
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
