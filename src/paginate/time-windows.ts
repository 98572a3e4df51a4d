import { ValidationError } from '../errors/classes.js';
import { Paginated, type Page, type ResumeToken } from './paginated.js';
import type { FetchedPage, Strategy } from './strategies.js';

export interface TimeWindow {
  from: Date;
  to: Date;
}

/** Splits [from, to) into consecutive windows of at most `maxMs` (APIs that cap date ranges). */
export function splitWindows(from: Date, to: Date, maxMs: number): TimeWindow[] {
  if (!(to.getTime() > from.getTime())) {
    throw new ValidationError({ message: 'the end of the range must be after its start', path: 'until' });
  }
  const out: TimeWindow[] = [];
  for (let start = from.getTime(); start < to.getTime(); start += maxMs) {
    out.push({ from: new Date(start), to: new Date(Math.min(start + maxMs, to.getTime())) });
  }
  return out;
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
export function zonedWindows(from: Date, to: Date, maxMs: number, timeZone: string): Array<TimeWindow & { fromLocal: string; toLocal: string }> {
  return splitWindows(from, to, maxMs).map((w) => {
    const shift = Math.abs(zoneOffsetMinutes(w.from, timeZone) - zoneOffsetMinutes(w.to, timeZone)) * 60_000;
    const f = new Date(w.from.getTime() - shift);
    const t = new Date(w.to.getTime() + shift);
    return { from: f, to: t, fromLocal: formatLocal(f, timeZone), toLocal: formatLocal(t, timeZone) };
  });
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
