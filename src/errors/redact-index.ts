/**
 * Known-value matching for redaction, linear in the text's length whatever the number of
 * registered values: each value is indexed by its last KEY characters (or whole, when shorter),
 * and the text is scanned once by end position. Many values sharing a prefix (every eBay token
 * starts "v^1.1#i^1#", every LWA token "Atza|") therefore never pile up in one bucket.
 */

const KEY = 12;

/** Counts the character positions and candidate checks a scan made (tests assert linearity). */
export interface Meter {
  steps: number;
}

export class ValueIndex {
  /** Values shorter than KEY, by length. */
  private readonly short = new Map<number, Set<string>>();
  /** Values of KEY characters or more, by their last KEY characters. */
  private readonly long = new Map<string, Set<string>>();
  private count = 0;

  get size(): number {
    return this.count;
  }

  add(value: string): boolean {
    const bucket = this.bucketFor(value, true)!;
    if (bucket.has(value)) return false;
    bucket.add(value);
    this.count++;
    return true;
  }

  delete(value: string): void {
    const bucket = this.bucketFor(value, false);
    if (!bucket?.delete(value)) return;
    this.count--;
    if (bucket.size === 0) {
      if (value.length < KEY) this.short.delete(value.length);
      else this.long.delete(value.slice(-KEY));
    }
  }

  /** Pushes [start, end) of every registered value found in `text`. */
  scan(text: string, hits: Array<[number, number]>, meter?: Meter): void {
    if (this.count === 0) return;
    const lengths = [...this.short.keys()];
    for (let end = 1; end <= text.length; end++) {
      if (meter) meter.steps += 1 + lengths.length;
      for (const len of lengths) {
        if (len <= end && this.short.get(len)!.has(text.slice(end - len, end))) hits.push([end - len, end]);
      }
      if (end < KEY || this.long.size === 0) continue;
      const bucket = this.long.get(text.slice(end - KEY, end));
      if (!bucket) continue;
      for (const v of bucket) {
        if (meter) meter.steps++;
        if (v.length <= end && text.startsWith(v, end - v.length)) hits.push([end - v.length, end]);
      }
    }
  }

  private bucketFor(value: string, create: boolean): Set<string> | undefined {
    const map: Map<number | string, Set<string>> = value.length < KEY ? this.short : this.long;
    const key = value.length < KEY ? value.length : value.slice(-KEY);
    let bucket = map.get(key);
    if (!bucket && create) map.set(key, (bucket = new Set()));
    return bucket;
  }
}

/**
 * A ValueIndex bounded by least-recent registration: re-registering a value (every time an order
 * carrying it is mapped again) makes it the most recent, so the data of orders being worked on
 * now is always covered, however many orders came before.
 */
export class LruValueIndex {
  private readonly order = new Map<string, true>();
  readonly index = new ValueIndex();

  constructor(public capacity: number) {}

  get size(): number {
    return this.order.size;
  }

  add(value: string): void {
    if (this.order.delete(value)) {
      this.order.set(value, true);
      return;
    }
    this.order.set(value, true);
    this.index.add(value);
    this.trim();
  }

  trim(): void {
    while (this.order.size > this.capacity) {
      const oldest = this.order.keys().next().value as string;
      this.order.delete(oldest);
      this.index.delete(oldest);
    }
  }
}

/** Redacts every [start, end) range (overlapping ranges merge) in one pass. */
export function applyRanges(text: string, hits: Array<[number, number]>, replacement: string): string {
  if (hits.length === 0) return text;
  hits.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  let out = '';
  let at = 0;
  let [start, end] = hits[0]!;
  for (const [s, e] of hits) {
    if (s <= end) {
      end = Math.max(end, e);
      continue;
    }
    out += text.slice(at, start) + replacement;
    at = end;
    start = s;
    end = e;
  }
  return out + text.slice(at, start) + replacement + text.slice(end);
}

const LOCAL = /[A-Za-z0-9._%+-]/;
const DOMAIN = /[A-Za-z0-9.-]/;
const LETTER = /[A-Za-z]/;

/**
 * E-mail addresses (local@domain.tld), found by expanding around each "@": every character is
 * visited at most by the "@" on its left and the one on its right, so the cost is linear. (The
 * regex it replaces retried from every start of a long token: quadratic, seconds on 40 kB.)
 */
export function scanEmails(text: string, hits: Array<[number, number]>, meter?: Meter): void {
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    let start = at;
    while (start > 0 && LOCAL.test(text[start - 1]!)) start--;
    let stop = at + 1;
    while (stop < text.length && DOMAIN.test(text[stop]!)) stop++;
    if (meter) meter.steps += stop - start;
    if (start === at) continue;
    const end = domainEnd(text, at + 1, stop);
    if (end > 0) hits.push([start, end]);
  }
}

/** End of `domain.tld` inside [from, stop): after the letters of the last ".xx" with 2+ letters. */
function domainEnd(text: string, from: number, stop: number): number {
  let letters = 0;
  for (let i = stop - 1; i > from; i--) {
    const c = text[i]!;
    if (LETTER.test(c)) letters++;
    else if (c === '.' && letters >= 2) return i + 1 + letters;
    else letters = 0;
  }
  return -1;
}
