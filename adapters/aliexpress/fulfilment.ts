import { ConflictError, MarketplaceError, ValidationError, parseInput } from '../../src/errors/index.js';
import type { CallOptions } from '../../src/http/call-options.js';
import type { VerifyOutcome } from '../../src/http/operation.js';
import { ShipRequestSchema, type Package, type Shipment, type ShipRequest } from '../../src/model/shipment.js';
import { wireParams } from './client.js';
import type { AdapterContext } from './context.js';
import type { OrderDetail } from './mappers/order.js';
import type { AliExpressOrders } from './orders.js';
import { sellerOps } from './operations.js';

type FulfillOut = { result?: { result_success?: boolean } };

const tracked = (d: OrderDetail, trackingNumber: string) => (d.logistic_info_list ?? []).some((l) => l.logistics_no === trackingNumber);

/**
 * Self-shipped orders: `aliexpress.solution.order.fulfill` per package (`service_name` = the
 * caller's carrier code from listlogisticsservice, `out_ref` = the order id, `logistics_no` = the
 * tracking number). The declaration is not idempotent: a tracking number already on the order is
 * reported as already done, and an ambiguous attempt is replayed only after re-reading the order
 * proves it did not land.
 */
export class AliExpressFulfilment {
  constructor(private readonly ctx: AdapterContext, private readonly orders: AliExpressOrders) {}

  async ship(input: ShipRequest, opts: CallOptions = {}): Promise<Shipment> {
    const req = parseInput(ShipRequestSchema, input, 'request');
    req.packages.forEach((p, i) => {
      if (!p.carrier) throw new ValidationError({ message: 'AliExpress needs the logistics service code (service_name) as carrier', path: `packages.${i}.carrier` });
      if (!p.trackingNumber) throw new ValidationError({ message: 'AliExpress needs a tracking number (logistics_no)', path: `packages.${i}.trackingNumber` });
    });
    const { idempotencyKey: _key, ...readOpts } = opts;
    const detail = await this.orders.detail(req.orderId, readOpts);
    const ordered = new Map(detail.child_order_list.map((l) => [l.id, l.product_count]));
    for (const p of req.packages) for (const l of p.lines) {
      if (!ordered.has(l.lineId)) throw new ValidationError({ message: `order ${req.orderId} has no line ${l.lineId}`, path: 'packages.lines.lineId' });
    }
    const todo = req.packages.filter((p) => !tracked(detail, p.trackingNumber!));
    const shippable = detail.order_status === 'WAIT_SELLER_SEND_GOODS' || detail.order_status === 'SELLER_PART_SEND_GOODS';
    if (todo.length > 0 && !shippable && !req.force) {
      throw new ConflictError({ marketplace: 'aliexpress', operation: 'ship', message: `order ${req.orderId} is ${detail.order_status}, not awaiting shipment` });
    }
    // Quantities this request covers: the package that completes every line is declared `all`.
    const covered = new Map<string, number>();
    const packages: Package[] = [];
    for (const [i, p] of req.packages.entries()) {
      for (const l of p.lines) covered.set(l.lineId, (covered.get(l.lineId) ?? 0) + l.quantity);
      const complete = [...ordered].every(([id, qty]) => (covered.get(id) ?? 0) >= qty);
      packages.push({ lines: p.lines, carrier: { code: p.carrier!, marketplaceCode: p.carrier! }, service: p.service, trackingNumber: p.trackingNumber });
      if (!todo.includes(p)) continue;
      const body = wireParams({ service_name: p.carrier!, out_ref: req.orderId, send_type: complete ? 'all' : 'part', logistics_no: p.trackingNumber! }) as Record<'service_name' | 'out_ref' | 'send_type' | 'logistics_no', string>;
      const op = { ...sellerOps.fulfill, verify: () => this.verify(req.orderId, p.trackingNumber!, readOpts.signal) };
      const key = opts.idempotencyKey ? (req.packages.length > 1 ? `${opts.idempotencyKey}:${i}` : opts.idempotencyKey) : undefined;
      const res = await this.ctx.client.call(this.ctx.client.seller, op, { body }, { ...opts, idempotencyKey: key });
      if (res.data.result?.result_success === false) {
        throw new MarketplaceError({ marketplace: 'aliexpress', operation: sellerOps.fulfill.id, message: `AliExpress did not accept the shipment of order ${req.orderId} (result_success false)` });
      }
    }
    return {
      orderId: req.orderId, marketplace: 'aliexpress', packages, shippedAt: req.shippedAt, shipFrom: req.shipFrom, status: 'shipped',
      outcome: todo.length === 0 ? 'already_done' : 'confirmed', warnings: [],
    };
  }

  /** Did a declaration land? Its tracking number then shows in the order's logistic_info_list. */
  private async verify(orderId: string, trackingNumber: string, signal?: AbortSignal): Promise<VerifyOutcome<FulfillOut>> {
    const d = await this.orders.detail(orderId, { signal });
    return tracked(d, trackingNumber) ? { state: 'done', data: { result: { result_success: true } } } : { state: 'not_done' };
  }
}
