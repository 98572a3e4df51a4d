/**
 * Listing acceptance (issue 21): a catalog of ≥ 200 varied products, some incomplete on purpose,
 * listed with preflight on the Amazon, eBay, Shopee and AliExpress sandboxes, which enforce the same
 * published requirements (product type definitions / category aspects / attribute trees / product schemas). Prints first-pass acceptance among
 * the listings preflight passed (target ≥ 95 %) and how many were held back with issues.
 * XB_BENCH_PRODUCTS overrides the catalog size (default 240); XB_BENCH_PREFLIGHT=off submits everything,
 * to see the sandboxes refuse on their own what preflight holds back.
 */
import { readFileSync } from 'node:fs';
import { amazon, amazonSandbox, SANDBOX_CREDENTIALS as AMZ } from '../adapters/amazon/index.js';
import { ebay, ebaySandbox, SANDBOX_CREDENTIALS as EBAY } from '../adapters/ebay/index.js';
import { aliexpress, aliexpressSandbox, SANDBOX_CREDENTIALS as AE, tokenKey as aeTokenKey } from '../adapters/aliexpress/index.js';
import { shopee, shopeeSandbox, SANDBOX_PARTNER as SP, SANDBOX_SHOP, tokenKey as spTokenKey } from '../adapters/shopee/index.js';
import { samplePng } from '../adapters/shopee/sandbox/index.js';
import { rateTable } from '../src/currency/rate-table.js';
import { MemoryTokenStore } from '../src/state/token-store.js';
import { Hub } from '../src/hub/index.js';
import type { ListingInput } from '../src/model/listing.js';
import { MemoryRequirementsCache } from '../src/requirements/index.js';
import { startSandbox } from '../src/sandbox/server.js';

const N = Number(process.env.XB_BENCH_PRODUCTS ?? 240);
const schema = (pt: string) => JSON.parse(readFileSync(new URL(`../test/fixtures/amazon/requirements/${pt}.LISTING.schema.json`, import.meta.url), 'utf8'));

/** Deterministic PRNG (mulberry32) so every run lists the same catalog. */
function prng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function ean13(n: number): string {
  const d = String(n).padStart(12, '0');
  const sum = [...d].reduce((s, c, i) => s + Number(c) * (i % 2 ? 3 : 1), 0);
  return d + ((10 - (sum % 10)) % 10);
}

const DEFECTS = ['none', 'none', 'none', 'none', 'none', 'none', 'no-brand', 'long-title', 'bad-department', 'no-identifier', 'no-image', 'duplicate-bullets'] as const;

function product(i: number, r: () => number): ListingInput & { defect: string } {
  const defect = DEFECTS[Math.floor(r() * DEFECTS.length)]!;
  const colour = ['Blau', 'Rot', 'Schwarz', 'Weiß'][i % 4]!;
  const bullets = defect === 'duplicate-bullets' ? ['Cotton', 'Cotton'] : ['Cotton', 'Regular fit'];
  return {
    defect,
    sku: `ACC-${String(i).padStart(4, '0')}`,
    title: defect === 'long-title' ? `Hemd ${'Ü'.repeat(120)} ${i}` : `Oxford Hemd ${colour} ${i}`,
    ...(defect === 'no-brand' ? {} : { brand: ['Acme', 'Northwind', 'Contoso'][i % 3] }),
    bullets,
    price: { amount: 1990 + (i % 50) * 10, currency: 'EUR' },
    quantity: 1 + (i % 9),
    images: defect === 'no-image' ? [] : [`https://img.example/acc/${i}.jpg`],
    identifiers: defect === 'no-identifier' ? {} : { ean: ean13(400638100000 + i) },
    attributes: { colour, size: ['S', 'M', 'L', 'XL'][i % 4]!, department: defect === 'bad-department' ? 'men' : 'mens' },
    // Shopee and AliExpress need the parcel (weight; AliExpress also dimensions).
    package: { weight: { value: 180 + (i % 5) * 20, unit: 'g' }, dimensions: { length: 30, width: 24, height: 3, unit: 'cm' } },
    marketplace: {
      amazon: { productType: 'SHIRT' }, ebay: { categoryId: '15687', aspects: { Abteilung: ['Herren'] } },
      // Typed overrides by the marketplaces' attribute ids: Material = Cotton (sandbox categories 100002 / 200900001).
      shopee: { categoryId: 100002, attributes: [{ attribute_id: 1001, attribute_value_list: [{ value_id: 11, original_value_name: 'Cotton' }] }] },
      aliexpress: { categoryId: 200900001, attributes: [{ aliexpress_attribute_name_id: 10, aliexpress_attribute_value_id: 47 }] },
    },
  };
}

