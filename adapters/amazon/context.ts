import { ValidationError } from '../../src/errors/classes.js';
import type { CallOptions } from '../../src/http/call-options.js';
import type { Clock } from '../../src/http/clock.js';
import type { Operation, RawResult, RequestParts } from '../../src/http/operation.js';
import type { Pipeline } from '../../src/http/pipeline.js';
import type { ConsistencyWindow } from '../../src/http/verify.js';
import type { Store } from '../../src/model/store.js';
import type { IntentJournal } from '../../src/state/intent-journal.js';
import { withAuthScope } from './auth.js';
import type { FeedPoll, ResolvedConfig } from './config.js';
import type { ListingMemory } from './listing-memory.js';
import type { AmazonMarketplace } from './marketplaces.js';

export type AmazonStore = Store & { amazon: AmazonMarketplace };

/** What every service of one adapter instance (one seller account) shares. */
export class AmazonContext {
  readonly sellerId: string;
  readonly stores: AmazonStore[];

  constructor(
    readonly config: ResolvedConfig,
    readonly pipeline: Pipeline,
    readonly memory: ListingMemory,
    readonly journal: IntentJournal,
    readonly clock: Clock,
    readonly consistency: ConsistencyWindow,
    readonly feedPoll: FeedPoll,
  ) {
    this.sellerId = config.parsed.sellerId;
    this.stores = config.stores;
  }

  /** A store of this account by id ('FR') or marketplace id; the first store by default. */
  store(ref?: string): AmazonStore {
    if (ref === undefined) return this.stores[0]!;
    if (typeof ref !== 'string') throw new ValidationError({ message: "options.store must be a store id such as 'FR'", path: 'options.store' });
    const found = this.stores.find((s) => s.id === ref.toUpperCase() || s.marketplaceId === ref || (ref.toUpperCase() === 'GB' && s.id === 'UK'));
    if (!found) throw new ValidationError({ message: `Store "${ref}" is not one of this account's stores (${this.stores.map((s) => s.id).join(', ')})`, path: 'options.store' });
    return found;
  }

  storeByMarketplaceId(id: string | undefined): AmazonStore | undefined {
    return id === undefined ? undefined : this.stores.find((s) => s.marketplaceId === id);
  }

  /** Every adapter call runs in its own auth scope (see auth.ts). */
  call<Req extends RequestParts, Out>(op: Operation<Req, Out>, parts: Req, opts?: CallOptions): Promise<RawResult<Out>> {
    return withAuthScope(() => this.pipeline.call(op, parts, opts));
  }

  /** Waits scale with the sandbox's time scale, like the rate plans do. */
  scaled(ms: number): number {
    return ms / this.config.parsed.timeScale;
  }
}
