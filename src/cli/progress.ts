/** Progress bars for `xborder list` (stderr, interactive terminals only). */
import cliProgress from 'cli-progress';
import type { BulkProgressEvent } from '../hub/bulk-types.js';
import type { Io } from './exit.js';

export interface BulkProgress {
  onProgress(e: BulkProgressEvent): void;
  stop(): void;
}

/** How often a non-interactive run (CI, logs, pipes) says where it is. */
export const PROGRESS_INTERVAL_MS = 5000;

export function bulkProgress(io: Io, opts: { intervalMs?: number } = {}): BulkProgress {
  if (!io.interactive) return lineProgress(io, opts.intervalMs ?? PROGRESS_INTERVAL_MS);
  const multi = new cliProgress.MultiBar(
    {
      format: ' {store} [{bar}] {value}/{total}  failed {failed}  skipped {skipped}  rate waits {waits}',
      hideCursor: true,
      clearOnComplete: false,
      stream: process.stderr,
    },
    cliProgress.Presets.shades_classic,
  );
  const bars = new Map<string, cliProgress.SingleBar>();
  const waits = new Map<string, number>();
  return {
    onProgress(e) {
      if (e.type === 'start') {
        bars.set(e.store, multi.create(e.counts.total, e.counts.total - e.counts.queued, { store: e.store.padEnd(16), failed: 0, skipped: e.counts.skipped, waits: 0 }));
      } else if (e.type === 'item' || e.type === 'store-done') {
        const c = e.counts;
        bars.get(e.store)?.update(c.total - c.queued, { failed: c.failed, skipped: c.skipped, waits: waits.get(e.store) ?? 0 });
      } else if (e.type === 'bulk-progress') {
        bars.get(e.store)?.update(e.done + e.failed);
      } else if (e.type === 'rate-wait') {
        for (const s of e.stores) waits.set(s, (waits.get(s) ?? 0) + 1);
      }
    },
    stop: () => multi.stop(),
  };
}

/**
 * Without a terminal: one line per finished store, and a line with every store's position at
 * least every `intervalMs` while work remains, so a log never goes quiet on a long run. `--json`
 * keeps stderr for errors only.
 */
function lineProgress(io: Io, intervalMs: number): BulkProgress {
  if (io.json) return { onProgress: () => {}, stop: () => {} };
  const position = new Map<string, { done: number; total: number; failed: number }>();
  const started = Date.now();
  const timer = setInterval(() => {
    const open = [...position.entries()].filter(([, p]) => p.done < p.total);
    if (open.length === 0) return;
    const parts = open.map(([store, p]) => `${store} ${p.done}/${p.total}${p.failed ? ` (${p.failed} failed)` : ''}`);
    io.err(`progress ${Math.round((Date.now() - started) / 1000)} s: ${parts.join(', ')}`);
  }, intervalMs);
  timer.unref();
  return {
    onProgress: (e) => {
      if (e.type === 'start' || e.type === 'item' || e.type === 'store-done') {
        const c = e.counts;
        position.set(e.store, { done: c.total - c.queued, total: c.total, failed: c.failed });
      } else if (e.type === 'bulk-progress') {
        const p = position.get(e.store);
        if (p) p.done = Math.max(p.done, e.done + e.failed);
      }
      if (e.type === 'store-done') io.err(`${e.store}: ${e.counts.done} done, ${e.counts.failed} failed, ${e.counts.skipped} skipped, ${e.counts.cancelled} cancelled`);
    },
    stop: () => clearInterval(timer),
  };
}
