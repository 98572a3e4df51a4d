/**
 * The built `xborder` bin (dist/cli.js) end to end, in child processes, against an embedded
 * sandbox started here (so the test can read the marketplaces' state). Adapters reach the CLI
 * through the package's own subpaths, exactly as for a user.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoSandbox, type DemoSandbox } from '../../src/cli/sandbox-demo.js';
import type { BulkReport, SyncReport } from '../../src/hub/index.js';
import type { Order } from '../../src/model/order.js';
import { startSandbox } from '../../src/sandbox/server.js';
import { sourceModules } from '../unit/hub/support/sandbox-modules.js';
import { CLI, runCli, type CliRun, type CliRunOptions } from './support/run-cli.js';

const CATALOG = path.resolve('examples/catalog.csv');

const cli = (args: string[], opts: CliRunOptions = {}) => runCli(args, opts);

let demo: DemoSandbox;
let dir: string;
let stores: string;

beforeAll(async () => {
  if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: run `npm run build` (npm test builds first)');
  demo = await startDemoSandbox({ timeScale: 50, orders: 3, modules: await sourceModules() }, startSandbox);
  dir = mkdtempSync(path.join(tmpdir(), 'xb-cli-'));
  stores = path.join(dir, 'stores.json');
  writeFileSync(stores, JSON.stringify(demo.storesFile, null, 2));
});
afterAll(async () => {
  await demo?.sandbox.close();
});

describe('xborder CLI', () => {
  it('exit 2 for usage and configuration errors, with the reason', async () => {
    expect((await cli(['list', CATALOG, '--bogus'])).code).toBe(2);
    expect((await cli(['list', CATALOG])).stderr).toMatch(/--stores <file> is required/);
    const noEnv = await cli(['list', CATALOG, '--stores', stores], { env: {} });
    expect(noEnv.code).toBe(2);
    expect(noEnv.stderr).toMatch(/environment variable XB_SANDBOX_\w+ \(for [\w.]+\) is not set/);
    const leaked = path.join(dir, 'leaked.json');
    writeFileSync(leaked, JSON.stringify({ accounts: { a: { marketplace: 'amazon', config: { credentials: { clientSecret: 'shh' } } } } }));
    const r = await cli(['list', CATALOG, '--stores', leaked, '--json']);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout).error.message).toMatch(/clientSecret looks like a secret/);
    expect((await cli(['--help'])).code).toBe(0);
  }, 90_000);

  it('list: killed at a random point, re-run with the same journal: every SKU once per store, exit 0', async () => {
    const journal = path.join(dir, 'bulk.jsonl');
    const doneLines = () => (existsSync(journal) ? readFileSync(journal, 'utf8').split('\n').filter((l) => l.includes('"t":"done"')).length : 0);
    const killAt = 10 + Math.floor(Math.random() * 80);
    const killed = await cli(['list', CATALOG, '--stores', stores, '--journal', journal, '--json'], {
      env: demo.env,
      onSpawn: (kill) => {
        const poll = setInterval(() => {
          if (doneLines() >= killAt) {
            clearInterval(poll);
            kill();
          }
        }, 5);
      },
    });
    expect(killed.code).toBe(null); // SIGKILL: no report, no cleanup
    const before = doneLines();
    const r = await cli(['list', CATALOG, '--stores', stores, '--journal', journal, '--json'], { env: demo.env });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as BulkReport;
    const listings = 36;
    expect(report.items).toHaveLength(listings * report.stores.length);
    expect(report.totals.skipped).toBe(before);
    expect(report.totals.done + report.totals.skipped).toBe(report.items.length);
    const shopee = demo.sandbox.state.shopee as { itemsBySku(s: string): unknown[] } | undefined;
    if (shopee) for (const i of report.items.filter((x) => x.store.startsWith('shopee'))) expect(shopee.itemsBySku(i.sku), i.sku).toHaveLength(1);
  }, 90_000);

  it('list: bad catalog rows are reported and exit 1; the good rows still run', async () => {
    const bad = path.join(dir, 'bad.csv');
    writeFileSync(bad, 'sku,title,description,brand,gtin,price,currency,quantity,weight,images,shopee.categoryId,amazon.productType\nGOOD-1,Good,A good kitchen towel of woven cotton,Acme,4006381333931,4.00,USD,3,0.1 kg,https://x.test/a.jpg,100017,KITCHEN\nBAD-1,Bad,,Acme,,4.001,USD,3,,,,\n');
    const r = await cli(['list', bad, '--stores', stores, '--json'], { env: demo.env });
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as BulkReport;
    expect(report.rejected).toEqual([expect.objectContaining({ row: 3, sku: 'BAD-1', field: 'price' })]);
    expect(report.items.filter((i) => i.outcome !== 'done'), r.stdout).toEqual([]);
    const human = await cli(['list', bad, '--stores', stores], { env: demo.env });
    expect(human.stdout).toMatch(/Rejected catalog rows \(1\)/);
  }, 90_000);

  it('orders sync then ship: checkpointed, exit codes, --json', async () => {
    const checkpoint = path.join(dir, 'sync.json');
    const out = path.join(dir, 'orders.jsonl');
    const r1 = await cli(['orders', 'sync', '--stores', stores, '--checkpoint', checkpoint, '--out', out, '--json'], { env: demo.env });
    expect(r1.code).toBe(0);
    const report = JSON.parse(r1.stdout) as SyncReport;
    expect(report.delivered).toBeGreaterThanOrEqual(3 * demo.accounts.length);
    const orders = readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Order);
    expect(orders).toHaveLength(report.delivered);
    const r2 = await cli(['orders', 'sync', '--stores', stores, '--checkpoint', checkpoint, '--json'], { env: demo.env });
    expect((JSON.parse(r2.stdout) as SyncReport).delivered).toBe(0);

    const order = orders.find((o) => o.shippable)!;
    const account = demo.accounts.find((a) => a.marketplace === order.marketplace)!.key;
    const args = ['ship', '--stores', stores, '--account', account, '--order', order.id, '--line', `${order.lines[0]!.lineId}:${order.lines[0]!.quantity}`, '--carrier', 'DHL', '--tracking', '1Z999AA10123456784', '--json'];
    const s1 = await cli(args, { env: demo.env });
    expect(s1.stderr).toBe('');
    expect(s1.code).toBe(0);
    expect(JSON.parse(s1.stdout)).toMatchObject({ orderId: order.id });
    const s2 = await cli(args, { env: demo.env });
    expect(s2.code, s2.stdout + s2.stderr).toBe(0);
    const state = demo.sandbox.state[order.marketplace] as { shipmentsFor(id: string): number };
    expect(state.shipmentsFor(order.id)).toBe(1);
    expect((await cli(['ship', '--stores', stores, '--account', account, '--order', order.id], { env: demo.env })).code).toBe(2);
  }, 90_000);

  it('sandbox: prints endpoints and demo credentials, stays up until Ctrl-C', async () => {
    const r = await new Promise<CliRun>((resolve) => {
      const child = spawn(process.execPath, [CLI, 'sandbox', '--json', '--write-stores', path.join(dir, 'sb-stores.json')], { stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      child.stdout.on('data', (d: Buffer) => {
        stdout += d.toString();
        if (stdout.includes('\n')) child.kill('SIGINT');
      });
      child.on('close', (code) => resolve({ code, stdout, stderr: '' }));
    });
    expect(r.code).toBe(0);
    const info = JSON.parse(r.stdout.split('\n')[0]!) as { urls: Record<string, string>; env: Record<string, string> };
    // Every marketplace this build ships with a demo profile (the in-process demo here uses Amazon and Shopee only).
    expect(Object.keys(info.urls).sort()).toEqual(expect.arrayContaining([...demo.accounts.map((a) => a.marketplace), 'ebay']));
    expect(Object.keys(info.env).length).toBeGreaterThan(0);
    const written = JSON.parse(readFileSync(path.join(dir, 'sb-stores.json'), 'utf8'));
    expect(JSON.stringify(written)).not.toContain(Object.values(info.env)[0]);
  }, 90_000);

  it('quote and rates over the helpers', async () => {
    const rates = path.join(dir, 'rates.json');
    writeFileSync(rates, JSON.stringify({ base: 'EUR', asOf: '2026-03-02', source: 'test', rates: { USD: '1.0823', JPY: '162.10' } }));
    const r = await cli(['rates', '--rates', rates, '--convert', '10.00 EUR', '--to', 'USD,JPY', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).conversions).toEqual([
      { from: '10.00 EUR', to: 'USD', amount: '10.82', rate: '1.0823' },
      { from: '10.00 EUR', to: 'JPY', amount: '1621', rate: '162.1' },
    ]);
    const q = await cli(['quote', 'shipping', '--from', 'CN', '--to', 'DE:10115', '--weight', '0.5kg', '--rate-card', path.resolve('examples/rate-cards/yanwen-tracked-packet.sample.json'), '--date', '2026-11-15', '--json']);
    expect(q.code).toBe(0);
    expect(JSON.parse(q.stdout).quotes.length).toBeGreaterThan(0);
    const lc = await cli(['quote', 'landed-cost', '--from', 'CN', '--to', 'DE', '--hs', '610910', '--value', '12.00 EUR', '--qty', '2', '--shipping', '4.50 EUR', '--date', '2026-03-02', '--json']);
    expect(lc.code).toBe(0);
    expect(JSON.parse(lc.stdout)).toMatchObject({ destination: 'DE', currency: 'EUR' });
    expect((await cli(['quote', 'shipping', '--from', 'CN', '--to', 'DE', '--weight', '1kg'])).code).toBe(2);
  }, 90_000);
});
