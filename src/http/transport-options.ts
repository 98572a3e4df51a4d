import type { AxiosInstance } from 'axios';
import { z } from 'zod';
import type { IntentJournal } from '../state/intent-journal.js';
import type { Clock } from './clock.js';
import type { Hooks } from './hooks.js';
import type { Limiter } from './limiter.js';
import type { RetryPolicy } from './retry.js';
import type { ConsistencyWindow } from './verify.js';

const isFn = (v: unknown) => typeof v === 'function';
const isObj = (v: unknown) => typeof v === 'object' && v !== null;

export const RetryPolicyInputSchema = z
  .object({ retries: z.number().int().min(0), baseDelayMs: z.number().min(0), maxDelayMs: z.number().min(0) })
  .partial();

/** How long reads may lag a write, for verify-before-replay (default 3 s, re-read every 0.5 s). */
export const ConsistencyWindowSchema = z
  .object({ windowMs: z.number().min(0), intervalMs: z.number().min(0) })
  .default({ windowMs: 3000, intervalMs: 500 });

/**
 * The pipeline seams every adapter factory accepts (hooks, clock, journal, limiter, transport,
 * retry, time scale, consistency window, timeout), as a zod shape to spread into its config schema.
 */
export const transportOptionsShape = {
  hooks: z.custom<Hooks>((v) => v === undefined || isObj(v)).optional(),
  timeScale: z.number().positive().optional(),
  clock: z.custom<Clock>((v) => isObj(v) && isFn((v as Clock).now)).optional(),
  journal: z.custom<IntentJournal>(isObj).optional(),
  limiter: z.custom<Limiter>(isObj).optional(),
  transport: z.custom<AxiosInstance>((v) => isFn(v) || isObj(v)).optional(),
  retry: RetryPolicyInputSchema.optional(),
  consistency: ConsistencyWindowSchema,
  timeoutMs: z.number().int().positive().optional(),
};

/** The same seams once resolved (defaults filled in): what an adapter hands its pipelines. */
export interface PipelineSeams {
  clock: Clock;
  limiter: Limiter;
  journal: IntentJournal;
  hooks?: Hooks;
  retry?: Partial<RetryPolicy>;
  timeScale?: number;
  consistency: ConsistencyWindow;
  transport?: AxiosInstance;
  timeoutMs?: number;
}
