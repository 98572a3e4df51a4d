/** `xborder quote shipping ...` and `xborder quote landed-cost ...` over the helpers. */
import type { Command } from 'commander';
import { estimateLandedCost } from '../../landed-cost/estimate.js';
import type { LandedCostInput } from '../../landed-cost/schemas.js';
import { toDecimal, type Money } from '../../model/money.js';
import { quoteShipping } from '../../shipping/quote.js';
import { rateCard } from '../../shipping/rate-card/index.js';
import type { ShipmentRequest } from '../../shipping/request.js';
import { textTable } from '../../hub/text-table.js';
import { dimensions } from '../../hub/catalog-columns.js';
import { isXborderError } from '../../errors/xborder-error.js';
import { CliError, EXIT_OK, EXIT_PARTIAL } from '../exit.js';
import { parseMoneyArg, type CliContext } from '../context.js';
import { parseWeightArg, positiveInt, readJsonFile, toKg } from '../inputs.js';
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
    .requiredOption('--weight <weight>', 'parcel weight with its unit: 0.5kg, 300g, 1.2lb, 8oz (a bare number is refused)')
    .option('--dims <LxWxH unit>', 'parcel dimensions, e.g. 30x20x5cm')
    .option('--parcels <n>', 'number of identical parcels', '1')
    .option('--rate-card <file>', 'rate card JSON (repeatable)', collect, [])
    .option('--value <amount>', 'declared value, e.g. "25.00 USD" or "12,50 EUR"')
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
    .option('--value <amount>', 'unit value, e.g. "25.00 EUR" or "12,50 EUR"')
    .option('--qty <n>', 'quantity', '1')
    .option('--weight <weight>', 'unit weight with its unit: 0.5kg, 300g, 1.2lb, 8oz')
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
    const json = await readJsonFile(file, 'rate card');
    try {
      return rateCard(json);
    } catch (e) {
      throw new CliError(`Rate card ${file}: ${(e as Error).message}`);
    }
  }));
  const parcel = { weight: parseWeightArg(f.weight as string, '--weight'), ...(f.dims ? { dimensions: cell(() => dimensions(f.dims as string), '--dims') } : {}) };
  const n = positiveInt(f.parcels as string, '--parcels');
  const request: ShipmentRequest = {
    from: address(f.from as string, '--from'),
    to: address(f.to as string, '--to'),
    parcels: Array.from({ length: n }, () => parcel),
    ...(f.value ? { declaredValue: parseMoneyArg(f.value as string, '--value', undefined, { positive: true }) } : {}),
    ...(f.cargo ? { cargoClass: f.cargo as ShipmentRequest['cargoClass'] } : {}),
    ...(f.incoterm ? { incoterm: (f.incoterm as string).toUpperCase() as 'DDP' | 'DAP' } : {}),
    ...(f.date ? { shipDate: f.date as string } : {}),
  };
  if (f.currency && !f.rates) throw new CliError('--currency needs --rates <file|ecb>');
  const rates = f.rates ? await loadRates(f.rates as string, ctx.signal) : undefined;
  const result = await inFlags(() => quoteShipping(request, { carriers, signal: ctx.signal, ...(rates ? { rates, currency: (f.currency as string | undefined)?.toUpperCase() ?? rates.base } : {}) }), SHIPPING_FLAGS);
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
    input = (await readJsonFile(f.input as string, 'input file')) as LandedCostInput;
  } else {
    for (const flag of ['from', 'to', 'hs', 'value'] as const) if (!f[flag]) throw new CliError(`--${flag} is required (or --input file.json)`);
    const value = parseMoneyArg(f.value as string, '--value', undefined, { positive: true });
    const quantity = positiveInt(f.qty as string, '--qty');
    const weightKg = f.weight ? String(toKg(parseWeightArg(f.weight as string, '--weight'))) : undefined;
    input = {
      origin: (f.from as string).toUpperCase(),
      destination: (f.to as string).toUpperCase(),
      asOf: (f.date as string | undefined) ?? new Date().toISOString().slice(0, 10),
      items: [{ hsCode: f.hs as string, value, quantity, ...(weightKg ? { weightKg } : {}) }],
      shipping: f.shipping ? parseMoneyArg(f.shipping as string, '--shipping') : { amount: 0, currency: value.currency },
      ...(f.incoterm ? { incoterm: (f.incoterm as string).toUpperCase() as 'DDP' | 'DAP' } : {}),
      ...(f.channel ? { channel: { marketplace: f.channel as string, ...(f.collectsTax ? { collectsTax: true } : {}), ...(f.registration ? { registrationNumber: f.registration as string } : {}) } } : {}),
    };
  }
  if (f.rates) input = { ...input, rates: await loadRates(f.rates as string, ctx.signal) };
  // With --input the paths are the file's own; with flags they are translated back to flags.
  const est = await inFlags(() => estimateLandedCost(input), f.input ? { prefix: `${f.input as string}: ` } : LANDED_COST_FLAGS);
  if (ctx.io.json) ctx.io.out(JSON.stringify(est));
  else {
    ctx.io.out(`${est.regime.name} (${est.incoterm}) into ${est.destination}, ${est.asOf}`);
    ctx.io.out(textTable(['STEP', 'DETAIL', 'AMOUNT'], est.breakdown.map((b) => [b.step, b.text, b.amount ? fmt(b.amount) : ''])));
    ctx.io.out(`\nduty ${fmt(est.duty)} · total ${fmt(est.total)} · seller pays ${fmt(est.payableBy.seller)} · buyer pays ${fmt(est.payableBy.buyer)}${est.complete ? '' : ' · INCOMPLETE (unknown duty rate)'}`);
    for (const w of est.warnings) ctx.io.err(`warning: ${w.message}`);
  }
  return est.complete ? EXIT_OK : EXIT_PARTIAL;
}

function cell<T>(fn: () => T, flag: string): T {
  try {
    return fn();
  } catch (e) {
    throw new CliError(`${flag}: ${(e as Error).message}`);
  }
}

/** Input paths of the helpers → the flags that fill them. */
const LANDED_COST_FLAGS: Record<string, string> = {
  origin: '--from', destination: '--to', asOf: '--date', 'items[0].hsCode': '--hs', 'items[0].value': '--value', 'items[0].quantity': '--qty',
  'items[0].weightKg': '--weight', shipping: '--shipping', incoterm: '--incoterm', channel: '--channel', 'channel.marketplace': '--channel',
  'channel.registrationNumber': '--registration',
};
const SHIPPING_FLAGS: Record<string, string> = { from: '--from', to: '--to', declaredValue: '--value', cargoClass: '--cargo', incoterm: '--incoterm', shipDate: '--date' };

/**
 * Runs a helper; a ValidationError about an input path becomes a usage error about the flag that
 * filled it ("--weight must be ...", not "items[0].weightKg ..."), or about the input file.
 */
async function inFlags<T>(fn: () => Promise<T>, flags: Record<string, string> | { prefix: string }): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (!isXborderError(e) || e.code !== 'VALIDATION') throw e;
    const path = (e as { path?: string }).path ?? '';
    if ('prefix' in flags) throw new CliError(`${flags.prefix}${e.message}`);
    const key = Object.keys(flags).filter((k) => path === k || path.startsWith(`${k}.`) || path.startsWith(`${k}[`)).sort((a, b) => b.length - a.length)[0];
    if (!key) throw new CliError(e.message);
    const detail = e.message.replace(/^Invalid\s+/, '').replace(new RegExp(`^${escape(path)}:?\\s*`), '');
    throw new CliError(`${flags[key]}: ${detail}`);
  }
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
