import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { StockLedger, ValidationError, memoryLedgerStore, MemoryBulkJournal } from '../../../src/index.js';
import { assertOnlyValidation, assertOnlyValidationAsync, hostile, hostileOr, RUNS, runsFor } from './harness.js';

const PROTO = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__'];
const key = fc.oneof(fc.constantFrom('TEE-1', ...PROTO), fc.string({ maxLength: 6 }), hostile);
const storeRef = fc.oneof(fc.constantFrom('shop:US', 'constructor:US', 'shop:__proto__', '__proto__:x', 'shop:constructor'), hostile);
const ORDER = {
  id: 'O-1', store: 'US', status: 'unshipped', holds: [], fulfilledBy: 'merchant', updatedAt: { utc: '2026-03-01T12:00:00.000Z' },
  lines: [{ lineId: 'L1', sku: 'TEE-1', quantity: 1, shippedQuantity: 0, cancelledQuantity: 0 }],
};
const few = runsFor(4);

function ledger() {
  const l = new StockLedger();
  l.setOnHand('TEE-1', 5);
  l.map('shop:US', 'TEE-1', { sku: 'TEE-1' });
  return l;
}

describe('fuzz: the stock ledger only ever throws ValidationError with a path (issue 12.3)', () => {
  it('writes: setOnHand / adjustOnHand / map / unmap / policy / applyOrder / acknowledge / prune', () => {
    const l = ledger();
    assertOnlyValidation([key, hostile, hostileOr({ asOf: '2026-03-01T00:00:00Z' })], (s, q, o) => l.setOnHand(s as never, q as never, o as never));
    assertOnlyValidation([key, hostile], (s, d) => l.adjustOnHand(s as never, d as never));
    assertOnlyValidation([storeRef, key, hostileOr({ bundle: [{ sku: 'TEE-1', qty: 2 }] })], (s, k, t) => l.map(s as never, k as never, t as never));
    assertOnlyValidation([storeRef, key], (s, k) => l.unmap(s as never, k as never));
    assertOnlyValidation([storeRef, hostileOr({ safetyStock: 1, cap: 3, paused: false })], (s, p) => l.policy(s as never, p as never));
    assertOnlyValidation([fc.oneof(fc.constantFrom('shop', ...PROTO), hostile), hostileOr(ORDER)], (a, o) => l.applyOrder(a as never, o as never));
    assertOnlyValidation([key], (id) => l.acknowledge(id as never), { runs: few });
    assertOnlyValidation([hostile], (b) => l.prune(b as never), { runs: few });
  });

  it('reads: onHand / reserved / free / available / quote / policyOf / confirmed / exceptions', () => {
    const l = ledger();
    for (const read of ['onHand', 'reserved', 'free'] as const) assertOnlyValidation([key], (s) => l[read](s as never), { runs: few });
    assertOnlyValidation([storeRef, key, hostile], (s, k, r) => l.available(s as never, k as never, r as never));
    assertOnlyValidation([hostileOr({ account: 'shop', store: 'US', sku: 'TEE-1' }), hostile], (t, r) => l.quote(t as never, r as never));
    assertOnlyValidation([storeRef], (s) => l.policyOf(s as never), { runs: few });
    assertOnlyValidation([hostileOr({ account: 'shop', store: 'US', sku: 'TEE-1' })], (t) => l.confirmed(t as never), { runs: few });
    assertOnlyValidation([hostile], (f) => l.exceptions(f as never), { runs: few });
    assertOnlyValidation([hostileOr({ store: memoryLedgerStore() })], (o) => new StockLedger(o as never), { runs: few });
  });

  it('prototype-named ids never corrupt the ledger', () => {
    const l = ledger();
    for (const k of PROTO) {
      expect(() => l.map('shop:US', k, { sku: 'TEE-1' })).toThrow(ValidationError);
      expect(() => l.setOnHand(k, 1)).toThrow(ValidationError);
      expect(() => l.applyOrder(k, ORDER)).toThrow(ValidationError);
      expect(() => l.applyOrder('shop', { ...ORDER, id: k })).toThrow(ValidationError);
    }
    expect(l.available('shop:US', 'TEE-1')).toBe(5);
    expect(l.mappings()).toHaveLength(1);
  });

  it('bulk journal store', async () => {
    // Checkpoint and push-journal stores belong to the order-sync / inventory work (see the report).
    const bj = new MemoryBulkJournal();
    await assertOnlyValidationAsync([hostileOr({ store: 'shop:US', sku: 'TEE-1', outcome: 'done' })], (e) => bj.append(e as never), { runs: few });
  });
});
