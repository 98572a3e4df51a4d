import type { OrderWire } from './order.js';

/**
 * A hand-written twin of OrderWireSchema for the hot path (issue 15.9: zod per record cost twice
 * JSON.parse). It accepts exactly what the schema accepts (test/adapters/shopee/order-check.test.ts
 * compares them on mutated records) and returns the record itself, defaults filled, without
 * copying; anything it rejects is re-parsed by zod for the exact issues of the quarantine report.
 */
type Rec = Record<string, unknown>;

const isObj = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);
const num = (v: unknown) => typeof v === 'number' && Number.isFinite(v);
const int = (v: unknown) => typeof v === 'number' && Number.isSafeInteger(v);
const id = (v: unknown) => typeof v === 'string' || num(v);
const opt = (v: unknown, ok: (x: unknown) => boolean) => v === undefined || ok(v);
const optNull = (v: unknown, ok: (x: unknown) => boolean) => v === undefined || v === null || ok(v);
const str = (v: unknown) => typeof v === 'string';
const bool = (v: unknown) => typeof v === 'boolean';

const ADDRESS_FIELDS = ['name', 'phone', 'town', 'district', 'city', 'state', 'region', 'zipcode', 'full_address'];
const OPTIONAL_STRINGS = ['region', 'shipping_carrier', 'cancel_by', 'cancel_reason', 'buyer_cancel_reason', 'fulfillment_flag', 'booking_sn'];

function itemOk(i: unknown): boolean {
  if (!isObj(i)) return false;
  return id(i.item_id) && id(i.model_id) && int(i.model_quantity_purchased) && (i.model_quantity_purchased as number) >= 0
    && opt(i.item_name, str) && opt(i.item_sku, str) && opt(i.model_name, str) && opt(i.model_sku, str)
    && opt(i.model_original_price, (v) => num(v) || str(v)) && opt(i.model_discounted_price, (v) => num(v) || str(v))
    && opt(i.order_item_id, id) && optNull(i.promotion_group_id, id) && opt(i.cancelled_qty, int) && opt(i.returned_qty, int);
}

function packageItemOk(i: unknown): boolean {
  return isObj(i) && id(i.item_id) && id(i.model_id) && opt(i.model_quantity, int) && opt(i.order_item_id, id) && optNull(i.promotion_group_id, id);
}

function packageOk(p: unknown): boolean {
  if (!isObj(p) || !str(p.package_number) || !opt(p.logistics_status, str) || !optNull(p.logistics_channel_id, id) || !opt(p.shipping_carrier, str)) return false;
  return p.item_list === undefined || (Array.isArray(p.item_list) && p.item_list.every(packageItemOk));
}

function addressOk(a: unknown): boolean {
  if (a === undefined || a === null) return true;
  if (!isObj(a)) return false;
  for (const f of ADDRESS_FIELDS) if (!optNull(a[f], str)) return false;
  return true;
}

/** The record as OrderWire when it is valid, else undefined. */
export function checkOrderWire(raw: unknown): OrderWire | undefined {
  if (!isObj(raw)) return undefined;
  const r = raw;
  if (!str(r.order_sn) || !(r.order_sn as string).length || !str(r.currency) || !/^[A-Z]{3}$/.test(r.currency as string)) return undefined;
  if (!str(r.order_status) || !(r.order_status as string).length || !int(r.create_time) || !int(r.update_time)) return undefined;
  if (!opt(r.cod, bool) || !opt(r.days_to_ship, num) || !optNull(r.ship_by_date, num) || !optNull(r.pay_time, num) || !opt(r.total_amount, (v) => num(v) || str(v))) return undefined;
  for (const f of OPTIONAL_STRINGS) if (!opt(r[f], str)) return undefined;
  if (!opt(r.split_up, bool) || !opt(r.can_partial_cancel_order, bool) || !optNull(r.buyer_username, str) || !optNull(r.buyer_user_id, id)) return undefined;
  if (!addressOk(r.recipient_address)) return undefined;
  if (r.item_list !== undefined && !(Array.isArray(r.item_list) && r.item_list.every(itemOk))) return undefined;
  if (r.package_list !== undefined && !(Array.isArray(r.package_list) && r.package_list.every(packageOk))) return undefined;
  // Defaults of the schema: missing lists are empty.
  let out = r;
  if (r.item_list === undefined || r.package_list === undefined) out = { ...r, item_list: r.item_list ?? [], package_list: r.package_list ?? [] };
  const pkgs = out.package_list as Rec[];
  if (pkgs.some((p) => p.item_list === undefined)) out = { ...out, package_list: pkgs.map((p) => (p.item_list === undefined ? { ...p, item_list: [] } : p)) };
  return out as OrderWire;
}
