import { z } from 'zod';
import { ValidationError } from '../errors/classes.js';
import { Paginated, type Page, type ResumeToken } from './paginated.js';
import type { FetchedPage, Strategy } from './strategies.js';

export interface TimeWindow {
  from: Date;
  to: Date;
}

/**
 * Instants an order feed can be asked about: no marketplace predates 1995, and 2100 is far past
 * any `until` a caller can mean. Outside it a date is a mistake (a year 1 or 275760 `until`
 * would otherwise become millions of windows, i.e. a hang).
 */
export const MIN_WINDOW_INSTANT = Date.UTC(1995, 0, 1);
export const MAX_WINDOW_INSTANT = Date.UTC(2100, 0, 1);
/**
 * A caller's order-feed date (Date or ISO 8601 instant with offset) inside the sane range above:
 * adapters validate createdSince / updatedSince / until with it, so a year-1 or year-275760 date is
 * a ValidationError naming the field instead of a request, a hang or a RangeError.
 */
export const WindowDateSchema = z
  .union([z.date(), z.iso.datetime({ offset: true })])
  .transform((v) => new Date(v))
  .refine((d) => d.getTime() >= MIN_WINDOW_INSTANT && d.getTime() <= MAX_WINDOW_INSTANT, 'must fall between 1995-01-01 and 2100-01-01');

/** More windows than this (e.g. 100 years of 15-day windows is ~2,400) is a caller mistake. */
export const MAX_WINDOWS = 10_000;

/** Splits [from, to) into consecutive windows of at most `maxMs` (APIs that cap date ranges). */
export function splitWindows(from: Date, to: Date, maxMs: number, paths: { from?: string; to?: string } = {}): TimeWindow[] {
  const fromPath = paths.from ?? 'since';
  const toPath = paths.to ?? 'until';
  const start = instant(from, fromPath);
  const end = instant(to, toPath);
  if (!(end > start)) {
    throw new ValidationError({ message: 'the end of the range must be after its start', path: toPath });
  }
  if (typeof maxMs !== 'number' || !Number.isFinite(maxMs) || maxMs < 1_000) {
    throw new ValidationError({ message: 'the window length must be at least one second', path: 'windowMs' });
  }
  if ((end - start) / maxMs > MAX_WINDOWS) {
    throw new ValidationError({ message: `the range needs more than ${MAX_WINDOWS} windows; narrow it`, path: fromPath });
  }
  const out: TimeWindow[] = [];
  for (let t = start; t < end; t += maxMs) {
    out.push({ from: new Date(t), to: new Date(Math.min(t + maxMs, end)) });
  }
  return out;
}

/** A valid Date inside [MIN_WINDOW_INSTANT, MAX_WINDOW_INSTANT], as epoch ms. */
export function instant(d: unknown, path: string): number {
  const t = d instanceof Date ? d.getTime() : NaN;
  if (Number.isNaN(t)) throw new ValidationError({ message: `${path} is not a valid date`, path });
  if (t < MIN_WINDOW_INSTANT || t > MAX_WINDOW_INSTANT) {
    throw new ValidationError({ message: `${path} must fall between 1995-01-01 and 2100-01-01`, path });
  }
  return t;
}

/** 'YYYY-MM-DD HH:mm:ss' wall-clock time of an instant in an IANA zone (e.g. America/Los_Angeles). */
export function formatLocal(date: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
  }).formatToParts(date);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '00';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}:${get('second')}`;
}

/** UTC offset of a zone at an instant, in minutes (e.g. −420 for PDT). */
export function zoneOffsetMinutes(date: Date, timeZone: string): number {
  const local = formatLocal(date, timeZone).replace(' ', 'T') + 'Z';
  return Math.round((Date.parse(local) - Math.floor(date.getTime() / 1000) * 1000) / 60_000);
}

/**
 * Windows for APIs that take local wall-clock strings. Where a window touches a DST change the
 * same wall-clock hour happens twice (or not at all), so the window is widened by the offset
 * difference on both sides: windows overlap there and the listing de-duplicates by id.
 */
export function zonedWindows(
  from: Date, to: Date, maxMs: number, timeZone: string, paths: { from?: string; to?: string } = {},
): Array<TimeWindow & { fromLocal: string; toLocal: string }> {
  checkTimeZone(timeZone);
  return splitWindows(from, to, maxMs, paths).map((w) => {
    const shift = Math.abs(zoneOffsetMinutes(w.from, timeZone) - zoneOffsetMinutes(w.to, timeZone)) * 60_000;
    const f = new Date(w.from.getTime() - shift);
    const t = new Date(w.to.getTime() + shift);
    return { from: f, to: t, fromLocal: formatLocal(f, timeZone), toLocal: formatLocal(t, timeZone) };
  });
}

function checkTimeZone(timeZone: unknown): void {
  try {
    if (typeof timeZone !== 'string') throw new RangeError('not a string');
    new Intl.DateTimeFormat('en-CA', { timeZone });
  } catch {
    throw new ValidationError({ message: 'timeZone must be an IANA zone such as "America/Los_Angeles"', path: 'timeZone' });
  }
}

export interface WindowedSpec<T, Q, W extends TimeWindow> {
  strategy: Strategy;
  query: Q;
  windows: W[];
  first?: string | number;
  fetchPage(query: Q, window: W, cursor: string | number | undefined): Promise<FetchedPage<T>>;
  resumeFrom?: ResumeToken;
  idOf?(item: T): string;
  isCursorExpired?(error: unknown): boolean;
}

/** Pages through each window in turn; the resume token records the window index and cursor. */
export function windowedPaginate<T, Q, W extends TimeWindow>(spec: WindowedSpec<T, Q, W>): Paginated<T> {
  return new Paginated<T>(async function* (): AsyncGenerator<Page<T>> {
    const seen = spec.idOf ? new Set<string>() : undefined;
    const query = (spec.resumeFrom?.query as Q) ?? spec.query;
    let index = spec.resumeFrom?.window ?? 0;
    let cursor = spec.resumeFrom ? spec.resumeFrom.cursor : spec.first;
    for (; index < spec.windows.length; index++, cursor = spec.first) {
      const window = spec.windows[index]!;
      for (;;) {
        let fetched: FetchedPage<T>;
        try {
          fetched = await spec.fetchPage(query, window, cursor);
        } catch (e) {
          if (cursor !== spec.first && spec.isCursorExpired?.(e)) {
            cursor = spec.first; // the window is re-read from its start; ids de-duplicate
            continue;
          }
          throw e;
        }
        const items = seen ? fetched.items.filter((i) => !seen.has(spec.idOf!(i)) && (seen.add(spec.idOf!(i)), true)) : fetched.items;
        const lastWindow = index === spec.windows.length - 1;
        const resume: ResumeToken | undefined =
          fetched.next !== undefined ? { v: 1, strategy: spec.strategy, query, window: index, cursor: fetched.next }
          : lastWindow ? undefined : { v: 1, strategy: spec.strategy, query, window: index + 1, cursor: spec.first };
        yield { items, resume, quarantined: fetched.quarantined ?? [] };
        if (fetched.next === undefined) break;
        cursor = fetched.next;
      }
    }
  });
}
