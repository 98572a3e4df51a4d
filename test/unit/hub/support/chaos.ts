/**
 * Order-sync chaos (issue 12 "Tests"): listing faults, kills (the process dies: the handler throws
 * and every later checkpoint write is lost; a restart resumes from the same store) and orders
 * changing between page requests, over many runs. Counts what an ERP would notice.
 */
import { NetworkError } from '../../../../src/errors/classes.js';
import { Hub, memoryCheckpoints } from '../../../../src/hub/index.js';
import { seededRandom as prng } from '../../../../src/sandbox/random.js';
import type { Order } from '../../../../src/model/order.js';
import { Crash, DyingStore } from './crash.js';
import { FakeAdapter, makeOrder, store } from './fake-adapter.js';

export interface ChaosOptions {
  orders: number;
  runs: number;
  seed: number;
  pageSize?: number;
  /** Chances per page request: an order changes, a new order arrives, the request fails. */
  changeRate?: number;
  newRate?: number;
  faultRate?: number;
  /** Chance per delivery that the process dies there. */
  killRate?: number;
}

export interface ChaosResult {
  orders: number;
  deliveries: number;
  changes: number;
  faults: number;
  kills: number;
  /** Orders whose final version never reached the ERP. */
  lost: number;
  /** The same version delivered twice with no kill in between (redelivery after a kill is allowed). */
  duplicatedBeyondRedelivery: number;
  /** |units the marketplace has open − units the ERP's latest versions have open|. */
  itemsUnaccounted: number;
}

const T0 = Date.parse('2026-03-01T12:00:00Z');
const open = (o: Order) => o.lines.reduce((n, l) => n + l.quantity - l.cancelledQuantity, 0);

export async function chaos(opts: ChaosOptions): Promise<ChaosResult> {
  const random = prng(opts.seed);
  const feed = new FakeAdapter({ marketplace: 'chaos', account: 'C1', stores: [store('US', 'USD')], pageSize: opts.pageSize ?? 7 });
  feed.now = T0;
  let nextId = 0;
  const put = (id: string, at: number, quantity: number, cancelled: number) => {
    const o = makeOrder(id, at, 'US', 'chaos');
    o.lines[0] = { ...o.lines[0]!, quantity, cancelledQuantity: cancelled };
    feed.orderBook.set(id, o);
  };
  for (let i = 0; i < opts.orders; i++) put(`C${nextId++}`, T0 - 3 * 3600_000 + Math.floor(random() * 3 * 3600_000), 1 + Math.floor(random() * 4), 0);
  const r: ChaosResult = { orders: 0, deliveries: 0, changes: 0, faults: 0, kills: 0, lost: 0, duplicatedBeyondRedelivery: 0, itemsUnaccounted: 0 };
  const erp = new Map<string, Order>();
  /** version → the kill count when it was delivered. */
  const delivered = new Map<string, number>();
  let chaosOn = true;
  feed.beforePage = () => {
    if (!chaosOn) return;
    feed.now += 200;
    if (random() < (opts.changeRate ?? 0.5)) {
      // A buyer cancels a unit, or the order just moves on (shipped, note...): a new version now.
      const ids = [...feed.orderBook.keys()];
      const o = feed.orderBook.get(ids[Math.floor(random() * ids.length)]!)!;
      const l = o.lines[0]!;
      put(o.id, feed.now, l.quantity, Math.min(l.quantity, l.cancelledQuantity + (random() < 0.5 ? 1 : 0)));
      r.changes++;
    }
    if (random() < (opts.newRate ?? 0.2)) put(`C${nextId++}`, feed.now, 1 + Math.floor(random() * 4), 0);
    if (random() < (opts.faultRate ?? 0.05)) {
      r.faults++;
      throw new NetworkError({ marketplace: 'chaos', message: 'connection reset' });
    }
  };
  const hub = new Hub({ accounts: { chaos: feed } });
  const base = memoryCheckpoints();
  const runOnce = async (healthy: boolean) => {
    const dieOnWrite = !healthy && random() < 0.2 ? 1 + Math.floor(random() * 20) : undefined;
    const cps = new DyingStore(base, dieOnWrite);
    const handle = async (o: Order) => {
      if (cps.dead) throw new Crash();
      if (!healthy && random() < (opts.killRate ?? 0.01)) {
        cps.die();
        throw new Crash();
      }
      const key = `${o.id}@${o.updatedAt.utc}`;
      if (delivered.get(key) === r.kills) r.duplicatedBeyondRedelivery++;
      delivered.set(key, r.kills);
      const had = erp.get(o.id);
      if (!had || Date.parse(had.updatedAt.utc) <= Date.parse(o.updatedAt.utc)) erp.set(o.id, o);
      r.deliveries++;
    };
    await hub.orders.sync({ checkpoints: cps, handle, now: () => feed.now, since: new Date(T0 - 4 * 3600_000), overlapMs: 5 * 60_000 });
    if (cps.dead) r.kills++;
  };
  for (let i = 0; i < opts.runs; i++) {
    await runOnce(false);
    feed.now += Math.floor(random() * 3 * 60_000);
  }
  // The marketplace goes quiet; one healthy run after the lag and the overlap delivers the rest.
  chaosOn = false;
  feed.now += 15 * 60_000;
  await runOnce(true);
  r.orders = feed.orderBook.size;
  let units = 0;
  let erpUnits = 0;
  for (const o of feed.orderBook.values()) {
    if (erp.get(o.id)?.updatedAt.utc !== o.updatedAt.utc) r.lost++;
    units += open(o);
    const e = erp.get(o.id);
    if (e) erpUnits += open(e);
  }
  r.itemsUnaccounted = Math.abs(units - erpUnits);
  return r;
}
