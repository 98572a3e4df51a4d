import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FileIntentJournal } from '../../../src/state/intent-journal.js';
import { shopee } from '../../../adapters/shopee/index.js';
import { imageUrl, shopSandbox, SHOP_ID, type SandboxSetup } from './helpers.js';

let s: SandboxSetup | undefined;
afterEach(async () => {
  await s?.close();
  s = undefined;
});

const listing = (url: string, sku: string) => ({
  sku, title: `Replay ${sku}`, description: 'replay', price: { amount: '9.90', currency: 'SGD' }, quantity: 4, images: [imageUrl(url, sku)],
  package: { weight: { value: 0.2, unit: 'kg' as const } }, marketplace: { shopee: { categoryId: 100001 } },
});

describe('add_item is never duplicated by a replay', () => {
  it('a reset after add_item ran, with search_item lagging a minute: verify finds the item, no second add_item', async () => {
    s = await shopSandbox({ sandbox: { searchLagMs: 60_000 } });
    // The connection dies after Shopee created the item: the client cannot tell whether it did.
    s.sb.faults.set({ resetAfterRate: 1, match: /add_item/, maxFaults: 1 });
    const r = await s.adapter.listings.upsert(listing(s.url, 'REPLAY-1'));
    const items = s.world.itemsBySku('REPLAY-1');
    expect(items).toHaveLength(1);
    expect(s.world.counters.addItem).toBe(1);
    expect(r).toMatchObject({ action: 'created', status: 'active', marketplaceId: String(items[0]!.item_id) });
    // search_item still lags; a second upsert must not create again either.
    const again = await s.adapter.listings.upsert(listing(s.url, 'REPLAY-1'));
    expect(again.action).toBe('updated');
    expect(s.world.itemsBySku('REPLAY-1')).toHaveLength(1);
  });

  it('a process that died after sending add_item: the next process verifies the pending intent first', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'xborder-journal-'));
    const journal = new FileIntentJournal(path.join(dir, 'intents.jsonl'));
    s = await shopSandbox({ sandbox: { searchLagMs: 60_000 }, adapter: { journal } });
    // What the dead process left behind: the item exists on Shopee and its intent is still pending.
    s.sb.faults.set({ resetAfterRate: 1, match: /add_item/, maxFaults: 1 });
    await s.adapter.listings.upsert(listing(s.url, 'REPLAY-2'), { idempotencyKey: 'run-7', maxRetries: 0 }).catch(() => undefined);
    await journal.put({ key: `shopee:shop:${SHOP_ID}:add_item:run-7`, operation: 'add_item', state: 'pending', at: Date.now() });
    const fresh = shopee({ ...freshConfig(s), journal: new FileIntentJournal(path.join(dir, 'intents.jsonl')) });
    const r = await fresh.listings.upsert(listing(s.url, 'REPLAY-2'), { idempotencyKey: 'run-7' });
    expect(s.world.itemsBySku('REPLAY-2')).toHaveLength(1);
    expect(s.world.counters.addItem).toBe(1);
    expect(r.marketplaceId).toBe(String(s.world.itemsBySku('REPLAY-2')[0]!.item_id));
    await rm(dir, { recursive: true, force: true });
  });
});

function freshConfig(setup: SandboxSetup) {
  return {
    region: 'SG' as const, partnerId: 2001887, partnerKey: 'sandbox-partner-key-7f3a9c1e5b2d', shopId: SHOP_ID, tokens: setup.store, endpoint: setup.url,
    logisticIds: [18025], timeScale: 1000, retry: { baseDelayMs: 1, maxDelayMs: 5 }, consistency: { windowMs: 300, intervalMs: 25 },
  };
}
