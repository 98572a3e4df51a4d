/**
 * `xborder returns sync` and `xborder returns show` from the built bin (dist/cli.js, needs
 * `npm run build`), against an embedded sandbox started here so the test can act as the buyer.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as ebayExports from '../../adapters/ebay/index.js';
import { openReturn } from '../../adapters/ebay/sandbox/index.js';
import type { EbaySandboxState } from '../../adapters/ebay/index.js';
import { startDemoSandbox, type DemoSandbox } from '../../src/cli/sandbox-demo.js';
import type { SyncReport } from '../../src/hub/index.js';
import type { Return } from '../../src/model/return.js';
import { startSandbox } from '../../src/sandbox/server.js';
import { CLI, runCli } from '../e2e/support/run-cli.js';


const cli = (args: string[], env: Record<string, string>) => runCli(args, { env });

let demo: DemoSandbox;
let dir: string;
let stores: string;

beforeAll(async () => {
  if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: run `npm run build`');
  const module = { name: 'ebay' as const, factory: ebayExports.ebay as never, sandbox: ebayExports.ebaySandbox as never, exports: ebayExports as Record<string, unknown> };
  demo = await startDemoSandbox({ timeScale: 50, orders: 1, marketplaces: ['ebay'], modules: [module] }, startSandbox);
  dir = mkdtempSync(path.join(tmpdir(), 'xb-returns-'));
  stores = path.join(dir, 'stores.json');
  writeFileSync(stores, JSON.stringify(demo.storesFile, null, 2));
});
afterAll(async () => {
  await demo?.sandbox.close();
});

describe('xborder returns', () => {
  it('sync appends each return as JSONL under its own checkpoint key; show prints one return; exit codes', async () => {
    const state = demo.sandbox.state.ebay as EbaySandboxState;
    const order = [...state.orders.values()][0]!;
    const opened = openReturn(state, { orderId: order.orderId, lineItemId: order.lineItems[0]!.lineItemId, reason: 'DEFECTIVE_ITEM' });
    // Opened ten minutes ago: older than the sync's default two-minute feed lag.
    opened.created -= 600_000;
    opened.history[0]!.at -= 600_000;
    const checkpoint = path.join(dir, 'checkpoint.json');
    const out = path.join(dir, 'returns.jsonl');
    const r1 = await cli(['returns', 'sync', '--stores', stores, '--checkpoint', checkpoint, '--out', out, '--since', new Date(Date.now() - 3_600_000).toISOString(), '--json'], demo.env);
    expect(r1.stderr).toBe('');
    expect(r1.code).toBe(0);
    const report = JSON.parse(r1.stdout) as SyncReport;
    expect(report.delivered).toBe(1);
    const lines = readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Return);
    expect(lines.map((r) => [r.id, r.status, r.reason.code])).toEqual([[opened.returnId, 'requested', 'defective']]);
    expect(Object.keys((JSON.parse(readFileSync(checkpoint, 'utf8')) as { accounts: object }).accounts)).toEqual(['returns:ebayUS']);

    const again = await cli(['returns', 'sync', '--stores', stores, '--checkpoint', checkpoint, '--json'], demo.env);
    expect((JSON.parse(again.stdout) as SyncReport).delivered).toBe(0);

    const shown = await cli(['returns', 'show', opened.returnId, '--stores', stores, '--json'], demo.env);
    expect(shown.code).toBe(0);
    expect(JSON.parse(shown.stdout)).toMatchObject({ id: opened.returnId, orderId: order.orderId, status: 'requested' });
    const human = await cli(['returns', 'show', opened.returnId, '--stores', stores], demo.env);
    expect(human.stdout).toMatch(new RegExp(`Return ${opened.returnId} \\(ebay, order ${order.orderId}\\)`));
    expect(human.stdout).toMatch(/due {8}respond by /);

    expect((await cli(['returns', 'sync', '--stores', stores], demo.env)).code).toBe(2); // no --checkpoint
    expect((await cli(['returns', 'show', '99999', '--stores', stores, '--account', 'nope'], demo.env)).code).toBe(2);
  }, 120_000);
});
