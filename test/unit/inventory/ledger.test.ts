import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../src/errors/classes.js';
import { StockLedger } from '../../../src/inventory/index.js';
import { order } from './doubles.js';

const T0 = Date.UTC(2026, 0, 1);

function ledger() {
  const l = new StockLedger({ now: () => T0 });
  l.setOnHand('WH-TEE', 10, { asOf: T0 - 1 });
  l.map('amz:DE', 'TEE', { sku: 'WH-TEE' });
  return l;
}

describe('reservations', () => {
  it('the same order imported twice reserves once', () => {
    const l = ledger();
    const o = order({ id: 'O1', store: 'DE', lines: [{ sku: 'TEE', quantity: 3 }] });
    expect(l.applyOrder('amz', o).applied).toBe(true);
    l.applyOrder('amz', o);
    l.applyOrder('amz', structuredClone(o));
    expect(l.reserved('WH-TEE')).toBe(3);
    expect(l.available('amz:DE', 'TEE')).toBe(7);
  });

  it('cancellation releases, whole order or per line', () => {
    const l = ledger();
    l.applyOrder('amz', order({ id: 'O1', store: 'DE', updatedAt: T0, lines: [{ sku: 'TEE', quantity: 4 }] }));
    l.applyOrder('amz', order({ id: 'O1', store: 'DE', updatedAt: T0 + 1, lines: [{ sku: 'TEE', quantity: 4, cancelled: 1 }] }));
    expect(l.reserved('WH-TEE')).toBe(3);
    l.applyOrder('amz', order({ id: 'O1', store: 'DE', status: 'cancelled', updatedAt: T0 + 2, lines: [{ sku: 'TEE', quantity: 4, cancelled: 1 }] }));
    expect(l.reserved('WH-TEE')).toBe(0);
    expect(l.onHand('WH-TEE')).toBe(10);
  });

  it('shipment consumes: the reservation goes and on-hand drops once', () => {
    const l = ledger();
    l.applyOrder('amz', order({ id: 'O1', store: 'DE', updatedAt: T0, lines: [{ sku: 'TEE', quantity: 3 }] }));
    l.applyOrder('amz', order({ id: 'O1', store: 'DE', status: 'partially_shipped', updatedAt: T0 + 1, lines: [{ sku: 'TEE', quantity: 3, shipped: 1 }] }));
    expect([l.onHand('WH-TEE'), l.reserved('WH-TEE')]).toEqual([9, 2]);
    const shipped = order({ id: 'O1', store: 'DE', status: 'shipped', updatedAt: T0 + 2, lines: [{ sku: 'TEE', quantity: 3 }] });
    l.applyOrder('amz', shipped);
    l.applyOrder('amz', shipped);
    expect([l.onHand('WH-TEE'), l.reserved('WH-TEE'), l.free('WH-TEE')]).toEqual([7, 0, 7]);
  });

  it('an older version redelivered after a newer one changes nothing', () => {
    const l = ledger();
    l.applyOrder('amz', order({ id: 'O1', store: 'DE', status: 'cancelled', updatedAt: T0 + 5, lines: [{ sku: 'TEE', quantity: 2 }] }));
    const r = l.applyOrder('amz', order({ id: 'O1', store: 'DE', updatedAt: T0, lines: [{ sku: 'TEE', quantity: 2 }] }));
    expect(r.applied).toBe(false);
    expect(l.reserved('WH-TEE')).toBe(0);
  });

  it('a WMS count taken after the shipment already reflects it (no double decrement)', () => {
    const l = ledger();
    l.applyOrder('amz', order({ id: 'O1', store: 'DE', updatedAt: T0, lines: [{ sku: 'TEE', quantity: 2 }] }));
    l.setOnHand('WH-TEE', 8, { asOf: T0 + 10 }); // picked and shipped, counted
    l.applyOrder('amz', order({ id: 'O1', store: 'DE', status: 'shipped', updatedAt: T0 + 5, lines: [{ sku: 'TEE', quantity: 2 }] }));
    expect([l.onHand('WH-TEE'), l.reserved('WH-TEE')]).toEqual([8, 0]);
  });

  it('marketplace-fulfilled orders never touch the warehouse; unmapped lines are exceptions once', () => {
    const l = ledger();
    expect(l.applyOrder('amz', order({ id: 'F1', store: 'DE', fulfilledBy: 'marketplace', lines: [{ sku: 'TEE', quantity: 5 }] })).applied).toBe(false);
    expect(l.reserved('WH-TEE')).toBe(0);
    const r = l.applyOrder('amz', order({ id: 'U1', store: 'DE', lines: [{ sku: 'MUG', quantity: 1 }] }));
    l.applyOrder('amz', order({ id: 'U2', store: 'DE', lines: [{ sku: 'MUG', quantity: 1 }] }));
    expect(r.unmapped).toHaveLength(1);
    expect(l.exceptions({ kind: 'unmapped' })).toHaveLength(1);
    // Mapped later: the next version of the order reserves.
    l.map('amz:DE', 'MUG', { sku: 'WH-TEE' });
    l.applyOrder('amz', order({ id: 'U1', store: 'DE', updatedAt: T0 + 1, lines: [{ sku: 'MUG', quantity: 1 }] }));
    expect(l.reserved('WH-TEE')).toBe(1);
  });

  it('records an oversell when the last unit is sold twice', () => {
    const l = ledger();
    l.setOnHand('WH-TEE', 1);
    l.map('shp:SG', 'SG-TEE', { sku: 'WH-TEE' });
    expect(l.applyOrder('amz', order({ id: 'A', store: 'DE', lines: [{ sku: 'TEE', quantity: 1 }] })).oversells).toEqual([]);
    const r = l.applyOrder('shp', order({ id: 'B', store: 'SG', lines: [{ sku: 'SG-TEE', quantity: 1 }] }));
    expect(r.oversells).toMatchObject([{ kind: 'oversell', sku: 'WH-TEE', store: 'shp:SG', orderId: 'B', shortBy: 1, units: 1 }]);
    expect(l.free('WH-TEE')).toBe(-1);
    expect([l.available('amz:DE', 'TEE'), l.available('shp:SG', 'SG-TEE')]).toEqual([0, 0]);
    l.acknowledge(r.oversells[0]!.id);
    expect(l.exceptions({ open: true })).toEqual([]);
  });
});

