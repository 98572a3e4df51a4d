import { z } from 'zod';
import { registerPii } from '../../../src/errors/index.js';
import { fromWire, type Money } from '../../../src/model/money.js';
import type { Order, OrderHold, OrderLine, OrderStatus } from '../../../src/model/order.js';
import type { Address } from '../../../src/model/address.js';
import { listOf } from '../operations.js';
import { endOutcome, type EndOutcome } from './end-reason.js';
import { pacificToUtc } from './time.js';

const id = z.union([z.number().int().nonnegative(), z.string().regex(/^\d+$/)]).transform(String);
const count = z.union([z.number().int().nonnegative(), z.string().regex(/^\d+$/).transform(Number)]);
const time = z.union([z.string().min(1), z.number()]);
/** SimpleMoney / GlobalMoneyStr: decimal string `amount` (or `amount_str`) + currency (research E). */
const WireMoney = z.looseObject({ amount: z.string().optional(), amount_str: z.string().optional(), currency_code: z.string().regex(/^[A-Z]{3}$/) })
  .refine((m) => (m.amount ?? m.amount_str) !== undefined, 'money without amount');

/** Money parsed exactly from its decimal string at the edge (never float math). */
export function moneyOf(m: z.output<typeof WireMoney> | undefined): Money | undefined {
  return m ? fromWire((m.amount ?? m.amount_str)!, m.currency_code) : undefined;
}

const ListLine = z.looseObject({
  child_id: id, product_id: id.optional(), sku_code: z.string().optional(), product_name: z.string().optional(),
  product_count: count, product_unit_price: WireMoney.optional(),
});
export const OrderDtoSchema = z.looseObject({
  order_id: id, order_status: z.string().min(1), gmt_create: time, gmt_update: time.optional(),
  end_reason: z.string().optional(), logistics_status: z.string().optional(), pay_amount: WireMoney.optional(),
  buyer_login_id: z.string().optional(), buyer_signer_fullname: z.string().optional(),
  product_list: listOf.pipe(z.array(ListLine)),
});
export type OrderDto = z.output<typeof OrderDtoSchema>;

const DetailLine = z.looseObject({
  id: id, product_id: id.optional(), sku_code: z.string().optional(), product_name: z.string().optional(),
  product_count: count, product_price: WireMoney.optional(),
});
const Logistic = z.looseObject({ logistics_no: z.string().optional(), logistics_service_name: z.string().optional(), gmt_send: z.string().optional() });
const Receipt = z.looseObject({
  contact_person: z.string().optional(), detail_address: z.string().optional(), address: z.string().optional(), address2: z.string().optional(),
  city: z.string().optional(), province: z.string().optional(), zip: z.string().optional(), country: z.string().optional(),
  phone_number: z.string().optional(), mobile_no: z.string().optional(),
});
export const OrderDetailSchema = z.looseObject({
  id: id, order_status: z.string().min(1), gmt_create: time, gmt_modified: time.optional(), order_end_reason: z.string().optional(),
  logistics_status: z.string().optional(), order_amount: WireMoney.optional(), logistics_amount: WireMoney.optional(),
  child_order_list: listOf.pipe(z.array(DetailLine)),
  logistic_info_list: listOf.pipe(z.array(Logistic)).optional(),
  receipt_address: Receipt.optional(),
  buyer_info: z.looseObject({ first_name: z.string().optional(), last_name: z.string().optional(), login_id: z.string().optional() }).optional(),
  buyerloginid: z.string().optional(), buyer_signer_fullname: z.string().optional(),
});
export type OrderDetail = z.output<typeof OrderDetailSchema>;

const SHIPPABLE = new Set(['WAIT_SELLER_SEND_GOODS', 'SELLER_PART_SEND_GOODS']);

type Mapped = { status: OrderStatus; holds: OrderHold[]; outcome?: EndOutcome; warning?: string };

/** Every documented AliExpress order status (research B4; S15 adds the last three). */
export const AE_ORDER_STATUSES = [
  'PLACE_ORDER_SUCCESS', 'IN_CANCEL', 'WAIT_SELLER_SEND_GOODS', 'SELLER_PART_SEND_GOODS', 'WAIT_BUYER_ACCEPT_GOODS', 'FUND_PROCESSING',
  'IN_ISSUE', 'IN_FROZEN', 'WAIT_SELLER_EXAMINE_MONEY', 'RISK_CONTROL', 'FINISH', 'PAYMENT_PROCESSING', 'RISK_CONTROL_HOLD', 'ARCHIVE',
] as const;
type AeOrderStatus = (typeof AE_ORDER_STATUSES)[number];

