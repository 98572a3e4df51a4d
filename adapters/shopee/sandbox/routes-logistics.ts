import type { SandboxContext } from '../../../src/sandbox/module.js';
import type { Router } from '../../../src/sandbox/router.js';
import { fail, ok } from './envelope.js';
import { bodyOf, route, type Caller } from './gate.js';
import type { SandboxOrder, SandboxPackage } from './state.js';
import type { ShopeeSandboxState } from './world.js';

type Shop = Extract<Caller, { kind: 'shop' }>;

const READY = new Set(['LOGISTICS_READY', 'LOGISTICS_PICKUP_RETRY']);
const PICKUP_ADDRESSES = [
  { address_id: 5001, region: 'SG', state: '', city: 'Singapore', district: '', town: '', address: '1 Seller Road', zipcode: '123456', address_flag: ['default_address', 'pickup_address', 'return_address'] },
  { address_id: 5002, region: 'SG', state: '', city: 'Singapore', district: '', town: '', address: '2 Depot Lane', zipcode: '654321', address_flag: [] },
];

/** The package a logistics call names: package_number is required on split orders and refused on unsplit ones (ship_order). */
function pick(o: SandboxOrder, packageNumber: string | null | undefined): SandboxPackage | undefined {
  if (packageNumber) return o.packages.find((p) => p.package_number === packageNumber);
  return o.packages.length === 1 ? o.packages[0] : undefined;
}

