import { z } from 'zod';
import { AddressSchema } from './address.js';

export const ShipmentLineSchema = z.object({ lineId: z.string(), quantity: z.number().int().positive() });

export const CarrierSchema = z.object({
  /** Normalized carrier code, e.g. 'DHL', 'UPS', 'YANWEN'. */
  code: z.string(),
  /** The marketplace's own carrier code (Amazon carrierCode, Shopee logistics channel...). */
  marketplaceCode: z.string().optional(),
  name: z.string().optional(),
});

export const PackageSchema = z.object({
  lines: z.array(ShipmentLineSchema).min(1),
  carrier: CarrierSchema.optional(),
  service: z.string().optional(),
  trackingNumber: z.string().optional(),
  /** Marketplace package id (Amazon packageReferenceId, Shopee package_number...). */
  packageId: z.string().optional(),
  label: z.object({ format: z.string(), url: z.string().optional(), data: z.string().optional() }).optional(),
});
export type Package = z.infer<typeof PackageSchema>;

export const ShipmentSchema = z.object({
  orderId: z.string(),
  marketplace: z.string(),
  packages: z.array(PackageSchema),
  shippedAt: z.string().optional(),
  shipFrom: AddressSchema.optional(),
  /** `pending` while the marketplace still issues tracking; `shipped` once confirmed. */
  status: z.enum(['pending', 'shipped']),
  /** `unknown` when a write could not be proven to have happened or not. */
  outcome: z.enum(['confirmed', 'already_done', 'unknown']).default('confirmed'),
  warnings: z.array(z.string()).default([]),
});
export type Shipment = z.infer<typeof ShipmentSchema>;

/** Caller input for fulfilment.ship. */
export const ShipRequestSchema = z.object({
  orderId: z.string().min(1),
  packages: z
    .array(
      z.object({
        lines: z.array(ShipmentLineSchema).min(1),
        carrier: z.string().min(1).optional(),
        service: z.string().optional(),
        trackingNumber: z.string().min(1).optional(),
      }),
    )
    .min(1),
  shippedAt: z.iso.datetime({ offset: true }).optional(),
  shipFrom: AddressSchema.optional(),
  /** Ship even when the order is not shippable (e.g. on hold). */
  force: z.boolean().default(false),
});
export type ShipRequest = z.input<typeof ShipRequestSchema>;
