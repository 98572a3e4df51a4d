import { parseInput } from '../errors/from-response.js';
import { ValidationError } from '../errors/classes.js';
import type { ResumeToken } from '../paginate/paginated.js';
import { ReturnListQuerySchema } from './schemas.js';

/** A returns.list window in epoch ms, with the unified statuses asked for: what a resume token carries. */
export interface ReturnListWindow {
  since: number;
  until: number;
  statuses?: string[];
}

/**
 * The caller's returns.list query checked (ValidationError naming the field) and turned into its
 * window: from the resume token when there is one, else updatedSince → until (default: now).
 */
export function returnListWindow(query: unknown, now: number): { window: ReturnListWindow; resumeFrom?: ResumeToken } {
  const q = parseInput(ReturnListQuerySchema, query ?? {}, 'query');
  if (q.resumeFrom) return { window: q.resumeFrom.query as ReturnListWindow, resumeFrom: q.resumeFrom };
  if (!q.updatedSince) throw new ValidationError({ message: 'returns.list needs updatedSince (or resumeFrom)', path: 'query.updatedSince' });
  const until = (q.until ?? new Date(now)).getTime();
  return { window: { since: q.updatedSince.getTime(), until, ...(q.statuses?.length ? { statuses: q.statuses } : {}) } };
}
