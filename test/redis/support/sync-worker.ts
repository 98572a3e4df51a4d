/**
 * A worker OS process of the crash proof: Shopee adapters for the given shops sharing tokens,
 * quota and intent journal through Redis, and createWorkers() running order-sync, bulk and ship
 * jobs. Each delivered order is recorded in Redis (list `proof:delivered`) after a short pause, so
 * the test can SIGKILL the process in the middle of a window. SIGTERM closes it gracefully.
 */
import { Redis } from 'ioredis';
import { shopee } from '../../../adapters/shopee/index.js';
import { Limiter } from '../../../src/http/limiter.js';
import { RedisIntentJournal } from '../../../src/redis/intent-journal.js';
import { RedisLimiterStore } from '../../../src/redis/limiter-store.js';
import { RedisTokenStore } from '../../../src/redis/token-store.js';
import { createWorkers } from '../../../src/workers/index.js';

interface Args { redisUrl: string; sandboxUrl: string; partnerId: number; partnerKey: string; shops: number[]; handleDelayMs: number; lockMs: number; name: string; concurrency: number }
const a = JSON.parse(process.argv[2]!) as Args;
const client = new Redis(a.redisUrl);
const limiter = new Limiter(new RedisLimiterStore(client));
const accounts = Object.fromEntries(a.shops.map((shopId) => [`shop${shopId}`, shopee({
  region: 'SG', partnerId: a.partnerId, partnerKey: a.partnerKey, shopId, endpoint: a.sandboxUrl, timeScale: 1000, logisticIds: [18025],
  tokens: new RedisTokenStore(client, { lockPollMs: 5 }), journal: new RedisIntentJournal(client), limiter,
  retry: { baseDelayMs: 1, maxDelayMs: 5 }, consistency: { windowMs: 300, intervalMs: 25 }, publishPoll: { intervalMs: 5, attempts: 20 }, labelPoll: { intervalMs: 5, attempts: 5 },
})]));
const workers = await createWorkers({
  redis: a.redisUrl, accounts, concurrency: a.concurrency, lockMs: a.lockMs,
  orders: {
    since: new Date(Date.now() - 3 * 3600_000),
    overlapMs: 0,
    handle: async (order, ctx) => {
      await client.rpush('proof:delivered', `${ctx.account}/${order.id}`);
      console.log(`delivered ${a.name} ${ctx.account}/${order.id}`);
      await new Promise((r) => setTimeout(r, a.handleDelayMs));
    },
  },
});
console.log(`ready ${a.name}`);
process.once('SIGTERM', () => {
  void workers.close().then(() => client.quit()).then(() => {
    console.log(`closed ${a.name}`);
    process.exit(0);
  });
});
