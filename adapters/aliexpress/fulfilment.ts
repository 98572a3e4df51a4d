import { ConflictError, MarketplaceError, ValidationError, parseInput } from '../../src/errors/index.js';
import { parseCallOptions, type CallOptions } from '../../src/http/call-options.js';
import type { VerifyOutcome } from '../../src/http/operation.js';
import { ShipRequestSchema, type Package, type Shipment, type ShipRequest } from '../../src/model/shipment.js';
import type { IntentJournal } from '../../src/state/intent-journal.js';
import { CarrierResolver, type Declared } from './carriers.js';
import { wireParams } from './client.js';
import type { AdapterContext } from './context.js';
import type { OrderDetail } from './mappers/order.js';
import type { AliExpressOrders } from './orders.js';
import { sellerOps } from './operations.js';

type FulfillOut = { result?: { result_success?: boolean } };
type Lines = Array<{ lineId: string; quantity: number }>;

const tracked = (d: OrderDetail, trackingNumber: string) => (d.logistic_info_list ?? []).some((l) => l.logistics_no === trackingNumber);
const add = (into: Map<string, number>, lines: Lines) => {
  for (const l of lines) into.set(l.lineId, (into.get(l.lineId) ?? 0) + l.quantity);
};

/**
 * Self-shipped orders: `aliexpress.solution.order.fulfill` per package (`out_ref` = the order id,
 * `logistics_no` = the tracking number, `service_name` from the seller's service list or `other` +
 * `tracking_website`: carriers.ts). `send_type` is `all` for the package that completes the order
 * and `part` before it (specs/aliexpress/aliexpress_solution_order_fulfill.json#send_type): after
 * `all` no further package can be declared, and an order left at `part` runs into the shipping
 * deadline. AliExpress records no lines per declaration, so the adapter keeps which lines each
 * tracking number carried in the intent journal (written before the call) and counts, for the
 * order's declared tracking numbers (logistic_info_list), what was already sent.
 */
export class AliExpressFulfilment {
  private readonly carriers: CarrierResolver;

  constructor(private readonly ctx: AdapterContext, private readonly orders: AliExpressOrders) {
    this.carriers = new CarrierResolver(ctx);
  }

  private get journal(): IntentJournal | undefined {
    return this.ctx.client.config.journal;
  }

  private ledgerKey(orderId: string, trackingNumber: string): string {
    return `aliexpress:${this.ctx.account}:declared-lines:${orderId}:${trackingNumber}`;
  }

  async ship(input: ShipRequest, opts: CallOptions = {}): Promise<Shipment> {
    opts = parseCallOptions(opts); // null: none; hostile: ValidationError
    const req = parseInput(ShipRequestSchema, input, 'request');
    req.packages.forEach((p, i) => {
      if (!p.carrier) throw new ValidationError({ message: 'AliExpress needs the carrier (a logistics service_name, or a carrier declared as "other")', path: `packages.${i}.carrier` });
      if (!p.trackingNumber) throw new ValidationError({ message: 'AliExpress needs a tracking number (logistics_no)', path: `packages.${i}.trackingNumber` });
    });
    const { idempotencyKey: _key, ...readOpts } = opts;
    const detail = await this.orders.detail(req.orderId, readOpts);
    const ordered = new Map(detail.child_order_list.map((l) => [l.id, l.product_count]));
    req.packages.forEach((p, i) => p.lines.forEach((l, j) => {
      if (!ordered.has(l.lineId)) throw new ValidationError({ message: `order ${req.orderId} has no line ${l.lineId}`, path: `packages.${i}.lines.${j}.lineId` });
    }));
    const todo = req.packages.filter((p) => !tracked(detail, p.trackingNumber!));
    const shippable = detail.order_status === 'WAIT_SELLER_SEND_GOODS' || detail.order_status === 'SELLER_PART_SEND_GOODS';
    if (todo.length > 0 && !shippable && !req.force) {
      throw new ConflictError({ marketplace: 'aliexpress', operation: 'ship', message: `order ${req.orderId} is ${detail.order_status}, not awaiting shipment` });
    }
    const declared = await Promise.all(req.packages.map((p, i) => (todo.includes(p) ? this.carriers.resolve(p.carrier!, `packages.${i}.carrier`, readOpts) : undefined)));
    const { sent, unattributed } = await this.alreadySent(req.orderId, detail, req.packages);
    const warnings: string[] = [];
    const packages: Package[] = [];
    for (const [i, p] of req.packages.entries()) {
      const d = declared[i];
      packages.push({ lines: p.lines, carrier: { code: d?.code ?? p.carrier!, marketplaceCode: d?.serviceName ?? p.carrier! }, service: p.service, trackingNumber: p.trackingNumber });
      if (!d) continue;
      add(sent, p.lines);
      const complete = [...ordered].every(([id, qty]) => (sent.get(id) ?? 0) >= qty);
      if (!complete && unattributed.length) {
        warnings.push(`order ${req.orderId} has declarations made outside this adapter (${unattributed.join(', ')}) whose lines are unknown; ${p.trackingNumber} was declared as part`);
      }
      await this.declare(req.orderId, p.lines, p.trackingNumber!, d, complete, i, req.packages.length, opts);
    }
    return {
      orderId: req.orderId, marketplace: 'aliexpress', packages, shippedAt: req.shippedAt, shipFrom: req.shipFrom, status: 'shipped',
      outcome: todo.length === 0 ? 'already_done' : 'confirmed', warnings,
    };
  }

