import { describe, expect, it, vi } from 'vitest';
import { ValidationError } from '../../../src/errors/index.js';
import {
  decodeResume, encodeResume, formatLocal, nextCursorMore, nextOffset, nextPageNumber, paginate, splitWindows, windowedPaginate, zonedWindows,
} from '../../../src/paginate/index.js';

const data = Array.from({ length: 23 }, (_, i) => ({ id: `o${i}` }));

function tokenSource() {
  const calls: Array<string | number | undefined> = [];
  const fetchPage = vi.fn(async (_q: { since: string }, cursor: string | number | undefined) => {
    calls.push(cursor);
    const start = cursor === undefined ? 0 : Number(String(cursor).slice(1));
    const items = data.slice(start, start + 10);
    return { items, next: start + 10 < data.length ? `t${start + 10}` : undefined };
  });
  return { fetchPage, calls };
}

describe('paginate', () => {
  it('is lazy: no request until iterated', async () => {
    const { fetchPage } = tokenSource();
    const list = paginate({ strategy: 'next-token', query: { since: 'x' }, fetchPage });
    expect(fetchPage).not.toHaveBeenCalled();
    expect((await list.toArray({ max: 100 })).length).toBe(23);
    expect(fetchPage).toHaveBeenCalledTimes(3);
  });

  it('resumes from a serialized page token with the same query', async () => {
    const { fetchPage, calls } = tokenSource();
    const list = paginate({ strategy: 'next-token', query: { since: 'x' }, fetchPage });
    let token;
    for await (const page of list.pages()) {
      token = page.resume;
      break;
    }
    const wire = encodeResume(token!);
    const rest = await paginate({ strategy: 'next-token', query: { since: 'ignored' }, fetchPage, resumeFrom: decodeResume(wire) }).toArray({ max: 100 });
    expect(rest.map((o) => o.id)).toEqual(data.slice(10).map((o) => o.id));
    expect(fetchPage.mock.calls.at(-1)![0]).toEqual({ since: 'x' });
    expect(calls).toEqual([undefined, 't10', 't20']);
  });

  it('falls back to re-reading the query when the cursor expired, without duplicates', async () => {
    let expired = true;
    const fetchPage = vi.fn(async (_q: unknown, cursor: string | number | undefined) => {
      if (cursor === 't10' && expired) {
        expired = false;
        throw Object.assign(new Error('expired'), { expired: true });
      }
      const start = cursor === undefined ? 0 : Number(String(cursor).slice(1));
      return { items: data.slice(start, start + 10), next: start + 10 < data.length ? `t${start + 10}` : undefined };
    });
    const items = await paginate({
      strategy: 'next-token', query: {}, fetchPage, resumeFrom: { v: 1, strategy: 'next-token', query: {}, cursor: 't10' },
      isCursorExpired: (e) => (e as { expired?: boolean }).expired === true, idOf: (o) => o.id,
    }).toArray({ max: 100 });
    expect(items.map((o) => o.id)).toEqual(data.map((o) => o.id));
  });

  it('toArray requires a max and stops there', async () => {
    const { fetchPage } = tokenSource();
    const list = paginate({ strategy: 'next-token', query: { since: 'x' }, fetchPage });
    await expect(list.toArray({} as { max: number })).rejects.toBeInstanceOf(ValidationError);
    expect(await list.toArray({ max: 5 })).toHaveLength(5);
    expect(() => decodeResume('garbage')).toThrow(ValidationError);
  });

  it('computes next cursors for offset, page-number and cursor+more strategies', () => {
    expect(nextOffset(0, 10, 10)).toBe(10);
    expect(nextOffset(10, 10, 3)).toBeUndefined();
    expect(nextOffset(0, 10, 10, 10)).toBeUndefined();
    expect(nextPageNumber(1, 50, 50, 120)).toBe(2);
    expect(nextPageNumber(3, 50, 20, 120)).toBeUndefined();
    expect(nextCursorMore(true, 'c2')).toBe('c2');
    expect(nextCursorMore(false, 'c2')).toBeUndefined();
  });
});

describe('time windows', () => {
  it('splits a 40-day range into 15-day windows (3 windows)', () => {
    const from = new Date('2026-01-01T00:00:00Z');
    const w = splitWindows(from, new Date('2026-02-10T00:00:00Z'), 15 * 86_400_000);
    expect(w.map((x) => x.from.toISOString())).toEqual(['2026-01-01T00:00:00.000Z', '2026-01-16T00:00:00.000Z', '2026-01-31T00:00:00.000Z']);
    expect(w.at(-1)!.to.toISOString()).toBe('2026-02-10T00:00:00.000Z');
    expect(() => splitWindows(from, from, 1000)).toThrow(ValidationError);
  });

  it('formats US-Pacific wall-clock strings and widens windows across DST changes', () => {
    expect(formatLocal(new Date('2026-07-01T12:00:00Z'), 'America/Los_Angeles')).toBe('2026-07-01 05:00:00');
    expect(formatLocal(new Date('2026-01-01T12:00:00Z'), 'America/Los_Angeles')).toBe('2026-01-01 04:00:00');
    // DST ends 2026-11-01 09:00Z: the window covering it is widened by one hour on each side.
    const [w] = zonedWindows(new Date('2026-10-31T00:00:00Z'), new Date('2026-11-02T00:00:00Z'), 3 * 86_400_000, 'America/Los_Angeles');
    expect(w!.from.toISOString()).toBe('2026-10-30T23:00:00.000Z');
    expect(w!.toLocal).toBe('2026-11-01 17:00:00');
    const [plain] = zonedWindows(new Date('2026-06-01T00:00:00Z'), new Date('2026-06-02T00:00:00Z'), 86_400_000, 'America/Los_Angeles');
    expect(plain!.fromLocal).toBe('2026-05-31 17:00:00');
  });

  it('windowed listing resumes at the right window and cursor, de-duplicating overlaps', async () => {
    const windows = splitWindows(new Date('2026-01-01T00:00:00Z'), new Date('2026-01-31T00:00:00Z'), 15 * 86_400_000);
    const byWindow = [[{ id: 'a' }, { id: 'b' }, { id: 'c' }], [{ id: 'c' }, { id: 'd' }]];
    const fetchPage = async (_q: unknown, w: { from: Date }, cursor: string | number | undefined) => {
      const idx = windows.findIndex((x) => x.from === w.from);
      const rows = byWindow[idx]!;
      const start = Number(cursor ?? 0);
      return { items: rows.slice(start, start + 2), next: start + 2 < rows.length ? start + 2 : undefined };
    };
    const spec = { strategy: 'cursor-more' as const, query: {}, windows, fetchPage, idOf: (o: { id: string }) => o.id };
    const pages = [];
    for await (const p of windowedPaginate(spec).pages()) pages.push(p);
    expect(pages.flatMap((p) => p.items.map((i) => i.id))).toEqual(['a', 'b', 'c', 'd']);
    expect(pages[1]!.resume).toEqual({ v: 1, strategy: 'cursor-more', query: {}, window: 1, cursor: undefined });
    const resumed = await windowedPaginate({ ...spec, resumeFrom: pages[1]!.resume }).toArray({ max: 10 });
    expect(resumed.map((i) => i.id)).toEqual(['c', 'd']);
  });
});
