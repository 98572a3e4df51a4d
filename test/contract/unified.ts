/**
 * The unified contract every adapter runs against its sandbox module (style-anchors §2.9).
 * Usage, in test/adapters/<m>/contract.test.ts:
 *   runContract('amazon', async () => ({ adapter, ... }))
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MarketplaceAdapter } from '../../src/adapter.js';
import type { ListingInput } from '../../src/model/listing.js';
import type { Money } from '../../src/model/money.js';
import type { Order } from '../../src/model/order.js';
import type { Page } from '../../src/paginate/paginated.js';

export interface SeededOrder {
  id: string;
  /** Unit price of the first line as seeded, in the store currency (exponent included). */
  firstLineUnitPrice: Money;
  firstLineId: string;
  firstLineQuantity: number;
}

export interface ContractHarness {
  adapter: MarketplaceAdapter;
  /** A listing this marketplace accepts as is. */
  validListing(sku: string): ListingInput;
  /** A listing the marketplace answers with issues (missing required attribute...). */
  listingWithIssues(sku: string): ListingInput;
  /**
   * Seeds `n` shippable merchant-fulfilled orders, updated in the last hour, in a store whose
   * currency has the given exponent when possible (e.g. JPY for 0); `malformedIndex` makes that
   * one order malformed on the wire (it must be quarantined, not fail its page).
   */
  seedOrders(n: number, opts?: { zeroExponent?: boolean; malformedIndex?: number }): Promise<SeededOrder[]>;
  /** Shipments the sandbox recorded for an order (confirmations / packages). */
  shipmentsFor(orderId: string): number;
  /** A carrier + tracking valid for ship() on this marketplace. */
  shipPackage(order: SeededOrder, n: number): { carrier?: string; trackingNumber?: string };
  /** Query window start that covers the seeded orders. */
  since(): Date;
  close(): Promise<void>;
}

export function runContract(name: string, setup: () => Promise<ContractHarness>): void {
  describe(`unified contract: ${name}`, () => {
    let h: ContractHarness;
    beforeAll(async () => {
      h = await setup();
    });
    afterAll(async () => {
      await h?.close();
    });

    it('lists orders and resumes from a page token without loss or duplicates', async () => {
      const seeded = await h.seedOrders(7);
      const first: Page<Order>[] = [];
      const listing = h.adapter.orders.list({ updatedSince: h.since() });
      for await (const page of listing.pages()) {
        first.push(page);
        if (first.length === 1) break;
      }
      const firstPage = first[0]!;
      const seen = new Set(firstPage.items.map((o) => o.id));
      if (firstPage.resume) {
        for await (const o of h.adapter.orders.list({ updatedSince: h.since(), resumeFrom: firstPage.resume })) {
          expect(seen.has(o.id)).toBe(false);
          seen.add(o.id);
        }
      }
      for (const s of seeded) expect(seen.has(s.id)).toBe(true);
    });

    it('keeps the currency exponent of money through the wire', async () => {
      const [s] = await h.seedOrders(1, { zeroExponent: true });
      const order = await h.adapter.orders.get(s!.id);
      const line = order.lines.find((l) => l.lineId === s!.firstLineId);
      expect(line?.unitPrice).toEqual(s!.firstLineUnitPrice);
      expect(Number.isInteger(line!.unitPrice!.amount)).toBe(true);
    });

    it('quarantines one malformed record without failing its page', async () => {
      const seeded = await h.seedOrders(3, { malformedIndex: 1 });
      const ids = new Set<string>();
      let quarantined = 0;
      for await (const page of h.adapter.orders.list({ updatedSince: h.since() }).pages()) {
        page.items.forEach((o) => ids.add(o.id));
        quarantined += page.quarantined.length;
      }
      expect(quarantined).toBeGreaterThanOrEqual(1);
      expect(ids.has(seeded[0]!.id)).toBe(true);
      expect(ids.has(seeded[2]!.id)).toBe(true);
      expect(ids.has(seeded[1]!.id)).toBe(false);
    });

    it('ships the same package twice with one idempotency key into one shipment; a second package is allowed', async () => {
      const [s] = await h.seedOrders(1);
      const pkg = (n: number) => ({ lines: [{ lineId: s!.firstLineId, quantity: 1 }], ...h.shipPackage(s!, n) });
      const req = { orderId: s!.id, packages: [pkg(1)] };
      const a = await h.adapter.fulfilment.ship(req, { idempotencyKey: `pkg-1-${s!.id}` });
      const b = await h.adapter.fulfilment.ship(req, { idempotencyKey: `pkg-1-${s!.id}` });
      expect(a.orderId).toBe(s!.id);
      expect(b.packages[0]?.trackingNumber).toBe(a.packages[0]?.trackingNumber);
      expect(h.shipmentsFor(s!.id)).toBe(1);
      if (h.adapter.capabilities.multiPackage && s!.firstLineQuantity > 1) {
        await h.adapter.fulfilment.ship({ orderId: s!.id, packages: [pkg(2)] }, { idempotencyKey: `pkg-2-${s!.id}` });
        expect(h.shipmentsFor(s!.id)).toBe(2);
      }
    });

    it('surfaces listing issues from the marketplace', async () => {
      const r = await h.adapter.listings.upsert(h.listingWithIssues('CONTRACT-BAD-1'));
      expect(r.issues.length).toBeGreaterThan(0);
      expect(r.issues.some((i) => i.severity === 'error')).toBe(true);
    });

    it('creates a valid listing and reads it back', async () => {
      const created = await h.adapter.listings.upsert(h.validListing('CONTRACT-OK-1'));
      expect(created.issues.filter((i) => i.severity === 'error')).toEqual([]);
      const read = await h.adapter.listings.get('CONTRACT-OK-1');
      expect(read.sku).toBe('CONTRACT-OK-1');
      expect(read.status).not.toBe('not_found');
    });
  });
}
