/**
 * Bulk listing on several stores at once: `npx tsx examples/bulk-list.ts [catalog.csv]`.
 *
 * Runs on the embedded sandbox (offline, one demo account per marketplace) unless real
 * credentials are in the environment:
 *   Amazon: AMAZON_LWA_CLIENT_ID, AMAZON_LWA_CLIENT_SECRET, AMAZON_REFRESH_TOKEN, AMAZON_SELLER_ID,
 *           AMAZON_MARKETPLACES (default "DE,FR")
 *   Shopee: SHOPEE_PARTNER_ID, SHOPEE_PARTNER_KEY, SHOPEE_SHOP_ID, SHOPEE_REGION (default SG),
 *           SHOPEE_ACCESS_TOKEN, SHOPEE_REFRESH_TOKEN
 * With real credentials, prices use today's ECB rates and a resume journal in the working
 * directory: Ctrl-C, then run again, and it continues where it stopped.
 *
 * Copy it into a project that depends on xborder: it imports only the package's public entries.
 */
import os from 'node:os';
import path from 'node:path';
import { Hub, formatBulkReport, hubHooks, loadCatalog, type HubHooks, type MarketplaceAdapter, type PricingOptions } from 'xborder';
import { amazon } from 'xborder/amazon';
import { ecbRates, rateTable } from 'xborder/currency';
import { DEMO_RATES, startDemoSandbox } from 'xborder/sandbox';
import { fileTokenStore, shopee, tokenKey } from 'xborder/shopee';

const env = process.env;
const catalogFile = process.argv[2] ?? path.join(import.meta.dirname, 'catalog.csv');
const hasReal = !!(env.AMAZON_REFRESH_TOKEN || env.SHOPEE_PARTNER_KEY);

/** Real accounts from the environment. */
async function realAccounts(hooks: HubHooks): Promise<Record<string, MarketplaceAdapter>> {
  const accounts: Record<string, MarketplaceAdapter> = {};
  if (env.AMAZON_REFRESH_TOKEN) {
    accounts.amazon = amazon({
      marketplaces: (env.AMAZON_MARKETPLACES ?? 'DE,FR').split(','),
      sellerId: env.AMAZON_SELLER_ID!,
      credentials: { clientId: env.AMAZON_LWA_CLIENT_ID!, clientSecret: env.AMAZON_LWA_CLIENT_SECRET!, refreshToken: env.AMAZON_REFRESH_TOKEN },
      hooks,
    });
  }
  if (env.SHOPEE_PARTNER_KEY) {
    const partnerId = Number(env.SHOPEE_PARTNER_ID);
    const shopId = Number(env.SHOPEE_SHOP_ID);
    // Shopee refresh tokens are single-use: keep them in a file so the next run has the rotated one.
    const tokens = fileTokenStore(path.resolve('.xborder/shopee-tokens.json'));
    const key = tokenKey(partnerId, { kind: 'shop', id: shopId });
    if (!(await tokens.get(key)) && env.SHOPEE_REFRESH_TOKEN) {
      await tokens.compareAndSwap(key, undefined, { accessToken: env.SHOPEE_ACCESS_TOKEN ?? '', refreshToken: env.SHOPEE_REFRESH_TOKEN, expiresAt: 0, version: 1 });
    }
    accounts.shopee = shopee({ region: (env.SHOPEE_REGION ?? 'SG') as 'SG', partnerId, partnerKey: env.SHOPEE_PARTNER_KEY, shopId, tokens, hooks }) as unknown as MarketplaceAdapter;
  }
  return accounts;
}

/** The embedded sandbox: one demo account per marketplace, rate limits 50× faster. */
async function sandboxAccounts(hooks: HubHooks) {
  const demo = await startDemoSandbox({ marketplaces: ['amazon', 'shopee'], timeScale: 50 });
  const accounts: Record<string, MarketplaceAdapter> = {};
  accounts.amazonEU = amazon({ ...demo.options<Parameters<typeof amazon>[0]>('amazonEU'), hooks });
  accounts.shopeeSG = shopee({ ...demo.options<Parameters<typeof shopee>[0]>('shopeeSG'), hooks }) as unknown as MarketplaceAdapter;
  return { accounts, close: () => demo.close() };
}

const hooks = hubHooks();
const sandbox = hasReal ? undefined : await sandboxAccounts(hooks);
const hub = new Hub({ accounts: sandbox?.accounts ?? (await realAccounts(hooks)), hooks });
console.log(`${hasReal ? 'Live accounts' : 'Embedded sandbox'}: ${hub.stores.join(', ')}`);

// Catalog prices are USD costs: each store gets its currency, a 25% margin and the market's price endings.
const pricing: PricingOptions = {
  base: 'USD',
  rates: hasReal ? await ecbRates().getRates() : rateTable(DEMO_RATES),
  margin: '0.25',
  ending: 'auto',
};
const catalog = await loadCatalog(catalogFile, { currency: pricing.base });
for (const e of catalog.errors) console.warn(`  row ${e.row} (${e.sku ?? '?'}) ${e.field}: ${e.message}`);

const ctl = new AbortController();
process.once('SIGINT', () => ctl.abort());
const report = await hub.listings.bulkUpsert(catalog, {
  pricing,
  // A fresh sandbox has no listings, so its runs get a fresh journal; live runs resume.
  journal: hasReal ? path.resolve('bulk-list.journal.jsonl') : path.join(os.tmpdir(), `xborder-bulk-${process.pid}.jsonl`),
  signal: ctl.signal,
  onProgress: (e) => {
    if (e.type === 'store-done') console.log(`  ${e.store}: ${e.counts.done} done, ${e.counts.failed} failed, ${e.counts.skipped} already listed`);
  },
});
console.log(`\n${formatBulkReport(report)}`);
await sandbox?.close();
process.exitCode = report.ok ? 0 : 1;
