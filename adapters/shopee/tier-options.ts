import type { Listing } from '../../src/model/listing.js';

type Variant = Listing['variants'][number];

/**
 * An item's tier option lists with the new option values of `placed` appended (new values go
 * last, so existing models keep their tier_index), and whether any list grew.
 */
export function extendTierOptions(lists: string[][], names: string[], placed: Variant[]): { extended: string[][]; grew: boolean } {
  const extended = lists.map((o) => [...o]);
  for (const v of placed) {
    names.forEach((n, t) => {
      if (!extended[t]!.includes(v.options[n]!)) extended[t]!.push(v.options[n]!);
    });
  }
  return { extended, grew: extended.some((o, t) => o.length !== lists[t]!.length) };
}

/** A variant's tier_index in the (extended) option lists. */
export const tierIndexOf = (extended: string[][], names: string[], v: Variant): number[] => names.map((n, t) => extended[t]!.indexOf(v.options[n]!));