describe('available to sell', () => {
  it('bundles and packs divide by units per listing, the scarcest component wins', () => {
    const l = ledger();
    l.setOnHand('WH-CAP', 3);
    l.map('shp:SG', 'PACK-2', { sku: 'WH-TEE', qty: 2 });
    l.map('shp:SG', 'SET', { bundle: [{ sku: 'WH-TEE', qty: 2 }, { sku: 'WH-CAP', qty: 1 }] });
    expect(l.available('shp:SG', 'PACK-2')).toBe(5);
    expect(l.available('shp:SG', 'SET')).toBe(3);
    // One set sold: 2 tees + 1 cap reserved.
    l.applyOrder('shp', order({ id: 'S1', store: 'SG', lines: [{ sku: 'SET', quantity: 1 }] }));
    expect([l.reserved('WH-TEE'), l.reserved('WH-CAP')]).toEqual([2, 1]);
    expect([l.available('amz:DE', 'TEE'), l.available('shp:SG', 'PACK-2'), l.available('shp:SG', 'SET')]).toEqual([8, 4, 2]);
  });

  it('a bundle mapping freezes its components for existing reservations', () => {
    const l = ledger();
    l.map('shp:SG', 'SET', { bundle: [{ sku: 'WH-TEE', qty: 2 }] });
    l.applyOrder('shp', order({ id: 'S1', store: 'SG', updatedAt: T0, lines: [{ sku: 'SET', quantity: 1 }] }));
    l.map('shp:SG', 'SET', { bundle: [{ sku: 'WH-TEE', qty: 3 }] });
    l.applyOrder('shp', order({ id: 'S1', store: 'SG', status: 'cancelled', updatedAt: T0 + 1, lines: [{ sku: 'SET', quantity: 1 }] }));
    expect(l.reserved('WH-TEE')).toBe(0);
  });

  it('safety stock and caps apply per store and the result is never negative', () => {
    const l = ledger();
    l.map('shp:SG', 'SG-TEE', { sku: 'WH-TEE' });
    l.map('shp:SG', 'SG-PACK', { sku: 'WH-TEE', qty: 2 });
    l.policy('shp:SG', { safetyStock: 3, cap: 4 });
    expect([l.available('amz:DE', 'TEE'), l.available('shp:SG', 'SG-TEE'), l.available('shp:SG', 'SG-PACK')]).toEqual([10, 4, 3]);
    l.policy('shp:SG', { cap: null });
    expect(l.available('shp:SG', 'SG-TEE')).toBe(7);
    l.setOnHand('WH-TEE', 2);
    expect(l.available('shp:SG', 'SG-TEE')).toBe(0);
    expect(l.policyOf('shp:SG')).toEqual({ safetyStock: 3, paused: false });
  });
});

describe('validation', () => {
  it('names the bad field', () => {
    const l = ledger();
    const err = (f: () => void) => {
      try {
        f();
      } catch (e) {
        return e as ValidationError;
      }
      throw new Error('no error');
    };
    expect(err(() => l.setOnHand('WH', -1)).path).toBe('quantity');
    expect(err(() => l.setOnHand('', 1)).path).toBe('sku');
    expect(err(() => l.map('amzDE', 'X', { sku: 'WH' })).path).toBe('store');
    expect(err(() => l.map('amz:DE', 'X', { bundle: [] })).path).toContain('target');
    expect(err(() => l.policy('amz:DE', { safetyStock: 1.5 })).path).toBe('policy.safetyStock');
    const bad = order({ id: 'O', store: 'DE', lines: [{ sku: 'TEE', quantity: 1 }] }) as { lines: Array<{ quantity: number }> };
    bad.lines[0]!.quantity = -2;
    expect(err(() => l.applyOrder('amz', bad)).path).toBe('order.lines[0].quantity');
    expect(err(() => l.applyOrder('amz', bad))).toBeInstanceOf(ValidationError);
  });
});
