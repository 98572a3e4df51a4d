/**
 * One worker OS process of `npm run bench -- scale`: createWorkers() over an AccountSource of
 * sandbox shops (adapters built on first use), each shop's quota and tokens in Redis. Counts
 * delivered orders in Redis (`<prefix>:delivered`). Prints `ready`; on SIGTERM closes gracefully,
 * prints its CPU time and exits.
 */
import { Redis } from 'ioredis';
import { shopee } from '../../../adapters/shopee/index.js';
import { SANDBOX_PARTNER } from '../../../adapters/shopee/sandbox/index.js';
import { Limiter } from '../../../src/http/limiter.js';
import { RedisLimiterStore } from '../../../src/redis/limiter-store.js';
import { RedisTokenStore } from '../../../src/redis/token-store.js';
import { createWorkers } from '../../../src/workers/index.js';

interface Args { redisUrl: string; sandboxUrl: string; firstShop: number; shops: number; prefix: string; concurrency: number }
const a = JSON.parse(process.argv[2]!) as Args;
const client = new Redis(a.redisUrl);
const limiter = new Limiter(new RedisLimiterStore(client, { prefix: a.prefix }));
const tokens = new RedisTokenStore(client);
const workers = await createWorkers({
  redis: a.redisUrl, prefix: a.prefix, concurrency: a.concurrency,
  accountSource: {
    keys: () => Array.from({ length: a.shops }, (_, i) => `s${a.firstShop + i}`),
    adapter: (key) => shopee({ region: 'SG', ...SANDBOX_PARTNER, shopId: Number(key.slice(1)), endpoint: a.sandboxUrl, tokens, limiter, retry: { baseDelayMs: 50, maxDelayMs: 2000 } }),
  },
  orders: { since: new Date(Date.now() - 3 * 3600_000), overlapMs: 0, handle: async () => void (await client.incr(`${a.prefix}:delivered`)) },
});
console.log('ready');
process.once('SIGTERM', () => {
  void workers.close().then(async () => {
    const cpu = process.cpuUsage();
    console.log(JSON.stringify({ cpuMs: (cpu.user + cpu.system) / 1000 }));
    await client.quit();
    process.exit(0);
  });
});
