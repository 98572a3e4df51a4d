import type { Redis } from 'ioredis';
import { LuaScript } from '../redis/connection.js';

/**
 * One order-sync window per account at a time, across every worker. The lock's value is the job
 * id: a stalled job re-run elsewhere (same id, its first worker died) takes its own lock over,
 * while a different job for the same account (a scheduler iteration that overlaps a slow window)
 * finds it held and skips.
 */
const ACQUIRE = new LuaScript(`
local cur = redis.call('GET', KEYS[1])
if cur and cur ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return 1
`);

/** Extends or releases the lease only while this job still owns it. */
const RENEW = new LuaScript(`
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
if ARGV[2] == '0' then return redis.call('DEL', KEYS[1]) end
return redis.call('PEXPIRE', KEYS[1], ARGV[2])
`);

export interface HeldLock {
  release(): Promise<void>;
}

/** The lock, renewed every third of its lease while held; undefined when another job holds it. */
export async function acquireAccountLock(client: Redis, key: string, owner: string, leaseMs: number): Promise<HeldLock | undefined> {
  if ((await ACQUIRE.run(client, [key], [owner, leaseMs])) !== 1) return undefined;
  const timer = setInterval(() => void RENEW.run(client, [key], [owner, leaseMs]).catch(() => undefined), Math.max(10, Math.floor(leaseMs / 3)));
  timer.unref();
  return {
    release: async () => {
      clearInterval(timer);
      await RENEW.run(client, [key], [owner, 0]);
    },
  };
}
