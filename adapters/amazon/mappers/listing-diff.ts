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

/**
 * purchasable_offer holds one entry per audience (ALL = the consumer offer, B2B = Amazon Business;
 * product type definitions, purchasable_offer.audience), each with its own our_price, discounted
 * price schedule and minimum/maximum seller-allowed prices. Offers are compared and changed per
 * audience: a consumer price change never touches the B2B offer or the other parts of the entry.
 */
const audienceOf = (e: unknown) => String((e as { audience?: unknown } | null)?.audience ?? 'ALL');

function offersChanged(desired: Array<Record<string, unknown>>, current: unknown[]): boolean {
  return desired.some((want) => !containedIn(want, current.find((have) => audienceOf(have) === audienceOf(want))));
}

export function changedAttributes(desired: Attributes, current: Record<string, unknown> | undefined, marketplaceId: string): string[] {
  return Object.keys(desired).filter((name) => {
    const have = forMarketplace(current?.[name], marketplaceId);
    return name === 'purchasable_offer' ? offersChanged(desired[name]!, have) : !containedIn(desired[name], have);
  });
}

/** Our audience entries merged over the current ones (other keys kept); other audiences and marketplaces untouched. */
export function mergeOffers(desired: Array<Record<string, unknown>>, current: unknown): Array<Record<string, unknown>> {
  const entries = (Array.isArray(current) ? current : []) as Array<Record<string, unknown>>;
  const key = (e: Record<string, unknown>) => `${String(e.marketplace_id ?? '')}|${audienceOf(e)}`;
  const wanted = new Map(desired.map((d) => [key(d), d]));
  const out = entries.map((e) => (wanted.has(key(e)) ? { ...e, ...wanted.get(key(e)) } : e));
  for (const d of desired) if (!entries.some((e) => key(e) === key(d))) out.push(d);
  return out;
}

export function replacePatches(desired: Attributes, names: string[]): PatchOperation[] {
  return names.map((name) => ({ op: 'replace', path: `/attributes/${name}`, value: desired[name]! }));
}

/** Replace patches for the changed attributes, with offers merged per audience into what is there. */
export function patchesFor(desired: Attributes, current: Record<string, unknown> | undefined, names: string[]): PatchOperation[] {
  return names.map((name) => ({
    op: 'replace' as const,
    path: `/attributes/${name}`,
    value: name === 'purchasable_offer' ? mergeOffers(desired[name]!, current?.[name]) : desired[name]!,
  }));
}
