/** `npm run demo` completes on a fresh checkout: every step runs and the summary accounts for each order. */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');

describe('npm run demo', () => {
  it('lists, syncs, quotes, estimates and ships on the embedded sandbox', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'examples/demo.ts'], { cwd: root, timeout: 90_000, env: { ...process.env, NO_COLOR: '1' } });
    expect(stdout).toMatch(/stores: amazonEU:DE, amazonEU:FR, amazonEU:UK, shopeeSG:\d+, ebayUS:EBAY_US, ebayUS:EBAY_GB, aliexpress:aliexpress/);
    // Every store listed the whole catalog with nothing failed.
    const storeLines = stdout.split('\n').filter((l) => /^\s+(amazonEU|shopeeSG|ebayUS|aliexpress):\S+: \d+ listed, \d+ failed$/.test(l));
    expect(storeLines).toHaveLength(7);
    for (const l of storeLines) expect(l).toMatch(/: (\d+) listed, 0 failed$/);
    const synced = Number(/order sync: (\d+) orders/.exec(stdout)?.[1]);
    expect(synced).toBeGreaterThan(0);
    // One summary row per synced order, each shipped.
    const rows = stdout.split('\n').filter((l) => /(amazonEU|shopeeSG|ebayUS|aliexpress):\S+( → [A-Z]{2})?\s+(unshipped|shipped|pending)/.test(l));
    expect(rows).toHaveLength(synced);
    for (const r of rows) expect(r).toMatch(/shipped via \S+ \((confirmed|already_done)\)/);
  }, 120_000);
});
