/**
 * Adapters reach the CLI the way they reach users: through the package's public subpaths
 * (`xborder/amazon`...), imported on demand. `src/` never imports `adapters/`; the specifier is
 * built at run time so neither TypeScript nor the bundler pulls adapter code into the CLI.
 */
import type { MarketplaceAdapter } from '../adapter.js';
import type { Hooks } from '../http/hooks.js';
import type { SandboxModule } from '../sandbox/module.js';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { FileIntentJournal } from '../state/intent-journal.js';
import { FileTokenStore } from '../state/token-store.js';
import { CliError } from './exit.js';
import { MARKETPLACE_NAMES, type AccountConfig, type MarketplaceName } from './store-config.js';

export interface MarketplaceModule {
  name: MarketplaceName;
  factory?: (options: Record<string, unknown>) => MarketplaceAdapter;
  sandbox?: (options?: Record<string, unknown>) => SandboxModule<unknown>;
  exports: Record<string, unknown>;
}

const cache = new Map<string, Promise<MarketplaceModule | undefined>>();

/** The marketplace's subpath module, or undefined when this build does not ship it yet. */
export function loadMarketplace(name: MarketplaceName): Promise<MarketplaceModule | undefined> {
  let p = cache.get(name);
  if (!p) {
    p = importSubpath(name);
    cache.set(name, p);
  }
  return p;
}

async function importSubpath(name: MarketplaceName): Promise<MarketplaceModule | undefined> {
  const specifier = `xborder/${name}`;
  let mod: Record<string, unknown>;
  try {
    mod = (await import(specifier)) as Record<string, unknown>;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND' || (e as NodeJS.ErrnoException).code === 'ERR_PACKAGE_PATH_NOT_EXPORTED') return undefined;
    throw e;
  }
  const factory = mod[name];
  const sandbox = mod[`${name}Sandbox`];
  if (typeof factory !== 'function') return undefined;
  return {
    name,
    factory: factory as MarketplaceModule['factory'],
    sandbox: typeof sandbox === 'function' ? (sandbox as MarketplaceModule['sandbox']) : undefined,
    exports: mod,
  };
}

/** Every marketplace this build can talk to. */
export async function availableMarketplaces(): Promise<MarketplaceModule[]> {
  const mods = await Promise.all(MARKETPLACE_NAMES.map((n) => loadMarketplace(n)));
  return mods.filter((m): m is MarketplaceModule => m !== undefined);
}

/**
 * Builds one adapter per configured account, all sharing the hub's hooks. Each account writes its
 * intents to a file journal, so a write repeated by a later run (same idempotency key) is
 * recognised instead of refused or done twice.
 */
export async function buildAdapters(accounts: AccountConfig[], hooks: Hooks, stateDir?: string): Promise<Record<string, MarketplaceAdapter>> {
  const out: Record<string, MarketplaceAdapter> = {};
  for (const a of accounts) {
    const mod = await loadMarketplace(a.marketplace);
    if (!mod?.factory) throw new CliError(`Account ${a.key}: the ${a.marketplace} adapter is not available in this build of xborder`);
    const options: Record<string, unknown> = { ...resolveCliOptions(a.options), hooks };
    if (stateDir) options.journal = new FileIntentJournal(path.join(stateDir, `${a.key}.intents.jsonl`));
    if (a.tokenFile) await useTokenFile(mod, options, a.tokenFile);
    try {
      out[a.key] = mod.factory(options);
    } catch (e) {
      throw new CliError(`Account ${a.key} (${a.marketplace}): ${(e as Error).message}`);
    }
  }
  return out;
}

/**
 * Tokens that rotate must outlive the process: a file store, seeded once from the environment's
 * initial pair, then owned by the adapter (which rotates and saves through it).
 */
async function useTokenFile(mod: MarketplaceModule, options: Record<string, unknown>, file: string): Promise<void> {
  const store = new FileTokenStore(file);
  if (mod.name === 'shopee') {
    const tokenKey = mod.exports.tokenKey as ((partnerId: number, who: { kind: 'shop' | 'merchant'; id: number }) => string) | undefined;
    const initial = options.tokens as { accessToken?: string; refreshToken?: string } | undefined;
    const partnerId = Number(options.partnerId);
    const shops = ((options.shopIds as Array<number | { shopId: number }> | undefined) ?? []).map((s) => (typeof s === 'number' ? s : s.shopId));
    const who = options.shopId !== undefined
      ? [{ kind: 'shop' as const, id: Number(options.shopId) }]
      : [{ kind: 'merchant' as const, id: Number(options.merchantId) }, ...shops.map((id) => ({ kind: 'shop' as const, id }))];
    if (tokenKey && initial?.accessToken && initial.refreshToken) {
      for (const w of who) {
        const key = tokenKey(partnerId, w);
        if (!(await store.get(key))) await store.compareAndSwap(key, undefined, { accessToken: initial.accessToken, refreshToken: initial.refreshToken, expiresAt: 0, version: 1 });
      }
    }
    options.tokens = store;
  } else {
    // Amazon and the others: a cache of short-lived access tokens shared by runs.
    options.tokenStore = store;
  }
}

/**
 * Options the CLI understands on behalf of adapters. `imageMirror`: fetch listing images from a
 * mirror (the sandbox serves any name) instead of their URLs, so sandbox runs stay offline.
 */
export function resolveCliOptions(options: Record<string, unknown>): Record<string, unknown> {
  const { imageMirror, ...rest } = options;
  if (typeof imageMirror === 'string') {
    rest.fetchImage = async (url: string, signal?: AbortSignal): Promise<Buffer> => {
      const name = `${createHash('sha256').update(url).digest('hex').slice(0, 24)}.png`;
      const res = await fetch(`${imageMirror}${name}`, { signal });
      if (!res.ok) throw new CliError(`image mirror answered HTTP ${res.status} for ${url}`, 1);
      return Buffer.from(await res.arrayBuffer());
    };
  }
  return rest;
}
