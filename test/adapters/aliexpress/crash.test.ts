import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AxiosInstance, AxiosRequestConfig } from 'axios';
import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultTransport } from '../../../src/http/transport.js';
import { FileIntentJournal, type Intent, type IntentJournal } from '../../../src/state/intent-journal.js';
import { aliexpress } from '../../../adapters/aliexpress/index.js';
import { aeSandbox, CREDS, fakeImage, LISTING_DEFAULTS, TIME_SCALE, type SandboxSetup } from './helpers.js';

let s: SandboxSetup;
let dir: string;
beforeAll(async () => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
  s = await aeSandbox();
  dir = mkdtempSync(path.join(tmpdir(), 'xborder-ae-crash-'));
});
afterAll(async () => {
  await s.close();
  rmSync(dir, { recursive: true, force: true });
});

class Killed extends Error {}

/**
 * One process: its journal dies with it. `killAfter` kills the process right after the request of
 * that API method got its answer (the write happened, the journal still says pending);
 * `killBefore` kills it after the journal recorded the intent but before the request left.
 */
function process(file: string, kill?: { after?: string; before?: string; lose?: string }) {
  let lost = false;
  let dead = false;
  const journal: IntentJournal = {
    get: (key) => new FileIntentJournal(file).get(key),
    put: async (i: Intent) => {
      if (dead) throw new Killed('process killed');
      if (kill?.before && i.state === 'pending' && i.operation === kill.before) {
        await new FileIntentJournal(file).put(i);
        dead = true;
        throw new Killed('process killed');
      }
      await new FileIntentJournal(file).put(i);
    },
  };
  const real = defaultTransport();
  const transport = {
    request: async (cfg: AxiosRequestConfig) => {
      if (dead) throw new Killed('process killed');
      const res = await real.request(cfg);
      if (kill?.lose && !lost && String(cfg.url).includes(`method=${kill.lose}`)) {
        lost = true;
        throw Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
      }
      if (kill?.after && String(cfg.url).includes(`method=${kill.after}`)) {
        dead = true;
        throw new Killed('process killed');
      }
      return res;
    },
  } as unknown as AxiosInstance;
  return aliexpress({
    appKey: CREDS.appKey, appSecret: CREDS.appSecret, sellerId: CREDS.sellerId, tokens: s.store, endpoint: s.url, listingDefaults: LISTING_DEFAULTS,
    timeScale: TIME_SCALE, retry: { baseDelayMs: 1, maxDelayMs: 5, retries: kill?.lose ? 2 : 0 }, consistency: { windowMs: 100, intervalMs: 20 }, journal, transport, fetchImage: fakeImage,
  });
}

const listing = (sku: string) => ({
  sku, title: `Crash ${sku}`, price: { amount: '5.00', currency: 'USD' }, quantity: 3,
  images: [`https://img.example.com/${sku}.jpg`], package: { weight: { value: 100, unit: 'g' as const }, dimensions: { length: 5, width: 5, height: 5, unit: 'cm' as const } },
});
const productsWith = (sku: string) => [...s.world.products.values()].filter((p) => p.skus.some((k) => k.sku_code === sku)).length;
const POST = 'aliexpress.solution.product.post';
const FULFILL = 'aliexpress.solution.order.fulfill';
const intent = (file: string, op: string, key: string) => new FileIntentJournal(file).get(`aliexpress:seller:${CREDS.sellerId}:${op}:${key}`);

