import { convert } from '../currency/convert.js';
import { hasRate } from '../currency/rate-table.js';
import type { RateTable } from '../currency/types.js';
import { ValidationError } from '../errors/classes.js';
import type { Money, Rounding } from '../model/money.js';
import { add, sum, zero } from './calc.js';
import type { Basis, Condition, Destination, RuleMeta, SaleRegime } from './rule-schema.js';
import type { ParsedItem, ParsedLandedCostInput } from './schemas.js';
import type { DutyLayer } from './tariff-provider.js';
import type {
  BreakdownLine, CollectedBy, DutyCharge, ExchangeUsed, FeeCharge, RuleRef, TaxCharge, ThresholdOutcome, Warning,
} from './types.js';

/** One consignment line while the estimate is computed. Amounts are in the customs currency unless noted. */
export interface Line {
  index: number;
  item: ParsedItem;
  hsCode: string;
  origin: string;
  /** unit value × quantity, in the item's own currency. */
  invoiced: Money;
  /** Transaction value of the line. */
  goods: Money;
  /** goods × valuation factor (JP 60%). */
  customsGoods: Money;
  freight: Money;
  insurance: Money;
  customsValue: Money;
  layers: readonly DutyLayer[];
  dutyRelieved: boolean;
  taxRelieved: boolean;
  sale: SaleRegime | null;
  saleCollector: Exclude<CollectedBy, 'at-import'> | null;
  duty: Money;
}

export function hsIn(hs: string, prefixes: readonly string[]): boolean {
  for (const p of prefixes) if (hs.startsWith(p)) return true;
  return false;
}

// Rules are static data: build each (frozen) citation once and share it between results.
const refs = new WeakMap<object, RuleRef>();
function refOf(rule: RuleMeta | DutyLayer): RuleRef {
  let ref = refs.get(rule);
  if (!ref) {
    ref = { id: rule.id, source: rule.source, validFrom: rule.validFrom, confidence: rule.confidence };
    if (rule.validTo) ref.validTo = rule.validTo;
    if (rule.note) ref.note = rule.note;
    refs.set(rule, Object.freeze(ref));
  }
  return ref;
}

/** Working state of one estimate: inputs, converted lines, charges, and what was cited or warned. */
export class Ctx {
  readonly asOf: string;
  readonly rounding: Rounding;
  lines: Line[] = [];
  freight: Money;
  insurance: Money;
  customsValue: Money;
  dutyLines: DutyCharge[] = [];
  taxes: TaxCharge[] = [];
  fees: FeeCharge[] = [];
  breakdown: BreakdownLine[] = [];
  warnings: Warning[] = [];
  rules = new Map<string, RuleRef>();
  exchange = new Map<string, ExchangeUsed>();
  regime: { id: string; name: string; scheme?: string } | undefined;
  saleUsed = false;
  deMinimis: { duty: ThresholdOutcome; tax: ThresholdOutcome } = { duty: { applied: 'none' }, tax: { applied: 'none' } };
  complete = true;
  /** A declaration assesses duty or tax at import (flat regimes set it directly). */
  entry: boolean | undefined;
  /** Duty layer groups a special method restricts the stack to (US postal). */
  layerGroups: readonly string[] | undefined;

  constructor(
    readonly input: ParsedLandedCostInput,
    readonly dest: Destination,
    readonly currency: string,
    readonly table: RateTable | undefined,
  ) {
    this.asOf = input.asOf;
    this.rounding = dest.rounding;
    this.freight = zero(currency);
    this.insurance = zero(currency);
    this.customsValue = zero(currency);
  }

  /** Records a rule in `rules` (once); false when it was already cited. */
  cite(rule: RuleMeta | DutyLayer): boolean {
    if (this.rules.has(rule.id)) return false;
    this.rules.set(rule.id, refOf(rule));
    return true;
  }

  /** Cites a rule; an unconfirmed one also raises a warning (once). */
  use(rule: RuleMeta | DutyLayer): void {
    if (this.cite(rule) && rule.confidence === 'unconfirmed') {
      this.warn('UNCONFIRMED_RULE', `Rule ${rule.id} is unconfirmed${rule.note ? ` (${rule.note})` : ''}: verify before relying on it.`, { ruleId: rule.id });
    }
  }

  warn(code: Warning['code'], message: string, extra: { ruleId?: string; item?: number } = {}): void {
    this.warnings.push({ code, message, ...extra });
  }

