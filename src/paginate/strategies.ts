import type { Quarantined } from '../http/parse.js';
import { Paginated, type Page, type ResumeToken } from './paginated.js';

export type Strategy = ResumeToken['strategy'];

/** What an adapter returns for one page; `next` is the cursor of the following page, if any. */
export interface FetchedPage<T> {
  items: T[];
  next?: string | number;
  quarantined?: Quarantined[];
}

export interface PaginateSpec<T, Q> {
  strategy: Strategy;
  query: Q;
  /** Cursor of the first page (offset 0, page 1, no token...). */
  first?: string | number;
  fetchPage(query: Q, cursor: string | number | undefined): Promise<FetchedPage<T>>;
  resumeFrom?: ResumeToken;
  /** An error meaning the cursor expired (e.g. SP-API tokens after 24 h): restart the query from its start. */
  isCursorExpired?(error: unknown): boolean;
  /**
   * Item id for de-duplication after a restart. Memory is bounded: the last SEEN_BOUND ids are
   * remembered, so a restart deep into a long listing may yield older items again (at least once).
   */
  idOf?(item: T): string;
}

/** Ids a listing remembers for de-duplication (issue 17: long-lived sets are bounded). */
export const SEEN_BOUND = 10_000;

/** A set of at least the last `bound` ids added, in O(bound) memory: two generations, the older dropped. */
class RecentIds {
  private current = new Set<string>();
  private previous = new Set<string>();
  constructor(private readonly bound: number) {}
  has(id: string): boolean {
    return this.current.has(id) || this.previous.has(id);
  }
  add(id: string): void {
    if (this.current.size >= this.bound) {
      this.previous = this.current;
      this.current = new Set();
    }
    this.current.add(id);
  }
}

/** One paginated listing over any cursor strategy, resumable and restartable. */
export function paginate<T, Q>(spec: PaginateSpec<T, Q>): Paginated<T> {
  return new Paginated<T>(() => pageGenerator(spec));
}

async function* pageGenerator<T, Q>(spec: PaginateSpec<T, Q>): AsyncGenerator<Page<T>> {
  const query = (spec.resumeFrom?.query as Q) ?? spec.query;
  let cursor = spec.resumeFrom ? spec.resumeFrom.cursor : spec.first;
  const seen = spec.idOf ? new RecentIds(SEEN_BOUND) : undefined;
  let restarted = false;
  for (;;) {
    let fetched: FetchedPage<T>;
    try {
      fetched = await spec.fetchPage(query, cursor);
    } catch (e) {
      if (!restarted && cursor !== spec.first && spec.isCursorExpired?.(e)) {
        restarted = true;
        cursor = spec.first;
        continue;
      }
      throw e;
    }
    const items = seen ? dedupe(fetched.items, seen, spec.idOf!) : fetched.items;
    const resume: ResumeToken | undefined = fetched.next === undefined ? undefined : { v: 1, strategy: spec.strategy, query, cursor: fetched.next };
    yield { items, resume, quarantined: fetched.quarantined ?? [] };
    if (fetched.next === undefined) return;
    cursor = fetched.next;
  }
}

function dedupe<T>(items: T[], seen: RecentIds, idOf: (t: T) => string): T[] {
  const out: T[] = [];
  for (const item of items) {
    const id = idOf(item);
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(item);
  }
  return out;
}

/** next-token (SP-API): next = token from the body. */
export const nextTokenCursor = (token: string | undefined | null) => (token ? token : undefined);

/** offset/limit: next offset while a full page came back (or below the total when known). */
export function nextOffset(offset: number, limit: number, received: number, total?: number): number | undefined {
  const next = offset + received;
  if (total !== undefined) return next < total ? next : undefined;
  return received >= limit ? next : undefined;
}

/** page-number (AliExpress): next page while pages remain. */
export function nextPageNumber(page: number, pageSize: number, received: number, total?: number): number | undefined {
  if (total !== undefined) return page * pageSize < total ? page + 1 : undefined;
  return received >= pageSize ? page + 1 : undefined;
}

/** cursor + more (Shopee). */
export const nextCursorMore = (more: boolean | undefined, cursor: string | undefined) => (more && cursor ? cursor : undefined);
