import { ValidationError } from '../../errors/classes.js';
import { currencyExponent } from '../../model/currencies.js';
import { parseDecimal } from '../../model/decimal.js';
import { NG_PER, NM_PER, pow10, toBase } from '../units.js';
import { percent, price } from './exact.js';
import { PrefixIndex } from './prefix-index.js';
import type { RateCardJson, ServiceJson, PricingJson } from './schema.js';
import type {
  CompiledCard, CompiledRemote, CompiledService, CompiledTariff, CompiledVolumetric, CompiledZone, FuelKind, SizeLimitsNm, WeightStep, ZonePrice,
} from './compiled.js';

type Dec = number | string;

/** Turns a schema-valid card into its exact, pre-indexed form; cross-field errors name the field. */
export function compileCard(card: RateCardJson): CompiledCard {
  if (card.validFrom && card.validUntil && card.validUntil < card.validFrom) {
    throw invalid('validUntil', 'is before validFrom');
  }
  const exponent = currencyExponent(card.currency, 'currency');
  const unitNg = NG_PER[card.weightUnit];
  const dimNm = NM_PER[card.dimensionUnit];
  const codes = new Set<string>();
  const services = card.services.map((s, i) => {
    const path = `services[${i}]`;
    if (codes.has(s.code)) throw invalid(`${path}.code`, `duplicate service code "${s.code}"`);
    codes.add(s.code);
    return compileService(card, s, path, { exponent, unitNg, dimNm });
  });
  return {
    carrier: card.carrier,
    name: card.name,
    currency: card.currency,
    weightUnit: card.weightUnit,
    unitNg,
    dimNm,
    origins: card.origins ? new Set(card.origins) : undefined,
    validFrom: card.validFrom,
    validUntil: card.validUntil,
    inclusiveBounds: card.bracketBounds === 'upper-inclusive',
    rounding: card.moneyRounding,
    services,
  };
}

interface Units {
  exponent: number;
  unitNg: bigint;
  dimNm: bigint;
}

function compileService(card: RateCardJson, s: ServiceJson, path: string, u: Units): CompiledService {
  // A service setting overrides the card's; `where` names the field that supplied it in errors.
  const pick = <K extends keyof ServiceJson & keyof RateCardJson>(key: K) =>
    s[key] !== undefined ? { value: s[key], where: `${path}.${String(key)}` } : { value: card[key], where: String(key) };

  const zonesDef = pick('zones');
  if (!zonesDef.value) throw invalid(`${path}.zones`, 'no zones on the service or the card');
  const zones = new PrefixIndex<CompiledZone>();
  const zoneIds = new Set<string>();
  zonesDef.value.forEach((z, i) => {
    if (zoneIds.has(z.id)) throw invalid(`${zonesDef.where}[${i}].id`, `duplicate zone id "${z.id}"`);
    zoneIds.add(z.id);
    zones.add(z.countries, z.postalPrefixes, { id: z.id, transit: z.transit }, `${zonesDef.where}[${i}]`);
  });

  const vol = pick('volumetric');
  if (vol.value === undefined) {
    throw invalid(`${path}.volumetric`, 'say how volumetric weight applies: { "divisor": 5000 } or null (actual weight only)');
  }
  const rounding = pick('weightRounding');
  if (!rounding.value) throw invalid(`${path}.weightRounding`, 'give the rounding increment, e.g. { "increment": "0.5" }');
  const steps = compileSteps(rounding.value, rounding.where, u);
  const w = (v: Dec | undefined, p: string) => (v === undefined ? undefined : toBase(v, u.unitNg, p));
  const money = (v: Dec | undefined, p: string) => (v === undefined ? undefined : price(v, u.exponent, p));

  const limits = pick('limits');
  const lp = limits.where;
  const l = limits.value ?? {};
  const fuel = pick('fuel');
  const remote = new PrefixIndex<CompiledRemote>();
  const remoteDef = pick('remote');
  (remoteDef.value ?? []).forEach((r, i) => {
    const p = `${remoteDef.where}[${i}]`;
    remote.add(r.countries, r.postalPrefixes, {
      label: r.label ?? 'remote area',
      perUnit: money(r.perKg, `${p}.perKg`),
      minimum: money(r.minimum, `${p}.minimum`),
      perParcel: money(r.perParcel, `${p}.perParcel`),
    }, p);
  });
  const surchargeDef = pick('surcharges');

  return {
    code: s.code,
    name: s.name,
    transit: pick('transit').value,
    zones,
    volumetric: vol.value === null ? null : compileVolumetric(vol.value, vol.where, u),
    steps,
    minBillableNg: w(l.minBillableWeight, `${lp}.minBillableWeight`),
    maxBillableNg: w(l.maxBillableWeight, `${lp}.maxBillableWeight`),
    maxActualNg: w(l.maxActualWeight, `${lp}.maxActualWeight`),
    maxParcels: l.maxParcels,
    refuse: l.refuse ? sizeLimits(l.refuse, `${lp}.refuse`, u.dimNm) : undefined,
    oversize: l.oversize
      ? {
          above: sizeLimits(l.oversize.above, `${lp}.oversize.above`, u.dimNm),
          fee: price(l.oversize.fee, u.exponent, `${lp}.oversize.fee`),
          minBillableNg: w(l.oversize.minBillableWeight, `${lp}.oversize.minBillableWeight`),
          label: l.oversize.label ?? 'oversize',
        }
      : undefined,
    fuel: fuel.value ? compileFuel(fuel.value, fuel.where) : null,
    remote,
    surcharges: (surchargeDef.value ?? []).map((x, i) => {
      const p = `${surchargeDef.where}[${i}]`;
      return {
        code: x.code,
        label: x.label ?? x.code,
        kind: x.kind,
        perParcel: money(x.perParcel, `${p}.perParcel`),
        perUnit: money(x.perKg, `${p}.perKg`),
        minimum: money(x.minimum, `${p}.minimum`),
        cargoClasses: x.when?.cargoClasses ? new Set(x.when.cargoClasses) : undefined,
        incoterms: x.when?.incoterms ? new Set(x.when.incoterms) : undefined,
      };
    }),
    basis: pick('basis').value ?? 'parcel',
    tariffs: compileTariffs(s, path, zoneIds, u),
  };
}

