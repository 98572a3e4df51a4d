/** `xborder returns sync` (checkpointed returns sync to JSONL) and `xborder returns show <id>`. */
import { promises as fs } from 'node:fs';
import type { Command } from 'commander';
import { toDecimal } from '../../model/money.js';
import type { Return } from '../../model/return.js';
import { CliError, EXIT_OK } from '../exit.js';
import { hubFromConfig, type CliContext } from '../context.js';
import { addSyncOptions, reportSync, syncWindowOptions, type SyncFlags } from '../sync-command.js';

export function registerReturns(program: Command, ctx: CliContext, done: (code: number) => void): void {
  const returns = program.command('returns').description('returns, refunds and buyer cancellation requests');
  addSyncOptions(returns.command('sync').description("incremental, checkpointed sync of every account's returns (at least once)"), {
    checkpoint: 'checkpoint file (JSON, written atomically; may be shared with orders sync)',
    out: 'append every delivered return as one JSON line',
  }).action(async (flags: SyncFlags) => done(await runSync(ctx, flags)));
  returns
    .command('show <id>')
    .description('one return, as the marketplace has it now')
    .option('--stores <file>', 'store config file')
    .option('--account <key>', 'account the return belongs to (default: the only account with returns)')
    .action(async (id: string, flags: { stores?: string; account?: string }) => done(await runShow(ctx, id, flags)));
}

async function runSync(ctx: CliContext, flags: SyncFlags): Promise<number> {
  const window = await syncWindowOptions(flags);
  const { hub } = await hubFromConfig(ctx, flags.stores);
  const report = await hub.returns.sync({
    ...window,
    handle: async (r, c) => {
      // Appended before the checkpoint moves: a crash here means redelivery, never a gap.
      if (flags.out) await fs.appendFile(flags.out, `${JSON.stringify(r)}\n`, 'utf8');
      if (!ctx.io.json) ctx.io.out(returnLine(r, c.store));
    },
    signal: ctx.signal,
  });
  return reportSync(ctx, report);
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
