/**
 * Child process for the two-process rotation test: one adapter over the shared FileTokenStore,
 * one call; prints the access token it ended up with. Args: <sandbox url> <token file> <shop id>.
 */
import { FileTokenStore } from '../../../src/state/token-store.js';
import { shopee } from '../../../adapters/shopee/index.js';
import { SANDBOX_PARTNER } from '../../../adapters/shopee/sandbox/index.js';

const [url, file, shop] = process.argv.slice(2);
const adapter = shopee({
  region: 'SG', partnerId: SANDBOX_PARTNER.partnerId, partnerKey: SANDBOX_PARTNER.partnerKey, shopId: Number(shop),
  tokens: new FileTokenStore(file!), endpoint: url, timeScale: 1000,
});
const page = await adapter.orders.list({ updatedSince: new Date(Date.now() - 3600_000) }).toArray({ max: 10 });
process.stdout.write(JSON.stringify({ orders: page.length }));
