/** What `xborder validate` prints: preflight over the eBay sandbox, formatted (the command itself needs the built package). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ebay, ebaySandbox, SANDBOX_CREDENTIALS as EBAY } from '../../adapters/ebay/index.js';
import { formatPreflight } from '../../src/cli/commands/validate.js';
import { catalogOf } from '../../src/hub/catalog.js';
import { Hub } from '../../src/hub/index.js';
import { preflight } from '../../src/hub/preflight.js';
import { startSandbox, type RunningSandbox } from '../../src/sandbox/index.js';

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ marketplaces: { ebay: ebaySandbox() }, timeScale: 100 });
});
afterAll(() => sandbox?.close());

describe('xborder validate output', () => {
  it('a summary line, then each held-back SKU with path, message and the closest accepted values', async () => {
    const e = ebay({ account: EBAY.account, marketplaces: ['EBAY_US'], credentials: { clientId: EBAY.clientId, clientSecret: EBAY.clientSecret, refreshToken: EBAY.refreshToken }, endpoint: sandbox.urls.ebay!, timeScale: 100, listingDefaults: { EBAY_US: EBAY.listingDefaults } });
    const hub = new Hub({ accounts: { eb: e } });
    const tee = { title: 'Cotton tee', price: { amount: 1200, currency: 'USD' }, quantity: 2, images: ['https://img.example/t.jpg'], attributes: { colour: 'Red', size: 'M', department: 'Mens' }, marketplace: { ebay: { categoryId: '15687' } } };
    const result = await preflight([hub.store('eb:EBAY_US')], catalogOf([{ ...tee, sku: 'TEE-OK', attributes: { ...tee.attributes, department: 'Men' }, brand: 'Acme' }, { ...tee, sku: 'TEE-BAD' }]));
    const text = formatPreflight(result);
    expect(text.split('\n')[0]).toBe('validation: 2 checked, 1 held back');
    expect(text).toContain('✗ eb:EBAY_US TEE-BAD');
    expect(text).toMatch(/error\s+brand\s+"Brand" is required by eBay category 15687: set brand\./);
    expect(text).toMatch(/error\s+attributes\.department\s+"Mens" is not an accepted "Department".*\[try: Men, Unisex Adults\]/);
  });
});
