import type { Money } from '../model/money.js';
import { add, allocate, fmt, mulDiv, pct, sum, zero } from './calc.js';
import { hsIn, type Ctx, type Line } from './context.js';
import { allValid } from './dates.js';
import { roundLine } from './rounding.js';
import type { TaxBase, TaxRule } from './rule-schema.js';
import type { CollectedBy } from './types.js';

/** The destination's tax rule for the date: the region's own rate when there is one, else the default. */
export function pickTaxRule(ctx: Ctx): TaxRule | undefined {
  const valid = allValid(ctx.dest.taxes, ctx.asOf);
  const region = ctx.input.region;
  if (region) {
    const hit = valid.find((r) => r.regions?.includes(region));
    if (hit) return hit;
  } else if (ctx.dest.taxes.some((r) => r.regions)) {
    ctx.warn('REGION_MISSING', `${ctx.dest.name} taxes vary by region: pass region; the default rate is used.`);
  }
  return valid.find((r) => !r.regions);
}

/** Tax base of one line: goods (customs or sale value) + freight/insurance/duty as the rule says. */
export function lineBase(line: Line, base: TaxBase, goods: Money, ctx?: Ctx): Money {
  let b = goods;
  if (base.freight) b = add(b, line.freight);
  if (base.insurance) b = add(b, line.insurance);
  if (base.duty) b = add(b, ctx ? roundLine(ctx, 'dutyInTaxBase', line.duty) : line.duty);
  return b;
}

/**
 * The rate of one line: the item's `taxClass` (standard / reduced / zero / explicit), else the
 * rule's reduced rate for its listed HS prefixes (JP food), else the standard rate.
 */
export function lineRate(ctx: Ctx, rule: TaxRule, line: Line, standard = rule.rate): string {
  const cls = line.item.taxClass;
  if (cls === undefined) return rule.reducedHs && rule.reduced?.[0] && hsIn(line.hsCode, rule.reducedHs) ? rule.reduced[0] : standard;
  if (cls === 'standard') return standard;
  if (cls === 'zero') return '0';
  if (cls === 'reduced') {
    const r = rule.reduced?.[0];
    if (r) return r;
    ctx.warn('UNCONFIRMED_RULE', `items[${line.index}].taxClass is 'reduced' but ${ctx.dest.name} has no reduced rate in the data: the standard rate is used.`, { item: line.index, ruleId: rule.id });
    return standard;
  }
  return cls;
}

/** Fees the law puts in the import tax base (SA), shared over the at-import lines by customs value. */
function feesInBase(ctx: Ctx, lines: readonly Line[]): Money[] {
  const ids = new Set(ctx.dest.fees.filter((f) => f.inTaxBase).map((f) => f.id));
  const total = sum(ctx.fees.filter((f) => ids.has(f.ruleId)).map((f) => f.amount), ctx.currency);
  if (total.amount === 0 || lines.length === 0) return lines.map(() => zero(ctx.currency));
  ctx.note('tax', `customs fees of ${fmt(total)} ${ctx.currency} are part of the import tax base`, total);
  return allocate(total, lines.map((l) => l.customsValue.amount));
}

interface Group {
  kind: string;
  rate: string;
  collectedBy: CollectedBy;
  ruleId: string;
  bases: Money[];
}

// Few groups per estimate (at sale / at import): a linear scan beats building string keys.
function addTo(groups: Group[], kind: string, rate: string, collectedBy: CollectedBy, ruleId: string, base: Money): void {
  for (const g of groups) {
    if (g.ruleId === ruleId && g.collectedBy === collectedBy && g.rate === rate && g.kind === kind) {
      g.bases.push(base);
      return;
    }
  }
  groups.push({ kind, rate, collectedBy, ruleId, bases: [base] });
}

/**
 * VAT/GST for the lines that are not relieved: at sale (regime base, sale value) or at import
 * (customs goods + the rule's base). Bases are summed per group and the rate applied once, as a
 * declaration or a checkout would.
 */
export function standardTaxes(ctx: Ctx): void {
  const rule = pickTaxRule(ctx);
  if (!rule) return;
  const prepaid = ctx.prepaidBy();
  const groups: Group[] = [];
  const atImport = ctx.lines.filter((l) => !(l.sale && l.saleCollector) && !l.taxRelieved);
  const fees = feesInBase(ctx, atImport);
  for (const line of ctx.lines) {
    const sale = line.sale;
    if (sale && line.saleCollector) {
      if (sale.collectsImportCharges) addTo(groups, rule.kind, lineRate(ctx, rule, line), line.saleCollector, sale.id, lineBase(line, rule.base, line.customsGoods, ctx));
      else addTo(groups, sale.taxKind ?? rule.kind, sale.rate ?? lineRate(ctx, rule, line), line.saleCollector, sale.id, lineBase(line, sale.taxBase, line.goods));
      // NZ: GST was charged on the goods at sale; the border charges GST on the duty only.
      if (sale.importTaxOnDuty && !line.taxRelieved && line.duty.amount > 0) addTo(groups, rule.kind, lineRate(ctx, rule, line), prepaid ?? 'at-import', rule.id, line.duty);
      continue;
    }
    if (line.taxRelieved) continue;
    const base = add(lineBase(line, rule.base, line.customsGoods, ctx), fees[atImport.indexOf(line)]!);
    addTo(groups, rule.kind, lineRate(ctx, rule, line), prepaid ?? 'at-import', rule.id, roundLine(ctx, 'taxBase', base, rule.kind));
  }
  if (groups.length > 0) ctx.use(rule);
  if (prepaid && groups.length > 0) ctx.note('tax', `tax prepaid at checkout by the ${prepaid} (channel.collectsTax)`);
  for (const g of groups) {
    const base = sum(g.bases, ctx.currency);
    const amount = pct(base, g.rate, ctx.rounding);
    ctx.taxes.push({ kind: g.kind, rate: g.rate, base, amount, collectedBy: g.collectedBy, ruleId: g.ruleId });
    ctx.note('tax', `${g.kind} ${g.rate}% of ${fmt(base)} ${base.currency} (${g.collectedBy})`, amount, g.ruleId);
  }
}

/** Taxes levied as a fraction of another (JP local consumption tax = 22/78 of the national tax). */
export function applySurtaxes(ctx: Ctx): void {
  for (const rule of allValid(ctx.dest.surtaxes ?? [], ctx.asOf)) {
    for (const t of [...ctx.taxes]) {
      if (t.kind !== rule.of || t.waivedBy) continue;
      ctx.use(rule);
      const base = roundLine(ctx, 'taxBase', t.amount, rule.kind);
      const amount = { amount: mulDiv(base.amount, BigInt(rule.num), BigInt(rule.den), ctx.rounding), currency: base.currency };
      const rate = `${rule.num}/${rule.den} of ${rule.of}`;
      ctx.taxes.push({ kind: rule.kind, rate, base, amount, collectedBy: t.collectedBy, ruleId: rule.id });
      ctx.note('tax', `${rule.kind} ${rate} ${fmt(base)} ${base.currency} (${t.collectedBy})`, amount, rule.id);
    }
  }
}