const STATUS = {
  PLACE_ORDER_SUCCESS: { status: 'pending', holds: ['unpaid'] },
  RISK_CONTROL: { status: 'pending', holds: ['risk_hold'] },
  RISK_CONTROL_HOLD: { status: 'pending', holds: ['risk_hold'] },
  WAIT_SELLER_EXAMINE_MONEY: { status: 'pending', holds: ['marketplace_hold'] },
  IN_CANCEL: { status: 'unshipped', holds: ['pending_buyer_cancellation'] },
  WAIT_SELLER_SEND_GOODS: { status: 'unshipped', holds: [] },
  SELLER_PART_SEND_GOODS: { status: 'partially_shipped', holds: [] },
  WAIT_BUYER_ACCEPT_GOODS: { status: 'shipped', holds: [] },
  FUND_PROCESSING: { status: 'delivered', holds: [] },
  PAYMENT_PROCESSING: { status: 'delivered', holds: [] },
  IN_ISSUE: { status: 'unknown', holds: ['marketplace_hold'] },
  IN_FROZEN: { status: 'unknown', holds: ['marketplace_hold'] },
  FINISH: { status: 'delivered', holds: [] },
  ARCHIVE: { status: 'delivered', holds: [] },
} as const satisfies Record<AeOrderStatus, Mapped>;

const isAeStatus = (s: string): s is AeOrderStatus => (AE_ORDER_STATUSES as readonly string[]).includes(s);

/**
 * AliExpress order status → unified status and holds. FINISH/ARCHIVE cover completed, cancelled
 * and refunded orders alike: the end reason decides, through the explicit table of end-reason.ts
 * (completed → delivered, cancelled → cancelled, refunded → shipped with the lines refunded). A
 * finished order whose reason is missing or not in the table stays `unknown` with a warning;
 * unknown statuses map to `unknown` too (marketplaceStatus keeps the original either way).
 */
export function statusOf(s: string, endReason?: string): Mapped {
  if (!isAeStatus(s)) return { status: 'unknown', holds: [], warning: `order status ${s} is not a documented AliExpress status` };
  const m = STATUS[s];
  if (s !== 'FINISH' && s !== 'ARCHIVE') return { status: m.status, holds: [...m.holds] };
  const outcome = endOutcome(endReason);
  if (outcome === undefined) {
    return { status: 'unknown', holds: [], warning: `finished order with ${endReason ? `end reason ${endReason}, which is not in the documented table` : 'no end reason'}; status left as ${s}` };
  }
  return { status: outcome === 'completed' ? 'delivered' : outcome === 'cancelled' ? 'cancelled' : 'shipped', holds: [], outcome };
}

/** Unified statuses → the AliExpress statuses to query (FINISH only on request: research B4). */
export function aeStatusesFor(statuses: OrderStatus[]): string[] {
  const map: Record<OrderStatus, string[]> = {
    pending: ['PLACE_ORDER_SUCCESS', 'RISK_CONTROL', 'WAIT_SELLER_EXAMINE_MONEY'],
    unshipped: ['WAIT_SELLER_SEND_GOODS', 'IN_CANCEL'],
    partially_shipped: ['SELLER_PART_SEND_GOODS'],
    shipped: ['WAIT_BUYER_ACCEPT_GOODS'],
    delivered: ['FUND_PROCESSING', 'FINISH'],
    cancelled: ['FINISH'],
    unknown: ['IN_ISSUE', 'IN_FROZEN', 'FINISH'],
  };
  return [...new Set(statuses.flatMap((s) => map[s]))];
}

const variantIds = (productId?: string): Record<string, string> => (productId ? { productId } : {});
const instant = (raw: string | number) => ({ utc: pacificToUtc(raw), raw: String(raw) });

function base(idValue: string, store: string, account: string, status: string, endReason: string | undefined, created: string | number, updated: string | number | undefined) {
  const st = statusOf(status, endReason);
  return {
    id: idValue, marketplace: 'aliexpress', account, store, status: st.status, marketplaceStatus: status, holds: st.holds,
    shippable: SHIPPABLE.has(status), createdAt: instant(created), updatedAt: instant(updated ?? created), fulfilledBy: 'merchant' as const,
  };
}

/** What the end reason says about the lines: cancelled before shipment, or refunded after it. */
function endedLines(lines: OrderLine[], status: string, endReason: string | undefined): OrderLine[] {
  const st = statusOf(status, endReason);
  if (st.outcome === 'cancelled') return lines.map((l) => ({ ...l, cancelledQuantity: l.quantity }));
  if (st.outcome === 'refunded') return lines.map((l) => ({ ...l, returnedQuantity: l.quantity }));
  return lines;
}

