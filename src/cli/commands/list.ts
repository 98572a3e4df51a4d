/** `xborder list <catalog> --stores stores.json [--journal f]`: bulk listing with progress bars. */
import type { Command } from 'commander';
import { formatBulkReport } from '../../hub/bulk-report.js';
import { loadCatalog } from '../../hub/catalog.js';
import { CliError, EXIT_OK, EXIT_PARTIAL } from '../exit.js';
import { csvList, hubFromConfig, pricingFromConfig, type CliContext } from '../context.js';
import { bulkProgress } from '../progress.js';
import { preflightSummaryOf } from './validate.js';

interface ListFlags {
  stores?: string;
  to?: string;
  journal?: string;
  currency?: string;
  concurrency?: string;
  single?: boolean;
  /** commander's --no-preflight */
  preflight?: boolean;
}

export function registerList(program: Command, ctx: CliContext, done: (code: number) => void): void {
  program
    .command('list')
    .description('list a catalog (CSV or JSON) on every store of the config, with converted prices')
    .argument('<catalog>', 'catalog file (.csv or .json)')
    .option('--stores <file>', 'store config file (accounts, pricing)')
    .option('--to <stores>', "only these stores, comma-separated 'account:store'")
    .option('--journal <file>', 'resume journal (JSONL): a re-run continues where a killed run stopped')
    .option('--currency <code>', 'currency of catalog rows without one (default: pricing.base)')
    .option('--concurrency <n>', 'listings in flight per store (default 16)')
    .option('--single', "never use the adapters' bulk paths")
    .option('--no-preflight', "submit without checking the stores' published requirements first")
    .action(async (catalogFile: string, flags: ListFlags) => done(await runList(ctx, catalogFile, flags)));
}

async function runList(ctx: CliContext, catalogFile: string, flags: ListFlags): Promise<number> {
  const { hub, config } = await hubFromConfig(ctx, flags.stores);
  const pricing = await pricingFromConfig(config, ctx.signal);
  const catalog = await loadCatalog(catalogFile, { currency: flags.currency ?? pricing?.base });
  for (const w of catalog.warnings) ctx.io.err(`warning: ${w}`);
  if (catalog.listings.length === 0 && catalog.errors.length === 0) throw new CliError(`${catalogFile} has no rows`);
  const concurrency = flags.concurrency === undefined ? undefined : Number(flags.concurrency);
  if (concurrency !== undefined && !(Number.isInteger(concurrency) && concurrency > 0)) throw new CliError('--concurrency must be a positive whole number');
  const progress = bulkProgress(ctx.io);
  let report;
  try {
    report = await hub.listings.bulkUpsert(catalog, {
      stores: csvList(flags.to),
      pricing,
      journal: flags.journal,
      signal: ctx.signal,
      onProgress: progress.onProgress,
      ...(concurrency ? { concurrency } : {}),
      ...(flags.single ? { singleOnly: true } : {}),
      ...(flags.preflight === false ? { preflight: false } : {}),
    });
  } finally {
    progress.stop();
  }
  if (ctx.io.json) ctx.io.out(JSON.stringify(report));
  else {
    ctx.io.out(formatBulkReport(report));
    const pre = preflightSummaryOf(report);
    if (pre) ctx.io.out(pre);
  }
  return report.ok ? EXIT_OK : EXIT_PARTIAL;
}
