import { calculator } from 'dinero.js/bigint';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mulDiv } from '../../../src/landed-cost/calc.js';
import { DESTINATIONS, estimateLandedCostSync, supportedDestinations, type LandedCostEstimate } from '../../../src/landed-cost/index.js';
import { fromMinor, rounder, type Money, type Rounding } from '../../../src/model/money.js';
import { USD_TABLE } from '../../fixtures/landed-cost/rates.js';

const HS = ['610910', '611020', '640411', '420292', '392690', '851713', '851830', '847130', '950300', '330499', '711719', '910211', '220421', '940540'];
const CHANNELS = [undefined, 'amazon', 'ebay', 'aliexpress', 'shopee', 'direct'];

function currencyOf(dest: string, asOf: string): string {
  const d = DESTINATIONS.get(dest)!;
  return d.currencies.find((c) => asOf >= c.validFrom && (!c.validTo || asOf <= c.validTo))!.code;
}

const arbInput = fc
  .record({
    destination: fc.constantFrom(...supportedDestinations()),
    day: fc.integer({ min: 0, max: 4 * 365 }),
    origin: fc.constantFrom('CN', 'US', 'DE', 'VN', 'MX', 'HK'),
    items: fc.array(fc.record({ hs: fc.constantFrom(...HS), minor: fc.integer({ min: 0, max: 600_000 }), quantity: fc.integer({ min: 1, max: 4 }), proof: fc.boolean() }), { minLength: 1, maxLength: 4 }),
    shipping: fc.integer({ min: 0, max: 10_000 }),
    insurance: fc.option(fc.integer({ min: 0, max: 1_000 }), { nil: undefined }),
    channel: fc.constantFrom(...CHANNELS),
    collectsTax: fc.constantFrom(undefined, true, false),
    incoterm: fc.constantFrom('DDP' as const, 'DAP' as const),
    transport: fc.constantFrom('courier' as const, 'post' as const),
    region: fc.constantFrom(undefined, 'ON', 'NS', 'SP', 'BA'),
  })
  .map((r) => {
    const start = Date.parse(`${DESTINATIONS.get(r.destination)!.coverageFrom}T00:00:00Z`);
    const asOf = new Date(start + r.day * 86_400_000).toISOString().slice(0, 10);
    const cur = currencyOf(r.destination, asOf);
    const mon = (minor: number): Money => fromMinor(minor, cur);
    return {
      origin: r.origin, destination: r.destination, asOf, rates: USD_TABLE, incoterm: r.incoterm, transport: r.transport, region: r.region,
      items: r.items.map((i) => ({ hsCode: i.hs, value: mon(i.minor), quantity: i.quantity, originProof: i.proof })),
      shipping: mon(r.shipping),
      ...(r.insurance === undefined ? {} : { insurance: mon(r.insurance) }),
      ...(r.channel ? { channel: { marketplace: r.channel, ...(r.collectsTax === undefined ? {} : { collectsTax: r.collectsTax }) } } : {}),
    };
  });

const amt = (m: Money | null) => (m ? m.amount : 0);

function checkInvariants(e: LandedCostEstimate) {
  const duty = e.dutyLines.filter((l) => l.collectedBy !== 'marketplace').reduce((s, l) => s + amt(l.amount), 0);
  const taxes = e.taxes.filter((t) => t.collectedBy !== 'marketplace').reduce((s, t) => s + t.amount.amount, 0);
  const fees = e.fees.reduce((s, f) => s + f.amount.amount, 0);
  expect(e.total.amount).toBe(duty + taxes + fees);
  expect(e.total.amount).toBeGreaterThanOrEqual(0);
  expect(e.payableBy.seller.amount + e.payableBy.buyer.amount).toBe(e.total.amount);
  if (e.incoterm === 'DDP') expect(e.payableBy.buyer.amount).toBe(0);
  const all: Money[] = [e.total, e.duty, e.customsValue, e.marketplaceCollected, ...e.taxes.flatMap((t) => [t.amount, t.base]), ...e.fees.map((f) => f.amount), ...e.dutyLines.flatMap((l) => (l.amount ? [l.amount] : []))];
  for (const x of all) {
    expect(x.currency).toBe(e.currency);
    expect(x.amount).toBeGreaterThanOrEqual(0);
    expect(Number.isSafeInteger(x.amount)).toBe(true);
  }
  if (e.dutyLines.some((l) => l.amount === null)) expect(e.complete).toBe(false);
  const cited = new Set(e.rules.map((r) => r.id));
  for (const id of [...e.taxes.map((t) => t.ruleId), ...e.fees.map((f) => f.ruleId), ...e.dutyLines.map((l) => l.ruleId)]) {
    if (id !== 'caller.duty-rate' && id !== 'unknown') expect(cited.has(id), id).toBe(true);
  }
  for (const r of e.rules) {
    expect(r.source).toMatch(/^https?:\/\//);
    if (r.confidence === 'unconfirmed') expect(e.warnings.some((w) => w.ruleId === r.id), r.id).toBe(true);
  }
}

describe('landed-cost properties', () => {
  it('total = duty + seller-owed taxes + fees, never negative, everything in one currency, every charge cited', () => {
    fc.assert(fc.property(arbInput, (input) => checkInvariants(estimateLandedCostSync(input))), { numRuns: 1500 });
  });

  it('facilitator on/off: what a marketplace collects at checkout is exactly what the seller would otherwise pay (EU ≤ €150)', () => {
    const arb = fc.record({ minor: fc.integer({ min: 0, max: 15_000 }), ship: fc.integer({ min: 0, max: 2_000 }), cc: fc.constantFrom('FR', 'DE', 'IT', 'ES', 'NL', 'IE'), asOf: fc.constantFrom('2026-03-01', '2026-08-01') });
    fc.assert(
      fc.property(arb, ({ minor, ship, cc, asOf }) => {
        const input = { origin: 'CN', destination: cc, asOf, items: [{ hsCode: '610910', value: fromMinor(minor, 'EUR') }], shipping: fromMinor(ship, 'EUR') };
        const on = estimateLandedCostSync({ ...input, channel: { marketplace: 'amazon' } });
        const off = estimateLandedCostSync({ ...input, channel: { marketplace: 'direct' } });
        // DE waives import VAT under €1 at the border but not IOSS VAT at checkout.
        const waived = off.taxes.some((t) => t.waivedBy);
        if (!waived) expect(on.total.amount + on.marketplaceCollected.amount).toBe(off.total.amount);
        expect(on.duty).toEqual(off.duty);
      }),
      { numRuns: 500 },
    );
  });

  it('exact rounding: the Number fast path equals dinero\u2019s bigint rounders', () => {
    const modes: Rounding[] = ['halfEven', 'halfUp', 'halfDown', 'halfAwayFromZero', 'halfTowardsZero', 'up', 'down'];
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 40 }), fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 1, max: 1_000_000 }), fc.constantFrom(...modes), (a, n, dd, mode) => {
        fc.pre((a * n) / dd < Number.MAX_SAFE_INTEGER / 2); // results stay Money-sized; products may pass 2^53
        const expected = Number(rounder(mode)(BigInt(a) * BigInt(n), BigInt(dd), calculator));
        expect(mulDiv(a, BigInt(n), BigInt(dd), mode)).toBe(expected);
      }),
      { numRuns: 3000 },
    );
  });
});
