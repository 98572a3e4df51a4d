/**
 * Stock propagation on the sandboxes (issue 26.5): `npm run bench -- propagation`.
 *
 * A selling day compressed 360× on the four simulators over HTTP, one marketplace clock
 * (src/sandbox/clock.ts): ~830 buyer orders on 150 low-stock SKUs across Amazon DE, Shopee SG,
 * eBay US and AliExpress, buyers who buy only what a store shows (src/sandbox/buyer.ts), restocks
 * every 3 h through the ledger, the hub's real order sync + inventory engine against the
 * adapters. Prints, in marketplace time: placement → every other store showing the reduced
 * quantity (p50/p95, per origin and per target store), oversold units against the bound (units
 * ordered within 120 s of a stockout), pushes that raised a store above the stock left, and the
 * stores out of step at the end (after up to 30 settling minutes). Harness: test/e2e/propagation-day.ts.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sellingDay, stats, type DayOptions } from '../test/e2e/propagation-day.js';

const MARKETS = ['amazon', 'shopee', 'ebay', 'aliexpress'];
const s = (ms: number) => `${Math.round(ms / 1000)} s`;

export async function run(opts: Partial<DayOptions> = {}): Promise<Record<string, number>> {
  const day: DayOptions = { hours: 24, scale: 360, orders: 830, skus: 150, stockMax: 4, restockEveryH: 3, seed: 26, log: (l) => console.log(`  ${l}`), ...opts };
  if (process.env.XB_NOTIFICATIONS === '1') day.notifications = true;
  console.log(`selling day on the sandboxes: ${day.hours} h at ${day.scale}×, ${day.orders} orders, ${day.skus} SKUs (1–${day.stockMax} units), restocks every ${day.restockEveryH} h, ${day.notifications ? 'with notifications (Shopee push, eBay webhook, Amazon SQS) and' : 'no notifications,'} polling`);
  const started = Date.now();
  const r = await sellingDay(day);
  const all = stats(r.propagation.map((p) => p.ms));
  console.log(`placed ${r.placed}, refused (store showed too little) ${r.refused}, real time ${Math.round((Date.now() - started) / 1000)} s`);
  console.log(`placement → every other store shows it: p50 ${s(all.p50)}  p95 ${s(all.p95)}  max ${s(all.max)}  (n ${all.n}; ${r.censored} overtaken by a restock or never settled)`);
  const imported = stats(r.propagation.flatMap((p) => (p.importMs === undefined ? [] : [p.importMs])));
  console.log(`  of which placement → imported into the ledger (order sync): p50 ${s(imported.p50)}  p95 ${s(imported.p95)}`);
  console.log(`  one HTTP round trip costs ${s(r.roundTripMs)} of marketplace time here (real latency × ${day.scale}; a loaded host inflates every figure)`);
  const figures: Record<string, number> = { placed: r.placed, 'propagation p50 s': Math.round(all.p50 / 1000), 'propagation p95 s': Math.round(all.p95 / 1000) };
  for (const m of MARKETS) {
    const from = stats(r.propagation.filter((p) => p.origin === m).map((p) => p.ms));
    const to = stats(r.propagation.flatMap((p) => (p.stores[m] === undefined ? [] : [p.stores[m]!])));
    console.log(`  ${m.padEnd(11)} placed here → others: p50 ${s(from.p50).padEnd(7)} p95 ${s(from.p95).padEnd(7)} (n ${from.n})   others → shown here: p50 ${s(to.p50).padEnd(7)} p95 ${s(to.p95)}`);
    figures[`from ${m} p95 s`] = Math.round(from.p95 / 1000);
    figures[`to ${m} p95 s`] = Math.round(to.p95 / 1000);
  }
  console.log(`oversold units ${r.oversoldUnits} (bound: ${r.boundUnits} units ordered within 120 s of a stockout)`);
  console.log(`pushes that raised a store above the stock left: ${r.raisedAboveTrue} (while the store's own sale was not imported: ${r.raisedWhile.ownUnimported}; only another store's: ${r.raisedWhile.otherUnimported}; every sale imported: ${r.raisedWhile.allImported})`);
  console.log(`every store showed the stock left ${r.settledAfterMs === undefined ? 'never within the settling time' : `${s(r.settledAfterMs)} after the last order`}`);
  console.log(`stores out of step at the end: ${r.outOfStep.length}${r.outOfStep.length ? ` (${r.outOfStep.slice(0, 5).map((x) => `${x.store} ${x.sku} shows ${x.shown}, ${x.truth} left`).join('; ')})` : ''}`);
  const p = r.report.pushes;
  console.log(`engine: ${p.calls} push calls, ${r.report.failures.length} failed pushes; ${p.reads} reads before a push (${p.readCorrections} items lowered by unimported sales, ${p.readFailures} reads failed); order sync ${r.report.orders?.accounts.map((a) => `${a.account} ${a.windows} windows`).join(', ')}`);
  return { ...figures, 'import p95 s': Math.round(imported.p95 / 1000), 'round trip s': Math.round(r.roundTripMs / 1000), 'oversold units': r.oversoldUnits, 'oversell bound units': r.boundUnits, 'raised above true': r.raisedAboveTrue, 'raised over own unimported sale': r.raisedWhile.ownUnimported, 'reads': p.reads, 'read corrections': p.readCorrections, 'out of step': r.outOfStep.length };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(await run());
}
