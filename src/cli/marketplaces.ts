/**
 * Adapters reach the CLI the way they reach users: through the package's public subpaths
 * (`xborder/amazon`, `xborder/sandbox/amazon`...), imported on demand (src/sandbox/demo/load.ts).
 */
import type { MarketplaceAdapter } from '../adapter.js';
import type { Hooks } from '../http/hooks.js';
import path from 'node:path';
import { loadMarketplace, type MarketplaceModule } from '../sandbox/demo/load.js';
import { resolveSandboxOptions } from '../sandbox/demo/index.js';
import { FileIntentJournal } from '../state/intent-journal.js';
import { FileTokenStore } from '../state/token-store.js';
import { CliError } from './exit.js';
import type { AccountConfig } from './store-config.js';

export { loadMarketplace, availableMarketplaces, type MarketplaceModule } from '../sandbox/demo/load.js';

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

/** Options the CLI understands on behalf of adapters (`imageMirror` for sandbox runs). */
export const resolveCliOptions = resolveSandboxOptions;
