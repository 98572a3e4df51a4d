import { ConflictError, ValidationError, parseInput } from '../../src/errors/index.js';
import { parseCallOptions, type CallOptions } from '../../src/http/call-options.js';
import type { Order } from '../../src/model/order.js';
import { ShipmentSchema, ShipRequestSchema, type Package, type Shipment, type ShipRequest } from '../../src/model/shipment.js';
import { shopPipeline, type AdapterContext, type ShopStore } from './context.js';
import { sameLines, toPackage, toShipment, type PackageInfo } from './mappers/shipment.js';
import { ARRANGED_PACKAGE, SHIPPABLE_PACKAGE } from './mappers/status.js';
import { orderOps } from './operations/order.js';
import { done, notDone, withVerify } from './operations/verify.js';
import type { ShopeeOrders } from './orders.js';
import { isIntegrated, shipOrderBody, type ShopeeShipOptions } from './ship-mode.js';

export type ShopeeShipRequest = ShipRequest & { shopee?: ShopeeShipOptions };
type ReqPackage = ReturnType<typeof ShipRequestSchema.parse>['packages'][number];

const packagesOf = (o: Order) => (o.extra.packages ?? []) as PackageInfo[];
/** package_number is sent only for split orders: Shopee refuses it on unsplit ones (ship_order_not_need_pacakge_number). */
const packageParam = (o: Order, p: string | undefined) => (packagesOf(o).length > 1 ? p : undefined);

/**
 * ship = get_order_detail (state first: a replay of an arranged package is a no-op) →
 * split_order when the caller ships lines separately → get_shipping_parameter → ship_order →
 * get_tracking_number. Integrated logistics issue tracking later: the Shipment is `pending`
 * and refresh() or the tracking push completes it; nothing here waits for hours.
 */
export class ShopeeFulfilment {
  constructor(private readonly ctx: AdapterContext, private readonly orders: ShopeeOrders) {}

  async ship(input: ShopeeShipRequest, opts: CallOptions = {}): Promise<Shipment> {
    opts = parseCallOptions(opts); // null: none; hostile: ValidationError
    const req = parseInput(ShipRequestSchema, input, 'shipment');
    const shopee = input.shopee ?? {};
    let { shop, order } = await this.orders.shopFor(req.orderId, opts);
    let matches = this.match(order, req.packages);
    const allArranged = matches.every((m) => m.pkg && ARRANGED_PACKAGE.has(m.pkg.logisticsStatus ?? ''));
    if (!allArranged && !order.shippable && !req.force) {
      const hint = order.holds.includes('pending_buyer_cancellation') ? ': the buyer asked to cancel; answer with orders.respondToCancellation first' : '';
      throw new ConflictError({ marketplace: 'shopee', operation: 'ship_order', message: `Order ${req.orderId} is ${order.marketplaceStatus} and cannot be shipped${hint}` });
    }
    if (matches.some((m) => !m.pkg)) {
      order = await this.split(shop, order, req.packages, opts);
      matches = this.match(order, req.packages);
      if (matches.some((m) => !m.pkg)) throw new ValidationError({ message: `The packages requested do not match the order's packages and it could not be split`, path: 'packages' });
    }
    const out: Package[] = [];
    let alreadyDone = true;
    for (const { want, pkg } of matches) {
      const p = pkg!;
      if (ARRANGED_PACKAGE.has(p.logisticsStatus ?? '')) {
        out.push(toPackage(p, want.lines, want.trackingNumber ?? (await this.tracking(shop, req.orderId, packageParam(order, p.packageNumber), opts))));
        continue;
      }
      if (!SHIPPABLE_PACKAGE.has(p.logisticsStatus ?? 'LOGISTICS_READY') && !req.force) {
        throw new ConflictError({ marketplace: 'shopee', operation: 'ship_order', message: `Package ${p.packageNumber} is ${p.logisticsStatus}; it cannot be arranged now` });
      }
      alreadyDone = false;
      // One write per package: each gets its own idempotency key.
      const keyed = opts.idempotencyKey ? { ...opts, idempotencyKey: `${opts.idempotencyKey}:${p.packageNumber}` } : opts;
      out.push(await this.shipPackage(shop, req.orderId, p, packageParam(order, p.packageNumber), want, shopee, req.shipFrom, keyed));
    }
    return toShipment(req.orderId, out, alreadyDone ? 'already_done' : 'confirmed', req.shippedAt);
  }

  /** Each requested package ↔ the Shopee package with the same lines (the only package when it ships everything). */
  private match(order: Order, wanted: ReqPackage[]) {
    const pkgs = packagesOf(order);
    const all = order.lines.map((l) => ({ lineId: l.lineId, quantity: l.quantity }));
    return wanted.map((want) => {
      let pkg = pkgs.find((p) => sameLines(p.lines, want.lines));
      if (!pkg && pkgs.length === 1 && wanted.length === 1 && sameLines(all, want.lines)) pkg = pkgs[0];
      // Shipping fewer units than ordered in one package is a partial shipment: split first.
      return { want, pkg };
    });
  }

