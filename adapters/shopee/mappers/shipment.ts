import type { Package, Shipment } from '../../../src/model/shipment.js';

/** A package as carried in Order.extra.packages by mappers/order.ts. */
export interface PackageInfo {
  packageNumber: string;
  logisticsStatus?: string;
  logisticsChannelId?: number | string;
  shippingCarrier?: string;
  lines: Array<{ lineId: string; quantity: number }>;
}

/** "Ninja Van (Standard)" → "NINJA_VAN_STANDARD": a stable code; the channel id stays as marketplaceCode. */
export function carrierCode(name: string | undefined): string {
  const code = (name ?? '').toUpperCase().replace(/[^A-Z0-9]+/g, '_').replace(/^_|_$/g, '');
  return code || 'SHOPEE';
}

export function toPackage(p: PackageInfo, lines: Package['lines'], trackingNumber?: string): Package {
  return {
    lines,
    carrier: { code: carrierCode(p.shippingCarrier), marketplaceCode: p.logisticsChannelId !== undefined ? String(p.logisticsChannelId) : undefined, name: p.shippingCarrier },
    trackingNumber: trackingNumber || undefined,
    packageId: p.packageNumber,
  };
}

/** `pending` while any package still waits for its Shopee-issued tracking number. */
export function toShipment(orderId: string, packages: Package[], outcome: Shipment['outcome'], shippedAt?: string): Shipment {
  return {
    orderId,
    marketplace: 'shopee',
    packages,
    shippedAt,
    status: packages.every((p) => p.trackingNumber) ? 'shipped' : 'pending',
    outcome,
    warnings: [],
  };
}

/** Same lines and quantities, in any order. */
export function sameLines(a: Array<{ lineId: string; quantity: number }>, b: Array<{ lineId: string; quantity: number }>): boolean {
  const key = (x: typeof a) => x.map((l) => `${l.lineId}*${l.quantity}`).sort().join('|');
  return key(a) === key(b);
}
