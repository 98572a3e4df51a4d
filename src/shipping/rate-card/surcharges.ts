import type { PreparedShipment } from '../request.js';
import type { ChargeKind, Incoterm } from '../types.js';
import { perWeight, roundRatio, scale, type CardRounding, type Ratio } from './exact.js';
import type { CompiledCard, CompiledService, FuelRow } from './compiled.js';

/** A charge line in minor units, before it becomes Money. */
export interface RawLine {
  kind: ChargeKind;
  minor: bigint;
  label: string;
}

/** perParcel × parcels + perUnit × chargeable, at least `minimum` (remote areas, battery fees...). */
function weightOrParcelFee(
  card: CompiledCard,
  f: { perParcel?: Ratio; perUnit?: Ratio; minimum?: Ratio },
  parcels: number,
  chargeableNg: bigint,
): bigint {
  const mode = card.rounding;
  let fee = 0n;
  if (f.perParcel) fee += roundRatio(f.perParcel, mode) * BigInt(parcels);
  if (f.perUnit) fee += perWeight(f.perUnit, chargeableNg, card.unitNg, mode);
  if (f.minimum) {
    const min = roundRatio(f.minimum, mode);
    if (fee < min) fee = min;
  }
  return fee;
}

/** Card surcharges that apply to this cargo class / incoterm, then oversize and remote-area fees. */
export function surchargeLines(
  card: CompiledCard,
  svc: CompiledService,
  s: PreparedShipment,
  incoterm: Incoterm,
  chargeableNg: bigint,
  oversizeParcels: number,
): RawLine[] {
  const lines: RawLine[] = [];
  const parcels = s.parcels.length;
  for (const x of svc.surcharges) {
    if (x.cargoClasses && !x.cargoClasses.has(s.cargoClass)) continue;
    if (x.incoterms && !x.incoterms.has(incoterm)) continue;
    const minor = weightOrParcelFee(card, x, parcels, chargeableNg);
    if (minor !== 0n) lines.push({ kind: x.kind, minor, label: x.label });
  }
  if (oversizeParcels > 0 && svc.oversize) {
    const minor = roundRatio(svc.oversize.fee, card.rounding) * BigInt(oversizeParcels);
    if (minor !== 0n) lines.push({ kind: 'oversize', minor, label: svc.oversize.label });
  }
  const remote = svc.remote.find(s.request.to.country, s.toPostal);
  if (remote) {
    const minor = weightOrParcelFee(card, remote, parcels, chargeableNg);
    if (minor !== 0n) lines.push({ kind: 'remote', minor, label: remote.label });
  }
  return lines;
}

/** The fuel row in force on the ship date (rows sorted by `from`), or undefined. */
export function fuelRow(rows: readonly FuelRow[], shipDate: string): FuelRow | undefined {
  let hit: FuelRow | undefined;
  for (const r of rows) {
    if (r.from !== undefined && r.from > shipDate) break;
    hit = r;
  }
  if (hit?.until !== undefined && shipDate > hit.until) return undefined;
  return hit;
}

/** Fuel = percent × the sum of the lines whose kind the card lists (FedEx: base + transport surcharges). */
export function fuelLine(lines: readonly RawLine[], appliesTo: ReadonlySet<string>, row: FuelRow, mode: CardRounding): RawLine | undefined {
  let fuelBase = 0n;
  for (const l of lines) if (appliesTo.has(l.kind)) fuelBase += l.minor;
  const minor = scale(fuelBase, row.rate, mode);
  return minor === 0n ? undefined : { kind: 'fuel', minor, label: `fuel surcharge ${row.text}%` };
}
