import { ValidationError } from '../errors/classes.js';
import type { Quarantined } from '../http/parse.js';

/**
 * Serializable position in a listing: the query (and window) as well as the marketplace cursor,
 * so an expired cursor can fall back to re-reading its window.
 */
export interface ResumeToken {
  v: 1;
  strategy: 'next-token' | 'offset' | 'page-number' | 'cursor-more';
  query: unknown;
  /** Marketplace cursor for the next page (token, offset, page number, cursor string). */
  cursor?: string | number;
  /** Index of the current time window when the listing is split into windows. */
  window?: number;
}

export interface Page<T> {
  items: T[];
  /** Where to continue after this page; undefined on the last page. */
  resume?: ResumeToken;
  /** Records that failed their schema on this page (reported, not fatal). */
  quarantined: Quarantined[];
}

/**
 * A lazy async iterable of items: no request until iteration starts. `pages()` exposes pages with
 * resume tokens; `toArray({ max })` requires a bound.
 */
export class Paginated<T> implements AsyncIterable<T> {
  constructor(private readonly source: () => AsyncGenerator<Page<T>>) {}

  pages(): AsyncIterable<Page<T>> {
    return { [Symbol.asyncIterator]: () => this.source() };
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<T> {
    for await (const page of this.source()) yield* page.items;
  }

  async toArray(opts: { max: number }): Promise<T[]> {
    if (!opts || !Number.isInteger(opts.max) || opts.max < 1 || opts.max > 100_000) {
      throw new ValidationError({ message: 'toArray needs { max } between 1 and 100000', path: 'max' });
    }
    const out: T[] = [];
    for await (const item of this) {
      out.push(item);
      if (out.length >= opts.max) break;
    }
    return out;
  }

  /** Maps items lazily. */
  map<U>(fn: (item: T) => U): Paginated<U> {
    const src = this.source;
    return new Paginated<U>(async function* () {
      for await (const page of src()) yield { ...page, items: page.items.map(fn) };
    });
  }
}

/**
 * Whether the listing goes on inside the same query (and time window) after `page`, the page being
 * from window `window`: the page is then a page-sized cut of its window, not the whole of it.
 * Windowed listings (time-windows.ts) move to `window + 1` with the first cursor when one ends.
 */
export function continuesWindow(page: Page<unknown>, window: number): boolean {
  return page.resume !== undefined && (page.resume.window === undefined || page.resume.window === window);
}

/** Encodes a resume token as an opaque string (for CLI flags, files). */
export function encodeResume(token: ResumeToken): string {
  return Buffer.from(JSON.stringify(token), 'utf8').toString('base64url');
}

export function decodeResume(text: string): ResumeToken {
  try {
    const t = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as ResumeToken;
    if (t.v !== 1) throw new Error('version');
    return t;
  } catch {
    throw new ValidationError({ message: 'resumeFrom is not a valid resume token', path: 'resumeFrom' });
  }
}
