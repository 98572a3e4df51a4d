/**
 * The demo preset of the embedded sandbox: one demo account per available marketplace, seeded
 * orders, and the factory options that point an adapter at it. What `xborder sandbox` serves, what
 * the examples and the README run against, and what users' own tests can start in one line:
 *
 *   const demo = await startDemoSandbox({ orders: 2 });
 *   const eu = amazon(demo.options('amazonEU'));
 *
 * Marketplace modules load through the package subpaths (`xborder/<m>`, `xborder/sandbox/<m>`),
 * or are passed in; this file never imports an adapter.
 */
import { createHash } from 'node:crypto';
import type { Clock } from '../../http/clock.js';
import { startSandbox, type RunningSandbox, type SandboxOptions } from '../server.js';
import type { SandboxModule } from '../module.js';
import type { SandboxClock } from '../clock.js';
import { demoBuyer, type DemoBuyer } from './buyer.js';
import { availableMarketplaces, type MarketplaceModule, type MarketplaceName } from './load.js';
import { sandboxProfile, type DemoAccount } from './profiles.js';

export { MARKETPLACE_NAMES, availableMarketplaces, loadMarketplace, type MarketplaceModule, type MarketplaceName } from './load.js';
export type { DemoAccount } from './profiles.js';
export type { DemoBuyer } from './buyer.js';

export interface DemoSandboxOptions {
  /**
   * Rate limits and marketplace delays run this many times faster (default 50: a demo finishes in
   * seconds; 1 with a `clock`). 1 is the marketplaces' real pacing.
   */
  timeScale?: number;
  /**
   * One marketplace clock for the simulators and the adapters, e.g. `marketplaceClock({ scale: 360 })`
   * (a day in 4 minutes): order timestamps, listing visibility, rate-limit refills and marketplace
   * delays all count its time, and `options()` hands it to each adapter. Replaces `timeScale`.
   */
  clock?: SandboxClock & Clock;
  /** Seed of the simulated data and faults (default 42). */
  seed?: number;
  /** Orders seeded per demo store (default 0). */
  orders?: number;
  /** Only these marketplaces (default: every one with a demo account in this build). */
  marketplaces?: MarketplaceName[];
  /** Marketplace modules to serve instead of loading the package subpaths (tests from source). */
  modules?: MarketplaceModule[];
}

/** A store config (the CLI's `--stores` file) for the demo accounts; secrets by environment variable name. */
export interface DemoStoresFile {
  accounts: Record<string, { marketplace: string; config: Record<string, unknown>; env: Record<string, string> }>;
  pricing: Record<string, unknown>;
}

export interface DemoSandbox {
  sandbox: RunningSandbox;
  accounts: DemoAccount[];
  storesFile: DemoStoresFile;
  /** Demo secrets by environment variable name. */
  env: Record<string, string>;
  /**
   * Complete factory options (secrets included) of one demo account, e.g.
   * `amazon(demo.options('amazonEU'))`. Type them with the factory's config type if you like.
   */
  options<T = Record<string, unknown>>(accountKey: string): T;
  /**
   * What the seller does in a browser: open an authorization link and approve it. Resolves with
   * the redirect URL the marketplace calls back (code and shop id in its query), ready for the
   * adapter's `auth.parseRedirect`. Only for links to this sandbox.
   */
  approve(authorizationUrl: string): Promise<string>;
  /** Buyers who order only what a store's live listing shows (see {@link DemoBuyer}). */
  buyer: DemoBuyer;
  close(): Promise<void>;
}

/** Demo pricing for the sandbox: a fixed rate table so runs are reproducible offline. */
export const DEMO_RATES = {
  base: 'USD',
  asOf: '2026-03-02',
  source: 'xborder demo (fixed)',
  rates: { EUR: '0.9236', GBP: '0.7891', JPY: '149.82', SGD: '1.3412', MYR: '4.4710', THB: '35.870', PHP: '57.150', VND: '25410', IDR: '16250', TWD: '32.10', BRL: '5.712', MXN: '17.080', CNY: '7.2150' },
};

/** Default time scale of the demo preset: the demo's rate waits shrink 50-fold. */
export const DEMO_TIME_SCALE = 50;

