/** Issue 17.2: a listing's de-duplication memory is bounded, and still removes a restart's repeats. */
import { describe, expect, it } from 'vitest';
import { paginate, SEEN_BOUND } from '../../../src/paginate/strategies.js';

function listing(total: number, expireAt: number) {
  let expired = false;
  return paginate<{ id: string }, null>({
    strategy: 'offset', query: null, first: 0, idOf: (o) => o.id,
    isCursorExpired: (e) => (e as { expired?: boolean }).expired === true,
    fetchPage: async (_q, cursor) => {
      const offset = Number(cursor);
      if (offset === expireAt && !expired) {
        expired = true;
        throw Object.assign(new Error('expired'), { expired: true });
      }
      const items = Array.from({ length: Math.min(1000, total - offset) }, (_, i) => ({ id: `O${offset + i}` }));
      return { items, ...(offset + 1000 < total ? { next: offset + 1000 } : {}) };
    },
  });
}

describe('paginate: bounded de-duplication', () => {
  it('a restart within the bound yields nothing twice', async () => {
    const ids: string[] = [];
    for await (const o of listing(SEEN_BOUND / 2, 3000)) ids.push(o.id);
    expect(ids).toHaveLength(SEEN_BOUND / 2);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('a restart far into a long listing yields every item, some twice: memory stays bounded (at least once)', async () => {
    const total = SEEN_BOUND * 3;
    const ids: string[] = [];
    for await (const o of listing(total, total - 1000)) ids.push(o.id);
    const distinct = new Set(ids);
    expect(distinct.size).toBe(total);
    // Older ids were forgotten, so the re-read repeats items (never more than were read before it).
    const repeated = ids.length - total;
    expect(repeated).toBeGreaterThan(0);
    expect(repeated).toBeLessThanOrEqual(total - 1000);
  });
});
