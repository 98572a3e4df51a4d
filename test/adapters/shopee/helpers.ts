import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { startSandbox, type RunningSandbox } from '../../../src/sandbox/index.js';
import type { Intent, IntentJournal } from '../../../src/state/intent-journal.js';
import { MemoryTokenStore, type StoredToken, type TokenStore } from '../../../src/state/token-store.js';
import { shopee, type ShopeeConfig } from '../../../adapters/shopee/index.js';
import { SANDBOX_PARTNER, ShopeeSandboxState, shopeeSandbox, type ShopeeSandboxOptions } from '../../../adapters/shopee/sandbox/index.js';
import type { Region } from '../../../adapters/shopee/regions.js';
import { tokenKey } from '../../../adapters/shopee/tokens.js';

export const PARTNER = SANDBOX_PARTNER;
export const SHOP_ID = 14701711;
export const TIME_SCALE = 1000;

export interface SandboxSetup {
  sb: RunningSandbox;
  world: ShopeeSandboxState;
  url: string;
  store: TokenStore;
  adapter: ReturnType<typeof shopee>;
  close(): Promise<void>;
}

/**
 * A caller-supplied TokenStore (what a user's database-backed store is to the adapter). The adapter
 * refuses the in-memory MemoryTokenStore against live hosts; nock tests stand in with this one.
 */
export class TestTokenStore implements TokenStore {
  private readonly inner: MemoryTokenStore;
  constructor(initial?: Record<string, StoredToken>) {
    this.inner = new MemoryTokenStore(initial);
  }
  get(key: string) {
    return this.inner.get(key);
  }
  compareAndSwap(key: string, expected: number | undefined, next: StoredToken) {
    return this.inner.compareAndSwap(key, expected, next);
  }
}

/** A loopback Shopee sandbox with one shop and an adapter holding a fresh token pair for it. */
/** `clock` (optional) drives both the sandbox and the adapter: waits move it, nothing sleeps. */
export async function shopSandbox(opts: { region?: Region; sandbox?: ShopeeSandboxOptions; adapter?: Partial<ShopeeConfig>; store?: TokenStore; clock?: TestClock } = {}): Promise<SandboxSetup> {
  const region = opts.region ?? 'SG';
  const module = shopeeSandbox({ shops: [{ shopId: SHOP_ID, region }], ...opts.sandbox });
  const sb = await startSandbox({ marketplaces: { shopee: module }, timeScale: TIME_SCALE, ...(opts.clock ? { clock: opts.clock } : {}) });
  const world = module.state;
  const url = sb.urls.shopee!;
  const pair = world.grant(PARTNER.partnerId, { kind: 'shop', id: SHOP_ID });
  const store = opts.store ?? new MemoryTokenStore({ [tokenKey(PARTNER.partnerId, { kind: 'shop', id: SHOP_ID })]: { ...pair, version: 1 } });
  const adapter = shopee({
    region, partnerId: PARTNER.partnerId, partnerKey: PARTNER.partnerKey, shopId: SHOP_ID, tokens: store, endpoint: url,
    logisticIds: [18025], timeScale: TIME_SCALE, retry: { baseDelayMs: 1, maxDelayMs: 5 }, consistency: { windowMs: 300, intervalMs: 25 },
    publishPoll: { intervalMs: 5, attempts: 20 }, labelPoll: { intervalMs: 5, attempts: 5 },
    ...(opts.clock ? { clock: opts.clock } : {}),
    ...opts.adapter,
  });
  return { sb, world, url, store, adapter, close: () => sb.close() };
}

export const imageUrl = (url: string, name: string) => `${url}/_sandbox/images/${name}.png`;

/** A JSON fixture from test/fixtures/shopee (copied from Shopee's endpoint documentation). */
export function fixture<T = any>(name: string): T {
  return JSON.parse(readFileSync(new URL(`../../fixtures/shopee/${name}`, import.meta.url), 'utf8')) as T;
}

/** A clock tests move by hand; sleeping advances it (retries and polls take no real time). */
export class TestClock {
  constructor(public t: number) {}
  now(): number {
    return this.t;
  }
  async sleep(ms: number): Promise<void> {
    this.t += ms;
  }
}

