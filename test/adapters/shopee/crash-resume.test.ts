import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FileIntentJournal, type IntentJournal } from '../../../src/state/intent-journal.js';
import { shopee, type ShopeeConfig } from '../../../adapters/shopee/index.js';
import { seedOrder } from '../../../adapters/shopee/sandbox/index.js';
import { dyingAfterSend, imageUrl, Killed, PARTNER, shopSandbox, SHOP_ID, type SandboxSetup } from './helpers.js';

/**
 * Issue 12.2: a process killed between sending a write and recording its outcome leaves the intent
 * `pending`; a new process on the same journal must settle it (verify) and the write happens once.
 */

let s: SandboxSetup | undefined;
let dir: string;
afterEach(async () => {
  await s?.close();
  s = undefined;
  await rm(dir, { recursive: true, force: true });
});

const config = (setup: SandboxSetup, journal: IntentJournal): ShopeeConfig => ({
  region: 'SG', partnerId: PARTNER.partnerId, partnerKey: PARTNER.partnerKey, shopId: SHOP_ID, tokens: setup.store, endpoint: setup.url, journal,
  logisticIds: [18025], timeScale: 1000, retry: { baseDelayMs: 1, maxDelayMs: 5 }, consistency: { windowMs: 300, intervalMs: 25 }, escrow: false,
});

describe('a kill between request and journal update resolves on the next run, exactly once', () => {
  it('add_item (search_item lagging a minute, so only the verify scan can find it)', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'xborder-crash-'));
    const file = path.join(dir, 'intents.jsonl');
    s = await shopSandbox({ sandbox: { searchLagMs: 60_000 } });
    const listing = { sku: 'CRASH-1', title: 'Crash mug', price: { amount: '9.90', currency: 'SGD' }, quantity: 4, images: [imageUrl(s.url, 'crash')],
      package: { weight: { value: 0.2, unit: 'kg' as const } }, marketplace: { shopee: { categoryId: 100001 } } };
    const first = shopee(config(s, dyingAfterSend(new FileIntentJournal(file))));
    await expect(first.listings.upsert(listing, { idempotencyKey: 'job-1' })).rejects.toBeInstanceOf(Killed);
    expect(s.world.counters.addItem).toBe(1);
    expect((await new FileIntentJournal(file).get(`shopee:shop:${SHOP_ID}:add_item:job-1`))?.state).toBe('pending');
    // Restart: same journal file, same idempotency key.
    const journal = new FileIntentJournal(file);
    const r = await shopee(config(s, journal)).listings.upsert(listing, { idempotencyKey: 'job-1' });
    expect(s.world.counters.addItem).toBe(1);
    expect(s.world.itemsBySku('CRASH-1')).toHaveLength(1);
    // The complete SKU index finds the item before any create: it is updated, never duplicated.
    expect(r).toMatchObject({ status: 'active', marketplaceId: String(s.world.itemsBySku('CRASH-1')[0]!.item_id) });
  });

  it('ship_order (the restarted ship sees the arranged package and never ships twice)', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'xborder-crash-'));
    const file = path.join(dir, 'intents.jsonl');
    s = await shopSandbox();
    const order = seedOrder(s.world, { createdAt: Date.now() - 60_000, mode: 'non_integrated' });
    const lines = [{ lineId: `${(order.wire.item_list as Array<{ item_id: number }>)[0]!.item_id}:0`, quantity: 1 }];
    const req = { orderId: order.wire.order_sn, packages: [{ lines, trackingNumber: 'SPXSG0000001' }] };
    const first = shopee(config(s, dyingAfterSend(new FileIntentJournal(file))));
    await expect(first.fulfilment.ship(req, { idempotencyKey: 'ship-1' })).rejects.toBeInstanceOf(Killed);
    expect(s.world.counters.shipOrder).toBe(1);
    const r = await shopee(config(s, new FileIntentJournal(file))).fulfilment.ship(req, { idempotencyKey: 'ship-1' });
    expect(s.world.counters.shipOrder).toBe(1);
    expect(r).toMatchObject({ outcome: 'already_done', packages: [{ trackingNumber: 'SPXSG0000001' }] });
  });
});
