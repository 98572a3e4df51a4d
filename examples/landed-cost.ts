/**
 * Landed cost (DDP) estimates with xborder/landed-cost.
 *   npx tsx examples/landed-cost.ts
 */
import { money, toDecimal } from 'xborder';
import { rateTable } from 'xborder/currency';
import { estimateLandedCost, type LandedCostEstimate } from 'xborder/landed-cost';

// Customs exchange rates: in production the destination's own rate (EU monthly customs rate,
// CBP certified rates...) from a RateProvider; a fixed table here.
const customsRates = rateTable({ base: 'EUR', asOf: '2026-07-22', source: 'example customs rates', rates: { USD: '1.16', GBP: '0.86' } });

function print(title: string, e: LandedCostEstimate) {
  const cur = e.currency;
  console.log(`\n${title}\n  regime: ${e.regime.name}${e.regime.scheme ? ` [${e.regime.scheme}]` : ''}`);
  console.log(`  customs value ${toDecimal(e.customsValue)} ${cur}, duty ${toDecimal(e.duty)} ${cur} (${e.dutyCollectedBy})`);
  for (const t of e.taxes) console.log(`  ${t.kind} ${t.rate}% of ${toDecimal(t.base)} = ${toDecimal(t.amount)} ${cur} (${t.collectedBy})`);
  for (const f of e.fees) console.log(`  fee: ${f.name} ${toDecimal(f.amount)} ${cur}`);
  console.log(`  seller pays ${toDecimal(e.payableBy.seller)} ${cur}; marketplace collected ${toDecimal(e.marketplaceCollected)} ${cur}${e.complete ? '' : ' (incomplete: unknown duty rate)'}`);
  for (const w of e.warnings) console.log(`  ! ${w.code}: ${w.message}`);
}

// 1. Two T-shirts and a watch from China to France via Amazon, after the EU €3 duty starts.
print('CN → FR, Amazon (IOSS), 1 Aug 2026', await estimateLandedCost({
  origin: 'CN', destination: 'FR', asOf: '2026-08-01',
  items: [
    { sku: 'TEE-M', hsCode: '610910', value: money('9.90', 'USD'), quantity: 2 },
    { sku: 'WATCH', hsCode: '910211', value: money('34.00', 'USD') },
  ],
  shipping: money('6.00', 'USD'), incoterm: 'DDP', channel: { marketplace: 'amazon' }, rates: customsRates,
}));

// 2. The same T-shirts shipped directly to the US by courier: duty stack incl. Chapter 99 and MPF.
print('CN → US, direct courier, 1 Mar 2026', await estimateLandedCost({
  origin: 'CN', destination: 'US', asOf: '2026-03-01',
  items: [{ sku: 'TEE-M', hsCode: '610910', value: money('9.90', 'USD'), quantity: 20 }],
  shipping: money('35.00', 'USD'), incoterm: 'DDP', channel: { marketplace: 'direct' },
}));

// 3. Brazil via a Remessa Conforme platform: II and grossed-up ICMS collected at checkout.
print('CN → BR (SP), AliExpress', await estimateLandedCost({
  origin: 'CN', destination: 'BR', asOf: '2026-03-01', region: 'SP',
  items: [{ hsCode: '851830', value: money('450.00', 'BRL') }],
  shipping: money('50.00', 'BRL'), incoterm: 'DDP', channel: { marketplace: 'aliexpress' },
  rates: rateTable({ base: 'USD', asOf: '2026-02-27', source: 'example Receita rate', rates: { BRL: '5' } }),
}));
