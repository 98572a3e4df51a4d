/** Unit factors to a base unit (grams, millimetres): enough to compare a listing's measure with a limit. */
const FACTORS: Record<string, { kind: 'weight' | 'length'; toBase: number }> = {
  g: { kind: 'weight', toBase: 1 }, gram: { kind: 'weight', toBase: 1 }, grams: { kind: 'weight', toBase: 1 },
  kg: { kind: 'weight', toBase: 1000 }, kilograms: { kind: 'weight', toBase: 1000 },
  // International avoirdupois pound and ounce (exact by definition, NIST Handbook 44 App. C).
  lb: { kind: 'weight', toBase: 453.59237 }, pounds: { kind: 'weight', toBase: 453.59237 },
  oz: { kind: 'weight', toBase: 28.349523125 }, ounces: { kind: 'weight', toBase: 28.349523125 },
  mm: { kind: 'length', toBase: 1 }, millimeters: { kind: 'length', toBase: 1 },
  cm: { kind: 'length', toBase: 10 }, centimeters: { kind: 'length', toBase: 10 },
  m: { kind: 'length', toBase: 1000 }, meters: { kind: 'length', toBase: 1000 },
  in: { kind: 'length', toBase: 25.4 }, inches: { kind: 'length', toBase: 25.4 },
};

const norm = (u: string) => u.trim().toLowerCase();

/** Whether `unit` is one the converter knows. */
export function knownUnit(unit: string): boolean {
  return norm(unit) in FACTORS;
}

/** `value` in `from` expressed in `to`; undefined when the units are unknown or of different kinds. */
export function convertUnit(value: number, from: string, to: string): number | undefined {
  const a = FACTORS[norm(from)];
  const b = FACTORS[norm(to)];
  if (!a || !b || a.kind !== b.kind) return undefined;
  return (value * a.toBase) / b.toBase;
}
