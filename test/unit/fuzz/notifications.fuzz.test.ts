/**
 * Fuzz (issue 22.3): the options of createWebhookReceiver, hub.orders.watch and createWorkers.
 * Hostile options end in a ValidationError naming the field, never a TypeError or RangeError,
 * neither when the entry point is called nor later, when it runs with the options it accepted.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Hub, memoryCheckpoints } from '../../../src/hub/index.js';
import { createWebhookReceiver, type NotificationSource, type WebhookVerifier } from '../../../src/notifications/index.js';
import { createWorkers } from '../../../src/workers/index.js';
import { FakeAdapter } from '../hub/support/fake-adapter.js';
import { assertOnlyValidationAsync, hostileOr, runsFor } from './harness.js';

const few = runsFor(4);
const T = Date.parse('2026-03-01T12:00:00Z');
const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object';

const verifier = (marketplace: string): WebhookVerifier => ({
  marketplace,
  matches: () => true,
  verify: async () => ({ status: 'verified', sentAt: T, events: [{ marketplace, account: 'A', kind: 'order_changed', eventId: `e-${Math.random()}`, occurredAt: new Date(T).toISOString(), orderId: 'O1', topic: 't', raw: {} }] }),
});

/** A request a framework already read (rawBody), and a response that records what was sent. */
function exchange() {
  const req = { method: 'POST', url: '/hooks/x', headers: { host: 'erp.example.com' }, rawBody: Buffer.from('{"a":1}') };
  const res = { headersSent: false, status: 0, writeHead(s: number) { this.status = s; this.headersSent = true; return this; }, end() { return this; } };
  return { req, res };
}

