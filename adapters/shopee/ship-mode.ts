import { ValidationError } from '../../src/errors/index.js';
import type { Address } from '../../src/model/address.js';
import type { ShipOrderBody } from './schemas/requests.js';
import type { ShippingParameterResponse } from './schemas/logistics.js';

/** Shopee-specific choices for ship(); everything defaults from get_shipping_parameter. */
export interface ShopeeShipOptions {
  mode?: 'pickup' | 'dropoff' | 'non_integrated';
  addressId?: number;
  pickupTimeId?: string;
  branchId?: number;
  senderRealName?: string;
  slug?: string;
}

type Params = ShippingParameterResponse['response'];

const need = (list: string[] | null | undefined, field: string) => !!list?.includes(field);

function chooseMode(p: Params, o: ShopeeShipOptions, hasTracking: boolean): 'pickup' | 'dropoff' | 'non_integrated' {
  const available = (['pickup', 'dropoff', 'non_integrated'] as const).filter((m) => p.info_needed[m] !== undefined && p.info_needed[m] !== null);
  if (o.mode) {
    if (!available.includes(o.mode)) throw new ValidationError({ message: `This package cannot ship by ${o.mode}; Shopee offers ${available.join(', ') || 'nothing'}`, path: 'shopee.mode' });
    return o.mode;
  }
  if (hasTracking && available.includes('non_integrated')) return 'non_integrated';
  const pick = available.find((m) => m !== 'non_integrated' || hasTracking) ?? available[0];
  if (!pick) throw new ValidationError({ message: 'Shopee returned no shipping mode for this package (is it ready to ship?)', path: 'orderId' });
  return pick;
}

/**
 * ship_order body with exactly the mode Shopee asked for in info_needed (the object is sent even
 * when empty): pickup address + time slot, dropoff branch / sender, or the seller's tracking number.
 */
export function shipOrderBody(orderSn: string, packageNumber: string | undefined, p: Params, o: ShopeeShipOptions, trackingNumber?: string, shipFrom?: Address): ShipOrderBody {
  const mode = chooseMode(p, o, !!trackingNumber);
  const body: ShipOrderBody = { order_sn: orderSn, ...(packageNumber ? { package_number: packageNumber } : {}) };
  // info_needed names the carrier's number 'tracking_no', and for some pickup channels 'tracking_number'
  // (get_shipping_parameter: pickup "could contains tracking_number ... please also add it when init").
  const tracking = (list: string[] | null | undefined) => {
    if (!need(list, 'tracking_no') && !need(list, 'tracking_number')) return {};
    if (!trackingNumber) throw new ValidationError({ message: `Shopee needs the carrier's tracking number for ${mode} shipping`, path: 'packages[0].trackingNumber' });
    return { tracking_number: trackingNumber };
  };
  if (mode === 'pickup') {
    const list = p.info_needed.pickup;
    const addresses = p.pickup?.address_list ?? [];
    const address = o.addressId !== undefined ? addresses.find((a) => Number(a.address_id) === o.addressId)
      : addresses.find((a) => a.address_flag?.includes('pickup_address')) ?? addresses.find((a) => a.address_flag?.includes('default_address')) ?? addresses[0];
    if (!address) throw new ValidationError({ message: 'No pickup address available for this package', path: 'shopee.addressId' });
    const slots = address.time_slot_list ?? [];
    // "Some logistics channels may not return any date or time for pickup time slots. In such cases,
    // sellers can arrange shipment without selecting any time slot" (ship_order pickup_time_id).
    const slot = o.pickupTimeId ?? (slots.find((s) => s.flags?.includes('recommended')) ?? slots[0])?.pickup_time_id;
    body.pickup = { address_id: Number(address.address_id), ...(need(list, 'pickup_time_id') && slot ? { pickup_time_id: slot } : {}), ...tracking(list) };
  } else if (mode === 'dropoff') {
    const list = p.info_needed.dropoff;
    // Channels 80003/80004 list both tracking_no (Regular) and sender_real_name (JOB), "only one of
    // tracking_no and sender_real_name can be selected" (get_shipping_parameter info_needed): a
    // tracking number chooses Regular, otherwise JOB with the sender's name.
    const either = need(list, 'tracking_no') && need(list, 'sender_real_name');
    const dropoff: NonNullable<ShipOrderBody['dropoff']> = either && !trackingNumber ? {} : { ...tracking(list) };
    if (need(list, 'branch_id')) {
      const branch = o.branchId ?? (p.dropoff?.branch_list?.[0] ? Number(p.dropoff.branch_list[0].branch_id) : undefined);
      if (branch === undefined) throw new ValidationError({ message: 'No dropoff branch available', path: 'shopee.branchId' });
      dropoff.branch_id = branch;
    }
    if (need(list, 'sender_real_name') && !(either && trackingNumber)) {
      const name = o.senderRealName ?? shipFrom?.name;
      if (!name) throw new ValidationError({ message: 'Shopee needs the sender real name (shopee.senderRealName or shipFrom.name)', path: 'shopee.senderRealName' });
      dropoff.sender_real_name = name;
    }
    const slug = o.slug ?? p.dropoff?.slug_list?.[0]?.slug;
    if (slug && p.dropoff?.slug_list?.length) dropoff.slug = slug;
    body.dropoff = dropoff;
  } else {
    body.non_integrated = trackingNumber ? { tracking_number: trackingNumber } : {};
    if (need(p.info_needed.non_integrated, 'tracking_no') && !trackingNumber) tracking(p.info_needed.non_integrated);
  }
  return body;
}

export function isIntegrated(body: ShipOrderBody): boolean {
  return !body.non_integrated;
}
