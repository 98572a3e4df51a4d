import { add, allocate, pct, sum, times, zero } from './calc.js';
import type { Ctx, Line } from './context.js';
import { firstValid } from './dates.js';
import type { DutyLayer } from './tariff-provider.js';

/**
 * Builds the lines in the customs currency and the customs value: goods (× the personal-use
 * factor where the destination has one) + freight and insurance when the valuation basis is
 * CIF. Freight and insurance are shared between lines by goods value, no minor unit lost.
 */
export function buildLines(ctx: Ctx, layers: ReadonlyArray<readonly DutyLayer[]>): void {
  const { input, dest, currency } = ctx;
  const rule = firstValid(dest.valuation, ctx.asOf);
  if (!rule) throw new Error(`no valuation rule for ${dest.country} on ${ctx.asOf}`);
  ctx.use(rule);

  // JP: the 60 % taxable value is for personal imports only; a business import is valued in full.
  const factor = rule.goodsFactor && !(rule.personalOnly && input.importer === 'business') ? rule.goodsFactor : undefined;
  const lines: Line[] = input.items.map((item, index) => {
    const invoiced = times(item.value, item.quantity);
    const goods = ctx.toCustoms(invoiced, `items[${index}].value`);
    const customsGoods = factor ? pct(goods, factor, ctx.rounding) : goods;
    return {
      index, item, hsCode: item.hsCode, origin: item.originCountry ?? input.origin, invoiced, goods, customsGoods,
      freight: zero(currency), insurance: zero(currency), customsValue: customsGoods, layers: layers[index] ?? [],
      dutyRelieved: false, taxRelieved: false, sale: null, saleCollector: null, duty: zero(currency),
    };
  });
  ctx.lines = lines;

  ctx.freight = ctx.toCustoms(input.shipping, 'shipping');
  if (input.insurance) ctx.insurance = ctx.toCustoms(input.insurance, 'insurance');
  else if (rule.deemedInsurance) {
    ctx.insurance = pct(sum(lines.map((l) => l.goods), currency), rule.deemedInsurance, ctx.rounding);
    ctx.note('valuation', `insurance not given: deemed ${rule.deemedInsurance}% of FOB`, ctx.insurance, rule.id);
  }
  const weights = lines.map((l) => l.goods.amount);
  const freight = allocate(ctx.freight, weights);
  const insurance = allocate(ctx.insurance, weights);
  for (const [i, l] of lines.entries()) {
    l.freight = freight[i]!;
    l.insurance = insurance[i]!;
    let cv = l.customsGoods;
    if (rule.freight) cv = add(cv, l.freight);
    if (rule.insurance) cv = add(cv, l.insurance);
    l.customsValue = cv;
  }
  ctx.customsValue = sum(lines.map((l) => l.customsValue), currency);
  const parts = [factor ? `goods at ${factor}%` : 'goods', rule.freight ? 'freight' : '', rule.insurance ? 'insurance' : ''].filter(Boolean);
  ctx.note('valuation', `customs value = ${parts.join(' + ')} (${rule.freight ? 'CIF' : 'FOB'})`, ctx.customsValue, rule.id);
}
