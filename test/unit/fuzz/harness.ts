/**
 * Fuzz harness for issue 12 point 3: hostile input to a public entry point may only end in a
 * ValidationError naming a non-empty path (or succeed), never another error, never a hang.
 */
import fc from 'fast-check';
import { isXborderError } from '../../../src/errors/index.js';

/** 2,000 runs per entry point by default (FUZZ_RUNS overrides, e.g. for a long local soak). */
export const RUNS = Number(process.env.FUZZ_RUNS ?? 2000);

/**
 * Runs for an entry point that costs more per run (async, adapters): RUNS / divisor locally, the
 * full RUNS in CI, so every public entry point gets 2,000+ runs there (issue 12).
 */
export const runsFor = (divisor: number): number => (process.env.CI ? RUNS : Math.max(100, Math.ceil(RUNS / divisor)));

const NASTY_KEYS = ['__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty', 'prototype', 'then', ''];

/** Values that broke entry points before: prototype keys, huge numbers, bigints, bad dates. */
export const targeted = fc.constantFrom<unknown>(
  null, undefined, NaN, Infinity, -Infinity, 1e21, -1e21, 2 ** 53, -0, 0.1 + 0.2, 10n ** 30n, -1n, 0n, true,
  '', ' ', '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'NaN', '1e999', '-0', '0x10', '１２', 'x'.repeat(5000),
  new Date(NaN), new Date(8.64e15), new Date(-8.64e15), new Date('0001-01-01T00:00:00Z'), new Date('9999-12-31T00:00:00Z'),
  '0001-01-01T00:00:00Z', '275760-09-13T00:00:00Z', '-271821-04-20T00:00:00Z', '2024-02-30',
  [], [null], {}, Object.create(null), { __proto__: null, constructor: 1 }, JSON.parse('{"__proto__":{"x":1}}'),
  () => 1, Symbol('s'), new Map(), new Set([1]), Promise.resolve(1), new Uint8Array(2),
);

/** Anything fast-check can build (bigints, dates, null-prototype objects, prototype-like keys) or a targeted value. */
const generated: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.anything({
    withBigInt: true, withDate: true, withMap: true, withSet: true, withNullPrototype: true, withSparseArray: true,
    withBoxedValues: true, withTypedArray: true, maxDepth: 2, maxKeys: 4, depthSize: 'xsmall', size: 'xsmall',
    key: fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom(...NASTY_KEYS)),
  }) },
  { weight: 2, arbitrary: targeted },
);

/**
 * The hostile values of this run: a fresh random pool (new seed every run) drawn once, so 2,000
 * runs per entry point cost microseconds each instead of regenerating deep values every time.
 */
const POOL = fc.sample(generated, 4_000);
export const hostile: fc.Arbitrary<unknown> = fc.oneof(fc.constantFrom(...POOL), targeted);

/** A copy of `base` with the value at one of its paths (or the whole) replaced by a hostile value. */
export function mutated<T>(base: T): fc.Arbitrary<unknown> {
  const paths = pathsOf(base);
  return fc.tuple(fc.nat({ max: paths.length - 1 }), hostile, fc.boolean()).map(([i, v, drop]) => {
    const path = paths[i]!;
    if (path.length === 0) return v;
    const copy = plainCopy(base) as Record<PropertyKey, unknown>;
    let node: Record<PropertyKey, unknown> = copy;
    for (const k of path.slice(0, -1)) node = node[k] as Record<PropertyKey, unknown>;
    const last = path[path.length - 1]!;
    if (drop && !Array.isArray(node)) delete node[last];
    else node[last] = v;
    return copy;
  });
}

/** Either a hostile value or a near-valid mutation of `base`. */
export function hostileOr<T>(base: T): fc.Arbitrary<unknown> {
  return fc.oneof(hostile, mutated(base), mutated(base));
}

/** Deep copy of plain objects and arrays; functions, stores and class instances are shared. */
function plainCopy(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(plainCopy);
  if (v && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plainCopy(x)]));
  }
  return v;
}

function pathsOf(value: unknown, prefix: PropertyKey[] = [], out: PropertyKey[][] = [], depth = 0): PropertyKey[][] {
  out.push(prefix);
  const plain = Array.isArray(value) || (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype);
  if (depth < 5 && plain) {
    for (const k of Object.keys(value)) pathsOf((value as Record<string, unknown>)[k], [...prefix, Array.isArray(value) ? Number(k) : k], out, depth + 1);
  }
  return out;
}

/** Records why an outcome is not allowed; undefined when it is. */
export function verdict(error: unknown, allow?: (e: unknown) => boolean): string | undefined {
  if (isXborderError(error) && error.code === 'VALIDATION') {
    const path = (error as { path?: unknown }).path;
    return typeof path === 'string' && path.length > 0 ? undefined : `ValidationError with an empty path: ${error.message}`;
  }
  if (allow?.(error)) return undefined;
  const e = error as Error;
  return `${e?.name ?? typeof error}: ${String(e?.message ?? error).slice(0, 300)}`;
}

export interface Outcome {
  threw: boolean;
  error?: unknown;
}

const HANG_MS = 2_000;

/** Runs fn and turns a thrown error / rejected promise / hang into an Outcome. */
export async function outcome(fn: () => unknown): Promise<Outcome> {
  try {
    const r = fn();
    if (r && typeof (r as Promise<unknown>).then === 'function') {
      let timer: NodeJS.Timeout | undefined;
      const hang = new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`HANG: no answer within ${HANG_MS} ms`)), HANG_MS); });
      try {
        await Promise.race([r, hang]);
      } finally {
        clearTimeout(timer);
      }
    }
    return { threw: false };
  } catch (error) {
    return { threw: true, error };
  }
}

/** Synchronous variant (most helpers are sync; keeps 2,000 runs cheap). */
export function outcomeSync(fn: () => unknown): Outcome {
  try {
    const r = fn();
    if (r && typeof (r as Promise<unknown>).then === 'function') throw new Error('expected a synchronous entry point');
    return { threw: false };
  } catch (error) {
    return { threw: true, error };
  }
}

/** fast-check property: fn(args) either returns or throws a ValidationError with a path. */
export function assertOnlyValidation<Ts extends [unknown, ...unknown[]]>(
  arbs: { [K in keyof Ts]: fc.Arbitrary<Ts[K]> },
  fn: (...args: Ts) => unknown,
  opts: { runs?: number; allow?: (e: unknown) => boolean } = {},
): void {
  fc.assert(
    fc.property(...(arbs as unknown as [fc.Arbitrary<unknown>]), (...args: unknown[]) => {
      const o = outcomeSync(() => fn(...(args as Ts)));
      const bad = o.threw ? verdict(o.error, opts.allow) : undefined;
      if (bad) throw new Error(bad);
    }),
    { numRuns: opts.runs ?? RUNS },
  );
}

/** Async variant for entry points returning promises (adapters, hub, stores). */
export async function assertOnlyValidationAsync<Ts extends [unknown, ...unknown[]]>(
  arbs: { [K in keyof Ts]: fc.Arbitrary<Ts[K]> },
  fn: (...args: Ts) => unknown,
  opts: { runs?: number; allow?: (e: unknown) => boolean } = {},
): Promise<void> {
  await fc.assert(
    fc.asyncProperty(...(arbs as unknown as [fc.Arbitrary<unknown>]), async (...args: unknown[]) => {
      const o = await outcome(() => fn(...(args as Ts)));
      const bad = o.threw ? verdict(o.error, opts.allow) : undefined;
      if (bad) throw new Error(bad);
    }),
    { numRuns: opts.runs ?? RUNS },
  );
}
