import { pacific, type SandboxOrder } from './state.js';

const money = (amount: string, currency: string) => ({ amount, currency_code: currency });

function total(o: SandboxOrder): string {
  // Decimal strings summed in minor units (the simulator never uses float money either).
  const scale = Math.max(0, ...o.lines.map((l) => (l.price.split('.')[1] ?? '').length));
  const units = o.lines.reduce((s, l) => s + BigInt(l.price.replace('.', '').padEnd(l.price.split('.')[0]!.length + scale, '0')) * BigInt(l.count), 0n);
  const text = units.toString().padStart(scale + 1, '0');
  return scale ? `${text.slice(0, -scale)}.${text.slice(-scale)}` : text;
}

/** OrderDto of aliexpress.solution.order.get (TOP metadata field names). */
export function orderDto(o: SandboxOrder): Record<string, unknown> {
  if (o.malformed) return { order_id: Number(o.id), gmt_create: pacific(o.createdAt), product_list: 'not-a-list' };
  return {
    order_id: Number(o.id), order_status: o.status, logistics_status: o.logistics.length ? 'SELLER_SEND_GOODS' : 'WAIT_SELLER_SEND_GOODS',
    fund_status: 'PAY_SUCCESS', issue_status: 'NO_ISSUE', frozen_status: 'NO_FROZEN', biz_type: 'AE_COMMON',
    gmt_create: pacific(o.createdAt), gmt_update: pacific(o.updatedAt), gmt_pay_time: pacific(o.createdAt),
    // end_reason: specs/aliexpress/aliexpress_solution_order_get.json (order list item).
    ...(o.endReason ? { end_reason: o.endReason } : {}),
    pay_amount: money(total(o), o.currency),
    product_list: {
      order_product_dto: o.lines.map((l) => ({
        child_id: Number(l.childId), order_id: Number(o.id), product_id: Number(l.productId), sku_code: l.sku, product_count: l.count,
        product_name: `Product ${l.sku}`, product_unit_price: money(l.price, o.currency), son_order_status: o.status,
      })),
    },
  };
}

/** GlobalAeopTpOrderDetailDto of aliexpress.solution.order.info.get. */
export function orderDetail(o: SandboxOrder): Record<string, unknown> {
  return {
    id: Number(o.id), order_status: o.status, logistics_status: o.logistics.length ? 'SELLER_SEND_GOODS' : 'WAIT_SELLER_SEND_GOODS',
    // order_end_reason: specs/aliexpress/aliexpress_solution_order_info_get.json (order detail).
    gmt_create: pacific(o.createdAt), gmt_modified: pacific(o.updatedAt), ...(o.endReason ? { order_end_reason: o.endReason } : {}), order_amount: { ...money(total(o), o.currency), cent_factor: 100 },
    receipt_address: o.address, buyer_info: { first_name: 'Sandbox', last_name: 'Buyer', login_id: 'es1000001', country: 'ES' },
    child_order_list: {
      global_aeop_tp_child_order_dto: o.lines.map((l) => ({
        id: Number(l.childId), product_id: Number(l.productId), sku_code: l.sku, product_count: l.count, product_name: `Product ${l.sku}`,
        product_price: money(l.price, o.currency), order_status: o.status,
      })),
    },
    logistic_info_list: { global_aeop_tp_logistic_info_dto: o.logistics.map((x) => ({ logistics_no: x.logistics_no, logistics_service_name: x.logistics_service_name, gmt_send: x.gmt_send })) },
  };
}
