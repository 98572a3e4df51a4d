/** `xborder rates [--rates ecb|file] [--base EUR] [--symbols USD,JPY] [--convert "12.99 USD" --to EUR,JPY]`. */
import type { Command } from 'commander';
import { convert, crossRate } from '../../currency/convert.js';
import { textTable } from '../../hub/text-table.js';
import { toDecimal } from '../../model/money.js';
import { CliError, EXIT_OK } from '../exit.js';
import { csvList, parseMoneyArg, type CliContext } from '../context.js';
import { loadRates } from '../rates-source.js';

interface RatesFlags {
  rates: string;
  base?: string;
  symbols?: string;
  convert?: string;
  to?: string;
}

export function registerRates(program: Command, ctx: CliContext, done: (code: number) => void): void {
  program
    .command('rates')
    .description('exchange rates (ECB reference rates by default) and exact conversions')
    .option('--rates <file|ecb>', 'rate table JSON file, or "ecb" to fetch', 'ecb')
    .option('--base <code>', 'show rates against this currency (cross rates)')
    .option('--symbols <codes>', 'only these currencies, comma-separated')
    .option('--convert <amount>', 'convert an amount, e.g. "12.99 USD"')
    .option('--to <codes>', 'target currencies for --convert, comma-separated')
    .action(async (flags: RatesFlags) => done(await runRates(ctx, flags)));
}

async function runRates(ctx: CliContext, flags: RatesFlags): Promise<number> {
  const table = await loadRates(flags.rates, ctx.signal);
  const base = (flags.base ?? table.base).toUpperCase();
  const wanted = csvList(flags.symbols?.toUpperCase()) ?? [table.base, ...Object.keys(table.rates)].filter((c) => c !== base);
  const cross = (code: string) => {
    try {
      return crossRate(table, base, code);
    } catch (e) {
      throw new CliError((e as Error).message);
    }
  };
  let conversions: Array<{ from: string; to: string; amount: string; rate: string }> | undefined;
  if (flags.convert) {
    const amount = parseMoneyArg(flags.convert, '--convert');
    const targets = csvList(flags.to?.toUpperCase());
    if (!targets?.length) throw new CliError('--convert needs --to <codes>');
    conversions = targets.map((to) => {
      let c;
      try {
        c = convert(amount, to, table);
      } catch (e) {
        throw new CliError(`--to ${to}: ${(e as Error).message}`);
      }
      return { from: `${toDecimal(amount)} ${amount.currency}`, to, amount: toDecimal(c.money), rate: c.rate };
    });
  }
  // --convert answers the question asked: the conversion only, not the whole table.
  if (conversions) {
    if (ctx.io.json) ctx.io.out(JSON.stringify({ asOf: table.asOf, source: table.source, conversions }));
    else ctx.io.out(textTable(['FROM', 'TO', 'AMOUNT', 'RATE'], conversions.map((c) => [c.from, c.to, c.amount, c.rate])));
    return EXIT_OK;
  }
  const rates = Object.fromEntries(wanted.map((c) => [c, cross(c)]));
  if (ctx.io.json) {
    ctx.io.out(JSON.stringify({ base, asOf: table.asOf, source: table.source, rates }));
    return EXIT_OK;
  }
  ctx.io.out(`${table.source} rates of ${table.asOf}, 1 ${base} =`);
  ctx.io.out(textTable(['CURRENCY', 'RATE'], Object.entries(rates).map(([c, r]) => [c, r])));
  return EXIT_OK;
}