export function installLogistics(router: Router, world: ShopeeSandboxState, ctx: SandboxContext): void {
  const own = (caller: Shop, sn: unknown) => {
    const o = world.orders.get(String(sn));
    return o && o.shopId === caller.id ? o : undefined;
  };
  const slots = () => [0, 1].map((d) => ({ date: world.nowSeconds() + 86400 * (d + 1), time_text: '', pickup_time_id: `slot-${world.nowSeconds() + 86400 * (d + 1)}`, flags: d === 0 ? ['recommended'] : [] }));

  // specs/shopee/v2.logistics.get_channel_list.json: the shop's channels, with the fee_type / size_list add_item checks against.
  route<Shop>(router, world, ctx, 'GET', '/api/v2/logistics/get_channel_list', () => ok({ logistics_channel_list: world.channels }));

  // Refusals: specs/shopee/v2.logistics.get_shipping_parameter.json error_list.
  route<Shop>(router, world, ctx, 'GET', '/api/v2/logistics/get_shipping_parameter', (req, caller) => {
    const o = own(caller, req.query.get('order_sn'));
    if (!o) return fail('error_not_found', 'Wrong parameters, detail: order not found.');
    if (o.packages.length > 1 && !req.query.get('package_number')) return fail('logistics.package_number_not_exist', 'Please request with package_number for this split order.');
    const p = pick(o, req.query.get('package_number'));
    if (!p || !READY.has(p.logistics_status) || !['READY_TO_SHIP', 'RETRY_SHIP', 'PROCESSED'].includes(o.wire.order_status)) {
      return fail('error_param', 'Shipping parameters can only be obtained when package is ready to be shipped');
    }
    if (o.mode === 'pickup') {
      // Documented pickup variants (get_shipping_parameter pickup / time_slot_list): channels that offer no
      // time slot, and channels that also ask for the carrier's "tracking_number".
      const needed = ['address_id', 'pickup_time_id', ...(o.channel === 'pickup_tracking_number' ? ['tracking_number'] : [])];
      const timeSlots = o.channel === 'pickup_no_slots' ? [] : slots();
      return ok({ info_needed: { dropoff: [], pickup: needed }, dropoff: null, pickup: { address_list: PICKUP_ADDRESSES.map((a) => ({ ...a, time_slot_list: timeSlots })) } });
    }
    if (o.mode === 'dropoff' && o.channel === 'dropoff_tracking_or_sender') return ok({ info_needed: { dropoff: ['tracking_no', 'sender_real_name'] }, dropoff: { branch_list: [], slug_list: [] } });
    if (o.mode === 'dropoff') return ok({ info_needed: { dropoff: ['branch_id'] }, dropoff: { branch_list: [{ branch_id: 7001, region: 'SG', state: '', city: 'Singapore', address: '3 Drop Street', zipcode: '111111', district: '', town: '' }], slug_list: [] } });
    return ok({ info_needed: { non_integrated: ['tracking_no'] } });
  });

  // Refusals: specs/shopee/v2.logistics.ship_order.json error_list.
  route<Shop>(router, world, ctx, 'POST', '/api/v2/logistics/ship_order', (req, caller) => {
    const { body: b, res } = bodyOf<{ order_sn?: string; package_number?: string; pickup?: { address_id?: number; pickup_time_id?: string; tracking_number?: string }; dropoff?: { branch_id?: number; tracking_number?: string; sender_real_name?: string }; non_integrated?: { tracking_number?: string } }>(req);
    if (res) return res;
    world.shipOrderBodies.push(b);
    const o = own(caller, b.order_sn);
    if (!o) return fail('error_not_found', 'Wrong parameters, detail: order not found.');
    if (o.packages.length > 1 && !b.package_number) return fail('logistics.ship_order_need_pacakge_number', 'Please request with package_number for this split order.');
    if (o.packages.length === 1 && b.package_number) return fail('logistics.ship_order_not_need_pacakge_number', 'Please don’t request with package_number for this unsplit order.');
    const p = pick(o, b.package_number);
    if (!p) return fail('logistics.package_not_exist', 'The package is not exist.');
    // Listed with a leading space (" logistics.package_already_shipped") in ship_order.json error_list; Shopee sends the code.
    if (!READY.has(p.logistics_status)) return fail('logistics.package_already_shipped', "This package has already been arranged shipment and you can't call this API again.");
    if (!['READY_TO_SHIP', 'RETRY_SHIP', 'PROCESSED'].includes(o.wire.order_status)) return fail('logistics.error_param', 'The order status is not ready to ship.');
    let sellerTracking: string | undefined;
    if (o.mode === 'pickup') {
      if (!b.pickup || !PICKUP_ADDRESSES.some((a) => a.address_id === b.pickup!.address_id)) return fail('logistics.address_not_found', 'Address is not found.');
      // Without offered slots the seller arranges "without selecting any time slot" (ship_order pickup_time_id).
      if (o.channel === 'pickup_no_slots' ? b.pickup.pickup_time_id !== undefined : !b.pickup.pickup_time_id?.startsWith('slot-')) return fail('logistics.error_cutoff_time', 'Pickup time is not invalid. Please check the pickup time.');
      if (o.channel === 'pickup_tracking_number') {
        if (!b.pickup.tracking_number) return fail('logistics.ship_order_need_tracking_number', 'Parameter tracking_number can not be null.');
        sellerTracking = b.pickup.tracking_number;
      }
    } else if (o.mode === 'dropoff' && o.channel === 'dropoff_tracking_or_sender') {
      // "only one of tracking_no and sender_real_name can be selected" (get_shipping_parameter info_needed).
      const d = b.dropoff ?? {};
      if (!!d.tracking_number === !!d.sender_real_name) return fail('logistics.error_param', 'Only one of tracking_number (Regular) and sender_real_name (JOB) can be selected.');
      sellerTracking = d.tracking_number;
    } else if (o.mode === 'dropoff') {
      if (b.dropoff?.branch_id !== 7001) return fail('logistics.error_param', 'Delivery store is not exist.');
    } else if (!b.non_integrated?.tracking_number) {
      return fail('logistics.ship_order_need_tracking_number', 'Parameter tracking_number can not be null.');
    }
    p.logistics_status = 'LOGISTICS_REQUEST_CREATED';
    if (o.mode === 'non_integrated') p.tracking = b.non_integrated!.tracking_number;
    if (sellerTracking) p.tracking = sellerTracking;
    o.shipments++;
    world.counters.shipOrder++;
    if (o.packages.every((x) => !READY.has(x.logistics_status))) o.wire.order_status = 'PROCESSED';
    world.touch(o);
    const delay = world.options.trackingDelayMs;
    if (o.mode !== 'non_integrated' && !sellerTracking && delay !== 'manual') {
      if (delay <= 0) p.tracking = `SPX${world.nextId()}${o.wire.order_sn.slice(-4)}`;
      else setTimeout(() => void world.issueTracking(o.wire.order_sn), delay).unref();
    }
    return ok();
  });

  // Refusals: specs/shopee/v2.logistics.get_tracking_number.json error_list.
  route<Shop>(router, world, ctx, 'GET', '/api/v2/logistics/get_tracking_number', (req, caller) => {
    const o = own(caller, req.query.get('order_sn'));
    if (!o) return fail('error_not_found', 'Wrong parameters, detail: order not found.');
    const p = pick(o, req.query.get('package_number'));
    if (!p) return fail('logistics.package_number_not_exist', 'Please request with package_number for this split order.');
    return ok({ tracking_number: p.tracking ?? '', ...(p.tracking ? {} : { hint: 'The tracking number is not available yet.' }) });
  });

  // Refusals: specs/shopee/v2.logistics.create_shipping_document.json error_list.
  route<Shop>(router, world, ctx, 'POST', '/api/v2/logistics/create_shipping_document', (req, caller) => {
    const { body: b, res } = bodyOf<{ order_list?: Array<{ order_sn: string; package_number?: string; tracking_number?: string }> }>(req);
    if (res) return res;
    const list = b.order_list ?? [];
    if (!list.length || list.length > 50) return fail('error_param', 'Wrong parameters, detail: order_list length should be between 1 to 50.') // specs/shopee/v2.logistics.create_shipping_document.json error_list;
    return ok({
      result_list: list.map((d) => {
        const o = own(caller, d.order_sn);
        const p = o && pick(o, d.package_number);
        if (!p || p.logistics_status !== 'LOGISTICS_REQUEST_CREATED' || !p.tracking) return { order_sn: d.order_sn, package_number: d.package_number, fail_error: 'logistics.error_param', fail_message: 'The order status is not ready to ship.' };
        p.document = 'PROCESSING';
        return { order_sn: d.order_sn, package_number: p.package_number };
      }),
    });
  });

  // Refusals: specs/shopee/v2.logistics.get_shipping_document_result.json error_list.
  route<Shop>(router, world, ctx, 'POST', '/api/v2/logistics/get_shipping_document_result', (req, caller) => {
    const { body: b, res } = bodyOf<{ order_list?: Array<{ order_sn: string; package_number?: string }> }>(req);
    if (res) return res;
    return ok({
      result_list: (b.order_list ?? []).map((d) => {
        const o = own(caller, d.order_sn);
        const p = o && pick(o, d.package_number);
        if (!p?.document) return { order_sn: d.order_sn, package_number: d.package_number, fail_error: 'error_param', fail_message: 'Please create the shipping document first.' };
        const status = p.document;
        p.document = 'READY';
        return { order_sn: d.order_sn, package_number: p.package_number, status };
      }),
    });
  });

  // Refusals: specs/shopee/v2.logistics.download_shipping_document.json error_list.
  route<Shop>(router, world, ctx, 'POST', '/api/v2/logistics/download_shipping_document', (req, caller) => {
    const { body: b, res } = bodyOf<{ order_list?: Array<{ order_sn: string; package_number?: string }> }>(req);
    if (res) return res;
    const docs = (b.order_list ?? []).map((d) => {
      const o = own(caller, d.order_sn);
      return { d, p: o && pick(o, d.package_number) };
    });
    if (!docs.length || docs.some((x) => x.p?.document !== 'READY')) return fail('error_param', 'Wrong parameters, detail: the shipping document is not ready.');
    const text = `%PDF-1.4\n% xborder sandbox air waybill\n${docs.map((x) => `${x.d.order_sn} ${x.p!.package_number} ${x.p!.tracking}`).join('\n')}\n%%EOF\n`;
    return { status: 200, headers: { 'content-type': 'application/pdf' }, body: Buffer.from(text) };
  });
}
