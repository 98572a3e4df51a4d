import { toDecimal } from '../../../model/money.js';
import type { PreparedShipment } from '../../request.js';
import type { ChargeLine, ShippingQuote } from '../../types.js';
import { customsValue, isInternational, reconcile, requireCity, wireMoney } from '../common.js';
import { carrierParcels, unitSystemOf } from '../measure.js';
import type { DhlAddress, Product, RateRequestBody, RatesResponse } from './schemas.js';

export const CARRIER = 'dhl-express';

export interface DhlRequestConfig {
  accountNumber: string;
  /** Local time of the planned pickup, 'HH:MM:SS' (POST only; GET takes a date). */
  pickupTime: string;
  /** Shipper's offset from GMT, '+08:00'. */
  utcOffset: string;
}

/** GET /rates query (one piece with dimensions; every parameter below is required by the spec but postal codes). */
export function toRatesQuery(s: PreparedShipment, cfg: DhlRequestConfig): Record<string, string> {
  const system = unitSystemOf(s);
  const [p] = carrierParcels(s, system, 3, 3);
  const { from, to } = s.request;
  const q: Record<string, string> = {
    accountNumber: cfg.accountNumber,
    originCountryCode: from.country,
    originCityName: requireCity(s, 'from', 'DHL Express'),
    destinationCountryCode: to.country,
    destinationCityName: requireCity(s, 'to', 'DHL Express'),
    weight: p!.weight,
    length: p!.sides![0],
    width: p!.sides![1],
    height: p!.sides![2],
    plannedShippingDate: s.shipDate,
    isCustomsDeclarable: String(isInternational(s)),
    unitOfMeasurement: system,
  };
  if (from.postalCode) q.originPostalCode = from.postalCode;
  if (to.postalCode) q.destinationPostalCode = to.postalCode;
  return q;
}

/** POST /rates body (multi-piece, or one piece without dimensions). */
export function toRatesBody(s: PreparedShipment, cfg: DhlRequestConfig): RateRequestBody {
  const system = unitSystemOf(s);
  const value = customsValue(s);
  const address = (side: 'from' | 'to'): DhlAddress => ({
    postalCode: s.request[side].postalCode ?? '',
    cityName: requireCity(s, side, 'DHL Express'),
    countryCode: s.request[side].country,
  });
  return {
    customerDetails: { shipperDetails: address('from'), receiverDetails: address('to') },
    accounts: [{ typeCode: 'shipper', number: cfg.accountNumber }],
    plannedShippingDateAndTime: `${s.shipDate}T${cfg.pickupTime}GMT${cfg.utcOffset}`,
    unitOfMeasurement: system,
    isCustomsDeclarable: isInternational(s),
    ...(value ? { monetaryAmount: [{ typeCode: 'declaredValue' as const, value: Number(toDecimal(value)), currency: value.currency }] } : {}),
    packages: carrierParcels(s, system, 3, 3).map((p) => ({
      weight: Number(p.weight),
      ...(p.sides ? { dimensions: { length: Number(p.sides[0]), width: Number(p.sides[1]), height: Number(p.sides[2]) } } : {}),
    })),
  };
}

/** The price in the billing currency (BILLC); public (PULCL) or base (BASEC) only when BILLC is absent. */
function pickPrice(p: Product) {
  for (const type of ['BILLC', 'PULCL', 'BASEC']) {
    const hit = p.totalPrice.find((t) => t.currencyType === type && t.priceCurrency);
    if (hit) return hit as typeof hit & { priceCurrency: string };
  }
  return undefined;
}

/** MyDHL charge codes from the spec's examples: FF fuel surcharge, OO remote area delivery. */
const KIND_BY_CODE: Record<string, ChargeLine['kind']> = { FF: 'fuel', OO: 'remote' };

function breakdownOf(p: Product, currencyType: string | undefined, currency: string): ChargeLine[] {
  const detail = p.detailedPriceBreakdown?.find((d) => d.currencyType === currencyType) ?? p.detailedPriceBreakdown?.find((d) => d.priceCurrency === currency);
  const lines: ChargeLine[] = [];
  (detail?.breakdown ?? []).forEach((b, i) => {
    if (b.price === undefined) return;
    const amount = wireMoney(b.price, currency);
    if (amount.amount === 0) return;
    // The first entry is the product itself (spec: "name within the first occurrence ... Global Product Name").
    const kind = i === 0 ? 'base' : (KIND_BY_CODE[b.serviceCode ?? ''] ?? 'other');
    lines.push({ kind, amount, ...(b.name ? { label: b.name } : {}) });
  });
  return lines;
}

export function fromRatesResponse(res: RatesResponse): ShippingQuote[] {
  const quotes: ShippingQuote[] = [];
  for (const p of res.products) {
    const price = pickPrice(p);
    if (!price) continue; // a product DHL lists without a price (customer agreement needed)
    const currency = price.priceCurrency;
    const total = wireMoney(price.price, currency);
    const taxEntry = p.totalPriceBreakdown?.find((t) => t.currencyType === price.currencyType)?.priceBreakdown?.find((b) => b.typeCode === 'STTXA');
    const tax = taxEntry ? wireMoney(taxEntry.price, currency).amount : 0;
    let lines = breakdownOf(p, price.currencyType, currency);
    if (lines.length === 0) lines = [{ kind: 'base', amount: total }];
    const sum = lines.reduce((a, l) => a + l.amount.amount, 0);
    const residueIsTax = tax !== 0 && total.amount - sum === tax;
    const uom = p.weight?.unitOfMeasurement === 'imperial' ? 'lb' : 'kg';
    const billed = Math.max(Number(p.weight?.provided ?? 0), Number(p.weight?.volumetric ?? 0));
    const days = p.deliveryCapabilities?.totalTransitDays;
    quotes.push({
      carrier: CARRIER,
      service: p.productCode,
      serviceName: p.productName ?? p.productCode,
      total,
      breakdown: reconcile(total, lines, residueIsTax ? 'tax' : 'other', residueIsTax ? 'total tax (STTXA)' : 'not itemised'),
      chargeableWeight: billed > 0 ? { value: billed, unit: uom } : null,
      transit: days !== undefined ? { minDays: days, maxDays: days, kind: 'business' } : null,
      source: 'live',
    });
  }
  return quotes;
}