/** The sign Shopee expects, computed here independently of the adapter (tests pin requests with it). */
export function expectedSignOf(partnerKey: string, fields: Array<string | number>): string {
  return createHmac('sha256', partnerKey).update(fields.map(String).join('')).digest('hex');
}

/** Checks a request's common parameters: ids, timestamp and a valid signature for that identity. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function signedQuery(q: Record<string, any>, expect: { partnerId: number; path: string; partnerKey: string; accessToken?: string; shopId?: number; merchantId?: number; timestamp?: number }): boolean {
  if (q.partner_id !== String(expect.partnerId)) return false;
  if (expect.timestamp !== undefined && q.timestamp !== String(expect.timestamp)) return false;
  const id = expect.shopId ?? expect.merchantId;
  if (expect.accessToken !== undefined && q.access_token !== expect.accessToken) return false;
  if (expect.shopId !== undefined && q.shop_id !== String(expect.shopId)) return false;
  if (expect.merchantId !== undefined && q.merchant_id !== String(expect.merchantId)) return false;
  const fields = [q.partner_id!, expect.path, q.timestamp!, ...(expect.accessToken !== undefined ? [q.access_token!, String(id)] : [])];
  return q.sign === expectedSignOf(expect.partnerKey, fields);
}

/** A nock query matcher for one shop identity: the common parameters signed, plus `extra` checks. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const shopQuery = (id: { partnerId: number; partnerKey: string; accessToken: string; shopId: number; timestamp: number }) => (path: string, extra: (x: Record<string, any>) => boolean = () => true) => (x: Record<string, any>) =>
  signedQuery(x, { ...id, path }) && extra(x);

/** Shopee's success envelope around a response. */
export const okEnvelope = (response: object) => ({ error: '', message: '', request_id: 'r-1', response });

export const CNSC_MERCHANT = 1000000;
export const CNSC_SG_SHOP = 601306294;

/** A CNSC merchant (CNY) with one SG shop on a loopback sandbox, and an adapter holding both tokens. */
export async function cnscSandbox(): Promise<{ sb: RunningSandbox; world: ShopeeSandboxState; clock: TestClock; adapter: ReturnType<typeof shopee>; close(): Promise<void> }> {
  const module = shopeeSandbox({ merchants: [{ merchantId: CNSC_MERCHANT, shopIds: [CNSC_SG_SHOP], currency: 'CNY' }], shops: [{ shopId: CNSC_SG_SHOP, region: 'SG' }] });
  const clock = new TestClock(Date.now());
  const sb = await startSandbox({ marketplaces: { shopee: module }, timeScale: TIME_SCALE, clock });
  const world = module.state;
  const owners = [{ kind: 'merchant' as const, id: CNSC_MERCHANT }, { kind: 'shop' as const, id: CNSC_SG_SHOP }];
  const pair = world.grant(PARTNER.partnerId, owners);
  const tokens = new TestTokenStore(Object.fromEntries(owners.map((o) => [tokenKey(PARTNER.partnerId, o), { ...pair, version: 1 }])));
  const adapter = shopee({
    region: 'SG', partnerId: PARTNER.partnerId, partnerKey: PARTNER.partnerKey, merchantId: CNSC_MERCHANT, shopIds: [CNSC_SG_SHOP], merchantCurrency: 'CNY', tokens, endpoint: sb.urls.shopee!,
    logisticIds: [18025], timeScale: TIME_SCALE, clock, retry: { baseDelayMs: 1, maxDelayMs: 5 }, publishPoll: { intervalMs: 5, attempts: 20 },
  });
  return { sb, world, clock, adapter, close: () => sb.close() };
}

/** A process killed right after a write's request went out (the journal never records the outcome). */
export class Killed extends Error {}

/** The journal of such a process: it dies on the first update after `pending`. */
export const dyingAfterSend = (inner: IntentJournal): IntentJournal => ({
  get: (k) => inner.get(k),
  put: async (i: Intent) => {
    if (i.state !== 'pending') throw new Killed('SIGKILL before the journal update');
    await inner.put(i);
  },
});
