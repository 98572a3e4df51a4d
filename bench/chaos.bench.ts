/**
 * Order-sync chaos benchmark (issue 12 "Tests", large size): thousands of orders, listing faults,
 * kills with restarts from the same checkpoint store, and orders changing between page requests
 * (test/unit/hub/support/chaos.ts). Prints orders lost, versions duplicated beyond redelivery
 * and units unaccounted per seed: all must be 0. XB_BENCH_CHAOS_ORDERS / _RUNS override sizes.
 */
import { chaos } from '../test/unit/hub/support/chaos.js';

const ORDERS = Number(process.env.XB_BENCH_CHAOS_ORDERS ?? 5000);
const RUNS = Number(process.env.XB_BENCH_CHAOS_RUNS ?? 150);
const SEEDS = [101, 202, 303, 404, 505];

export async function run(): Promise<Record<string, number>> {
  console.log(`${ORDERS} orders, ${RUNS} runs per seed, page 50; per page request: an order changes, 20% a new order, 5% the request fails; 0.2% of deliveries (and 20% of runs at a checkpoint write) kill the process`);
  console.log('seed   orders  deliveries  changes  faults  kills  lost  duplicated  unaccounted');
  const total = { orders: 0, lost: 0, duplicatedBeyondRedelivery: 0, itemsUnaccounted: 0, kills: 0, faults: 0, changes: 0 };
  for (const seed of SEEDS) {
    const r = await chaos({ orders: ORDERS, runs: RUNS, seed, pageSize: 50, killRate: 0.002, changeRate: 1 });
    console.log(`${String(seed).padEnd(6)} ${String(r.orders).padEnd(7)} ${String(r.deliveries).padEnd(11)} ${String(r.changes).padEnd(8)} ${String(r.faults).padEnd(7)} ${String(r.kills).padEnd(6)} ${String(r.lost).padEnd(5)} ${String(r.duplicatedBeyondRedelivery).padEnd(11)} ${r.itemsUnaccounted}`);
    for (const k of Object.keys(total) as Array<keyof typeof total>) total[k] += r[k];
  }
  console.log(`total: ${total.lost} lost, ${total.duplicatedBeyondRedelivery} duplicated beyond redelivery, ${total.itemsUnaccounted} units unaccounted over ${total.orders} orders (target: all 0)`);
  return { orders: total.orders, changes: total.changes, faults: total.faults, kills: total.kills, lost: total.lost, duplicatedBeyondRedelivery: total.duplicatedBeyondRedelivery, itemsUnaccounted: total.itemsUnaccounted };
}