/** Starts the sandbox with the demo accounts (see {@link DemoSandbox}). */
export async function startDemoSandbox(
  opts: DemoSandboxOptions = {},
  start: (o: SandboxOptions) => Promise<RunningSandbox> = startSandbox,
): Promise<DemoSandbox> {
  // A compressed clock already speeds everything up: the time scale on top of it stays 1.
  const timeScale = opts.timeScale ?? (opts.clock ? 1 : DEMO_TIME_SCALE);
  const seed = opts.seed ?? 42;
  const modules = (opts.modules ?? (await availableMarketplaces()))
    .filter((m) => m.sandbox && sandboxProfile(m.name) && (!opts.marketplaces || opts.marketplaces.includes(m.name)));
  const created: Record<string, SandboxModule<unknown>> = {};
  for (const m of modules) created[m.name] = m.sandbox!(sandboxProfile(m.name)!.moduleOptions({ seed }));
  const sandbox = await start({ marketplaces: created, timeScale, seed, ...(opts.clock ? { clock: opts.clock } : {}) });
  const accounts: DemoAccount[] = [];
  for (const m of modules) {
    const profile = sandboxProfile(m.name)!;
    const account = profile.account({ url: sandbox.urls[m.name]!, module: created[m.name]!, exports: m.exports, timeScale });
    if (opts.orders) await profile.seedOrders?.(created[m.name]!, m.exports, account, opts.orders);
    accounts.push(account);
  }
  const env = Object.fromEntries(accounts.flatMap((a) => Object.entries(a.env)));
  const storesFile: DemoStoresFile = {
    accounts: Object.fromEntries(accounts.map((a) => [a.key, { marketplace: a.marketplace, config: a.config, env: { ...a.secrets } }])),
    pricing: { base: 'USD', margin: '0.25', ending: 'auto', rates: DEMO_RATES },
  };
  return {
    sandbox,
    accounts,
    storesFile,
    env,
    options<T>(key: string): T {
      const a = accounts.find((x) => x.key === key);
      if (!a) throw new Error(`no demo account ${key} (the demo accounts are ${accounts.map((x) => x.key).join(', ')})`);
      const options: Record<string, unknown> = structuredClone(a.config);
      for (const [path, name] of Object.entries(a.secrets)) setPath(options, path, a.env[name]);
      if (opts.clock) options.clock = opts.clock;
      return resolveSandboxOptions(options) as T;
    },
    approve: (link) => approve(sandbox, link),
    buyer: demoBuyer(accounts, created),
    close: () => sandbox.close(),
  };
}

async function approve(sandbox: RunningSandbox, link: string): Promise<string> {
  const origin = new URL(link).origin;
  if (!Object.values(sandbox.urls).some((u) => new URL(u).origin === origin)) throw new Error(`approve(): ${origin} is not this sandbox`);
  const res = await fetch(link, { redirect: 'manual' });
  const location = res.headers.get('location');
  if (!location) throw new Error(`approve(): the sandbox answered HTTP ${res.status} without a redirect`);
  return location;
}

/**
 * Options understood on behalf of adapters in sandbox store configs. `imageMirror`: fetch listing
 * images from a mirror (the sandbox serves any name) instead of their URLs, so runs stay offline.
 */
export function resolveSandboxOptions(options: Record<string, unknown>): Record<string, unknown> {
  const { imageMirror, ...rest } = options;
  if (typeof imageMirror === 'string') {
    rest.fetchImage = async (url: string, signal?: AbortSignal): Promise<Buffer> => {
      const name = `${createHash('sha256').update(url).digest('hex').slice(0, 24)}.png`;
      const mirrored = `${imageMirror}${name}`;
      const res = await fetch(mirrored, { signal });
      if (!res.ok) throw new Error(`image mirror ${new URL(mirrored).host} answered HTTP ${res.status} for ${url}`);
      return Buffer.from(await res.arrayBuffer());
    };
  }
  return rest;
}

function setPath(target: Record<string, unknown>, dotted: string, value: unknown): void {
  const parts = dotted.split('.');
  let node = target;
  for (const p of parts.slice(0, -1)) node = (node[p] ??= {}) as Record<string, unknown>;
  node[parts[parts.length - 1]!] = value;
}
