import { ResponseShapeError, ValidationError } from '../../../errors/classes.js';
import { toDecimal } from '../../../model/money.js';
import type { PreparedShipment, ShippingAddress } from '../../request.js';
import type { ChargeLine, ShippingQuote } from '../../types.js';
import { customsValue, daysFromWords, isInternational, reconcile, wireMoney } from '../common.js';
import { carrierParcels, unitSystemOf } from '../measure.js';
import type { RateReplyDetail, RateRequestBody, RatedShipmentDetail, RatesResponse } from './schemas.js';

export const CARRIER = 'fedex';

export interface FedexRequestConfig {
  accountNumber: string;
  /** Ask FedEx for rates in this currency too (rateRequestType PREFERRED). */
  preferredCurrency?: string;
}

function address(a: ShippingAddress) {
  return {
    ...(a.lines?.length ? { streetLines: a.lines } : {}),
    ...(a.city ? { city: a.city } : {}),
    ...(a.state ? { stateOrProvinceCode: a.state } : {}),
    ...(a.postalCode ? { postalCode: a.postalCode } : {}),
    countryCode: a.country,
    ...(a.residential !== undefined ? { residential: a.residential } : {}),
  };
}

/** Commodities for customs: the content lines, or one line carrying the declared value. */
function commodities(s: PreparedShipment) {
  const lines = s.request.contents;
  if (lines?.length) {
    return lines.map((l) => ({
      description: l.description.slice(0, 35),
      quantity: l.quantity,
      quantityUnits: 'PCS' as const,
      customsValue: { amount: toDecimal(l.value), currency: l.value.currency },
      ...(l.originCountry ? { countryOfManufacture: l.originCountry } : {}),
      ...(l.hsCode ? { harmonizedCode: l.hsCode } : {}),
    }));
  }
  const value = customsValue(s);
  if (!value) {
    throw new ValidationError({ message: 'FedEx needs declaredValue or contents to rate an international shipment', path: 'declaredValue' });
  }
  return [{ description: 'Merchandise', quantity: 1, quantityUnits: 'PCS' as const, customsValue: { amount: toDecimal(value), currency: value.currency } }];
}

export function toRateRequest(s: PreparedShipment, cfg: FedexRequestConfig): RateRequestBody {
  const metric = unitSystemOf(s) === 'metric';
  const { from, to } = s.request;
  return {
    accountNumber: { value: cfg.accountNumber },
    rateRequestControlParameters: { returnTransitTimes: true },
    requestedShipment: {
      shipper: { address: address(from) },
      recipient: { address: address(to) },
      pickupType: 'DROPOFF_AT_FEDEX_LOCATION',
      rateRequestType: cfg.preferredCurrency ? ['ACCOUNT', 'LIST', 'PREFERRED'] : ['ACCOUNT', 'LIST'],
      ...(cfg.preferredCurrency ? { preferredCurrency: cfg.preferredCurrency } : {}),
      shipDateStamp: s.shipDate,
      packagingType: 'YOUR_PACKAGING',
      // Weights to 0.01, sides to whole units (the samples send integers); both rounded up.
      requestedPackageLineItems: carrierParcels(s, metric ? 'metric' : 'imperial', 2, 0).map((p) => ({
        weight: { units: metric ? 'KG' : 'LB', value: Number(p.weight) },
        ...(p.sides ? { dimensions: { length: Number(p.sides[0]), width: Number(p.sides[1]), height: Number(p.sides[2]), units: metric ? 'CM' : 'IN' } } : {}),
      })),
      ...(isInternational(s)
        ? {
            customsClearanceDetail: {
              dutiesPayment:
                s.incoterm === 'DDP'
                  ? { paymentType: 'SENDER' as const, payor: { responsibleParty: { accountNumber: { value: cfg.accountNumber } } } }
                  : { paymentType: 'RECIPIENT' as const },
              commodities: commodities(s),
            },
          }
        : {}),
    },
  };
}

/** PREFERRED_CURRENCY when asked for, else the account (negotiated) rate, else list, else the first. */
function pickDetail(r: RateReplyDetail, preferred: boolean): RatedShipmentDetail {
  const order = preferred ? ['PREFERRED_CURRENCY', 'ACCOUNT', 'LIST'] : ['ACCOUNT', 'LIST'];
  for (const type of order) {
    const hit = r.ratedShipmentDetails.find((d) => d.rateType === type);
    if (hit) return hit;
  }
  return r.ratedShipmentDetails[0]!;
}

function linesOf(d: RatedShipmentDetail, currency: string): ChargeLine[] {
  const lines: ChargeLine[] = [];
  const push = (kind: ChargeLine['kind'], value: number | string | undefined, label: string, sign = 1) => {
    if (value === undefined) return;
    const m = wireMoney(value, currency);
    if (m.amount !== 0) lines.push({ kind, amount: { amount: sign * m.amount, currency }, label });
  };
  push('base', d.totalBaseCharge, 'Base charge');
  push('other', d.totalDiscounts, 'Discounts', -1);
  for (const c of d.shipmentRateDetail?.surCharges ?? []) push(c.type === 'FUEL' ? 'fuel' : 'other', c.amount, c.description ?? c.type ?? 'Surcharge');
  for (const t of d.shipmentRateDetail?.taxes ?? []) push('tax', t.amount, t.description ?? t.type ?? 'Tax');
  return lines;
}

export function fromRatesResponse(res: RatesResponse, cfg: FedexRequestConfig): ShippingQuote[] {
  return res.output.rateReplyDetails.map((r) => {
    const d = pickDetail(r, !!cfg.preferredCurrency);
    const currency = d.currency ?? d.shipmentRateDetail?.currency;
    if (!currency) {
      throw new ResponseShapeError({ marketplace: CARRIER, operation: 'rateQuotes', message: `FedEx rate for ${r.serviceType} has no currency`, issues: [{ path: 'output.rateReplyDetails.ratedShipmentDetails.currency', message: 'missing' }] });
    }
    // totalNetCharge: what the shipper pays for transport (taxes on it included, import duties not).
    const total = wireMoney(d.totalNetCharge, currency);
    const billing = d.shipmentRateDetail?.totalBillingWeight;
    const days = daysFromWords(r.operationalDetail?.transitTime);
    return {
      carrier: CARRIER,
      service: r.serviceType,
      serviceName: r.serviceName ?? r.serviceType,
      total,
      breakdown: reconcile(total, linesOf(d, currency)),
      chargeableWeight: billing ? { value: Number(billing.value), unit: billing.units === 'LB' ? 'lb' : 'kg' } : null,
      transit: days !== undefined ? { minDays: days, maxDays: days, kind: 'business' } : null,
      source: 'live',
    } satisfies ShippingQuote;
  });
}
