import { ValidationError } from '../../../errors/classes.js';
import { toDecimal } from '../../../model/money.js';
import type { PreparedShipment, ShippingAddress } from '../../request.js';
import type { ChargeLine, ShippingQuote } from '../../types.js';
import { customsValue, isInternational, reconcile, wireMoney } from '../common.js';
import { carrierParcels, unitSystemOf } from '../measure.js';
import type { RateRequestBody, RateResponse, RatedShipment } from './schemas.js';

export const CARRIER = 'ups';

/** Service names from Rating.yaml (Shipment.Service.Code). Codes mean other services outside the US. */
const US_DOMESTIC: Record<string, string> = {
  '01': 'UPS Next Day Air', '02': 'UPS 2nd Day Air', '03': 'UPS Ground', '12': 'UPS 3 Day Select', '13': 'UPS Next Day Air Saver',
  '14': 'UPS Next Day Air Early', '59': 'UPS 2nd Day Air A.M.', '75': 'UPS Heavy Goods',
};
const INTERNATIONAL: Record<string, string> = {
  '07': 'UPS Worldwide Express', '08': 'UPS Worldwide Expedited', '11': 'UPS Standard', '54': 'UPS Worldwide Express Plus',
  '65': 'UPS Saver', '96': 'UPS Worldwide Express Freight', '71': 'UPS Worldwide Express Freight Midday',
};

export interface UpsRequestConfig {
  accountNumber: string;
  /** Adds DeliveryTimeInformation (and ?additionalinfo=timeintransit) to get transit days. */
  timeInTransit: boolean;
}

function address(a: ShippingAddress) {
  return {
    AddressLine: a.lines ?? [],
    ...(a.city ? { City: a.city } : {}),
    ...(a.state ? { StateProvinceCode: a.state } : {}),
    ...(a.postalCode ? { PostalCode: a.postalCode } : {}),
    CountryCode: a.country,
  };
}

export function toRateRequest(s: PreparedShipment, cfg: UpsRequestConfig): RateRequestBody {
  const metric = unitSystemOf(s) === 'metric';
  const weightUom = metric ? { Code: 'KGS', Description: 'Kilograms' } : { Code: 'LBS', Description: 'Pounds' };
  const dimUom = metric ? { Code: 'CM', Description: 'Centimeters' } : { Code: 'IN', Description: 'Inches' };
  const { from, to } = s.request;
  let invoice: RateRequestBody['RateRequest']['Shipment']['InvoiceLineTotal'];
  if (isInternational(s)) {
    // Cross-border rating needs the invoice total (research A1.3 #12).
    const value = customsValue(s);
    if (!value) throw new ValidationError({ message: 'UPS needs declaredValue or contents for an international rate (InvoiceLineTotal)', path: 'declaredValue' });
    invoice = { CurrencyCode: value.currency, MonetaryValue: toDecimal(value) };
  }
  return {
    RateRequest: {
      Request: { RequestOption: 'Shop', TransactionReference: { CustomerContext: 'xborder quote' } },
      Shipment: {
        Shipper: { ShipperNumber: cfg.accountNumber, Address: address(from) },
        ShipTo: { Address: { ...address(to), ...(to.residential ? { ResidentialAddressIndicator: 'Y' } : {}) } },
        ShipFrom: { Address: address(from) },
        PaymentDetails: { ShipmentCharge: [{ Type: '01', BillShipper: { AccountNumber: cfg.accountNumber } }] },
        // Weights and sides to 0.01 ("2 digits of significance after the decimal point"), rounded up.
        Package: carrierParcels(s, metric ? 'metric' : 'imperial', 2, 2).map((p) => ({
          PackagingType: { Code: '02', Description: 'Package' },
          ...(p.sides ? { Dimensions: { UnitOfMeasurement: dimUom, Length: p.sides[0], Width: p.sides[1], Height: p.sides[2] } } : {}),
          PackageWeight: { UnitOfMeasurement: weightUom, Weight: p.weight },
        })),
        ShipmentRatingOptions: { NegotiatedRatesIndicator: 'Y' },
        ...(invoice ? { InvoiceLineTotal: invoice } : {}),
        ...(cfg.timeInTransit ? { DeliveryTimeInformation: { PackageBillType: '03' as const, Pickup: { Date: s.shipDate.replaceAll('-', '') } } } : {}),
      },
    },
  };
}

/** Negotiated (account) rate when UPS returns one, else the published TotalCharges. */
function chargesOf(r: RatedShipment): { total: ReturnType<typeof wireMoney>; lines: ChargeLine[] } {
  const currency = r.TotalCharges.CurrencyCode;
  const lines: ChargeLine[] = [];
  const neg = r.NegotiatedRateCharges;
  if (neg) {
    const total = wireMoney(neg.TotalCharge.MonetaryValue, neg.TotalCharge.CurrencyCode);
    const base = neg.BaseServiceCharge?.[0];
    if (base) lines.push({ kind: 'base', amount: wireMoney(base.MonetaryValue, base.CurrencyCode), label: 'Negotiated base service charge' });
    return { total, lines };
  }
  const total = wireMoney(r.TotalCharges.MonetaryValue, currency);
  const transport = wireMoney(r.TransportationCharges.MonetaryValue, currency);
  if (r.BaseServiceCharge) {
    // Spec: BaseServiceCharge "is equal to transportation charges - fuel surcharges".
    const base = wireMoney(r.BaseServiceCharge.MonetaryValue, currency);
    lines.push({ kind: 'base', amount: base, label: 'Base service charge' });
    const fuel = transport.amount - base.amount;
    if (fuel !== 0) lines.push({ kind: 'fuel', amount: { amount: fuel, currency }, label: 'Fuel surcharge' });
  } else {
    lines.push({ kind: 'base', amount: transport, label: 'Transportation charges' });
  }
  const options = r.ServiceOptionsCharges ? wireMoney(r.ServiceOptionsCharges.MonetaryValue, currency) : undefined;
  if (options && options.amount !== 0) lines.push({ kind: 'other', amount: options, label: 'Service options charges' });
  return { total, lines };
}

export function fromRateResponse(res: RateResponse, s: PreparedShipment): ShippingQuote[] {
  const names = s.request.from.country === 'US' && s.request.to.country === 'US' ? US_DOMESTIC : INTERNATIONAL;
  return res.RateResponse.RatedShipment.map((r) => {
    const { total, lines } = chargesOf(r);
    const code = r.Service.Code;
    const daysText = r.GuaranteedDelivery?.BusinessDaysInTransit ?? r.TimeInTransit?.ServiceSummary?.EstimatedArrival?.BusinessDaysInTransit;
    const days = daysText !== undefined && /^\d+$/.test(daysText) ? Number(daysText) : undefined;
    const bw = r.BillingWeight;
    return {
      carrier: CARRIER,
      service: code,
      serviceName: names[code] ?? r.Service.Description ?? `UPS service ${code}`,
      total,
      breakdown: reconcile(total, lines),
      chargeableWeight: bw ? { value: Number(bw.Weight), unit: bw.UnitOfMeasurement.Code === 'LBS' ? 'lb' : 'kg' } : null,
      transit: days !== undefined ? { minDays: days, maxDays: days, kind: 'business' } : null,
      source: 'live',
    } satisfies ShippingQuote;
  });
}
