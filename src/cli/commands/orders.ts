/** `xborder orders sync --stores f --checkpoint f [--follow]`: checkpointed order sync to JSONL. */
import { promises as fs } from 'node:fs';
import type { Command } from 'commander';
import type { Order } from '../../model/order.js';
import { toDecimal } from '../../model/money.js';
import { CliError } from '../exit.js';
import { hubFromConfig, type CliContext } from '../context.js';
import { addSyncOptions, reportSync, syncWindowOptions, type SyncFlags } from '../sync-command.js';

interface OrderSyncFlags extends SyncFlags {
  pii?: boolean;
  quarantine?: string;
}

export function registerOrders(program: Command, ctx: CliContext, done: (code: number) => void): void {
  const orders = program.command('orders').description('order feeds of every account');
  addSyncOptions(orders.command('sync').description("incremental, checkpointed sync of every account's orders (at least once)"), {
    checkpoint: 'checkpoint file (JSON, written atomically)',
    out: 'append every delivered order as one JSON line (your ERP import)',
  })
    .option('--pii', 'include buyer name and address')
    .option('--quarantine <mode>', "'hold' (default) keeps the checkpoint behind a malformed record; 'skip' moves on", 'hold')
    .action(async (flags: OrderSyncFlags) => done(await runSync(ctx, flags)));
}

async function runSync(ctx: CliContext, flags: OrderSyncFlags): Promise<number> {
  if (flags.quarantine !== 'hold' && flags.quarantine !== 'skip') throw new CliError("--quarantine is 'hold' or 'skip'");
  const window = await syncWindowOptions(flags);
  const { hub } = await hubFromConfig(ctx, flags.stores);
  const handle = async (order: Order, c: { store: string }) => {
    // Appended before the checkpoint moves: a crash here means redelivery, never a gap.
    if (flags.out) await fs.appendFile(flags.out, `${JSON.stringify(order)}\n`, 'utf8');
    if (!ctx.io.json) ctx.io.out(orderLine(order, c.store));
  };
  const report = await hub.orders.sync({
    ...window,
    handle,
    includePii: !!flags.pii,
    quarantine: flags.quarantine,
    signal: ctx.signal,
    onEvent: (e) => {
      if (e.type === 'window-end' && !ctx.io.json && flags.follow) {
        ctx.io.err(`${e.account.padEnd(12)} ${e.window.until}  ${e.window.delivered} new, ${e.window.duplicates} unchanged${e.window.error ? `, failed: ${e.window.error.message}` : ''}`);
      }
    },
  });
  return reportSync(ctx, report);
}

function orderLine(o: Order, store: string): string {
  const total = o.totals.charged ? `${toDecimal(o.totals.charged)} ${o.totals.charged.currency}` : '';
  const units = o.lines.reduce((n, l) => n + l.quantity, 0);
  return [store.padEnd(16), o.id.padEnd(24), o.status.padEnd(17), o.updatedAt.utc, `${units} unit${units === 1 ? '' : 's'}`, total].join('  ').trimEnd();
}
