import type { Attributes, PatchOperation } from '../schemas/listings.js';

/**
 * Which attributes really changed. Amazon returns attribute values with extra keys (audience,
 * other marketplaces' entries...), so "unchanged" means: the current entries for this marketplace
 * contain every key we would send, with equal values. Only changed attributes are patched, so edits
 * made in Seller Central to anything else survive.
 */
function sameScalar(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if ((typeof a === 'number' || typeof a === 'string') && (typeof b === 'number' || typeof b === 'string') && a !== '' && b !== '') {
    const na = Number(a);
    return Number.isFinite(na) && na === Number(b);
  }
  return false;
}

/** `want` ⊆ `have`: objects by key (extra keys in `have` ignored), arrays element-wise. */
export function containedIn(want: unknown, have: unknown): boolean {
  if (Array.isArray(want)) {
    return Array.isArray(have) && want.length === have.length && want.every((w, i) => containedIn(w, have[i]));
  }
  if (want && typeof want === 'object') {
    if (!have || typeof have !== 'object' || Array.isArray(have)) return false;
    return Object.entries(want as Record<string, unknown>).every(([k, v]) => containedIn(v, (have as Record<string, unknown>)[k]));
  }
  return sameScalar(want, have);
}

function forMarketplace(entries: unknown, marketplaceId: string): unknown[] {
  if (!Array.isArray(entries)) return [];
  return entries.filter((e) => {
    const mp = (e as { marketplace_id?: unknown } | null)?.marketplace_id;
    return mp === undefined || mp === marketplaceId;
  });
}

export function changedAttributes(desired: Attributes, current: Record<string, unknown> | undefined, marketplaceId: string): string[] {
  return Object.keys(desired).filter((name) => !containedIn(desired[name], forMarketplace(current?.[name], marketplaceId)));
}

export function replacePatches(desired: Attributes, names: string[]): PatchOperation[] {
  return names.map((name) => ({ op: 'replace', path: `/attributes/${name}`, value: desired[name]! }));
}
