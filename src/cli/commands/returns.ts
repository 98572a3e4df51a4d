/** `xborder returns sync` (checkpointed returns sync to JSONL) and `xborder returns show <id>`. */
import { promises as fs } from 'node:fs';
import type { Command } from 'commander';
import { fileCheckpoints } from '../../hub/checkpoints.js';
import { formatSyncReport } from '../../hub/sync-report.js';
import { toDecimal } from '../../model/money.js';
import type { Return } from '../../model/return.js';
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
}

export function registerReturns(program: Command, ctx: CliContext, done: (code: number) => void): void {
  const returns = program.command('returns').description('returns, refunds and buyer cancellation requests');
  returns
    .command('sync')
    .description("incremental, checkpointed sync of every account's returns (at least once)")
    .option('--stores <file>', 'store config file')
    .option('--checkpoint <file>', 'checkpoint file (JSON, written atomically; may be shared with orders sync)')
    .option('--follow', 'keep polling until Ctrl-C')
    .option('--interval <seconds>', 'polling interval with --follow', '60')
    .option('--overlap <minutes>', 'how far each window re-reads before the checkpoint', '10')
    .option('--since <iso>', 'start of the first window when there is no checkpoint (default: 24 h ago)')
    .option('--out <file>', 'append every delivered return as one JSON line')
    .option('--accounts <keys>', 'only these accounts, comma-separated')
    .action(async (flags: SyncFlags) => done(await runSync(ctx, flags)));
  returns
    .command('show <id>')
    .description('one return, as the marketplace has it now')
    .option('--stores <file>', 'store config file')
    .option('--account <key>', 'account the return belongs to (default: the only account with returns)')
    .action(async (id: string, flags: { stores?: string; account?: string }) => done(await runShow(ctx, id, flags)));
}

async function runSync(ctx: CliContext, flags: SyncFlags): Promise<number> {
  if (!flags.checkpoint) throw new CliError('--checkpoint <file> is required');
  const interval = Number(flags.interval);
  const overlap = Number(flags.overlap);
  if (!(interval > 0)) throw new CliError('--interval must be a positive number of seconds');
  if (!(overlap >= 0)) throw new CliError('--overlap must be a number of minutes ≥ 0');
  if (flags.since !== undefined && Number.isNaN(Date.parse(flags.since))) throw new CliError('--since must be an ISO date-time');
  await checkJsonFileIfExists(flags.checkpoint, 'checkpoint file');
  const { hub } = await hubFromConfig(ctx, flags.stores);
  const report = await hub.returns.sync({
    checkpoints: fileCheckpoints(flags.checkpoint),
    handle: async (r, c) => {
      // Appended before the checkpoint moves: a crash here means redelivery, never a gap.
      if (flags.out) await fs.appendFile(flags.out, `${JSON.stringify(r)}\n`, 'utf8');
      if (!ctx.io.json) ctx.io.out(returnLine(r, c.store));
    },
    accounts: csvList(flags.accounts),
    overlapMs: overlap * 60_000,
    since: flags.since,
    follow: !!flags.follow,
    intervalMs: interval * 1000,
    signal: ctx.signal,
  });
  if (ctx.io.json) ctx.io.out(JSON.stringify(report));
  else ctx.io.out(`\n${formatSyncReport(report)}`);
  return report.ok ? EXIT_OK : EXIT_PARTIAL;
}

async function runShow(ctx: CliContext, id: string, flags: { stores?: string; account?: string }): Promise<number> {
  const { hub } = await hubFromConfig(ctx, flags.stores);
  const withReturns = Object.keys(hub.accounts).filter((k) => hub.accounts[k]!.returns);
  const key = flags.account ?? (withReturns.length === 1 ? withReturns[0] : undefined);
  if (!key) throw new CliError(`--account <key> is required (accounts with returns: ${withReturns.join(', ') || 'none'})`);
  const adapter = hub.accounts[key];
  if (!adapter) throw new CliError(`Unknown account "${key}" (accounts: ${Object.keys(hub.accounts).join(', ')})`);
  if (!adapter.returns) throw new CliError(`Account "${key}" (${adapter.marketplace}) has no returns service`);
  const r = await adapter.returns.get(id, { signal: ctx.signal });
  if (ctx.io.json) {
    ctx.io.out(JSON.stringify(r));
    return EXIT_OK;
  }
  const money = (m: Return['refunded']) => (m ? `${toDecimal(m)} ${m.currency}` : '-');
  ctx.io.out([
    `Return ${r.id} (${r.marketplace}, order ${r.orderId})`,
    `  status     ${r.status} (${r.marketplaceStatus})`,
    `  reason     ${r.reason.code}${r.reason.marketplaceCode ? ` (${r.reason.marketplaceCode})` : ''}`,
    ...r.lines.map((l) => `  line       ${l.lineId}${l.sku ? ` ${l.sku}` : ''} × ${l.quantity}`),
    ...r.deadlines.map((d) => `  due        ${d.action} by ${d.by.utc}`),
    ...(r.shipping ? [`  shipping   paid by ${r.shipping.paidBy}${r.shipping.carrier ? `, ${r.shipping.carrier.code}` : ''}${r.shipping.trackingNumber ? ` ${r.shipping.trackingNumber}` : ''}`] : []),
    `  refund     requested ${money(r.refundRequested)}, refunded ${money(r.refunded)}`,
    `  updated    ${r.updatedAt.utc}`,
  ].join('\n'));
  return EXIT_OK;
}

function returnLine(r: Return, store: string): string {
  const units = r.lines.reduce((n, l) => n + l.quantity, 0);
  return [store.padEnd(16), r.id.padEnd(14), r.orderId.padEnd(20), r.status.padEnd(11), r.updatedAt.utc, `${units} unit${units === 1 ? '' : 's'}`].join('  ').trimEnd();
}
