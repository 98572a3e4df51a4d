/** `xborder validate <catalog> --stores stores.json`: preflight alone — what each store would refuse, and why. */
import type { Command } from 'commander';
import { loadCatalog } from '../../hub/catalog.js';
import type { BulkReport } from '../../hub/bulk-types.js';
import { preflight, type PreflightResult, type PreflightSummary } from '../../hub/preflight.js';
import { allStoreRefs } from '../../hub/store-ref.js';
import { CliError, EXIT_OK, EXIT_PARTIAL } from '../exit.js';
import { csvList, hubFromConfig, pricingFromConfig, type CliContext } from '../context.js';

interface ValidateFlags {
  stores?: string;
  to?: string;
  currency?: string;
}

export function registerValidate(program: Command, ctx: CliContext, done: (code: number) => void): void {
  program
    .command('validate')
    .description("check a catalog against each store's published requirements (cached), without listing anything")
    .argument('<catalog>', 'catalog file (.csv or .json)')
    .option('--stores <file>', 'store config file (accounts, pricing)')
    .option('--to <stores>', "only these stores, comma-separated 'account:store'")
    .option('--currency <code>', 'currency of catalog rows without one (default: pricing.base)')
    .action(async (catalogFile: string, flags: ValidateFlags) => done(await runValidate(ctx, catalogFile, flags)));
}

async function runValidate(ctx: CliContext, catalogFile: string, flags: ValidateFlags): Promise<number> {
  const { hub, config } = await hubFromConfig(ctx, flags.stores);
  const pricing = await pricingFromConfig(config, ctx.signal);
  const catalog = await loadCatalog(catalogFile, { currency: flags.currency ?? pricing?.base });
  for (const w of catalog.warnings) ctx.io.err(`warning: ${w}`);
  if (catalog.listings.length === 0 && catalog.errors.length === 0) throw new CliError(`${catalogFile} has no rows`);
  const refs = csvList(flags.to) ?? allStoreRefs(hub.accounts);
  const result = await preflight(refs.map((r) => hub.store(r)), catalog, { pricing, signal: ctx.signal });
  if (ctx.io.json) ctx.io.out(JSON.stringify({ summary: result.summary, held: heldList(result), rejectedRows: catalog.errors }));
  else ctx.io.out(formatPreflight(result, catalog.errors.length));
  return result.summary.held === 0 && catalog.errors.length === 0 ? EXIT_OK : EXIT_PARTIAL;
}

function heldList(r: PreflightResult) {
  return [...r.held].flatMap(([store, skus]) => [...skus].map(([sku, issues]) => ({ store, sku, issues })));
}

/** One line per held-back (store, SKU) and per issue: unified path, marketplace name, message, closest values. */
export function formatPreflight(r: PreflightResult, badRows = 0): string {
  const lines = [summaryLine(r.summary)];
  if (badRows) lines.push(`${badRows} catalog row(s) rejected before validation`);
  for (const { store, sku, issues } of heldList(r)) {
    lines.push(`✗ ${store} ${sku}`);
    for (const i of issues) {
      const x = i as typeof i & { path?: string; suggestions?: string[] };
      lines.push(`    ${i.severity.padEnd(7)} ${(x.path ?? '').padEnd(24)} ${i.message}${x.suggestions?.length ? ` [try: ${x.suggestions.join(', ')}]` : ''}`);
    }
  }
  return lines.join('\n');
}

function summaryLine(s: PreflightSummary): string {
  const parts = [`validation: ${s.checked} checked, ${s.held} held back`];
  if (s.unchecked.length) parts.push(`not checked (no published requirements): ${s.unchecked.join(', ')}`);
  if (s.unavailable.length) parts.push(`${s.unavailable.length} without readable requirements (left to the marketplace)`);
  return parts.join('; ');
}

/** The summary `xborder list` prints under its report. */
export function preflightSummaryOf(report: BulkReport): string | undefined {
  return report.preflight ? summaryLine(report.preflight) : undefined;
}
