/** `xborder orders sync --stores f --checkpoint f [--follow]`: checkpointed order sync to JSONL. */
import { promises as fs } from 'node:fs';
import type { Command } from 'commander';
import { fileCheckpoints } from '../../hub/checkpoints.js';
import { formatSyncReport } from '../../hub/sync-report.js';
import type { Order } from '../../model/order.js';
import { toDecimal } from '../../model/money.js';
import { CliError, EXIT_OK, EXIT_PARTIAL } from '../exit.js';
import { csvList, hubFromConfig, type CliContext } from '../context.js';
import { checkJsonFileIfExists } from '../inputs.js';

interface SyncFlags {
  stores?: string;
  checkpoint?: string;
  follow?: boolean;
  interval?: string;
  overlap?: string;
  since?: string;
  out?: string;
  accounts?: string;
  pii?: boolean;
  quarantine?: string;
}

export function registerOrders(program: Command, ctx: CliContext, done: (code: number) => void): void {
  const orders = program.command('orders').description('order feeds of every account');
  orders
    .command('sync')
    .description('incremental, checkpointed sync of every account\'s orders (at least once)')
    .option('--stores <file>', 'store config file')
    .option('--checkpoint <file>', 'checkpoint file (JSON, written atomically)')
    .option('--follow', 'keep polling until Ctrl-C')
    .option('--interval <seconds>', 'polling interval with --follow', '60')
    .option('--overlap <minutes>', 'how far each window re-reads before the checkpoint', '10')
    .option('--since <iso>', 'start of the first window when there is no checkpoint (default: 24 h ago)')
    .option('--out <file>', 'append every delivered order as one JSON line (your ERP import)')
    .option('--accounts <keys>', 'only these accounts, comma-separated')
    .option('--pii', 'include buyer name and address')
    .option('--quarantine <mode>', "'hold' (default) keeps the checkpoint behind a malformed record; 'skip' moves on", 'hold')
    .action(async (flags: SyncFlags) => done(await runSync(ctx, flags)));
}

async function runSync(ctx: CliContext, flags: SyncFlags): Promise<number> {
  if (!flags.checkpoint) throw new CliError('--checkpoint <file> is required');
  const interval = Number(flags.interval);
  const overlap = Number(flags.overlap);
  if (!(interval > 0)) throw new CliError('--interval must be a positive number of seconds');
  if (!(overlap >= 0)) throw new CliError('--overlap must be a number of minutes ≥ 0');
  if (flags.quarantine !== 'hold' && flags.quarantine !== 'skip') throw new CliError("--quarantine is 'hold' or 'skip'");
  if (flags.since !== undefined && Number.isNaN(Date.parse(flags.since))) throw new CliError('--since must be an ISO date-time');
  // A damaged checkpoint is a configuration problem (exit 2, file and position), found before any call.
  await checkJsonFileIfExists(flags.checkpoint, 'checkpoint file');
  const { hub } = await hubFromConfig(ctx, flags.stores);
  const handle = async (order: Order, c: { store: string }) => {
    // Appended before the checkpoint moves: a crash here means redelivery, never a gap.
    if (flags.out) await fs.appendFile(flags.out, `${JSON.stringify(order)}\n`, 'utf8');
    if (!ctx.io.json) ctx.io.out(orderLine(order, c.store));
  };
  const report = await hub.orders.sync({
    checkpoints: fileCheckpoints(flags.checkpoint),
    handle,
    accounts: csvList(flags.accounts),
    overlapMs: overlap * 60_000,
    since: flags.since,
    follow: !!flags.follow,
    intervalMs: interval * 1000,
    includePii: !!flags.pii,
    quarantine: flags.quarantine,
    signal: ctx.signal,
    onEvent: (e) => {
      if (e.type === 'window-end' && !ctx.io.json && flags.follow) {
        ctx.io.err(`${e.account.padEnd(12)} ${e.window.until}  ${e.window.delivered} new, ${e.window.duplicates} unchanged${e.window.error ? `, failed: ${e.window.error.message}` : ''}`);
      }
    },
  });
  if (ctx.io.json) ctx.io.out(JSON.stringify(report));
  else ctx.io.out(`\n${formatSyncReport(report)}`);
  return report.ok ? EXIT_OK : EXIT_PARTIAL;
}

function orderLine(o: Order, store: string): string {
  const total = o.totals.charged ? `${toDecimal(o.totals.charged)} ${o.totals.charged.currency}` : '';
  const units = o.lines.reduce((n, l) => n + l.quantity, 0);
  return [store.padEnd(16), o.id.padEnd(24), o.status.padEnd(17), o.updatedAt.utc, `${units} unit${units === 1 ? '' : 's'}`, total].join('  ').trimEnd();
}
