/**
 * Issue 26.3 on the eBay simulator: inventory sync reads the site's live figure (inventory.get)
 * right before a push, so a buyer's sale not imported yet is never offered again.
 */
import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ebay, ebaySandbox, SANDBOX_CREDENTIALS } from '../../../adapters/ebay/index.js';
import { createInventorySync, StockLedger } from '../../../src/inventory/index.js';
import type { SandboxBuyer } from '../../../src/sandbox/index.js';
import { startSandbox, type RunningSandbox } from '../../../src/sandbox/index.js';

const { account, clientId, clientSecret, refreshToken, listingDefaults } = SANDBOX_CREDENTIALS;
let sandbox: RunningSandbox;
let buyer: SandboxBuyer;

beforeAll(async () => {
  nock.enableNetConnect();
  const mod = ebaySandbox();
  sandbox = await startSandbox({ marketplaces: { ebay: mod }, timeScale: 100 });
  buyer = mod.buyer!;
});
afterAll(() => sandbox.close());

const make = () =>
  ebay({
    account, marketplaces: ['EBAY_US'], credentials: { clientId, clientSecret, refreshToken },
    listingDefaults: { EBAY_US: listingDefaults }, endpoint: sandbox.urls.ebay!, timeScale: 100, retry: { retries: 2, baseDelayMs: 1, maxDelayMs: 5 },
  });

/** eBay shows 5; a buyer takes 2 (not imported); the warehouse loses 1: the ledger computes 4, a decrease from 5. */
async function scenario(sku: string, readBeforePush: boolean) {
  const a = make();
  expect((await a.listings.upsert({ sku, title: 'Sandbox kettle', brand: 'Acme', price: { amount: '19.99', currency: 'USD' }, quantity: 0 })).status).toBe('active');
  const ledger = new StockLedger();
  ledger.setOnHand(`WH-${sku}`, 5);
  ledger.map('ebay:EBAY_US', sku, { sku: `WH-${sku}` });
  const engine = createInventorySync({ ledger, accounts: { ebay: a }, retryDelayMs: 50, readBeforePush }).start();
  await engine.idle();
  expect(buyer.shown('EBAY_US', sku)).toBe(5);
  expect(buyer.order({ store: 'EBAY_US', sku, quantity: 2 })).toMatchObject({ placed: true });
  ledger.setOnHand(`WH-${sku}`, 4);
  await engine.idle();
  const report = await engine.stop();
  return { shown: buyer.shown('EBAY_US', sku), report };
}

describe('inventory sync reads eBay before a push', () => {
  it('the decrease goes out less the unimported sale: eBay shows the 2 units really left', async () => {
    const { shown, report } = await scenario('KETTLE-1', true);
    expect(shown).toBe(2);
    expect(report.pushes).toMatchObject({ readCorrections: 1, readFailures: 0 });
  });

  it('without the read the same push offers the sold units again', async () => {
    const { shown } = await scenario('KETTLE-2', false);
    expect(shown).toBe(4);
  });
});
