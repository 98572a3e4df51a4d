import { ValidationError } from '../errors/classes.js';
import { toDecimal } from '../model/money.js';
import type { StoreRun } from './bulk-store.js';
import type { BulkReport } from './bulk-types.js';
import type { Catalog } from './catalog-types.js';
import { seconds, textTable } from './text-table.js';

export function buildBulkReport(catalog: Catalog, startedAt: Date, runs: StoreRun[]): BulkReport {
  const finishedAt = new Date();
  const items = runs.flatMap((r) => r.items.filter(Boolean));
  const count = (o: string) => items.filter((i) => i.outcome === o).length;
  const totals = {
    listings: catalog.listings.length,
    rejected: catalog.errors.length === 0 ? 0 : new Set(catalog.errors.map((e) => e.row)).size,
    items: items.length,
    done: count('done'),
    failed: count('failed'),
    skipped: count('skipped'),
    cancelled: count('cancelled'),
  };
  return {
    source: catalog.source,
    startedAt: startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    durationMs: finishedAt.getTime() - startedAt.getTime(),
    ok: totals.failed === 0 && totals.cancelled === 0 && totals.rejected === 0,
    totals,
    stores: runs.map((r) => ({
      store: r.target.ref,
      account: r.target.account,
      marketplace: r.target.adapter.marketplace,
      currency: r.target.store.currency,
      path: r.path,
      ...r.counts,
      rateWaits: r.rateWaits,
      rateWaitMs: r.rateWaitMs,
      throttled: r.throttled,
      durationMs: r.durationMs,
    })),
    items,
    rejected: catalog.errors,
  };
}

/** The human version of a BulkReport: one line per store, then every failure and rejected row. */
export function formatBulkReport(report: BulkReport, opts: { maxLines?: number } = {}): string {
  const r = report as Partial<BulkReport> | null;
  if (typeof r !== 'object' || r === null || !Array.isArray(r.stores) || !Array.isArray(r.items) || !Array.isArray(r.rejected) || typeof r.totals !== 'object' || r.totals === null) {
    throw new ValidationError({ message: 'report must be the BulkReport of hub.listings.bulkUpsert()', path: 'report' });
  }
  try {
    return formatReport(report, opts);
  } catch (e) {
    // A report edited by hand can break any field; say which argument, never a TypeError.
    throw new ValidationError({ message: `report is not a well-formed BulkReport (${e instanceof Error ? e.message : 'unreadable'})`, path: 'report' });
  }
}

function formatReport(report: BulkReport, opts: { maxLines?: number }): string {
  const max = typeof opts?.maxLines === 'number' && opts.maxLines >= 0 ? opts.maxLines : 50;
  const out: string[] = [];
  out.push(`Bulk listing of ${report.source}: ${report.totals.listings} listings × ${report.stores.length} stores in ${seconds(report.durationMs)}`);
  out.push('');
  out.push(textTable(
    ['STORE', 'CUR', 'PATH', 'DONE', 'FAILED', 'SKIPPED', 'CANCELLED', 'RATE WAITS', '429 RETRIED'],
    report.stores.map((s) => [s.store, s.currency, s.path, s.done, s.failed, s.skipped, s.cancelled, `${s.rateWaits} (${seconds(s.rateWaitMs)})`, s.throttled]),
  ));
  const failed = report.items.filter((i) => i.outcome === 'failed');
  if (failed.length) {
    out.push('', `Failed (${failed.length}):`);
    out.push(textTable(
      ['STORE', 'SKU', 'ROW', 'CODE', 'MESSAGE'],
      failed.slice(0, max).map((i) => [i.store, i.sku, i.row ?? '', i.error?.code ?? '', clip(i.error?.message ?? '', 90)]),
    ));
    if (failed.length > max) out.push(`... and ${failed.length - max} more (use --json for all)`);
  }
  if (report.rejected.length) {
    out.push('', `Rejected catalog rows (${report.totals.rejected}):`);
    out.push(textTable(
      ['ROW', 'SKU', 'FIELD', 'PROBLEM'],
      report.rejected.slice(0, max).map((e) => [e.row, e.sku ?? '', e.field, clip(e.message, 90)]),
    ));
    if (report.rejected.length > max) out.push(`... and ${report.rejected.length - max} more`);
  }
  const cancelled = report.totals.cancelled;
  if (cancelled) out.push('', `${cancelled} items were cancelled; run again with the same journal to finish them.`);
  const sample = report.items.find((i) => i.outcome === 'done' && i.price);
  if (sample?.price) out.push('', `e.g. ${sample.sku} on ${sample.store}: ${toDecimal(sample.price)} ${sample.price.currency}`);
  out.push('', report.ok ? 'Every listing is done.' : 'Some listings need attention.');
  return out.join('\n');
}

function clip(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}
