import { afterEach, describe, expect, it } from 'vitest';
import { amazon, amazonSandbox, SANDBOX_CREDENTIALS, type AmazonConfigInput, type AmazonSandboxState } from '../../../adapters/amazon/index.js';
import { startSandbox, type RunningSandbox } from '../../../src/sandbox/index.js';
import { MemoryIntentJournal, type IntentJournal } from '../../../src/state/intent-journal.js';

/**
 * Issue 12.2: a write whose answer was lost — the process "dies" after the request went out and
 * before the journal recorded it — is resolved by the next run's verify step, exactly once.
 */
let sandbox: RunningSandbox | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

/** The journal of a process that dies at its first "succeeded" write: nothing after that is recorded. */
function dyingJournal(store: IntentJournal): IntentJournal & { died: boolean } {
  const j = {
    died: false,
    get: (key: string) => store.get(key),
    async put(intent: Parameters<IntentJournal['put']>[0]) {
      if (j.died || intent.state === 'succeeded') {
        j.died = true;
        throw new Error('killed');
      }
      await store.put(intent);
    },
  };
  return j;
}

async function setup() {
  sandbox = await startSandbox({ marketplaces: { amazon: amazonSandbox() }, timeScale: 1000 });
  const url = sandbox.urls.amazon!;
  const state = sandbox.state.amazon as AmazonSandboxState;
  const make = (journal: IntentJournal, more: Partial<AmazonConfigInput> = {}) => amazon({
    marketplaces: ['DE'], sellerId: SANDBOX_CREDENTIALS.sellerId, credentials: SANDBOX_CREDENTIALS, endpoint: url, tokenEndpoint: `${url}/auth/o2/token`,
    timeScale: 1000, journal, consistency: { windowMs: 200, intervalMs: 20 }, retry: { retries: 2, baseDelayMs: 5, maxDelayMs: 20 }, ...more,
  });
  const count = (method: string, path: RegExp) => sandbox!.requests.amazon!.filter((r) => r.method === method && path.test(r.path)).length;
  return { state, make, count };
}

const tee = (sku: string) => ({
  sku, title: `Tee ${sku}`, brand: 'Acme', price: { amount: '19.99', currency: 'EUR' }, quantity: 4, identifiers: { ean: '4006381333931' }, marketplace: { amazon: { productType: 'SHIRT' } },
});

describe('writes left in doubt are verified on the next run', () => {
  it('putListingsItem: killed between the request and the journal update, the restart sees the listing and does not PUT again', async () => {
    const { state, make, count } = await setup();
    const store = new MemoryIntentJournal();
    const first = dyingJournal(store);
    await expect(make(first).listings.upsert(tee('CRASH-1'), { replace: true, idempotencyKey: 'run-1' })).rejects.toThrow();
    expect(first.died).toBe(true);
    expect(count('PUT', /\/CRASH-1$/)).toBe(1);
    expect((await store.get('amazon:A2EXAMPLE:putListingsItem:run-1:CRASH-1'))?.state).toBe('pending');

    const r = await make(store).listings.upsert(tee('CRASH-1'), { replace: true, idempotencyKey: 'run-1' });
    expect(r.status).toBe('accepted');
    expect(count('PUT', /\/CRASH-1$/)).toBe(1); // exactly once
    expect((await store.get('amazon:A2EXAMPLE:putListingsItem:run-1:CRASH-1'))?.state).toBe('succeeded');
    expect(state.listing('A2EXAMPLE', 'CRASH-1')).toBeDefined();
  });

  it('a listings feed: killed after createFeed, the restart finds the feed (getFeeds), reads its report, never creates a second one', async () => {
    const { make, count } = await setup();
    const store = new MemoryIntentJournal();
    const first = dyingJournal(store);
    const listings = ['F-1', 'F-2', 'F-3'].map(tee);
    await expect(make(first, { bulkThreshold: 2 }).listings.bulkUpsert(listings, { assumeNew: true, idempotencyKey: 'bulk-1' })).resolves.toSatisfy((rs: Array<{ ok: boolean }>) => rs.every((x) => !x.ok));
    expect(count('POST', /^\/feeds\/2021-06-30\/feeds$/)).toBe(1);

    const results = await make(store, { bulkThreshold: 2 }).listings.bulkUpsert(listings, { assumeNew: true, idempotencyKey: 'bulk-1' });
    expect(results.map((r) => [r.sku, r.ok])).toEqual([['F-1', true], ['F-2', true], ['F-3', true]]);
    expect(count('POST', /^\/feeds\/2021-06-30\/feeds$/)).toBe(1); // exactly once
    expect((await store.get('amazon:A2EXAMPLE:createFeed:bulk-1:DE:1'))?.state).toBe('succeeded');
  });

  it('an order-acknowledgement feed: killed after createFeed, the restart resolves the cancellation without a second feed', async () => {
    const { state, make, count } = await setup();
    const [o] = state.seedOrders(1, { marketplaces: ['DE'] });
    const store = new MemoryIntentJournal();
    await expect(make(dyingJournal(store), { cancelBatchMs: 10 }).orders.cancel(o!.orderId, { reason: 'out_of_stock' }, { idempotencyKey: 'cancel-1' })).rejects.toThrow();
    expect(count('POST', /^\/feeds\/2021-06-30\/feeds$/)).toBe(1);
    const r = await make(store, { cancelBatchMs: 10 }).orders.cancel(o!.orderId, { reason: 'out_of_stock' }, { idempotencyKey: 'cancel-1' });
    // Either the feed is found (submitted) or the order already reads cancelled (accepted): never a second feed.
    expect(r.orderId).toBe(o!.orderId);
    expect(['submitted', 'accepted']).toContain(r.outcome);
    expect(count('POST', /^\/feeds\/2021-06-30\/feeds$/)).toBe(1);
  });
});
