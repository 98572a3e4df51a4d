import { findMarketplace, type AmazonMarketplace } from '../marketplaces.js';
import type { BreakdownDoc, MoneyDoc, OrderDoc, OrderItemDoc } from './order-doc.js';

/** Seed data for the sandbox's orders: deterministic from a PRNG, several marketplaces, real shapes. */
export interface SeedOptions {
  sellerId: string;
  /** Country codes or marketplace ids to spread orders over. */
  marketplaces: string[];
  /** Order ages: created this long before `now`, last updated a little later (before the 2-minute bound). */
  now: number;
  random: () => number;
  /** Index (in this batch) of an order the buyer asked to cancel. */
  buyerCancellationIndex?: number;
  fulfilledBy?: 'MERCHANT' | 'AMAZON';
  linesPerOrder?: number;
  quantity?: number;
}

/** Typical unit prices per currency, as decimal strings in the currency's own exponent. */
const PRICE: Record<string, string> = { EUR: '19.99', GBP: '17.49', USD: '21.99', CAD: '27.99', JPY: '1980', AUD: '32.95', SGD: '28.90', PLN: '89.99', SEK: '229.00', MXN: '399.00', BRL: '109.90', TRY: '699.90', INR: '1499.00', AED: '79.00', SAR: '79.00', EGP: '999.00', ZAR: '379.00' };
const SHIPPING: Record<string, string> = { EUR: '4.99', GBP: '3.99', USD: '5.99', JPY: '500' };
const EU_VAT = new Set(['DE', 'FR', 'IT', 'ES', 'NL', 'PL', 'SE', 'BE', 'IE']);

const digits = (random: () => number, n: number) => Array.from({ length: n }, () => Math.floor(random() * 10)).join('');
const money = (amount: string, currencyCode: string): MoneyDoc => ({ amount, currencyCode });

/** Exact decimal-string multiplication by a small integer (seed data must never go through floats). */
function times(amount: string, q: number): string {
  const [i, f = ''] = amount.split('.');
  const units = BigInt(i! + f) * BigInt(q);
  const s = units.toString().padStart(f.length + 1, '0');
  return f.length ? `${s.slice(0, -f.length)}.${s.slice(-f.length)}` : s;
}

/** VAT included in a gross price at 19% (rounded to the currency's decimals), as a decimal string. */
function includedVat(gross: string): string {
  const [i, f = ''] = gross.split('.');
  const units = BigInt(i! + f);
  const vat = (units * 19n + 59n) / 119n;
  const s = vat.toString().padStart(f.length + 1, '0');
  return f.length ? `${s.slice(0, -f.length)}.${s.slice(-f.length)}` : s;
}

function add(a: string, b: string): string {
  const scale = Math.max(a.split('.')[1]?.length ?? 0, b.split('.')[1]?.length ?? 0);
  const units = (x: string) => BigInt((x.split('.')[0] ?? '0') + (x.split('.')[1] ?? '').padEnd(scale, '0'));
  const s = (units(a) + units(b)).toString().padStart(scale + 1, '0');
  return scale ? `${s.slice(0, -scale)}.${s.slice(-scale)}` : s;
}

export function seedOrder(o: SeedOptions, index: number, market: AmazonMarketplace): OrderDoc {
  const r = o.random;
  const orderId = `${digits(r, 3)}-${digits(r, 7)}-${digits(r, 7)}`;
  const created = o.now - 3600_000 - index * 60_000;
  const updated = o.now - 5 * 60_000 - index * 1000;
  const currency = market.currency;
  const unit = PRICE[currency] ?? '10.00';
  const quantity = o.quantity ?? 2;
  const cross = market.region === 'eu' && EU_VAT.has(market.country);
  const items: OrderItemDoc[] = Array.from({ length: o.linesPerOrder ?? 1 }, (_, l) => {
    const itemTotal = times(unit, quantity);
    const ship = SHIPPING[currency];
    const breakdowns: BreakdownDoc[] = [{ type: 'ITEM', subtotal: money(itemTotal, currency) }];
    if (ship && l === 0) breakdowns.push({ type: 'SHIPPING', subtotal: money(ship, currency) });
    if (cross) {
      const vat = includedVat(itemTotal);
      breakdowns.push({ type: 'TAX', subtotal: money(vat, currency), detailedBreakdowns: [{ subtype: 'ITEM', value: money(vat, currency) }] });
    }
    return {
      orderItemId: digits(r, 14),
      quantityOrdered: quantity,
      product: { asin: `B0${digits(r, 8)}`, title: `Sandbox product ${index + 1}.${l + 1}`, sellerSku: `SANDBOX-SKU-${index + 1}-${l + 1}`, condition: { conditionType: 'NEW', conditionSubtype: 'NEW' }, price: { unitPrice: money(unit, currency) } },
      proceeds: { proceedsTotal: money(breakdowns.filter((b) => b.type !== 'TAX').reduce((s, b) => add(s, b.subtotal.amount), '0'), currency), breakdowns },
      fulfillment: { quantityFulfilled: 0, quantityUnfulfilled: quantity, ...(cross ? { shipping: { internationalShipping: { iossNumber: 'IM2760000742' } } } : {}) },
      ...(cross ? { tax: { taxCalculationBreakdowns: [{ reportingScheme: 'IOSS' }], taxCollections: [{ model: 'MARKETPLACE_FACILITATOR', responsibleParty: 'Amazon Services Europe S.a.r.L.' }] } } : {}),
      ...(index === o.buyerCancellationIndex ? { cancellation: { cancellationRequest: { requester: 'BUYER', cancelReason: 'Changed mind about purchase' } } } : {}),
    };
  });
  const grand = items.reduce((s, it) => add(s, it.proceeds!.proceedsTotal.amount), '0');
  return {
    orderId,
    orderAliases: [{ aliasId: `SANDBOX-${index + 1}`, aliasType: 'SELLER_ORDER_ID' }],
    createdTime: new Date(created).toISOString(),
    lastUpdatedTime: new Date(updated).toISOString(),
    programs: [],
    salesChannel: { channelName: 'AMAZON', marketplaceId: market.id, marketplaceName: `Amazon.${market.country.toLowerCase()}` },
    buyer: { buyerName: 'Sandbox Buyer', buyerEmail: `buyer-${orderId}@marketplace.amazon.test` },
    recipient: { deliveryAddress: { name: 'Sandbox Buyer', addressLine1: '1 Example Street', city: 'Example City', postalCode: '10115', countryCode: market.country === 'UK' ? 'GB' : market.country } },
    proceeds: { grandTotal: money(grand, currency), breakdowns: [{ type: 'ITEM', subtotal: money(items.reduce((s, it) => add(s, times(unit, it.quantityOrdered)), '0'), currency) }] },
    fulfillment: {
      fulfillmentStatus: 'UNSHIPPED',
      fulfilledBy: o.fulfilledBy ?? 'MERCHANT',
      fulfillmentServiceLevel: 'STANDARD',
      shipByWindow: { earliestDateTime: new Date(created).toISOString(), latestDateTime: new Date(created + 2 * 86_400_000).toISOString() },
    },
    orderItems: items,
    packages: [],
  };
}

export function marketsOf(refs: string[]): AmazonMarketplace[] {
  return refs.map((ref) => {
    const m = findMarketplace(ref);
    if (!m) throw new Error(`sandbox: unknown marketplace ${ref}`);
    return m;
  });
}
