/** Rule validity windows: validFrom and validTo (last day the rule applies) are inclusive ISO dates. */
export interface Dated {
  validFrom: string;
  validTo?: string;
}

// ISO dates compare correctly as strings: no Date objects on the hot path.
export function inWindow(r: Dated, asOf: string): boolean {
  return asOf >= r.validFrom && (r.validTo === undefined || asOf <= r.validTo);
}

export function firstValid<T extends Dated>(list: readonly T[], asOf: string, pred?: (r: T) => boolean): T | undefined {
  for (const r of list) if (inWindow(r, asOf) && (!pred || pred(r))) return r;
  return undefined;
}

export function allValid<T extends Dated>(list: readonly T[], asOf: string, pred?: (r: T) => boolean): T[] {
  const out: T[] = [];
  for (const r of list) if (inWindow(r, asOf) && (!pred || pred(r))) out.push(r);
  return out;
}