describe('product post: a crash between the request and the journal update resolves on the next run', () => {
  it('killed after the post landed: the restart finds it, posts nothing, and the intent ends succeeded', async () => {
    const file = path.join(dir, 'post-after.jsonl');
    await expect(process(file, { after: POST }).listings.upsert(listing('CR-1'), { idempotencyKey: 'k-cr-1' })).rejects.toBeTruthy();
    expect(productsWith('CR-1')).toBe(1);
    expect((await intent(file, POST, 'k-cr-1'))?.state).toBe('pending');
    const r = await process(file).listings.upsert(listing('CR-1'), { idempotencyKey: 'k-cr-1' });
    expect(r.status).toBe('accepted');
    expect(productsWith('CR-1')).toBe(1);
    expect((await intent(file, POST, 'k-cr-1'))?.state).toBe('succeeded');
  });

  it('killed before the post left: the restart verifies "not done" and posts exactly once', async () => {
    const file = path.join(dir, 'post-before.jsonl');
    await expect(process(file, { before: POST }).listings.upsert(listing('CR-2'), { idempotencyKey: 'k-cr-2' })).rejects.toBeTruthy();
    expect(productsWith('CR-2')).toBe(0);
    const r = await process(file).listings.upsert(listing('CR-2'), { idempotencyKey: 'k-cr-2' });
    expect(r).toMatchObject({ status: 'accepted', action: 'created' });
    expect(productsWith('CR-2')).toBe(1);
    expect((await intent(file, POST, 'k-cr-2'))?.state).toBe('succeeded');
  });

  it('a lost answer (reset after the post landed) is verified within the run: created once, no second post', async () => {
    const file = path.join(dir, 'post-lost.jsonl');
    const r = await process(file, { lose: POST }).listings.upsert(listing('CR-4'), { idempotencyKey: 'k-cr-4' });
    expect(r).toMatchObject({ status: 'accepted', action: 'created' });
    expect(productsWith('CR-4')).toBe(1);
    expect((await intent(file, POST, 'k-cr-4'))?.state).toBe('succeeded');
  });

  it('a raw post replayed under the same key after a crash is verified by its sku_code, not sent again', async () => {
    const file = path.join(dir, 'post-raw.jsonl');
    const first = process(file);
    await first.listings.upsert(listing('CR-3'));
    const body = { post_product_request: JSON.stringify({ sku_info_list: [{ sku_code: 'CR-3' }] }) };
    await new FileIntentJournal(file).put({ key: `aliexpress:seller:${CREDS.sellerId}:${POST}:k-raw`, operation: POST, state: 'pending', at: Date.now() });
    const second = process(file);
    const r = await second.raw.seller.productPost({ body }, { idempotencyKey: 'k-raw' });
    expect(r.meta.replayed).toBe('verified');
    expect(productsWith('CR-3')).toBe(1);
  });
});

describe('fulfil: a crash between the declaration and the journal update resolves on the next run', () => {
  const ship = (orderId: string, lineId: string) => ({ orderId, packages: [{ lines: [{ lineId, quantity: 1 }], carrier: 'CAINIAO_STANDARD', trackingNumber: `LP${orderId.slice(-6)}` }] });

  it('killed after the declaration landed: the restart declares nothing more and ends succeeded', async () => {
    const file = path.join(dir, 'ship-after.jsonl');
    const o = s.world.addOrder({ lines: [{ sku: 'Z', price: '2.00' }] });
    const calls = s.world.fulfilCalls;
    await expect(process(file, { after: FULFILL }).fulfilment.ship(ship(o.id, o.lines[0]!.childId), { idempotencyKey: 'k-sh-1' })).rejects.toBeTruthy();
    expect(s.world.fulfilCalls - calls).toBe(1);
    const r = await process(file).fulfilment.ship(ship(o.id, o.lines[0]!.childId), { idempotencyKey: 'k-sh-1' });
    expect(r.status).toBe('shipped');
    expect(s.world.fulfilCalls - calls).toBe(1);
    expect(s.world.shipmentsFor(o.id)).toBe(1);
    expect(s.world.orders.get(o.id)!.status).toBe('WAIT_BUYER_ACCEPT_GOODS');
  });

  it('killed before the declaration left: the restart verifies "not done" and declares exactly once', async () => {
    const file = path.join(dir, 'ship-before.jsonl');
    const o = s.world.addOrder({ lines: [{ sku: 'Z', price: '2.00' }] });
    const calls = s.world.fulfilCalls;
    await expect(process(file, { before: FULFILL }).fulfilment.ship(ship(o.id, o.lines[0]!.childId), { idempotencyKey: 'k-sh-2' })).rejects.toBeTruthy();
    expect(s.world.fulfilCalls - calls).toBe(0);
    const r = await process(file).fulfilment.ship(ship(o.id, o.lines[0]!.childId), { idempotencyKey: 'k-sh-2' });
    expect(r.outcome).toBe('confirmed');
    expect(s.world.fulfilCalls - calls).toBe(1);
    expect((await intent(file, FULFILL, 'k-sh-2'))?.state).toBe('succeeded');
  });
});
