/**
 * The Shopee sandbox in its own OS process for `npm run bench -- scale`: `shops` seller accounts
 * (shops) of one partner, each with its own quota (the sandbox's buckets are per partner, shop and
 * API group: adapters/shopee/sandbox/gate.ts), `ordersPerShop` orders each, and a granted token
 * pair per shop written to Redis (RedisTokenStore) for the workers. `latencyMs` is a modelling
 * choice of the benchmark (network + marketplace time per call), not a marketplace rule. Prints
 * one JSON line `{ url }`; on SIGTERM prints its CPU time and exits.
 */
import { Redis } from 'ioredis';
import { SANDBOX_PARTNER, seedOrder, shopeeSandbox } from '../../../adapters/shopee/sandbox/index.js';
import { tokenKey } from '../../../adapters/shopee/tokens.js';
import { RedisTokenStore } from '../../../src/redis/token-store.js';
import { startSandbox } from '../../../src/sandbox/index.js';

interface Args { redisUrl: string; firstShop: number; shops: number; ordersPerShop: number; latencyMs: number }
const a = JSON.parse(process.argv[2]!) as Args;
const ids = Array.from({ length: a.shops }, (_, i) => a.firstShop + i);
const module = shopeeSandbox({ shops: ids.map((shopId) => ({ shopId, region: 'SG' as const })) });
const sb = await startSandbox({ marketplaces: { shopee: module }, faults: { latencyMs: a.latencyMs } });
const client = new Redis(a.redisUrl);
const tokens = new RedisTokenStore(client);
const now = Date.now();
for (const shopId of ids) {
  for (let i = 0; i < a.ordersPerShop; i++) seedOrder(module.state, { shopId, createdAt: now - 3600_000 + i * 60_000 });
  const pair = module.state.grant(SANDBOX_PARTNER.partnerId, { kind: 'shop', id: shopId });
  await tokens.compareAndSwap(tokenKey(SANDBOX_PARTNER.partnerId, { kind: 'shop', id: shopId }), undefined, { ...pair, version: 1 });
}
await client.quit();
console.log(JSON.stringify({ url: sb.urls.shopee }));
process.once('SIGTERM', () => {
  const cpu = process.cpuUsage();
  console.log(JSON.stringify({ cpuMs: (cpu.user + cpu.system) / 1000, requests: sb.requests.shopee!.length, throttled: sb.limits.shopee!.throttled }));
  void sb.close().then(() => process.exit(0));
});
