/**
 * The marketplace modules for hub/CLI end-to-end tests, loaded from source (the CLI under test
 * loads the built package subpaths itself). Only marketplaces whose adapter exists are listed.
 */
import type { MarketplaceModule } from '../../../../src/cli/marketplaces.js';

export async function sourceModules(): Promise<MarketplaceModule[]> {
  const out: MarketplaceModule[] = [];
  const amazon = (await import('../../../../adapters/amazon/index.js')) as Record<string, unknown>;
  if (typeof amazon.amazon === 'function') out.push({ name: 'amazon', factory: amazon.amazon as MarketplaceModule['factory'], sandbox: amazon.amazonSandbox as MarketplaceModule['sandbox'], exports: amazon });
  const shopee = (await import('../../../../adapters/shopee/index.js')) as Record<string, unknown>;
  if (typeof shopee.shopee === 'function') out.push({ name: 'shopee', factory: shopee.shopee as MarketplaceModule['factory'], sandbox: shopee.shopeeSandbox as MarketplaceModule['sandbox'], exports: shopee });
  return out;
}
