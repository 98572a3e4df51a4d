import { ValidationError } from '../../src/errors/classes.js';
import type { CallOptions } from '../../src/http/call-options.js';
import type { Clock } from '../../src/http/clock.js';
import type { Operation, RawResult, RequestParts } from '../../src/http/operation.js';
import type { Pipeline } from '../../src/http/pipeline.js';
import type { ConsistencyWindow } from '../../src/http/verify.js';
import type { IntentJournal } from '../../src/state/intent-journal.js';
import type { EbayStore, ResolvedConfig } from './config.js';
import { findMarketplace } from './marketplaces.js';
import type { SiteSkus } from './site-skus.js';
import { verifiedOps, type VerifiedOps } from './verify.js';

/** What every service of one adapter instance (one eBay user token) shares. */
export class EbayContext {
  readonly account: string;
  readonly stores: EbayStore[];
  /** Unified SKU ⇄ per-site seller SKU (site-skus.ts). */
  readonly skus: SiteSkus;
  /** The op table with verify steps on the non-idempotent writes (verify.ts). */
  readonly ops: VerifiedOps;

  constructor(
    readonly config: ResolvedConfig,
    readonly pipeline: Pipeline,
    readonly journal: IntentJournal,
    readonly clock: Clock,
    readonly consistency: ConsistencyWindow,
  ) {
    this.account = config.parsed.account;
    this.stores = config.stores;
    this.skus = config.skus;
    this.ops = verifiedOps(this);
  }

  /** A store by id ('EBAY_GB') or country ('GB'); the first store by default. */
  store(ref?: string): EbayStore {
    if (ref === undefined) return this.stores[0]!;
    if (typeof ref !== 'string') throw new ValidationError({ message: "options.store must be a store id such as 'EBAY_GB'", path: 'options.store' });
    const id = findMarketplace(ref)?.id;
    const found = this.stores.find((s) => s.id === id);
    if (!found) throw new ValidationError({ message: `Store "${ref}" is not one of this account's stores (${this.stores.map((s) => s.id).join(', ')})`, path: 'options.store' });
    return found;
  }

  storeById(id: string | undefined): EbayStore | undefined {
    return id === undefined ? undefined : this.stores.find((s) => s.id === id || (id === 'EBAY_MOTORS' && s.id === 'EBAY_MOTORS_US'));
  }

  call<Req extends RequestParts, Out>(op: Operation<Req, Out>, parts: Req, opts?: CallOptions): Promise<RawResult<Out>> {
    return this.pipeline.call(op, parts, opts);
  }
}
