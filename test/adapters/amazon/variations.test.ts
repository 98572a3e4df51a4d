import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { amazon, amazonSandbox, SANDBOX_CREDENTIALS, type AmazonConfigInput, type AmazonSandboxState } from '../../../adapters/amazon/index.js';
import { listingToSubmissions } from '../../../adapters/amazon/mappers/listing-attributes.js';
import { findMarketplace } from '../../../adapters/amazon/marketplaces.js';
import { ListingSchema } from '../../../src/model/listing.js';
import { startSandbox, type RunningSandbox } from '../../../src/sandbox/index.js';

/** Issue 25: variation parents Amazon accepts, and only the attributes a product type defines. */
const SHIRT = JSON.parse(readFileSync(new URL('../../fixtures/amazon/productTypeDefinition.SHIRT.json', import.meta.url), 'utf8'));
const DE = findMarketplace('DE')!;

const family = (extra: Record<string, string | number> = {}) => ({
  sku: 'POLO', title: 'Polo', brand: 'Acme', price: { amount: '24.99', currency: 'EUR' }, quantity: 3, identifiers: { ean: '4006381333931' },
  attributes: { material: 'Cotton', ...extra }, optionNames: ['colour', 'size'],
  variants: [
    { sku: 'POLO-RED-M', options: { colour: 'Red', size: 'M' }, identifiers: { ean: '4006381333948' } },
    { sku: 'POLO-BLUE-L', options: { colour: 'Blue', size: 'L' }, identifiers: { ean: '4006381333955' } },
  ],
  marketplace: { amazon: { productType: 'SHIRT' } },
});

let sandbox: RunningSandbox | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

async function setup(extra: Partial<AmazonConfigInput> = {}) {
  sandbox = await startSandbox({ marketplaces: { amazon: amazonSandbox({ productTypes: { SHIRT } }) }, timeScale: 1000 });
  const url = sandbox.urls.amazon!;
  const state = sandbox.state.amazon as AmazonSandboxState;
  const a = amazon({ marketplaces: ['DE'], sellerId: SANDBOX_CREDENTIALS.sellerId, credentials: SANDBOX_CREDENTIALS, endpoint: url, tokenEndpoint: `${url}/auth/o2/token`, timeScale: 1000, ...extra });
  return { a, state };
}

describe('variation families against a product type definition', () => {
  it('parent and children use only defined attributes, and both carry child_parent_sku_relationship (children with parent_sku)', () => {
    const subs = listingToSubmissions(ListingSchema.parse(family()), DE, { definitions: { SHIRT } });
    for (const s of subs) {
      expect(Object.keys(s.attributes).filter((k) => !(k in SHIRT.properties))).toEqual([]);
      expect(s.warnings).toEqual([]);
    }
    const [parent, ...children] = subs;
    expect(parent!.attributes.child_parent_sku_relationship).toEqual([{ child_relationship_type: 'variation', marketplace_id: DE.id }]);
    expect(parent!.attributes.variation_theme).toEqual([{ name: 'COLOR/SIZE' }]);
    for (const c of children) expect(c.attributes.child_parent_sku_relationship).toEqual([{ child_relationship_type: 'variation', parent_sku: 'POLO', marketplace_id: DE.id }]);
    expect(children[0]!.attributes.color).toEqual([{ value: 'Red', language_tag: 'de_DE', marketplace_id: DE.id }]);
  });

  it('the family lists on a sandbox that enforces the definition', async () => {
    const { a, state } = await setup({ productTypeDefinitions: { SHIRT } });
    const r = await a.listings.upsert(family());
    expect(r.status).toBe('accepted');
    expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(state.listing('A2EXAMPLE', 'POLO')!.attributes.child_parent_sku_relationship).toEqual([{ child_relationship_type: 'variation', marketplace_id: DE.id }]);
  });

  it('a column the product type lacks is dropped with a per-SKU warning naming it, not a rejection', async () => {
    const { a, state } = await setup({ productTypeDefinitions: { SHIRT } });
    const r = await a.listings.upsert(family({ washing_symbol: '40C' }));
    expect(r.status).toBe('accepted');
    const dropped = r.issues.filter((i) => i.code === 'ATTRIBUTE_DROPPED');
    expect(dropped.map((i) => [i.sku, i.attributes])).toEqual([['POLO', ['washing_symbol']], ['POLO-RED-M', ['washing_symbol']], ['POLO-BLUE-L', ['washing_symbol']]]);
    expect(dropped[0]!.severity).toBe('warning');
    expect(state.listing('A2EXAMPLE', 'POLO-RED-M')!.attributes.washing_symbol).toBeUndefined();
  });

  it('without a cached definition only the attributes the mapper knows are sent; the rest are named in warnings', () => {
    const [single] = listingToSubmissions(ListingSchema.parse({ ...family({ washing_symbol: '40C' }), optionNames: [], variants: [] }), DE);
    expect(single!.attributes.material).toBeDefined();
    expect(single!.attributes.washing_symbol).toBeUndefined();
    expect(single!.warnings).toEqual([expect.objectContaining({ code: 'ATTRIBUTE_DROPPED', attributes: ['washing_symbol'], sku: 'POLO' })]);
  });

  it('the sandbox rejects a parent without the relationship, citing the rule', async () => {
    const { a } = await setup();
    const parent = listingToSubmissions(ListingSchema.parse(family()), DE, { definitions: { SHIRT } })[0]!;
    const { child_parent_sku_relationship: _omit, ...without } = parent.attributes;
    const res = await a.raw.putListingsItem({ params: { sellerId: 'A2EXAMPLE', sku: 'POLO' }, query: { marketplaceIds: [DE.id], includedData: ['issues'] }, body: { productType: 'SHIRT', requirements: 'LISTING', attributes: without } });
    expect(res.data.status).toBe('INVALID');
    expect(res.data.issues).toContainEqual(expect.objectContaining({ severity: 'ERROR', attributeNames: ['child_parent_sku_relationship'], message: expect.stringMatching(/parent .*child_relationship_type 'variation'/) }));
  });
});
