import { MarketplaceError, ResponseShapeError } from '../../src/errors/classes.js';
import type { CallOptions } from '../../src/http/call-options.js';
import { safeEmit } from '../../src/http/hooks.js';
import { parseRecords, type Quarantined } from '../../src/http/parse.js';
import type { Order } from '../../src/model/order.js';
import type { AmazonContext } from './context.js';
import { mapOrder, type OrderMapContext } from './mappers/order.js';
import { ops } from './operations.js';
import { OrderSchema, type IncludedData } from './schemas/orders.js';
import type * as wire from './schemas/orders.js';

/** Datasets every read asks for; BUYER / RECIPIENT (PII) only when the caller asks. */
export const BASE_INCLUDED: IncludedData[] = ['FULFILLMENT', 'PACKAGES', 'PROCEEDS', 'CANCELLATION', 'TAX'];

export function includedData(includePii: boolean | undefined): IncludedData[] {
  return includePii ? [...BASE_INCLUDED, 'BUYER', 'RECIPIENT'] : BASE_INCLUDED;
}

export function mapContext(ctx: AmazonContext, includePii: boolean): OrderMapContext {
  return {
    account: ctx.sellerId,
    includePii,
    storeOf: (id) => {
      const s = ctx.storeByMarketplaceId(id);
      return s ? { id: s.id, taxInclusive: s.taxInclusivePricing } : { id: id ?? 'unknown', taxInclusive: true };
    },
  };
}

/** Reads one order (getOrder 2026-01-01): items inline, never one call per item. */
export async function readWireOrder(ctx: AmazonContext, orderId: string, included: IncludedData[], opts: CallOptions): Promise<wire.Order> {
  const res = await ctx.call(ops.getOrder, { params: { orderId }, query: { includedData: included } }, opts);
  const parsed = OrderSchema.safeParse(res.data.order);
  if (!parsed.success) {
    throw new ResponseShapeError({ marketplace: 'amazon', operation: 'getOrder', requestId: res.meta.requestId, message: `Order ${orderId} does not match its schema`, issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) });
  }
  return parsed.data;
}

/**
 * One page of orders: each record is parsed and mapped on its own, so one malformed order is
 * quarantined (and reported through onQuarantine) instead of failing its page.
 */
export function mapPage(ctx: AmazonContext, records: unknown[], includePii: boolean): { items: Order[]; quarantined: Quarantined[] } {
  const idOf = (raw: unknown) => (raw as { orderId?: unknown } | null)?.orderId as string | undefined;
  const parsed = parseRecords(OrderSchema, records, idOf);
  const mc = mapContext(ctx, includePii);
  const items: Order[] = [];
  const quarantined = [...parsed.quarantined];
  parsed.items.forEach((w) => {
    try {
      items.push(mapOrder(w, mc));
    } catch (e) {
      quarantined.push({ index: records.findIndex((r) => idOf(r) === w.orderId), recordId: w.orderId, issues: [{ path: '', message: (e as Error).message }] });
    }
  });
  for (const q of quarantined) safeEmit(ctx.config.input.hooks, 'onQuarantine', { marketplace: 'amazon', account: ctx.sellerId, operation: 'searchOrders', ...q });
  return { items, quarantined };
}

/** A paginationToken lives 24 h (research A3); after that the listing re-reads its window. */
export const TOKEN_LIFETIME_MS = 24 * 3600_000;

export class PaginationTokenExpired extends Error {}

export function isExpiredCursor(e: unknown): boolean {
  if (e instanceof PaginationTokenExpired) return true;
  if (!(e instanceof MarketplaceError) || e.status !== 400) return false;
  return e.errors.some((x) => /token/i.test(`${x.message} ${x.details ?? ''}`) && /expir|invalid/i.test(`${x.message} ${x.details ?? ''}`));
}

/** Our cursor: when the token was issued, then Amazon's token (resume tokens may sit in a file for days). */
export function encodeCursor(issuedAt: number, token: string): string {
  return `${issuedAt}~${token}`;
}

export function decodeCursor(cursor: string | number): { issuedAt: number; token: string } {
  const text = String(cursor);
  const at = text.indexOf('~');
  return at > 0 ? { issuedAt: Number(text.slice(0, at)), token: text.slice(at + 1) } : { issuedAt: Number.NaN, token: text };
}
