import { ValidationError } from '../../errors/classes.js';
import { normalizePostal } from '../request.js';

interface CountryEntry<T> {
  whole?: T;
  prefixes: Map<string, T>;
  /** Distinct prefix lengths, longest first. */
  lengths: number[];
}

/**
 * Country + postal-prefix lookup (zones, remote areas). The longest matching prefix wins; an entry
 * without prefixes covers the rest of its country. Built once per card, O(prefix lengths) per lookup.
 */
export class PrefixIndex<T> {
  private readonly byCountry = new Map<string, CountryEntry<T>>();

  add(countries: readonly string[], prefixes: readonly string[] | undefined, value: T, path: string): void {
    for (const country of countries) {
      let entry = this.byCountry.get(country);
      if (!entry) {
        entry = { prefixes: new Map(), lengths: [] };
        this.byCountry.set(country, entry);
      }
      if (!prefixes) {
        if (entry.whole !== undefined) throw ambiguous(path, country);
        entry.whole = value;
        continue;
      }
      for (const raw of prefixes) {
        const p = normalizePostal(raw);
        if (entry.prefixes.has(p)) throw ambiguous(path, `${country} ${p}`);
        entry.prefixes.set(p, value);
        if (!entry.lengths.includes(p.length)) entry.lengths.push(p.length);
      }
      entry.lengths.sort((a, b) => b - a);
    }
  }

  /** `postal` must already be normalised (PreparedShipment.toPostal). */
  find(country: string, postal: string): T | undefined {
    const entry = this.byCountry.get(country);
    if (!entry) return undefined;
    for (const len of entry.lengths) {
      if (postal.length < len) continue;
      const hit = entry.prefixes.get(postal.slice(0, len));
      if (hit !== undefined) return hit;
    }
    return entry.whole;
  }
}

function ambiguous(path: string, what: string): ValidationError {
  return new ValidationError({ message: `Invalid ${path}: ${what} is listed twice (ambiguous)`, path });
}
