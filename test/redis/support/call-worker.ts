/**
 * A caller OS process of the quota and rotation proofs: one Shopee adapter for the shared shop,
 * its quota (Limiter on RedisLimiterStore) and single-use tokens (RedisTokenStore) in Redis. Prints
 * `ready`, waits for the start instant the test writes to Redis (`proof:startAt`, once every
 * process is up), then calls get_order_list at full speed for `durationMs` or until the shared
 * token reaches version `untilVersion`. Prints one JSON line: calls, errors by code, first and
 * last call times.
 */
import { Redis } from 'ioredis';
import { shopee } from '../../../adapters/shopee/index.js';
import { tokenKey } from '../../../adapters/shopee/tokens.js';
import { isXborderError } from '../../../src/errors/xborder-error.js';
import { Limiter } from '../../../src/http/limiter.js';
import { RedisLimiterStore } from '../../../src/redis/limiter-store.js';
import { RedisTokenStore } from '../../../src/redis/token-store.js';

interface Args { redisUrl: string; sandboxUrl: string; partnerId: number; partnerKey: string; shopId: number; timeScale: number; durationMs?: number; untilVersion?: number }
const a = JSON.parse(process.argv[2]!) as Args;
const client = new Redis(a.redisUrl);
const tokens = new RedisTokenStore(client, { lockPollMs: 2 });
const adapter = shopee({
  region: 'SG', partnerId: a.partnerId, partnerKey: a.partnerKey, shopId: a.shopId, endpoint: a.sandboxUrl, timeScale: a.timeScale,
  tokens, limiter: new Limiter(new RedisLimiterStore(client)), retry: { baseDelayMs: 1, maxDelayMs: 20 },
});
const key = tokenKey(a.partnerId, { kind: 'shop', id: a.shopId });
const raw = adapter.raw.shop();
const now = Math.floor(Date.now() / 1000);
const query = { time_range_field: 'create_time', time_from: now - 86_400, time_to: now, page_size: 10 };
const out = { calls: 0, errors: {} as Record<string, number>, first: 0, last: 0 };
console.log('ready');
let startAt = 0;
while (!(startAt = Number(await client.get('proof:startAt')))) await new Promise((r) => setTimeout(r, 5));
await new Promise((r) => setTimeout(r, Math.max(0, startAt - Date.now())));
const stopAt = a.durationMs ? startAt + a.durationMs : Infinity;
for (;;) {
  if (Date.now() >= stopAt) break;
  if (a.untilVersion && ((await tokens.get(key))?.version ?? 0) >= a.untilVersion) break;
  const t = Date.now();
  try {
    await raw.get_order_list({ query } as never);
    out.calls++;
    out.first ||= t;
    out.last = Date.now();
  } catch (e) {
    const code = isXborderError(e) ? e.code : 'OTHER';
    out.errors[code] = (out.errors[code] ?? 0) + 1;
  }
}
console.log(JSON.stringify(out));
await client.quit();
