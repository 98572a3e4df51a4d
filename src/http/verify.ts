import type { Clock } from './clock.js';
import type { VerifyOutcome } from './operation.js';

export interface ConsistencyWindow {
  /** How long a marketplace may read stale after a write. */
  windowMs: number;
  /** Pause between re-reads inside the window. */
  intervalMs: number;
}

/**
 * Re-reads until the write is seen or the window closes. "Not done" is only believed after the
 * whole window passed without seeing it (reads lag right after a write).
 */
export async function verifyWithin<Out>(
  check: () => Promise<VerifyOutcome<Out>>,
  window: ConsistencyWindow,
  clock: Clock,
  signal?: AbortSignal,
): Promise<VerifyOutcome<Out>> {
  const until = clock.now() + window.windowMs;
  let last: VerifyOutcome<Out> = { state: 'unknown', reason: 'not checked' };
  for (;;) {
    try {
      last = await check();
    } catch (e) {
      last = { state: 'unknown', reason: (e as Error).message };
    }
    if (last.state === 'done') return last;
    if (clock.now() >= until) return last;
    await clock.sleep(Math.min(window.intervalMs, Math.max(0, until - clock.now())), signal);
  }
}
