/**
 * The CLI's error paths, in process (`run()` with captured stdout/stderr): every usage or input
 * problem exits 2 and speaks in flags and files; network failures name host and operation.
 * None of these reach a marketplace, so no build and no sandbox are needed.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import net from 'node:net';
import axios from 'axios';
import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { reportError } from '../../src/cli/exit.js';
import { parseMoneyArg } from '../../src/cli/inputs.js';
import { run } from '../../src/cli/program.js';
import { errorFromTransport } from '../../src/errors/from-response.js';
import { parseCatalogCsv } from '../../src/hub/catalog-csv.js';
import { bulkProgress } from '../../src/cli/progress.js';
import type { BulkProgressEvent } from '../../src/hub/bulk-types.js';

const CARD = path.resolve('examples/rate-cards/yanwen-tracked-packet.sample.json');
let dir: string;

async function cli(args: string[], env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(args, { stdout: (t) => void out.push(t), stderr: (t) => void err.push(t), env, interactive: false });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

function file(name: string, text: string): string {
  const f = path.join(dir, name);
  writeFileSync(f, text);
  return f;
}

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'xb-cli-err-'));
  nock.disableNetConnect();
});
afterAll(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

const landed = ['quote', 'landed-cost', '--from', 'CN', '--to', 'DE', '--hs', '610910', '--date', '2026-03-02'];
const shipping = ['quote', 'shipping', '--from', 'CN', '--to', 'DE:10115', '--rate-card', CARD, '--date', '2026-11-15'];

describe('flags', () => {
  it('--weight must be greater than 0 (named by its flag, not the input path)', async () => {
    for (const w of ['-1kg', '0kg']) {
      const r = await cli([...landed, '--value', '12.00 EUR', '--weight', w]);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe('xborder: --weight must be greater than 0');
    }
    const s = await cli([...shipping, '--weight', '0g']);
    expect([s.code, s.stderr]).toEqual([2, 'xborder: --weight must be greater than 0']);
  });

  it('--weight 5 without a unit is refused, with the choices', async () => {
    for (const args of [[...shipping, '--weight', '5'], [...landed, '--value', '12.00 EUR', '--weight', '5']]) {
      const r = await cli(args);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe('xborder: --weight needs a unit: 5kg, 5g, 5lb or 5oz');
    }
    const ok = await cli([...shipping, '--weight', '500g', '--json']);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout).quotes[0].chargeableWeight).toBeDefined();
  });

  it('validation errors of the helpers come back as the flag that filled the field', async () => {
    const r = await cli(['quote', 'landed-cost', '--from', 'CN', '--to', 'DE', '--hs', 'x1', '--value', '12.00 EUR', '--date', '2026-03-02']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^xborder: --hs: /);
    expect(r.stderr).not.toMatch(/items\[0\]/);
    expect((await cli([...landed, '--value', '12.00 EUR', '--qty', '0'])).stderr).toBe('xborder: --qty must be a whole number greater than 0, got "0"');
  });

  it('--value reads human amounts ("12,50 EUR", "€1.234,50", "1,234.50 USD") exactly, and refuses extra decimals', async () => {
    expect(parseMoneyArg('12,50 EUR', '--value')).toEqual({ amount: 1250, currency: 'EUR' });
    expect(parseMoneyArg('€1.234,50', '--value')).toEqual({ amount: 123450, currency: 'EUR' });
    expect(parseMoneyArg('1,234.50 USD', '--value')).toEqual({ amount: 123450, currency: 'USD' });
    expect(parseMoneyArg('JPY 1,250', '--value')).toEqual({ amount: 1250, currency: 'JPY' });
    expect(parseMoneyArg('1.250.000 VND', '--value')).toEqual({ amount: 1250000, currency: 'VND' });
    expect(parseMoneyArg('1,250 KWD', '--value')).toEqual({ amount: 1250, currency: 'KWD' });
    expect(() => parseMoneyArg('1.250 EUR', '--value')).toThrow('--value: "1.250" has 3 decimals but EUR allows 2 (for thousands, write 1250)');
    expect((await cli([...landed, '--value', '12,50 EUR'])).code).toBe(0);
    const r = await cli([...landed, '--value', '12.9999 EUR']);
    expect([r.code, r.stderr]).toEqual([2, 'xborder: --value: "12.9999" has 4 decimals but EUR allows 2']);
    expect((await cli([...landed, '--value', '12 EURO'])).stderr).toMatch(/--value expects an amount with its currency/);
  });

  it('rates --convert prints only the conversion', async () => {
    const rates = file('rates.json', JSON.stringify({ base: 'EUR', asOf: '2026-03-02', source: 'test', rates: { USD: '1.0823', JPY: '162.10', GBP: '0.85' } }));
    const r = await cli(['rates', '--rates', rates, '--convert', '10,00 EUR', '--to', 'USD']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')).toEqual([expect.stringMatching(/^FROM\s+TO\s+AMOUNT\s+RATE$/), expect.stringMatching(/^-+/), expect.stringMatching(/^10\.00 EUR\s+USD\s+10\.82\s+1\.0823$/)]);
  });

  it('tables align by display width with CJK service names', async () => {
    const r = await cli([...shipping, '--weight', '0.5kg']);
    const lines = r.stdout.split('\n');
    const { default: stringWidth } = await import('string-width');
    const col = (l: string, word: string) => stringWidth(l.slice(0, l.indexOf(word)));
    const row = lines.find((l) => /燕文/.test(l))!;
    expect(row).toBeDefined();
    // The TOTAL column starts at the same display column in the header and in the CJK row.
    const total = /\d+\.\d+ [A-Z]{3}/.exec(row)!;
    expect(stringWidth(row.slice(0, total.index))).toBe(col(lines[0]!, 'TOTAL'));
  });
});

describe('configuration and input files: exit 2 naming the file and the position', () => {
  it('store config with bad JSON', async () => {
    const f = file('stores.json', '{\n  "accounts": {,\n}');
    const r = await cli(['list', CARD, '--stores', f]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`xborder: Store config ${f} is not valid JSON at line 2, column 16: Expected property name or '}'`);
  });

  it('checkpoint file with bad JSON, found before any call', async () => {
    const stores = file('ok-stores.json', JSON.stringify({ accounts: { a: { marketplace: 'amazon', config: { region: 'eu' } } } }));
    const cp = file('sync.json', '{"amazon": {"until": "2026-01-01"}');
    const r = await cli(['orders', 'sync', '--stores', stores, '--checkpoint', cp]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^xborder: Checkpoint file ${cp.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is not valid JSON at line 1, column 35: `));
  });

  it('ledger file with bad JSON', async () => {
    const ledger = file('stock.json', '{"skus": [1, 2,]}');
    const r = await cli(['stock', 'show', '--ledger', ledger]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^xborder: Ledger file .*stock\.json is not valid JSON at line 1, column 16: /);
  });

  it('rate card, rate table and --input files', async () => {
    const card = file('card.json', '{"carrier": "x",\n\n  oops}');
    const r = await cli(['quote', 'shipping', '--from', 'CN', '--to', 'DE', '--weight', '1kg', '--rate-card', card]);
    expect([r.code, r.stderr]).toEqual([2, expect.stringMatching(/^xborder: Rate card .*card\.json is not valid JSON at line 3, column 3: /)]);
    const rates = await cli(['rates', '--rates', file('rates-bad.json', '')]);
    expect([rates.code, rates.stderr]).toEqual([2, expect.stringMatching(/^xborder: Rate table .*rates-bad\.json is not valid JSON \(the file is empty\)/)]);
    const input = await cli(['quote', 'landed-cost', '--input', path.join(dir, 'missing.json')]);
    expect([input.code, input.stderr]).toEqual([2, `xborder: Cannot read input file ${path.join(dir, 'missing.json')}: file not found`]);
  });

  it('a config that meant the sandbox (endpoint, no tokenEndpoint) is refused before any call', async () => {
    const f = file('half.json', JSON.stringify({ accounts: { eu: { marketplace: 'amazon', config: { region: 'eu', endpoint: 'http://127.0.0.1:4567' } } } }));
    const r = await cli(['list', CARD, '--stores', f]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/accounts\.eu\.config: "endpoint" is 127\.0\.0\.1:4567 but "tokenEndpoint" is not set, so the LWA token call would go to the real api\.amazon\.com/);
  });
});

describe('network failures name the host and the operation', () => {
  it('a refused connection, as the CLI reports it (exit 1)', async () => {
    // A real socket failure (nothing listens on the port), through the core's transport error mapping.
    const server = net.createServer();
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as net.AddressInfo).port;
    await new Promise<void>((r) => server.close(() => r()));
    nock.enableNetConnect('127.0.0.1');
    const failure = await axios.get(`http://127.0.0.1:${port}/orders/2026-01-01/orders`).catch((e: unknown) => errorFromTransport(e, { marketplace: 'amazon', operation: 'searchOrders' }));
    const lines: string[] = [];
    const code = reportError({ out: () => {}, err: (t) => void lines.push(t), json: false, interactive: false }, failure);
    expect(code).toBe(1);
    expect(lines).toEqual([`xborder: amazon searchOrders: cannot reach 127.0.0.1:${port} (connection refused)`]);
  });
});

describe('progress without a terminal', () => {
  it('prints every store position at least every 5 s while work remains', () => {
    vi.useFakeTimers();
    try {
      const lines: string[] = [];
      const p = bulkProgress({ out: () => {}, err: (t) => void lines.push(t), json: false, interactive: false });
      const counts = { total: 10, queued: 10, done: 0, failed: 0, skipped: 0, cancelled: 0 };
      p.onProgress({ type: 'start', store: 'a:DE', counts, path: 'single' } as BulkProgressEvent);
      p.onProgress({ type: 'item', store: 'a:DE', counts: { ...counts, queued: 6, done: 3, failed: 1 } } as unknown as BulkProgressEvent);
      vi.advanceTimersByTime(4999);
      expect(lines).toEqual([]);
      vi.advanceTimersByTime(1);
      expect(lines).toEqual([expect.stringMatching(/^progress \d+ s: a:DE 4\/10 \(1 failed\)$/)]);
      p.onProgress({ type: 'store-done', store: 'a:DE', counts: { ...counts, queued: 0, done: 9, failed: 1 } } as BulkProgressEvent);
      vi.advanceTimersByTime(10_000);
      expect(lines).toHaveLength(2);
      expect(lines[1]).toBe('a:DE: 9 done, 1 failed, 0 skipped, 0 cancelled');
      p.stop();
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('catalog CSV prices (what `xborder list` reads) with separators and symbols', () => {
  it('reads "12,50", "€1.234,50", "$12.99" and "12.99 EUR" exactly; refuses a currency that contradicts the row', () => {
    const csv = [
      'sku,title,price,currency,quantity',
      'A,Tee,"12,50",EUR,1',
      'B,Tee,"€1.234,50",EUR,1',
      'C,Tee,$12.99,USD,1',
      'D,Tee,12.99 EUR,EUR,1',
      'E,Tee,JPY 1250,EUR,1',
      'F,Tee,"9,999",EUR,1',
    ].join('\n');
    const catalog = parseCatalogCsv(csv);
    expect(Object.fromEntries(catalog.listings.map((l) => [l.sku, l.price]))).toEqual({
      A: { amount: 1250, currency: 'EUR' },
      B: { amount: 123450, currency: 'EUR' },
      C: { amount: 1299, currency: 'USD' },
      D: { amount: 1299, currency: 'EUR' },
    });
    expect(catalog.errors.map((e) => [e.sku, e.field, e.message])).toEqual([
      ['E', 'price', '"JPY 1250" is in JPY, the row\'s currency is EUR'],
      ['F', 'price', '"9,999" has 3 decimals but EUR allows 2 (for thousands, write 9999)'],
    ]);
  });
});
