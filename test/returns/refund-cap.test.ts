import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/errors/classes.js';
import { OrderSchema, type Order } from '../../src/model/order.js';
import { checkRefund, paidForLine } from '../../src/returns/refund-cap.js';
import { RefundRequestSchema } from '../../src/returns/schemas.js';

const at = { utc: '2026-11-01T10:00:00.000Z', raw: '2026-11-01T10:00:00.000Z' };
const EUR = (amount: number) => ({ amount, currency: 'EUR' as const });

/** Two lines: 2 × 10.00 with a 2.00 discount (paid 18.00), 1 × 5.00 tax-exclusive + 1.00 tax (paid 6.00); shipping 4.00. */
function order(): Order {
  return OrderSchema.parse({
    id: 'O-1', marketplace: 'test', store: 'S', status: 'shipped', marketplaceStatus: 'FULFILLED', shippable: false,
    createdAt: at, updatedAt: at, fulfilledBy: 'merchant',
    lines: [
      { lineId: 'L1', quantity: 2, unitPrice: EUR(1000), taxInclusive: true, discounts: [{ kind: 'promotion', amount: EUR(200) }] },
      { lineId: 'L2', quantity: 1, unitPrice: EUR(500), taxInclusive: false },
    ],
    taxes: [{ kind: 'VAT', amount: EUR(100), collectedBy: 'seller', lineId: 'L2' }],
    totals: { charged: EUR(2800), shipping: EUR(400) },
    currencies: { buyer: 'EUR' },
  });
}

const req = (r: unknown) => RefundRequestSchema.parse(r);
const refused = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    return (e as ValidationError).path;
  }
  throw new Error('expected a ValidationError');
};

describe('paidForLine', () => {
  it('is unit price × quantity − discounts (+ tax when tax-exclusive), prorated per unit', () => {
    const o = order();
    expect(paidForLine(o, o.lines[0]!)).toEqual(EUR(1800));
    expect(paidForLine(o, o.lines[0]!, 1)).toEqual(EUR(900));
    expect(paidForLine(o, o.lines[1]!)).toEqual(EUR(600));
  });
});

describe('checkRefund', () => {
  it('resolves lines by quantity to what was paid for them', () => {
    expect(checkRefund({ marketplace: 'test', order: order(), request: req({ lines: [{ lineId: 'L1', quantity: 1 }] }) })).toEqual({ lines: [{ lineId: 'L1', quantity: 1, amount: EUR(900) }], amount: EUR(900) });
  });

  it('refuses a line amount above what was paid for that line', () => {
    expect(refused(() => checkRefund({ marketplace: 'test', order: order(), request: req({ lines: [{ lineId: 'L1', quantity: 1, amount: EUR(901) }] }) }))).toBe('request.lines[0].amount');
  });

  it('refuses more units than the line (or the return) has, and unknown lines', () => {
    expect(refused(() => checkRefund({ marketplace: 'test', order: order(), request: req({ lines: [{ lineId: 'L1', quantity: 3 }] }) }))).toBe('request.lines[0].quantity');
    expect(refused(() => checkRefund({ marketplace: 'test', order: order(), request: req({ lines: [{ lineId: 'L1', quantity: 2 }] }), scope: [{ lineId: 'L1', quantity: 1 }] }))).toBe('request.lines[0].quantity');
    expect(refused(() => checkRefund({ marketplace: 'test', order: order(), request: req({ lines: [{ lineId: 'L9' }] }) }))).toBe('request.lines[0].lineId');
  });

  it('bounds an amount on a return by its lines plus shipping, and by what remains of the order', () => {
    const scope = [{ lineId: 'L1', quantity: 1 }];
    expect(checkRefund({ marketplace: 'test', order: order(), request: req({ amount: EUR(1300) }), scope }).amount).toEqual(EUR(1300));
    expect(refused(() => checkRefund({ marketplace: 'test', order: order(), request: req({ amount: EUR(1301) }), scope }))).toBe('request.amount');
    expect(refused(() => checkRefund({ marketplace: 'test', order: order(), request: req({ amount: EUR(2801) }) }))).toBe('request.amount');
    expect(refused(() => checkRefund({ marketplace: 'test', order: order(), request: req({ amount: EUR(1000) }), alreadyRefunded: EUR(1900) }))).toBe('request.amount');
  });

  it('refuses another currency than the order was paid in', () => {
    expect(refused(() => checkRefund({ marketplace: 'test', order: order(), request: req({ amount: { amount: 100, currency: 'USD' } }) }))).toBe('request.amount.currency');
  });

  it('needs exactly one of lines or amount, and a positive amount', () => {
    expect(RefundRequestSchema.safeParse({}).success).toBe(false);
    expect(RefundRequestSchema.safeParse({ amount: EUR(0) }).success).toBe(false);
    expect(RefundRequestSchema.safeParse({ amount: EUR(1), lines: [{ lineId: 'L1' }] }).success).toBe(false);
    expect(RefundRequestSchema.parse({ amount: { amount: '1.50', currency: 'EUR' } }).amount).toEqual(EUR(150));
  });
});
