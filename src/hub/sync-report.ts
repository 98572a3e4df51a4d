import type { SyncReport } from './sync-types.js';
import { textTable } from './text-table.js';

/** The human version of a SyncReport: one line per account, then held checkpoints and errors. */
export function formatSyncReport(report: SyncReport): string {
  const out: string[] = [];
  out.push(textTable(
    ['ACCOUNT', 'MARKETPLACE', 'WINDOWS', 'DELIVERED', 'DUPLICATES', 'CHECKPOINT', 'STATE'],
    report.accounts.map((a) => [
      a.account, a.marketplace, a.windows, a.delivered, a.duplicates, a.committedUntil ?? '-',
      a.last?.error ? (a.last.error.code === 'ABORTED' && a.ok ? 'stopped' : `failed: ${a.last.error.code}`) : a.last?.held ? `held (${a.last.held})` : a.last?.committed ? 'committed' : 'stopped',
    ]),
  ));
  for (const a of report.accounts) {
    const w = a.last;
    if (w?.quarantined.length) {
      out.push('', `${a.account}: ${w.quarantined.length} quarantined record(s) ${w.held ? 'hold the checkpoint at ' + w.since : '(skipped)'}:`);
      for (const q of w.quarantined.slice(0, 10)) out.push(`  ${q.recordId ?? `#${q.index}`}: ${q.issues.map((i) => `${i.path} ${i.message}`).join('; ')}`);
    }
    if (w?.held === 'unsettled') out.push('', `${a.account}: a one-second slice denser than a page kept changing across its pages; the checkpoint waits before it and the next run reads it again.`);
    for (const e of a.errors.slice(-5)) out.push('', `${a.account}: ${e.error.code}${e.error.orderId ? ` on order ${e.error.orderId}` : ''}: ${e.error.message}`);
  }
  return out.join('\n');
}
