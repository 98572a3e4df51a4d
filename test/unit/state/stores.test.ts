import { mkdtempSync, readFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileIntentJournal, MemoryIntentJournal } from '../../../src/state/intent-journal.js';
import { FileTokenStore, MemoryTokenStore, type StoredToken } from '../../../src/state/token-store.js';

const tok = (v: number, refresh = `r${v}`): StoredToken => ({ accessToken: `a${v}`, refreshToken: refresh, expiresAt: 1000 * v, version: v });

describe('TokenStore compare-and-swap', () => {
  it('memory: only the holder of the current version may rotate', async () => {
    const s = new MemoryTokenStore();
    expect(await s.compareAndSwap('shop:1', undefined, tok(1))).toBe(true);
    expect(await s.compareAndSwap('shop:1', undefined, tok(2))).toBe(false);
    expect(await s.compareAndSwap('shop:1', 1, tok(2))).toBe(true);
    expect(await s.compareAndSwap('shop:1', 1, tok(3))).toBe(false);
    expect((await s.get('shop:1'))?.version).toBe(2);
  });

  it('file: concurrent rotations from many writers let exactly one win per version', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'xb-ts-')), 'tokens.json');
    const a = new FileTokenStore(file);
    const b = new FileTokenStore(file);
    await a.compareAndSwap('k', undefined, tok(1));
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).compareAndSwap('k', 1, tok(2, `winner-${i}`))));
    expect(results.filter(Boolean)).toHaveLength(1);
    const stored = JSON.parse(readFileSync(file, 'utf8')) as Record<string, StoredToken>;
    expect(stored.k!.version).toBe(2);
    expect(await b.get('k')).toEqual(stored.k);
  });

  it('file: withLock serializes critical sections across instances', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'xb-lock-')), 'tokens.json');
    const order: string[] = [];
    const section = (s: FileTokenStore, name: string) => s.withLock('k', async () => {
      order.push(`${name}:in`);
      await new Promise((r) => setTimeout(r, 20));
      order.push(`${name}:out`);
    });
    await Promise.all([section(new FileTokenStore(file), 'a'), section(new FileTokenStore(file), 'b')]);
    expect(order[1]).toBe(`${order[0]!.split(':')[0]}:out`);
  });
});

describe('IntentJournal', () => {
  it('memory and file journals keep the last state per key', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'xb-j-')), 'j.jsonl');
    for (const j of [new MemoryIntentJournal(), new FileIntentJournal(file)]) {
      await j.put({ key: 'k', operation: 'ship', state: 'pending', at: 1 });
      await j.put({ key: 'k', operation: 'ship', state: 'succeeded', at: 2, result: { id: 7 } });
      expect(await j.get('k')).toMatchObject({ state: 'succeeded', result: { id: 7 } });
      expect(await j.get('missing')).toBeUndefined();
    }
  });

  it('file journal survives a restart and a torn last line (the intent stays pending)', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'xb-j2-')), 'j.jsonl');
    const j = new FileIntentJournal(file);
    await j.put({ key: 'a', operation: 'ship', state: 'pending', at: 1 });
    appendFileSync(file, '{"key":"a","operation":"ship","state":"succ');
    const reopened = new FileIntentJournal(file);
    expect((await reopened.get('a'))?.state).toBe('pending');
  });
});
