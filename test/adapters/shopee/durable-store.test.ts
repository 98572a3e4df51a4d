import { promises as fs } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FileTokenStore } from '../../../src/state/token-store.js';

describe('FileTokenStore saves rotated tokens durably', () => {
  let dir: string;
  afterEach(async () => {
    vi.restoreAllMocks();
    await rm(dir, { recursive: true, force: true });
  });

  it('fsyncs the temp file, renames it, then fsyncs the directory before compareAndSwap returns', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'xborder-durable-'));
    const file = path.join(dir, 'tokens.json');
    const events: string[] = [];
    const open = fs.open.bind(fs);
    vi.spyOn(fs, 'open').mockImplementation(async (p, flags, mode) => {
      const h = await open(p, flags, mode);
      const target = String(p) === dir ? 'dir' : String(p).endsWith('.tmp') ? 'tmp' : 'other';
      const sync = h.sync.bind(h);
      h.sync = async () => (events.push(`sync:${target}`), sync());
      return h;
    });
    const rename = fs.rename.bind(fs);
    vi.spyOn(fs, 'rename').mockImplementation(async (a, b) => (events.push('rename'), rename(a, b)));
    const store = new FileTokenStore(file);
    expect(await store.compareAndSwap('k', undefined, { accessToken: 'a', refreshToken: 'r', expiresAt: 1, version: 1 })).toBe(true);
    expect(events).toEqual(['sync:tmp', 'rename', 'sync:dir']);
    expect((await new FileTokenStore(file).get('k'))?.refreshToken).toBe('r');
  });
});