function compileVolumetric(v: NonNullable<ServiceJson['volumetric']>, where: string, u: Units): CompiledVolumetric {
  // kg = L·W·H[unit³] / divisor  ⇒  ng = nm³ × unitNg / (divisor × dimNm³)
  const d = parseDecimal(v.divisor, `${where}.divisor`);
  const dim3 = u.dimNm * u.dimNm * u.dimNm;
  const num = u.unitNg * pow10(d.scale);
  const den = d.units * dim3;
  const g = gcd(num, den); // smaller bigints on the hot path
  return {
    num: num / g,
    den: den / g,
    minVolumeNm3: v.minVolume === undefined ? undefined : toBase(v.minVolume, dim3, `${where}.minVolume`),
    roundSides: v.roundSides,
    minLongestNm: v.onlyIfSideOver === undefined ? undefined : toBase(v.onlyIfSideOver, u.dimNm, `${where}.onlyIfSideOver`),
    share: v.billedShare === undefined ? undefined : shareOf(v.billedShare, `${where}.billedShare`),
  };
}

function shareOf(v: Dec, where: string): { num: bigint; den: bigint } {
  const d = parseDecimal(v, where);
  return { num: d.units, den: 100n * pow10(d.scale) };
}

/** A plain increment is one open step; steps must ascend with only the last one open-ended. */
function compileSteps(r: NonNullable<ServiceJson['weightRounding']>, where: string, u: Units): WeightStep[] {
  if (r.increment !== undefined) return [{ incrementNg: toBase(r.increment, u.unitNg, `${where}.increment`) }];
  const list = r.steps!;
  return list.map((s, i) => {
    const p = `${where}.steps[${i}]`;
    const last = i === list.length - 1;
    if (last !== (s.upTo === undefined)) throw invalid(p, last ? 'the last step is open-ended: remove upTo' : 'only the last step may omit upTo');
    const upToNg = s.upTo === undefined ? undefined : toBase(s.upTo, u.unitNg, `${p}.upTo`);
    const prev = i > 0 ? list[i - 1]!.upTo : undefined;
    if (upToNg !== undefined && prev !== undefined && upToNg <= toBase(prev, u.unitNg, p)) throw invalid(`${p}.upTo`, 'steps must ascend');
    return { upToNg, incrementNg: toBase(s.increment, u.unitNg, `${p}.increment`) };
  });
}

