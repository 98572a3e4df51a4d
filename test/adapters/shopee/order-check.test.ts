import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkOrderWire } from '../../../adapters/shopee/schemas/order-check.js';
import { OrderWireSchema } from '../../../adapters/shopee/schemas/order.js';
import { parseOrderPage } from '../../../adapters/shopee/mappers/order-page.js';
import { fixture } from './helpers.js';

const VND = fixture('get_order_detail.vnd.json').response.order_list[0];

/** Paths into the record the schemas look at, and values that are valid for some fields and not others. */
const PATHS = [
  ['order_sn'], ['currency'], ['order_status'], ['create_time'], ['update_time'], ['cod'], ['days_to_ship'], ['ship_by_date'], ['pay_time'], ['total_amount'],
  ['region'], ['buyer_username'], ['buyer_user_id'], ['split_up'], ['booking_sn'], ['recipient_address'], ['recipient_address', 'name'], ['recipient_address', 'phone'],
  ['item_list'], ['item_list', 0], ['item_list', 0, 'item_id'], ['item_list', 0, 'model_id'], ['item_list', 0, 'model_quantity_purchased'], ['item_list', 0, 'model_original_price'],
  ['item_list', 0, 'promotion_group_id'], ['item_list', 0, 'cancelled_qty'], ['item_list', 0, 'model_sku'], ['package_list'], ['package_list', 0, 'package_number'],
  ['package_list', 0, 'logistics_channel_id'], ['package_list', 0, 'item_list'], ['package_list', 0, 'item_list', 0, 'model_quantity'],
] as const;
const VALUES = [undefined, null, '', 'VND', 'x', '12.5', 0, -1, 1.5, 1712601591, true, false, [], {}, [{}], { name: 'a' }, Number.MAX_SAFE_INTEGER + 2];

function mutate(base: unknown, path: readonly (string | number)[], value: unknown): unknown {
  const copy = structuredClone(base) as Record<string | number, unknown>;
  let at: Record<string | number, unknown> | undefined = copy;
  for (const k of path.slice(0, -1)) {
    const next = at?.[k];
    if (typeof next !== 'object' || next === null) return copy;
    at = next as Record<string | number, unknown>;
  }
  const last = path[path.length - 1]!;
  // A missing key is deleted; an array slot is set (JSON has no holes).
  if (value === undefined && !Array.isArray(at)) delete at![last];
  else at![last] = value;
  return copy;
}

describe('the fast order check accepts exactly what OrderWireSchema accepts', () => {
  it('agrees with zod on thousands of mutated records (up to three mutations each)', () => {
    const mutation = fc.tuple(fc.constantFrom(...PATHS), fc.constantFrom(...VALUES));
    fc.assert(fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (ms) => {
      let rec: unknown = VND;
      for (const [p, v] of ms) rec = mutate(rec, p, v);
      const fast = checkOrderWire(structuredClone(rec));
      const slow = OrderWireSchema.safeParse(structuredClone(rec));
      expect(fast !== undefined).toBe(slow.success);
      if (fast && slow.success) expect(fast).toEqual(slow.data);
    }), { numRuns: 3000 });
  });

  it('a rejected record is quarantined with zod\'s own issues', () => {
    const { items, quarantined } = parseOrderPage([VND, { ...VND, order_sn: 'BAD', create_time: 'yesterday' }]);
    expect(items).toHaveLength(1);
    expect(quarantined).toEqual([{ index: 1, recordId: 'BAD', issues: [{ path: 'create_time', message: expect.any(String) }] }]);
  });
});
