import { add, pct } from './calc.js';
import type { Ctx, Line } from './context.js';
import { roundLine } from './rounding.js';
import type { DutyLayer } from './tariff-provider.js';
import type { CollectedBy, DutyCharge } from './types.js';

const CALLER_RULE = 'caller.duty-rate';

/** Duty collected by the platform only where it collects import charges (TH MoU); otherwise at import. */
export function dutyCollector(line: Line): CollectedBy {
  return line.sale?.collectsImportCharges && line.saleCollector ? line.saleCollector : 'at-import';
}

export function pushDuty(ctx: Ctx, line: Line | null, charge: Omit<DutyCharge, 'item' | 'collectedBy'>, collectedBy?: CollectedBy): void {
  const c: DutyCharge = {
    item: line ? line.index : null, layer: charge.layer, label: charge.label, rate: charge.rate, base: charge.base, amount: charge.amount,
    collectedBy: collectedBy ?? (line ? dutyCollector(line) : 'at-import'), ruleId: charge.ruleId,
  };
  ctx.dutyLines.push(c);
  if (line && c.amount) line.duty = add(line.duty, c.amount);
}

/** The duty stack of one line: the caller's dutyRate, or one base layer + surcharges from the TariffProvider. */
export function dutyForLine(ctx: Ctx, line: Line): void {
  const base = roundLine(ctx, 'dutyBase', line.customsValue);
  const explicit = line.item.dutyRate;
  if (explicit !== undefined) {
    pushDuty(ctx, line, { layer: CALLER_RULE, label: 'duty rate given by the caller', rate: explicit, base, amount: pct(base, explicit, ctx.rounding), ruleId: CALLER_RULE });
    return;
  }
  let layers: readonly DutyLayer[] = line.layers;
  const groups = ctx.layerGroups;
  if (groups) layers = layers.filter((l) => l.group !== undefined && groups.includes(l.group));
  else if (!layers.some((l) => l.kind === 'base')) {
    ctx.warn('UNKNOWN_DUTY_RATE', `No duty rate for HS ${line.hsCode} into ${ctx.dest.name}: pass items[${line.index}].dutyRate or a TariffProvider.`, { item: line.index });
    ctx.complete = false;
    pushDuty(ctx, line, { layer: 'unknown', label: `no tariff data for ${line.hsCode}`, rate: 'unknown', base, amount: null, ruleId: 'unknown' });
  }
  for (const layer of layers) {
    ctx.use(layer);
    if (layer.rate === 'unknown') {
      ctx.complete = false;
      const why = layer.note ?? (layer.range ? `${layer.range.min}–${layer.range.max}%` : 'no rate');
      ctx.warn('UNKNOWN_DUTY_RATE', `${layer.label}: rate unknown for HS ${line.hsCode} (${why}); pass items[${line.index}].dutyRate.`, { ruleId: layer.id, item: line.index });
      pushDuty(ctx, line, { layer: layer.id, label: layer.label, rate: 'unknown', base, amount: null, ruleId: layer.id });
      continue;
    }
    pushDuty(ctx, line, { layer: layer.id, label: layer.label, rate: layer.rate, base, amount: pct(base, layer.rate, ctx.rounding), ruleId: layer.id });
  }
}

/** Standard duty: every line not relieved by de minimis or by a duty-free sale regime (VOEC, CL). */
export function standardDuty(ctx: Ctx): void {
  for (const line of ctx.lines) {
    if (line.dutyRelieved) continue;
    if (line.sale?.relievesDuty) {
      ctx.note('duty', `item ${line.index}: no duty under ${line.sale.scheme}`, undefined, line.sale.id);
      continue;
    }
    dutyForLine(ctx, line);
  }
}
