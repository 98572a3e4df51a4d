import type { PreparedShipment } from '../request.js';
import type { CardQuotes, Incoterm, ShippingQuote, UnavailableReason, UnavailableService } from '../types.js';
import { toDisplay } from '../units.js';
import type { CompiledCard, CompiledService, CompiledTariff } from './compiled.js';
import { priceWeight } from './pricing.js';
import { fuelLine, fuelRow, surchargeLines, type RawLine } from './surcharges.js';
import { parcelWeight } from './weight.js';

type ServiceResult = { ok: true; quote: ShippingQuote } | { ok: false; reason: UnavailableReason; message: string };

/** Prices a shipment with every service of a card: a quote, or the reason the service cannot carry it. */
export function quoteCard(card: CompiledCard, s: PreparedShipment): CardQuotes {
  const quotes: ShippingQuote[] = [];
  const unavailable: UnavailableService[] = [];
  for (const svc of card.services) {
    const r = quoteService(card, svc, s);
    if (r.ok) quotes.push(r.quote);
    else unavailable.push({ carrier: card.carrier, service: svc.code, serviceName: svc.name, reason: r.reason, message: r.message });
  }
  return { quotes, unavailable };
}

function no(reason: UnavailableReason, message: string): ServiceResult {
  return { ok: false, reason, message };
}

function quoteService(card: CompiledCard, svc: CompiledService, s: PreparedShipment): ServiceResult {
  if ((card.validFrom && s.shipDate < card.validFrom) || (card.validUntil && s.shipDate > card.validUntil)) {
    return no('date', `the card is valid ${card.validFrom ?? '…'} to ${card.validUntil ?? '…'}, not on ${s.shipDate}`);
  }
  const from = s.request.from.country;
  if (card.origins && !card.origins.has(from)) return no('origin', `${svc.name} does not ship from ${from}`);

  const picked = pickTariff(svc, s);
  if ('reason' in picked) return picked;
  const { tariff, incoterm } = picked;

  const to = s.request.to.country;
  const zone = svc.zones.find(to, s.toPostal);
  const zonePrice = zone ? tariff.prices.get(zone.id) : undefined;
  if (!zone || !zonePrice) return no('destination', `${svc.name} does not serve ${to}${s.toPostal ? ` ${s.toPostal}` : ''}`);
  if (svc.maxParcels !== undefined && s.parcels.length > svc.maxParcels) {
    return no('parcel-count', `${svc.name} takes at most ${svc.maxParcels} parcels per shipment`);
  }

  // Chargeable weight per parcel first (volumetric before any band lookup), then price.
  const mode = card.rounding;
  let totalNg = 0n;
  let oversizeParcels = 0;
  let base = 0n;
  let registration = 0n;
  for (let i = 0; i < s.parcels.length; i++) {
    const w = parcelWeight(card, svc, s.parcels[i]!, i + 1);
    if (!w.ok) return no(w.reason, w.message);
    totalNg += w.chargeableNg;
    if (w.oversize) oversizeParcels++;
    if (svc.basis === 'parcel') {
      const p = priceWeight(card, zonePrice, w.chargeableNg);
      if (!p.ok) return no('weight', `parcel ${i + 1}: ${p.message}`);
      base += p.base;
      registration += p.registration;
    }
  }
  if (svc.basis === 'shipment') {
    const p = priceWeight(card, zonePrice, totalNg);
    if (!p.ok) return no('weight', p.message);
    base = p.base;
    registration = p.registration * BigInt(s.parcels.length); // a registration fee is per parcel either way
  }

  const lines: RawLine[] = [{ kind: 'base', minor: base, label: svc.name }];
  if (registration !== 0n) lines.push({ kind: 'registration', minor: registration, label: 'registration fee' });
  lines.push(...surchargeLines(card, svc, s, incoterm, totalNg, oversizeParcels));
  if (svc.fuel) {
    const row = fuelRow(svc.fuel.rows, s.shipDate);
    if (!row) return no('date', `${svc.name} has no fuel surcharge rate in force on ${s.shipDate}`);
    const fuel = fuelLine(lines, svc.fuel.appliesTo, row, mode);
    if (fuel) lines.push(fuel);
  }

  let total = 0n;
  for (const l of lines) total += l.minor;
  const currency = card.currency;
  return {
    ok: true,
    quote: {
      carrier: card.carrier,
      service: svc.code,
      serviceName: svc.name,
      total: { amount: Number(total), currency },
      breakdown: lines.map((l) => ({ kind: l.kind, amount: { amount: Number(l.minor), currency }, label: l.label })),
      chargeableWeight: { value: toDisplay(totalNg, card.unitNg), unit: card.weightUnit },
      transit: zone.transit ?? svc.transit ?? null,
      source: 'rate-card',
      incoterm,
      zone: zone.id,
    },
  };
}

/** First tariff that carries the cargo class and offers the incoterm asked for (or its first one). */
function pickTariff(svc: CompiledService, s: PreparedShipment): { tariff: CompiledTariff; incoterm: Incoterm } | { ok: false; reason: UnavailableReason; message: string } {
  let carriesClass = false;
  for (const t of svc.tariffs) {
    if (!t.cargoClasses.has(s.cargoClass)) continue;
    carriesClass = true;
    if (!s.incoterm) return { tariff: t, incoterm: t.incoterms[0]! };
    if (t.incoterms.includes(s.incoterm)) return { tariff: t, incoterm: s.incoterm };
  }
  return carriesClass
    ? { ok: false, reason: 'incoterm', message: `${svc.name} does not offer ${s.incoterm} for ${s.cargoClass} cargo` }
    : { ok: false, reason: 'cargo-class', message: `${svc.name} does not carry ${s.cargoClass} cargo` };
}
