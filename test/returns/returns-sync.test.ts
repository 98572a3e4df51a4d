import { describe, expect, it } from 'vitest';
import type { MarketplaceAdapter } from '../../src/adapter.js';
import { ValidationError } from '../../src/errors/classes.js';
import { Hub } from '../../src/hub/hub.js';
import { memoryCheckpoints } from '../../src/hub/checkpoints.js';
import { StockLedger } from '../../src/inventory/ledger.js';
import type { Return } from '../../src/model/return.js';
import { paginate } from '../../src/paginate/strategies.js';
import type { ReturnsService } from '../../src/returns/types.js';
import { MemoryIntentJournal } from '../../src/state/intent-journal.js';

const iso = (ms: number) => new Date(ms).toISOString();
const T0 = Date.parse('2026-11-25T00:00:00Z');

function ret(id: string, at: number, status: Return['status'], sku = 'MUG-BLUE'): Return {
  const t = { utc: iso(at), raw: iso(at) };
  return {
    id, marketplace: 'fake', store: 'GB', orderId: `O-${id}`, status, marketplaceStatus: status.toUpperCase(), reason: { code: 'damaged' },
    lines: [{ lineId: 'L1', sku, variantIds: {}, quantity: 2 }], deadlines: [], refunds: [], createdAt: t, updatedAt: t, raw: {},
  };
}

/** A returns feed filtered by update time, paged by offset over a changing set (not stable). */
function fakeAccount(records: Return[], stablePaging = false): MarketplaceAdapter {
  const returns = {
    list: (q: { updatedSince?: Date | string; until?: Date | string }) => {
      const from = new Date(q.updatedSince!).getTime();
      const to = new Date(q.until!).getTime();
      return paginate<Return, null>({
        strategy: 'offset', query: null, first: 0,
        fetchPage: async (_q, cursor) => {
          const all = records.filter((r) => { const at = Date.parse(r.updatedAt.utc); return at >= from && at < to; });
          const offset = Number(cursor ?? 0);
          const items = all.slice(offset, offset + 2);
          return { items, ...(offset + 2 < all.length ? { next: offset + 2 } : {}) };
        },
      });
    },
  } as unknown as ReturnsService;
  return {
    marketplace: 'fake', account: 'A1', stores: [{ id: 'GB', marketplace: 'fake', currency: 'GBP', language: 'en', taxInclusivePricing: true }],
    capabilities: { returns: { stablePaging } } as never,
    listings: { upsert: async () => ({}) } as never, orders: { list: () => { throw new Error('orders feed must not be read'); } } as never,
    inventory: {} as never, fulfilment: {} as never, raw: {}, returns,
  } as unknown as MarketplaceAdapter;
}

describe('hub.returns.sync', () => {
  it('delivers each return version once across runs, under its own checkpoint key, and restocks a received return once', async () => {
    const records = [ret('R1', T0 + 1000, 'requested'), ret('R2', T0 + 2000, 'received'), ret('R3', T0 + 3000, 'approved')];
    const hub = new Hub({ accounts: { shop: fakeAccount(records) } });
    const checkpoints = memoryCheckpoints();
    const ledger = new StockLedger();
    ledger.setOnHand('MUG-BLUE', 5);
    const journal = new MemoryIntentJournal();
    const seen: string[] = [];
    let now = T0 + 10 * 60_000;
    const opts = {
      checkpoints, since: iso(T0), lagMs: 0, now: () => now,
      restock: { ledger, policy: 'sellable' as const, journal },
      handle: (r: Return, ctx: { restock?: { units: Record<string, number> } }) => void seen.push(`${r.id}:${r.status}${ctx.restock ? `:+${ctx.restock.units['MUG-BLUE']}` : ''}`),
    };
    const first = await hub.returns.sync(opts);
    expect(first.ok).toBe(true);
    expect(seen).toEqual(['R1:requested', 'R2:received:+2', 'R3:approved']);
    expect(ledger.onHand('MUG-BLUE')).toBe(7);
    expect(await checkpoints.get('shop')).toBeUndefined(); // the order feed's key stays untouched
    // The bound never lies inside the current second: 1 ms before it.
    expect(await checkpoints.get('returns:shop')).toMatchObject({ until: iso(now - 1) });

    // R1 is received later; R2 changes again (still received): delivered again, restocked only once.
    records[0] = ret('R1', now + 1000, 'received');
    records[1] = ret('R2', now + 2000, 'received');
    now += 10 * 60_000;
    seen.length = 0;
    await hub.returns.sync(opts);
    expect(seen).toEqual(['R1:received:+2', 'R2:received:+2']);
    expect(ledger.onHand('MUG-BLUE')).toBe(9); // R1 +2 now; R2's second version did not add again
  });

  it("policies: 'damaged' and 'none' leave sellable stock alone", async () => {
    const ledger = new StockLedger();
    ledger.setOnHand('MUG-BLUE', 5);
    const hub = new Hub({ accounts: { shop: fakeAccount([ret('R9', T0 + 1000, 'received')], true) } });
    const results: unknown[] = [];
    await hub.returns.sync({ checkpoints: memoryCheckpoints(), since: iso(T0), lagMs: 0, now: () => T0 + 60_000, restock: { ledger, policy: (r) => (r.reason.code === 'damaged' ? 'damaged' : 'sellable'), journal: new MemoryIntentJournal() }, handle: (_r, ctx) => void results.push(ctx.restock) });
    expect(results).toEqual([{ returnId: 'R9', policy: 'damaged', units: { 'MUG-BLUE': 2 }, skipped: [], already: false }]);
    expect(ledger.onHand('MUG-BLUE')).toBe(5);
  });

  it('an account without a returns service named explicitly is a ValidationError', async () => {
    const plain = { ...fakeAccount([]), returns: undefined } as MarketplaceAdapter;
    const hub = new Hub({ accounts: { plain } });
    await expect(hub.returns.sync({ checkpoints: memoryCheckpoints(), accounts: ['plain'], handle: () => {} })).rejects.toBeInstanceOf(ValidationError);
  });
});
