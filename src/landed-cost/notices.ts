import { within } from './calc.js';
import type { Ctx } from './context.js';
import { allValid } from './dates.js';
import { hasEntry } from './fees.js';

/** Dated notices (unmodelled or unconfirmed facts) become warnings citing their rule. */
export function applyNotices(ctx: Ctx): void {
  for (const n of allValid(ctx.dest.notices, ctx.asOf)) {
    if (!ctx.matches(n.when)) continue;
    if (n.entryOnly && !hasEntry(ctx)) continue;
    if (n.withoutSaleRegime && ctx.saleUsed) continue;
    if (n.valueAtMost && !within(ctx.basisValue('customs', n.valueAtMost.currency), n.valueAtMost, true)) continue;
    if (n.requires === 'sku' && ctx.input.items.every((i) => i.sku)) continue;
    if (!ctx.cite(n)) continue;
    const tag = n.confidence === 'unconfirmed' ? ' [unconfirmed]' : '';
    ctx.warn(n.requires ? 'DECLARATION_DATA' : 'NOTICE', `${n.message}${tag}`, { ruleId: n.id });
  }
  if (ctx.asOf > ctx.dest.reviewed) {
    ctx.warn('DATA_REVIEWED', `${ctx.dest.name} rules were last reviewed on ${ctx.dest.reviewed}; later changes are not reflected.`);
  }
}
