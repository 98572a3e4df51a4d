/**
 * A fast, constant-memory order feed for scale tests and benchmarks (issue 17): order i is built
 * on demand (updated at `from + i × stepMs`), listings are offset pages over [since, until]
 * found by arithmetic, so the feed itself holds nothing per order.
 */
import type { MarketplaceAdapter, OrderListQuery } from '../../../../src/adapter.js';
import type { Order } from '../../../../src/model/order.js';
import { Paginated, type Page } from '../../../../src/paginate/paginated.js';
import { FakeAdapter, makeOrder, store } from './fake-adapter.js';

export interface LazyFeedOptions {
  count: number;
  from: number;
  stepMs: number;
  pageSize?: number;
}

export class LazyFeed extends FakeAdapter {
  requests = 0;

  constructor(private readonly feed: LazyFeedOptions) {
    super({ marketplace: 'lazy', account: 'L1', stores: [store('US', 'USD')], pageSize: feed.pageSize ?? 100 });
    this.now = feed.from + feed.count * feed.stepMs + 3 * 60_000;
    const self = this;
    (this as { orders: MarketplaceAdapter['orders'] }).orders = {
      ...this.orders,
      list: (q: OrderListQuery): Paginated<Order> => {
        const size = feed.pageSize ?? 100;
        const since = q.updatedSince ? new Date(q.updatedSince).getTime() : -Infinity;
        const until = q.until ? new Date(q.until).getTime() : self.now;
        const lo = Math.max(0, Math.ceil((since - feed.from) / feed.stepMs));
        const hi = Math.min(feed.count - 1, Math.floor((until - feed.from) / feed.stepMs));
        return new Paginated<Order>(async function* (): AsyncGenerator<Page<Order>> {
          for (let offset = lo; ; offset += size) {
            self.requests++;
            const end = Math.min(hi + 1, offset + size);
            const items: Order[] = [];
            for (let i = offset; i < end; i++) items.push(makeOrder(`L${i}`, feed.from + i * feed.stepMs, 'US', 'lazy'));
            const more = end <= hi;
            yield { items, quarantined: [], resume: more ? { v: 1, strategy: 'offset', query: q, cursor: end } : undefined };
            if (!more) return;
          }
        });
      },
    };
  }
}
