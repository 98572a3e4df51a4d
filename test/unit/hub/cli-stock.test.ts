import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../../src/cli/program.js';
import { openLedger } from '../../../src/inventory/index.js';

function cli() {
  const out: string[] = [];
  const err: string[] = [];
  const io = { stdout: (t: string) => void out.push(t), stderr: (t: string) => void err.push(t), interactive: false };
  return { out, err, run: (args: string[]) => run(args, io) };
}

describe('xborder stock', () => {
  it('set, map (bundle), policy and show work on a ledger file, with --json', async () => {
    const ledger = path.join(mkdtempSync(path.join(tmpdir(), 'xb-stock-')), 'stock.json');
    const c = cli();
    expect(await c.run(['stock', 'set', 'WH-TEE-RED-M', '40', '--ledger', ledger, '--json'])).toBe(0);
    expect(JSON.parse(c.out.at(-1)!)).toMatchObject({ sku: 'WH-TEE-RED-M', onHand: 40, reserved: 0, free: 40 });
    expect(await c.run(['stock', 'map', 'shopeeSG:SG', 'SG-TEE-R-M', 'WH-TEE-RED-M:2', '--ledger', ledger])).toBe(0);
    expect(await c.run(['stock', 'policy', 'shopeeSG:SG', '--safety', '2', '--cap', '15', '--ledger', ledger])).toBe(0);
    expect(await c.run(['stock', 'show', '--ledger', ledger, '--json'])).toBe(0);
    const view = JSON.parse(c.out.at(-1)!);
    // (40 − 2 safety) ÷ 2 per bundle = 19, capped at 15.
    expect(view.skus[0].listings).toEqual([{ store: 'shopeeSG:SG', marketplaceSku: 'SG-TEE-R-M', unitsPerListing: 2, available: 15 }]);
    // A fresh process sees the same ledger.
    expect(openLedger(ledger).free('WH-TEE-RED-M')).toBe(40);
  });

  it('bad input is a usage error (exit 2) naming the field', async () => {
    const ledger = path.join(mkdtempSync(path.join(tmpdir(), 'xb-stock-')), 'stock.json');
    const c = cli();
    expect(await c.run(['stock', 'set', 'WH-A', '-3', '--ledger', ledger, '--json'])).toBe(2);
    expect(JSON.parse(c.out.at(-1)!)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await c.run(['stock', 'sync', '--ledger', ledger])).toBe(2); // --stores is required
  });
});
