import type { SandboxBuyer } from './buyer.js';
import type { SandboxClock } from './clock.js';
import type { Faults } from './faults.js';
import type { SandboxLimits } from './limits.js';
import type { Router, SandboxResponse } from './router.js';

/** What the framework hands each marketplace module. */
export interface SandboxContext {
  clock: SandboxClock;
  limits: SandboxLimits;
  faults: Faults;
  random: () => number;
  timeScale: number;
  /** This module's base URL (known once the server listens). */
  baseUrl(): string;
}

/**
 * One marketplace's simulator, registered by its adapter package (`adapters/<m>/sandbox`). The
 * framework knows nothing about any marketplace; modules bring routes, state and error shapes.
 */
export interface SandboxModule<State = unknown> {
  name: string;
  /** Registers routes; called once when the sandbox starts. */
  install(router: Router, ctx: SandboxContext): void;
  /** The marketplace's own throttling response (used by fault injection). */
  throttled(retryAfterMs: number): SandboxResponse;
  /** The marketplace's own 5xx response. */
  serverError(): SandboxResponse;
  /** In-memory state, for tests, the demo and benchmarks. */
  readonly state: State;
  /** Buyers who order only what a live listing shows (where the module models it). */
  readonly buyer?: SandboxBuyer;
}
