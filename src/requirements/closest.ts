import { distance } from 'fastest-levenshtein';

/**
 * The allowed values closest to what the seller wrote, best first. Edit distance on lower-cased
 * text, with values that contain (or are contained in) the input ranked first.
 */
export function closestValues(input: string, allowed: readonly string[], max = 3): string[] {
  const q = input.trim().toLowerCase();
  if (!q) return allowed.slice(0, max);
  const scored = allowed.map((value, i) => {
    const v = value.toLowerCase();
    const contains = v.includes(q) || q.includes(v) ? 0 : 1;
    return { value, i, contains, d: distance(q, v) / Math.max(q.length, v.length, 1) };
  });
  scored.sort((a, b) => a.contains - b.contains || a.d - b.d || a.i - b.i);
  return scored.slice(0, max).map((s) => s.value);
}
