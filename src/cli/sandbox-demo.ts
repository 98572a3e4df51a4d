/**
 * The embedded sandbox with one demo account per available marketplace: what `xborder sandbox`
 * serves, and what the examples and CLI tests run against. The marketplace modules are passed in
 * (the CLI loads them from the package subpaths, examples from source), so this file never
 * imports an adapter.
 */
import { startSandbox, type RunningSandbox, type SandboxOptions } from '../sandbox/server.js';
import type { SandboxModule } from '../sandbox/module.js';
import { availableMarketplaces, resolveCliOptions, type MarketplaceModule } from './marketplaces.js';
import { sandboxProfile, type DemoAccount } from './sandbox-profiles.js';

export type { DemoAccount } from './sandbox-profiles.js';

export interface DemoSandboxOptions {
  timeScale?: number;
  seed?: number;
  /** Orders seeded per demo store. */
  orders?: number;
  /** Marketplace modules to serve; default every one this build ships (package subpaths). */
  modules?: MarketplaceModule[];
}

export interface DemoSandbox {
  sandbox: RunningSandbox;
  accounts: DemoAccount[];
  /** A store config (see examples/stores.example.json) for the demo accounts; secrets by env name. */
  storesFile: { accounts: Record<string, { marketplace: string; config: Record<string, unknown>; env: Record<string, string> }>; pricing: Record<string, unknown> };
  /** Demo secrets by environment variable name. */
  env: Record<string, string>;
  /** Factory options (secrets included) per account, to build adapters in-process. */
  options(accountKey: string): Record<string, unknown>;
}

/** Demo pricing for the sandbox: a fixed rate table so runs are reproducible offline. */
export const DEMO_RATES = {
  base: 'USD',
  asOf: '2026-03-02',
  source: 'xborder demo (fixed)',
  rates: { EUR: '0.9236', GBP: '0.7891', JPY: '149.82', SGD: '1.3412', MYR: '4.4710', THB: '35.870', PHP: '57.150', VND: '25410', IDR: '16250', TWD: '32.10', BRL: '5.712', MXN: '17.080', CNY: '7.2150' },
};

export async function startDemoSandbox(
  opts: DemoSandboxOptions = {},
  start: (o: SandboxOptions) => Promise<RunningSandbox> = startSandbox,
): Promise<DemoSandbox> {
  const modules = (opts.modules ?? (await availableMarketplaces())).filter((m) => m.sandbox && sandboxProfile(m.name));
  const created: Record<string, SandboxModule<unknown>> = {};
  for (const m of modules) created[m.name] = m.sandbox!(sandboxProfile(m.name)!.moduleOptions({ seed: opts.seed ?? 42 }));
  const sandbox = await start({ marketplaces: created, timeScale: opts.timeScale ?? 1, seed: opts.seed ?? 42 });
  const accounts: DemoAccount[] = [];
  for (const m of modules) {
    const profile = sandboxProfile(m.name)!;
    const account = profile.account({ url: sandbox.urls[m.name]!, module: created[m.name]!, exports: m.exports, timeScale: opts.timeScale ?? 1 });
    if (opts.orders) await profile.seedOrders?.(created[m.name]!, m.exports, account, opts.orders);
    accounts.push(account);
  }
  const env = Object.fromEntries(accounts.flatMap((a) => Object.entries(a.env)));
  const storesFile: DemoSandbox['storesFile'] = {
    accounts: Object.fromEntries(accounts.map((a) => [a.key, { marketplace: a.marketplace, config: a.config, env: Object.fromEntries(Object.entries(a.secrets).map(([path, v]) => [path, v])) }])),
    pricing: { base: 'USD', margin: '0.25', ending: 'auto', rates: DEMO_RATES },
  };
  return {
    sandbox,
    accounts,
    storesFile,
    env,
    options(key) {
      const a = accounts.find((x) => x.key === key);
      if (!a) throw new Error(`no demo account ${key}`);
      const options: Record<string, unknown> = structuredClone(a.config);
      for (const [path, name] of Object.entries(a.secrets)) setPath(options, path, a.env[name]);
      return resolveCliOptions(options);
    },
  };
}

function setPath(target: Record<string, unknown>, dotted: string, value: unknown): void {
  const parts = dotted.split('.');
  let node = target;
  for (const p of parts.slice(0, -1)) node = (node[p] ??= {}) as Record<string, unknown>;
  node[parts[parts.length - 1]!] = value;
}