  note(step: BreakdownLine['step'], text: string, amount?: Money, ruleId?: string): void {
    const line: BreakdownLine = { step, text };
    if (amount) line.amount = amount;
    if (ruleId) line.ruleId = ruleId;
    this.breakdown.push(line);
  }

  /** Converts with the caller's customs rate table; a missing table or rate names the field. */
  toCurrency(m: Money, to: string, path: string): Money {
    if (m.currency === to) return m;
    const t = this.table;
    if (!t) {
      throw new ValidationError({ message: `Invalid rates: ${path} is in ${m.currency} but ${this.dest.name} needs ${to}; pass rates (${this.dest.fx.method})`, path: 'rates' });
    }
    for (const code of [m.currency, to]) {
      if (!hasRate(t, code)) {
        throw new ValidationError({ message: `Invalid rates.rates.${code}: no ${code} rate in the ${t.source} table of ${t.asOf} (needed to convert ${path} to ${to})`, path: `rates.rates.${code}` });
      }
    }
    const c = convert(m, to, t, { rounding: this.rounding });
    const key = `${m.currency}>${to}`;
    if (!this.exchange.has(key)) this.exchange.set(key, { from: m.currency, to, rate: c.rate, asOf: c.asOf, source: c.source });
    return c.money;
  }

  toCustoms(m: Money, path: string): Money {
    return this.toCurrency(m, this.currency, path);
  }

  /** Goods (line values) in `currency`, converted from each item's own currency. */
  private goodsIn(lines: readonly Line[], currency: string): Money {
    if (currency === this.currency) return sum(lines.map((l) => l.goods), currency);
    return sum(lines.map((l) => this.toCurrency(l.invoiced, currency, `items[${l.index}].value`)), currency);
  }

  /** A threshold basis over some lines, in the threshold's currency. */
  basisValue(basis: Basis, currency: string, lines: readonly Line[] = this.lines): Money {
    const all = lines.length === this.lines.length;
    if (basis === 'intrinsic' || basis === 'fob') return this.goodsIn(lines, currency);
    if (basis === 'customs') {
      const cv = all ? this.customsValue : sum(lines.map((l) => l.customsValue), this.currency);
      return this.toCurrency(cv, currency, 'customsValue');
    }
    // cif: goods + freight + insurance (shares when a subset of lines).
    if (currency === this.currency) {
      const parts = lines.map((l) => add(add(l.goods, l.freight), l.insurance));
      return sum(parts, currency);
    }
    let v = this.goodsIn(lines, currency);
    if (all) {
      v = add(v, this.toCurrency(this.input.shipping, currency, 'shipping'));
      if (this.input.insurance) v = add(v, this.toCurrency(this.input.insurance, currency, 'insurance'));
      return v;
    }
    return add(v, this.toCurrency(sum(lines.map((l) => add(l.freight, l.insurance)), this.currency), currency, 'shipping'));
  }

  /** Unit value of a line (per-item thresholds), in `currency`. */
  unitValue(line: Line, currency: string): Money {
    return this.toCurrency(line.item.value, currency, `items[${line.index}].value`);
  }

  matches(c: Condition | undefined): boolean {
    if (!c) return true;
    const { input, lines } = this;
    if (c.transport && !c.transport.includes(input.transport)) return false;
    if (c.shipFrom && !c.shipFrom.includes(input.origin)) return false;
    if (c.shipFromNot && c.shipFromNot.includes(input.origin)) return false;
    if (c.originAny && !lines.some((l) => c.originAny!.includes(l.origin))) return false;
    if (c.originAll && !lines.every((l) => c.originAll!.includes(l.origin))) return false;
    if (c.originOutside && !lines.some((l) => !c.originOutside!.includes(l.origin))) return false;
    if (c.hsNone && lines.some((l) => hsIn(l.hsCode, c.hsNone!))) return false;
    if (c.hsAny && !lines.some((l) => hsIn(l.hsCode, c.hsAny!))) return false;
    if (c.regions && (!input.region || !c.regions.includes(input.region))) return false;
    return true;
  }

  /** Who collects the tax when a destination has no collect-at-sale regime but the channel says it prepays (e.g. CO 4-72). */
  prepaidBy(): Exclude<CollectedBy, 'at-import'> | null {
    const ch = this.input.channel;
    if (!ch?.collectsTax) return null;
    if (this.dest.saleRegimes.some((r) => this.asOf >= r.validFrom && (!r.validTo || this.asOf <= r.validTo))) return null;
    return ch.marketplace === 'direct' ? 'seller' : 'marketplace';
  }
}
