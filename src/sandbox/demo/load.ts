/**
 * Marketplace modules reach the demo sandbox (and the CLI) the way they reach users: through the
 * package's public subpaths (`xborder/amazon` for the adapter, `xborder/sandbox/amazon` for its
 * simulator), imported on demand. `src/` never imports `adapters/`; the specifiers are built at run
 * time so neither TypeScript nor the bundler pulls adapter code in.
 */
import type { MarketplaceAdapter } from '../../adapter.js';
import type { SandboxModule } from '../module.js';

/** The marketplaces xborder has adapters for. */
export const MARKETPLACE_NAMES = ['amazon', 'shopee', 'ebay', 'aliexpress'] as const;
export type MarketplaceName = (typeof MARKETPLACE_NAMES)[number];

/** One marketplace as loaded from the package: its adapter factory, its simulator, every export. */
export interface MarketplaceModule {
  name: MarketplaceName;
  factory?: (options: Record<string, unknown>) => MarketplaceAdapter;
  sandbox?: (options?: Record<string, unknown>) => SandboxModule<unknown>;
  /** The adapter subpath's exports merged with the sandbox subpath's (SANDBOX_CREDENTIALS...). */
  exports: Record<string, unknown>;
}

const cache = new Map<string, Promise<MarketplaceModule | undefined>>();

/** The marketplace's subpath modules, or undefined when this build does not ship the adapter. */
export function loadMarketplace(name: MarketplaceName): Promise<MarketplaceModule | undefined> {
  let p = cache.get(name);
  if (!p) {
    p = importSubpaths(name);
    cache.set(name, p);
  }
  return p;
}

async function optionalImport(specifier: string): Promise<Record<string, unknown> | undefined> {
  try {
    return (await import(specifier)) as Record<string, unknown>;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ERR_MODULE_NOT_FOUND' || code === 'ERR_PACKAGE_PATH_NOT_EXPORTED') return undefined;
    throw e;
  }
}

async function importSubpaths(name: MarketplaceName): Promise<MarketplaceModule | undefined> {
  const adapter = await optionalImport(`xborder/${name}`);
  if (!adapter || typeof adapter[name] !== 'function') return undefined;
  const simulator = (await optionalImport(`xborder/sandbox/${name}`)) ?? {};
  const exports = { ...adapter, ...simulator };
  const sandbox = exports[`${name}Sandbox`];
  return {
    name,
    factory: adapter[name] as MarketplaceModule['factory'],
    sandbox: typeof sandbox === 'function' ? (sandbox as MarketplaceModule['sandbox']) : undefined,
    exports,
  };
}

/** Every marketplace this build can talk to. */
export async function availableMarketplaces(): Promise<MarketplaceModule[]> {
  const mods = await Promise.all(MARKETPLACE_NAMES.map((n) => loadMarketplace(n)));
  return mods.filter((m): m is MarketplaceModule => m !== undefined);
}
