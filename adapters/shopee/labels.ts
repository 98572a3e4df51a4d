import { MarketplaceError, ValidationError } from '../../src/errors/index.js';
import type { CallOptions } from '../../src/http/call-options.js';
import type { Shipment } from '../../src/model/shipment.js';
import { shopPipeline, type AdapterContext } from './context.js';
import { orderOps } from './operations/order.js';
import type { ShopeeOrders } from './orders.js';

export type ShippingDocumentType = 'NORMAL_AIR_WAYBILL' | 'THERMAL_AIR_WAYBILL' | 'NORMAL_JOB_AIR_WAYBILL' | 'THERMAL_JOB_AIR_WAYBILL';

/**
 * Labels: create_shipping_document → get_shipping_document_result until READY →
 * download_shipping_document. Each package of the shipment gets `label: { format: 'pdf', data }`.
 */
export async function labelsFor(ctx: AdapterContext, orders: ShopeeOrders, shipment: Shipment, opts: CallOptions & { type?: ShippingDocumentType } = {}): Promise<Shipment> {
  const type = opts.type ?? 'THERMAL_AIR_WAYBILL';
  const { shop, order } = await orders.shopFor(shipment.orderId, opts);
  const split = ((order.extra.packages ?? []) as unknown[]).length > 1;
  const pipe = shopPipeline(ctx, shop.shopId);
  const packages = [];
  for (const p of shipment.packages) {
    if (!p.packageId) throw new ValidationError({ message: 'A label needs the Shopee package number (shipment.packages[].packageId)', path: 'packages.packageId' });
    const doc = { order_sn: shipment.orderId, ...(split ? { package_number: p.packageId } : {}) };
    const created = await ctx.client.call(pipe, orderOps.create_shipping_document, { body: { order_list: [{ ...doc, tracking_number: p.trackingNumber, shipping_document_type: type }] } }, opts);
    failIfRefused(created.data.response.result_list[0], 'create_shipping_document');
    let ready = false;
    for (let i = 0; i < ctx.config.labelPoll.attempts && !ready; i++) {
      const r = (await ctx.client.call(pipe, orderOps.get_shipping_document_result, { body: { order_list: [{ ...doc, shipping_document_type: type }] } }, opts)).data.response.result_list[0];
      failIfRefused(r, 'get_shipping_document_result');
      if (r?.status === 'FAILED') throw new MarketplaceError({ marketplace: 'shopee', operation: 'get_shipping_document_result', message: `Shipping document for ${p.packageId} failed` });
      ready = r?.status === 'READY';
      if (!ready) await ctx.clock.sleep(ctx.config.labelPoll.intervalMs, opts.signal);
    }
    if (!ready) throw new MarketplaceError({ marketplace: 'shopee', operation: 'get_shipping_document_result', code: 'MARKETPLACE_UNAVAILABLE', retryable: true, message: `Shipping document for ${p.packageId} is not ready yet` });
    const file = await ctx.client.call(pipe, orderOps.download_shipping_document, { body: { shipping_document_type: type, order_list: [doc] } }, opts);
    packages.push({ ...p, label: { format: 'pdf', data: Buffer.from(file.data as Buffer).toString('base64') } });
  }
  return { ...shipment, packages };
}

function failIfRefused(r: { fail_error?: string; fail_message?: string } | undefined, operation: string): void {
  if (r?.fail_error) throw new MarketplaceError({ marketplace: 'shopee', operation, message: `${r.fail_error}: ${r.fail_message ?? ''}`, errors: [{ code: r.fail_error, message: r.fail_message ?? '' }] });
}