describe('fuzz: notification entry points only ever throw ValidationError with a path (issue 22.3)', () => {
  it('createWebhookReceiver options, then one request through the receiver it built', async () => {
    const base = {
      ebay: verifier('ebay'), shopee: verifier('shopee'), verifiers: [verifier('other')], onEvent: async () => {},
      replayWindowMs: 60_000, maxBodyBytes: 1024, publicUrl: 'https://erp.example.com/base', clock: { now: () => T },
    };
    await assertOnlyValidationAsync([hostileOr(base)], async (o) => {
      const receiver = createWebhookReceiver(o as never);
      const { req, res } = exchange();
      await receiver.handle(req as never, res as never);
      // Accepted options give a working receiver: every request ends in an HTTP status.
      if (!(res.status >= 200 && res.status < 600)) throw new Error(`no status sent (${res.status})`);
    }, { runs: few });
  });

  it('createWebhookReceiver names the field', () => {
    const ok = { onEvent: async () => {} };
    const cases: Array<[unknown, string]> = [
      [null, 'options'], [{}, 'onEvent'], [{ ...ok, ebay: {} }, 'ebay'], [{ ...ok, shopee: 'x' }, 'shopee'], [{ ...ok, verifiers: 'x' }, 'verifiers'],
      [{ ...ok, verifiers: [null] }, 'verifiers[0]'], [{ ...ok, replayWindowMs: NaN }, 'replayWindowMs'], [{ ...ok, replayWindowMs: -1 }, 'replayWindowMs'],
      [{ ...ok, maxBodyBytes: 1.5 }, 'maxBodyBytes'], [{ ...ok, maxBodyBytes: 0 }, 'maxBodyBytes'], [{ ...ok, publicUrl: 'x' }, 'publicUrl'],
      [{ ...ok, publicUrl: 'ftp://a/' }, 'publicUrl'], [{ ...ok, clock: {} }, 'clock'],
    ];
    for (const [o, path] of cases) expect(() => createWebhookReceiver(o as never), path).toThrow(expect.objectContaining({ code: 'VALIDATION', path }));
  });

  it('hub.orders.watch options (a stopped signal: an accepted watch runs one window and ends)', async () => {
    const fake = new FakeAdapter({ orderFeedLagMs: 0 });
    const hub = new Hub({ accounts: { f: fake } });
    const stopped = AbortSignal.abort();
    const source: NotificationSource = { marketplace: 'fake', run: async () => {} };
    const clock = { now: () => T, sleep: async () => {} };
    const base = {
      sources: [source], signal: stopped, clock, onEvent: () => {}, handle: () => {},
      poll: { checkpoints: memoryCheckpoints(), accounts: ['f'], intervalMs: 60_000, overlapMs: 1000, lagMs: 0, since: new Date(T - 60_000) },
    };
    // Without a signal an accepted watch runs forever: such runs are not hostile, they are valid.
    const runsForever = (o: unknown) => isObject(o) && o.signal === undefined && typeof o.handle === 'function' && isObject(o.poll);
    await assertOnlyValidationAsync([hostileOr(base).filter((o) => !runsForever(o))], (o) => hub.orders.watch(o as never), { runs: few });
  });

  it('hub.orders.watch names the field', async () => {
    const hub = new Hub({ accounts: { f: new FakeAdapter() } });
    const ok = { handle: () => {}, signal: AbortSignal.abort(), poll: { checkpoints: memoryCheckpoints() } };
    const cases: Array<[unknown, string]> = [
      [{ ...ok, signal: {} }, 'signal'], [{ ...ok, clock: { now: 1 } }, 'clock'], [{ ...ok, onEvent: 1 }, 'onEvent'],
      [{ ...ok, sources: {} }, 'sources'], [{ ...ok, sources: [{ run: 1 }] }, 'sources[0]'], [{ ...ok, poll: { ...ok.poll, intervalMs: 0 } }, 'poll.intervalMs'],
    ];
    for (const [o, path] of cases) await expect(hub.orders.watch(o as never), path).rejects.toMatchObject({ code: 'VALIDATION', path });
  });

  describe('createWorkers', () => {
    beforeAll(() => void vi.stubEnv('XBORDER_REDIS_URL', ''));
    afterAll(() => void vi.unstubAllEnvs());
    /** Thrown by the fake client: the options passed validation and the workers would connect now. */
    class Connecting extends Error {}
    const redis = { duplicate: () => { throw new Connecting('connecting'); } };
    const base = {
      redis, accounts: { f: new FakeAdapter() }, concurrency: 2, process: true, orders: { handle: () => {}, overlapMs: 1000, lagMs: 0, since: '2026-03-01T00:00:00Z', includePii: false },
      checkpoints: memoryCheckpoints(), prefix: 'xb', queue: 'jobs', lockMs: 30_000, attempts: 3,
    };

    it('options (a redis URL string never connects: the fuzz only builds hostile strings)', async () => {
      const fromFuzz = (o: unknown) => !(isObject(o) && typeof o.redis === 'string' && /^rediss?:\/\//.test(o.redis));
      await assertOnlyValidationAsync([hostileOr(base).filter(fromFuzz)], (o) => createWorkers(o as never), { runs: few, allow: (e) => e instanceof Connecting });
    });

    it('names the field before connecting', async () => {
      const cases: Array<[Record<string, unknown>, string]> = [
        [{ redis: 5 }, 'redis'], [{ redis: {} }, 'redis'], [{ accounts: 1 }, 'accounts'], [{ accounts: { f: {} } }, 'accounts.f'], [{ accounts: { 'a:b': new FakeAdapter() } }, 'accounts.a:b'],
        [{ accounts: undefined, accountSource: { keys: 1 } }, 'accountSource'], [{ process: 'yes' }, 'process'], [{ orders: { handle: 1 } }, 'orders.handle'],
        [{ orders: { handle: () => {}, lagMs: -1 } }, 'orders.lagMs'], [{ orders: { handle: () => {}, since: 'soon' } }, 'orders.since'], [{ orders: { handle: () => {}, includePii: 1 } }, 'orders.includePii'],
        [{ checkpoints: {} }, 'checkpoints'], [{ prefix: '' }, 'prefix'], [{ prefix: 7 }, 'prefix'], [{ queue: 'a:b' }, 'queue'], [{ queue: {} }, 'queue'],
        [{ lockMs: NaN }, 'lockMs'], [{ lockMs: 0 }, 'lockMs'], [{ lockMs: 2 ** 31 }, 'lockMs'], [{ attempts: 0 }, 'attempts'], [{ attempts: 1.5 }, 'attempts'],
      ];
      for (const [patch, path] of cases) await expect(createWorkers({ ...base, ...patch } as never), path).rejects.toMatchObject({ code: 'VALIDATION', path });
      await expect(createWorkers(base as never)).rejects.toBeInstanceOf(Connecting);
    });
  });
});