/** Extra fields every mapped order carries: the end reason verbatim, its outcome, any warning. */
function endExtra(status: string, endReason: string | undefined): Record<string, unknown> {
  const st = statusOf(status, endReason);
  return { ...(endReason ? { endReason } : {}), ...(st.outcome ? { endOutcome: st.outcome } : {}), ...(st.warning ? { warnings: [st.warning] } : {}) };
}

export function orderFromList(o: OrderDto, store: string, account: string): Order {
  // Buyer identity in the list answer (specs/aliexpress/aliexpress_solution_order_get.json#target_list) is registered for redaction.
  registerPii(o.buyer_login_id);
  registerPii(o.buyer_signer_fullname);
  const lines: OrderLine[] = o.product_list.map((l) => ({
    lineId: l.child_id, sku: l.sku_code, title: l.product_name, variantIds: variantIds(l.product_id),
    quantity: l.product_count, shippedQuantity: 0, cancelledQuantity: 0, returnedQuantity: 0,
    unitPrice: moneyOf(l.product_unit_price), taxInclusive: false, discounts: [],
  }));
  const charged = moneyOf(o.pay_amount);
  return {
    ...base(o.order_id, store, account, o.order_status, o.end_reason, o.gmt_create, o.gmt_update), lines: endedLines(lines, o.order_status, o.end_reason), taxes: [],
    totals: charged ? { charged } : {}, currencies: charged ? { buyer: charged.currency } : undefined,
    extra: { logisticsStatus: o.logistics_status, ...endExtra(o.order_status, o.end_reason) },
  };
}

export function orderFromDetail(d: OrderDetail, store: string, account: string, includePii: boolean): Order {
  const lines: OrderLine[] = d.child_order_list.map((l) => ({
    lineId: l.id, sku: l.sku_code, title: l.product_name, variantIds: variantIds(l.product_id),
    quantity: l.product_count, shippedQuantity: 0, cancelledQuantity: 0, returnedQuantity: 0,
    unitPrice: moneyOf(l.product_price), taxInclusive: false, discounts: [],
  }));
  const charged = moneyOf(d.order_amount);
  const shipping = moneyOf(d.logistics_amount);
  const order: Order = {
    ...base(d.id, store, account, d.order_status, d.order_end_reason, d.gmt_create, d.gmt_modified), lines: endedLines(lines, d.order_status, d.order_end_reason), taxes: [],
    totals: { ...(charged ? { charged } : {}), ...(shipping ? { shipping } : {}) }, currencies: charged ? { buyer: charged.currency } : undefined,
    extra: { logisticsStatus: d.logistics_status, trackingNumbers: (d.logistic_info_list ?? []).map((x) => x.logistics_no).filter(Boolean), ...endExtra(d.order_status, d.order_end_reason) },
  };
  registerBuyer(d);
  if (includePii) {
    const r = d.receipt_address;
    const address = r?.country && /^[A-Z]{2}$/.test(r.country) ? addressOf(r as z.output<typeof Receipt> & { country: string }) : undefined;
    if (address) order.shippingAddress = address;
    const name = [d.buyer_info?.first_name, d.buyer_info?.last_name].filter(Boolean).join(' ');
    if (name) order.buyer = { name };
  }
  return order;
}

/**
 * Every piece of buyer data the detail carries is registered for redaction as soon as it is read,
 * whether or not the caller asked for PII: a later error may echo any of it (name parts, login id,
 * address lines, phones; buyer_info / receipt_address of specs/aliexpress/aliexpress_solution_order_info_get.json).
 */
function registerBuyer(d: OrderDetail): void {
  const b = d.buyer_info;
  const r = d.receipt_address;
  const first = b?.first_name;
  const last = b?.last_name;
  for (const v of [first, last, first && last ? `${first} ${last}` : undefined, b?.login_id, d.buyerloginid, d.buyer_signer_fullname]) if (typeof v === 'string') registerPii(v);
  if (r) for (const v of [r.contact_person, r.detail_address, r.address, r.address2, r.phone_number, r.mobile_no]) registerPii(v);
}

function addressOf(r: z.output<typeof Receipt> & { country: string }): Address {
  const lines = [r.detail_address ?? r.address, r.address2].filter((x): x is string => !!x);
  const phone = r.mobile_no ?? r.phone_number;
  return { name: r.contact_person, lines, city: r.city, region: r.province, postalCode: r.zip, country: r.country, phone };
}