  /**
   * Quantities already declared on the order: the lines recorded for each tracking number that
   * logistic_info_list shows (the ledger), plus the lines the caller gives for packages already on
   * the order. Tracking numbers with neither are reported as unattributed.
   */
  private async alreadySent(orderId: string, detail: OrderDetail, pkgs: Array<{ lines: Lines; trackingNumber?: string }>) {
    const sent = new Map<string, number>();
    const unattributed: string[] = [];
    for (const l of detail.logistic_info_list ?? []) {
      if (!l.logistics_no) continue;
      const rec = await this.journal?.get(this.ledgerKey(orderId, l.logistics_no));
      const given = pkgs.find((p) => p.trackingNumber === l.logistics_no);
      if (given) add(sent, given.lines);
      else if (rec && Array.isArray(rec.result)) add(sent, rec.result as Lines);
      else unattributed.push(l.logistics_no);
      if (given && !rec) await this.record(orderId, l.logistics_no, given.lines);
    }
    return { sent, unattributed };
  }

  private record(orderId: string, trackingNumber: string, lines: Lines): Promise<void> | undefined {
    return this.journal?.put({ key: this.ledgerKey(orderId, trackingNumber), operation: 'aliexpress.declared-lines', state: 'succeeded', at: this.ctx.clock.now(), result: lines });
  }

  private async declare(orderId: string, lines: Lines, trackingNumber: string, d: Declared, complete: boolean, i: number, n: number, opts: CallOptions): Promise<void> {
    // Recorded first: counted only once the tracking number shows on the order, so a crash after the call loses nothing.
    await this.record(orderId, trackingNumber, lines);
    const body = wireParams({ service_name: d.serviceName, tracking_website: d.trackingWebsite, out_ref: orderId, send_type: complete ? 'all' : 'part', logistics_no: trackingNumber }) as Record<'service_name' | 'out_ref' | 'send_type' | 'logistics_no', string>;
    const op = { ...sellerOps.fulfill, verify: () => this.verify(orderId, trackingNumber, opts.signal) };
    const key = opts.idempotencyKey ? (n > 1 ? `${opts.idempotencyKey}:${i}` : opts.idempotencyKey) : undefined;
    const res = await this.ctx.client.call(this.ctx.client.seller, op, { body }, { ...opts, idempotencyKey: key });
    if (res.data.result?.result_success === false) {
      throw new MarketplaceError({ marketplace: 'aliexpress', operation: sellerOps.fulfill.id, message: `AliExpress did not accept the shipment of order ${orderId} (result_success false)` });
    }
  }

  /** Did a declaration land? Its tracking number then shows in the order's logistic_info_list. */
  async verify(orderId: string, trackingNumber: string, signal?: AbortSignal): Promise<VerifyOutcome<FulfillOut>> {
    const d = await this.orders.detail(orderId, { signal });
    return tracked(d, trackingNumber) ? { state: 'done', data: { result: { result_success: true } } } : { state: 'not_done' };
  }
}
