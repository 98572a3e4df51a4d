/** `xborder quote shipping ...` and `xborder quote landed-cost ...` over the helpers. */
import { promises as fs } from 'node:fs';
import type { Command } from 'commander';
import { estimateLandedCost } from '../../landed-cost/estimate.js';
import type { LandedCostInput } from '../../landed-cost/schemas.js';
import { toDecimal, type Money } from '../../model/money.js';
import { quoteShipping } from '../../shipping/quote.js';
import { rateCard } from '../../shipping/rate-card/index.js';
import type { ShipmentRequest } from '../../shipping/request.js';
import { textTable } from '../../hub/text-table.js';
import { dimensions, weight } from '../../hub/catalog-columns.js';
import { CliError, EXIT_OK, EXIT_PARTIAL } from '../exit.js';
import { parseMoneyArg, type CliContext } from '../context.js';
import { loadRates } from '../rates-source.js';

const collect = (v: string, prev: string[]) => [...prev, v];
const fmt = (m: Money | null | undefined) => (m ? `${toDecimal(m)} ${m.currency}` : '?');

export function registerQuote(program: Command, ctx: CliContext, done: (code: number) => void): void {
  const quote = program.command('quote').description('shipping and landed-cost quotes');
  quote
    .command('shipping')
    .description('quote a parcel with every rate card given (partial results when a card cannot)')
    .requiredOption('--from <country[:postal]>', 'ship-from, e.g. CN or CN:518000')
    .requiredOption('--to <country[:postal]>', 'destination, e.g. DE:10115')
    .requiredOption('--weight <weight>', 'parcel weight, e.g. 0.5kg or 300g')
    .option('--dims <LxWxH unit>', 'parcel dimensions, e.g. 30x20x5cm')
    .option('--parcels <n>', 'number of identical parcels', '1')
    .option('--rate-card <file>', 'rate card JSON (repeatable)', collect, [])
    .option('--value <amount>', 'declared value, e.g. "25.00 USD"')
    .option('--cargo <class>', 'general, battery, liquid, powder, magnetic, cosmetics')
    .option('--incoterm <term>', 'DDP or DAP')
    .option('--date <yyyy-mm-dd>', 'ship date (picks the card in force)')
    .option('--currency <code>', 'convert every quote to this currency (needs --rates)')
    .option('--rates <file|ecb>', 'rate table for --currency')
    .action(async (flags) => done(await runShipping(ctx, flags)));
  quote
    .command('landed-cost')
    .description('duty + import VAT/GST + fees for one item line (or --input file.json for a full consignment)')
    .option('--from <country>', 'origin (ship-from) country')
    .option('--to <country>', 'destination country')
    .option('--hs <code>', 'HS code of the item')
    .option('--value <amount>', 'unit value, e.g. "25.00 EUR"')
    .option('--qty <n>', 'quantity', '1')
    .option('--weight <kg>', 'unit weight in kg')
    .option('--shipping <amount>', 'freight charged, e.g. "5.00 EUR" (default 0 in the value currency)')
    .option('--incoterm <term>', 'DDP (default) or DAP')
    .option('--channel <marketplace>', 'selling channel, e.g. amazon, shopee, direct')
    .option('--collects-tax', 'the channel collects the import VAT at checkout')
    .option('--registration <number>', 'IOSS / UK VAT / VOEC number')
    .option('--date <yyyy-mm-dd>', 'import date (default: today)')
    .option('--rates <file|ecb>', 'customs exchange rates when the value is in another currency')
    .option('--input <file>', 'a full estimateLandedCost input as JSON (overrides the flags)')
    .action(async (flags) => done(await runLandedCost(ctx, flags)));
}

function address(text: string, flag: string): { country: string; postalCode?: string } {
  const m = /^([A-Za-z]{2})(?::(.+))?$/.exec(text.trim());
  if (!m) throw new CliError(`${flag} expects a country code, optionally with a postal code: DE or DE:10115`);
  return { country: m[1]!.toUpperCase(), ...(m[2] ? { postalCode: m[2] } : {}) };
}

