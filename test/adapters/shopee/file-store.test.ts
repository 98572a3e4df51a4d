import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { FileTokenStore } from '../../../src/state/token-store.js';
import { shopee } from '../../../adapters/shopee/index.js';
import { seedOrder } from '../../../adapters/shopee/sandbox/index.js';
import { tokenKey } from '../../../adapters/shopee/tokens.js';
import { PARTNER, SHOP_ID, shopSandbox, type SandboxSetup } from './helpers.js';

const run = promisify(execFile);
const KEY = tokenKey(PARTNER.partnerId, { kind: 'shop', id: SHOP_ID });

let dir: string;
let s: SandboxSetup | undefined;
afterEach(async () => {
  await s?.close();
  await rm(dir, { recursive: true, force: true });
});

/** A sandbox whose granted pair is already expired for the client, saved in a token file. */
async function expiredPairInFile() {
  dir = await mkdtemp(path.join(tmpdir(), 'xborder-shopee-'));
  const file = path.join(dir, 'tokens.json');
  const store = new FileTokenStore(file);
  s = await shopSandbox({ store });
  const pair = s.world.grant(PARTNER.partnerId, { kind: 'shop', id: SHOP_ID }, { accessTtlMs: 1000 });
  await store.compareAndSwap(KEY, undefined, { ...pair, expiresAt: Date.now() - 1000, version: 1 });
  seedOrder(s.world, { createdAt: Date.now() - 60_000 });
  return { file, store };
}

describe('rotation across processes sharing a FileTokenStore', () => {
  it('two independent adapter instances refresh once; the loser re-reads the file', async () => {
    const { file, store } = await expiredPairInFile();
    const mk = () => shopee({ region: 'SG', partnerId: PARTNER.partnerId, partnerKey: PARTNER.partnerKey, shopId: SHOP_ID, tokens: new FileTokenStore(file), endpoint: s!.url, timeScale: 1000 });
    const [a, b] = [mk(), mk()];
    const since = new Date(Date.now() - 3600_000);
    const results = await Promise.all([...Array(5)].flatMap(() => [a.orders.list({ updatedSince: since }).toArray({ max: 10 }), b.orders.list({ updatedSince: since }).toArray({ max: 10 })]));
    expect(results.every((r) => r.length === 1)).toBe(true);
    expect(s!.world.counters.refresh).toBe(1);
    const saved = await store.get(KEY);
    expect(saved?.version).toBe(2);
    expect(JSON.parse(await readFile(file, 'utf8'))[KEY].accessToken).toBe(saved?.accessToken);
  });

  it('two child processes refresh once', async () => {
    const { file, store } = await expiredPairInFile();
    const child = () => run(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'refresh-child.ts'), s!.url, file, String(SHOP_ID)], { cwd: process.cwd(), timeout: 30_000 });
    const outs = await Promise.all([child(), child()]);
    for (const o of outs) expect(JSON.parse(o.stdout)).toEqual({ orders: 1 });
    expect(s!.world.counters.refresh).toBe(1);
    expect((await store.get(KEY))?.version).toBe(2);
  }, 40_000);
});
