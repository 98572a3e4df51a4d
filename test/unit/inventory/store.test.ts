import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileLedgerStore, memoryLedgerStore, StockLedger, type LedgerChange } from '../../../src/inventory/index.js';
import { order } from './doubles.js';

const tmpFile = () => path.join(mkdtempSync(path.join(os.tmpdir(), 'xb-ledger-')), 'stock.json');

describe('ledger stores', () => {
  it('the file store round-trips everything the ledger knows', async () => {
    const file = tmpFile();
    const a = new StockLedger({ store: fileLedgerStore(file) });
    a.setOnHand('WH-TEE', 10);
    a.map('shp:SG', 'SET', { bundle: [{ sku: 'WH-TEE', qty: 2 }] });
    a.policy('shp:SG', { safetyStock: 1, cap: 3 });
    a.applyOrder('shp', order({ id: 'S1', store: 'SG', status: 'pending', lines: [{ sku: 'SET', quantity: 1 }] }));
    a.applyOrder('shp', order({ id: 'S2', store: 'SG', lines: [{ sku: 'NOPE', quantity: 1 }] }));
    await a.flush();
    const b = new StockLedger({ store: fileLedgerStore(file) });
    expect([b.onHand('WH-TEE'), b.reserved('WH-TEE'), b.available('shp:SG', 'SET'), b.available('shp:SG', 'SET', { includesReserved: true })]).toEqual([10, 2, 3, 4]);
    expect(b.exceptions()).toMatchObject([{ kind: 'unmapped', sku: 'NOPE' }]);
    expect(b.snapshot()).toEqual(a.snapshot());
    // Idempotency survives a restart.
    b.applyOrder('shp', order({ id: 'S1', store: 'SG', status: 'pending', lines: [{ sku: 'SET', quantity: 1 }] }));
    expect(b.reserved('WH-TEE')).toBe(2);
  });

  it('two writers on one file never lose each other’s changes (replayed on the newer state)', async () => {
    const file = tmpFile();
    const sync = new StockLedger({ store: fileLedgerStore(file) });
    const cli = new StockLedger({ store: fileLedgerStore(file) });
    sync.setOnHand('WH-A', 5);
    cli.setOnHand('WH-B', 7);
    await Promise.all([sync.flush(), cli.flush()]);
    sync.applyOrder('amz', order({ id: 'O1', store: 'DE', lines: [{ sku: 'A', quantity: 1 }] }));
    cli.adjustOnHand('WH-A', 3);
    await Promise.all([sync.flush(), cli.flush()]);
    const fresh = new StockLedger({ store: fileLedgerStore(file) });
    expect([fresh.onHand('WH-A'), fresh.onHand('WH-B')]).toEqual([8, 7]);
    expect(fresh.exceptions()).toHaveLength(1);
  });

  it('refresh() adopts another process’s commit and announces a full reload', async () => {
    const file = tmpFile();
    const sync = new StockLedger({ store: fileLedgerStore(file) });
    const changes: LedgerChange[] = [];
    sync.subscribe((c) => changes.push(c));
    const cli = new StockLedger({ store: fileLedgerStore(file) });
    cli.setOnHand('WH-A', 4);
    await cli.flush();
    expect(await sync.refresh()).toBe(true);
    expect(sync.onHand('WH-A')).toBe(4);
    expect(changes.at(-1)).toMatchObject({ kind: 'reload', all: true });
    expect(await sync.refresh()).toBe(false);
  });

  it('a corrupt file is a ValidationError naming the file and field', () => {
    const file = tmpFile();
    writeFileSync(file, JSON.stringify({ v: 1, version: 'x' }));
    expect(() => new StockLedger({ store: fileLedgerStore(file) })).toThrow(expect.objectContaining({ code: 'VALIDATION', path: `${file}.version` }));
  });

  it('memory stores can be shared by two ledgers like a file', async () => {
    const store = memoryLedgerStore();
    const a = new StockLedger({ store });
    const b = new StockLedger({ store });
    a.setOnHand('X', 1);
    b.setOnHand('Y', 2);
    await a.flush();
    await b.flush();
    expect([b.onHand('X'), b.onHand('Y')]).toEqual([1, 2]);
  });

  it('prune() forgets finished orders and ignores versions from before the horizon', () => {
    const t = Date.UTC(2026, 0, 1);
    const l = new StockLedger({ now: () => t + 40 * 86_400_000 });
    l.setOnHand('WH', 5);
    l.map('amz:DE', 'A', { sku: 'WH' });
    l.applyOrder('amz', order({ id: 'DONE', store: 'DE', status: 'shipped', updatedAt: t, lines: [{ sku: 'A', quantity: 1 }] }));
    l.applyOrder('amz', order({ id: 'OPEN', store: 'DE', updatedAt: t, lines: [{ sku: 'A', quantity: 1 }] }));
    l.prune();
    expect(Object.keys(l.snapshot().orders.amz!)).toEqual(['OPEN']);
    expect(l.applyOrder('amz', order({ id: 'DONE', store: 'DE', status: 'shipped', updatedAt: t, lines: [{ sku: 'A', quantity: 1 }] })).applied).toBe(false);
    // Shipped before the on-hand count was taken: the count already reflects it.
    expect(l.onHand('WH')).toBe(5);
  });
});
