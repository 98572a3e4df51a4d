import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileRequirementsCache, MemoryRequirementsCache, cachedRequirements, requirementsKey, type Requirements } from '../../src/requirements/index.js';

const doc: Requirements = { marketplace: 'amazon', store: 'DE', kind: 'productType', id: 'SHIRT', level: 'LISTING', version: 'U1', fetchedAt: '2026-01-01T00:00:00.000Z', fields: [] };

describe('requirements cache', () => {
  it('keys by marketplace, store, kind, id and level, safe as a path', () => {
    expect(requirementsKey(doc)).toBe('amazon/DE/productType-SHIRT.LISTING');
    expect(requirementsKey({ ...doc, id: '../x' })).toBe('amazon/DE/productType-.._x.LISTING');
  });

  it('stores one versioned file per key and honours the TTL', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'xb-req-'));
    let now = Date.parse('2026-01-02T00:00:00Z');
    const cache = new FileRequirementsCache({ dir, ttlMs: 60_000, now: () => now });
    const key = requirementsKey(doc);
    await cache.set(key, doc);
    const onDisk = JSON.parse(await readFile(path.join(dir, 'amazon/DE/productType-SHIRT.LISTING.json'), 'utf8'));
    expect(onDisk).toMatchObject({ format: 1, savedAt: '2026-01-02T00:00:00.000Z', requirements: { version: 'U1' } });
    expect(await new FileRequirementsCache({ dir, now: () => now }).get(key)).toEqual(doc);
    now += 60_001;
    expect(await cache.get(key)).toBeUndefined();
  });

  it('a corrupt or foreign-format file is a miss', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'xb-req-'));
    const cache = new FileRequirementsCache({ dir });
    await cache.set('k', doc);
    await writeFile(cache.fileOf('k'), '{not json');
    expect(await cache.get('k')).toBeUndefined();
    await writeFile(cache.fileOf('k'), JSON.stringify({ format: 99, savedAt: new Date().toISOString(), requirements: doc }));
    expect(await cache.get('k')).toBeUndefined();
  });

  it('cachedRequirements fetches once per key (also when concurrent), then serves the cache', async () => {
    let calls = 0;
    const read = cachedRequirements(new MemoryRequirementsCache());
    const fetch = async () => (calls++, doc);
    await Promise.all([read('k', fetch), read('k', fetch)]);
    await read('k', fetch);
    expect(calls).toBe(1);
    await read('k', fetch, true);
    expect(calls).toBe(2);
  });
});
