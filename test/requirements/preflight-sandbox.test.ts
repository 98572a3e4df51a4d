/** Preflight on the sandbox: a mixed catalog on Amazon and eBay, held-back items never reach the marketplace. */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { amazon, amazonSandbox, SANDBOX_CREDENTIALS as AMZ, type AmazonSandboxState } from '../../adapters/amazon/index.js';
import { ebay, ebaySandbox, SANDBOX_CREDENTIALS as EBAY, type EbaySandboxState } from '../../adapters/ebay/index.js';
import { Hub } from '../../src/hub/index.js';
import type { ListingInput } from '../../src/model/listing.js';
import { MemoryRequirementsCache } from '../../src/requirements/index.js';
import { startSandbox, type RunningSandbox } from '../../src/sandbox/index.js';

const SHIRT = JSON.parse(readFileSync(new URL('../fixtures/amazon/requirements/SHIRT.LISTING.schema.json', import.meta.url), 'utf8'));

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ marketplaces: { amazon: amazonSandbox({ productTypes: { SHIRT } }), ebay: ebaySandbox() }, timeScale: 100 });
});
afterAll(() => sandbox?.close());

function hub() {
  const a = amazon({ marketplaces: ['DE'], sellerId: AMZ.sellerId, credentials: { clientId: AMZ.clientId, clientSecret: AMZ.clientSecret, refreshToken: AMZ.refreshToken }, endpoint: sandbox.urls.amazon!, tokenEndpoint: `${sandbox.urls.amazon!}/auth/o2/token`, timeScale: 100, requirementsCache: new MemoryRequirementsCache() });
  const e = ebay({ account: EBAY.account, marketplaces: ['EBAY_DE'], credentials: { clientId: EBAY.clientId, clientSecret: EBAY.clientSecret, refreshToken: EBAY.refreshToken }, endpoint: sandbox.urls.ebay!, timeScale: 100, listingDefaults: { EBAY_DE: { ...EBAY.listingDefaults, categoryId: '15687' } }, requirementsCache: new MemoryRequirementsCache() });
  return new Hub({ accounts: { amz: a, eb: e } });
}

const base = (sku: string, over: Partial<ListingInput> = {}): ListingInput => ({
  sku, title: `Shirt ${sku}`, brand: 'Acme', price: { amount: 2990, currency: 'EUR' }, quantity: 3, images: ['https://img.example/s.jpg'], identifiers: { ean: '4006381333931' },
  attributes: { colour: 'Blau', size: 'M', department: 'mens' }, // eBay.de lists departments in German: the typed override gives the site's own value.
  marketplace: { amazon: { productType: 'SHIRT' }, ebay: { categoryId: '15687', aspects: { Abteilung: ['Herren'] } } }, ...over,
});

describe('hub.listings.bulkUpsert with preflight', () => {
  it('submits only what passes; every (store, SKU) ends with one result; held-back items carry their issues', async () => {
    const catalog = [
      base('OK-1'),
      base('NO-BRAND', { brand: undefined }), // Amazon brand, eBay Marke: both required
      base('LONG-UTF8', { title: 'Ü'.repeat(130) }), // 130 characters (eBay: > 80), 260 bytes (Amazon: > 250)
      base('BAD-DEPT', { attributes: { colour: 'Blau', size: 'M', department: 'men' } }), // Amazon closed list
    ];
    const report = await hub().listings.bulkUpsert(catalog);
    expect(report.items).toHaveLength(8);
    const by = (store: string, sku: string) => report.items.find((i) => i.store === store && i.sku === sku)!;
    if (process.env.XB_DEBUG) console.log(JSON.stringify(report.items.map((i) => [i.store, i.sku, i.outcome, i.error?.message, i.issues.map((x) => x.code + ':' + x.attributes.join())]), null, 1));
    expect(by('amz:DE', 'OK-1').outcome).toBe('done');
    expect(by('eb:EBAY_DE', 'OK-1').outcome).toBe('done');
    expect(by('amz:DE', 'NO-BRAND')).toMatchObject({ outcome: 'failed', error: { code: 'VALIDATION' } });
    expect(by('amz:DE', 'NO-BRAND').issues).toContainEqual(expect.objectContaining({ code: 'MISSING_REQUIRED', path: 'brand', attribute: 'brand' }));
    expect(by('eb:EBAY_DE', 'NO-BRAND').issues).toContainEqual(expect.objectContaining({ code: 'MISSING_REQUIRED', attribute: 'Marke' }));
    expect(by('amz:DE', 'LONG-UTF8').issues).toContainEqual(expect.objectContaining({ code: 'TOO_LONG', path: 'title', attribute: 'item_name' }));
    expect(by('eb:EBAY_DE', 'LONG-UTF8').issues).toContainEqual(expect.objectContaining({ code: 'TOO_LONG', path: 'title' }));
    expect(by('amz:DE', 'BAD-DEPT').issues).toContainEqual(expect.objectContaining({ code: 'VALUE_NOT_ALLOWED', path: 'attributes.department', suggestions: ['mens', 'womens', 'unisex-adult'] }));
    expect(by('eb:EBAY_DE', 'BAD-DEPT').outcome).toBe('done'); // the eBay override wins over the neutral value
    expect(report.preflight).toMatchObject({ checked: 8, held: 5 });
    // Nothing held back reached the marketplaces.
    const amz = sandbox.state.amazon as AmazonSandboxState;
    const eb = sandbox.state.ebay as EbaySandboxState;
    expect([...amz.listings.keys()].some((k) => k.includes('NO-BRAND') || k.includes('LONG-UTF8'))).toBe(false);
    expect(eb.items.has('NO-BRAND')).toBe(false);
  });

  it('preflight: false submits everything and the sandboxes refuse the same listings themselves', async () => {
    const report = await hub().listings.bulkUpsert([base('RAW-NO-BRAND', { brand: undefined })], { preflight: false });
    expect(report.preflight).toBeUndefined();
    for (const item of report.items) expect(item.outcome).toBe('failed');
    expect(report.items.find((i) => i.store === 'eb:EBAY_DE')!.error?.message).toMatch(/Marke is missing/);
  });
});