export async function run(): Promise<Record<string, number>> {
  const aeModule = aliexpressSandbox();
  const spModule = shopeeSandbox({ shops: [SANDBOX_SHOP] });
  const sandbox = await startSandbox({ marketplaces: { amazon: amazonSandbox({ productTypes: { SHIRT: schema('SHIRT'), LUGGAGE: schema('LUGGAGE') } }), ebay: ebaySandbox(), aliexpress: aeModule, shopee: spModule }, timeScale: 1000 });
  try {
    const aePair = aeModule.state.grant(AE.sellerId);
    const spShop = { kind: 'shop', id: SANDBOX_SHOP.shopId } as const;
    const spPair = spModule.state.grant(SP.partnerId, spShop);
    const hub = new Hub({
      accounts: {
        amz: amazon({ marketplaces: ['DE'], sellerId: AMZ.sellerId, credentials: { clientId: AMZ.clientId, clientSecret: AMZ.clientSecret, refreshToken: AMZ.refreshToken }, endpoint: sandbox.urls.amazon!, tokenEndpoint: `${sandbox.urls.amazon!}/auth/o2/token`, timeScale: 1000, requirementsCache: new MemoryRequirementsCache() }),
        ae: aliexpress({
          appKey: AE.appKey, appSecret: AE.appSecret, sellerId: AE.sellerId, endpoint: sandbox.urls.aliexpress!, timeScale: 1000, store: { country: 'CN', currency: 'EUR', language: 'en' },
          tokens: new MemoryTokenStore({ [aeTokenKey(AE.appKey, AE.sellerId)]: { ...aePair, version: 1 } }),
          listingDefaults: { categoryId: 200900001, freightTemplateId: 1000, servicePolicyId: 0 }, fetchImage: async (url) => samplePng(url), requirementsCache: new MemoryRequirementsCache(),
        }),
        sp: shopee({
          region: SANDBOX_SHOP.region, partnerId: SP.partnerId, partnerKey: SP.partnerKey, shopId: SANDBOX_SHOP.shopId, endpoint: sandbox.urls.shopee!, timeScale: 1000, logisticIds: [18025],
          tokens: new MemoryTokenStore({ [spTokenKey(SP.partnerId, spShop)]: { ...spPair, version: 1 } }), fetchImage: async (url) => samplePng(url), requirementsCache: new MemoryRequirementsCache(),
        }),
        eb: ebay({ account: EBAY.account, marketplaces: ['EBAY_DE'], credentials: { clientId: EBAY.clientId, clientSecret: EBAY.clientSecret, refreshToken: EBAY.refreshToken }, endpoint: sandbox.urls.ebay!, timeScale: 1000, listingDefaults: { EBAY_DE: { ...EBAY.listingDefaults, categoryId: '15687' } }, requirementsCache: new MemoryRequirementsCache() }),
      },
    });
    const r = prng(21);
    const products = Array.from({ length: N }, (_, i) => product(i, r));
    const started = Date.now();
    // Shopee SG lists in SGD: prices are converted (no margin, no market endings) so every store gets the same price logic.
    const pricing = { base: 'EUR', rates: rateTable({ base: 'EUR', asOf: '2026-01-02', source: 'bench', rates: { SGD: '1.5' } }), ending: 'none' as const };
    const report = await hub.listings.bulkUpsert(products.map(({ defect: _d, ...p }) => p), { singleOnly: true, pricing, preflight: process.env.XB_BENCH_PREFLIGHT !== 'off' });
    const ms = Date.now() - started;
    const figures: Record<string, number> = { products: N, incomplete: products.filter((p) => p.defect !== 'none').length };
    console.log(`${N} products (${figures.incomplete} incomplete on purpose) × ${report.stores.length} stores in ${ms} ms`);
    for (const s of report.stores) {
      const items = report.items.filter((i) => i.store === s.store);
      const held = items.filter((i) => i.outcome === 'failed' && i.error?.code === 'VALIDATION' && i.issues.length > 0);
      const submitted = items.length - held.length;
      const accepted = items.filter((i) => i.outcome === 'done').length;
      const rate = submitted ? accepted / submitted : 1;
      const rejected = items.filter((i) => i.outcome === 'failed' && !held.includes(i));
      console.log(`${s.store.padEnd(12)} held back ${String(held.length).padStart(3)} | submitted ${String(submitted).padStart(3)} | accepted first pass ${String(accepted).padStart(3)} (${(rate * 100).toFixed(1)} %, target ≥ 95 %)`);
      const why = new Map<string, number>();
      for (const h of held) for (const c of new Set(h.issues.filter((x) => x.severity === 'error').map((x) => `${x.code}:${(x as { path?: string }).path ?? x.attributes[0] ?? ''}`))) why.set(c, (why.get(c) ?? 0) + 1);
      if (why.size) console.log(`  held back for: ${[...why].sort((a, b) => b[1] - a[1]).map(([c, n]) => `${c} ×${n}`).join(', ')}`);
      for (const x of rejected.slice(0, 3)) console.log(`  rejected ${x.sku}: ${x.error?.message ?? x.issues.map((i) => i.message).join('; ')}`);
      figures[`${s.store} held back`] = held.length;
      figures[`${s.store} first-pass acceptance %`] = Math.round(rate * 1000) / 10;
    }
    return figures;
  } finally {
    await sandbox.close();
  }
}
