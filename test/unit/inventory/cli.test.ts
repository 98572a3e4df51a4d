import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  formatStockView, formatInventoryReport, openLedger, parseComponents, StockLedger, stockMap, stockPolicy, stockSet, stockShow, stockSync,
} from '../../../src/inventory/index.js';
import { memoryMarketplace, order } from './doubles.js';

describe('stock CLI functions', () => {
  it('set (absolute or delta, argv strings), map (item, pack, bundle, unmap), policy', async () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'xb-cli-')), 'stock.json');
    const ledger = openLedger(file);
    expect(stockSet(ledger, { sku: 'WH-TEE', quantity: '40' })).toEqual({ sku: 'WH-TEE', onHand: 40, reserved: 0, free: 40 });
    expect(stockSet(ledger, { sku: 'WH-TEE', delta: '-5' }).onHand).toBe(35);
    expect(stockMap(ledger, { store: 'amazonEU:DE', marketplaceSku: 'TEE', to: 'WH-TEE' })).toMatchObject({ components: [{ sku: 'WH-TEE', qty: 1 }], fulfilledBy: 'merchant' });
    expect(stockMap(ledger, { store: 'shopeeSG:SG', marketplaceSku: 'SET', to: 'WH-TEE:2, WH-CAP' })!.components).toEqual([{ sku: 'WH-TEE', qty: 2 }, { sku: 'WH-CAP', qty: 1 }]);
    expect(stockMap(ledger, { store: 'shopeeSG:SG', marketplaceSku: 'SET', unmap: true })).toBeUndefined();
    expect(stockPolicy(ledger, { store: 'amazonEU:DE', safetyStock: '2', cap: '20' })).toEqual({ safetyStock: 2, cap: 20, paused: false });
    expect(stockPolicy(ledger, { store: 'amazonEU:DE', cap: 'none' })).toEqual({ safetyStock: 2, paused: false });
    await ledger.flush();
    expect(openLedger(file).available('amazonEU:DE', 'TEE')).toBe(33);
  });

  it('reject bad input naming the argument', () => {
    const ledger = new StockLedger();
    expect(() => stockSet(ledger, { sku: 'A' })).toThrow(expect.objectContaining({ path: 'quantity' }));
    expect(() => stockSet(ledger, { sku: 'A', quantity: 'lots' })).toThrow(expect.objectContaining({ path: 'quantity' }));
    expect(() => parseComponents('WH-A:0')).toThrow(expect.objectContaining({ path: 'to[0].qty' }));
    expect(() => stockMap(ledger, { store: 'amazonEU', marketplaceSku: 'X', to: 'Y' })).toThrow(expect.objectContaining({ path: 'store' }));
  });

  it('show lists each warehouse SKU with its listings, per-marketplace rules, and open exceptions', () => {
    const ledger = new StockLedger();
    ledger.setOnHand('WH-TEE', 5);
    ledger.map('shp:SG', 'SG-TEE', { sku: 'WH-TEE' });
    ledger.map('shp:SG', 'SG-PACK', { sku: 'WH-TEE', qty: 2 });
    ledger.map('amz:DE', 'TEE-FBA', { sku: 'WH-TEE', fulfilledBy: 'marketplace' });
    ledger.applyOrder('shp', order({ id: 'S1', store: 'SG', status: 'pending', lines: [{ sku: 'SG-TEE', quantity: 1 }, { sku: 'MUG', quantity: 1 }] }));
    const shp = memoryMarketplace({ marketplace: 'shopee', stores: ['SG'], quantity: { includesReserved: true } });
    const view = stockShow(ledger, { accounts: { shp: shp.adapter } });
    expect(view.skus).toEqual([
      {
        sku: 'WH-TEE', onHand: 5, reserved: 1, free: 4,
        listings: [
          { store: 'shp:SG', marketplaceSku: 'SG-TEE', unitsPerListing: 1, available: 5 },
          { store: 'shp:SG', marketplaceSku: 'SG-PACK', unitsPerListing: 2, available: 2 },
          { store: 'amz:DE', marketplaceSku: 'TEE-FBA', unitsPerListing: 1, available: undefined },
        ],
      },
    ]);
    const text = formatStockView(view);
    expect(text).toContain('shp:SG SG-PACK (×2)');
    expect(text).toContain('read-only');
    expect(text).toMatch(/UNMAPPED shp:SG MUG/);
  });

  it('sync returns the report and an exit code', async () => {
    const ledger = new StockLedger();
    ledger.setOnHand('WH-A', 3);
    ledger.map('amz:DE', 'A', { sku: 'WH-A' });
    const amz = memoryMarketplace({ marketplace: 'amazon', stores: ['DE'] });
    const { report, exitCode } = await stockSync(ledger, { amz: amz.adapter });
    expect(exitCode).toBe(0);
    expect(formatInventoryReport(report)).toMatch(/amz:DE\s+1\s+0/);
  });
});
