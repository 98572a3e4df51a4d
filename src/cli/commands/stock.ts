/** `xborder stock set|map|policy|show|sync`: the cross-store stock ledger (issue 9). */
import type { Command } from 'commander';
import { fileCheckpoints } from '../../hub/checkpoints.js';
import {
  formatInventoryReport, formatStockView, openLedger, stockMap, stockPolicy, stockSet, stockShow,
} from '../../inventory/index.js';
import { hubFromConfig, type CliContext } from '../context.js';
import { EXIT_OK, EXIT_PARTIAL } from '../exit.js';
import { checkJsonFileIfExists } from '../inputs.js';

interface Common {
  ledger: string;
}

/** Opens the ledger after checking its file: bad JSON exits 2 naming the file and position. */
async function ledgerAt(file: string) {
  await checkJsonFileIfExists(file, 'ledger file');
  return openLedger(file);
}

const withLedger = (c: Command) => c.option('--ledger <file>', 'ledger file (JSON + .log, written atomically)', './stock.json');

export function registerStock(program: Command, ctx: CliContext, done: (code: number) => void): void {
  const stock = program.command('stock').description('one stock ledger for every store: reservations from orders, pushes that do not oversell');
  const print = (value: unknown, human: string) => ctx.io.out(ctx.io.json ? JSON.stringify(value) : human);

  withLedger(stock.command('set <sku> [quantity]').description('warehouse on-hand for a warehouse SKU'))
    .option('--delta <n>', 'adjust by n instead of setting')
    .option('--as-of <iso>', 'when the count was taken (orders updated before it are already counted)')
    .action(async (sku: string, quantity: string | undefined, o: Common & { delta?: string; asOf?: string }) => {
      const ledger = await ledgerAt(o.ledger);
      const row = stockSet(ledger, { sku, quantity, delta: o.delta, asOf: o.asOf });
      await ledger.flush();
      print(row, `${row.sku}: on hand ${row.onHand}, reserved ${row.reserved}, free ${row.free}`);
      done(EXIT_OK);
    });

  withLedger(stock.command('map <store> <marketplaceSku> [to]').description("map 'account:store' SKU to a warehouse SKU, a pack ('WH-A:6') or a bundle ('WH-A:2,WH-B')"))
    .option('--fba', 'fulfilled by the marketplace (never pushed)')
    .option('--unmap', 'remove the mapping')
    .action(async (store: string, marketplaceSku: string, to: string | undefined, o: Common & { fba?: boolean; unmap?: boolean }) => {
      const ledger = await ledgerAt(o.ledger);
      const m = stockMap(ledger, { store, marketplaceSku, to, unmap: o.unmap, fulfilledBy: o.fba ? 'marketplace' : undefined });
      await ledger.flush();
      print(m ?? null, m ? `${store} ${marketplaceSku} → ${JSON.stringify(m)}` : `${store} ${marketplaceSku} unmapped`);
      done(EXIT_OK);
    });

  withLedger(stock.command('policy <store>').description('safety stock, cap and pause for one store'))
    .option('--safety <n>', 'units held back from this store')
    .option('--cap <n>', "most units ever shown ('none' to lift)")
    .option('--pause', 'stop pushing to this store')
    .option('--resume', 'resume pushing')
    .action(async (store: string, o: Common & { safety?: string; cap?: string; pause?: boolean; resume?: boolean }) => {
      const ledger = await ledgerAt(o.ledger);
      const p = stockPolicy(ledger, { store, safetyStock: o.safety, cap: o.cap, paused: o.pause ? true : o.resume ? false : undefined });
      await ledger.flush();
      print(p, `${store}: ${JSON.stringify(p)}`);
      done(EXIT_OK);
    });

  withLedger(stock.command('show').description('on hand, reservations and what each store should show'))
    .option('--sku <sku>', 'one warehouse SKU')
    .option('--store <ref>', "one 'account:store'")
    .action(async (o: Common & { sku?: string; store?: string }) => {
      const view = stockShow(await ledgerAt(o.ledger), { sku: o.sku, store: o.store });
      print(view, formatStockView(view));
      done(EXIT_OK);
    });

  withLedger(stock.command('sync').description('import orders into the ledger and push quantities to every store'))
    .option('--stores <file>', 'store config file')
    .option('--checkpoint <file>', 'order-sync checkpoint file')
    .option('--journal <file>', 'push journal (JSONL)')
    .option('--follow', 'keep running until Ctrl-C')
    .action(async (o: Common & { stores?: string; checkpoint?: string; journal?: string; follow?: boolean }) => {
      const ledger = await ledgerAt(o.ledger);
      if (o.checkpoint) await checkJsonFileIfExists(o.checkpoint, 'checkpoint file');
      const { hub } = await hubFromConfig(ctx, o.stores);
      const report = await hub.inventory.sync({
        ledger, follow: !!o.follow, signal: ctx.signal, journal: o.journal,
        checkpoints: o.checkpoint ? fileCheckpoints(o.checkpoint) : undefined,
      });
      print(report, formatInventoryReport(report));
      done(report.ok ? EXIT_OK : EXIT_PARTIAL);
    });
}
