/**
 * An order-importing OS process of the shared-ledger proof: a StockLedger on RedisLedgerStore,
 * importing its own orders plus orders every process imports (the same marketplace order seen by
 * two workers), committing after each one. After every import it computes what a push would send
 * for the SKU (`available`) and the free count. Prints `ready`, starts at `proof:startAt`, ends
 * with one JSON line: pushes made and the lowest quantity and free count it ever saw.
 */
import { Redis } from 'ioredis';
import { StockLedger } from '../../../src/inventory/ledger.js';
import { RedisLedgerStore } from '../../../src/redis/ledger-store.js';

interface Args { redisUrl: string; id: string; orders: number; shared: number; skus: string[] }
const a = JSON.parse(process.argv[2]!) as Args;
const client = new Redis(a.redisUrl);
const ledger = new StockLedger({ store: await RedisLedgerStore.open(client, { name: 'proof', compactEvery: 50 }) });
const order = (id: string, sku: string, quantity: number) => ({
  id, store: 'EU', status: 'unshipped', holds: [], fulfilledBy: 'merchant', updatedAt: { utc: '2026-01-01T00:00:00.000Z' },
  lines: [{ lineId: '1', sku, quantity, shippedQuantity: 0, cancelledQuantity: 0 }],
});
console.log('ready');
let startAt = 0;
while (!(startAt = Number(await client.get('proof:startAt')))) await new Promise((r) => setTimeout(r, 5));
await new Promise((r) => setTimeout(r, Math.max(0, startAt - Date.now())));
await ledger.refresh();
const out = { pushes: 0, minPush: Infinity, minFree: Infinity, lastPush: {} as Record<string, number> };
const work = [
  ...Array.from({ length: a.orders }, (_, i) => ({ id: `${a.id}-${i}`, sku: a.skus[i % a.skus.length]!, qty: 1 + (i % 2) })),
  ...Array.from({ length: a.shared }, (_, i) => ({ id: `shared-${i}`, sku: a.skus[i % a.skus.length]!, qty: 1 })),
];
for (const [n, w] of work.entries()) {
  ledger.applyOrder('acct', order(w.id, w.sku, w.qty));
  await ledger.flush();
  if (n % 5 === 0) await ledger.refresh();
  const push = ledger.available('acct:EU', w.sku)!;
  out.pushes++;
  out.minPush = Math.min(out.minPush, push);
  out.minFree = Math.min(out.minFree, ledger.free(w.sku));
  out.lastPush[w.sku] = push;
}
console.log(JSON.stringify(out));
await client.quit();
