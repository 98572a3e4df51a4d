import type { z } from 'zod';
import { ResponseShapeError } from '../errors/classes.js';

function issuesOf(error: z.ZodError) {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
}

/** Strict structural parse of a response body; no body content ever goes into the error. */
export function parseWire<S extends z.ZodType>(schema: S, data: unknown, ctx: { marketplace: string; operation: string }): z.output<S> {
  const r = schema.safeParse(data);
  if (!r.success) {
    throw new ResponseShapeError({ ...ctx, message: `Response of ${ctx.operation} does not match its schema`, issues: issuesOf(r.error) });
  }
  return r.data;
}

export interface Quarantined {
  index: number;
  recordId?: string;
  issues: Array<{ path: string; message: string }>;
}

/**
 * Lenient per-record parse: one malformed record is quarantined and reported instead of failing
 * its whole page (marketplaces evolve; one odd order must not block a sync).
 */
export function parseRecords<S extends z.ZodType>(
  schema: S,
  records: readonly unknown[],
  idOf: (raw: unknown) => string | undefined = () => undefined,
): { items: Array<z.output<S>>; quarantined: Quarantined[] } {
  const items: Array<z.output<S>> = [];
  const quarantined: Quarantined[] = [];
  records.forEach((raw, index) => {
    const r = schema.safeParse(raw);
    if (r.success) items.push(r.data);
    else quarantined.push({ index, recordId: safeId(idOf, raw), issues: issuesOf(r.error) });
  });
  return { items, quarantined };
}

function safeId(idOf: (raw: unknown) => string | undefined, raw: unknown): string | undefined {
  try {
    return idOf(raw);
  } catch {
    return undefined;
  }
}
