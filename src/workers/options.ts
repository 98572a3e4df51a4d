/**
 * Validation of createWorkers' options (issue 22.3): every field is checked before bullmq is
 * loaded or Redis is dialled, and a hostile value fails with a ValidationError naming it.
 */
import { ValidationError } from '../errors/classes.js';
import { instant } from '../paginate/time-windows.js';
import { resolveRedisUrl } from '../redis/connection.js';
import type { CreateWorkersOptions } from './types.js';

/** Account keys as the job payloads carry them. */
export const ACCOUNT = /^[A-Za-z0-9_.-]{1,64}$/;
/** Longest delay a timer can hold (Node.js timers docs); BullMQ arms its lock timers with lockMs. */
const MAX_TIMER_MS = 2 ** 31 - 1;
const YEAR_MS = 366 * 86_400_000;

const fail = (path: string, message: string): never => {
  throw new ValidationError({ message: `${path} ${message}`, path });
};
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const fn = (o: Record<string, unknown>, k: string) => typeof o[k] === 'function';
const isAdapter = (v: unknown) => isObject(v) && typeof v.marketplace === 'string' && isObject(v.orders) && fn(v.orders, 'list');
const whole = (v: unknown, min: number, max: number) => typeof v === 'number' && Number.isSafeInteger(v) && v >= min && v <= max;

export function checkWorkerOptions(opts: unknown): asserts opts is CreateWorkersOptions {
  if (!isObject(opts)) fail('options', 'must be an options object');
  const o = opts as Record<string, unknown>;
  if (o.redis === undefined || typeof o.redis === 'string') resolveRedisUrl(o.redis as string | undefined);
  else if (!(isObject(o.redis) && fn(o.redis, 'duplicate'))) fail('redis', 'must be a redis:// URL or an ioredis client');
  if (o.accounts !== undefined) {
    if (!isObject(o.accounts)) fail('accounts', 'must map account keys to adapters');
    for (const [k, a] of Object.entries(o.accounts as object)) {
      if (!ACCOUNT.test(k) || !isAdapter(a)) fail(`accounts.${k}`, 'must be a marketplace adapter under a key of letters, digits, _ . -');
    }
  }
  if (o.accountSource !== undefined && !(isObject(o.accountSource) && fn(o.accountSource, 'keys') && fn(o.accountSource, 'adapter'))) fail('accountSource', 'must have keys() and adapter(key)');
  if (o.process !== undefined && typeof o.process !== 'boolean') fail('process', 'must be a boolean');
  if (!o.accounts && !o.accountSource && o.process !== false) fail('accounts', 'or accountSource is needed to run jobs');
  if (o.concurrency !== undefined && !whole(o.concurrency, 1, 10_000)) fail('concurrency', 'must be an integer from 1 to 10000');
  if (o.orders !== undefined) checkOrders(o.orders);
  if (o.checkpoints !== undefined && !(isObject(o.checkpoints) && fn(o.checkpoints, 'get') && fn(o.checkpoints, 'set'))) fail('checkpoints', 'must be a CheckpointStore (get, set)');
  if (o.prefix !== undefined && (typeof o.prefix !== 'string' || !o.prefix)) fail('prefix', 'must be a non-empty string');
  // BullMQ refuses a queue name with ':' (its key separator): "Queue name cannot contain :" (bullmq QueueBase).
  if (o.queue !== undefined && (typeof o.queue !== 'string' || !o.queue || o.queue.includes(':'))) fail('queue', 'must be a non-empty string without ":"');
  if (o.lockMs !== undefined && !whole(o.lockMs, 1, MAX_TIMER_MS)) fail('lockMs', `must be a whole number of milliseconds from 1 to ${MAX_TIMER_MS}`);
  if (o.attempts !== undefined && !whole(o.attempts, 1, 1000)) fail('attempts', 'must be an integer from 1 to 1000');
}

function checkOrders(v: unknown): void {
  if (!isObject(v)) fail('orders', 'must be an object with handle(order, ctx)');
  const o = v as Record<string, unknown>;
  if (!fn(o, 'handle')) fail('orders.handle', 'must be a function');
  for (const k of ['overlapMs', 'lagMs']) {
    const ms = o[k];
    if (ms !== undefined && (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0 || ms > YEAR_MS)) fail(`orders.${k}`, 'must be a number of milliseconds from 0 to one year');
  }
  if (o.since !== undefined) {
    if (!(o.since instanceof Date) && typeof o.since !== 'string') fail('orders.since', 'must be a Date or an ISO date string');
    instant(new Date(o.since as string), 'orders.since');
  }
  if (o.includePii !== undefined && typeof o.includePii !== 'boolean') fail('orders.includePii', 'must be a boolean');
}
