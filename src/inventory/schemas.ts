/**
 * Public inputs of the stock ledger (zod is the source of the types) and the persisted state.
 * Quantities are integers in warehouse units unless a name says "listing units".
 */
import { z } from 'zod';
import { InstantSchema, OrderLineSchema, OrderStatusSchema } from '../model/order.js';

export const SkuSchema = z.string().trim().min(1, 'must not be empty').max(200);
/** 'account:store', as the Hub addresses stores (e.g. 'amazonEU:DE'). */
export const StoreRefSchema = z.string().regex(/^[^:\s]+:[^\s]+$/, 'must be "account:store", e.g. "amazonEU:DE"');
export const QuantitySchema = z.number().int().min(0).max(1_000_000_000);
const When = z.union([z.date(), z.string().min(1), z.number().finite()]);

export const ComponentSchema = z.object({ sku: SkuSchema, qty: z.number().int().min(1).max(100_000).default(1) });
export type Component = z.infer<typeof ComponentSchema>;

export const FulfilledBySchema = z.enum(['merchant', 'marketplace']);

/** `{ sku, qty? }` (a single item or a pack of `qty`) or `{ bundle: [...] }`. */
export const MapTargetSchema = z.union([
  z.object({ sku: SkuSchema, qty: z.number().int().min(1).max(100_000).default(1), fulfilledBy: FulfilledBySchema.default('merchant') }).strict(),
  z.object({ bundle: z.array(ComponentSchema).min(1).max(50), fulfilledBy: FulfilledBySchema.default('merchant') }).strict(),
]);
export type MapTarget = z.input<typeof MapTargetSchema>;

export const PolicyPatchSchema = z
  .object({
    /** Warehouse units held back from this store (per component). */
    safetyStock: QuantitySchema.optional(),
    /** Most listing units this store ever shows; null removes the cap. */
    cap: QuantitySchema.nullable().optional(),
    /** Stop pushing to this store (its orders still reserve stock). */
    paused: z.boolean().optional(),
  })
  .strict();
export type PolicyPatch = z.input<typeof PolicyPatchSchema>;

export const SetOnHandOptionsSchema = z.object({ asOf: When.optional() }).strict();

/** The part of a unified Order the ledger reads; other fields pass through untouched. */
export const StockOrderSchema = z.object({
  id: z.string().min(1),
  store: z.string().min(1),
  status: OrderStatusSchema,
  holds: z.array(z.string()).default([]),
  fulfilledBy: FulfilledBySchema,
  updatedAt: InstantSchema.pick({ utc: true }).refine((v) => !Number.isNaN(Date.parse(v.utc)), 'must be an ISO instant'),
  lines: z.array(OrderLineSchema.pick({ lineId: true, sku: true, quantity: true, shippedQuantity: true, cancelledQuantity: true })),
});
export type StockOrder = z.infer<typeof StockOrderSchema>;

// ---- persisted state (schema version 1) ----

const Int = z.number().int();
export const MappingSchema = z.object({ components: z.array(ComponentSchema).min(1), fulfilledBy: FulfilledBySchema.default('merchant') });
export type Mapping = z.infer<typeof MappingSchema>;

export const PolicySchema = z.object({ safetyStock: Int.min(0).default(0), cap: Int.min(0).optional(), paused: z.boolean().default(false) });
export type Policy = z.infer<typeof PolicySchema>;

/** One order line as reserved: components are frozen at first sight so a later remap cannot skew releases. */
export const LineReservationSchema = z.object({
  sku: z.string().optional(),
  components: z.array(ComponentSchema),
  /** Listing units still reserved (ordered − cancelled − shipped). */
  open: Int.min(0),
  /** Listing units already consumed from on-hand by shipment. */
  shipped: Int.min(0),
  /** Held by an unpaid order (counts in Shopee's own reserved stock). */
  unpaid: z.boolean(),
});
export type LineReservation = z.infer<typeof LineReservationSchema>;

export const OrderReservationSchema = z.object({ store: z.string(), updatedAt: z.number(), lines: z.record(z.string(), LineReservationSchema) });
export type OrderReservation = z.infer<typeof OrderReservationSchema>;

export const ConfirmedSchema = z.object({
  /** Last quantity the marketplace confirmed (absent: never confirmed). */
  qty: Int.min(0).optional(),
  at: z.number().optional(),
  /** A push of this value was sent and not yet answered (crash in flight ⇒ force a re-push). */
  pending: Int.min(0).optional(),
});
export type Confirmed = z.infer<typeof ConfirmedSchema>;

export const StockExceptionSchema = z.object({
  id: z.string(),
  kind: z.enum(['oversell', 'unmapped']),
  at: z.number(),
  sku: z.string(),
  store: z.string().optional(),
  account: z.string().optional(),
  orderId: z.string().optional(),
  lineId: z.string().optional(),
  /** Oversell: warehouse units missing after this order. */
  shortBy: Int.optional(),
  /** Oversell: units this order added to the shortage. */
  units: Int.optional(),
  acknowledged: z.boolean().default(false),
});
export type StockException = z.infer<typeof StockExceptionSchema>;

export const LedgerStateSchema = z.object({
  v: z.literal(1),
  /** Bumped by the store on every commit (optimistic concurrency between processes). */
  version: Int.min(0),
  nextId: Int.min(1).default(1),
  /** Orders last updated before this instant are ignored (their reservations were pruned). */
  horizon: z.number().default(0),
  onHand: z.record(z.string(), z.object({ qty: Int, asOf: z.number() })),
  mappings: z.record(z.string(), z.record(z.string(), MappingSchema)),
  policies: z.record(z.string(), PolicySchema),
  orders: z.record(z.string(), z.record(z.string(), OrderReservationSchema)),
  /** account → store id ('*' for a pooled account) → marketplace SKU → last confirmed push. */
  confirmed: z.record(z.string(), z.record(z.string(), z.record(z.string(), ConfirmedSchema))),
  exceptions: z.array(StockExceptionSchema),
});
export type LedgerState = z.infer<typeof LedgerStateSchema>;

export function emptyLedgerState(): LedgerState {
  return { v: 1, version: 0, nextId: 1, horizon: 0, onHand: {}, mappings: {}, policies: {}, orders: {}, confirmed: {}, exceptions: [] };
}

/** Instants as epoch ms. */
export function toEpoch(v: Date | string | number): number {
  return v instanceof Date ? v.getTime() : typeof v === 'number' ? v : Date.parse(v);
}
