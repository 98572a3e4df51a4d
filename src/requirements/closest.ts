/**
 * The allowed values closest to what the seller wrote, best first. Edit distance on lower-cased
 * text, with values that contain (or are contained in) the input ranked first.
 * NOTE: no string-similarity library is installed (fastest-levenshtein was requested from the
 * lead); this small distance function is the stand-in until it is.
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

/** Levenshtein distance (two rows). */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}