  /** split_order: the requested packages plus one with whatever remains. */
  private async split(shop: ShopStore, order: Order, wanted: ReqPackage[], opts: CallOptions): Promise<Order> {
    const open = packagesOf(order).filter((p) => SHIPPABLE_PACKAGE.has(p.logisticsStatus ?? 'LOGISTICS_READY'));
    if (open.length !== 1 || order.marketplaceStatus !== 'READY_TO_SHIP') {
      throw new ValidationError({ message: `Order ${order.id} cannot be split now (split_order needs READY_TO_SHIP and one open package)`, path: 'packages' });
    }
    const remaining = new Map(open[0]!.lines.map((l) => [l.lineId, l.quantity]));
    const item = (lineId: string, quantity: number) => {
      const line = order.lines.find((l) => l.lineId === lineId);
      if (!line) throw new ValidationError({ message: `Order ${order.id} has no line ${lineId}`, path: 'packages' });
      remaining.set(lineId, (remaining.get(lineId) ?? 0) - quantity);
      if (remaining.get(lineId)! < 0) throw new ValidationError({ message: `Line ${lineId} ships more units than ordered`, path: 'packages' });
      return {
        item_id: Number(line.variantIds.item_id), model_id: Number(line.variantIds.model_id), model_quantity: quantity,
        ...(line.variantIds.order_item_id ? { order_item_id: Number(line.variantIds.order_item_id) } : {}),
        ...(line.variantIds.promotion_group_id ? { promotion_group_id: Number(line.variantIds.promotion_group_id) } : {}),
      };
    };
    const packageList = wanted.map((w) => ({ item_list: w.lines.map((l) => item(l.lineId, l.quantity)) }));
    const rest = [...remaining].filter(([, q]) => q > 0).map(([lineId, q]) => item(lineId, q));
    if (rest.length) packageList.push({ item_list: rest });
    const op = withVerify(orderOps.split_order, async () => {
      const now = await this.orders.get(order.id);
      return packagesOf(now).length >= packageList.length ? done({ error: '', response: { package_list: [] } }) : notDone();
    });
    await this.ctx.client.call(shopPipeline(this.ctx, shop.shopId), op, { body: { order_sn: order.id, package_list: packageList } }, opts);
    return this.orders.get(order.id, opts);
  }

  private async shipPackage(shop: ShopStore, orderSn: string, p: PackageInfo, packageNumber: string | undefined, want: ReqPackage, o: ShopeeShipOptions, shipFrom: ReturnType<typeof ShipRequestSchema.parse>['shipFrom'], opts: CallOptions): Promise<Package> {
    const pipe = shopPipeline(this.ctx, shop.shopId);
    const params = await this.ctx.client.call(pipe, orderOps.get_shipping_parameter, { query: { order_sn: orderSn, ...(packageNumber ? { package_number: packageNumber } : {}) } }, opts);
    const body = shipOrderBody(orderSn, packageNumber, params.data.response, o, want.trackingNumber, shipFrom);
    // Before any replay: did the first attempt arrange this package?
    const op = withVerify(orderOps.ship_order, async () => {
      const now = await this.orders.get(orderSn);
      const again = packagesOf(now).find((x) => x.packageNumber === p.packageNumber);
      return again && ARRANGED_PACKAGE.has(again.logisticsStatus ?? '') ? done({ error: '' }) : notDone();
    });
    await this.ctx.client.call(pipe, op, { body }, opts);
    // A number the seller gave (non-integrated, or a channel that asks for it) is the tracking; else Shopee issues it.
    const given = body.pickup?.tracking_number ?? body.dropoff?.tracking_number ?? body.non_integrated?.tracking_number;
    const tracking = given ?? (isIntegrated(body) ? await this.tracking(shop, orderSn, packageNumber, opts) : undefined);
    return toPackage(p, want.lines, tracking);
  }

  private async tracking(shop: ShopStore, orderSn: string, packageNumber: string | undefined, opts: CallOptions): Promise<string | undefined> {
    const query = { order_sn: orderSn, ...(packageNumber ? { package_number: packageNumber } : {}) };
    const res = await this.ctx.client.call(shopPipeline(this.ctx, shop.shopId), orderOps.get_tracking_number, { query }, opts);
    return res.data.response.tracking_number || undefined;
  }

  /** Completes a `pending` shipment once Shopee issued tracking (poll, or on a tracking push). */
  async refresh(shipment: Shipment, opts: CallOptions = {}): Promise<Shipment> {
    shipment = parseInput(ShipmentSchema, shipment, 'shipment');
    opts = parseCallOptions(opts); // null: none; hostile: ValidationError
    if (shipment.status === 'shipped') return shipment;
    const { shop, order } = await this.orders.shopFor(shipment.orderId, opts);
    const packages: Package[] = [];
    for (const p of shipment.packages) {
      packages.push(p.trackingNumber ? p : { ...p, trackingNumber: await this.tracking(shop, shipment.orderId, packageParam(order, p.packageId), opts) });
    }
    return { ...shipment, packages, status: packages.every((p) => p.trackingNumber) ? 'shipped' : 'pending' };
  }
}
