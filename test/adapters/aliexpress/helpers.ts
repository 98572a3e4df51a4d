import { readFileSync } from 'node:fs';
import { startSandbox, type RunningSandbox } from '../../../src/sandbox/index.js';
import { MemoryTokenStore, type TokenStore } from '../../../src/state/token-store.js';
import { aliexpress, aliexpressSandbox, SANDBOX_CREDENTIALS, tokenKey, type AliExpressConfig, type AliExpressSandboxOptions, type AliExpressSandboxState } from '../../../adapters/aliexpress/index.js';

export const CREDS = SANDBOX_CREDENTIALS;
export const TIME_SCALE = 1000;

export interface SandboxSetup {
  sb: RunningSandbox;
  world: AliExpressSandboxState;
  url: string;
  store: TokenStore;
  adapter: ReturnType<typeof aliexpress>;
  close(): Promise<void>;
}

export const LISTING_DEFAULTS = { categoryId: 200000001, freightTemplateId: 1000, servicePolicyId: 0 };

/** A loopback AliExpress sandbox and an adapter holding a fresh token pair for the demo seller. */
export async function aeSandbox(opts: { sandbox?: AliExpressSandboxOptions; adapter?: Partial<AliExpressConfig>; currency?: string } = {}): Promise<SandboxSetup> {
  const module = aliexpressSandbox(opts.sandbox);
  const sb = await startSandbox({ marketplaces: { aliexpress: module }, timeScale: TIME_SCALE });
  const world = module.state;
  const url = sb.urls.aliexpress!;
  const pair = world.grant(CREDS.sellerId);
  const store = new MemoryTokenStore({ [tokenKey(CREDS.appKey, CREDS.sellerId)]: { ...pair, version: 1 } });
  const adapter = aliexpress({
    appKey: CREDS.appKey, appSecret: CREDS.appSecret, sellerId: CREDS.sellerId, tokens: store, endpoint: url,
    store: { country: 'CN', currency: opts.currency ?? 'USD', language: 'en' }, listingDefaults: LISTING_DEFAULTS,
    timeScale: TIME_SCALE, retry: { baseDelayMs: 1, maxDelayMs: 5 }, consistency: { windowMs: 200, intervalMs: 20 }, fetchImage: fakeImage,
    ...opts.adapter,
  });
  return { sb, world, url, store, adapter, close: () => sb.close() };
}

/** Offline image download: a few deterministic bytes per URL (same URL → same content). */
export const fakeImage = async (url: string): Promise<Buffer> => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.from(url)]);

/** A JSON fixture from test/fixtures/aliexpress. */
export function fixture<T = any>(name: string): T {
  return JSON.parse(readFileSync(new URL(`../../fixtures/aliexpress/${name}`, import.meta.url), 'utf8')) as T;
}

/** A clock tests move by hand; sleeping advances it. */
export class TestClock {
  constructor(public t: number) {}
  now(): number {
    return this.t;
  }
  async sleep(ms: number): Promise<void> {
    this.t += ms;
  }
}
