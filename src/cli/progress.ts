/** Progress bars for `xborder list` (stderr, interactive terminals only). */
import cliProgress from 'cli-progress';
import type { BulkProgressEvent } from '../hub/bulk-types.js';
import type { Io } from './exit.js';

export interface BulkProgress {
  onProgress(e: BulkProgressEvent): void;
  stop(): void;
}

export function bulkProgress(io: Io): BulkProgress {
  if (!io.interactive) {
    return {
      onProgress: (e) => {
        if (e.type === 'store-done' && !io.json) io.err(`${e.store}: ${e.counts.done} done, ${e.counts.failed} failed, ${e.counts.skipped} skipped, ${e.counts.cancelled} cancelled`);
      },
      stop: () => {},
    };
  }
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