async function runShipping(ctx: CliContext, f: Record<string, string | string[] | undefined>): Promise<number> {
  const cards = f.rateCard as string[];
  if (cards.length === 0) throw new CliError('give at least one --rate-card file (see examples/rate-cards/)');
  const carriers = await Promise.all(cards.map(async (file) => {
    let json: unknown;
    try {
      json = JSON.parse(await fs.readFile(file, 'utf8'));
    } catch (e) {
      throw new CliError(`Cannot read rate card ${file}: ${(e as Error).message}`);
    }
    return rateCard(json);
  }));
  const parcel = cell(() => ({ weight: weight(f.weight as string, undefined), ...(f.dims ? { dimensions: dimensions(f.dims as string) } : {}) }));
  const n = Number(f.parcels);
  if (!(Number.isInteger(n) && n > 0)) throw new CliError('--parcels must be a positive whole number');
  const request: ShipmentRequest = {
    from: address(f.from as string, '--from'),
    to: address(f.to as string, '--to'),
    parcels: Array.from({ length: n }, () => parcel),
    ...(f.value ? { declaredValue: parseMoneyArg(f.value as string, '--value') } : {}),
    ...(f.cargo ? { cargoClass: f.cargo as ShipmentRequest['cargoClass'] } : {}),
    ...(f.incoterm ? { incoterm: (f.incoterm as string).toUpperCase() as 'DDP' | 'DAP' } : {}),
    ...(f.date ? { shipDate: f.date as string } : {}),
  };
  if (f.currency && !f.rates) throw new CliError('--currency needs --rates <file|ecb>');
  const rates = f.rates ? await loadRates(f.rates as string, ctx.signal) : undefined;
  const result = await quoteShipping(request, { carriers, signal: ctx.signal, ...(rates ? { rates, currency: (f.currency as string | undefined)?.toUpperCase() ?? rates.base } : {}) });
  if (ctx.io.json) ctx.io.out(JSON.stringify(result));
  else {
    ctx.io.out(textTable(
      ['CARRIER', 'SERVICE', 'TOTAL', 'CHARGEABLE', 'TRANSIT', 'ZONE'],
      result.quotes.map((q) => [q.carrier, q.serviceName, fmt(q.total), q.chargeableWeight ? `${q.chargeableWeight.value} ${q.chargeableWeight.unit}` : '-', q.transit ? `${q.transit.minDays}-${q.transit.maxDays} ${q.transit.kind} days` : '-', q.zone ?? '-']),
    ));
    for (const u of result.unavailable) ctx.io.err(`unavailable: ${u.carrier} ${u.serviceName}: ${u.message}`);
    for (const e of result.errors) ctx.io.err(`error: ${e.carrier}: ${e.error.message}`);
  }
  return result.quotes.length > 0 && result.errors.length === 0 ? EXIT_OK : EXIT_PARTIAL;
}

async function runLandedCost(ctx: CliContext, f: Record<string, string | boolean | undefined>): Promise<number> {
  let input: LandedCostInput;
  if (f.input) {
    try {
      input = JSON.parse(await fs.readFile(f.input as string, 'utf8')) as LandedCostInput;
    } catch (e) {
      throw new CliError(`Cannot read ${f.input}: ${(e as Error).message}`);
    }
  } else {
    for (const flag of ['from', 'to', 'hs', 'value'] as const) if (!f[flag]) throw new CliError(`--${flag} is required (or --input file.json)`);
    const value = parseMoneyArg(f.value as string, '--value');
    input = {
      origin: (f.from as string).toUpperCase(),
      destination: (f.to as string).toUpperCase(),
      asOf: (f.date as string | undefined) ?? new Date().toISOString().slice(0, 10),
      items: [{ hsCode: f.hs as string, value, quantity: Number(f.qty), ...(f.weight ? { weightKg: f.weight as string } : {}) }],
      shipping: f.shipping ? parseMoneyArg(f.shipping as string, '--shipping') : { amount: 0, currency: value.currency },
      ...(f.incoterm ? { incoterm: (f.incoterm as string).toUpperCase() as 'DDP' | 'DAP' } : {}),
      ...(f.channel ? { channel: { marketplace: f.channel as string, ...(f.collectsTax ? { collectsTax: true } : {}), ...(f.registration ? { registrationNumber: f.registration as string } : {}) } } : {}),
    };
  }
  if (f.rates) input = { ...input, rates: await loadRates(f.rates as string, ctx.signal) };
  const est = await estimateLandedCost(input);
  if (ctx.io.json) ctx.io.out(JSON.stringify(est));
  else {
    ctx.io.out(`${est.regime.name} (${est.incoterm}) into ${est.destination}, ${est.asOf}`);
    ctx.io.out(textTable(['STEP', 'DETAIL', 'AMOUNT'], est.breakdown.map((b) => [b.step, b.text, b.amount ? fmt(b.amount) : ''])));
    ctx.io.out(`\nduty ${fmt(est.duty)} · total ${fmt(est.total)} · seller pays ${fmt(est.payableBy.seller)} · buyer pays ${fmt(est.payableBy.buyer)}${est.complete ? '' : ' · INCOMPLETE (unknown duty rate)'}`);
    for (const w of est.warnings) ctx.io.err(`warning: ${w.message}`);
  }
  return est.complete ? EXIT_OK : EXIT_PARTIAL;
}

function cell<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    throw new CliError((e as Error).message);
  }
}