function sizeLimits(s: Record<string, Dec | undefined>, where: string, dimNm: bigint): SizeLimitsNm {
  const out: SizeLimitsNm = {};
  for (const key of ['longest', 'secondLongest', 'sumOfSides', 'lengthPlusGirth'] as const) {
    const v = s[key];
    if (v !== undefined) out[key] = toBase(v, dimNm, `${where}.${key}`);
  }
  if (Object.keys(out).length === 0) throw invalid(where, 'give at least one size limit');
  return out;
}

function compileFuel(f: NonNullable<ServiceJson['fuel']>, where: string): CompiledService['fuel'] {
  const appliesTo = new Set<FuelKind>(f.appliesTo);
  if (f.percent !== undefined) return { appliesTo, rows: [{ rate: percent(f.percent, `${where}.percent`), text: String(f.percent) }] };
  const rows = (f.table ?? []).map((r, i) => {
    if (r.until && r.until < r.from) throw invalid(`${where}.table[${i}].until`, 'is before from');
    return { from: r.from, until: r.until, rate: percent(r.percent, `${where}.table[${i}].percent`), text: String(r.percent) };
  });
  rows.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  rows.forEach((r, i) => {
    if (i > 0 && r.from === rows[i - 1]!.from) throw invalid(`${where}.table`, `two rows start on ${r.from}`);
  });
  return { appliesTo, rows };
}

function compileTariffs(s: ServiceJson, path: string, zoneIds: ReadonlySet<string>, u: Units): CompiledTariff[] {
  const seen = new Set<string>();
  return s.tariffs.map((t, i) => {
    const tp = `${path}.tariffs[${i}]`;
    for (const c of t.cargoClasses) {
      for (const inc of t.incoterms) {
        if (seen.has(`${c}/${inc}`)) throw invalid(`${tp}.cargoClasses`, `${c}/${inc} is already priced by an earlier tariff`);
        seen.add(`${c}/${inc}`);
      }
    }
    return { cargoClasses: new Set(t.cargoClasses), incoterms: t.incoterms, prices: compilePricing(t.pricing, `${tp}.pricing`, zoneIds, u) };
  });
}

function compilePricing(p: PricingJson, where: string, zoneIds: ReadonlySet<string>, u: Units): Map<string, ZonePrice> {
  const out = new Map<string, ZonePrice>();
  const m = (v: Dec, path: string) => price(v, u.exponent, path);
  const opt = (v: Dec | undefined, path: string) => (v === undefined ? undefined : m(v, path));
  for (const [zone, entry] of Object.entries(p.zones)) {
    const zp = `${where}.zones.${zone}`;
    if (!zoneIds.has(zone)) throw invalid(zp, `zone "${zone}" is not defined in zones`);
    if (p.model === 'first-additional') {
      const e = entry as (typeof p.zones)[string];
      out.set(zone, {
        model: p.model,
        firstNg: toBase(e.first.weight, u.unitNg, `${zp}.first.weight`),
        first: m(e.first.price, `${zp}.first.price`),
        stepNg: toBase(e.additional.step, u.unitNg, `${zp}.additional.step`),
        step: m(e.additional.price, `${zp}.additional.price`),
        minimum: opt(e.minimumCharge, `${zp}.minimumCharge`),
      });
    } else if (p.model === 'per-kg') {
      const e = entry as (typeof p.zones)[string];
      out.set(zone, { model: p.model, perUnit: m(e.perKg, `${zp}.perKg`), registration: opt(e.registration, `${zp}.registration`), minimum: opt(e.minimumCharge, `${zp}.minimumCharge`) });
    } else {
      const e = entry as (typeof p.zones)[string];
      let prev = -1n;
      const bands = e.bands.map((b, i) => {
        const upToNg = toBase(b.upTo, u.unitNg, `${zp}.bands[${i}].upTo`);
        if (upToNg <= prev) throw invalid(`${zp}.bands[${i}].upTo`, 'bands must be in ascending upTo order');
        prev = upToNg;
        return {
          upToNg,
          flat: opt(b.price, `${zp}.bands[${i}].price`),
          perUnit: opt(b.perKg, `${zp}.bands[${i}].perKg`),
          registration: opt(b.registration, `${zp}.bands[${i}].registration`),
        };
      });
      out.set(zone, { model: 'bands', bands, minimum: opt(e.minimumCharge, `${zp}.minimumCharge`) });
    }
  }
  return out;
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

function invalid(path: string, message: string): ValidationError {
  return new ValidationError({ message: `Invalid ${path}: ${message}`, path });
}
